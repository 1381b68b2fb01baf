import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { RedisSeatLedger, ledgerScripts } from '../src/store/redis-seat-ledger.ts';
import { netwerkdag, person } from '../test/store/seat-ledger.fixtures.ts';

// npm run bench:seats:instructions — what a register costs redis-server in CPU instructions,
// counted by valgrind (callgrind) instead of timed. On a shared VM the timings of bench:seats drift
// by a third within a minute; an instruction count moves only when the code does, so it is the
// figure to compare two versions of register.lua with. Needs valgrind (apt-get install valgrind).
// BENCH_CHAT=1 registers owners whose channel has a notifier, so every entry also joins a chat lane.

const batchSize = 50;
const warmBatches = 100;
const measuredBatches = Number(process.env.BENCH_BATCHES ?? 40);
const referenceScript =
  "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then " +
  "redis.call('INCR', KEYS[1]) redis.call('INCR', KEYS[2]) redis.call('INCR', KEYS[3]) return 1 end return 0";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Instructions redis-server ran while `work` did, from a callgrind dump (zeroed before, dumped after). */
async function counted(pid: number, dir: string, work: () => Promise<void>): Promise<number> {
  execFileSync('callgrind_control', ['--zero', String(pid)], { stdio: 'ignore' });
  await work();
  const before = new Set(await readdir(dir));
  execFileSync('callgrind_control', ['--dump', String(pid)], { stdio: 'ignore' });
  const dump = (await readdir(dir)).find((name) => name.startsWith('cg.') && !before.has(name));
  if (!dump) throw new Error('callgrind wrote no dump');
  const summary = /^summary: (\d+)$/m.exec(await readFile(join(dir, dump), 'utf8'));
  if (!summary) throw new Error(`no summary line in ${dump}`);
  return Number(summary[1]);
}

async function main(): Promise<void> {
  try {
    await promisify(execFile)('valgrind', ['--version']);
  } catch {
    console.error('bench:seats:instructions needs valgrind: sudo apt-get install -y valgrind');
    process.exitCode = 1;
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'balie-callgrind-'));
  const port = await freePort();
  const redis = spawn(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${join(dir, 'cg.%p')}`, 'redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const client = createClient({ url: `redis://127.0.0.1:${port}`, scripts: ledgerScripts });
  client.on('error', () => {}); // refused while valgrind starts redis-server; the client retries
  try {
    // Under valgrind redis-server takes a few seconds to listen; the client retries until it does.
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('redis-server under valgrind did not start within 60 s')), 60_000).unref()),
    ]);
    const event = { ...netwerkdag, id: 'instructions', venueCap: 1e9, sessions: netwerkdag.sessions.map((s) => ({ ...s, capacity: 1e9 })) };
    const chat = process.env.BENCH_CHAT === '1';
    // The fixture owners are `test:user-<n>`: with BENCH_CHAT, `test` is a channel with a notifier.
    const ledger = new RedisSeatLedger(client, event, { commandTimeoutMs: 0, ...(chat ? { chatChannels: ['test'] } : {}) });
    let n = 0;
    // Registers made together, so that each batch is one register.lua run (group commit).
    const batch = () =>
      Promise.all(
        Array.from({ length: batchSize }, () => {
          n += 1;
          return ledger.register({ key: `k${n}`, at: new Date(), registrant: person(n, [1 + (n % 5), 6 + (n % 4)]), waitlistIfFull: false });
        }),
      );
    for (let i = 0; i < warmBatches; i++) await batch();
    const registrations = measuredBatches * batchSize;
    const register = await counted(redis.pid!, dir, async () => {
      for (let i = 0; i < measuredBatches; i++) await batch();
    });
    const sha = String(await client.sendCommand(['SCRIPT', 'LOAD', referenceScript]));
    const bare = () => Promise.all(Array.from({ length: batchSize }, () => client.sendCommand(['EVALSHA', sha, '3', '{r}:v', '{r}:s1', '{r}:s5', '1000000000'])));
    for (let i = 0; i < 20; i++) await bare();
    const reference = await counted(redis.pid!, dir, async () => {
      for (let i = 0; i < measuredBatches; i++) await bare();
    });
    const perRegister = register / registrations;
    const perReference = reference / registrations;
    const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
    console.log(`redis-server under callgrind; ${registrations} registrations in runs of ${batchSize}, after ${warmBatches * batchSize} not counted${chat ? '; every owner on a channel with chat notices' : ''}`);
    console.log(`register: ${fmt(perRegister)} instructions per registration`);
    console.log(`the 3-key script of bench:seats (a), ${batchSize} pipelined: ${fmt(perReference)} instructions per call; register costs ${(perRegister / perReference).toFixed(1)}x that`);
  } finally {
    client.destroy();
    redis.kill('SIGTERM');
    await new Promise((resolve) => redis.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
