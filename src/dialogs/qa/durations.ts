import { seriesOf, type Series, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { titleOf, type AnswerScope } from './compose.ts';
import type { Draft } from './drafts.ts';
import { minutesOf, valueText } from './measures.ts';

/** A question about a length of time: "hoe lang duurt een workshop", "how much time is there between". */
export const asksDuration =
  /\b(?:hoe ?lang(?:e)?|duurt|duren|duur|tijdsduur|lengte|duration|length|how long|how much time|hoeveel (?:tijd|uur|uren|minuten|min)|how many (?:hours|minutes)|in beslag|uurtje)\b/u;
// "tot hoe laat duurt het" asks when it ends, not how long.
const asksClock = /\b(?:hoe laat|what time|tot wanneer|until when|till when|om welk uur)\b/u;
const gapWords = /\b(?:pauze|pauzes|break|breaks|gap|tussenpauze|tussen|between)\b/u;
const startWords = /\b(?:begin|start|aanvang|onthaal|opening|12[:.h]15|12u15)\b/u;
const firstWords = /\b(?:eerste|first)\b/u;
const totalWords = /\b(?:totaal|total|in all|altogether|samen|beide reeksen|both series|both sessions|allebei|both)\b/u;
const sessionWords = /\b(?:sessies?|sessions?|workshops?|infosessies?|reeks|reeksen|series|rounds?|rondes?|blokken)\b/u;
const dayWords = /\b(?:dag|netwerkdag|day|event|evenement|geheel|hele|heel|entire|whole|alles)\b/u;

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

/** Answers how long something takes, from the series' and the day's times. `named` are sessions the question names. */
export function duration(span: Span | null, scope: AnswerScope, named: Session[], seriesId: number | null, range: { from: string; to: string } | null = null): Draft {
  const r = reasoning[scope.lang];
  const { event } = scope;
  const series = [...event.series].sort((a, b) => a.start.localeCompare(b.start));
  const say = (minutes: number): string => valueText(scope, 'duration', minutes);
  const day = { lines: [r.dayLasts(say(length(event.hours.start, event.hours.end)), event.hours.start, event.hours.end)], sessions: [], programme: true };
  if (span === 'range' && range) return { lines: [r.rangeLasts(range.from, range.to, say(length(range.from, range.to)))], sessions: [], programme: true };
  if (span === 'gap') {
    const lines = series.slice(1).map((next, i) => {
      const before = series[i] as Series;
      return r.gap(before.id, before.end, next.id, next.start, say(length(before.end, next.start)));
    });
    return { lines: lines.length > 0 ? [...lines, r.gapUnknown(event.contact)] : day.lines, sessions: [], programme: true };
  }
  const first = series[0];
  if (span === 'lead-in' && first) {
    return { lines: [r.leadIn(event.hours.start, first.id, first.start, say(length(event.hours.start, first.start))), r.gapUnknown(event.contact)], sessions: [], programme: true };
  }
  if (span === 'total') {
    const total = series.reduce((sum, s) => sum + length(s.start, s.end), 0);
    return { lines: [r.total(say(total), series.map((s) => r.seriesSpan(s.id, s.start, s.end)))], sessions: [], programme: true };
  }
  if (named.length > 0) {
    const lines = named.map((s) => {
      const of = seriesOf(event, s);
      return r.sessionLasts(s.number, titleOf(scope, s), say(length(of.start, of.end)), of.start, of.end);
    });
    return { lines, sessions: named.map((s) => s.number) };
  }
  const asked = seriesId !== null ? series.filter((s) => s.id === seriesId) : series;
  if (span === 'sessions' || seriesId !== null) {
    const lengths = new Set(asked.map((s) => length(s.start, s.end)));
    const spans = asked.map((s) => r.seriesSpan(s.id, s.start, s.end));
    if (lengths.size === 1) return { lines: [r.sessionsLast(say([...lengths][0] as number), spans)], sessions: [], programme: true };
    return { lines: asked.map((s) => r.seriesLasts(s.id, say(length(s.start, s.end)), s.start, s.end)), sessions: [], programme: true };
  }
  return day;
}
