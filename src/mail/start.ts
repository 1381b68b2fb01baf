import type { Clock, DeliveryEntry, EventData, Outbox, Waitlists } from '../core/index.ts';
import type { MailLinks } from './content.ts';
import { emlFileSender, smtpSender, type MailFrom, type MailSender } from './transport.ts';
import { startDeliveryLoop } from '../delivery/index.ts';
import type { CheckinCodeOf } from './checkin-block.ts';
import { MailWorker, type DeliveryReport, type MailLogger, type RetryPolicy } from './worker.ts';

/** What the composition root passes; everything but the outbox and the event has a default. */
export interface StartMailWorkerOptions {
  outbox: Outbox;
  event: EventData;
  /** `SMTP_URL`; without it mails are written as `.eml` files to `outboxDir`. */
  smtpUrl?: string;
  /** Where `.eml` files go without SMTP_URL; default `./outbox`. */
  outboxDir?: string;
  /** Sender of every mail; default the event's title and contact address. */
  from?: MailFrom;
  logger?: MailLogger;
  /** Says where mails go, once at start; default a line on stderr. */
  notice?: (line: string) => void;
  /** The real clock (default): leases and retry times need time that moves. */
  clock?: Clock;
  workerId?: string;
  /** How often the outbox is looked at; default 1 s. */
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Why an entry is no longer to be sent, e.g. a reminder to someone who cancelled since. */
  withdrawn?: (entry: DeliveryEntry) => Promise<string | null>;
  /** The links a mail carries (the reminder's cancel link). */
  links?: (entry: DeliveryEntry) => MailLinks;
  /** The check-in code of a registration, for the QR code in every mail that confirms a place. */
  checkinCode?: CheckinCodeOf;
  /** The live waiting lists, for the place of someone waiting for a session. */
  waitlists?: () => Promise<Waitlists>;
}

/** A running mail worker: `drain()` delivers everything due now, `stop()` ends the polling. */
export interface MailWorkerHandle {
  readonly worker: MailWorker;
  /** Where mails go: the SMTP host or the `.eml` directory. */
  readonly destination: string;
  drain(): Promise<DeliveryReport>;
  stop(): Promise<void>;
}

/** Builds the sender from the configuration: SMTP when a URL is given, `.eml` files otherwise. */
export function createMailSender(options: { smtpUrl?: string; outboxDir?: string; from: MailFrom }): MailSender {
  return options.smtpUrl ? smtpSender(options.smtpUrl, options.from) : emlFileSender(options.outboxDir ?? 'outbox', options.from);
}

/**
 * Starts delivering the outbox: polls every `pollMs`, one pass at a time. Each process may run
 * one; several processes on one Redis share the work through the outbox's leases.
 */
export function startMailWorker(options: StartMailWorkerOptions): MailWorkerHandle {
  const from = options.from ?? { name: options.event.title, address: options.event.contact };
  const sender = createMailSender({ smtpUrl: options.smtpUrl, outboxDir: options.outboxDir, from });
  const notice = options.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
  notice(options.smtpUrl ? `E-mail: sending over SMTP to ${sender.description}.` : `E-mail: no SMTP_URL set, mails are written as .eml files to ${sender.description}`);

  const worker = new MailWorker({
    outbox: options.outbox,
    event: options.event,
    sender,
    clock: options.clock,
    workerId: options.workerId,
    batchSize: options.batchSize,
    leaseMs: options.leaseMs,
    retry: options.retry,
    logger: options.logger,
    ...(options.links ? { links: options.links } : {}),
    ...(options.withdrawn ? { withdrawn: options.withdrawn } : {}),
    ...(options.checkinCode ? { checkinCode: options.checkinCode } : {}),
    ...(options.waitlists ? { waitlists: options.waitlists } : {}),
  });

  const loop = startDeliveryLoop(worker, { pollMs: options.pollMs ?? 1000, ...(options.logger ? { logger: options.logger } : {}) });
  let stopped = false;
  return {
    worker,
    destination: sender.description,
    drain: () => loop.drain(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await loop.stop();
      sender.close();
    },
  };
}
