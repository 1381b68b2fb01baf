import type { ChannelContext, MessageHandler, RunningChannel } from '../adapters/channel.ts';
import { noticeDeliverer } from '../adapters/notice-delivery.ts';
import { BalieError, chatLane, purgeDueAt, systemClock, type RegistrationRecord } from '../core/index.ts';
import { DeliveryWorker, startDeliveryLoop, type DeliveryLoop } from '../delivery/index.ts';
import { createProgrammeAnswerer } from '../dialogs/qa/index.ts';
import { createDesk, hostCheckinCodes } from '../desk/index.ts';
import { startMailWorker, type MailWorkerHandle } from '../mail/index.ts';
import { hostClock, type HostClock } from './app-clock.ts';
import { Bot } from './bot.ts';
import { cancelLinkRoutes, cancelUrl } from './cancel-link.ts';
import { personalDataDesk } from './personal-data.ts';
import { PrivacyJobs, purgePersonalData, reminderWithdrawn, startPrivacyLoop, type PrivacyLoop } from './privacy-jobs.ts';
import type { ConfiguredEntry } from './channels.ts';
import { createHostApp, InFlight, listen, type ListeningHost } from './host.ts';
import { AppMetrics } from './metrics.ts';
import type { Started } from './run-console.ts';

// Bounds of a graceful shutdown: turns in flight, then the delivery passes, each at most this long.
const shutdownTurnsMs = 10_000;
const shutdownDeliveryMs = 10_000;

