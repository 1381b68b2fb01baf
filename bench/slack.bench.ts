// npm run bench:channels -- slack [--people 2000] [--concurrency 100] [--connections 40] [--think-ms 0]
// 2,000 people register at once, 100 at a time, in their DMs with the app: the real Balie process
// (HTTP mode, POST /slack/events, Redis) against the local Slack stand-in, which signs every event
// and button press as Slack does. Each person answers every question as soon as the bot asked it
// (typing, pressing the button or choosing from the select). At most `connections` requests are
// in flight at once. The shipped event keeps its caps, so most people end on the waiting list; the
// ledger's invariants are checked afterwards. Slack's budget: every request answered within 3 s.
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
import { startRedisServer } from '../test/helpers/redis-server.ts';
import { SlackStandIn, type DeliveryKind } from '../test/helpers/slack-api.ts';
import { SlackChat } from '../test/helpers/slack-chat.ts';
import { cpuSeconds, gate, ms, percentile } from './bench-helpers.ts';

export interface SlackBenchOptions {
  people: number;
  concurrency: number;
  connections: number;
  thinkMs: number;
}

const userOf = (n: number) => `U${String(n).padStart(9, '0')}`;

/** A chat whose deliveries wait for a free connection and are timed. */
class GatedChat extends SlackChat {
  constructor(
    standIn: SlackStandIn,
    userId: string,
    private readonly post: <T>(send: () => Promise<T>) => Promise<T>,
    private readonly think: () => Promise<void>,
    observe: (timing: { madeAt: number; answeredAt: number; status: number }) => void,
  ) {
    super(standIn, userId, 'http', undefined, observe);
  }

  override async deliver(kind: DeliveryKind, body: Record<string, unknown>, retry = 0) {
    await this.think();
    return this.post(() => super.deliver(kind, body, retry));
  }
}

