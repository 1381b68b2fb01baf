import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryLane, DeliveryQueue, Outbox, OutboxEntry, SeatLedger } from '../../src/core/index.ts';
import { person } from './seat-ledger.fixtures.ts';

/** A fresh, empty ledger with its outbox (fixture owners `test:<n>` have the chat lane `chat:test`), and how to let go of it. */
export type MakeOutbox = () => Promise<{ outbox: SeatLedger & Outbox; close(): Promise<void> }>;

const t0 = Date.parse('2020-10-15T08:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);
const ids = (entries: OutboxEntry[]) => entries.map((e) => e.id);

/**
 * What the mail worker relies on beyond `outbox.contract.ts`: concurrent claims never hand one
 * entry to two workers, and a worker that lost its lease cannot undo a recorded delivery.
 */
export function describeOutboxDeliveryContract(name: string, make: MakeOutbox, lane: DeliveryLane = 'mail'): void {
  describe(`outbox delivery guarantees: ${name}, ${lane} lane`, () => {
    const open: Array<() => Promise<void>> = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    type LaneView = DeliveryQueue & { list(state: 'pending' | 'sent' | 'failed'): ReturnType<Outbox['list']> };
    async function withEntries(count: number): Promise<{ outbox: LaneView; entries: OutboxEntry[] }> {
      const made = await make();
      open.push(made.close);
      await Promise.all(
        Array.from({ length: count }, (_, i) => made.outbox.register({ key: `d${i}`, at: at(i), registrant: person(i, [1 + (i % 4), 5 + (i % 5)]), waitlistIfFull: true })),
      );
      const outbox: LaneView = { ...made.outbox.lane(lane), list: (state) => made.outbox.list(state, lane) };
      return { outbox, entries: await outbox.list('pending') };
    }

    it('hands each entry to one worker only when many claim at once', async () => {
      const { outbox, entries } = await withEntries(60);
      expect(entries).toHaveLength(60);
      const claims = await Promise.all(Array.from({ length: 12 }, (_, w) => outbox.claim(`w${w}`, 7, 60_000, at(1_000))));
      const claimed = claims.flatMap(ids);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(new Set(claimed)).toEqual(new Set(ids(entries)));
      expect(claims.every((c) => c.length <= 7)).toBe(true);
    });

    it('hands each expired entry to one new worker only', async () => {
      const { outbox, entries } = await withEntries(20);
      await outbox.claim('first', 100, 1_000, at(0));
      const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => outbox.claim(`late${w}`, 100, 1_000, at(1_000))));
      const claimed = claims.flatMap(ids);
      expect(claimed.sort()).toEqual(ids(entries).sort());
    });

    it('keeps an entry sent when the worker that lost its lease reports it sent and the new holder reports a failure', async () => {
      const { outbox, entries } = await withEntries(1);
      const id = entries[0]?.id ?? '';
      await outbox.claim('crashed', 1, 1_000, at(0));
      await outbox.claim('second', 1, 1_000, at(2_000));
      await outbox.markSent(id, 'crashed', at(2_100));
      await outbox.markRetry(id, 'second', at(3_000), '451 try later');
      await outbox.markFailed(id, 'second', '550 no', at(2_200));
      expect(ids(await outbox.list('sent'))).toEqual([id]);
      expect(await outbox.list('failed')).toEqual([]);
      expect(await outbox.claim('third', 10, 1_000, at(10_000_000))).toEqual([]);
    });

    it('does not let a retry or failure resurrect or bury an entry already sent', async () => {
      const { outbox, entries } = await withEntries(1);
      const id = entries[0]?.id ?? '';
      await outbox.claim('w', 1, 1_000, at(0));
      await outbox.markSent(id, 'w', at(10));
      await outbox.markRetry(id, 'w', at(20), 'late retry');
      await outbox.markFailed(id, 'w', 'late failure', at(30));
      expect(ids(await outbox.list('sent'))).toEqual([id]);
      expect(await outbox.list('pending')).toEqual([]);
      expect(await outbox.claim('w2', 1, 1_000, at(10_000_000))).toEqual([]);
    });

    it('delivers every entry exactly once to workers that claim and settle concurrently', async () => {
      const { outbox, entries } = await withEntries(40);
      const seen: string[] = [];
      const work = async (workerId: string): Promise<void> => {
        for (;;) {
          const batch = await outbox.claim(workerId, 3, 60_000, at(1_000));
          if (batch.length === 0) return;
          for (const entry of batch) {
            seen.push(entry.id);
            await outbox.markSent(entry.id, workerId, at(1_001));
          }
        }
      };
      await Promise.all(['a', 'b', 'c', 'd'].map(work));
      expect(seen.sort()).toEqual(ids(entries).sort());
      expect(ids(await outbox.list('sent')).sort()).toEqual(ids(entries).sort());
    });
  });
}
