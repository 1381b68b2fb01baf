import { execFile, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { z } from 'zod';
import { parseEvent, type EventData, type Registrant } from '../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../src/store/redis-seat-ledger.ts';
import { startRedisServer } from '../test/helpers/redis-server.ts';

// npm run bench:seats — the seat ledger's register operation against a redis-benchmark reference,
// on one redis-server started here (loopback, free port, by default no persistence: this measures CPU work).
// BENCH_OPS sets the registrations per measured run (default 40,000 per process), BENCH_ROUNDS the
// rounds of (a) and (b) (default 3), BENCH_NODE_FLAGS extra V8 flags for the worker processes,
// BENCH_APPENDFSYNC=always|everysec runs redis-server with the AOF (the production settings).

const inFlight = 200;
const opsPerRun = Number(process.env.BENCH_OPS ?? 40_000);
const roundCount = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const appendfsync = z.enum(['always', 'everysec']).optional().parse(process.env.BENCH_APPENDFSYNC || undefined);
const selfPath = fileURLToPath(import.meta.url);

// The reference: check a cap, then increment three counters; the shape of a registration's seat work.
const referenceScript =
  "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then " +
  "redis.call('INCR', KEYS[1]) redis.call('INCR', KEYS[2]) redis.call('INCR', KEYS[3]) return 1 end return 0";

interface RunReport {
  ops: number;
  ms: number;
  latencies: number[];
  refused: number;
  /** CPU time of the Node process during the run, in µs. */
  cpuMicros?: number;
}

function loadEvent(): EventData {
  const path = fileURLToPath(new URL('../events/netwerkdag-2020.yaml', import.meta.url));
  const event = parseEvent(readFileSync(path, 'utf8'), path);
  // Caps raised far beyond the run, so every register does the full confirmed-path work.
  return { ...event, id: 'bench', venueCap: 1e9, sessions: event.sessions.map((s) => ({ ...s, capacity: 1e9 })) };
}

/** The sessions of each series, for spreading the registrants over them. */
const seriesCache = new WeakMap<EventData, number[][]>();

function registrant(worker: string, n: number, event: EventData): Registrant {
  let series = seriesCache.get(event);
  if (!series) {
    series = event.series.map((s) => event.sessions.filter((session) => session.series === s.id).map((session) => session.number));
    seriesCache.set(event, series);
  }
  return {
    firstName: 'Bench',
    lastName: `Persoon ${n}`,
    email: `bench-${worker}-${n}@example.be`,
    phone: '+32470123456',
    organisation: 'Gemeente Benchmark',
    organisationType: 'local_government',
    sessions: series.map((numbers) => numbers[n % numbers.length]!),
    book: null,
    language: 'nl',
    owner: `bench:${worker}-${n}`,
  };
}

/** Runs `op(n)` for n = 0..count-1 with `flight` in flight; the latency of each and the wall time of all. */
async function runInFlight(count: number, flight: number, op: (n: number) => Promise<boolean>): Promise<RunReport> {
  // A typed array: a plain one would box every latency, and the measuring would feed the GC it measures.
  const latencies = new Float64Array(count);
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: flight }, async () => {
      while (next < count) {
        const n = next++;
        const t0 = performance.now();
        const accepted = await op(n);
        latencies[n] = performance.now() - t0;
        if (!accepted) refused += 1;
      }
    }),
  );
  return { ops: count, ms: performance.now() - started, latencies: Array.from(latencies), refused };
}

/** One process: `count` registrations with `flight` at a time. */
function registerMany(ledger: RedisSeatLedger, event: EventData, worker: string, count: number, flight: number): Promise<RunReport> {
  return runInFlight(count, flight, async (n) => {
    const result = await ledger.register({ key: `${worker}-${n}`, at: new Date(), registrant: registrant(worker, n, event), waitlistIfFull: false });
    return result.ok && result.registration.status === 'confirmed';
  });
}

/** The same loop with the bare reference script: what node-redis itself reaches on this machine. */
function bareMany(client: { sendCommand(args: string[]): Promise<unknown> }, sha: string, count: number, flight: number): Promise<RunReport> {
  return runInFlight(count, flight, async () => {
    await client.sendCommand(['EVALSHA', sha, '3', '{bench-bare}:venue', '{bench-bare}:s1', '{bench-bare}:s5', '1000000000']);
    return true;
  });
}

async function workerMain(): Promise<void> {
  const { url, worker, mode, flight, ops } = JSON.parse(process.argv[3] ?? '{}') as {
    url: string;
    worker: string;
    mode: 'balie' | 'bare';
    flight: number;
    ops: number;
  };
  const event = loadEvent();
  const client = createClient({ url, scripts: ledgerScripts });
  await client.connect();
  const ledger = new RedisSeatLedger(client, event, { keyPrefix: 'bench:', maxRegisterBatch: Number(process.env.BENCH_BATCH ?? 64) });
  const sha = String(await client.sendCommand(['SCRIPT', 'LOAD', referenceScript]));
  const run = (tag: string, count: number) =>
    mode === 'bare' ? bareMany(client, sha, count, flight) : registerMany(ledger, event, tag, count, flight);
  await run(`${worker}-warm`, 3000);
  process.send?.({ type: 'ready' });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const cpuBefore = process.cpuUsage();
  const report = await run(worker, ops);
  const cpu = process.cpuUsage(cpuBefore);
  report.cpuMicros = cpu.user + cpu.system;
  client.destroy();
  process.send?.({ type: 'report', report }, () => process.exit(0));
}

