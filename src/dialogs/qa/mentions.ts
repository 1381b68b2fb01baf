import type { Found } from './entities.ts';

/** What a question says between its comparison or combination words: "X groter dan Y", "X en ook Y", "combine X with Y". */
const separators = /\s+(?:dan|than|en|and|als|as|met|with|versus|vs|of|or|plus|ook|then|daarna|nadien|tegenover)\s+|\s*[,;&/]\s*|\s+-\s+/u;

/**
 * The one session a piece of a question names, if it names exactly one clearly: a number, an
 * abbreviation the session explains, a speaker of one session, or a title or theme with a clear
 * winner among the sessions.
 */
export function sessionNamedBy(found: Found): number[] {
  if (found.sessionNumbers.length > 0) return found.sessionNumbers;
  const abbreviation = found.abbreviations[0];
  if (abbreviation) return [abbreviation.session];
  const speaker = found.speakers[0];
  if (found.speakers.length === 1 && speaker && speaker.sessions.length === 1) return speaker.sessions;
  const [first, second] = found.topics;
  if (first && (!second || first.score > second.score * 1.6)) return [first.session];
  return [];
}

/**
 * The sessions a question names one by one, in the order it names them ("is de sessie over
 * sociale clausules groter dan die over LDE" gives 1, 4): each piece between the comparison or
 * combination words is searched on its own, so two themes do not blur into one search.
 */
export function sessionsNamedInTurn(folded: string, whole: Found, find: (part: string) => Found, titled: (found: Found, part: string) => number | null = () => null): number[] {
  const out: number[] = [...whole.sessionNumbers];
  if (out.length >= 2) return out;
  // Searching the pieces is dear: only when the whole question met something, and has pieces.
  const met = whole.sessionNumbers.length + whole.abbreviations.length + whole.speakers.length + whole.topics.length;
  if (met === 0 || (met < 2 && !separators.test(folded))) return out;
  for (const part of folded.split(separators)) {
    if (!/\p{L}{2}/u.test(part)) continue;
    const found = find(part);
    const named = sessionNamedBy(found);
    // "sociale clausules" is in two sessions' texts, and in one title.
    const byTitle = named.length === 0 ? titled(found, part) : null;
    for (const n of byTitle !== null ? [byTitle] : named) if (!out.includes(n)) out.push(n);
  }
  return out;
}
