import type { Language } from '../core/index.ts';
import { normalise } from './choices.ts';
import type { FormField } from './i18n/index.ts';
import { personalDataRequest } from './personal-data.words.ts';

/** What "wijzig …"/"change …" points at: a form field, the session of one series, or sessions in general. */
export type ChangeTarget = FormField | `session:${number}` | 'session';

/** A global command, understood at every step in both languages. */
export type Command =
  | { kind: 'stop' }
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'menu' }
  | { kind: 'programme' }
  | { kind: 'myRegistration' }
  | { kind: 'language'; lang: Language }
  | { kind: 'about' }
  | { kind: 'change'; target: ChangeTarget | null }
  /** "mijn gegevens" (show what is kept, and mail it) or "verwijder mijn gegevens" (erase, after a confirmation). */
  | { kind: 'personalData'; erase: boolean };

/** Politeness that may surround a command ("stop aub", "English please"). */
const politeness = /\b(aub|a u b|alsjeblieft|alstublieft|astublieft|graag|please|pls|plz|dank je|thanks)\b/g;

// A Map, not an object: a typed "constructor" or "__proto__" must find nothing.
const simple = new Map<string, Command>();
const add = (command: Command, ...phrases: string[]): void => phrases.forEach((p) => simple.set(p, command));
add({ kind: 'stop' }, 'stop', 'stoppen', 'annuleer', 'annuleren', 'afbreken', 'cancel', 'quit', 'exit', 'ik wil stoppen', 'laat maar', 'never mind', 'nevermind');
add({ kind: 'back' }, 'terug', 'vorige', 'ga terug', 'vorige vraag', 'back', 'go back', 'previous', 'previous question');
add({ kind: 'help' }, 'help', 'hulp', 'help me', 'helpen', 'wat kan ik doen', 'what can i do', 'commands', 'commando s');
add({ kind: 'menu' }, 'menu', 'hoofdmenu', 'main menu', 'terug naar het menu', 'back to the menu');
add({ kind: 'programme' }, 'programma', 'programme', 'program', 'agenda', 'het programma', 'the programme', 'the program', 'programma in het kort');
add({ kind: 'myRegistration' }, 'mijn inschrijving', 'mijn registratie', 'mijn aanmelding', 'my registration', 'my booking', 'inschrijving bekijken', 'view my registration');
add({ kind: 'language', lang: 'en' }, 'english', 'in english', 'engels', 'in het engels', 'taal en', 'taal engels', 'language en', 'language english', 'speak english', 'can we speak english', 'english language');
add({ kind: 'about' }, 'wie ben jij', 'wie ben je', 'wie bent u', 'wat ben jij', 'wat ben je', 'wat bent u', 'wie is dit', 'wat is dit', 'ben jij een bot', 'ben je een bot', 'ben jij een robot', 'ben je een robot', 'ben jij een mens', 'ben je een mens', 'who are you', 'what are you', 'who is this', 'are you a bot', 'are you a robot', 'are you human', 'are you a person');
add({ kind: 'language', lang: 'nl' }, 'nederlands', 'in het nederlands', 'dutch', 'in dutch', 'taal nl', 'taal nederlands', 'language nl', 'language dutch', 'vlaams', 'spreek nederlands');

const fieldWords: Array<[ChangeTarget, string[]]> = [
  ['firstName', ['voornaam', 'first name', 'firstname', 'given name', 'naam', 'name']],
  ['lastName', ['achternaam', 'familienaam', 'last name', 'lastname', 'surname', 'family name']],
  ['email', ['e mail', 'email', 'mail', 'e mailadres', 'emailadres', 'mailadres', 'email address', 'e mail address', 'e mail adres']],
  ['phone', ['telefoon', 'telefoonnummer', 'gsm', 'gsm nummer', 'gsmnummer', 'nummer', 'tel', 'phone', 'phone number', 'mobile', 'mobile number']],
  ['organisation', ['organisatie', 'organisation', 'organization', 'bedrijf', 'werkgever', 'company', 'employer']],
  ['organisationType', ['type', 'soort', 'type organisatie', 'organisatietype', 'soort organisatie', 'organisation type', 'organization type', 'kind of organisation', 'kind of organization']],
  ['book', ['boek', 'book', 'boekbestelling', 'bestelling', 'book order']],
  ['street', ['adres', 'verzendadres', 'straat', 'straat en nummer', 'huisnummer', 'address', 'shipping address', 'street', 'house number']],
  ['postalCode', ['postcode', 'postal code', 'zip', 'zip code', 'postnummer']],
  ['city', ['gemeente', 'stad', 'woonplaats', 'plaats', 'city', 'town']],
  ['country', ['land', 'country']],
  ['session', ['sessie', 'sessies', 'session', 'sessions', 'workshop', 'workshops', 'keuze', 'choice']],
];

