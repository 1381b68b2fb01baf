import { distance } from 'fastest-levenshtein';
import { normalise } from './choices.ts';

// "mijn gegevens", "my data", "verwijder mijn gegevens", "delete my data", and their typos
// ("mijn gegvens", "verwijdr mijn gegevens", "delet my data"). Words are compared one by one: a
// long word may be two edits off, a shorter one one edit, a short one must be exact.

const dataWords = ['gegevens', 'persoonsgegevens', 'persoonlijke gegevens', 'data', 'personal data', 'info', 'informatie', 'information', 'dta', 'daat'];
const possessives = ['mijn', 'mn', 'm', 'my', 'mij', 'me', 'mjin', 'mijm', 'myn', 'mine', 'mijne', 'ik', 'i'];
const eraseWords = ['verwijder', 'verwijderen', 'verwijderd', 'wis', 'wissen', 'delete', 'deleten', 'erase', 'remove', 'vergeet', 'vergeten', 'forget', 'schrap', 'schrappen', 'weg', 'wipe'];
const forgetMe = ['vergeet mij', 'vergeet me', 'forget me', 'forget about me', 'vergeet alles over mij', 'forget everything about me'];
// "mijn gegevens wijzigen" is a change of the registration, not a look at what is kept.
const changeWords = ['wijzig', 'wijzigen', 'verander', 'veranderen', 'aanpassen', 'pas', 'change', 'edit', 'update', 'correct', 'invullen', 'fill'];
const keepVerbs = ['bewaren', 'bewaar', 'bewaart', 'bijhouden', 'houden', 'hou', 'weten', 'weet', 'kennen', 'opslaan', 'keep', 'store', 'know', 'have', 'hebben', 'heb', 'zien', 'see', 'show', 'toon', 'tonen', 'inzien', 'opvragen'];
const questionStarts = ['wat', 'welke', 'hoe', 'waarom', 'waar', 'wie', 'what', 'which', 'how', 'why', 'where', 'who', 'kan', 'mag', 'can', 'may', 'do', 'does', 'is', 'zijn', 'are'];

/** Whether a typed word is `target`, allowing typos by the target's length. */
function near(word: string, target: string): boolean {
  if (word === target) return true;
  if (target.length < 5 || Math.abs(word.length - target.length) > 2) return false;
  return distance(word, target) <= (target.length >= 8 ? 2 : 1);
}

function hasWord(words: readonly string[], targets: readonly string[]): boolean {
  return words.some((w) => targets.some((t) => (t.includes(' ') ? false : near(w, t))));
}

function hasPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => p.includes(' ') && ` ${text} `.includes(` ${p} `));
}

/**
 * What a message asks about one's personal data: to see it (`show`), to have it deleted (`erase`),
 * or null. Short messages only (at most ten words); a question counts when it asks what is kept
 * ("welke gegevens bewaren jullie van mij?") or asks for the deletion.
 */
export function personalDataRequest(text: string): 'show' | 'erase' | null {
  const n = normalise(text);
  const words = n.split(' ');
  if (n.length === 0 || words.length > 10) return null;
  if (forgetMe.includes(n)) return 'erase';
  if (hasWord(words, changeWords)) return null;
  const data = hasWord(words, dataWords) || hasPhrase(n, dataWords);
  if (!data) return null;
  const mine = hasWord(words, possessives) || /\b(?:over mij|van mij|about me|of me|jullie|you)\b/u.test(n);
  if (!mine) return null;
  if (hasWord(words, eraseWords)) return 'erase';
  const question = /\?\s*$/u.test(text) || questionStarts.includes(words[0] ?? '');
  if (question && !hasWord(words, keepVerbs)) return null;
  return 'show';
}
