import { tidy } from '../core/index.ts';

// Words that start a surname ("Jan de Smet", "Anne van den Broeck", "Karim el Amrani").
const particles = new Set(['van', 'vande', 'vanden', 'vander', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'op', 'in', 'ver', 'vd', "d'", 'd’', "'t", 't', 'le', 'la', 'du', 'des', 'di', 'da', 'dos', 'del', 'della', 'von', 'zu', 'el', 'al', 'ben', 'bin', 'mac', 'mc', 'st', 'sint']);

/** A name in two parts: the first word is the first name, the rest the last name; `sure` unless the split is a guess. */
export interface SplitName {
  first: string;
  last: string;
  sure: boolean;
}

/**
 * "Ann Peeters", "jan de smet", "Anne-Marie Van den Broeck": a full name typed at the first-name
 * question. Two words, or a surname particle after the first word, split surely; three words
 * without one ("Anne Marie Peeters") are split as a guess, so the last name is asked as a check.
 */
export function splitFullName(text: string): SplitName | null {
  const words = tidy(text).split(' ');
  if (words.length < 2 || words.length > 6) return null;
  const [first, ...rest] = words as [string, ...string[]];
  const second = rest[0]?.toLowerCase() ?? '';
  if (particles.has(first.toLowerCase())) return null;
  const sure = (rest.length === 1 && !particles.has(second)) || (rest.length > 1 && particles.has(second));
  return { first, last: rest.join(' '), sure };
}
