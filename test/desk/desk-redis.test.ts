import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckinCodes } from '../../src/desk/index.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { checkinSecret, DeskClient, formValues, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

if (requireRedisServer()) {
  describe('the organiser desk on the Redis store', { timeout: 60_000 }, () => {
    const redis = useRedisServer();
    let desk: DeskHost;
    let other: DeskHost;
    beforeAll(async () => {
      // Two processes on one Redis, sharing BALIE_DESK_SECRET: a login on one works on the other.
      const env = { REDIS_URL: redis().url, BALIE_DESK_SECRET: 'a-shared-desk-secret-of-32-characters!' };
      [desk, other] = await Promise.all([startDeskHost(env), startDeskHost(env)]);
    });
    afterAll(async () => {
      await desk?.close();
      await other?.close();
    });

    it('logs in on one process and works on the other; checks in once across both; keeps the audit log in Redis', async () => {
      await desk.register('jsonl:r1', formValues({ email: 'redis@example.org' }));
      const client = new DeskClient(desk.url);
      expect(await client.login()).toBe(303);
      const elsewhere = new DeskClient(other.url);
      elsewhere.jar.set('balie_desk', client.jar.get('balie_desk') as string);
      const figures = JSON.parse((await elsewhere.get('/organiser/api/overview')).text);
      expect(figures.venue.taken).toBe(1);
      await elsewhere.get('/organiser/checkin');
      const record = await desk.stores.ledger.findByEmail('redis@example.org');
      const code = new CheckinCodes(checkinSecret, desk.event.id).codeOf(record as NonNullable<typeof record>);
      expect((await client.post('/organiser/checkin', { code })).text).toContain('data-outcome="admitted"');
      expect((await elsewhere.post('/organiser/checkin', { code })).text).toMatch(/data-outcome="already"[\s\S]*al ingecheckt om \d\d:\d\d/);
      const audit = await other.stores.audit.recent(10);
      expect(audit.filter((e) => e.action === 'checkin').map((e) => e.detail)).toEqual([`#${record?.seq} al ingecheckt`, `#${record?.seq} ingecheckt`]);
    });
  });
}
