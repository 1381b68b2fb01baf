import { existsSync } from 'node:fs';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { requireRedisServer, startRedisServer } from '../helpers/redis-server.ts';

if (requireRedisServer()) {
  describe('test helper: redis-server', () => {
    it('starts on a free loopback port, survives kill -9 with appendfsync always, and cleans up', async () => {
      const server = await startRedisServer({ appendonly: true, appendfsync: 'always' });
      expect(server.port).not.toBe(6379);
      const client = createClient({ url: server.url, disableOfflineQueue: true });
      client.on('error', () => undefined);
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      await client.set('balie:test:k', 'v');
      await server.kill9();
      await server.restart();
      const again = createClient({ url: server.url });
      await again.connect();
      expect(await again.get('balie:test:k')).toBe('v');
      again.destroy();
      client.destroy();
      await server.stop();
      expect(existsSync(server.dir)).toBe(false);
    });
  });
}