const ordinals = new Map<string, number>([['eerste', 1], ['first', 1], ['tweede', 2], ['second', 2], ['derde', 3], ['third', 3]]);

function changeTarget(words: string): ChangeTarget | null {
  const cleaned = words.replace(/^(mijn|my|de|het|the|je|your)\s+/, '').trim();
  const series = /^(?:(?:sessie|session|workshop|keuze|choice)\s+)?(?:in\s+|voor\s+|for\s+)?(?:reeks|series)\s+(\d{1,2})$/.exec(cleaned);
  if (series) return `session:${Number(series[1])}`;
  const ordinal = /^(eerste|tweede|derde|first|second|third)\s+(?:sessie|session|workshop|reeks|series)$/.exec(cleaned);
  if (ordinal?.[1]) return `session:${ordinals.get(ordinal[1]) ?? 1}`;
  for (const [target, phrases] of fieldWords) if (phrases.includes(cleaned)) return target;
  return null;
}

const changeVerbs = '(?:wijzig|wijzigen|verander|veranderen|pas|aanpassen|corrigeer|verbeter|change|edit|update|correct|fix|modify)';

const changeOnly = new RegExp(`^${changeVerbs}$`);
const changeBefore = new RegExp(`^(?:ik wil |i want to |i d like to |can i )?${changeVerbs}\\s+(.+?)(?:\\s+aan)?$`);
const changeAfter = new RegExp(`^(?:ik wil )?(.+?)\\s+(?:wijzigen|veranderen|aanpassen|corrigeren|verbeteren|change|edit|update|correct|fix|modify)$`);

// "can we do this in English?", "kan het in het Nederlands?", "liever in het Engels": a request,
// not "is het in het Nederlands?" (a question about the day).
const languageAsk = /^(?:(?:can|could|shall|may) (?:we|you|i) |let s |i d like to |i would like to |i prefer to |kan (?:het|dat|je|u) |kunnen we |kun je |mag het |mogen we |liever |doe maar |we gaan )?(?:do (?:this|it|that) |continue |go on |talk |speak |chat |write |switch |proceed |verder |spreken |praten )?(?:in |to |naar )?(?:het )?(english|engels|dutch|nederlands|vlaams)(?: (?:verder|spreken|praten|doen|language|taal))?$/;

/** The global command in a typed message, or null. Only whole messages count: "stop", not "ik stop bij sessie 2". */
export function parseCommand(text: string): Command | null {
  const n = normalise(text).replace(politeness, ' ').replace(/\s+/g, ' ').trim();
  if (n.length === 0 || n.length > 60) return null;
  const known = simple.get(n);
  if (known) return known;
  const language = languageAsk.exec(n)?.[1];
  if (language) return { kind: 'language', lang: language === 'english' || language === 'engels' ? 'en' : 'nl' };
  if (changeOnly.test(n) || n === 'iets wijzigen' || n === 'change something') return { kind: 'change', target: null };
  // "wijzig mijn hoed" still opens the list of fields; "Van Pas" (a surname) is not a command.
  const before = changeBefore.exec(n)?.[1];
  if (before) return { kind: 'change', target: changeTarget(before) };
  const after = changeAfter.exec(n)?.[1];
  const target = after ? changeTarget(after) : null;
  if (target) return { kind: 'change', target };
  const data = personalDataRequest(text);
  return data ? { kind: 'personalData', erase: data === 'erase' } : null;
}

