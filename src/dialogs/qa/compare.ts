import { sessionsOfSeries, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { sessionLine, sessionsOf, titleOf, type AnswerScope } from './compose.ts';
import type { Draft } from './drafts.ts';
import type { Found } from './entities.ts';
import { measureOf, quantityNoun, valueOf, valueText, type Measure } from './measures.ts';

// "de meeste plaatsen", "the most people": a most-word counts with what it counts right after it, or as a size word on its own.
const noun = '(?:\\s+\\p{L}+)?\\s+(?:volk|plaats|plek|ruimte|publiek|audience|crowd|plaatsen|plekken|plekjes|zitjes|zitplaatsen|stoelen|mensen|personen|deelnemers|inschrijvingen|sprekers|vrije|seats|places|spots|spaces|people|persons|participants|attendees|speakers|registrations|free)\\b';
const sized = '|grootste|grootst|ruimste|ruimst|langste|langst|populairste|drukste|volste|biggest|largest|longest|busiest';
const most = new RegExp(`\\b(?:(?:meeste|meest|hoogste|most|greatest|highest)${noun}${sized})\\b`, 'u');
const least = new RegExp(`\\b(?:(?:minste|minst|laagste|fewest|least|lowest)${noun}|kleinste|kleinst|krapste|kortste|kortst|smallest|shortest|tiniest)\\b`, 'u');
// Size words say on their own what is compared ("de kleinste workshop"); "meeste"/"most" need a noun.
const sizeWord = /\b(?:grootste|grootst|ruimste|ruimst|kleinste|kleinst|krapste|biggest|largest|smallest|tiniest|langste|kortste|longest|shortest|populairste|drukste|busiest)\b/u;
const greater = /\b(?:groter|meer|ruimer|langer|bigger|larger|more|longer|populairder|drukker|busier)\b/u;
const smaller = /\b(?:kleiner|minder|krapper|korter|smaller|fewer|less|shorter)\b/u;
const than = /\b(?:dan|than)\b/u;
const equal = /\b(?:evenveel|even veel|even groot|even lang|even druk|zelfde aantal|hetzelfde aantal|as many|as big|as large|as long|the same (?:number|size|capacity|length))\b/u;
// "meer dan 30 plekken", "over 30 seats"; "over 120.000 mensen" is a theme, and "over" alone is Dutch "about".
const threshold = /\b(meer dan|minder dan|more than|fewer than|less than|minstens|ten minste|at least|boven de|onder de|over|under|above|below)\s+(\d{1,3})(?![.,]?\d)(?=\s*(?:plaatsen|plekken|deelnemers|mensen|personen|sprekers|seats|places|spots|people|participants|speakers|\?|$))/u;
const countWords: Record<string, number> = { een: 1, 1: 1, one: 1, single: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6 };
// "maar één spreker", "one speaker", "twee sprekers"; a bare Dutch "een spreker" is only an article.
const countOf = /\b(?:(?:maar|slechts|alleen|precies|only|just|exactly|a)\s+)?(?<!\b(?:een|a)\s)(1|one|single|twee|2|two|drie|3|three|vier|4|four|vijf|5|five|zes|6|six)\s+(?:sprekers?|speakers?)\b|\b(?:maar|slechts|alleen|precies)\s+(een)\s+(?:spreker)\b/u;
const roomWord = /\b(?:zaal|zalen|lokaal|lokalen|room|rooms|hall|halls)\b/u;
const sessionWord = /\b(?:sessies?|sessions?|workshops?|infosessies?|atelier|talks?|lezingen|lezing)\b/u;

/** What a comparison over sessions asks, read from the question's words. */
type Comparison =
  | { kind: 'extreme'; measure: Measure; direction: 'most' | 'least'; rooms: boolean; among?: boolean }
  | { kind: 'pair'; measure: Measure; relation: 'gt' | 'lt' | 'eq' }
  | { kind: 'threshold'; measure: Measure; relation: 'gt' | 'lt' | 'ge'; limit: number }
  | { kind: 'count'; measure: Measure; count: number };

/** The comparison a folded question asks for, or null; `named` is how many sessions it names one by one. */
export function comparisonOf(folded: string, named: number): Comparison | null {
  const measure = measureOf(folded);
  const limit = threshold.exec(folded);
  if (limit && (quantityNoun.test(folded) || sessionWord.test(folded))) {
    const word = limit[1] as string;
    const relation = /^(?:meer|more|boven|over|above)/u.test(word) ? 'gt' : /^(?:minstens|ten|at)/u.test(word) ? 'ge' : 'lt';
    return { kind: 'threshold', measure, relation, limit: Number(limit[2]) };
  }
  if (named >= 2 && equal.test(folded)) return { kind: 'pair', measure, relation: 'eq' };
  if (named >= 2 && than.test(folded) && (greater.test(folded) || smaller.test(folded))) return { kind: 'pair', measure, relation: greater.test(folded) ? 'gt' : 'lt' };
  // "sessie 5 of 6, welke is groter?": the most (or least) among the sessions named.
  if (named >= 2 && /\b(?:welke|welk|which)\b/u.test(folded) && (greater.test(folded) || smaller.test(folded))) {
    return { kind: 'extreme', measure, direction: greater.test(folded) ? 'most' : 'least', rooms: false, among: true };
  }
  const direction = most.test(folded) ? 'most' : least.test(folded) ? 'least' : null;
  const about = sizeWord.test(folded) || quantityNoun.test(folded) || measure !== 'cap';
  if (direction && about && (sessionWord.test(folded) || roomWord.test(folded) || quantityNoun.test(folded))) {
    // "sessie 1 of sessie 3, welke is de grootste?": among the sessions named, if it names several.
    return { kind: 'extreme', measure, direction, rooms: roomWord.test(folded) && measure === 'cap' && named < 2, among: named >= 2 };
  }
  const count = countOf.exec(folded);
  if (count && sessionWord.test(folded)) return { kind: 'count', measure: 'speakers', count: countWords[(count[1] ?? count[2]) as string] ?? 1 };
  // "which sessions have 11 seats": the sessions with that cap.
  const seats = /\b(?:welke|which|what)\b.*\b(\d{1,3})\s+(?:plaatsen|plekken|deelnemers|seats|places|spots|participants)\b/u.exec(folded);
  if (seats && sessionWord.test(folded)) return { kind: 'count', measure: 'cap', count: Number(seats[1]) };
  return null;
}

/** Answers a comparison over the sessions in scope: those named (for a pair or "which of these"), the series named, or the whole programme. */
export function compare(comparison: Comparison, scope: AnswerScope, found: Found, named: number[]): Draft | null {
  const r = reasoning[scope.lang];
  const among = comparison.kind === 'extreme' && comparison.among === true;
  const pool = among ? sessionsOf(scope, named) : found.series !== null ? sessionsOfSeries(scope.event, found.series) : [...scope.event.sessions].sort((a, b) => a.number - b.number);
  const within = found.series !== null ? r.inSeries(found.series) : '';
  const value = (s: Session): number => valueOf(scope, s, comparison.measure);
  const say = (v: number): string => valueText(scope, comparison.measure, v);
  const lineParts = { time: true, room: true, speakers: comparison.measure === 'speakers' };
  switch (comparison.kind) {
    case 'pair': {
      const [a, b] = sessionsOf(scope, named);
      if (!a || !b) return null;
      const [va, vb] = [value(a), value(b)];
      const yes = comparison.relation === 'eq' ? va === vb : comparison.relation === 'gt' ? va > vb : va < vb;
      const parts = [a, b].map((s) => r.hasValue(s.number, titleOf(scope, s), say(value(s))));
      return { lines: [r.pair(yes, va === vb ? r.same(comparison.measure) : null, parts)], sessions: [a.number, b.number] };
    }
    case 'extreme': {
      if (comparison.rooms) return rooms(scope, comparison.direction);
      const values = pool.map(value);
      const best = comparison.direction === 'most' ? Math.max(...values) : Math.min(...values);
      const winners = pool.filter((s) => value(s) === best);
      if (winners.length === pool.length) return { lines: [r.allSame(within, say(best), among ? winners.map((s) => s.number) : undefined)], sessions: [] };
      const head = r.extreme(within, winners.map((s) => s.number), comparison.measure, comparison.direction, say(best));
      return { lines: [head, ...winners.map((s) => sessionLine(scope, s, lineParts))], sessions: winners.map((s) => s.number) };
    }
    case 'threshold': {
      const { relation, limit } = comparison;
      const hits = pool.filter((s) => (relation === 'gt' ? value(s) > limit : relation === 'ge' ? value(s) >= limit : value(s) < limit));
      if (hits.length === 0) return { lines: [r.noneBeyond(within, relation, limit, comparison.measure)], sessions: [] };
      const parts = { ...lineParts, cap: comparison.measure === 'cap' };
      return { lines: [r.beyond(within, relation, limit, comparison.measure), ...hits.map((s) => sessionLine(scope, s, parts))], sessions: hits.map((s) => s.number) };
    }
    case 'count': {
      const hits = pool.filter((s) => value(s) === comparison.count);
      if (hits.length === 0) return { lines: [r.noneWithCount(within, say(comparison.count))], sessions: [] };
      return { lines: [r.withCount(within, say(comparison.count)), ...hits.map((s) => sessionLine(scope, s, lineParts))], sessions: hits.map((s) => s.number) };
    }
  }
}

/** The biggest or smallest rooms: a room holds as many as the largest session in it. */
function rooms(scope: AnswerScope, direction: 'most' | 'least'): Draft {
  const r = reasoning[scope.lang];
  const sizes = new Map<string, { cap: number; sessions: number[] }>();
  for (const session of [...scope.event.sessions].sort((a, b) => a.number - b.number)) {
    const room = sizes.get(session.room) ?? { cap: 0, sessions: [] };
    room.cap = Math.max(room.cap, valueOf(scope, session, 'cap'));
    room.sessions.push(session.number);
    sizes.set(session.room, room);
  }
  const caps = [...sizes.values()].map((x) => x.cap);
  const best = direction === 'most' ? Math.max(...caps) : Math.min(...caps);
  const winners = [...sizes].filter(([, x]) => x.cap === best);
  const numbers = winners.flatMap(([, x]) => x.sessions);
  return { lines: [r.room(direction, winners.map(([name]) => name), best, numbers)], sessions: numbers };
}
