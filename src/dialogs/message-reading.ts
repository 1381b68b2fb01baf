import { normalise } from './choices.ts';

// Short words that are real answers or requests on their own.
const shortWords = new Set(['ja', 'ok', 'hi', 'yo', 'no', 'nl', 'en', 'be', 'ik', 'me', 'we', 'is', 'in']);

/**
 * A message with nothing to read: no word of two or more letters ("a", "a b", "j a", "á́́́́", "?").
 * Such a message gets the help text; it never switches the language and never reaches the answerer.
 */
export function isJunk(text: string): boolean {
  const words = normalise(text).split(' ').filter(Boolean);
  if (words.some((w) => /\d/.test(w))) return false;
  return !words.some((w) => w.replace(/[^\p{L}]/gu, '').length >= 2 || shortWords.has(w));
}

/** A bare e-mail address or phone number at the desk: personal data, not a request; it gets the help text. */
export function isBareContactDetail(text: string): boolean {
  const t = text.trim();
  return /^[^\s@]+@[^\s@]+$/u.test(t) || /^\+?[\d ()./-]{8,}$/u.test(t);
}

const greeting = /^(?:hallo|hallo daar|hoi|hey|hi|hello|hello there|dag|goeiedag|goedendag|goeiendag|goedemorgen|goeiemorgen|goedemiddag|goeiemiddag|goedenavond|goeienavond|good morning|good afternoon|good evening|morning|beste|dear)(?:\s+balie)?\b[\s,.!:;-]*/u;

/** The message without the greeting it starts with ("Hallo, ik wil me inschrijven" -> "ik wil me inschrijven"), or null when there was none or nothing follows. */
export function afterGreeting(text: string): string | null {
  const folded = normalise(text);
  const match = greeting.exec(folded);
  if (!match || match[0].length >= folded.length) return null;
  return folded.slice(match[0].length).trim() || null;
}

// Words of French and German that are no Dutch or English words (and no names): two of them make a message clearly French or German.
const french = new Set(['je', 'voudrais', 'veux', 'suis', 'vous', 'nous', 'est', 'pour', 'avec', 'bonjour', 'bonsoir', 'merci', 'inscrire', 'inscription', 'parlez', 'francais', 'plait', 'ou', 'quand', 'comment', 'pourquoi', 'quel', 'quelle', 'une', 'des', 'les', 'aux', 'mon', 'ma', 'mes', 'oui', 'non', 'peux', 'puis', 'qui', 'que', 'ce', 'cette', 'salut', 'madame', 'monsieur', 'journee', 'seance', 'salle']);
const german = new Set(['ich', 'mochte', 'moechte', 'mich', 'bitte', 'danke', 'sprechen', 'sie', 'deutsch', 'wann', 'wo', 'ist', 'und', 'nicht', 'anmelden', 'guten', 'tag', 'konnen', 'koennen', 'kann', 'der', 'das', 'ein', 'eine', 'zum', 'zur', 'fur', 'fuer', 'mit', 'auf', 'wie', 'ja', 'nein', 'hallo', 'gibt', 'es', 'wir', 'uns', 'sitzung', 'veranstaltung']);
// Words these share with Dutch or English: never counted as French or German.
const shared = new Set(['en', 'de', 'la', 'le', 'in', 'is', 'die', 'wie', 'kan', 'ja', 'hallo', 'tag', 'es', 'mit', 'ou', 'non', 'ce', 'des', 'sie', 'mon', 'ma', 'wo', 'qui']);

/** "fr" or "de" when a message is clearly written in French or German (which Balie does not speak), else null. */
export function unsupportedLanguage(text: string): 'fr' | 'de' | null {
  const words = normalise(text.replace(/[’']/gu, ' ')).split(' ');
  const count = (set: Set<string>) => new Set(words.filter((w) => set.has(w) && !shared.has(w))).size;
  const fr = count(french);
  const de = count(german);
  if (fr >= 2 && fr > de) return 'fr';
  if (de >= 2 && de > fr) return 'de';
  return null;
}

// "mijn naam is …", "ik ben …", "my e-mail is …", "ik werk bij …": words before the answer itself.
const leadIn = /^(?:(?:mijn|my)\s+(?:volledige\s+|full\s+)?(?:naam|name|voornaam|first name|achternaam|familienaam|last name|surname|e-?mail(?:adres)?|e-?mail address|mailadres|(?:gsm|telefoon)(?:nummer)?|nummer|number|phone(?: number)?|organisatie|organisation|organization|adres|address)(?:\s+(?:is|=|:))?|ik\s+(?:ben|heet|werk\s+(?:bij|voor)|kom\s+(?:van|namens)|woon\s+(?:in|op|aan))|i\s+(?:am|work\s+(?:at|for)|m|come\s+from|live\s+(?:at|in))|i'm|this\s+is|dit\s+is|het\s+is|it's|it\s+is|naam|name)\s*[:=-]?\s+/iu;

/** Whether a piece of a message is only the words before an answer ("mijn e-mail is", after the address was taken out). */
export function isOnlyLeadIn(text: string): boolean {
  return withoutLeadIn(`${text.trim()} x`) === 'x';
}

/** The answer without the words before it ("mijn naam is Ann Peeters" -> "Ann Peeters"); the text as it is when it has none. */
export function withoutLeadIn(text: string): string {
  const trimmed = text.trim();
  const rest = trimmed.replace(leadIn, '');
  return rest.length > 0 ? rest : trimmed;
}
