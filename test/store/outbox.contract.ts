import { describe, expect, it } from 'vitest';
import type { DeliveryLane, DeliveryQueue, DeliveryState, Outbox, OutboxEntry, SeatLedger } from '../../src/core/index.ts';
import { person } from './seat-ledger.fixtures.ts';

const t0 = new Date('2020-10-15T08:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

/**
 * The outbox part of the ledger contract, for one lane: claim with a lease, then sent, retry or
 * failed. `make` gives a ledger whose fixture owners (`test:user-<n>`) have a chat lane `chat:test`.
 */
export function describeOutboxContract(make: () => Promise<SeatLedger & Outbox>, lane: DeliveryLane): void {
  describe(`outbox, ${lane} lane`, () => {
    /** The lane's queue with `list` limited to it, so that the cases read as before lanes. */
    type LaneView = DeliveryQueue & { list(state: DeliveryState): ReturnType<Outbox['list']> };
    async function withEntries(count: number): Promise<{ outbox: LaneView; entries: OutboxEntry[] }> {
      const ledger = await make();
      for (let n = 1; n <= count; n++) {
        await ledger.register({ key: `r${n}`, at: later(n), registrant: person(n), waitlistIfFull: false });
      }
      const queue = ledger.lane(lane);
      expect(queue.lane).toBe(lane);
      const outbox: LaneView = { ...queue, list: (state) => ledger.list(state, lane) };
      return { outbox, entries: await ledger.list('pending', lane) };
    }
    const ids = (entries: OutboxEntry[]) => entries.map((e) => e.id);

    it('claims due entries in the order they were written, up to the limit, and leases them', async () => {
      const { outbox, entries } = await withEntries(3);
      expect(entries.map((e) => e.registration.email)).toEqual(['persoon1@example.be', 'persoon2@example.be', 'persoon3@example.be']);
      expect(entries.map((e) => (e as { lane?: string }).lane)).toEqual([lane, lane, lane]);
      const first = await outbox.claim('w1', 2, 60_000, later(10));
      expect(ids(first)).toEqual(ids(entries.slice(0, 2)));
      expect(first[0]).toEqual(entries[0]);
      expect(ids(await outbox.claim('w2', 10, 60_000, later(20)))).toEqual(ids(entries.slice(2)));
      expect(await outbox.claim('w3', 10, 60_000, later(30))).toEqual([]);
      expect(ids(await outbox.list('pending'))).toEqual(ids(entries));
    });

    it('returns an expired lease to the queue', async () => {
      const { outbox, entries } = await withEntries(1);
      await outbox.claim('w1', 1, 1_000, later(10));
      expect(await outbox.claim('w2', 1, 1_000, later(1_009))).toEqual([]);
      expect(ids(await outbox.claim('w2', 1, 1_000, later(1_010)))).toEqual(ids(entries));
      // The first worker lost the lease: its retry or failure is ignored, the new holder decides.
      await outbox.markRetry(entries[0]?.id ?? '', 'w1', later(5_000), 'timeout');
      await outbox.markFailed(entries[0]?.id ?? '', 'w1', 'timeout', later(1_020));
      expect(await outbox.claim('w3', 1, 1_000, later(1_500))).toEqual([]);
      expect(await outbox.list('failed')).toEqual([]);
      await outbox.markSent(entries[0]?.id ?? '', 'w2', later(1_600));
      expect(ids(await outbox.list('sent'))).toEqual(ids(entries));
    });

    it('never hands out an entry again once it is marked sent', async () => {
      const { outbox, entries } = await withEntries(2);
      const [entry] = await outbox.claim('w1', 1, 1_000, later(10));
      await outbox.markSent(entry?.id ?? '', 'w1', later(20));
      expect(ids(await outbox.list('sent'))).toEqual([entry?.id]);
      expect(ids(await outbox.list('pending'))).toEqual(ids(entries.slice(1)));
      const rest = await outbox.claim('w2', 10, 1_000, later(100_000));
      expect(ids(rest)).toEqual(ids(entries.slice(1)));
      await outbox.markSent(rest[0]?.id ?? '', 'w2', later(100_001));
      expect(await outbox.claim('w3', 10, 1_000, later(200_000))).toEqual([]);
      await outbox.markSent(entry?.id ?? '', 'w1', later(300_000));
      expect(ids(await outbox.list('sent'))).toEqual(ids(entries));
      expect(await outbox.list('pending')).toEqual([]);
    });

    it('makes an entry due again at retryAt after markRetry', async () => {
      const { outbox, entries } = await withEntries(1);
      const [entry] = await outbox.claim('w1', 1, 60_000, later(10));
      await outbox.markRetry(entry?.id ?? '', 'w1', later(30_000), 'smtp 451');
      expect(ids(await outbox.list('pending'))).toEqual(ids(entries));
      expect(await outbox.claim('w2', 1, 60_000, later(29_999))).toEqual([]);
      expect(ids(await outbox.claim('w2', 1, 60_000, later(30_000)))).toEqual(ids(entries));
    });

    it('keeps a failed entry where organisers see it and never retries it', async () => {
      const { outbox, entries } = await withEntries(2);
      const [entry] = await outbox.claim('w1', 1, 60_000, later(10));
      await outbox.markFailed(entry?.id ?? '', 'w1', 'smtp 550 no such user', later(20));
      expect(ids(await outbox.list('failed'))).toEqual([entry?.id]);
      expect((await outbox.list('failed'))[0]).toEqual({ ...entries[0], attempts: 1, lastError: 'smtp 550 no such user' });
      expect(ids(await outbox.list('pending'))).toEqual(ids(entries.slice(1)));
      expect(ids(await outbox.claim('w2', 10, 60_000, later(10_000_000)))).toEqual(ids(entries.slice(1)));
    });

    it('counts failed deliveries and keeps the last error, for the next worker and for organisers', async () => {
      const { outbox, entries } = await withEntries(1);
      expect(entries[0]).toMatchObject({ attempts: 0, lastError: null });
      const [first] = await outbox.claim('w1', 1, 60_000, later(10));
      await outbox.markRetry(first?.id ?? '', 'w1', later(1_000), 'smtp 451 try later');
      const [second] = await outbox.claim('w2', 1, 60_000, later(1_000));
      expect(second).toEqual({ ...entries[0], attempts: 1, lastError: 'smtp 451 try later' });
      // A worker that lost its lease settles nothing, so it counts nothing either.
      await outbox.markRetry(second?.id ?? '', 'w1', later(2_000), 'not the holder');
      await outbox.markRetry(second?.id ?? '', 'w2', later(3_000), 'connection refused');
      expect((await outbox.list('pending'))[0]).toMatchObject({ attempts: 2, lastError: 'connection refused' });
      const [third] = await outbox.claim('w3', 1, 60_000, later(3_000));
      await outbox.markSent(third?.id ?? '', 'w3', later(3_100));
      expect((await outbox.list('sent'))[0]).toMatchObject({ id: entries[0]?.id, attempts: 2, lastError: 'connection refused' });
    });

    it('ignores settling an unknown entry', async () => {
      const { outbox, entries } = await withEntries(1);
      await outbox.markSent('no-such-entry', 'w1', later(10));
      await outbox.markRetry('no-such-entry', 'w1', later(10), 'x');
      await outbox.markFailed('no-such-entry', 'w1', 'x', later(10));
      expect(ids(await outbox.list('pending'))).toEqual(ids(entries));
      expect(await outbox.list('sent')).toEqual([]);
      expect(await outbox.list('failed')).toEqual([]);
    });
  });
}
