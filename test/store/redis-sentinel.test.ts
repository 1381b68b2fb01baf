import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/app/bot.ts';
import { fixedClock, parseEvent } from '../../src/core/index.ts';
import type { Reply } from '../../src/dialogs/types.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../../src/store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { parseSentinelUrl } from '../../src/store/redis-connection.ts';
import { createRedisStores, type RedisStores } from '../../src/store/redis-stores.ts';
import { findRedisServer, requireRedisServer, startRedisServer, withClient, type RedisServerHandle } from '../helpers/redis-server.ts';
import { eventually } from '../helpers/eventually.ts';

const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');
const now = new Date('2020-10-15T07:00:00Z');


async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 0 && port !== 6379 && port !== 26379) return port;
  }
}


function makeBot(stores: Pick<RedisStores, 'ledger' | 'conversations' | 'lock'>): Bot {
  return new Bot({ ...stores, event, clock: fixedClock(now), answerer: { answer: async () => null } });
}

function memoryBot(): Bot {
  return makeBot({ ledger: new MemorySeatLedger(event), conversations: new MemoryConversationStore(), lock: new MemoryTurnLock() });
}

const firstHalf = ['Ik wil me inschrijven', 'An', 'Peeters', 'an.peeters@example.org', '0470 12 34 56', 'Stad Leuven'];
const secondHalf = ['1', '1', '5', 'nee', 'ja'];

describe('redis+sentinel:// URLs', () => {
  it('name the Sentinels and the primary', () => {
    expect(parseSentinelUrl('redis+sentinel://10.0.0.1:26379,10.0.0.2,sentinel-3:26380/balie')).toEqual({
      tls: false,
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
        { host: 'sentinel-3', port: 26380 },
      ],
      primaryName: 'balie',
    });
    expect(parseSentinelUrl('rediss+sentinel://balie:s%40cret@h:1/main')).toEqual({
      tls: true,
      username: 'balie',
      password: 's@cret',
      sentinels: [{ host: 'h', port: 1 }],
      primaryName: 'main',
    });
    expect(parseSentinelUrl('redis://h:1/0')).toBeNull();
    expect(parseSentinelUrl('redis+sentinel://h:1')).toBeNull();
    expect(parseSentinelUrl('redis+sentinel://h:x/main')).toBeNull();
  });
});

if (requireRedisServer()) {
  describe('Redis Sentinel: the primary is killed -9 mid-conversation and the replica takes over', () => {
    let primary: RedisServerHandle;
    let replica: RedisServerHandle;
    let sentinel: ChildProcess;
    let sentinelDir: string;
    let sentinelPort: number;

    beforeAll(async () => {
      primary = await startRedisServer({ appendonly: true, appendfsync: 'always' });
      replica = await startRedisServer({ appendonly: true, appendfsync: 'always', extraArgs: ['--replicaof', '127.0.0.1', String(primary.port)] });
      if (!(await eventually(() => withClient(replica.url, async (c) => (await c.info('replication')).includes('master_link_status:up')), 30_000))) {
        throw new Error('the replica did not connect to the primary');
      }
      sentinelPort = await freePort();
      sentinelDir = mkdtempSync(join(tmpdir(), 'balie-sentinel-'));
      writeFileSync(
        join(sentinelDir, 'sentinel.conf'),
        [
          `port ${sentinelPort}`,
          'bind 127.0.0.1',
          `dir ${sentinelDir}`,
          `sentinel monitor balie 127.0.0.1 ${primary.port} 1`,
          'sentinel down-after-milliseconds balie 500',
          'sentinel failover-timeout balie 5000',
          '',
        ].join('\n'),
      );
      sentinel = spawn(findRedisServer()!, [join(sentinelDir, 'sentinel.conf'), '--sentinel'], { cwd: sentinelDir, stdio: 'ignore' });
      if (!(await eventually(() => withClient(`redis://127.0.0.1:${sentinelPort}`, async (c) => (await c.ping()) === 'PONG'), 30_000))) {
        throw new Error('redis-sentinel did not answer PING');
      }
    }, 120_000);

    afterAll(async () => {
      if (sentinel && sentinel.exitCode === null) {
        await new Promise<void>((resolve) => {
          sentinel.once('exit', () => resolve());
          sentinel.kill('SIGKILL');
        });
      }
      if (sentinelDir) rmSync(sentinelDir, { recursive: true, force: true });
      await Promise.all([primary?.stop(), replica?.stop()]);
    });

    it('the conversation and the registration go on at the same step through the new primary', async () => {
      const reference = memoryBot();
      const expected: Reply[][] = [];
      for (const text of [...firstHalf, ...secondHalf]) expected.push(await reference.handle({ userKey: 'telegram:9', input: { kind: 'text', text } }));

      const stores = await createRedisStores({ url: `redis+sentinel://127.0.0.1:${sentinelPort}/balie`, event });
      try {
        expect(stores.description).toContain('Sentinel');
        const bot = makeBot(stores);
        for (const [n, text] of firstHalf.entries()) expect(await bot.handle({ userKey: 'telegram:9', input: { kind: 'text', text } })).toEqual(expected[n]);

        // Replication is asynchronous: what the primary acknowledged but the replica had not yet
        // received is lost in a failover. WAIT makes this test deterministic (see the README).
        expect(await withClient(primary.url, (c) => c.wait(1, 5_000))).toBe(1);
        await primary.kill9();
        const promoted = await eventually(() =>
          withClient(`redis://127.0.0.1:${sentinelPort}`, async (c) => {
            const address = (await c.sendCommand(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'balie'])) as string[];
            return address[1] === String(replica.port);
          }),
        30_000);
        expect(promoted).toBe(true);
        expect(await eventually(async () => (await stores.conversations.read('telegram:9')) !== null, 30_000)).toBe(true);

        for (const [n, text] of secondHalf.entries()) {
          expect(await bot.handle({ userKey: 'telegram:9', input: { kind: 'text', text } })).toEqual(expected[firstHalf.length + n]);
        }
        expect(await stores.ledger.findByOwner('telegram:9')).toMatchObject({ status: 'confirmed', sessions: [1, 5] });
        expect(await withClient(replica.url, async (c) => (await c.info('replication')).includes('role:master'))).toBe(true);
      } finally {
        await stores.close();
      }
    });
  });
}
