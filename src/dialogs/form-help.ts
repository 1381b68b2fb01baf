import { normalise } from './choices.ts';
import { fieldById, type FieldDef } from './form-fields.ts';
import type { FormField } from './i18n/index.ts';
import type { Speech } from './render.ts';
import type { FormStep } from './state.ts';

// "sorry, wat moet ik nu doen?", "hallo?", "ik snap het niet", "what do I do now?", "are you there?".
const lost = new RegExp(
  '^(?:sorry |oei |euh |uhm |ok |oke )?(?:' +
    [
      'wat moet ik (?:nu |hier |dan )?(?:doen|typen|invullen|antwoorden|zeggen|schrijven)',
      'wat (?:nu|moet ik nu)',
      'en nu',
      'hoe werkt (?:dit|dat|het)',
      'ik (?:snap|begrijp|versta) (?:het |dit |je |u )?niet',
      'ik weet niet wat ik moet (?:doen|typen|invullen)',
      'what (?:do|should|must) i (?:do|type|enter|say|write|answer)(?: now| here| next)?',
      'what now',
      'now what',
      'what next',
      'i (?:don t|do not) (?:understand|get it)',
      'i m (?:confused|lost)',
      'huh',
      'hallo',
      'hello',
      'hey',
      'hoi',
      'hi',
      'ben je (?:daar|er) (?:nog)?',
      'is (?:daar|er) iemand',
      'are you (?:still )?there',
      'anybody there',
      'anyone there',
    ].join('|') +
    ')(?: sorry)?$',
  'u',
);
const greeting = /^(?:hallo|hello|hey|hoi|hi|ben je|is (?:daar|er)|are you|any(?:body|one))\b/u;
// "waarom wil je mijn naam?", "why do you need my phone number?".
const why = /^(?:maar )?(?:waarom|why|waarvoor)\b.*\b(?:wil|wilt|moet|heb|hebt|nodig|vraag|vraagt|need|want|ask|require|must)\b/u;

// The field a "why" names ("waarom wil je mijn telefoonnummer?"), by words of its kind.
const named: Array<[RegExp, keyof Speech['m']['reading']['why']]> = [
  [/\b(?:naam|name|voornaam|achternaam)\b/u, 'name'],
  [/\b(?:e ?mail\w*|mailadres)\b/u, 'email'],
  [/\b(?:telefoon\w*|gsm\w*|nummer|phone|number|mobile)\b/u, 'phone'],
  [/\b(?:organisatie|organisation|organization|werkgever|employer)\b/u, 'organisation'],
  [/\b(?:adres|address)\b/u, 'address'],
  [/\b(?:boek|book)\b/u, 'book'],
  [/\b(?:sessie|sessies|session|sessions|reeks|series)\b/u, 'session'],
];

function purposeOf(field: FieldDef | null): keyof Speech['m']['reading']['why'] {
  switch (field?.type) {
    case 'name':
    case 'email':
    case 'phone':
    case 'organisation':
    case 'session':
    case 'address':
      return field.type;
    case 'choice':
      return 'organisation';
    case 'yesNo':
      return 'book';
    default:
      return 'summary';
  }
}

/**
 * What to say before the open question again to someone who is lost ("sorry, wat moet ik nu
 * doen?", "hallo?") or asks why it is asked ("waarom wil je mijn naam?"): what is going on and
 * what the question is for, with an example. Null for any other message.
 */
export function helpWithQuestion(text: string, step: FormStep, s: Speech, forColleague = false): string | null {
  const n = normalise(text);
  const field = fieldById(s.event, step);
  const { reading, examples } = s.m;
  if (why.test(n)) {
    const purpose = named.find(([words]) => words.test(n))?.[1] ?? purposeOf(field);
    return `${reading.whyPrefix} ${reading.why[purpose]}`;
  }
  if (!lost.test(n)) return null;
  const intro = greeting.test(n) ? reading.hereIntro : reading.sorryIntro;
  const who = forColleague ? reading.registeringColleague : reading.registering;
  const purpose = reading.why[purposeOf(field)];
  const typed = field && (field.type === 'name' || field.type === 'email' || field.type === 'phone' || field.type === 'organisation' || field.type === 'address');
  if (!typed) return `${intro} ${reading.whatNowChoice(who, purpose)}`;
  const example = field.id === 'firstName' ? `${examples.firstName} ${examples.lastName}` : field.id === 'street' ? `${examples.street}, ${examples.postalCode} ${examples.city}` : examples[field.key as FormField];
  return `${intro} ${reading.whatNow(who, purpose, example)}`;
}