export async function benchSlack(options: SlackBenchOptions): Promise<void> {
  const { people, concurrency, connections, thinkMs } = options;
  const redis = await startRedisServer();
  const standIn = await SlackStandIn.start();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-bench-mail-'));
  const port = await freePort();
  const host = await BalieHost.start(
    { LOG_LEVEL: 'info', SLACK_BOT_TOKEN: standIn.botToken, SLACK_SIGNING_SECRET: standIn.signingSecret, SLACK_API_URL: standIn.apiUrl, REDIS_URL: redis.url, BALIE_MAIL_DIR: mailDir },
    { port, nodeArgs: (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean) },
  ).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  standIn.eventsUrl = `${host.url}/slack/events`;
  const post = gate(connections);
  const think = () => (thinkMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random()))) : Promise.resolve());
  try {
    // Warm-up: programme questions from other people (no seats taken), so the JIT has run.
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const chat = new SlackChat(standIn, userOf(900_000_000 + i));
        await chat.say('Wanneer begint sessie 3?');
        await standIn.until(() => chat.botMessages.length > 0, 60_000);
      }),
    );

    const hostCpu0 = await cpuSeconds(host.child.pid);
    const requests: number[] = [];
    const statuses = new Map<number, number>();
    const made: Array<{ channel: string; madeAt: number }> = [];
    let waitlisted = 0;
    let next = 0;
    const t0 = performance.now();
    const person = async (): Promise<void> => {
      for (let n = next++; n < people; n = next++) {
        const userId = userOf(100_000_000 + n);
        const english = n % 4 === 3;
        standIn.people.set(userId, { id: userId, locale: english ? 'en-US' : 'nl-BE' });
        const chat = new GatedChat(standIn, userId, post, think, ({ madeAt, answeredAt, status }) => {
          requests.push(answeredAt - madeAt);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          made.push({ channel: chat.channel, madeAt });
        });
        const result = await chat.register(personNumber(n, [1 + (n % 4), 5 + (n % 5)], n % 3 === 0), english ? 'en' : 'nl');
        if (result.waitlisted) waitlisted += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, person)).catch((error: unknown) => {
      const refused = standIn.calls.filter((c) => !c.ok).slice(0, 5);
      throw new Error(`${String(error)}; the stand-in refused ${JSON.stringify(refused)}; the host said: ${host.stderr.split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-5).join('\n')}`);
    });
    const seconds = (performance.now() - t0) / 1000;
    const hostCpu = (await cpuSeconds(host.child.pid)) - hostCpu0;

    const client = createClient({ url: redis.url, scripts: ledgerScripts });
    await client.connect();
    const event = await loadEvent(defaultEventPath);
    const ledger = new RedisSeatLedger(client, event, { chatChannels: ['telegram', 'slack'] });
    const noticesSent = async () => (await ledger.counts()).find((c) => c.lane === 'chat:slack' && c.state === 'sent')?.count ?? 0;
    const deadline = Date.now() + 120_000;
    while ((await noticesSent()) < people && Date.now() < deadline) await standIn.until(() => false, 500).catch(() => undefined);
    const notices = await noticesSent();
    const snapshot = await ledger.snapshot();
    client.destroy();
    const violations = findInvariantViolations(event, snapshot);
    const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed').length;

    const benchUsers = (c: { body: Record<string, unknown> }) => /^D1\d{8}$/.test(String(c.body.channel ?? ''));
    const posts = standIn.callsOf('chat.postMessage').filter(benchUsers);
    const updates = standIn.callsOf('chat.update').filter(benchUsers).length;
    const byChannel = new Map<string, number[]>();
    for (const call of posts) byChannel.set(String(call.body.channel), [...(byChannel.get(String(call.body.channel)) ?? []), call.at]);
    const toFirstPost = made.flatMap(({ channel, madeAt }) => {
      const first = byChannel.get(channel)?.find((at) => at >= madeAt);
      return first !== undefined ? [first - madeAt] : [];
    });
    const sorted = [...requests].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const late = requests.filter((r) => r >= 3000).length;
    const failed = [...statuses].filter(([status]) => status !== 200).reduce((sum, [, count]) => sum + count, 0);
    console.log(`bench:channels slack: ${people} people, ${concurrency} at a time, ${thinkMs > 0 ? `thinking ~${thinkMs} ms before each message` : 'answering at once'}, signed HTTP to POST /slack/events (at most ${connections} requests at a time), Redis`);
    console.log(`  one Balie process; the stand-in and the ${concurrency} people in this process; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(`  registrations      ${people} completed in ${seconds.toFixed(1)} s: ${confirmed} confirmed, ${waitlisted} on the waiting list; ${snapshot.registrations.length} in the ledger`);
    console.log(`  seats              ${violations.length === 0 ? 'invariants hold: no seat oversold' : `INVARIANTS VIOLATED: ${violations.join('; ')}`} (venue ${snapshot.availability.venueTaken} of ${snapshot.availability.venueCap})`);
    console.log(`  events             ${requests.length} at ${Math.round(requests.length / seconds)}/s; answers ${JSON.stringify(Object.fromEntries(statuses))}; 3-second ack ${late === 0 && failed === 0 ? 'never missed' : `MISSED ${late} times, ${failed} not 200`}`);
    console.log(`  event→ack          p50 ${ms(percentile(sorted, 50))}  p90 ${ms(percentile(sorted, 90))}  p99 ${ms(p99)}  max ${ms(sorted.at(-1) ?? NaN)}  (target p99 < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'})`);
    console.log(`  event→postMessage  p99 ${ms(percentile([...toFirstPost].sort((a, b) => a - b), 99))} (from the person's message to the bot's first reply, waiting for a connection included)`);
    console.log(`  per registration   ${(requests.length / people).toFixed(1)} events and presses; ${(posts.length / people).toFixed(1)} chat.postMessage (${((posts.length - notices) / people).toFixed(1)} replies + ${(notices / people).toFixed(1)} notices), ${(updates / people).toFixed(1)} chat.update`);
    console.log(`  CPU                Balie ${ms((hostCpu / requests.length) * 1000)} per request (${Math.round((hostCpu / seconds) * 100)}% of a core)`);
    if (violations.length > 0 || snapshot.registrations.length !== people || late > 0 || failed > 0) process.exitCode = 1;
  } finally {
    if ((await Promise.race([host.stop('SIGTERM'), new Promise((resolve) => setTimeout(resolve, 30_000, 'late'))])) === 'late') host.kill();
    await standIn.close();
    await redis.stop();
    await rm(mailDir, { recursive: true, force: true });
  }
}
