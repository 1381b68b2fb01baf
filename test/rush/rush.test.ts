import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations, type LedgerSnapshot, type OutboxEntry, type RegistrationRecord } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { netwerkdag } from '../store/seat-ledger.fixtures.ts';
import { LedgerModel } from '../store/seat-ledger.model.ts';
import { runRush, skewedRegistrants } from './rush-harness.ts';
import type { RushResult } from './rush-worker.ts';

const event = netwerkdag;

const ids = (records: RegistrationRecord[]) => records.map((r) => r.id);
const emails = (records: RegistrationRecord[]) => records.map((r) => r.email.toLowerCase());

/** Nobody holds nothing who could hold a seat: no one on the venue list while the venue has a seat, no one waiting for a session with a seat. */
function nobodyWaitsForAFreeSeat(snapshot: LedgerSnapshot): void {
  const { availability, registrations } = snapshot;
  if (availability.venueTaken < availability.venueCap) expect(registrations.filter((r) => r.status === 'waitlisted')).toEqual([]);
  for (const s of availability.sessions) {
    const waiting = registrations.filter((r) => r.status === 'confirmed' && r.waitingFor?.includes(s.sessionNumber));
    if (waiting.length > 0) expect(s.taken).toBe(s.cap);
    expect(s.waiting).toBe(waiting.length);
  }
}
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
      // Every waiting list (the venue's and each session's) in seq order, holding exactly its waiters.
      expect(findInvariantViolations(event, snapshot)).toEqual([]);
      const lists = snapshot.waitlists!;
      const seqOf = new Map(snapshot.registrations.map((r) => [r.id, r.seq]));
      for (const list of [lists.venue, ...lists.sessions.map((s) => s.registrationIds)]) {
        const seqs = list.map((id) => seqOf.get(id)!);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
      // Those who asked to wait and found a small room full hold the day and wait only for that room.
      const waitingForASession = snapshot.registrations.filter((r) => r.status === 'confirmed' && (r.waitingFor?.length ?? 0) > 0);
      expect(waitingForASession.length).toBeGreaterThan(0);
      expect(lists.sessions.filter((s) => s.registrationIds.length > 0).map((s) => s.sessionNumber)).toEqual(expect.arrayContaining([3, 4]));
      nobodyWaitsForAFreeSeat(snapshot);
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
      const model = LedgerModel.fromSnapshot(event, middle);
      const expected = model.setVenueCap(100);
      const raised = await ledger.setVenueCap({ key: 'venue-100', at: new Date(), cap: 100 });
      expect(raised.ok && emails(raised.promoted)).toEqual(expected.ok && expected.promoted);
      expect(raised.ok && raised.promoted.length).toBeGreaterThan(0);
      expect(entriesOf(await ledger.list('pending'), 'promoted').length).toBe(raised.ok ? raised.promoted.length : -1);
      const after = await ledger.snapshot();
      expect(findInvariantViolations(event, after)).toEqual([]);
      expect(after.registrations.map((r) => `${r.email.toLowerCase()}:${r.status}:${r.sessions.join(',')}:${(r.waitingFor ?? []).join(',')}:${r.book !== null}`)).toEqual(model.lines());
      nobodyWaitsForAFreeSeat(after);
    });

    it('does the same for a session cap: the latest holders move to its waiting list, keeping the day; a raise promotes in order', async () => {
      const before = await ledger.snapshot();
      const holders = before.registrations.filter((r) => r.status === 'confirmed' && r.sessions.includes(4)).sort((a, b) => b.seq - a.seq);
      expect(holders).toHaveLength(11);
      const latest = holders.slice(0, 6);
      const model = LedgerModel.fromSnapshot(event, before);
      const expectedOnLowering = model.setSessionCap(4, 5);

      const lowered = await ledger.setSessionCap({ key: 'session4-5', at: new Date(), sessionNumber: 4, cap: 5 });
      expect(lowered.ok && ids(lowered.bumped)).toEqual(ids(latest));
      expect(lowered.ok && emails(lowered.promoted)).toEqual(expectedOnLowering.ok && expectedOnLowering.promoted);
      // Each keeps the venue seat and the series-2 session, and now waits for 4.
      for (const r of lowered.ok ? lowered.bumped : []) {
        const was = latest.find((x) => x.id === r.id)!;
        expect(r).toMatchObject({ status: 'confirmed', sessions: was.sessions.filter((n) => n !== 4) });
        expect(r.waitingFor).toContain(4);
      }
      const afterLowering = await ledger.snapshot();
      expect(findInvariantViolations(event, afterLowering)).toEqual([]);
      expect(afterLowering.availability.venueTaken).toBe(before.availability.venueTaken);
      const bumpedOnce = entriesOf(await ledger.list('pending'), 'bumped').filter((id) => latest.some((r) => r.id === id));
      expect(bumpedOnce.sort()).toEqual(ids(latest).sort());

      const expectedOnRaise = model.setSessionCap(4, 11);
      const raised = await ledger.setSessionCap({ key: 'session4-11', at: new Date(), sessionNumber: 4, cap: 11 });
      expect(raised.ok && emails(raised.promoted)).toEqual(expectedOnRaise.ok && expectedOnRaise.promoted);
      expect(raised.ok && raised.promoted.length).toBe(6);
      const after = await ledger.snapshot();
      expect(findInvariantViolations(event, after)).toEqual([]);
      expect(after.registrations.map((r) => `${r.email.toLowerCase()}:${r.status}:${r.sessions.join(',')}:${(r.waitingFor ?? []).join(',')}:${r.book !== null}`)).toEqual(model.lines());
      nobodyWaitsForAFreeSeat(after);
    });
  });
}
