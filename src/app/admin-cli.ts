import { createInterface } from 'node:readline/promises';
import { BalieError } from '../core/index.ts';
import { adminUsage, runAdmin, sharedStoreProblem } from './admin.ts';
import { notifyingChannels } from './channels.ts';
import { runHashPassword } from './hash-password.ts';
import { loadConfig } from './config.ts';
import { loadEvent } from './load-event.ts';
import { createLogger } from './logger.ts';
import { openStores, type AppStores } from './stores.ts';

/**
 * `npm run --silent admin -- <command>`: organiser commands against the Redis all bot processes
 * share (admin.ts). Start-up problems end with exit code 1 and one line on stderr; without
 * REDIS_URL there is nothing to run against (exit code 2).
 */
async function main(args: string[]): Promise<number> {
  const out = quietWhenClosed(process.stdout);
  const err = quietWhenClosed(process.stderr);
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    out(adminUsage);
    return args.length === 0 ? 2 : 0;
  }
  // Needs no store: it only makes a password hash for BALIE_ORGANISERS.
  if (args[0] === 'hash-password') return runHashPassword(args[1], out, err);
  let stores: AppStores;
  let context: Parameters<typeof runAdmin>[1];
  try {
    const config = loadConfig(process.env);
    const problem = sharedStoreProblem(config.redisUrl);
    if (problem) {
      err(`admin: ${problem}`);
      return 2;
    }
    const logger = createLogger(config.logLevel ?? 'warn');
    const event = await loadEvent(config.eventPath);
    stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
    context = {
      event,
      ledger: stores.ledger,
      outbox: stores.outbox,
      privacy: stores.privacy,
      chatStores: stores.chatStores,
      now: config.now ?? new Date(),
      print: out,
      warn: err,
      ...(process.stdin.isTTY ? { confirm: askOnTerminal } : {}),
    };
  } catch (error) {
    if (!(error instanceof BalieError)) throw error;
    err(`admin: ${error.message}`);
    return 1;
  }
  try {
    return await runAdmin(args, context);
  } finally {
    await stores.close();
  }
}

/** A yes/no question on the terminal (the prompt on stderr, so stdout keeps only results). */
async function askOnTerminal(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(?:y|yes|j|ja)$/i.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}

/**
 * A line writer to `stream` that falls silent once the reader has gone (`admin -- status | head -1`:
 * EPIPE) instead of dying with a stack trace; the command itself still runs to its end and closes
 * the store.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${line}\n`);
  };
}

process.exitCode = await main(process.argv.slice(2));
