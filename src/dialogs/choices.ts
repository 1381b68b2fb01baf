import type { Choice } from './types.ts';

/** A choice plus the typed forms that select it; neither list ever reaches the channel. */
export interface Option extends Choice {
  /** Whole answers that select it ("ja", "gemeente"). */
  aliases?: string[];
  /** Phrases that select it also inside a longer answer ("sessie 3" in "ik kies sessie 3"). */
  keywords?: string[];
  /** Picked by any yes (or no) in its common forms: "jep", "ja hoor", "doe maar", "sounds good". */
  answers?: 'yes' | 'no';
  /** Picked only by its id, its exact label or an alias, never by a fragment (the "keep" option of a text field). */
  exactOnly?: boolean;
}

/** Soft hyphens, zero-width and bidi marks: invisible, never part of a real answer ("ter\u00adug" is "terug"). */
export function stripFormatCharacters(text: string): string {
  // Format characters start at U+00AD: plain ASCII text (most of it) needs no regular expression.
  return /[^\p{ASCII}¡-¬]/u.test(text) ? text.replace(/\p{Cf}/gu, '') : text;
}

// Options' labels, aliases and keywords (mostly the same few hundred texts) are compared with
// every typed answer: each is normalised once. Typed answers are not kept.
const normalisedOptionTexts = new Map<string, string>();

function normaliseOptionText(text: string): string {
  let folded = normalisedOptionTexts.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (normalisedOptionTexts.size >= 5_000) normalisedOptionTexts.clear();
    normalisedOptionTexts.set(text, folded);
  }
  return folded;
}

// A turn compares the same typed answer many times; the last few are kept (a small, bounded memo).
const recentlyTyped = new Map<string, string>();

/** Lower case, no diacritics, no punctuation, single spaces: the form typed answers are compared in. */
export function normalise(text: string): string {
  let folded = recentlyTyped.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (recentlyTyped.size >= 64) recentlyTyped.clear();
    recentlyTyped.set(text, folded);
  }
  return folded;
}

function fold(text: string): string {
  return stripFormatCharacters(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\p{Cc}/gu, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@+]+/gu, ' ')
    .trim();
}

/** The choices as a channel sees them (without aliases). */
export function toChoices(options: readonly Option[]): Choice[] {
  return options.map(({ id, label, hint, disabled }) => ({ id, label, ...(hint !== undefined ? { hint } : {}), ...(disabled ? { disabled } : {}) }));
}

const yesWords = ['ja', 'j', 'yes', 'y', 'jawel', 'jazeker', 'zeker', 'graag', 'ja graag', 'yes please', 'ok', 'oke', 'okay', 'sure', 'yep', 'yeah', 'klopt', 'correct', 'akkoord', 'jep', 'prima', 'ja hoor', 'doe maar', 'sounds good'];
const noWords = ['nee', 'n', 'no', 'neen', 'nope', 'niet', 'nee dank je', 'nee bedankt', 'no thanks', 'no thank you', 'liever niet'];

// Whole answers made only of these words mean yes (at least one of `yesCore`) or no (one of `noCore`).
const yesCore = new Set(['ja', 'jawel', 'jazeker', 'jep', 'jup', 'yes', 'yep', 'yup', 'yeah', 'ok', 'oke', 'okay', 'prima', 'zeker', 'graag', 'klopt', 'sure', 'fine', 'perfect', 'correct', 'akkoord', 'absolutely', 'certainly', 'inderdaad', 'juist', 'goed', 'great', 'top', 'super', 'doe', 'sounds', 'orde', 'ahead', 'course']);
const yesFiller = new Set(['hoor', 'maar', 'dan', 'dat', 'is', 'alles', 'helemaal', 'in', 'of', 'go', 'good', 'please', 'aub', 'alsjeblieft', 'thanks', 'thank', 'you', 'dank', 'je', 'u', 'bedankt', 'merci', 'mooi', 'wel', 'zo', 'that', 's', 'right', 'looks', 'all', 'zeer']);
const noCore = new Set(['nee', 'neen', 'no', 'nope', 'nah', 'niet']);
const noFiller = new Set(['hoor', 'dank', 'je', 'u', 'bedankt', 'thanks', 'thank', 'you', 'merci', 'liever', 'toch', 'maar', 'sorry', 'nodig', 'hoeft', 'not', 'needed', 'need', 'dan']);

/** Aliases for the "yes" option of a yes/no question. */
export const yesAliases: readonly string[] = yesWords;
/** Aliases for the "no" option of a yes/no question. */
export const noAliases: readonly string[] = noWords;

/** "ja"/"yes"/"ja hoor"/"doe maar"/"sounds good"/... or "nee"/"no"/"nee hoor"/..., else null. */
export function yesNo(text: string): 'yes' | 'no' | null {
  const n = normalise(text);
  if (yesWords.includes(n)) return 'yes';
  if (noWords.includes(n)) return 'no';
  // Stretched and doubled letters as people type them: "jaa", "jaaa!", "yess", "neee".
  const words = n.split(' ').map((w) => (/^j+a+$/u.test(w) ? 'ja' : /^y+e+s+$/u.test(w) ? 'yes' : /^n+e{2,}n?$/u.test(w) ? 'nee' : /^n+o+$/u.test(w) ? 'no' : w));
  if (words.length > 6) return null;
  if (words.some((w) => yesCore.has(w)) && words.every((w) => yesCore.has(w) || yesFiller.has(w))) return 'yes';
  if (words.some((w) => noCore.has(w)) && words.every((w) => noCore.has(w) || noFiller.has(w))) return 'no';
  return null;
}

