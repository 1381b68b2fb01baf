// npm run bench:dialog [-- --redis] [-- --count 1000]
// 1,000 complete registrations, one after another, through the Bot (lock, state, dialogs, ledger),
// timing every turn. The event is an in-memory copy of the shipped one with every cap raised so
// that all registrations fit (nobody is put on a waiting list, no cancellations). With --redis,
// state, lock, dedupe and ledger live in Redis (REDIS_URL, or a redis-server started here on a
// free loopback port).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createProgrammeAnswerer } from '../src/dialogs/qa/index.ts';
import { Bot } from '../src/app/bot.ts';
import { defaultConsoleNow, defaultEventPath } from '../src/app/config.ts';
import { loadEvent } from '../src/app/load-event.ts';
import { openStores, type AppStores } from '../src/app/stores.ts';
import { findInvariantViolations, fixedClock, type EventData } from '../src/core/index.ts';
import { nextStep, personNumber } from '../test/adapters/console/form-filler.ts';
import { startRedisServer, type RedisServerHandle } from '../test/helpers/redis-server.ts';

const args = parseArgs({ options: { redis: { type: 'boolean', default: false }, count: { type: 'string', default: '1000' } } }).values;
const count = Number(args.count);
const warmUpCount = 100;

/** The shipped event with room for everyone: caps are not what this benchmark measures. */
function roomyCopy(event: EventData, people: number): EventData {
  return { ...event, venueCap: people * 2, sessions: event.sessions.map((s) => ({ ...s, capacity: people * 2 })) };
}

async function openBenchStores(event: EventData, redisUrl: string | null): Promise<AppStores> {
  const config = { eventPath: defaultEventPath, now: null, redisUrl, smtpUrl: null, mailDir: 'outbox', mailFrom: null, stateTtlDays: 1, logLevel: 'silent' as const };
  return openStores(config, event, { error: (fields, message) => console.error(message, fields) });
}

/** Wall-clock and CPU time of every turn, in ms, and the messages each way of typing took per registration. */
interface TurnTimes {
  wall: number[];
  cpu: number[];
  messages: Map<string, number[]>;
}

// Every fourth person in English; people who type one answer per question, the way the
// questions ask (full name, address on one line), or everything in one message, in turn.
const typings = ['stepwise', 'asked', 'oneMessage'] as const;

/** Registers `people` persons, one after another, timing every turn. */
async function run(event: EventData, stores: AppStores, people: number, idPrefix: string): Promise<TurnTimes> {
  const bot = new Bot({
    event,
    ledger: stores.ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: fixedClock(defaultConsoleNow),
    answerer: await createProgrammeAnswerer(event),
    onError: (error) => console.error('turn failed', error),
  });
  const seriesSessions = event.series.map((series) => event.sessions.filter((s) => s.series === series.id).map((s) => s.number));
  const turns: TurnTimes = { wall: [], cpu: [], messages: new Map() };
  for (let n = 0; n < people; n++) {
    const lang = n % 4 === 3 ? 'en' : 'nl';
    const sessions = seriesSessions.map((numbers) => numbers[n % numbers.length] as number);
    const typing = typings[n % typings.length] as (typeof typings)[number];
    const person = { ...personNumber(n, sessions, n % 2 === 0), typing };
    const userKey = `console:${idPrefix}-${n}`;
    let input: { kind: 'text'; text: string } | { kind: 'choice'; id: string } = { kind: 'text', text: lang === 'en' ? 'English please' : 'Ik wil me inschrijven' };
    let started = lang === 'nl';
    let sent = 0;
    for (let turn = 0; ; turn++) {
      if (turn > 40) throw new Error(`registration ${n} did not complete in 40 turns`);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const replies = await bot.handle({ userKey, input });
      sent += 1;
      turns.wall.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      turns.cpu.push((cpu.user + cpu.system) / 1000);
      if (!started) {
        started = true;
        input = { kind: 'text', text: 'I want to register' };
        continue;
      }
      const step = nextStep(replies, person, lang);
      if (!step) throw new Error(`registration ${n}: no answer for ${JSON.stringify(replies)}`);
      if (step.kind === 'done') {
        // The English persons' "English please" first is not part of registering.
        const key = `${typing}${person.book ? ', with a book' : ', no book'}`;
        turns.messages.set(key, [...(turns.messages.get(key) ?? []), lang === 'en' ? sent - 1 : sent]);
        break;
      }
      input = step;
    }
  }
  return turns;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const shipped = await loadEvent(defaultEventPath);
  let server: RedisServerHandle | null = null;
  let redisUrl: string | null = null;
  if (args.redis) {
    redisUrl = process.env.REDIS_URL ?? null;
    if (!redisUrl) {
      server = await startRedisServer();
      redisUrl = server.url;
    }
  }
  try {
    // Warm-up on its own event id, so that the measured run starts from an empty ledger.
    const warmUpEvent = { ...roomyCopy(shipped, warmUpCount), id: `bench-warmup-${process.pid}` };
    const warmUpStores = await openBenchStores(warmUpEvent, redisUrl);
    await run(warmUpEvent, warmUpStores, warmUpCount, 'warmup');
    await warmUpStores.close();

    const event = { ...roomyCopy(shipped, count), id: `bench-${process.pid}` };
    const stores = await openBenchStores(event, redisUrl);
    const t0 = performance.now();
    const times = await run(event, stores, count, 'bench');
    const seconds = (performance.now() - t0) / 1000;
    const snapshot = await stores.ledger.snapshot();
    const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed').length;
    const violations = findInvariantViolations(event, snapshot);
    await stores.close();

    const turns = times.wall;
    const sorted = [...times.wall].sort((a, b) => a - b);
    const sortedCpu = [...times.cpu].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const target = args.redis ? 5 : 1;
    const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
    console.log(`bench:dialog (${args.redis ? `Redis, ${server ? 'redis-server started on a free port' : 'REDIS_URL'}` : 'in-memory'}; caps raised so all fit; ${warmUpCount} warm-up registrations not counted)`);
    console.log(`  registrations  ${count} completed, ${confirmed} confirmed in the ledger, invariants ${violations.length === 0 ? 'hold' : `VIOLATED: ${violations.join('; ')}`}`);
    console.log(`  turns          ${turns.length} (${(turns.length / count).toFixed(1)} per registration)`);
    console.log(`  throughput     ${Math.round(turns.length / seconds)} turns/s (${seconds.toFixed(2)} s, one turn at a time)`);
    console.log(`  wall per turn  p50 ${fmt(percentile(sorted, 50))}  p90 ${fmt(percentile(sorted, 90))}  p99 ${fmt(p99)}  max ${fmt(sorted.at(-1) ?? NaN)}`);
    // CPU time of this process during each turn (GC included): what the turn costs when the
    // machine is busy with other work and wall-clock percentiles measure the scheduler.
    console.log(`  CPU per turn   p50 ${fmt(percentile(sortedCpu, 50))}  p90 ${fmt(percentile(sortedCpu, 90))}  p99 ${fmt(percentile(sortedCpu, 99))}  (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
    console.log(`  target         wall p99 < ${target} ms: ${p99 < target ? 'met' : 'NOT met'}`);
    // What a person types to get registered (from the sign-up request to the confirmation).
    for (const [typing, counts] of [...times.messages].sort()) {
      console.log(`  messages       ${typing.padEnd(24)} ${Math.min(...counts)}–${Math.max(...counts)} per registration (${counts.length} registrations)`);
    }
    if (confirmed !== count || violations.length > 0) process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}

await main();
