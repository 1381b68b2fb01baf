import { Console } from 'node:console';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { ConsoleConnector, runInteractiveSession, runJsonlSession, terminalDisplay, userIdProblem } from '../adapters/console/index.ts';
import { BalieError, type EventData } from '../core/index.ts';
import { startMailWorker } from '../mail/index.ts';
import { createProgrammeAnswerer } from '../dialogs/qa/index.ts';
import { consoleClock, describeClock } from './app-clock.ts';
import { Bot } from './bot.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { loadEvent } from './load-event.ts';
import { createLogger } from './logger.ts';
import { openStores, type AppStores } from './stores.ts';

const usage = [
  'usage: npm start [-- --user <id>]          (terminal chat; a new user each time unless --user is given)',
  '       npm run --silent chat -- --jsonl   (JSON lines on stdin/stdout)',
].join('\n');

/**
 * The composition root: configuration, event, stores, answerer, Bot, and the console channel
 * (interactive, or the JSONL machine interface with `--jsonl`). Start-up problems end the
 * process with exit code 1 and one clear line on stderr.
 */
async function main(): Promise<number> {
  let jsonl: boolean;
  let user: string | undefined;
  try {
    const { values } = parseArgs({ options: { jsonl: { type: 'boolean', default: false }, user: { type: 'string' } }, strict: true });
    jsonl = values.jsonl === true;
    user = values.user;
    if (jsonl && user !== undefined) throw new Error('--user is for the terminal chat; every JSON line names its own user');
    const problem = user === undefined ? null : userIdProblem(user);
    if (problem) throw new Error(`--user: ${problem}`);
  } catch (error) {
    process.stderr.write(`balie: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  // In JSONL mode stdout carries only answers: anything a library prints goes to stderr.
  if (jsonl) globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

  const started = await start(jsonl);
  if (!started.ok) {
    process.stderr.write(`balie: ${started.message}\n`);
    return 1;
  }
  const { config, event, stores, logger } = started;
  const chosenClock = consoleClock(config.now);
  const bot = new Bot({
    event,
    ledger: stores.ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: chosenClock.clock,
    answerer: await createProgrammeAnswerer(event),
    onError: (error) => logger.error({ err: error }, 'turn failed'),
  });
  const connector = new ConsoleConnector(bot);
  let mailNotice = '';
  const mail = startMailWorker({
    outbox: stores.outbox,
    event,
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    outboxDir: config.mailDir,
    ...(config.mailFrom ? { from: { name: config.mailFrom.name ?? event.title, address: config.mailFrom.address } } : {}),
    logger,
    notice: (line) => (mailNotice = line),
  });

  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) process.exit(1);
    logger.info({ signal }, 'stopping');
    stopping.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  logger.info({ mode: jsonl ? 'jsonl' : 'interactive', event: event.id, store: stores.description, now: chosenClock.at.toISOString(), clock: chosenClock.source, mail: mailNotice }, 'balie started');
  try {
    if (jsonl) {
      const summary = await runJsonlSession({ input: process.stdin, output: process.stdout, connector, logger, signal: stopping.signal });
      logger.info(summary, 'end of input');
    } else {
      await runInteractiveSession({
        input: process.stdin,
        output: process.stdout,
        connector,
        logger,
        // Each terminal chat is a user of its own, so that two terminals on one Redis never share a conversation or a registration.
        userId: user ?? `terminal-${randomBytes(4).toString('hex')}`,
        about: { event: `${event.title} (${event.date}, ${event.venue.shortName})`, store: stores.description, clock: describeClock(chosenClock, event.timezone), mail: config.smtpUrl ? `SMTP via ${mail.destination}` : `.eml files in ${mail.destination} (set SMTP_URL to send)` },
        terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
        display: terminalDisplay(process.stdout, process.env),
        signal: stopping.signal,
      });
    }
  } finally {
    // What the turns of this run put in the outbox is delivered before the store goes away.
    await mail.drain().catch((error: unknown) => logger.error({ err: error }, 'delivering the outbox failed'));
    await mail.stop();
    await stores.close().catch((error: unknown) => logger.error({ err: error }, 'closing the store failed'));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  logger.info('stopped');
  if (stopping.signal.aborted) process.exit(0);
  return 0;
}

type Started =
  | { ok: true; config: AppConfig; event: EventData; stores: AppStores; logger: Logger }
  | { ok: false; message: string };

async function start(jsonl: boolean): Promise<Started> {
  try {
    const config = loadConfig(process.env);
    const logger = createLogger(config.logLevel ?? (jsonl ? 'info' : 'warn'));
    const event = await loadEvent(config.eventPath);
    const stores = await openStores(config, event, logger);
    return { ok: true, config, event, stores, logger };
  } catch (error) {
    if (error instanceof BalieError) return { ok: false, message: error.message };
    throw error;
  }
}

process.exitCode = await main();