/** What someone wants when no form is open, recognised from a few key words. */
export type IdleIntent = 'register' | 'myRegistration' | 'changeSession' | 'cancelRegistration' | 'greeting' | 'thanks';

const mine = /\b(mijn|my|m n)\b/;
const registrationWords = /\b(inschrijving|registratie|aanmelding|registration|booking|reservation|reservatie|plaats|ticket)\b/;

/** "ik kan (toch) niet komen", "I can't make it": a cancellation in other words. */
const cannotCome = /\b(?:(?:ik )?kan (?:\w+ )?niet (?:\w+ )?(?:komen|aanwezig zijn|deelnemen)|(?:i )?can t (?:\w+ )?(?:come|make it|attend)|(?:i )?cannot (?:come|make it|attend))\b/;

/** A question about one's own registration, which only the ledger can answer ("wat heb ik gekozen?"). */
const ownRegistrationQuestion =
  /\b(?:wat heb ik gekozen|welke sessies? heb ik|voor welke sessies? ben ik|waarvoor ben ik ingeschreven|ben ik (?:wel )?ingeschreven|what did i (?:choose|pick|sign up for)|which sessions? (?:am i|did i)|am i (?:signed up|registered))\b/;

/** Whether a message asks about one's own registration rather than the programme. */
export function asksAboutOwnRegistration(text: string): boolean {
  return ownRegistrationQuestion.test(normalise(text));
}

/**
 * "Kan ik een collega inschrijven?", "register a colleague": signing up someone else. Not "kan ik
 * me met collega's inschrijven" (themselves, with others: a question for the answerer).
 */
export function asksToRegisterSomeoneElse(text: string): boolean {
  const n = normalise(text);
  return (
    /\b(?:collega|collegas|colleague|colleagues|iemand anders|someone else|een ander|another person|somebody else)\b/.test(n) &&
    !/\b(?:me|mij|myself|ons|onszelf|ourselves|meerdere|several|groep|group|samen|together)\b/.test(n) &&
    (parseIdleIntent(text) === 'register' || /\b(?:bring|brengen|meebrengen|meenemen|breng|take along)\b/.test(n))
  );
}

/** The intent of an idle message, or null (then it may be a question for the answerer). */
export function parseIdleIntent(text: string): IdleIntent | null {
  const n = normalise(text);
  if (n.length === 0 || n.length > 200) return null;
  if (cannotCome.test(n)) return 'cancelRegistration';
  if (/\b(annuleer|annuleren|cancel|uitschrijven|afmelden|unregister|schrijf me uit)\b/.test(n) && !/\b(niet annuleren|don t cancel)\b/.test(n)) {
    if (mine.test(n) || /\b(uitschrijven|afmelden|unregister|schrijf me uit)\b/.test(n) || n.split(' ').length <= 3) return 'cancelRegistration';
  }
  if (ownRegistrationQuestion.test(n)) return 'myRegistration';
  if (/\b(wijzig|verander|ander|andere|change|switch|swap)\b/.test(n) && /\b(sessie|session|workshop|keuze|choice)\b/.test(n)) return 'changeSession';
  if (mine.test(n) && registrationWords.test(n)) return 'myRegistration';
  if (/\b(ben ik ingeschreven|am i registered|status)\b/.test(n)) return 'myRegistration';
  if (/\b(inschrijv\w*|inschrijf\w*|schrijf \w+ in|registr\w*|register\w*|aanmeld\w*|meld \w+ aan|sign up|signup|sign me up|enrol\w*|deelnemen|meedoen|join)\b/.test(n)) return 'register';
  if (/^(hallo|hallo daar|hoi|hey|hi|hello|dag|goeiedag|goedendag|goeiendag|goedemorgen|goeiemorgen|goedemiddag|goeiemiddag|goedenavond|goeienavond|good morning|good afternoon|good evening|morning|yo|hiya|welkom)\b/.test(n)) return 'greeting';
  if (/^(bedankt|dank je|dank u|dankjewel|dankuwel|merci|thanks|thank you|thx|top|super|perfect)\b/.test(n)) return 'thanks';
  return null;
}

