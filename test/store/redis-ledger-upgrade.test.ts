import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, person, ticker } from './seat-ledger.fixtures.ts';

if (requireRedisServer()) {
  describe('RedisSeatLedger init upgrades a ledger of the version before per-session waiting lists', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());

    it('drops the per-combination indexes, seats who waited while the venue had room, and runs once', async () => {
      const event = eventWith({ id: 'upgrade', venue: 2, sessions: { 4: 1 } });
      const keyPrefix = 'upgrade:';
      const base = `${keyPrefix}balie:{${event.id}}:`;
      const at = ticker();
      const before = new RedisSeatLedger(client, event, { keyPrefix });
      await before.register({ key: 'a', at: at(), registrant: person(1, [4, 5]), waitlistIfFull: false });
      await before.register({ key: 'c', at: at(), registrant: person(3, [1, 5]), waitlistIfFull: false });
      const waiting = await before.register({ key: 'b', at: at(), registrant: person(2, [4, 6]), waitlistIfFull: true });
      if (!waiting.ok) throw new Error('setup failed');
      // What the older version left: a waiting registration whose session was full while the venue
      // had a seat (an organiser raised the venue cap), indexed by its combination of sessions.
      await client.hSet(`${base}seats`, 'vcap', '3');
      await client.hDel(`${base}seats`, 'model');
      await client.sAdd(`${base}wlcombos`, '4,6');
      await client.zAdd(`${base}wlq:4,6`, { score: waiting.registration.seq, value: waiting.registration.id });

      const after = new RedisSeatLedger(client, event, { keyPrefix });
      expect(await after.get(waiting.registration.id)).toMatchObject({ status: 'confirmed', sessions: [6], waitingFor: [4] });
      expect(await client.exists([`${base}wlcombos`, `${base}wlq:4,6`])).toBe(0);
      expect(await client.hGet(`${base}seats`, 'model')).toBe('2');
      expect((await after.list('pending')).at(-1)).toMatchObject({ id: `upgrade:model-2:promoted:${waiting.registration.id}`, kind: 'promoted' });
      const snapshot = await after.snapshot();
      expect(findInvariantViolations(event, snapshot)).toEqual([]);
      expect(snapshot.waitlists?.sessions.find((s) => s.sessionNumber === 4)?.registrationIds).toEqual([waiting.registration.id]);

      // Another process starting later finds the ledger upgraded and changes nothing.
      const pending = (await after.list('pending')).length;
      const third = new RedisSeatLedger(client, event, { keyPrefix });
      expect(await third.snapshot()).toEqual(snapshot);
      expect(await third.list('pending')).toHaveLength(pending);
    });
  });
}
