import type { Language } from '../../core/index.ts';

const contractions: Array<[RegExp, string]> = [
  [/\b(what|who|where|when|how|there|it|that)['’]?s\b/giu, '$1 is'],
  [/\b(can)['’]t\b/giu, '$1 not'],
  [/\b(\w+)n['’]t\b/giu, '$1 not'],
  [/\bi['’]m\b/giu, 'i am'],
  [/\b(\w+)['’]re\b/giu, '$1 are'],
  [/\b(\w+)['’]ll\b/giu, '$1 will'],
];

// Flemish speech as people type it: "wa kost da" is "wat kost dat".
const dialect: Array<[RegExp, string]> = [
  [/\bwa\b/giu, 'wat'],
  [/\bda\b/giu, 'dat'],
  [/\bden\b/giu, 'de'],
  [/\bge\b/giu, 'je'],
  [/\bgij\b/giu, 'jij'],
  [/\bkunde\b/giu, 'kun je'],
  [/\bhedde\b/giu, 'heb je'],
  [/\bhoelaat\b/giu, 'hoe laat'],
  [/\b(?:e-?mail|mail)\s+adres\b/giu, 'emailadres'],
  [/\bwhats\b/giu, 'what is'],
  [/\bwheres\b/giu, 'where is'],
  [/\bhoelang\b/giu, 'hoe lang'],
  [/\bhoeveel(?=plaatsen|mensen|deelnemers)/giu, 'hoeveel '],
  // "room" as space, not a hall: "any room in session 4", "room left", "room for me".
  [/\b(?<=(?:any|enough|some|more)\s+)room\b|\broom(?=\s+(?:in\s+(?:the\s+|that\s+|this\s+)?(?:session|workshop|series|talk)|left\b|for\s+(?:me|us|one|two|three|another|more|a|an|my)\b))/giu, 'seats'],
];

/** English contractions and Flemish spoken forms written out, so "what's" and "what is" are one question. */
export function expandContractions(text: string): string {
  return [...contractions, ...dialect].reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Lower case, no accents, no apostrophes: "D’Haese" and "dhaese" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´‘]/gu, '');
}

/**
 * Words of a text, folded. A hyphenated word yields its parts and the joined form, so
 * "wijk-werken", "wijk werken" and "wijkwerken" all meet; "2+3" stays one token (room names).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}+-]+/u)) {
    const word = raw.replace(/^[+-]+|[+-]+$/gu, '');
    if (!word) continue;
    if (word.includes('-')) {
      const parts = word.split('-').filter(Boolean);
      out.push(...parts, parts.join(''));
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Function words of both languages: never entities, weak evidence of a language. */
export const dutchStopwords = new Set(
  ('de het een en of in op aan van voor met over bij naar om te tot uit door als dan dat die dit deze er is zijn was beide allebei ' +
    'wordt worden word ben bent je jij jou jouw u uw ik mij me mijn we wij ons onze zij ze hun hen hij zijn haar wat ' +
    'wie waar wanneer hoe welke welk waarom nog ook al wel niet geen maar dus toch eens even graag kan kun kunt ' +
    'kunnen mag mogen moet moeten wil wilt willen zal zullen zou zouden heb hebt heeft hebben had gaat gaan ga ' +
    'doe doet doen men iets alles hier daar waarover waarin welk nu dan zo zoals hoeveel hoelang hoe laat tussen ' +
    'na binnen per sessie sessies workshop workshops infosessie infosessies lezing presentatie').split(' '),
);

export const englishStopwords = new Set(
  ('the a an and or in on at of for with about by to from as than that this these those there is are was were be ' +
    'been being it its i me my we us our you your they them their he him his she her what who whom where when how ' +
    'which why still also not no but so do does did can could may might must will would shall should have has had ' +
    'get gets go goes any some all much many anything something here now then between after into per session ' +
    'sessions workshop workshops talk talks please tell').split(' '),
);

// Words that only one of the languages uses; question words weigh double.
const dutchMarkers = new Set(
  ('de het een en van voor met over bij naar om te tot uit door dat die dit deze er zijn wordt ik mij mijn wij ons ' +
    'jij jouw je u uw hun hij zij wat wie waar wanneer hoe welke welk waarom nog ook wel niet geen maar kan kun ' +
    'kunt mag moet wil zal zou heb hebt heeft gaat doe doet iets hoeveel laat sessie reeks spreker sprekers spreekt ' +
    'zaal plaats plaatsen kost gratis inschrijven boek prijs adres eindigt begint wanneer deelnemen deelname ' +
    'mensen vrij nog waarover gaat over tijd uur dag netwerkdag al er volzet vol hoelang welk waarover zitten ' +
    'komt komen geeft spreken meer vertel mee aan').split(' '),
);
const englishMarkers = new Set(
  ('the a an and of for with about at to from that this these there are were be it its i my our you your ' +
    'they their he his she her what who where when how which why still also not no but do does did can could may ' +
    'will would have has get anything something session speaker speakers speaks room place places seats left cost ' +
    'free register registration book price address ends starts begin begins day time people attend attending ' +
    'networking many much close closes full there whats does give gives speak take part tell more').split(' '),
);
const dutchQuestionWords = new Set(['wie', 'wat', 'waar', 'wanneer', 'hoe', 'welke', 'welk', 'waarom', 'hoeveel', 'kan', 'mag', 'moet', 'zijn', 'heb', 'is']);
const englishQuestionWords = new Set(['who', 'what', 'where', 'when', 'how', 'which', 'why', 'can', 'could', 'is', 'are', 'do', 'does', 'will', 'may']);

/**
 * The language of a question by its function words, then by the words only one language's
 * training uses (`vocabulary`); null when the words do not tell.
 */
export function detectLanguage(text: string, ignore: ReadonlySet<string> = new Set(), vocabulary?: Record<Language, ReadonlySet<string>>): Language | null {
  const words = tokenize(text).filter((w) => !ignore.has(w));
  let nl = 0;
  let en = 0;
  words.forEach((word, index) => {
    const weight = index === 0 ? 2 : 1;
    if (dutchMarkers.has(word) && !englishMarkers.has(word)) nl += weight;
    if (englishMarkers.has(word) && !dutchMarkers.has(word)) en += weight;
    if (vocabulary && !dutchMarkers.has(word) && !englishMarkers.has(word)) {
      if (vocabulary.nl.has(word) && !vocabulary.en.has(word)) nl += 1;
      if (vocabulary.en.has(word) && !vocabulary.nl.has(word)) en += 1;
    }
    if (index === 0 && word === 'is') return;
    if (index === 0 && dutchQuestionWords.has(word) && !englishQuestionWords.has(word)) nl += 1;
    if (index === 0 && englishQuestionWords.has(word) && !dutchQuestionWords.has(word)) en += 1;
  });
  if (nl === en) return null;
  return nl > en ? 'nl' : 'en';
}

// Dutch yes/no questions open with the verb ("Krijg ik ...", "Wordt er ...").
const questionOpeners = new Set([...dutchQuestionWords, ...englishQuestionWords, 'krijg', 'krijgen', 'wordt', 'worden', 'moeten', 'kunnen', 'mogen',
  'ben', 'gaat', 'gaan', 'komt', 'komen', 'zal', 'zullen', 'doe', 'doet', 'weet', 'ken', 'hoort', 'staat', 'ligt', 'geldt', 'heeft', 'are', 'does', 'do',
  'will', 'would', 'should', 'could', 'shall', 'has', 'have', 'hoelang', 'waarover', 'waarheen', 'vanaf', 'tot', 'zijn', 'heeft', 'hebben', 'kunnen', 'mogen', 'welke', 'whats', 'wheres', 'whos', 'hows', 'tell', 'vertel', 'info', 'informatie', 'meer']);

/**
 * Whether a text is probably a question rather than an answer to a form field: it ends with
 * a question mark, or opens with a question word ("wie", "what", "hoeveel", "kan ik").
 */
export function isProbablyQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.endsWith('?')) return true;
  const first = tokenize(trimmed)[0];
  return first !== undefined && questionOpeners.has(first) && tokenize(trimmed).length >= 2;
}