// The words of short requests ("inschrijven", "mijn inschrijving", "cancel my registration");
// "uiterste inschrijfdatum" or "inschrijvingsprijs" use other words and are questions.
const actionWords = new Set([
  'ik', 'wil', 'me', 'mij', 'mijn', 'je', 'nu', 'graag', 'aub', 'a', 'i', 'my', 'please', 'now', 'ben', 'am', 'de', 'het', 'een', 'voor', 'for', 'the',
  'inschrijven', 'inschrijving', 'ingeschreven', 'registreren', 'registratie', 'aanmelden', 'aanmelding', 'deelnemen', 'meedoen',
  'annuleren', 'annuleer', 'afmelden', 'uitschrijven', 'wijzigen', 'wijzig', 'veranderen', 'sessie', 'keuze', 'status',
  'register', 'registration', 'registered', 'sign', 'up', 'signup', 'enrol', 'enroll', 'join', 'cancel', 'change', 'session', 'booking',
]);

/**
 * Whether an idle message asks for an action outright ("ik wil me inschrijven", "mijn inschrijving",
 * "register", "sign me up"), rather than mentioning one inside something else ("tot wanneer kan je
 * je inschrijven", "inschrijvingsprijs", "krijg ik een mail na het inschrijven").
 */
export function isDirectRequest(text: string): boolean {
  const n = normalise(text);
  const words = n.split(' ');
  if (words.length <= 4 && words.every((w) => actionWords.has(w))) return true;
  if (cannotCome.test(n) && !looksLikeQuestion(text)) return true;
  return /^(ik wil|ik zou|ik wens|wil (graag|me|mij|ik)|graag|schrijf|meld|i want|i d like|i would like|i wanna|please|let me|sign me|can you (register|sign)|i need to (register|cancel|change))\b/.test(n);
}

const questionWords = new Set([
  'wie', 'wat', 'waar', 'wanneer', 'hoe', 'hoeveel', 'welke', 'welk', 'is', 'zijn', 'kan', 'kun', 'mag', 'moet', 'waarom', 'hoelaat',
  'who', 'what', 'where', 'when', 'how', 'which', 'are', 'can', 'does', 'do', 'why', 'will', 'whats',
]);

/** Whether a message reads like a question: it ends with "?" or starts with a question word. */
export function looksLikeQuestion(text: string): boolean {
  if (/\?\s*$/u.test(text)) return true;
  const first = normalise(text).split(' ')[0] ?? '';
  return questionWords.has(first);
}

/** Whether it ends with a question mark: then it is surely not a form value. */
export function isExplicitQuestion(text: string): boolean {
  return /\?\s*$/u.test(text);
}

const englishWords = new Set(['i', 'id', 'im', 'would', 'like', 'want', 'please', 'my', 'the', 'hello', 'hi', 'thanks', 'thank', 'you', 'sign', 'up', 'register', 'registration', 'there', 'can', 'could', 'to', 'me', 'good', 'morning', 'afternoon', 'evening', 'delete', 'erase', 'remove', 'forget', 'show']);
const dutchWords = new Set(['ik', 'wil', 'graag', 'mijn', 'de', 'het', 'een', 'hallo', 'hoi', 'goeiedag', 'goedendag', 'goedemorgen', 'goeiemorgen', 'goedemiddag', 'goeiemiddag', 'inschrijven', 'inschrijving', 'bedankt', 'dank', 'je', 'me', 'mij', 'aanmelden', 'kan', 'er', 'zich', 'wij', 'we', 'graag']);

const oneWordRequests = new Set(['register', 'registration', 'inschrijven', 'inschrijving', 'aanmelden']);

/**
 * The language a short message is clearly written in, or null when unsure. Used at the desk only,
 * so that "I'd like to sign up" gets English without a "taal en" first.
 */
export function guessLanguage(text: string): Language | null {
  const words = normalise(text).replace(/\bi d\b/g, 'id').replace(/\bi m\b/g, 'im').split(' ');
  const english = words.filter((w) => englishWords.has(w) && !dutchWords.has(w)).length;
  const dutch = words.filter((w) => dutchWords.has(w) && !englishWords.has(w)).length;
  if (english >= 2 && dutch === 0) return 'en';
  if (dutch >= 2 && english === 0) return 'nl';
  // One word that is a request on its own ("Register", "inschrijven") says the language too.
  if (words.length === 1 && oneWordRequests.has(words[0] ?? '')) return english === 1 ? 'en' : dutch === 1 ? 'nl' : null;
  return null;
}

