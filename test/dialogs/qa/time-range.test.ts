import { describe, expect, it } from 'vitest';
import { findTimeRange } from '../../../src/dialogs/qa/time-range.ts';
import { neighbourSeries, spanOf } from '../../../src/dialogs/qa/timeline.ts';
import { event } from './qa-fixture.ts';

describe('findTimeRange', () => {
  it.each([
    ['wat gebeurt er tussen 12:15 en 13:30', '12:15', '13:30'],
    ['wat gebeurt er van 12u15 tot 13u30', '12:15', '13:30'],
    ['what is on between 2 and 3 pm', '14:00', '15:00'],
    ['what happens between 10 and 11', '10:00', '11:00'],
    ['van 13u tot 14u', '13:00', '14:00'],
    ['13:30-15:00', '13:30', '15:00'],
    ['welke sessies zijn er na 15u', '15:00', '16:45'],
  ])('%s', (question, from, to) => {
    expect(findTimeRange(question, '16:45')?.range).toEqual({ from, to });
  });

  it.each(['wat is het verschil tussen sessie 1 en sessie 8', 'van 2 tot 3', 'om 15u', 'mag ik na 22 oktober nog inschrijven', 'na 17u', 'tussen 3 en 2'])('%s is no range', (question) => {
    expect(findTimeRange(question, '16:45')).toBeNull();
  });
});

describe('spanOf', () => {
  it('gives the gaps and series of a range in order', () => {
    const span = spanOf(event, { from: '13:00', to: '16:00' });
    expect(span?.stretches.map((s) => (s.kind === 'gap' ? `${s.from}-${s.to}` : `reeks ${s.series.id}`))).toEqual(['13:00-13:30', 'reeks 1', '15:00-15:15', 'reeks 2']);
    expect(span?.outside).toBe(false);
  });

  it('is null outside the day, and marks a range that runs past it', () => {
    expect(spanOf(event, { from: '10:00', to: '11:00' })).toBeNull();
    expect(spanOf(event, { from: '17:00', to: '18:00' })).toBeNull();
    expect(spanOf(event, { from: '16:00', to: '18:00' })?.outside).toBe(true);
  });
});

describe('neighbourSeries', () => {
  it('is the next or previous series, or null', () => {
    expect(neighbourSeries(event, 1, 'after')?.id).toBe(2);
    expect(neighbourSeries(event, 2, 'before')?.id).toBe(1);
    expect(neighbourSeries(event, 2, 'after')).toBeNull();
  });
});
