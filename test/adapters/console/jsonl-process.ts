import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run` finds package.json. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The documented machine interface, `npm run --silent chat -- --jsonl`, as a child process. */
export class JsonlProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  private stderrText = '';
  private readonly exited: Promise<number | null>;

  constructor(env: Record<string, string | undefined> = {}) {
    this.child = spawn('npm', ['run', '--silent', 'chat', '--', '--jsonl'], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (this.waiting) {
        const { resolve } = this.waiting;
        this.waiting = null;
        resolve(line);
      } else this.lines.push(line);
    });
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        this.waiting?.reject(new Error(`the process ended (exit ${code}) before answering; stderr: ${this.stderrText}`));
        this.waiting = null;
        resolve(code);
      }),
    );
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes one line and resolves with the next line on stdout (bounded wait, then it fails). */
  async ask(message: unknown, timeoutMs = 15_000): Promise<unknown> {
    this.child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    return JSON.parse(await this.nextLine(timeoutMs)) as unknown;
  }

  nextLine(timeoutMs = 15_000): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no answer within ${timeoutMs} ms; stderr: ${this.stderrText}`));
      }, timeoutMs);
      this.waiting = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
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

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Runs the JSONL process over a whole input at once and collects everything it wrote. */
export function runJsonl(input: string, env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '--silent', 'chat', '--', '--jsonl'], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
