import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationStore, TurnLock } from '../../src/core/index.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../../src/store/memory-conversation-store.ts';
import {
  conversationScripts,
  defaultStateTtlMs,
  RedisConversationStore,
  RedisTurnLock,
} from '../../src/store/redis-conversation-store.ts';
import { requireRedisServer, startRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventually } from '../helpers/eventually.ts';

const connectClient = (url: string) => createClient({ url, scripts: conversationScripts });
type Client = ReturnType<typeof connectClient>;


interface Ports {
  conversations: ConversationStore;
  lock: TurnLock;
}

/** The behaviour every implementation of the conversation ports shares. */
function conversationPortsContract(name: string, make: () => Ports): void {
  describe(`${name}: ConversationStore`, () => {
    it('reads null for a user with no state', async () => {
      expect(await make().conversations.read('telegram:nobody')).toBeNull();
    });

    it('creates with expected version null, then only the current version may write', async () => {
      const { conversations } = make();
      const first = await conversations.write('slack:U1', { step: 'name' }, null);
      expect(first).toBe(1);
      expect(await conversations.read('slack:U1')).toEqual({ state: { step: 'name' }, version: 1 });
      expect(await conversations.write('slack:U1', { step: 'hijack' }, null)).toBeNull();
      const second = await conversations.write('slack:U1', { step: 'email' }, 1);
      expect(second).toBe(2);
      expect(await conversations.write('slack:U1', { step: 'stale' }, 1)).toBeNull();
      expect(await conversations.write('slack:U1', { step: 'future' }, 7)).toBeNull();
      expect(await conversations.read('slack:U1')).toEqual({ state: { step: 'email' }, version: 2 });
    });

    it('refuses a write with a version for a user that has no state', async () => {
      const { conversations } = make();
      expect(await conversations.write('teams:ghost', { step: 'x' }, 3)).toBeNull();
      expect(await conversations.read('teams:ghost')).toBeNull();
    });

    it('of many writers holding the same version exactly one wins', async () => {
      const { conversations } = make();
      await conversations.write('console:race', { n: 0 }, null);
      const results = await Promise.all(Array.from({ length: 25 }, (_, n) => conversations.write('console:race', { n: n + 1 }, 1)));
      const winners = results.filter((version) => version !== null);
      expect(winners).toEqual([2]);
      const winner = results.indexOf(2) + 1;
      expect(await conversations.read('console:race')).toEqual({ state: { n: winner }, version: 2 });
    });

    it('delete forgets the state, and the deleted version can no longer write', async () => {
      const { conversations } = make();
      await conversations.write('telegram:42', { step: 'book' }, null);
      await conversations.delete('telegram:42');
      expect(await conversations.read('telegram:42')).toBeNull();
      expect(await conversations.write('telegram:42', { step: 'late' }, 1)).toBeNull();
      expect(await conversations.write('telegram:42', { step: 'fresh' }, null)).not.toBeNull();
      expect((await conversations.read('telegram:42'))?.state).toEqual({ step: 'fresh' });
    });

    it('returns a copy: changing what was read does not change what is stored', async () => {
      const { conversations } = make();
      await conversations.write('console:copy', { answers: { name: 'An' } }, null);
      const read = await conversations.read('console:copy');
      (read?.state as { answers: { name: string } }).answers.name = 'changed';
      expect((await conversations.read('console:copy'))?.state).toEqual({ answers: { name: 'An' } });
    });

    it('keeps users apart', async () => {
      const { conversations } = make();
      await conversations.write('slack:A', { who: 'A' }, null);
      await conversations.write('telegram:A', { who: 'tA' }, null);
      expect((await conversations.read('slack:A'))?.state).toEqual({ who: 'A' });
      expect((await conversations.read('telegram:A'))?.state).toEqual({ who: 'tA' });
    });
  });

  describe(`${name}: TurnLock`, () => {
    it('is exclusive and released only by its owner', async () => {
      const { lock } = make();
      const token = await lock.tryAcquire('slack:U1', 10_000);
      expect(token).toEqual(expect.any(String));
      expect(await lock.tryAcquire('slack:U1', 10_000)).toBeNull();
      await lock.release('slack:U1', 'not-the-owner');
      expect(await lock.tryAcquire('slack:U1', 10_000)).toBeNull();
      expect(await lock.tryAcquire('slack:U2', 10_000)).not.toBeNull();
      await lock.release('slack:U1', token!);
      const next = await lock.tryAcquire('slack:U1', 10_000);
      expect(next).not.toBeNull();
      expect(next).not.toBe(token);
    });

    it('of many parallel acquirers exactly one gets the lock', async () => {
      const { lock } = make();
      const tokens = await Promise.all(Array.from({ length: 40 }, () => lock.tryAcquire('teams:busy', 10_000)));
      expect(tokens.filter((token) => token !== null)).toHaveLength(1);
    });

    it('expires, and the old owner can then not release the new owner', async () => {
      const { lock } = make();
      const stale = await lock.tryAcquire('console:slow', 40);
      expect(stale).not.toBeNull();
      let fresh: string | null = null;
      expect(await eventually(async () => (fresh = await lock.tryAcquire('console:slow', 10_000)) !== null)).toBe(true);
      await lock.release('console:slow', stale!);
      expect(await lock.tryAcquire('console:slow', 10_000)).toBeNull();
      await lock.release('console:slow', fresh!);
      expect(await lock.tryAcquire('console:slow', 10_000)).not.toBeNull();
    });
  });
}

