import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, startRedisServer, type RedisServerHandle } from '../helpers/redis-server.ts';
import { eventWith } from '../store/seat-ledger.fixtures.ts';
import { runRush, skewedRegistrants } from './rush-harness.ts';

if (requireRedisServer()) {
  describe('durability: kill -9 redis-server in the middle of a rush (appendonly yes, appendfsync always)', () => {
    let server: RedisServerHandle | undefined;
    afterAll(async () => {
      await server?.stop();
    });

    it('keeps every registration that was confirmed to a client, and the invariants', async () => {
      server = await startRedisServer({ appendonly: true, appendfsync: 'always' });
      const running = server;
      // Caps raised so that every registrant is confirmed: each answer is a promise to a user.
      const event = eventWith({ id: 'durability', venue: 5000, sessions: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, 5000])) });
      const registrants = skewedRegistrants(2000, 7);
      let crash: Promise<void> | undefined;
      let answeredBeforeCrash = 0;
      const results = await runRush({
        url: running.url,
        keyPrefix: 'durable:',
        event,
        registrants,
        onResult: (_result, count) => {
          if (count === 700 && !crash) {
            answeredBeforeCrash = count;
            crash = running.kill9().then(() => running.restart());
          }
        },
      });
      await crash;
      expect(answeredBeforeCrash).toBe(700);
      // Some commands were in flight when Redis died and were answered only after a retry.
      expect(results.some((r) => r.attempts > 1)).toBe(true);

      const client = createClient({ url: running.url, scripts: ledgerScripts });
      await client.connect();
      try {
        const ledger = new RedisSeatLedger(client, event, { keyPrefix: 'durable:' });
        const snapshot = await ledger.snapshot();
        expect(findInvariantViolations(event, snapshot)).toEqual([]);
        expect(results).toHaveLength(2000);
        const confirmedToClients = results.filter((r) => r.ok && r.status === 'confirmed');
        expect(confirmedToClients).toHaveLength(2000);
        const stored = new Map(snapshot.registrations.map((r) => [r.id, r]));
        for (const answer of confirmedToClients) expect(stored.get(answer.id!)?.status).toBe('confirmed');
        expect(snapshot.registrations).toHaveLength(2000);
        const confirmations = (await ledger.list('pending')).filter((e) => e.kind === 'confirmation');
        expect(new Set(confirmations.map((e) => e.registration.id)).size).toBe(2000);
        expect(confirmations).toHaveLength(2000);
      } finally {
        client.destroy();
      }
    }, 240_000);
  });
}
