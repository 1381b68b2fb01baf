// A bot process for the Redis tests: the JSONL console (one JSON line in, one out) over a Bot whose
// every store is in Redis at REDIS_URL. Tests spawn it, talk to it, and kill -9 it.
import { readFileSync } from 'node:fs';
import { ConsoleConnector, runJsonlSession } from '../../src/adapters/console/index.ts';
import { Bot } from '../../src/app/bot.ts';
import { fixedClock, parseEvent } from '../../src/core/index.ts';
import { createRedisStores } from '../../src/store/redis-stores.ts';

/** The instant every test bot runs at: before the shipped event's registration deadline. */
export const testBotNow = new Date('2020-10-15T07:00:00Z');

/** The event the test bots serve. */
export const testBotEventPath = 'events/netwerkdag-2020.yaml';

async function main(): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is required');
  const event = parseEvent(readFileSync(testBotEventPath, 'utf8'), testBotEventPath);
  const stores = await createRedisStores({ url, event });
  const lockTtlMs = Number(process.env.BALIE_TEST_LOCK_TTL_MS ?? 15_000);
  const bot = new Bot({
    event,
    ledger: stores.ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: fixedClock(testBotNow),
    answerer: { answer: async () => null },
    onError: (error) => process.stderr.write(`turn failed: ${(error as Error).stack ?? String(error)}\n`),
    tuning: { lockTtlMs, lockWaitMs: 10_000 },
  });
  process.stderr.write(`ready ${process.pid}\n`);
  try {
    await runJsonlSession({
      input: process.stdin,
      output: process.stdout,
      connector: new ConsoleConnector(bot),
      logger: { error: (fields, message) => process.stderr.write(`${message} ${JSON.stringify(fields)}\n`) },
    });
  } finally {
    await stores.close();
  }
}

if (process.argv[1]?.endsWith('redis-bot-process.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`redis-bot-process: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
