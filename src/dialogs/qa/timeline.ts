import type { EventData, Series } from '../../core/index.ts';
import type { TimeRange } from './time-range.ts';

/** One stretch of a time range: a series running, or a gap the event file says nothing about. */
export type Stretch = { kind: 'series'; series: Series } | { kind: 'gap'; from: string; to: string };

/** What a time range holds within the day, in order. */
export interface Span {
  stretches: Stretch[];
  /** Part of the range lies before the day starts or after it ends. */
  outside: boolean;
}

/** The series and gaps of the day that overlap `range` ("HH:MM" strings compare as times); null when it lies wholly outside the day. */
export function spanOf(event: EventData, range: TimeRange): Span | null {
  const { start: dayStart, end: dayEnd } = event.hours;
  if (range.to <= dayStart || range.from >= dayEnd) return null;
  const end = range.to < dayEnd ? range.to : dayEnd;
  let at = range.from > dayStart ? range.from : dayStart;
  const stretches: Stretch[] = [];
  for (const series of [...event.series].sort((a, b) => a.start.localeCompare(b.start))) {
    if (series.end <= at || series.start >= end) continue;
    if (series.start > at) stretches.push({ kind: 'gap', from: at, to: series.start });
    stretches.push({ kind: 'series', series });
    if (series.end > at) at = series.end;
  }
  if (at < end) stretches.push({ kind: 'gap', from: at, to: end });
  return { stretches, outside: range.from < dayStart || range.to > dayEnd };
}

/** The series right after (or before) the one with this id, in time order; null at the end of the day. */
export function neighbourSeries(event: EventData, id: number, relation: 'after' | 'before'): Series | null {
  const ordered = [...event.series].sort((a, b) => a.start.localeCompare(b.start));
  const at = ordered.findIndex((s) => s.id === id);
  if (at < 0) return null;
  return ordered[relation === 'after' ? at + 1 : at - 1] ?? null;
}
