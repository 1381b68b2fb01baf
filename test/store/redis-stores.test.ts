import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieError, parseEvent } from '../../src/core/index.ts';
import { createRedisStores } from '../../src/store/redis-stores.ts';
import { requireRedisServer, startRedisServer, useRedisServer } from '../helpers/redis-server.ts';

const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');

/** A loopback port nobody listens on (taken, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function failure(promise: Promise<unknown>): Promise<BalieError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BalieError);
  return error as BalieError;
}

if (requireRedisServer()) {
  const server = useRedisServer();
  let inspector: ReturnType<typeof createClient>;

  beforeAll(async () => {
    inspector = createClient({ url: server().url });
    await inspector.connect();
  });
  afterAll(() => inspector?.destroy());

  describe('createRedisStores', () => {
    it('builds every port on one connection, all under the event hash tag', async () => {
      const stores = await createRedisStores({ url: server().url, event, stateTtlDays: 2 });
      try {
        const registered = await stores.ledger.register({
          key: 'turn-1',
          at: new Date('2020-10-15T07:00:00Z'),
          waitlistIfFull: false,
          registrant: {
            firstName: 'An',
            lastName: 'Peeters',
            email: 'an@example.org',
            phone: '+32470123456',
            organisation: 'Stad Leuven',
            organisationType: 'local_government',
            sessions: [1, 5],
            book: null,
            language: 'nl',
            owner: 'console:an',
          },
        });
        expect(registered.ok).toBe(true);
        expect(await stores.conversations.write('console:an', { step: 'done' }, null)).toBe(1);
        expect(await stores.lock.tryAcquire('console:an', 5_000)).not.toBeNull();

        const keys = await inspector.keys('*');
        expect(keys.length).toBeGreaterThan(4);
        expect(keys.filter((key) => !key.startsWith('balie:{netwerkdag-2020}:'))).toEqual([]);
        const ttl = await inspector.pTTL('balie:{netwerkdag-2020}:conv:console:an');
        expect(ttl).toBeGreaterThan(2 * 24 * 3600_000 - 60_000);
        expect(ttl).toBeLessThanOrEqual(2 * 24 * 3600_000);
      } finally {
        await stores.close();
      }
    });

    it('puts a deployment prefix in front of the hash tag', async () => {
      const stores = await createRedisStores({ url: server().url, event, keyPrefix: 'staging:' });
      try {
        await stores.conversations.write('slack:U1', { step: 1 }, null);
        await stores.ledger.availability();
        expect(await inspector.exists('staging:balie:{netwerkdag-2020}:conv:slack:U1')).toBe(1);
        expect(await inspector.pTTL('staging:balie:{netwerkdag-2020}:conv:slack:U1')).toBeGreaterThan(30 * 24 * 3600_000 - 60_000);
      } finally {
        await stores.close();
      }
    });

    it('refuses bad options before connecting', async () => {
      expect((await failure(createRedisStores({ url: server().url, event, keyPrefix: 'a{b}' }))).code).toBe('config_invalid');
      expect((await failure(createRedisStores({ url: 'http://localhost', event }))).code).toBe('config_invalid');
      expect((await failure(createRedisStores({ url: server().url, event, stateTtlDays: 0 }))).code).toBe('config_invalid');
    });

    it('fails fast with store_unavailable when nothing listens at the URL', async () => {
      const error = await failure(createRedisStores({ url: `redis://127.0.0.1:${await closedPort()}`, event }));
      expect(error.code).toBe('store_unavailable');
    });

    it('with appendfsync always, a conversation saved before redis-server is killed -9 is there after the restart', async () => {
      const durable = await startRedisServer({ appendonly: true, appendfsync: 'always' });
      try {
        const before = await createRedisStores({ url: durable.url, event });
        const version = await before.conversations.write('telegram:5', { step: 'sessions', answers: { firstName: 'An' } }, null);
        await durable.kill9();
        await before.close().catch(() => undefined);
        await durable.restart();
        const after = await createRedisStores({ url: durable.url, event });
        try {
          expect(await after.conversations.read('telegram:5')).toEqual({ state: { step: 'sessions', answers: { firstName: 'An' } }, version });
        } finally {
          await after.close();
        }
      } finally {
        await durable.stop();
      }
    });

    it('closes cleanly, also twice', async () => {
      const stores = await createRedisStores({ url: server().url, event });
      await stores.close();
      await stores.close();
      await expect(stores.conversations.read('console:x')).rejects.toThrow();
    });
  });
}
