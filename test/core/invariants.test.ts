import { describe, expect, it } from 'vitest';
import { findInvariantViolations, type LedgerSnapshot, type RegistrationRecord } from '../../src/core/index.ts';
import { eventWith, person } from '../store/seat-ledger.fixtures.ts';

const event = eventWith({ venue: 3, sessions: { 1: 2 } });

function record(n: number, sessions: number[], status: RegistrationRecord['status'] = 'confirmed', extra: Partial<RegistrationRecord> = {}): RegistrationRecord {
  const at = '2020-10-15T07:00:00.000Z';
  return { ...person(n, sessions), id: `r${n}`, status, seq: n, registeredAt: at, updatedAt: at, ...extra };
}

/** A consistent snapshot of `registrations`: counters recounted from the confirmed ones. */
function snapshotOf(registrations: RegistrationRecord[]): LedgerSnapshot {
  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  return {
    availability: {
      venueCap: event.venueCap,
      venueTaken: confirmed.length,
      sessions: event.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: confirmed.filter((r) => r.sessions.includes(s.number)).length })),
      waitlistLength: registrations.length - confirmed.length,
    },
    registrations,
  };
}

function withSession(snapshot: LedgerSnapshot, sessionNumber: number, change: { cap?: number; taken?: number; waiting?: number }): LedgerSnapshot {
  const sessions = snapshot.availability.sessions.map((s) => (s.sessionNumber === sessionNumber ? { ...s, ...change } : s));
  return { ...snapshot, availability: { ...snapshot.availability, sessions } };
}

describe('findInvariantViolations', () => {
  const healthy = snapshotOf([record(1, [1, 5]), record(2, [1, 6]), record(3, [2, 5]), record(4, [1, 7], 'waitlisted')]);

  it('finds nothing in a consistent ledger, empty or full', () => {
    expect(findInvariantViolations(event, healthy)).toEqual([]);
    expect(findInvariantViolations(event, snapshotOf([]))).toEqual([]);
  });

  it('sees a venue counter that does not match the confirmed registrations', () => {
    const broken = { ...healthy, availability: { ...healthy.availability, venueTaken: 2 } };
    expect(findInvariantViolations(event, broken)).toEqual(['venue counter 2 != 3 confirmed registrations', 'the venue has a free seat and 1 waiting for one']);
  });

  it('sees more confirmed registrations than the venue cap', () => {
    const broken = snapshotOf([record(1, [1, 5]), record(2, [2, 6]), record(3, [2, 5]), record(4, [3, 7])]);
    expect(findInvariantViolations(event, broken)).toEqual(['venue counter 4 above cap 3']);
  });

  it('sees a session counter off by one and a session above its cap', () => {
    expect(findInvariantViolations(event, withSession(healthy, 5, { taken: 1 }))).toEqual(['session 5 counter 1 != 2 holders']);
    expect(findInvariantViolations(event, withSession(healthy, 1, { cap: 1 }))).toEqual(['session 1 counter 2 above cap 1']);
  });

  it('sees a waiting list length that does not match', () => {
    const broken = { ...healthy, availability: { ...healthy.availability, waitlistLength: 0 } };
    expect(findInvariantViolations(event, broken)).toEqual(['waiting list length 0 != 1 waitlisted registrations']);
  });

  it('sees a registration with two sessions of a series, sessions out of order or unknown, or nothing in a required series', () => {
    const broken = snapshotOf([record(1, [1, 2]), record(2, [5, 1]), record(3, [3, 5], 'confirmed', { sessions: [3, 42] })]);
    const problem = (id: string) => `registration ${id} holds or waits for more than one session of a series, or none of a required one`;
    expect(findInvariantViolations(event, broken)).toEqual([problem('r1'), problem('r2'), problem('r3')]);
    const skipping = snapshotOf([record(1, [5]), record(2, [1, 5])]);
    expect(findInvariantViolations(event, skipping)).toEqual([]);
    const required = { ...event, series: event.series.map((s) => ({ ...s, required: s.id === 1 })) };
    expect(findInvariantViolations(required, skipping)).toEqual([problem('r1')]);
    expect(findInvariantViolations(event, withSession(snapshotOf([record(1, [2, 5], 'confirmed', { waitingFor: [2] })]), 2, { cap: 1 }))).toEqual([problem('r1')]);
  });

  it('sees someone waiting for a session with a free seat, a wrong waiting count, and a waiting list out of arrival order', () => {
    const full = withSession(snapshotOf([record(1, [1, 5]), record(2, [1, 6]), record(3, [2, 5], 'confirmed', { waitingFor: [1] })]), 1, { waiting: 1 });
    expect(findInvariantViolations(event, full)).toEqual([]);
    const freed = withSession(full, 1, { cap: 3 });
    expect(findInvariantViolations(event, freed)).toEqual(['session 1 has a free seat and 1 waiting for it']);
    expect(findInvariantViolations(event, withSession(full, 1, { waiting: 0 }))).toEqual(['session 1 waiting 0 != 1 waiting for it']);
    const lists = (ids: string[]) => ({ venue: [], sessions: event.sessions.map((s) => ({ sessionNumber: s.number, registrationIds: s.number === 8 ? ids : [] })) });
    const two = snapshotOf([record(1, [1, 5], 'confirmed', { waitingFor: [8] }), record(2, [2, 6], 'confirmed', { waitingFor: [8] })]);
    const fullEight = withSession(two, 8, { cap: 0 });
    expect(findInvariantViolations(event, { ...fullEight, waitlists: lists(['r1', 'r2']) })).toEqual([]);
    expect(findInvariantViolations(event, { ...fullEight, waitlists: lists(['r2', 'r1']) })).toEqual(['session 8 waiting list r2,r1 is not r1,r2 in arrival order']);
    expect(findInvariantViolations(event, { ...fullEight, waitlists: lists(['r1']) })).toEqual(['session 8 waiting list r1 is not r1,r2 in arrival order']);
  });

  it('sees an e-mail address twice (case-insensitively) and a repeated seq', () => {
    const broken = snapshotOf([record(1, [1, 5]), record(2, [2, 6], 'confirmed', { email: 'PERSOON1@example.be' }), record(3, [3, 7], 'confirmed', { seq: 1 })]);
    expect(findInvariantViolations(event, broken)).toEqual(['registration r2 repeats an e-mail address', 'registration r3 repeats seq 1']);
  });
});