/** A session word followed by its numbers: "sessie 3 en 7", "sessions 2, 6", "workshops 4 & 8". */
const sessionRun = /\b(?:sess?ies?|sess?ions?|workshops?)((?:\s+(?:en|and|\+)?\s*\d{1,3}\b)+)/gu;

/** The session numbers a message names after a session word, in order ("ik wil naar sessie 3 en 7" gives 3, 7). */
export function sessionsNamed(text: string): number[] {
  const numbers: number[] = [];
  for (const match of normalise(text).matchAll(sessionRun)) {
    for (const n of (match[1] as string).match(/\d+/gu) ?? []) numbers.push(Number(n));
  }
  return numbers;
}

const sessionWord = '(?:sessie|session|workshop)';
/** "… naar/to sessie 8", "sessie 8 in plaats van 7", "sessie 8 instead of 7": the session someone wants instead. */
const changeTargets = [
  new RegExp(`\\b(?:naar|to|into|for|voor)\\s+(?:${sessionWord}\\s+)?(\\d{1,3})\\b`, 'u'),
  new RegExp(`\\b${sessionWord}\\s+(\\d{1,3})\\s+(?:in plaats van|instead of|ipv|i p v|rather than)\\b`, 'u'),
  // "ik wil toch sessie 2", "liever sessie 8", "actually session 6": one session, said as a change of mind.
  new RegExp(`^(?:oh |o |nee |no |wacht |wait |sorry )*(?:ik wil |ik kies |ik neem |i want |i ll take |i d like )?(?:toch|liever|actually|rather)(?: naar| to)? (?:de |the )?${sessionWord}\\s+(\\d{1,3})$`, 'u'),
];
const changeWord = /\b(?:wijzig|wijzigen|verander|veranderen|ander|andere|wissel|wisselen|switch|change|swap|move|liever|rather|instead|in plaats van|toch|actually)\b/u;

/**
 * The session a message asks to change to ("wijzig sessie 7 naar 8", "ik wil sessie 8 in plaats
 * van 7", "change session 7 to 8"), or null when it names none that way.
 */
export function sessionChangeTarget(text: string): number | null {
  const folded = normalise(text);
  if (!changeWord.test(folded)) return null;
  for (const pattern of changeTargets) {
    const match = pattern.exec(folded);
    if (match) return Number(match[1]);
  }
  return null;
}

const firstPersonAsk = /\b(?:can i|could i|may i|i want|i d like|i would like|kan ik|mag ik|wil ik|ik wil|ik zou|ik wou|graag)\b/u;
const signUpWord = /\b(?:register|sign up|signup|sign me up|enrol|enroll|attend|join|participate|take part|inschrijven|inschrijf|aanmelden|aanmeld|schrijf|deelnemen)\b/u;

/** Greetings and the event's own name around a request: "hi, can I register for the networking day?" asks no more than "can I register". */
const requestFrame = /\b(?:hi|hey|hello|hallo|dag|goedemorgen|goeiemorgen|goedemiddag|goeiemiddag|goedenavond|there|please|graag|aub|alsjeblieft|(?:for|to|at|voor|op|bij|aan) (?:the |de |het )?(?:networking day|network day|netwerkdag|netwerkdag sociale economie|event|evenement|day|dag))\b/gu;

/** A request with its greeting and the event's name left out, to judge how much more it says. */
export function requestCore(text: string): string {
  return normalise(text).replace(requestFrame, ' ').replace(/\s+/gu, ' ').trim();
}

/** "Kan ik me inschrijven …?", "Can I sign up …?": asking to be signed up, even with a question mark. */
export function isSignUpRequest(text: string): boolean {
  const folded = normalise(text);
  return firstPersonAsk.test(folded) && signUpWord.test(folded);
}

export { typedSessionNumber } from './form-sessions.ts';
