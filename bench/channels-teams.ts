// npm run bench:channels -- teams [--people 2000] [--concurrency 100] [--think-ms 0]
// 2,000 people register at once, 100 at a time, through the real Balie process (Redis) against the
// local Bot Framework stand-in: every activity is signed (RS256) and its token checked by
// botbuilder, every reply and card update goes back to the stand-in with the bot's own token. Each
// person answers every question as soon as it is asked (typing, or pressing the card's button), or
// after --think-ms (each pause 0.5 to 1.5 times it).
// Balie answers an activity once its turn is saved and its replies are sent, so request→response
// is the whole turn. Afterwards the ledger's invariants are checked (no seat oversold).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { defaultEventPath } from '../src/app/config.ts';
import { loadEvent } from '../src/app/load-event.ts';
import { findInvariantViolations } from '../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../src/store/redis-seat-ledger.ts';
import { personNumber } from '../test/adapters/console/form-filler.ts';
import { BalieHost, freePort } from '../test/helpers/balie-host.ts';
import { BotConnectorStandIn } from '../test/helpers/bot-connector.ts';
import { startRedisServer } from '../test/helpers/redis-server.ts';
import { TeamsChat } from '../test/helpers/teams-chat.ts';
import { cpuSeconds, ms, percentile } from './bench-helpers.ts';

export async function benchTeams(options: { people: number; concurrency: number; thinkMs: number }): Promise<void> {
  const { people, concurrency, thinkMs } = options;
  const think = () => (thinkMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random()))) : Promise.resolve());
  const redis = await startRedisServer();
  const standIn = await BotConnectorStandIn.start();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-bench-mail-'));
  const port = await freePort();
  standIn.botUrl = `http://127.0.0.1:${port}/api/messages`;
  const host = await BalieHost.start(
    { ...standIn.env(), LOG_LEVEL: 'info', REDIS_URL: redis.url, BALIE_MAIL_DIR: mailDir },
    { port, nodeArgs: (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean) },
  ).catch(async (error: unknown) => {
    await standIn.close();
    await redis.stop();
    throw error;
  });
  try {
    // Warm-up: programme questions from other people (no seats taken), so the JIT has run and the bot has its token and the keys.
    await Promise.all(Array.from({ length: 50 }, (_, i) => new TeamsChat(standIn, { id: `29:warm-${i}` }).say('Wanneer begint sessie 3?')));

    const hostCpu0 = await cpuSeconds(host.child.pid);
    const benchCpu0 = process.cpuUsage();
    const requests: number[] = [];
    let waitlisted = 0;
    let next = 0;
    const t0 = performance.now();
    const person = async (): Promise<void> => {
      for (let n = next++; n < people; n = next++) {
        const lang = n % 4 === 3 ? 'en' : 'nl';
        const chat = new TeamsChat(standIn, { id: `29:bench-${n}`, locale: lang === 'en' ? 'en-GB' : 'nl-BE' });
        chat.observe = (took) => requests.push(took);
        chat.pause = think;
        const result = await chat.register(personNumber(n, [1 + (n % 4), 5 + (n % 5)], n % 3 === 0), lang);
        if (result.waitlisted) waitlisted += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, person)).catch((error: unknown) => {
      throw new Error(`${String(error)}; the host said: ${host.stderr.split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-5).join('\n')}`);
    });
    const seconds = (performance.now() - t0) / 1000;
    const hostCpu = (await cpuSeconds(host.child.pid)) - hostCpu0;
    const benchCpu = process.cpuUsage(benchCpu0);

    const client = createClient({ url: redis.url, scripts: ledgerScripts });
    await client.connect();
    const event = await loadEvent(defaultEventPath);
    const ledger = new RedisSeatLedger(client, event, { chatChannels: ['teams'] });
    // One notice per registration (its confirmation, or that it waits), through continueConversationAsync.
    const noticesSent = async () => (await ledger.counts()).find((c) => c.lane === 'chat:teams' && c.state === 'sent')?.count ?? 0;
    const deadline = Date.now() + 120_000;
    while ((await noticesSent()) < people && Date.now() < deadline) await standIn.until(() => false, 500).catch(() => undefined);
    const notices = await noticesSent();
    const benchCalls = standIn.calls.filter((c) => /\/conversations\/a%3Apersonal-29%3Abench-/.test(c.path));
    const posts = benchCalls.filter((c) => c.method === 'POST').length;
    const updates = benchCalls.filter((c) => c.method === 'PUT').length;
    const tokens = standIn.calls.filter((c) => c.path.endsWith('/oauth2/v2.0/token')).length;
    const snapshot = await ledger.snapshot();
    client.destroy();
    const violations = findInvariantViolations(event, snapshot);
    const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed').length;
    const sorted = [...requests].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.log(`bench:channels teams: ${people} people, ${concurrency} at a time, ${thinkMs > 0 ? `thinking ~${thinkMs} ms before each message` : 'answering at once'}, signed activities to POST /api/messages (botbuilder CloudAdapter), Redis`);
    console.log(`  one Balie process; the stand-in and the ${concurrency} people in this process; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(`  registrations      ${people} completed in ${seconds.toFixed(1)} s: ${confirmed} confirmed, ${waitlisted} on the waiting list; ${snapshot.registrations.length} in the ledger`);
    console.log(`  seats              ${violations.length === 0 ? 'invariants hold: no seat oversold' : `INVARIANTS VIOLATED: ${violations.join('; ')}`} (venue ${snapshot.availability.venueTaken} of ${snapshot.availability.venueCap})`);
    console.log(`  activities         ${requests.length} at ${Math.round(requests.length / seconds)}/s`);
    console.log(`  request→response   p50 ${ms(percentile(sorted, 50))}  p90 ${ms(percentile(sorted, 90))}  p99 ${ms(p99)}  max ${ms(sorted.at(-1) ?? NaN)}  (JWT check, turn, replies and card update sent; target p99 < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'})`);
    console.log(`  per registration   ${(requests.length / people).toFixed(1)} activities; ${(posts / people).toFixed(1)} posts (${((posts - notices) / people).toFixed(1)} replies + ${(notices / people).toFixed(1)} notices), ${(updates / people).toFixed(1)} card updates; ${tokens} bot token(s) fetched in all`);
    console.log(`  Little's law: ${concurrency} people / ${Math.round(requests.length / seconds)} activities per s = ${ms((concurrency / (requests.length / seconds)) * 1000)} per activity when the host is the bottleneck`);
    console.log(`  CPU                Balie ${ms((hostCpu / requests.length) * 1000)} per activity (${Math.round((hostCpu / seconds) * 100)}% of a core); stand-in and people ${ms((benchCpu.user + benchCpu.system) / 1000 / requests.length)} per activity`);
    if (violations.length > 0 || snapshot.registrations.length !== people) process.exitCode = 1;
  } finally {
    if ((await Promise.race([host.stop('SIGTERM'), new Promise((resolve) => setTimeout(resolve, 30_000, 'late'))])) === 'late') host.kill();
    await standIn.close();
    await redis.stop();
    await rm(mailDir, { recursive: true, force: true });
  }
}
