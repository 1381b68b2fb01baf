import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { ConsoleConnector, runInteractiveSession, runJsonlSession, terminalDisplay } from '../adapters/console/index.ts';
import type { EventData } from '../core/index.ts';
import { createProgrammeAnswerer } from '../dialogs/qa/index.ts';
import { startMailWorker } from '../mail/index.ts';
import { consoleClock, describeClock } from './app-clock.ts';
import { Bot } from './bot.ts';
import { personalDataDesk } from './personal-data.ts';
import { PrivacyJobs, reminderWithdrawn, startPrivacyLoop } from './privacy-jobs.ts';
import type { AppConfig } from './config.ts';
import type { AppStores } from './stores.ts';
import { CheckinCodes, developmentCheckinSecret } from '../desk/checkin-code.ts';

/** What start-up made: the configuration, the logger, the event and the stores. */
export interface Started {
  config: AppConfig;
  event: EventData;
  stores: AppStores;
  logger: Logger;
}

/**
 * The terminal chat (interactive as `user`, else a new user; or the JSONL machine interface with `jsonl`) over the Bot,
 * with the mail worker; the clock is pinned (app-clock.ts). Resolves with the exit code.
 */
export async function runConsole({ config, event, stores, logger }: Started, jsonl: boolean, user?: string): Promise<number> {
  const chosenClock = consoleClock(config.now);
  // The terminal may use the embedded development secret: nobody checks in with its codes.
  const codes = new CheckinCodes(config.checkinSecret ?? developmentCheckinSecret, event.id);
  const bot = new Bot({
    event,
    ledger: stores.ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: chosenClock.clock,
    answerer: await createProgrammeAnswerer(event),
    addresses: stores.addresses,
    personalData: personalDataDesk(stores, event, config.purgeDaysAfter),
    onError: (error) => logger.error({ err: error }, 'turn failed'),
    checkinCode: (r) => codes.codeOf(r),
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
    withdrawn: reminderWithdrawn(stores.ledger),
    checkinCode: (r) => codes.codeOf(r),
    waitlists: () => stores.ledger.waitlists(),
  });
  // The reminders and the purge follow the console's pinned clock, as in the host.
  const privacy = startPrivacyLoop(
    new PrivacyJobs({ event, clock: chosenClock.clock, privacy: stores.privacy, chatStores: stores.chatStores, reminderDays: config.reminderDays, purgeDaysAfter: config.purgeDaysAfter }),
    { pollMs: 60_000, onError: (error) => logger.error({ err: String(error) }, 'privacy jobs failed') },
  );

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
    await privacy.stop();
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