conversationPortsContract('memory', () => ({
  conversations: new MemoryConversationStore(),
  lock: new MemoryTurnLock(),
}));

if (requireRedisServer()) {
  const server = useRedisServer();
  let client: Client;

  beforeAll(async () => {
    client = connectClient(server().url);
    client.on('error', () => undefined);
    await client.connect();
  });
  afterAll(() => client?.destroy());

  // A fresh prefix per store, so tests never see each other's keys.
  const prefix = () => `balie:{test-${randomUUID().slice(0, 8)}}:`;

  conversationPortsContract('redis', () => {
    const p = prefix();
    return { conversations: new RedisConversationStore(client, p), lock: new RedisTurnLock(client, p) };
  });

  describe('redis: what is specific to Redis', () => {
    it('keeps state under the prefix, as JSON with a version, with the default TTL of 30 days', async () => {
      const p = prefix();
      const store = new RedisConversationStore(client, p);
      await store.write('telegram:7', { step: 'sessions', answers: { series1: 3 } }, null);
      const key = `${p}conv:telegram:7`;
      expect(await client.hGetAll(key)).toEqual({ v: '1', s: '{"step":"sessions","answers":{"series1":3}}' });
      const ttl = await client.pTTL(key);
      expect(ttl).toBeGreaterThan(defaultStateTtlMs - 60_000);
      expect(ttl).toBeLessThanOrEqual(defaultStateTtlMs);
    });

    it('refreshes the TTL on every write, and not on a refused one', async () => {
      const p = prefix();
      const store = new RedisConversationStore(client, p, 3_600_000);
      const key = `${p}conv:slack:T`;
      await store.write('slack:T', { n: 1 }, null);
      await client.pExpire(key, 5_000);
      expect(await store.write('slack:T', { n: 2 }, 7)).toBeNull();
      expect(await client.pTTL(key)).toBeLessThanOrEqual(5_000);
      expect(await store.write('slack:T', { n: 2 }, 1)).toBe(2);
      expect(await client.pTTL(key)).toBeGreaterThan(3_600_000 - 60_000);
    });

    it('forgets a state when its TTL passes', async () => {
      const store = new RedisConversationStore(client, prefix(), 40);
      await store.write('console:brief', { step: 'name' }, null);
      expect(await eventually(async () => (await store.read('console:brief')) === null)).toBe(true);
      expect(await store.write('console:brief', { step: 'again' }, null)).toBe(1);
    });

    it('never reuses a version after delete, so a turn that read before the delete cannot overwrite', async () => {
      const store = new RedisConversationStore(client, prefix());
      await store.write('teams:aba', { step: 'a' }, null);
      const before = await store.read('teams:aba');
      await store.delete('teams:aba');
      expect(await store.write('teams:aba', { step: 'b' }, null)).toBe(2);
      expect(await store.write('teams:aba', { step: 'late' }, before!.version)).toBeNull();
      expect((await store.read('teams:aba'))?.state).toEqual({ step: 'b' });
    });

    it('delete removes the state itself (personal data), not just hides it', async () => {
      const p = prefix();
      const store = new RedisConversationStore(client, p);
      await store.write('slack:pii', { answers: { email: 'an@example.org' } }, null);
      await store.delete('slack:pii');
      expect(await client.hGetAll(`${p}conv:slack:pii`)).toEqual({ v: '1' });
    });

    it('sets expiry on locks, and writes nothing outside the prefix', async () => {
      const p = prefix();
      const lock = new RedisTurnLock(client, p);
      const store = new RedisConversationStore(client, p);
      await lock.tryAcquire('slack:U9', 15_000);
      await store.write('slack:U9', { step: 1 }, null);
      const lockTtl = await client.pTTL(`${p}lock:slack:U9`);
      expect(lockTtl).toBeGreaterThan(0);
      expect(lockTtl).toBeLessThanOrEqual(15_000);
      const keys = await client.keys('*');
      const mine = keys.filter((key) => key.startsWith(p)).sort();
      expect(mine).toEqual([`${p}conv:slack:U9`, `${p}lock:slack:U9`]);
      expect(keys.every((key) => key.startsWith('balie:{test-'))).toBe(true);
    });

    it('keeps the hash tag first, so a user key with braces stays in the event\'s cluster slot', async () => {
      // CLUSTER KEYSLOT needs a cluster-enabled node; a bare one (no slots served) computes it.
      const node = await startRedisServer({ extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'] });
      const cluster = createClient({ url: node.url });
      cluster.on('error', () => undefined);
      try {
        await cluster.connect();
        const p = 'balie:{netwerkdag-2020}:';
        const slot = await cluster.clusterKeySlot('netwerkdag-2020');
        for (const userKey of ['slack:{evil}', 'telegram:}{', 'teams:29:1a{b}']) {
          expect(await cluster.clusterKeySlot(`${p}conv:${userKey}`)).toBe(slot);
          expect(await cluster.clusterKeySlot(`${p}lock:${userKey}`)).toBe(slot);
          expect(await cluster.clusterKeySlot(`${p}seen:${userKey}:m1`)).toBe(slot);
        }
      } finally {
        cluster.destroy();
        await node.stop();
      }
    });

    it('rejects a TTL that is not a positive whole number of ms', () => {
      expect(() => new RedisConversationStore(client, prefix(), 0)).toThrow(RangeError);
      expect(() => new RedisConversationStore(client, prefix(), 1.5)).toThrow(RangeError);
    });
  });
}
