import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bot, type BotTuning } from '../../src/app/bot.ts';
import { fixedClock, parseEvent, type TurnLock } from '../../src/core/index.ts';
import { busyReply } from '../../src/dialogs/system-replies.ts';
import type { Reply } from '../../src/dialogs/types.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { conversationScripts, RedisConversationStore, RedisTurnLock } from '../../src/store/redis-conversation-store.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';

// A counting dialog stands in for the real one: each turn adds one to the state and says the new
// count, and it records how many turns of one user run at the same moment.
const probe = vi.hoisted(() => ({ inFlight: new Map<string, number>(), maxInFlight: 0 }));

vi.mock('../../src/dialogs/conversation.ts', () => {
  interface CountingState {
    v: 1;
    lang: 'nl';
    count: number;
  }
  return {
    newConversation: (): CountingState => ({ v: 1, lang: 'nl', count: 0 }),
    parseConversationState: (raw: unknown) => raw as CountingState,
    handleTurn: async (state: CountingState, _input: unknown, context: { user: { key: string } }) => {
      const running = (probe.inFlight.get(context.user.key) ?? 0) + 1;
      probe.inFlight.set(context.user.key, running);
      probe.maxInFlight = Math.max(probe.maxInFlight, running);
      // Give other turns the chance to interleave, so an overlap would show.
      await new Promise((resolve) => setImmediate(resolve));
      probe.inFlight.set(context.user.key, running - 1);
      const count = state.count + 1;
      return { state: { ...state, count }, replies: [{ text: String(count) }], effect: null };
    },
    resumeAfterEffect: async (state: CountingState) => ({ state, replies: [], effect: null }),
  };
});

const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');
const connectClient = (url: string) => createClient({ url, scripts: conversationScripts });
type Client = ReturnType<typeof connectClient>;

/** A lock that never refuses: shows what compare-and-set alone does when turns overlap. */
const noLock: TurnLock = { tryAcquire: async () => randomUUID(), release: async () => undefined };

if (requireRedisServer()) {
  const server = useRedisServer();
  // Two clients, as two bot processes would have.
  const clients: Client[] = [];

  beforeAll(async () => {
    for (let n = 0; n < 2; n++) {
      const client = connectClient(server().url);
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
    }
  });
  afterAll(() => clients.forEach((client) => client.destroy()));
  beforeEach(() => {
    probe.inFlight.clear();
    probe.maxInFlight = 0;
  });

  const makeBot = (client: Client, prefix: string, options: { lock?: TurnLock; tuning?: Partial<BotTuning> } = {}) =>
    new Bot({
      event,
      ledger: new MemorySeatLedger(event),
      conversations: new RedisConversationStore(client, prefix),
      lock: options.lock ?? new RedisTurnLock(client, prefix),
      clock: fixedClock(new Date('2020-10-01T10:00:00Z')),
      answerer: { answer: async () => null },
      tuning: { lockWaitMs: 30_000, ...options.tuning },
    });

  const texts = (replies: Reply[][]) => replies.map((reply) => reply.map((r) => r.text).join('|'));

  describe('turns of one user across two Bots sharing one Redis', () => {
    it('run one at a time: every turn counts once and no update is lost', async () => {
      const prefix = `balie:{turns-${randomUUID().slice(0, 8)}}:`;
      const bots = [makeBot(clients[0]!, prefix), makeBot(clients[1]!, prefix)];
      const turns = 30;
      const replies = await Promise.all(
        Array.from({ length: turns }, (_, n) => bots[n % 2]!.handle({ userKey: 'telegram:1', input: { kind: 'text', text: `m${n}` } })),
      );
      expect(probe.maxInFlight).toBe(1);
      expect(
        texts(replies)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: turns }, (_, n) => n + 1));
      const stored = await new RedisConversationStore(clients[0]!, prefix).read('telegram:1');
      expect(stored).toEqual({ state: { conversation: { v: 1, lang: 'nl', count: turns }, handled: [] }, version: turns });
    });

    it('keep other users free to run at the same time', async () => {
      const prefix = `balie:{turns-${randomUUID().slice(0, 8)}}:`;
      const bots = [makeBot(clients[0]!, prefix), makeBot(clients[1]!, prefix)];
      const users = Array.from({ length: 10 }, (_, n) => `slack:U${n}`);
      await Promise.all(
        users.flatMap((userKey, u) => Array.from({ length: 6 }, (_, n) => bots[(u + n) % 2]!.handle({ userKey, input: { kind: 'text', text: 'x' } }))),
      );
      const store = new RedisConversationStore(clients[1]!, prefix);
      for (const userKey of users) expect((await store.read(userKey))?.state).toMatchObject({ conversation: { count: 6 } });
      expect(Math.max(...probe.inFlight.values())).toBe(0);
    });

    it('without the lock, overlapping turns happen, and compare-and-set still loses no update', async () => {
      const prefix = `balie:{turns-${randomUUID().slice(0, 8)}}:`;
      const tuning = { maxStateConflicts: 100 };
      const bots = [makeBot(clients[0]!, prefix, { lock: noLock, tuning }), makeBot(clients[1]!, prefix, { lock: noLock, tuning })];
      const turns = 40;
      const replies = await Promise.all(
        Array.from({ length: turns }, (_, n) => bots[n % 2]!.handle({ userKey: 'teams:2', input: { kind: 'text', text: `m${n}` } })),
      );
      expect(probe.maxInFlight).toBeGreaterThan(1);
      const counted = texts(replies).map(Number);
      expect(counted.sort((a, b) => a - b)).toEqual(Array.from({ length: turns }, (_, n) => n + 1));
      expect((await new RedisConversationStore(clients[0]!, prefix).read('teams:2'))?.state).toMatchObject({ conversation: { count: turns } });
    });

    it('a message delivered to both processes is handled once', async () => {
      const prefix = `balie:{turns-${randomUUID().slice(0, 8)}}:`;
      const bots = [makeBot(clients[0]!, prefix), makeBot(clients[1]!, prefix)];
      const message = { userKey: 'telegram:3', input: { kind: 'text', text: 'hallo' } as const, messageId: 'update-77' };
      const replies = await Promise.all([bots[0]!.handle(message), bots[1]!.handle(message), bots[0]!.handle(message)]);
      expect(texts(replies).sort()).toEqual(['', '', '1']);
      expect((await new RedisConversationStore(clients[0]!, prefix).read('telegram:3'))?.state).toEqual({ conversation: { v: 1, lang: 'nl', count: 1 }, handled: ['update-77'] });
    });

    it('a turn that cannot get the lock in time says "try again" and changes nothing', async () => {
      const prefix = `balie:{turns-${randomUUID().slice(0, 8)}}:`;
      const holder = await new RedisTurnLock(clients[0]!, prefix).tryAcquire('slack:busy', 30_000);
      expect(holder).not.toBeNull();
      const bot = makeBot(clients[1]!, prefix, { tuning: { lockWaitMs: 100 } });
      expect(await bot.handle({ userKey: 'slack:busy', input: { kind: 'text', text: 'x' } })).toEqual([busyReply('nl')]);
      expect(await new RedisConversationStore(clients[1]!, prefix).read('slack:busy')).toBeNull();
    });
  });
}
