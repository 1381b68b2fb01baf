// npm run bench:channels -- telegram|slack [--people 2000] [--concurrency 100] [--connections 40] [--think-ms 0]
// (Slack: bench/slack.bench.ts, signed HTTP events against the Slack stand-in.)
// npm run bench:channels -- teams [--people 2000] [--concurrency 100] [--think-ms 0] (bench/channels-teams.ts)
// 2,000 people register at once, 100 at a time, through the real Balie process (webhook mode,
// Redis) against the local Telegram Bot API stand-in: each person answers every question as soon
// as the bot asked it (typing, or pressing the button). The stand-in posts at most `connections`
// webhook requests at a time, as Telegram does (max_connections, 40 by default). The shipped event
// keeps its caps (100 on site, rooms of 11 to 58), so most people end on the waiting list and
// the seats are contended: afterwards the ledger's invariants are checked (no seat oversold).
// --think-ms gives people time between messages (each pause 0.5 to 1.5 times it): with 0 the host
// is saturated and the latency is Little's law (requests in flight / throughput).
// BENCH_NODE_FLAGS passes flags to the Balie process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { defaultEventPath } from '../src/app/config.ts';
import { loadEvent } from '../src/app/load-event.ts';
import { findInvariantViolations } from '../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../src/store/redis-seat-ledger.ts';
import { personNumber } from '../test/adapters/console/form-filler.ts';
import { BalieHost, freePort } from '../test/helpers/balie-host.ts';
import { startRedisServer } from '../test/helpers/redis-server.ts';
import { TelegramStandIn } from '../test/helpers/telegram-api.ts';
import { TelegramChat } from '../test/helpers/telegram-chat.ts';
import { cpuSeconds, gate, ms, percentile } from './bench-helpers.ts';
import { benchTeams } from './channels-teams.ts';
import { benchSlack } from './slack.bench.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    people: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '100' },
    connections: { type: 'string', default: '40' },
    'think-ms': { type: 'string', default: '0' },
  },
});
const channels = ['telegram', 'slack', 'teams'];
if (!channels.includes(positionals[0] ?? '')) {
  console.error(`usage: npm run bench:channels -- <channel> [--people 2000] [--concurrency 100] [--connections 40]; channels: ${channels.join(', ')}`);
  process.exit(2);
}
const people = Number(values.people);
const concurrency = Number(values.concurrency);
const connections = Number(values.connections);
const thinkMs = Number(values['think-ms']);

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const standIn = await TelegramStandIn.start();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-bench-mail-'));
  const port = await freePort();
  const host = await BalieHost.start(
    { LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: standIn.token, TELEGRAM_API_ROOT: standIn.apiRoot, TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`, REDIS_URL: redis.url, BALIE_MAIL_DIR: mailDir },
    // BENCH_NODE_FLAGS: V8 flags for the Balie process, e.g. --cpu-prof.
    { port, nodeArgs: (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean) },
  ).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const post = gate(connections);
  const think = () => (thinkMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random()))) : Promise.resolve());
  try {
    // Warm-up: programme questions from other people (no seats taken), so the JIT has run.
    // Balie runs at LOG_LEVEL info, as in production: the people wait for the bot's questions instead of its debug lines.
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const chatId = 9_000_000 + i;
        await new TelegramChat(standIn, { id: chatId }, 'webhook', undefined, post).say('Wanneer begint sessie 3?');
        await standIn.until(() => standIn.chat(chatId).some((m) => m.from === 'bot'), 60_000);
      }),
    );

    const hostCpu0 = await cpuSeconds(host.child.pid);
    const benchCpu0 = process.cpuUsage();
    const requests: number[] = [];
    const posted: Array<{ chatId: number; madeAt: number; postedAt: number }> = [];

    let waitlisted = 0;
    let next = 0;
    const t0 = performance.now();
    const person = async (): Promise<void> => {
      for (let n = next++; n < people; n = next++) {
        const chatId = 1_000_000 + n;
        const chat = new TelegramChat(
          standIn,
          { id: chatId, languageCode: n % 4 === 3 ? 'en' : 'nl' },
          'webhook',
          ({ madeAt, postedAt, answeredAt }) => {
            requests.push(answeredAt - postedAt);
            posted.push({ chatId, madeAt, postedAt });
          },
          post,
          undefined,
          think,
        );
        const result = await chat.register(personNumber(n, [1 + (n % 4), 5 + (n % 5)], n % 3 === 0), n % 4 === 3 ? 'en' : 'nl');
        if (result.waitlisted) waitlisted += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, person)).catch((error: unknown) => {
      const refused = standIn.calls.filter((c) => c.status !== 200).slice(0, 5);
      throw new Error(`${String(error)}; the stand-in refused ${JSON.stringify(refused)}; the host said: ${host.stderr.split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-5).join('\n')}`);
    });
    const seconds = (performance.now() - t0) / 1000;
    const hostCpu = (await cpuSeconds(host.child.pid)) - hostCpu0;
    const benchCpu = process.cpuUsage(benchCpu0);
    const registeredChats = (c: { body: Record<string, unknown> }) => Number(c.body.chat_id) >= 1_000_000 && Number(c.body.chat_id) < 9_000_000;
    const client = createClient({ url: redis.url, scripts: ledgerScripts });
    await client.connect();
    const event = await loadEvent(defaultEventPath);
    const ledger = new RedisSeatLedger(client, event, { chatChannels: ['telegram'] });
    // One notice per registration (its confirmation, or that it waits), from the chat lane's worker.
    const noticesSent = async () => (await ledger.counts()).find((c) => c.lane === 'chat:telegram' && c.state === 'sent')?.count ?? 0;
    const deadline = Date.now() + 120_000;
    while ((await noticesSent()) < people && Date.now() < deadline) await standIn.until(() => false, 500).catch(() => undefined);
    const notices = await noticesSent();
    const sends = standIn.callsOf('sendMessage').filter(registeredChats).length;
    const edits = standIn.callsOf('editMessageText').filter(registeredChats).length;
    const answers = standIn.callsOf('answerCallbackQuery').length;

    const snapshot = await ledger.snapshot();
    client.destroy();
    const violations = findInvariantViolations(event, snapshot);
    const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed').length;

    const sorted = [...requests].sort((a, b) => a - b);
    const toFirstSend = posted.flatMap(({ chatId, madeAt, postedAt }) => {
      const first = standIn.callsTo(chatId).find((c) => c.at >= postedAt && c.method === 'sendMessage');
      return first ? [first.at - madeAt] : [];
    });
    const sends99 = percentile([...toFirstSend].sort((a, b) => a - b), 99);
    const p99 = percentile(sorted, 99);
    console.log(`bench:channels telegram: ${people} people, ${concurrency} at a time, ${thinkMs > 0 ? `thinking ~${thinkMs} ms before each message` : 'answering at once'}, through the webhook (at most ${connections} requests at a time, as Telegram's max_connections), Redis`);
    console.log(`  one Balie process; the stand-in and the ${concurrency} people in this process; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(`  registrations      ${people} completed in ${seconds.toFixed(1)} s: ${confirmed} confirmed, ${waitlisted} on the waiting list; ${snapshot.registrations.length} in the ledger`);
    console.log(`  seats              ${violations.length === 0 ? 'invariants hold: no seat oversold' : `INVARIANTS VIOLATED: ${violations.join('; ')}`} (venue ${snapshot.availability.venueTaken} of ${snapshot.availability.venueCap})`);
    console.log(`  webhook requests   ${requests.length} at ${Math.round(requests.length / seconds)}/s`);
    console.log(`  request→response   p50 ${ms(percentile(sorted, 50))}  p90 ${ms(percentile(sorted, 90))}  p99 ${ms(p99)}  max ${ms(sorted.at(-1) ?? NaN)}  (target p99 < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'})`);
    console.log(`  update→sendMessage p99 ${ms(sends99)} (from the person's message to the bot's first reply, waiting for a connection included)`);
    console.log(`  per registration   ${(requests.length / people).toFixed(1)} webhook requests; ${(sends / people).toFixed(1)} sendMessage (${((sends - notices) / people).toFixed(1)} replies + ${(notices / people).toFixed(1)} notices), ${(edits / people).toFixed(1)} editMessageText, ${(answers / people).toFixed(1)} answerCallbackQuery`);
    console.log(`  CPU                Balie ${ms((hostCpu / requests.length) * 1000)} per webhook request (${Math.round((hostCpu / seconds) * 100)}% of a core); stand-in and people ${ms(((benchCpu.user + benchCpu.system) / 1000 / requests.length))} per request`);
    console.log(`  Little's law: ${connections} requests in flight / ${Math.round(requests.length / seconds)} per s = ${ms((connections / (requests.length / seconds)) * 1000)} per request when the host is the bottleneck`);
    if (violations.length > 0 || snapshot.registrations.length !== people) process.exitCode = 1;
  } finally {
    if ((await Promise.race([host.stop('SIGTERM'), new Promise((resolve) => setTimeout(resolve, 30_000, 'late'))])) === 'late') host.kill();
    await standIn.close();
    await redis.stop();
    await rm(mailDir, { recursive: true, force: true });
  }
}

if (positionals[0] === 'slack') await benchSlack({ people, concurrency, connections, thinkMs });
else if (positionals[0] === 'teams') await benchTeams({ people, concurrency, thinkMs });
else await main();
