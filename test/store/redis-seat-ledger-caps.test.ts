import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations, type OutboxEntry, type RegistrationRecord } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, person, ticker } from './seat-ledger.fixtures.ts';

const seqs = (records: RegistrationRecord[]) => records.map((r) => r.seq);
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
const count = (entries: OutboxEntry[], kind: OutboxEntry['kind']) => {
  const perId = new Map<string, number>();
  for (const e of entries) if (e.kind === kind) perId.set(e.registration.id, (perId.get(e.registration.id) ?? 0) + 1);
  return perId;
};

if (requireRedisServer()) {
  describe('RedisSeatLedger cap changes: LIFO bump, FIFO promotion', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let prefixes = 0;
    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());

    /** `confirmed` registrations that fit, then `waiting` more: on the venue list, or (venue free) holding the venue seat and waiting for a session. */
    async function filled(event: ReturnType<typeof eventWith>, confirmed: number, waiting: number, sessions: (n: number) => number[], later: 'waitlisted' | 'confirmed' = 'waitlisted') {
      const ledger = new RedisSeatLedger(client, event, { keyPrefix: `caps${++prefixes}:` });
      const at = ticker();
      for (let n = 1; n <= confirmed + waiting; n++) {
        const result = await ledger.register({ key: `r${n}`, at: at(), registrant: person(n, sessions(n)), waitlistIfFull: true });
        expect(result.ok && result.registration.status).toBe(n <= confirmed ? 'confirmed' : later);
      }
      return { ledger, at };
    }

    it('venue 100 -> 60 with 100 registered bumps exactly the 40 latest, each once; back to 100 promotes them in order', async () => {
      const event = eventWith({ id: 'caps-venue', sessions: { 1: 200, 5: 200 } });
      const { ledger, at } = await filled(event, 100, 10, () => [1, 5]);

      const lowered = await ledger.setVenueCap({ key: 'to-60', at: at(), cap: 60 });
      expect(lowered.ok && seqs(lowered.bumped)).toEqual(range(100, 61, -1));
      expect(lowered.ok && lowered.promoted).toEqual([]);
      const retried = await ledger.setVenueCap({ key: 'to-60', at: at(), cap: 60 });
      expect(retried).toEqual(lowered);
      const bumped = count(await ledger.list('pending'), 'bumped');
      expect(bumped.size).toBe(40);
      expect([...bumped.values()].every((times) => times === 1)).toBe(true);
      expect((await ledger.availability()).venueTaken).toBe(60);

      const raised = await ledger.setVenueCap({ key: 'to-100', at: at(), cap: 100 });
      expect(raised.ok && seqs(raised.promoted)).toEqual(range(61, 100));
      const more = await ledger.setVenueCap({ key: 'to-110', at: at(), cap: 110 });
      expect(more.ok && seqs(more.promoted)).toEqual(range(101, 110));
      expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
    });

    it('session 1 from 40 to 25 moves its 15 latest holders to its waiting list, each once; raising it promotes them before later arrivals', async () => {
      const event = eventWith({ id: 'caps-session', venue: 200, sessions: { 1: 40, 5: 200 } });
      const { ledger, at } = await filled(event, 40, 5, () => [1, 5], 'confirmed');

      const lowered = await ledger.setSessionCap({ key: 's1-25', at: at(), sessionNumber: 1, cap: 25 });
      expect(lowered.ok && seqs(lowered.bumped)).toEqual(range(40, 26, -1));
      const bumped = count(await ledger.list('pending'), 'bumped');
      expect(bumped.size).toBe(15);
      expect([...bumped.values()].every((times) => times === 1)).toBe(true);
      const availability = await ledger.availability();
      expect(availability.sessions.find((s) => s.sessionNumber === 1)).toEqual({ sessionNumber: 1, cap: 25, taken: 25, waiting: 20 });
      expect(availability.sessions.find((s) => s.sessionNumber === 5)).toMatchObject({ taken: 45 });
      expect(availability.venueTaken).toBe(45);
      expect(lowered.ok && lowered.bumped.every((r) => r.sessions.join() === '5' && r.waitingFor?.join() === '1')).toBe(true);

      const raised = await ledger.setSessionCap({ key: 's1-42', at: at(), sessionNumber: 1, cap: 42 });
      expect(raised.ok && seqs(raised.promoted)).toEqual(range(26, 42));
      expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
      expect((await ledger.availability()).sessions.find((s) => s.sessionNumber === 1)).toMatchObject({ taken: 42, waiting: 3 });
      expect((await ledger.waitlists()).sessions.find((s) => s.sessionNumber === 1)?.registrationIds).toHaveLength(3);
    });
  });
}
