import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations, type LedgerSnapshot, type OutboxEntry, type RegistrationRecord } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { pickPromoted, type SeatCounts } from '../../src/store/seat-ledger-rules.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { netwerkdag } from '../store/seat-ledger.fixtures.ts';
import { runRush, skewedRegistrants } from './rush-harness.ts';
import type { RushResult } from './rush-worker.ts';

const event = netwerkdag;

/** The seats a promotion pass would start from, after a cap change. */
function seatsOf(snapshot: LedgerSnapshot, change: { venueCap?: number; session?: [number, number] }): SeatCounts {
  const a = snapshot.availability;
  const sessions = new Map(a.sessions.map((s) => [s.sessionNumber, { cap: s.cap, taken: s.taken }]));
  if (change.session) sessions.get(change.session[0])!.cap = change.session[1];
  return { venueCap: change.venueCap ?? a.venueCap, venueTaken: a.venueTaken, sessions };
}

const ids = (records: RegistrationRecord[]) => records.map((r) => r.id);
const entriesOf = (entries: OutboxEntry[], kind: OutboxEntry['kind']) => entries.filter((e) => e.kind === kind).map((e) => e.registration.id);

if (requireRedisServer()) {
  describe('rush: 4 processes, 2,000 registrants skewed to the small rooms, one Redis', () => {
    const server = useRedisServer({ appendonly: true, appendfsync: 'always' });
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let ledger: RedisSeatLedger;
    let results: RushResult[];
    const registrants = skewedRegistrants(2000);

    beforeAll(async () => {
      results = await runRush({ url: server().url, keyPrefix: 'rush:', event, registrants });
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
      ledger = new RedisSeatLedger(client, event, { keyPrefix: 'rush:' });
    }, 180_000);
    afterAll(() => client?.destroy());

    it('keeps every cap, every counter equal to its holders, one session per series', async () => {
      const snapshot = await ledger.snapshot();
      expect(findInvariantViolations(event, snapshot)).toEqual([]);
      const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed');
      expect(confirmed.length).toBeGreaterThan(0);
      for (const small of [3, 4, 7, 8, 9]) {
        const seats = snapshot.availability.sessions.find((s) => s.sessionNumber === small)!;
        expect(seats.taken).toBe(seats.cap);
      }
    });

    it('answered every registrant: confirmed or waitlisted with a message in the outbox, or refused with a reason', async () => {
      expect(results).toHaveLength(registrants.length);
      expect(new Set(results.map((r) => r.n)).size).toBe(registrants.length);
      const snapshot = await ledger.snapshot();
      const byId = new Map(snapshot.registrations.map((r) => [r.id, r]));
      const pending = await ledger.list('pending');
      const messages = new Map<string, string[]>();
      for (const e of pending) messages.set(e.registration.id, [...(messages.get(e.registration.id) ?? []), e.kind]);
      for (const result of results) {
        if (result.ok) {
          expect(byId.get(result.id!)?.status).toBe(result.status);
          expect(messages.get(result.id!)).toEqual([result.status === 'confirmed' ? 'confirmation' : 'waitlisted']);
        } else {
          expect(['venue_full', 'session_full']).toContain(result.reason);
          if (result.reason === 'session_full') expect(result.sessionNumbers!.length).toBeGreaterThan(0);
        }
      }
      expect(snapshot.registrations).toHaveLength(results.filter((r) => r.ok).length);
      expect(pending).toHaveLength(snapshot.registrations.length);
    });

    it('keeps the waiting list in arrival order', async () => {
      const snapshot = await ledger.snapshot();
      const waiting = snapshot.registrations.filter((r) => r.status === 'waitlisted');
      expect(waiting.length).toBeGreaterThan(100);
      expect(snapshot.availability.waitlistLength).toBe(waiting.length);
      // Within one lane a registrant arrived only after the previous one was answered: seq must grow.
      const lanes = new Map<string, RushResult[]>();
      for (const r of results) lanes.set(r.lane, [...(lanes.get(r.lane) ?? []), r]);
      for (const lane of lanes.values()) {
        const seqs = lane.sort((a, b) => a.order - b.order).flatMap((r) => (r.seq === undefined ? [] : [r.seq]));
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
    });

    it('then bumps the latest confirmed when the venue cap drops, each once, and promotes in order when it rises', async () => {
      const before = await ledger.snapshot();
      const taken = before.availability.venueTaken;
      const latest = before.registrations.filter((r) => r.status === 'confirmed').sort((a, b) => b.seq - a.seq).slice(0, taken - 60);
      const lowered = await ledger.setVenueCap({ key: 'venue-60', at: new Date(), cap: 60 });
      expect(lowered.ok && ids(lowered.bumped)).toEqual(ids(latest));
      expect(lowered.ok && lowered.promoted).toEqual([]);
      const bumpedMessages = entriesOf(await ledger.list('pending'), 'bumped');
      expect(bumpedMessages.sort()).toEqual(ids(latest).sort());

      const middle = await ledger.snapshot();
      const expected = pickPromoted(seatsOf(middle, { venueCap: 100 }), middle.registrations);
      const raised = await ledger.setVenueCap({ key: 'venue-100', at: new Date(), cap: 100 });
      expect(raised.ok && ids(raised.promoted)).toEqual(ids(expected));
      expect(raised.ok && raised.promoted.map((r) => r.seq)).toEqual(expected.map((r) => r.seq).sort((a, b) => a - b));
      expect(entriesOf(await ledger.list('pending'), 'promoted').sort()).toEqual(ids(expected).sort());
      expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
    });

    it('does the same for a session cap: the latest holders are bumped once; freed seats and a raise promote in order', async () => {
      const before = await ledger.snapshot();
      const holders = before.registrations.filter((r) => r.status === 'confirmed' && r.sessions.includes(4)).sort((a, b) => b.seq - a.seq);
      expect(holders).toHaveLength(11);
      const latest = holders.slice(0, 6);
      // The model: the six latest holders wait again, then one promotion pass over the freed seats.
      const seats = seatsOf(before, { session: [4, 5] });
      for (const r of latest) {
        seats.venueTaken -= 1;
        for (const n of r.sessions) seats.sessions.get(n)!.taken -= 1;
      }
      const waitingAgain = new Set(ids(latest));
      const modelRegistrations = before.registrations.map((r) => (waitingAgain.has(r.id) ? { ...r, status: 'waitlisted' as const } : r));
      const expectedOnLowering = pickPromoted(seats, modelRegistrations);

      const lowered = await ledger.setSessionCap({ key: 'session4-5', at: new Date(), sessionNumber: 4, cap: 5 });
      expect(lowered.ok && ids(lowered.bumped)).toEqual(ids(latest));
      expect(lowered.ok && ids(lowered.promoted)).toEqual(ids(expectedOnLowering));
      const afterLowering = await ledger.snapshot();
      expect(findInvariantViolations(event, afterLowering)).toEqual([]);
      const bumpedOnce = entriesOf(await ledger.list('pending'), 'bumped').filter((id) => waitingAgain.has(id));
      expect(bumpedOnce.sort()).toEqual(ids(latest).sort());

      const expectedOnRaise = pickPromoted(seatsOf(afterLowering, { session: [4, 11] }), afterLowering.registrations);
      const raised = await ledger.setSessionCap({ key: 'session4-11', at: new Date(), sessionNumber: 4, cap: 11 });
      expect(raised.ok && ids(raised.promoted)).toEqual(ids(expectedOnRaise));
      expect(expectedOnLowering.length + expectedOnRaise.length).toBeGreaterThan(0);
      expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
    });
  });
}