// A sentence that starts with yes or no: "ja, dat zou ik wel willen", "ja graag, stuur maar op", "no I don't need it".
const yesStarts = new Set(['ja', 'jawel', 'jazeker', 'jep', 'jup', 'yes', 'yep', 'yup', 'yeah', 'ok', 'oke', 'okay', 'zeker', 'graag', 'sure', 'absolutely', 'certainly', 'prima', 'perfect', 'klopt', 'correct', 'akkoord', 'inderdaad', 'natuurlijk', 'uiteraard', 'definitely']);
const noStarts = new Set(['nee', 'neen', 'no', 'nope', 'nah']);
// Words that turn a sentence around ("ja, maar niet nu", "yes but not the book", "ok, wacht even").
const turning = new Set(['niet', 'geen', 'not', 'never', 'nooit', 'dont', 'don', 'but', 'however', 'wacht', 'wait', 'eigenlijk', 'actually', 'toch', 'of', 'or', 'liever', 'rather', 'ipv', 'instead']);
// Words that turn a no around ("nee, toch wel", "no wait").
const turningNo = new Set(['but', 'toch', 'eigenlijk', 'actually', 'wacht', 'wait', 'however', 'of', 'or']);
// "yeah why not", "waarom niet": a yes that contains a "not".
const whyNot = /\b(?:why not|waarom niet|of course|natuurlijk|uiteraard|geen probleem|no problem)\b/gu;

/**
 * Yes or no said in a sentence of a few words that starts with it and does not turn it around
 * ("ja, dat zou ik wel willen", "yeah why not"; not "ja, maar niet naar mijn werk", "nee toch wel"),
 * and no question. Read only where nothing else in the message was understood (`loose` matching).
 */
export function yesNoSentence(text: string): 'yes' | 'no' | null {
  if (/\?/u.test(text)) return null;
  const n = normalise(text);
  const idiom = n.replace(whyNot, 'yes');
  if (idiom === 'yes') return 'yes';
  const words = idiom.split(' ');
  if (words.length < 2 || words.length > 10) return null;
  const [first = '', ...rest] = words.map((w) => (/^j+a+$/u.test(w) ? 'ja' : /^y+e+s+$/u.test(w) ? 'yes' : /^n+e{2,}n?$/u.test(w) ? 'nee' : w));
  // "ja, maar …" turns it around; "stuur maar op", "doe maar" do not.
  if (rest[0] === 'maar' || /\d|@/u.test(n)) return null;
  if (yesStarts.has(first) && !rest.some((w) => noStarts.has(w) || turning.has(w))) return 'yes';
  if (noStarts.has(first) && !rest.some((w) => yesStarts.has(w) || turningNo.has(w))) return 'no';
  return null;
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/** How loosely a typed answer may match: `exact` (id, number, alias, whole label) or also fragments and keywords. */
export type MatchMode = 'exact' | 'loose';

/**
 * The option a typed answer selects: its id, its position ("2", "nr 2"), an alias, its label, and
 * in `loose` mode a keyword inside the answer or a fragment of its label that fits only one
 * option. Null when nothing (or more than one) fits.
 */
export function matchOption<T extends Option>(text: string, options: readonly T[], mode: MatchMode = 'loose'): T | null {
  const raw = text.trim();
  const byId = options.find((o) => o.id === raw);
  if (byId) return byId;
  const n = normalise(text);
  if (n.length === 0) return null;

  const number = /^(?:nr|nummer|no|optie|option|keuze|choice)?\s*(\d{1,3})$/.exec(n);
  if (number) {
    const exactAlias = options.find((o) => o.aliases?.some((a) => normaliseOptionText(a) === number[1] || normaliseOptionText(a) === n));
    if (exactAlias) return exactAlias;
    // Options with numbers of their own (sessions) are never picked by their place in the list.
    if (options.some((o) => o.aliases?.some((a) => /^\d+$/.test(a)))) return null;
    const position = Number(number[1]);
    if (position >= 1 && position <= options.length) return options[position - 1] ?? null;
    return null;
  }

  const answer = options.some((o) => o.answers) ? (yesNo(text) ?? (mode === 'loose' ? yesNoSentence(text) : null)) : null;
  const answered = answer ? options.find((o) => o.answers === answer) : undefined;
  if (answered) return answered;

  const exact = options.filter((o) => normaliseOptionText(o.label) === n || o.aliases?.some((a) => normaliseOptionText(a) === n));
  if (exact.length === 1) return exact[0] ?? null;
  if (exact.length > 1) return null;

  if (mode === 'exact' || n.length < 3) return null;
  const partial = options.filter((o) => {
    if (o.exactOnly) return false;
    const label = normaliseOptionText(o.label);
    const fitsLabel = (n.length >= 4 ? label.includes(n) : containsWords(label, n)) || (label.length >= 4 && containsWords(n, label));
    return fitsLabel || (o.keywords ?? []).some((k) => containsWords(n, normaliseOptionText(k)));
  });
  return partial.length === 1 ? (partial[0] ?? null) : null;
}