/** Runs `processes` workers, starting their measured runs together; returns their reports. */
async function runProcesses(url: string, processes: number, tag: string, mode: 'balie' | 'bare', flight: number, ops: number): Promise<RunReport[]> {
  const children = Array.from({ length: processes }, (_, i) =>
    fork(selfPath, ['--worker', JSON.stringify({ url, worker: `${tag}${i}`, mode, flight, ops })], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])] }),
  );
  const wait = (child: (typeof children)[number], type: string) =>
    new Promise<{ report?: RunReport }>((resolve, reject) => {
      child.on('message', (m: { type: string; report?: RunReport }) => m.type === type && resolve(m));
      child.once('exit', (code) => code !== 0 && reject(new Error(`bench worker exited with ${code}`)));
    });
  await Promise.all(children.map((c) => wait(c, 'ready')));
  const reports = children.map((c) => wait(c, 'report'));
  for (const c of children) c.send('go');
  return (await Promise.all(reports)).map((m) => m.report!);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Figures {
  rps: number;
  mean: number;
  p50: number;
  p99: number;
  refused: number;
  nodeCpuPerOp: number;
  redisCpuPerOp: number;
  /** Registrations per script run: register.lua decides a batch at once (group commit). */
  perScript: number;
}

function summarise(reports: RunReport[], redis: RedisUsage): Figures {
  const ops = reports.reduce((sum, r) => sum + r.ops, 0);
  const wall = Math.max(...reports.map((r) => r.ms));
  const all = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rps: (ops / wall) * 1000,
    mean: all.reduce((sum, ms) => sum + ms, 0) / all.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    refused: reports.reduce((s, r) => s + r.refused, 0),
    nodeCpuPerOp: reports.reduce((s, r) => s + (r.cpuMicros ?? 0), 0) / ops,
    redisCpuPerOp: (redis.cpu * 1e6) / ops,
    perScript: ops / redis.scripts,
  };
}

interface RedisUsage {
  /** CPU seconds (user + system). */
  cpu: number;
  /** Script runs (EVAL and EVALSHA calls). */
  scripts: number;
}

/** What redis-server has used so far, from INFO. */
async function redisUsage(url: string): Promise<RedisUsage> {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = String(await client.sendCommand(['INFO', 'everything']));
    const field = (pattern: string) => Number(new RegExp(pattern).exec(info)?.[1] ?? 0);
    return {
      cpu: field('used_cpu_user:([\\d.]+)') + field('used_cpu_sys:([\\d.]+)'),
      scripts: field('cmdstat_evalsha:calls=(\\d+)') + field('cmdstat_eval:calls=(\\d+)'),
    };
  } finally {
    client.destroy();
  }
}

/** Runs `measure` and returns its result with what redis-server used meanwhile (warm-up included for workers). */
async function withRedisUsage<T>(url: string, measure: () => Promise<T>): Promise<[T, RedisUsage]> {
  const before = await redisUsage(url);
  const result = await measure();
  const after = await redisUsage(url);
  return [result, { cpu: after.cpu - before.cpu, scripts: after.scripts - before.scripts }];
}

interface Reference {
  rps: number;
  p50: number;
  p99: number;
  ops: number;
}

async function reference(port: number): Promise<Reference> {
  const { stdout } = await promisify(execFile)('redis-benchmark', [
    '-h', '127.0.0.1', '-p', String(port), '-c', '50', '-n', '200000', '-P', '1', '--csv',
    'EVAL', referenceScript, '3', '{bench-ref}:venue', '{bench-ref}:s1', '{bench-ref}:s5', '1000000000',
  ]);
  // CSV: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
  const row = stdout.trim().split('\n').at(-1)!.split('","').map((cell) => cell.replaceAll('"', ''));
  const [rps, p50, p99] = [row[1], row[4], row[6]].map(Number) as [number, number, number];
  if (!Number.isFinite(rps)) throw new Error(`cannot read redis-benchmark output: ${stdout}`);
  return { rps, p50, p99, ops: 200_000 };
}

