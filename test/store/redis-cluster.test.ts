import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/app/bot.ts';
import { fixedClock, parseEvent } from '../../src/core/index.ts';
import { createRedisStores } from '../../src/store/redis-stores.ts';
import { requireRedisServer, startRedisServer, withClient, type RedisServerHandle } from '../helpers/redis-server.ts';
import { eventually } from '../helpers/eventually.ts';

const run = promisify(execFile);
const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');



if (requireRedisServer()) {
  describe('Redis Cluster: three primaries, every key of one event in one slot', () => {
    const nodes: RedisServerHandle[] = [];
    let eventSlotOwner: RedisServerHandle;
    let elsewhere: RedisServerHandle;

    beforeAll(async () => {
      for (let n = 0; n < 3; n++) {
        nodes.push(await startRedisServer({ extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'] }));
      }
      await run('redis-cli', ['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '0', '--cluster-yes']);
      for (const node of nodes) {
        const ready = await eventually(() => withClient(node.url, async (client) => (await client.info('cluster')).includes('cluster_enabled:1') && (await client.clusterInfo()).includes('cluster_state:ok')), 20_000);
        if (!ready) throw new Error(`cluster node ${node.port} did not reach cluster_state:ok`);
      }
      const slot = await withClient(nodes[0]!.url, (client) => client.clusterKeySlot(`balie:{${event.id}}:seats`));
      const owners = await withClient(nodes[0]!.url, (client) => client.clusterSlots());
      const ownerPort = owners.find((range) => range.from <= slot && slot <= range.to)?.master.port;
      eventSlotOwner = nodes.find((node) => node.port === ownerPort)!;
      elsewhere = nodes.find((node) => node.port !== ownerPort)!;
    }, 120_000);

    afterAll(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    });

    it('serves a whole registration through the Bot from a node that does not own the slot', async () => {
      const stores = await createRedisStores({ url: elsewhere.url, event });
      try {
        const bot = new Bot({
          event,
          ledger: stores.ledger,
          conversations: stores.conversations,
          lock: stores.lock,
          clock: fixedClock(new Date('2020-10-15T07:00:00Z')),
          answerer: { answer: async () => null },
        });
        const script = ['Ik wil me inschrijven', 'An', 'Peeters', 'an.peeters@example.org', '0470 12 34 56', 'Stad Leuven', '1', '1', '5', 'nee', 'ja'];
        for (const [n, text] of script.entries()) {
          await bot.handle({ userKey: 'slack:U1', input: { kind: 'text', text }, messageId: `m${n}` });
        }
        expect(await stores.ledger.findByOwner('slack:U1')).toMatchObject({ status: 'confirmed', sessions: [1, 5] });
        expect((await stores.ledger.availability()).venueTaken).toBe(1);
        expect(await stores.ledger.list('pending')).toHaveLength(1);
        expect(await stores.conversations.read('slack:U1')).not.toBeNull();
        // A redelivered message (same id) is dropped: the conversation remembers it in its state.
        expect(await bot.handle({ userKey: 'slack:U1', input: { kind: 'text', text: 'an.peeters@example.org' }, messageId: 'm10' })).toEqual([]);
      } finally {
        await stores.close();
      }
      const sizes = await Promise.all(nodes.map((node) => withClient(node.url, (client) => client.dbSize())));
      expect(sizes[nodes.indexOf(eventSlotOwner)]).toBeGreaterThan(3);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(sizes[nodes.indexOf(eventSlotOwner)]);
    });
  });
}
