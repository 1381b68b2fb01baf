import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { describeSeatLedgerContract } from './seat-ledger.contract.ts';
import { person, type MakeLedger } from './seat-ledger.fixtures.ts';

// A one-node Redis Cluster holding every slot: Redis then refuses any script that touches a key
// outside the slot of the keys it declared, which proves that every key sits under the event's tag.
if (requireRedisServer()) {
  describe('RedisSeatLedger on Redis Cluster (one node, all slots)', () => {
    const server = useRedisServer({ extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'] });
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let ledgers = 0;

    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
      await client.sendCommand(['CLUSTER', 'ADDSLOTSRANGE', '0', '16383']);
      const deadline = Date.now() + 10_000;
      while (!String(await client.sendCommand(['CLUSTER', 'INFO'])).includes('cluster_state:ok')) {
        if (Date.now() > deadline) throw new Error('the one-node cluster did not reach cluster_state:ok');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    afterAll(() => client?.destroy());

    it('refuses a script that strays outside its slot (so the suite below can fail)', async () => {
      await expect(
        client.sendCommand(['EVAL', "#!lua\nreturn redis.call('GET', 'balie:{other-event}:seats')", '1', 'balie:{netwerkdag-2020}:seats']),
      ).rejects.toThrow(/slot/i);
    });

    it('registers, changes, cancels and lowers caps with every key in one slot', async () => {
      const ledger = new RedisSeatLedger(client, (await import('./seat-ledger.fixtures.ts')).eventWith({ id: 'cluster', venue: 1 }), { keyPrefix: 'c:' });
      const at = new Date('2020-10-15T08:00:00Z');
      const first = await ledger.register({ key: 'a', at, registrant: person(1, [3, 7]), waitlistIfFull: true });
      const second = await ledger.register({ key: 'b', at, registrant: person(2, [3, 7]), waitlistIfFull: true });
      expect(first.ok && first.registration.status).toBe('confirmed');
      expect(second.ok && second.registration.status).toBe('waitlisted');
      if (!first.ok || !second.ok) return;
      expect((await ledger.changeSession({ key: 'c', at, registrationId: second.registration.id, sessionNumber: 8 })).ok).toBe(true);
      const cancelled = await ledger.cancel({ key: 'd', at, registrationId: first.registration.id });
      expect(cancelled.ok && cancelled.promoted.map((r) => r.id)).toEqual([second.registration.id]);
      const lowered = await ledger.setVenueCap({ key: 'e', at, cap: 0 });
      expect(lowered.ok && lowered.bumped.map((r) => r.id)).toEqual([second.registration.id]);
      expect((await ledger.setSessionCap({ key: 'f', at, sessionNumber: 8, cap: 0 })).ok).toBe(true);
      const mail = ledger.lane('mail');
      const claimed = await mail.claim('w', 10, 1000, at);
      expect(claimed.length).toBeGreaterThan(0);
      await mail.markSent(claimed[0]!.id, 'w', at);
      await mail.markRetry(claimed[1]!.id, 'w', at, 'later');
      await mail.markFailed(claimed[2]!.id, 'w', 'no', at);
      expect((await ledger.counts()).find((c) => c.lane === 'mail' && c.state === 'failed')?.count).toBe(1);
      expect(await ledger.list('sent')).toHaveLength(1);
      expect(await ledger.findByOwner('test:user-2')).not.toBeNull();
      expect(await ledger.findByEmail('persoon2@example.be')).not.toBeNull();
      expect((await ledger.snapshot()).registrations).toHaveLength(1);
    });

    const makeClusterLedger: MakeLedger = async (event, options) => ({
      ledger: new RedisSeatLedger(client, event, { keyPrefix: `cluster${++ledgers}:`, ...options }),
      close: async () => {},
    });
    describeSeatLedgerContract('RedisSeatLedger (cluster mode)', makeClusterLedger);
  });
}
