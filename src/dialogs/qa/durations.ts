import { seriesOf, type Series, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { titleOf, type AnswerScope } from './compose.ts';
import type { Draft } from './drafts.ts';
import { minutesOf, valueText } from './measures.ts';

/** A question about a length of time: "hoe lang duurt een workshop", "how much time is there between". */
export const asksDuration =
  /\b(?:(?:langer|korter|longer|shorter) (?:dan|than)|hoe ?lang(?:e)?|duurt|duren|duur|tijdsduur|lengte|duration|length|how long|how much time|hoeveel (?:tijd|uur|uren|minuten|min)|how many (?:hours|minutes)|in beslag|uurtje)\b/u;
// "tot hoe laat duurt het" asks when it ends, not how long.
const asksClock = /\b(?:hoe laat|what time|tot wanneer|until when|till when|om welk uur)\b/u;
const gapWords = /\b(?:pauze|pauzes|break|breaks|gap|tussenpauze|tussen|between)\b/u;
const startWords = /\b(?:begin|start|aanvang|onthaal|opening|12[:.h]15|12u15)\b/u;
const firstWords = /\b(?:eerste|first)\b/u;
const totalWords = /\b(?:totaal|total|in all|altogether|samen|beide reeksen|both series|both sessions|allebei|both)\b/u;
const sessionWords = /\b(?:sessies?|sessions?|workshops?|infosessies?|reeks|reeksen|series|rounds?|rondes?|blokken)\b/u;
const dayWords = /\b(?:dag|netwerkdag|day|event|evenement|programma|programme|program|geheel|hele|heel|entire|whole|alles)\b/u;

/** What the question wants the length of; `range` is the stretch between two times it names. */
type Span = 'gap' | 'lead-in' | 'total' | 'sessions' | 'day' | 'range';

/** The span a duration question is about, or null when it does not ask a duration; `range` when it names two times. */
export function durationSpan(folded: string, range: boolean): Span | null {
  if (!asksDuration.test(folded) || asksClock.test(folded)) return null;
  if (range) return 'range';
  const ends = /\b(?:einde|eind|end|afloop)\b/u.test(folded);
  if (gapWords.test(folded) && !ends && startWords.test(folded) && firstWords.test(folded)) return 'lead-in';
  if (gapWords.test(folded) && (sessionWords.test(folded) || ends || /\b(?:pauze|pauzes|break|breaks|tussenpauze)\b/u.test(folded))) return 'gap';
  if (totalWords.test(folded) && sessionWords.test(folded) && !/\b(?:dag|day|event|evenement)\b/u.test(folded)) return 'total';
  if (sessionWords.test(folded)) return 'sessions';
  if (dayWords.test(folded)) return 'day';
  return null;
}

const length = (from: string, to: string): number => minutesOf(to) - minutesOf(from);

// "duurt de netwerkdag langer dan 4 uur?": a length to compare with, in minutes.
const limitPattern = /\b(langer|korter|meer|minder|longer|shorter|more|less)\s+(?:dan|than)\s+(\d{1,3}(?:[.,]5)?|een|one|twee|two|drie|three|vier|four|vijf|five)\s*(uur|uren|u|h|hours?|minuten|minutes|min)\b/u;
const limitNumbers: Record<string, number> = { een: 1, one: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5 };

/** The length a question compares with ("langer dan 4 uur"), in minutes, and whether it asks longer; null when it names none. */
export function lengthLimit(folded: string): { longer: boolean; minutes: number } | null {
  const match = limitPattern.exec(folded);
  if (!match) return null;
  const amount = limitNumbers[match[2] as string] ?? Number((match[2] as string).replace(',', '.'));
  const minutes = /^(?:uur|uren|u|h|hour|hours)$/u.test(match[3] as string) ? amount * 60 : amount;
  return { longer: /^(?:langer|meer|longer|more)$/u.test(match[1] as string), minutes };
}

/**
 * Answers how long something takes, from the series' and the day's times. `named` are sessions
 * the question names; with a `limit` ("langer dan 4 uur?") the answer starts with its yes or no.
 */
export function duration(
  span: Span | null,
  scope: AnswerScope,
  named: Session[],
  seriesId: number | null,
  range: { from: string; to: string } | null,
  limit: { longer: boolean; minutes: number } | null,
): Draft {
  const { draft, minutes } = measured(span, scope, named, seriesId, range);
  if (!limit || minutes === null || minutes === limit.minutes) return draft;
  const r = reasoning[scope.lang];
  const yes = limit.longer ? minutes > limit.minutes : minutes < limit.minutes;
  return { ...draft, lines: [`${yes ? r.yes : r.no} ${draft.lines[0] ?? ''}`, ...draft.lines.slice(1)] };
}

/** The answer, and the one length it gives (null when it gives several). */
function measured(span: Span | null, scope: AnswerScope, named: Session[], seriesId: number | null, range: { from: string; to: string } | null): { draft: Draft; minutes: number | null } {
  const r = reasoning[scope.lang];
  const { event } = scope;
  const series = [...event.series].sort((a, b) => a.start.localeCompare(b.start));
  const say = (minutes: number): string => valueText(scope, 'duration', minutes);
  const dayLength = length(event.hours.start, event.hours.end);
  const day = { lines: [r.dayLasts(say(dayLength), event.hours.start, event.hours.end)], sessions: [], programme: true };
  const one = (lines: string[], minutes: number | null, sessions: number[] = []): { draft: Draft; minutes: number | null } => ({ draft: { lines, sessions, programme: sessions.length === 0 }, minutes });
  if (span === 'range' && range) return one([r.rangeLasts(range.from, range.to, say(length(range.from, range.to)))], length(range.from, range.to));
  if (span === 'gap') {
    const lines = series.slice(1).map((next, i) => {
      const before = series[i] as Series;
      return r.gap(before.id, before.end, next.id, next.start, say(length(before.end, next.start)));
    });
    const gaps = series.slice(1).map((next, i) => length((series[i] as Series).end, next.start));
    return lines.length > 0 ? one([...lines, r.gapUnknown(event.contact)], gaps.length === 1 ? (gaps[0] as number) : null) : one(day.lines, dayLength);
  }
  const first = series[0];
  if (span === 'lead-in' && first) {
    const lead = length(event.hours.start, first.start);
    return one([r.leadIn(event.hours.start, first.id, first.start, say(lead)), r.gapUnknown(event.contact)], lead);
  }
  if (span === 'total') {
    const total = series.reduce((sum, s) => sum + length(s.start, s.end), 0);
    return one([r.total(say(total), series.map((s) => r.seriesSpan(s.id, s.start, s.end)))], total);
  }
  if (named.length > 0) {
    const lines = named.map((s) => {
      const of = seriesOf(event, s);
      return r.sessionLasts(s.number, titleOf(scope, s), say(length(of.start, of.end)), of.start, of.end);
    });
    const lengths = new Set(named.map((s) => seriesOf(event, s)).map((of) => length(of.start, of.end)));
    return one(lines, lengths.size === 1 ? ([...lengths][0] as number) : null, named.map((s) => s.number));
  }
  const asked = seriesId !== null ? series.filter((s) => s.id === seriesId) : series;
  if (span === 'sessions' || seriesId !== null) {
    const lengths = new Set(asked.map((s) => length(s.start, s.end)));
    const spans = asked.map((s) => r.seriesSpan(s.id, s.start, s.end));
    if (lengths.size === 1) return one([r.sessionsLast(say([...lengths][0] as number), spans)], [...lengths][0] as number);
    return one(asked.map((s) => r.seriesLasts(s.id, say(length(s.start, s.end)), s.start, s.end)), null);
  }
  return one(day.lines, dayLength);
}
