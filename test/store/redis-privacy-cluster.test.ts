import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, person } from './seat-ledger.fixtures.ts';

// The privacy scripts on a one-node Redis Cluster (every key must sit in the event's slot, or Redis
// refuses the script), under a key prefix holding glob characters, which their SCANs must escape:
// another deployment's keys that the unescaped pattern would match stay untouched.
if (requireRedisServer()) {
  describe('the privacy scripts on Redis Cluster, under a prefix with glob characters', () => {
    const server = useRedisServer({ extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'] });
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;

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

    it('writes reminders once, forgets one registration and purges the rest, every key in one slot', async () => {
      const event = eventWith({ id: 'privacy-cluster', venue: 2 });
      const ledger = new RedisSeatLedger(client, event, { keyPrefix: 'a*[' });
      // A deployment whose keys the unescaped pattern `a*[balie:{...}:idem:*` would also match.
      await client.set('aXbalie:{privacy-cluster}:idem:foreign', 'persoon9@example.be');
      const at = new Date('2020-10-27T08:00:00Z');
      const ids: string[] = [];
      for (let n = 1; n <= 3; n++) {
        const result = await ledger.register({ key: `r${n}`, at, registrant: person(n, [3, 7]), waitlistIfFull: true });
        if (!result.ok) throw new Error(result.reason);
        ids.push(result.registration.id);
      }
      expect(await ledger.privacy.writeReminders(at)).toBe(2);
      expect(await ledger.privacy.writeReminders(at)).toBe(0);
      expect(await ledger.privacy.writeDataExport(ids[0] as string, '{"x":1}', 'k', at)).toBe(true);

      const cancelled = await ledger.cancel({ key: 'c1', at, registrationId: ids[0] as string });
      expect(cancelled.ok).toBe(true);
      expect(await ledger.privacy.forgetRegistration(ids[0] as string)).toBeGreaterThan(0);
      const all = async () => JSON.stringify([...(await ledger.list('pending')), ...(await ledger.list('sent')), ...(await ledger.list('failed'))]);
      expect(await all()).not.toContain('persoon1@example.be');
      expect(await all()).toContain('persoon2@example.be');

      expect((await ledger.privacy.purgePreview()).registrations).toBe(2);
      const report = await ledger.privacy.purge(new Date('2020-12-01T00:00:00Z'));
      expect(report.counts).toMatchObject({ confirmed: 2, waitlisted: 0, sessions: { '3': 2, '7': 2 } });
      expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
      expect(await all()).not.toMatch(/persoon\d@example\.be/);
      expect(await client.get('aXbalie:{privacy-cluster}:idem:foreign')).toBe('persoon9@example.be');
    });
  });
}
