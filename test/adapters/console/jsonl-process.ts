import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run` finds package.json. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Waiter {
  resolve: (line: string) => void;
  reject: (error: Error) => void;
}

/**
 * The documented machine interface, `npm run --silent chat -- --jsonl`, as a child process.
 * Answers come in input order, so each `ask` gets the next answer not yet claimed: several asks
 * may be in flight at once (interleaved users) and each still gets its own answer.
 */
export class JsonlProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private readonly waiters: Waiter[] = [];
  private stderrText = '';
  private readonly exited: Promise<number | null>;

  /** `viaNpm: false` runs `node --import tsx src/app/main.ts --jsonl` directly, so that signals reach the bot itself. */
  constructor(env: Record<string, string | undefined> = {}, options: { viaNpm?: boolean } = {}) {
    const [command, args] = options.viaNpm === false ? [process.execPath, ['--import', 'tsx', 'src/app/main.ts', '--jsonl']] : ['npm', ['run', '--silent', 'chat', '--', '--jsonl']];
    this.child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    });
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`the process ended (exit ${code}) before answering; stderr: ${this.stderrText}`));
        resolve(code);
      }),
    );
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes one line and resolves with its answer, parsed (bounded wait, then it fails). */
  async ask(message: unknown, timeoutMs = 15_000): Promise<unknown> {
    const answer = this.nextLine(timeoutMs);
    this.child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    return JSON.parse(await answer) as unknown;
  }

  /** The next answer not yet claimed. */
  nextLine(timeoutMs = 15_000): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no answer within ${timeoutMs} ms; stderr: ${this.stderrText}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Lines written that nobody asked for (must stay empty: one answer per input). */
  get unread(): string[] {
    return [...this.lines];
  }

  /** Closes stdin and resolves with the exit code. */
  async end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  /** Sends a signal and resolves with the exit code (stdin stays open). */
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * Runs `src/app/main.ts --jsonl` (what `npm run chat` runs, without npm's start-up time) over a
 * whole input at once and collects everything it wrote.
 */
/** Runs one of the project's entry points (`src/app/...`) to its end with `input` on stdin: exit code and output. */
export function runEntry(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The JSONL console (`npm run --silent chat -- --jsonl`) with `input` on stdin, run to its end. */
export function runJsonl(input: string, env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runEntry('src/app/main.ts', ['--jsonl'], env, input);
}