async function main(): Promise<void> {
  const server = await startRedisServer(appendfsync ? { appendonly: true, appendfsync } : { appendonly: false });
  const load = loadavg()[0]!;
  try {
    // Worker CPU on the Redis side includes the 3,000 warm-up operations per process.
    const measure = async (processes: number, tag: string, mode: 'balie' | 'bare' = 'balie', flight = inFlight, ops = opsPerRun) => {
      const [reports, usage] = await withRedisUsage(server.url, () => runProcesses(server.url, processes, tag, mode, flight, ops));
      const measured = ops / (ops + 3000);
      return summarise(reports, { cpu: usage.cpu * measured, scripts: usage.scripts * measured });
    };
    // (a) and (b) alternate, so that a change in the speed of a shared machine hits both; the
    // round with the median ratio is the result.
    const rounds: Array<{ ref: Reference; refCpuPerOp: number; one: Figures; ratio: number }> = [];
    for (let round = 0; round < roundCount; round++) {
      const [ref, usage] = await withRedisUsage(server.url, () => reference(server.port));
      const one = await measure(1, `one${round}-`);
      rounds.push({ ref, refCpuPerOp: (usage.cpu * 1e6) / ref.ops, one, ratio: one.rps / ref.rps });
    }
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(rounds.length / 2)]!;
    const { ref, one } = median;
    const bare = await measure(1, 'bare', 'bare');
    const two = await measure(2, 'two');
    // One at a time: the latency of a register without a queue in front of it.
    const alone = await measure(1, 'alone', 'balie', 1, 3000);
    const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    const persistence = appendfsync ? `AOF, appendfsync ${appendfsync}, in ${server.dir}` : 'no persistence';
    console.log(`redis-server ${server.url} (${persistence}); ${opsPerRun} registrations per process, ${inFlight} in flight each; caps raised so every one is confirmed`);
    console.log(`machine: ${availableParallelism()} CPUs, load average ${fmt(load, 1)} at start${load > availableParallelism() ? ' (busy: figures are lower and noisier than on an idle machine)' : ''}`);
    const cpu = (run: Figures) =>
      `; CPU per op: redis ${fmt(run.redisCpuPerOp, 1)} µs, node ${fmt(run.nodeCpuPerOp, 1)} µs; ${fmt(run.perScript, 1)} per script run`;
    console.log(`${roundCount} round${roundCount === 1 ? '' : 's'} of (a) then (b) one process:`);
    for (const [i, r] of rounds.entries()) {
      console.log(
        `  round ${i + 1}: (a) ${fmt(r.ref.rps)} ops/s, (b) ${fmt(r.one.rps)} ops/s, p50 ${fmt(r.one.p50, 3)} ms, p99 ${fmt(r.one.p99, 3)} ms, ratio ${fmt(r.ratio, 2)}` +
          (r === median ? '  <- median, reported below' : ''),
      );
    }
    console.log(
      `(a) redis-benchmark, 3-key check-and-increment EVAL, 50 clients, no pipelining: ${fmt(ref.rps)} ops/s, p50 ${fmt(ref.p50, 3)} ms, p99 ${fmt(ref.p99, 3)} ms; CPU per op: redis ${fmt(median.refCpuPerOp, 1)} µs`,
    );
    console.log(
      `(c) the same script via node-redis EVALSHA, one process, ${inFlight} in flight: ${fmt(bare.rps)} ops/s, p50 ${fmt(bare.p50, 3)} ms, p99 ${fmt(bare.p99, 3)} ms, ratio (c)/(a) ${fmt(bare.rps / ref.rps, 2)}${cpu(bare)}`,
    );
    for (const [label, run] of [['one process', one], ['two processes', two]] as const) {
      console.log(
        `(b) Balie register, ${label}: ${fmt(run.rps)} ops/s, p50 ${fmt(run.p50, 3)} ms, p99 ${fmt(run.p99, 3)} ms, ratio (b)/(a) ${fmt(run.rps / ref.rps, 2)}${cpu(run)}` +
          (run.refused ? `, ${run.refused} not confirmed` : ''),
      );
    }
    // Little's law: with a fixed number in flight, the mean latency is that number over the throughput;
    // the one-at-a-time run shows how little of it is the register itself, (c) what the client alone adds.
    const queued = (inFlight / one.rps) * 1000;
    const byQueue = alone.p99 < one.p99 / 4;
    console.log(
      `latency: one at a time a register takes p50 ${fmt(alone.p50, 3)} ms, p99 ${fmt(alone.p99, 3)} ms; with ${inFlight} in flight each waits behind the others: ` +
        `mean ${inFlight} / ${fmt(one.rps)} ops/s = ${fmt(queued, 2)} ms (Little's law), p99 ${fmt(one.p99, 1)} ms, so the p99 is ` +
        (byQueue
          ? `queueing (a p99 under 5 ms with ${inFlight} in flight needs well over ${fmt((inFlight / 5) * 1000)} ops/s; the bare script of (c) has p99 ${fmt(bare.p99, 1)} ms)`
          : 'NOT explained by queueing alone'),
    );
    console.log(
      `targets: one process >= 0.50 of (a) ${one.rps / ref.rps >= 0.5 ? 'met' : 'NOT met'} (median of ${roundCount} round${roundCount === 1 ? '' : 's'}); p99 < 5 ms ${one.p99 < 5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await server.stop();
  }
}

if (process.argv[2] === '--worker') await workerMain();
else await main();