function describeHostClock(chosen: HostClock, timeZone: string): string {
  const shown = (at: Date) => new Intl.DateTimeFormat('nl-BE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
  if (chosen.source === 'system') return 'the real time';
  if (chosen.source === 'BALIE_NOW') return `pinned at ${shown(chosen.at)} (${timeZone}) by BALIE_NOW`;
  return `pinned at ${shown(chosen.at)} (${timeZone}): registration closed`;
}

/** Where a browser on this machine finds the desk (a wildcard address is reached on localhost). */
function deskUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/organiser`;
}

/** Resolves when `work` does or `ms` pass, whichever is first (true when the work finished). */
async function bounded(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = work.then(() => true);
  // A failure after the time is up is nobody's to handle any more.
  outcome.catch(() => undefined);
  const finished = await Promise.race([outcome, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  clearTimeout(timer);
  return finished;
}

/** A running host: where it listens, its metrics and turns in flight, and how to shut it down. */
export interface RunningHost {
  port: number;
  metrics: AppMetrics;
  inFlight: InFlight;
  /** Stops taking requests, lets the turns in flight finish (bounded), stops the workers, closes the store. */
  shutdown(): Promise<void>;
}

/** Options for tests: how often the delivery workers look at the outbox (default 1 s), and the privacy jobs (default 1 min). */
export interface HostTuning {
  pollMs?: number;
  privacyPollMs?: number;
}

/** The links of a mail: the reminder carries its signed "ik kan toch niet komen" link. */
function withCancelLink(links: { publicUrl: string; secret: string }) {
  return (entry: { kind: string; registration: { id: string } }) => (entry.kind === 'reminder' ? { cancelUrl: cancelUrl(links.publicUrl, links.secret, entry.registration.id) } : {});
}

/**
 * Starts the configured channels on one Express host (PORT, HOST) with /healthz, /readyz and
 * /metrics, the mail worker and one chat notice worker per channel with a notifier. A start-up
 * failure (a refused token, a taken port) cleans up and throws a BalieError naming the variable.
 */
export async function startHost(started: Started, entries: readonly ConfiguredEntry[], tuning: HostTuning = {}): Promise<RunningHost> {
  const { config, event, stores, logger } = started;
  const clock = hostClock(config.now, event, new Date());
  const codes = hostCheckinCodes(config, event.id);
  const where = `${config.host}:${config.port}`;
  logger.info(
    { channels: entries.map((e) => ({ name: e.name, mode: e.configured.mode })), host: config.host, port: config.port, store: stores.description, clock: describeHostClock(clock, event.timezone) },
    `Balie starting: ${[...entries.map((e) => `${e.name} (${e.configured.mode})`), ...(config.organisers.length > 0 ? ['organiser desk'] : [])].join(', ')} on ${where}; store ${stores.description}; clock ${describeHostClock(clock, event.timezone)}`,
  );
  if (!codes) logger.warn({}, 'BALIE_CHECKIN_SECRET is not set: confirmation mails carry no check-in code');
  if (clock.source === 'closed') {
    logger.warn(
      { deadline: clock.deadline.toISOString(), now: clock.at.toISOString() },
      `REGISTRATION FOR "${event.title}" CLOSED ON ${event.registrationCloses}: the clock is pinned to ${clock.at.toISOString()} so that people can try registering. Set BALIE_NOW to choose the time.`,
    );
    // On the pinned clock the automatic purge never comes: say so when it is due by the real time.
    const purgeDue = purgeDueAt(event, config.purgeDaysAfter);
    if (purgeDue.getTime() <= Date.now()) {
      logger.warn({ purgeDue: purgeDue.toISOString() }, `The personal data of "${event.title}" is due for purge since ${purgeDue.toISOString()}; on a pinned clock it is not purged automatically: run npm run admin -- purge.`);
    }
  }

  const metrics = new AppMetrics(stores.outbox, (error) => logger.warn({ err: String(error) }, 'metrics: outbox counts unavailable'));
  const inFlight = new InFlight();
  const ledger = metrics.instrumentLedger(stores.ledger);
  const bot = new Bot({
    event,
    ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: clock.clock,
    answerer: await createProgrammeAnswerer(event),
    addresses: stores.addresses,
    personalData: personalDataDesk(stores, event, config.purgeDaysAfter),
    onError: (error) => logger.error({ err: error }, 'turn failed'),
    observe: (turn) => metrics.observeTurn(turn),
    ...(codes ? { checkinCode: (r: RegistrationRecord) => codes.codeOf(r) } : {}),
  });
  const handler: MessageHandler = { handle: (message) => inFlight.track(bot.handle(message)) };

  const channels: Array<{ name: string; channel: RunningChannel }> = [];
  let host: ReturnType<typeof createHostApp> | null = null;
  let server: ListeningHost | null = null;
  let mail: MailWorkerHandle | null = null;
  const notices: DeliveryLoop[] = [];
  let privacyLoop: PrivacyLoop | null = null;
  let desk: ReturnType<typeof createDesk> | undefined;

  const shutdown = async (): Promise<void> => {
    host?.drain();
    const closing = server?.close(shutdownTurnsMs);
    await Promise.all(
      channels.map(({ name, channel }) => bounded(channel.stop(), shutdownTurnsMs).catch((error: unknown) => logger.error({ channel: name, err: String(error) }, 'stopping a channel failed'))),
    );
    if (!(await inFlight.idle(shutdownTurnsMs))) logger.warn({ inFlight: inFlight.count }, 'turns still running at shutdown');
    await closing;
    await Promise.all([mail?.stop(), privacyLoop?.stop(), ...notices.map((n) => n.stop())].map((stop) => bounded(Promise.resolve(stop), shutdownDeliveryMs)));
    await stores.close().catch((error: unknown) => logger.error({ err: String(error) }, 'closing the store failed'));
  };

  try {
    for (const entry of entries) {
      const context: ChannelContext = {
        handler,
        views: { form: (viewer, prefill) => bot.formView(viewer, prefill), home: (viewer) => bot.homeView(viewer) },
        values: stores.values,
        logger: logger.child({ channel: entry.name }),
        count: (outcome) => metrics.countInbound(entry.name, outcome),
        track: (work) => void inFlight.track(work).catch(() => undefined),
      };
      channels.push({ name: entry.name, channel: await entry.configured.open(context) });
    }
    desk =
      codes && config.organisers.length > 0
        ? createDesk(
            { event, ledger, outbox: stores.outbox, messages: stores.messages, privacy: stores.privacy, purge: (at) => purgePersonalData(stores, at), audit: stores.audit, checkins: stores.checkins, codes, clock: systemClock, ledgerClock: clock.clock, logger },
            config,
          )
        : undefined;
    // The reminder's "ik kan toch niet komen" link, when mails can point at this host.
    const pages = config.links ? [cancelLinkRoutes({ event, ledger: stores.ledger, secret: config.links.secret, clock: clock.clock, onError: (error) => logger.error({ err: String(error) }, 'cancel link failed') })] : [];
    host = createHostApp({
      channels: [...channels.map((c) => c.channel), ...pages],
      ready: () => readiness(stores.ping),
      metrics,
      logger,
      ...(desk ? { desk } : {}),
      trustProxy: config.trustProxy,
    });
    server = await listen(host.app, config.port, config.host).catch((error: NodeJS.ErrnoException) => {
      throw new BalieError('config_invalid', `Invalid configuration: PORT: cannot listen on ${where} (${error.code ?? error.message})`);
    });
    for (const { channel } of channels) await channel.start();
  } catch (error) {
    await shutdown();
    throw error;
  }

  let mailNotice = '';
  const pollMs = tuning.pollMs ?? 1000;
  mail = startMailWorker({
    outbox: stores.outbox,
    event,
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    outboxDir: config.mailDir,
    ...(config.mailFrom ? { from: { name: config.mailFrom.name ?? event.title, address: config.mailFrom.address } } : {}),
    logger,
    notice: (line) => (mailNotice = line),
    pollMs,
    ...(config.links ? { links: withCancelLink(config.links) } : {}),
    withdrawn: reminderWithdrawn(stores.ledger),
    waitlists: () => stores.ledger.waitlists(),
    ...(codes ? { checkinCode: (r: RegistrationRecord) => codes.codeOf(r) } : {}),
  });
  privacyLoop = startPrivacyLoop(
    new PrivacyJobs({ event, clock: clock.clock, privacy: stores.privacy, chatStores: stores.chatStores, reminderDays: config.reminderDays, purgeDaysAfter: config.purgeDaysAfter }),
    {
      pollMs: tuning.privacyPollMs ?? 60_000,
      onPass: (pass) => {
        if (pass.reminders > 0) logger.info({ reminders: pass.reminders }, 'reminders written to the outbox');
        if (pass.purged) logger.info({ ...pass.purged, counts: undefined }, 'personal data purged after the event');
      },
      onError: (error) => logger.error({ err: String(error) }, 'privacy jobs failed'),
    },
  );
  for (const { name, channel } of channels) {
    if (!channel.notifier) continue;
    const worker = new DeliveryWorker({ queue: stores.outbox.lane(chatLane(name)), deliver: noticeDeliverer({ event, addresses: stores.addresses, notifier: channel.notifier }), noun: 'chat notice', logger, withdrawn: reminderWithdrawn(stores.ledger) });
    notices.push(startDeliveryLoop(worker, { logger, pollMs }));
  }
  logger.info(
    { port: server.port, channels: channels.map((c) => c.name), notices: notices.map((n) => n.worker.lane), mail: mailNotice },
    `Balie serving on ${config.host}:${server.port}: ${channels.map((c) => c.name).join(', ') || 'no chat channel'}; /healthz, /readyz, /metrics; ${mailNotice}${desk ? `; organiser desk at ${deskUrl(config.host, server.port)}` : ''}`,
  );
  return { port: server.port, metrics, inFlight, shutdown };
}

/**
 * The host mode of `npm start` (startHost) until SIGTERM or SIGINT, then a graceful shutdown.
 * Resolves with the exit code: 0 after a shutdown, 1 when start-up failed (said on stderr).
 */
export async function runHost(started: Started, entries: readonly ConfiguredEntry[]): Promise<number> {
  let running: RunningHost;
  try {
    running = await startHost(started, entries);
  } catch (error) {
    if (!(error instanceof BalieError)) throw error;
    process.stderr.write(`balie: ${error.message}\n`);
    return 1;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // A second signal while stopping ends the process at once.
  const hurry = () => process.exit(1);
  process.once('SIGTERM', hurry);
  process.once('SIGINT', hurry);
  started.logger.info({ signal, inFlight: running.inFlight.count }, 'stopping: no new requests, finishing the turns in flight');
  await running.shutdown();
  started.logger.info('stopped');
  process.off('SIGTERM', hurry);
  process.off('SIGINT', hurry);
  return 0;
}

/** The store's answer within a second, as /readyz's problems (the event is loaded: the host runs). */
async function readiness(ping: () => Promise<void>): Promise<string[]> {
  try {
    return (await bounded(ping(), 1_000)) ? [] : ['store does not answer'];
  } catch {
    return ['store unreachable'];
  }
}
