import { describe, expect, it } from 'vitest';
import { hostClock } from '../../src/app/app-clock.ts';
import { netwerkdag } from '../store/seat-ledger.fixtures.ts';

describe("the host's clock", () => {
  it('is BALIE_NOW when set', () => {
    const at = new Date('2020-10-27T10:00:00Z');
    const chosen = hostClock(at, netwerkdag, new Date('2026-12-01T10:00:00Z'));
    expect(chosen.source).toBe('BALIE_NOW');
    expect(chosen.clock.now()).toEqual(at);
  });

  it('is the real time while registration is open, and still after the deadline until the day starts (cancels and reminders on time)', () => {
    expect(hostClock(null, netwerkdag, new Date('2020-10-10T10:00:00Z')).source).toBe('system');
    expect(hostClock(null, netwerkdag, new Date('2020-10-27T10:00:00Z')).source).toBe('system');
  });

  it('is pinned a week before the deadline for an event that has started or is over (the shipped 2020 event, to try it)', () => {
    const chosen = hostClock(null, netwerkdag, new Date('2020-10-29T11:15:00Z'));
    expect(chosen.source).toBe('closed');
    expect(chosen.clock.now()).toEqual(new Date('2020-10-15T07:00:00Z'));
    expect(hostClock(null, netwerkdag, new Date('2026-12-01T10:00:00Z')).source).toBe('closed');
  });
});
