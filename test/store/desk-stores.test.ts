import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLog, CheckinBook } from '../../src/core/index.ts';
import { MemoryAuditLog, MemoryCheckinBook } from '../../src/store/memory-desk-stores.ts';
import { RedisAuditLog, RedisCheckinBook } from '../../src/store/redis-desk-stores.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';

function describeDeskStoresContract(name: string, make: () => Promise<{ audit: AuditLog; checkins: CheckinBook }>): void {
  describe(`desk stores contract: ${name}`, () => {
    it('keeps the audit log newest first, as many as asked', async () => {
      const { audit } = await make();
      for (let i = 1; i <= 3; i++) await audit.append({ at: `2020-10-29T10:0${i}:00.000Z`, organiser: 'anna', action: 'checkin', detail: `#${i} ingecheckt` });
      expect((await audit.recent(2)).map((e) => e.detail)).toEqual(['#3 ingecheckt', '#2 ingecheckt']);
      expect(await audit.recent(10)).toHaveLength(3);
    });

    it('checks a registration in once: the second mark answers the first time, also when two come at once', async () => {
      const { checkins } = await make();
      const [a, b] = await Promise.all([checkins.mark('r1', new Date('2020-10-29T10:31:00Z')), checkins.mark('r1', new Date('2020-10-29T10:32:00Z'))]);
      expect([a.first, b.first].sort()).toEqual([false, true]);
      expect(a.at).toBe(b.at);
      expect(await checkins.mark('r1', new Date('2020-10-29T11:00:00Z'))).toEqual({ first: false, at: a.at });
      await checkins.mark('r2', new Date('2020-10-29T10:40:00Z'));
      expect([...(await checkins.all()).keys()].sort()).toEqual(['r1', 'r2']);
    });
  });
}

describeDeskStoresContract('memory', async () => ({ audit: new MemoryAuditLog(), checkins: new MemoryCheckinBook() }));

if (requireRedisServer()) {
  describe('on a real redis-server', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient>;
    let run = 0;
    beforeAll(async () => {
      client = createClient({ url: server().url });
      await client.connect();
    });
    afterAll(() => client?.destroy());
    describeDeskStoresContract('Redis', async () => {
      const base = `desk${++run}:balie:{netwerkdag-2020}:`;
      return { audit: new RedisAuditLog(client, base), checkins: new RedisCheckinBook(client, base) };
    });
  });
}
