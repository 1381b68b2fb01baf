import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleConnector, renderJsonlReplies } from '../../src/adapters/console/index.ts';
import { Bot } from '../../src/app/bot.ts';
import { fixedClock, parseEvent } from '../../src/core/index.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../../src/store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { createRedisStores } from '../../src/store/redis-stores.ts';
import { testBotEventPath, testBotNow } from '../helpers/redis-bot-process.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';

/** Replies as the JSONL console writes them (choices always present), so both sides compare alike. */
type JsonlReplies = unknown[];

/** A spawned bot process speaking the JSONL console; answers come back in order. */
class BotProcess {
  private readonly answers: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private readonly exited: Promise<void>;
  private stderr = '';

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else this.answers.push(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(redisUrl: string, env: Record<string, string> = {}): BotProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/redis-bot-process.ts'], {
      env: { ...process.env, REDIS_URL: redisUrl, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new BotProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one line and waits (bounded) for its answer. */
  async say(user: string, text: string, timeoutMs = 20_000): Promise<JsonlReplies> {
    this.child.stdin.write(`${JSON.stringify({ user, text })}\n`);
    const line = await this.nextLine(timeoutMs);
    const parsed = JSON.parse(line) as { replies?: JsonlReplies; error?: string };
    if (!parsed.replies) throw new Error(`bot answered with an error: ${line}; stderr: ${this.stderr}`);
    return parsed.replies;
  }

  /** Sends one line and does not wait for the answer. */
  send(user: string, text: string): void {
    this.child.stdin.write(`${JSON.stringify({ user, text })}\n`);
  }

  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private nextLine(timeoutMs: number): Promise<string> {
    const queued = this.answers.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no answer within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }
}

const event = parseEvent(readFileSync(testBotEventPath, 'utf8'), testBotEventPath);

/** What one uninterrupted process with memory stores answers to the same lines: the oracle. */
async function referenceAnswers(user: string, texts: string[]): Promise<JsonlReplies[]> {
  const ledger = new MemorySeatLedger(event);
  const connector = new ConsoleConnector(
    new Bot({
      event,
      ledger,
      conversations: new MemoryConversationStore(),
      lock: new MemoryTurnLock(),
      clock: fixedClock(testBotNow),
      answerer: { answer: async () => null },
    }),
  );
  const answers: JsonlReplies[] = [];
  for (const text of texts) {
    const replies = await connector.handle({ userId: user, input: { kind: 'text', text } });
    answers.push((JSON.parse(renderJsonlReplies(user, replies)) as { replies: JsonlReplies }).replies);
  }
  return answers;
}

// Half-way through the registration form: the contact details are given; the organisation type,
// the two sessions (the first of each series: 1 and 5), the book and the confirmation are still to come.
const firstHalf = ['Ik wil me inschrijven', 'An', 'Peeters', 'an.peeters@example.org', '0470 12 34 56', 'Stad Leuven'];
const secondHalf = ['1', '1', '5', 'nee', 'ja'];

if (requireRedisServer()) {
  const server = useRedisServer({ appendonly: true, appendfsync: 'always' });
  const started: BotProcess[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((bot) => bot.kill9()));
  });
  const startBot = (env?: Record<string, string>) => {
    const bot = BotProcess.start(server().url, env);
    started.push(bot);
    return bot;
  };

  describe('a bot process killed mid-conversation', () => {
    it("lets another process continue the user's registration at the same step", async () => {
      const user = 'kill-between-turns';
      const script = [...firstHalf, ...secondHalf];
      const expected = await referenceAnswers(user, script);
      const fresh = await referenceAnswers(user, [secondHalf[0]!]);

      const first = startBot();
      for (const [n, text] of firstHalf.entries()) expect(await first.say(user, text)).toEqual(expected[n]);
      await first.kill9();

      const second = startBot();
      expect(second.pid).not.toBe(first.pid);
      const continued: JsonlReplies[] = [];
      for (const text of secondHalf) continued.push(await second.say(user, text));
      expect(continued).toEqual(expected.slice(firstHalf.length));
      // The oracle would also pass if both processes started over; the form must really go on.
      expect(continued[0]).not.toEqual(fresh[0]);

      const stores = await createRedisStores({ url: server().url, event });
      try {
        const registration = await stores.ledger.findByEmail('an.peeters@example.org');
        expect(registration).toMatchObject({ status: 'confirmed', sessions: [1, 5], owner: `console:${user}` });
      } finally {
        await stores.close();
      }
    });

    it('killed in the middle of a turn: the next message, once the dead lock expires, continues from the last saved step', async () => {
      const user = 'kill-during-turn';
      const lockTtlMs = '1500';
      const beforeKill = firstHalf.slice(0, 3);
      const inFlight = firstHalf[3]!;
      const first = startBot({ BALIE_TEST_LOCK_TTL_MS: lockTtlMs });
      for (const text of beforeKill) await first.say(user, text);
      first.send(user, inFlight);
      await first.kill9();

      // The turn in flight either saved its state or did not; a retyped message continues from
      // whichever step was saved, never from the start and never from a half-written state.
      const ifNotSaved = (await referenceAnswers(user, [...beforeKill, inFlight])).at(-1);
      const ifSaved = (await referenceAnswers(user, [...beforeKill, inFlight, inFlight])).at(-1);
      const second = startBot({ BALIE_TEST_LOCK_TTL_MS: lockTtlMs });
      const answer = await second.say(user, inFlight);
      expect([ifNotSaved, ifSaved]).toContainEqual(answer);
    });
  });
}
