import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';

/** Options for a throwaway redis-server; durability settings are what the Redis tests vary. */
export interface RedisServerOptions {
  appendonly?: boolean;
  appendfsync?: 'always' | 'everysec' | 'no';
  /** Extra `--name value` pairs passed to redis-server as they are. */
  extraArgs?: string[];
  /** Bound on waiting for the first PONG, in ms (default 15 s). */
  startTimeoutMs?: number;
}

/** A real redis-server owned by one test file, on a free loopback port, in its own temp dir. */
export interface RedisServerHandle {
  url: string;
  port: number;
  dir: string;
  /** SIGTERM (AOF flushed), wait for exit, remove the temp dir. Final. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: nothing flushed beyond what fsync already wrote. Keeps the dir. */
  kill9(): Promise<void>;
  /** Starts the server again on the same port and dir (stopping it first if it still runs). */
  restart(): Promise<void>;
}

const SHARED_PORT = 6379;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The redis-server binary (REDIS_SERVER_BIN, else the first on PATH), or null. */
export function findRedisServer(): string | null {
  const override = process.env.REDIS_SERVER_BIN;
  if (override) return isExecutable(override) ? override : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Whether the Redis suites can run. Without redis-server it registers a loud test: failing with CI=true, todo otherwise. */
export function requireRedisServer(): boolean {
  if (findRedisServer()) return true;
  const message =
    'redis-server is not on PATH: the Redis suites in this file did NOT run. ' +
    'Install it (Debian/Ubuntu: apt-get install redis-server redis-tools) or set REDIS_SERVER_BIN.';
  if (process.env.CI === 'true') {
    it('requires redis-server (CI=true)', () => {
      throw new Error(message);
    });
  } else {
    console.warn(`\n*** ${message} ***\n`);
    it.todo(`NOT RUN: ${message}`);
  }
  return false;
}

/** Starts a redis-server for the current test file (beforeAll) and stops it afterwards; returns a getter. */
export function useRedisServer(options: RedisServerOptions = {}): () => RedisServerHandle {
  let server: RedisServerHandle | undefined;
  beforeAll(async () => {
    server = await startRedisServer(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('redis-server not started yet: call the getter inside a test or hook');
    return server;
  };
}

/** Starts redis-server on a free loopback port (never 6379) and resolves once it answers PING. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server is not on PATH (see requireRedisServer)');
  installExitHook();
  const dir = mkdtempSync(join(tmpdir(), 'balie-redis-'));
  const timeoutMs = options.startTimeoutMs ?? 15_000;

  let port = 0;
  let child: ChildProcess | undefined;
  let lastError: unknown;
  // Another process may grab the port between probing and binding: try a few fresh ones.
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(binary, dir, port, options, timeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  if (!child) {
    rmSync(dir, { recursive: true, force: true });
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  let current: ChildProcess | undefined = child;
  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = current;
    current = undefined;
    if (proc) await killAndWait(proc, signal);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await terminate('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    async kill9() {
      await terminate('SIGKILL');
    },
    async restart() {
      await terminate('SIGTERM');
      current = await launch(binary, dir, port, options, timeoutMs);
    },
  };
}

async function launch(
  binary: string,
  dir: string,
  port: number,
  options: RedisServerOptions,
  timeoutMs: number,
): Promise<ChildProcess> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--logfile', 'redis.log',
    '--daemonize', 'no',
    '--save', '',
    '--appendonly', options.appendonly ? 'yes' : 'no',
    '--appendfsync', options.appendfsync ?? 'everysec',
    ...(options.extraArgs ?? []),
  ];
  const proc = spawn(binary, args, { cwd: dir, stdio: 'ignore' });
  running.add(proc);
  let exited: string | undefined;
  proc.once('exit', (code, signal) => {
    running.delete(proc);
    exited = `redis-server exited (code ${code}, signal ${signal})`;
  });
  proc.once('error', (error) => {
    exited = `redis-server could not start: ${error.message}`;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${exited}; log: ${readLog(dir)}`);
    if (await answersPing(port)) {
      if (exited) throw new Error(`${exited}; log: ${readLog(dir)}`);
      return proc;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await killAndWait(proc, 'SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms; log: ${readLog(dir)}`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port !== 0 && port !== SHARED_PORT) return port;
  }
}

function killAndWait(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const escalate = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(escalate);
      resolve();
    });
    proc.kill(signal);
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const proc of running) proc.kill('SIGKILL');
  });
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'redis.log'), 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `use` with a plain client connected to `url`, then lets go of it (for inspecting a server). */
export async function withClient<T>(url: string, use: (client: RedisClientType) => Promise<T>): Promise<T> {
  const client: RedisClientType = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}
