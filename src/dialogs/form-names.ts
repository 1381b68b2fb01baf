import { tidy } from '../core/index.ts';
import { normalise, yesNo } from './choices.ts';
import type { Draft, FieldId } from './state.ts';

// Words that start a surname ("Jan de Smet", "Anne van den Broeck", "Karim el Amrani").
const particles = new Set(['van', 'vande', 'vanden', 'vander', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'op', 'in', 'ver', 'vd', "d'", 'd’', "'t", 't', 'le', 'la', 'du', 'des', 'di', 'da', 'dos', 'del', 'della', 'von', 'zu', 'el', 'al', 'ben', 'bin', 'mac', 'mc', 'st', 'sint']);

// The Dutch, French and German particles written in lower case inside a full name ("Jan van der Berg").
const lowerParticles = new Set(['van', 'vande', 'vanden', 'vander', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'op', 'in', "'t", 'le', 'la', 'du', 'des', 'von', 'zu', 'da', 'di', 'del', 'della', 'dos']);

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

/**
 * A name typed all in lower case, with capitals as the Dutch write it: every word, except a
 * particle inside the name ("jan van der berg" -> "Jan van der Berg"; "van der berg" as a last name
 * -> "van der Berg", as it reads after the first name). A name typed with any capital is kept as
 * typed, so the Flemish "Van der Berg" stays as it was written.
 */
export function nameCapitals(raw: string): string {
  const value = tidy(raw);
  if (value !== value.toLocaleLowerCase('nl')) return value;
  const words = value.split(' ');
  return words
    .map((word, i) => (i < words.length - 1 && lowerParticles.has(word) ? word : word.replace(/(^|[-'’.])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('nl'))))
    .join(' ');
}

// Answers that are no names: greetings, thanks, "ok" (yes and no are read by `yesNo`).
const noNames = /^(?:hallo|hoi|hey|hi|hello|dag|goeiedag|goedendag|dank je|dank u|bedankt|thanks|thank you|merci|ok|oke|okay|sorry|help|euh|uh|uhm|huh|test)$/u;

/** Whether a typed answer is plainly no name ("ja", "no thanks", "ok", "nee dank je", "hallo"). */
export function isNoName(text: string): boolean {
  const n = normalise(text);
  return yesNo(text) !== null || noNames.test(n) || /^(?:ja|nee|neen|yes|no|ok)\b/u.test(n);
}

const words = (text: string) => tidy(text).split(' ');
const answerOf = (draft: Draft, id: FieldId): string | undefined => (Object.hasOwn(draft.values, id) ? (draft.values as Record<string, string>)[id] : undefined);
const same = (a: string[], b: string[]) => a.length === b.length && a.every((word, i) => normalise(word) === normalise(b[i] ?? ''));

/**
 * What a typed name says for the first and last name, given the names the draft already has:
 * - at the first-name question a full name replaces both ("wijzig naam", then "Anna Peeters"),
 *   split where the last name already known starts;
 * - at the last-name question the first name typed again is dropped ("Sofie", then "Sofie
 *   Verstraeten"), and the end of a guessed last name completes the first name ("Anne Marie
 *   Peeters" was split as Anne / Marie Peeters; "Peeters" makes it Anne Marie / Peeters).
 * `guessed` when the split is a guess, to be asked again as a check.
 */
export function readName(field: 'firstName' | 'lastName', typed: string, draft: Draft): { answers: Array<[FieldId, string]>; guessed: boolean } {
  const typedWords = words(typed);
  if (field === 'firstName') {
    const known = answerOf(draft, 'lastName');
    const last = known ? words(known) : [];
    if (known && typedWords.length > last.length && same(typedWords.slice(-last.length), last)) {
      return { answers: [['firstName', typedWords.slice(0, -last.length).join(' ')], ['lastName', typedWords.slice(-last.length).join(' ')]], guessed: false };
    }
    const split = splitFullName(typed);
    if (split) return { answers: [['firstName', split.first], ['lastName', split.last]], guessed: !split.sure };
    return { answers: [['firstName', tidy(typed)]], guessed: false };
  }
  const firstKnown = answerOf(draft, 'firstName');
  const first = firstKnown ? words(firstKnown) : [];
  if (firstKnown && typedWords.length > first.length && same(typedWords.slice(0, first.length), first)) {
    return { answers: [['lastName', typedWords.slice(first.length).join(' ')]], guessed: false };
  }
  const oldLast = words(answerOf(draft, 'lastName') ?? '');
  const extra = oldLast.slice(0, Math.max(0, oldLast.length - typedWords.length));
  if (firstKnown && typedWords.length < oldLast.length && same(oldLast.slice(-typedWords.length), typedWords) && !extra.some((word) => particles.has(word.toLowerCase()))) {
    return { answers: [['firstName', [...first, ...extra].join(' ')], ['lastName', tidy(typed)]], guessed: false };
  }
  return { answers: [['lastName', tidy(typed)]], guessed: false };
}
