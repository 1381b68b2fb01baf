import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { repoRoot } from '../adapters/console/jsonl-process.ts';
import { eventually } from './eventually.ts';
import { UpdateDoneWatcher } from './update-done.ts';

/** A free TCP port on loopback (free when asked; the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The real Balie process in host mode (`npm start`, or node with tsx directly so that signals
 * reach it), on 127.0.0.1 and a free port: ready once it logged that it serves.
 */
export class BalieHost {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  #stderr = '';
  #partial = '';
  readonly #updates = new UpdateDoneWatcher();

  private constructor(
    readonly port: number,
    env: Record<string, string>,
    viaNpm: boolean,
    nodeArgs: string[],
  ) {
    const [command, args] = viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, [...nodeArgs, '--import', 'tsx', 'src/app/main.ts']];
    this.child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'debug', HOST: '127.0.0.1', PORT: String(port), REDIS_URL: '', SMTP_URL: '', BALIE_NOW: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so that kill() also reaches what npm and tsx started.
      detached: true,
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr += chunk;
      const lines = (this.#partial + chunk).split('\n');
      this.#partial = lines.pop() ?? '';
      for (const line of lines) this.#updates.feed(line);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Starts the host with `env` (PORT and HOST are set here) and waits until it serves. */
  static async start(env: Record<string, string>, options: { viaNpm?: boolean; port?: number; nodeArgs?: string[] } = {}): Promise<BalieHost> {
    const host = new BalieHost(options.port ?? (await freePort()), env, options.viaNpm ?? false, options.nodeArgs ?? []);
    try {
      await host.waitForLog(/Balie serving on/, 90_000);
    } catch (error) {
      host.kill();
      throw error;
    }
    return host;
  }

  /** Resolves once Balie logged that it has sent everything for Telegram update `updateId`. */
  updateDone(updateId: number, timeoutMs = 15_000): Promise<void> {
    return this.#updates.wait(updateId, timeoutMs);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the process wrote on stderr (JSON log lines). */
  get stderr(): string {
    return this.#stderr;
  }

  /** The JSON log lines so far, parsed (other lines are skipped). */
  get logs(): Array<Record<string, unknown>> {
    return this.#stderr.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** Resolves once stderr matches `pattern`; fails when the process exits first or `timeoutMs` passes. */
  async waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    await eventually(async () => pattern.test(this.#stderr) || this.child.exitCode !== null, timeoutMs, 25);
    if (pattern.test(this.#stderr)) return;
    if (this.child.exitCode !== null) throw new Error(`balie exited (${this.child.exitCode}) before logging ${pattern}: ${this.#stderr}`);
    throw new Error(`balie did not log ${pattern} within ${timeoutMs} ms: ${this.#stderr}`);
  }

  /** Sends a signal and resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Ends the process and whatever it started, at once. */
  kill(): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
