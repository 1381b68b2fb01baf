import type { Choice } from './types.ts';

/** A choice plus the typed forms that select it; neither list ever reaches the channel. */
export interface Option extends Choice {
  /** Whole answers that select it ("ja", "gemeente"). */
  aliases?: string[];
  /** Phrases that select it also inside a longer answer ("sessie 3" in "ik kies sessie 3"). */
  keywords?: string[];
}

// C0/C1 control characters and zero-width marks: never part of a real answer.
const invisible = /[\p{Cc}\p{Cf}]/gu;

/** Lower case, no diacritics, no punctuation, single spaces: the form typed answers are compared in. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(invisible, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@+]+/gu, ' ')
    .trim();
}

/** The choices as a channel sees them (without aliases). */
export function toChoices(options: readonly Option[]): Choice[] {
  return options.map(({ aliases: _aliases, keywords: _keywords, ...choice }) => choice);
}

const yesWords = ['ja', 'j', 'yes', 'y', 'jawel', 'jazeker', 'zeker', 'graag', 'ja graag', 'yes please', 'ok', 'oke', 'okay', 'sure', 'yep', 'yeah', 'klopt', 'correct', 'akkoord'];
const noWords = ['nee', 'n', 'no', 'neen', 'nope', 'niet', 'nee dank je', 'nee bedankt', 'no thanks', 'no thank you', 'liever niet'];

/** Aliases for the "yes" option of a yes/no question. */
export const yesAliases: readonly string[] = yesWords;
/** Aliases for the "no" option of a yes/no question. */
export const noAliases: readonly string[] = noWords;

/** "ja"/"yes"/... or "nee"/"no"/..., else null. */
export function yesNo(text: string): 'yes' | 'no' | null {
  const n = normalise(text);
  if (yesWords.includes(n)) return 'yes';
  if (noWords.includes(n)) return 'no';
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
    const position = Number(number[1]);
    const exactAlias = options.find((o) => o.aliases?.some((a) => normalise(a) === n));
    if (exactAlias) return exactAlias;
    // Options that carry their own numbers (sessions) are never picked by position: "3" is session 3 wherever it is listed.
    if (options.some((o) => o.aliases?.some((a) => /^\d+$/.test(a)))) return null;
    if (position >= 1 && position <= options.length) return options[position - 1] ?? null;
    return null;
  }

  const exact = options.filter((o) => normalise(o.label) === n || o.aliases?.some((a) => normalise(a) === n));
  if (exact.length === 1) return exact[0] ?? null;
  if (exact.length > 1) return null;

  if (mode === 'exact' || n.length < 3) return null;
  const partial = options.filter((o) => {
    const label = normalise(o.label);
    const fitsLabel = (n.length >= 4 ? label.includes(n) : containsWords(label, n)) || (label.length >= 4 && containsWords(n, label));
    return fitsLabel || (o.keywords ?? []).some((k) => containsWords(n, normalise(k)));
  });
  return partial.length === 1 ? (partial[0] ?? null) : null;
}
