import { randomUUID } from 'node:crypto';
import { systemClock, type Clock, type EventData, type DeliveryEntry, type Outbox } from '../core/index.ts';
import { renderMail } from './render.ts';
import type { MailSender } from './transport.ts';

/** The few log methods the worker uses (pino's Logger fits). Never given personal data. */
export interface MailLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Exponential backoff for temporary failures: 30 s, 1 min, 2 min, ... at most 30 min apart. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this many failed deliveries (counted by the outbox, across workers) the entry is recorded as failed. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 16 };

/** The delay before attempt `failures + 1`, after `failures` temporary failures (1, 2, ...). */
export function retryDelayMs(failures: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

export interface MailWorkerOptions {
  outbox: Outbox;
  event: EventData;
  sender: MailSender;
  /** The real clock, also when the bot's clock is pinned: leases and retries need time to pass. */
  clock?: Clock;
  workerId?: string;
  /** Entries claimed at once; they are sent in parallel, each attempt bounded by the SMTP timeouts. */
  batchSize?: number;
  /** Longer than one attempt can take (transport.ts: at most ~50 s), so a live worker keeps its claim. */
  leaseMs?: number;
  retry?: RetryPolicy;
  logger?: MailLogger;
}

/** What one pass did, for tests and the log. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

const silentLogger: MailLogger = { info() {}, warn() {}, error() {} };

/**
 * Delivers outbox entries: claims a batch (the lease keeps other workers off it), renders each
 * mail, sends it and records the outcome. At least once: a crash after the server accepted a
 * mail but before `markSent` lets the lease expire and another worker sends it again, with the
 * same Message-ID. An entry recorded as sent is never claimed again (the outbox guarantees it).
 */
export class MailWorker {
  readonly workerId: string;
  readonly #outbox: Outbox;
  readonly #event: EventData;
  readonly #sender: MailSender;
  readonly #clock: Clock;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #retry: RetryPolicy;
  readonly #logger: MailLogger;

  constructor(options: MailWorkerOptions) {
    this.workerId = options.workerId ?? `mail-${randomUUID()}`;
    this.#outbox = options.outbox;
    this.#event = options.event;
    this.#sender = options.sender;
    this.#clock = options.clock ?? systemClock;
    this.#batchSize = options.batchSize ?? 5;
    this.#leaseMs = options.leaseMs ?? 3 * 60_000;
    this.#retry = options.retry ?? defaultRetryPolicy;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Claims one batch of due entries and settles each of them. */
  async runOnce(): Promise<DeliveryReport & { claimed: number }> {
    const entries = await this.#outbox.claim(this.workerId, this.#batchSize, this.#leaseMs, this.#clock.now());
    const outcomes = await Promise.all(entries.map((entry) => this.#deliver(entry)));
    return {
      claimed: entries.length,
      sent: outcomes.filter((o) => o === 'sent').length,
      retried: outcomes.filter((o) => o === 'retried').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
  }

  /** Delivers everything due now, batch after batch, until nothing is left to claim. */
  async drain(): Promise<DeliveryReport> {
    const total: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const pass = await this.runOnce();
      total.sent += pass.sent;
      total.retried += pass.retried;
      total.failed += pass.failed;
      if (pass.claimed === 0) return total;
    }
  }

  async #deliver(entry: DeliveryEntry): Promise<'sent' | 'retried' | 'failed'> {
    const about = { entryId: entry.id, kind: entry.kind, workerId: this.workerId };
    let rendered: ReturnType<typeof renderMail>;
    try {
      rendered = renderMail(entry, this.#event);
    } catch (error) {
      // A bug or an entry from another version: retrying would fail the same way, so it is recorded.
      await this.#outbox.markFailed(entry.id, this.workerId, `could not render: ${String(error)}`.slice(0, 500), this.#clock.now());
      this.#logger.error({ ...about, err: String(error) }, 'mail not sent: rendering failed');
      return 'failed';
    }
    if (!rendered.ok) {
      await this.#outbox.markFailed(entry.id, this.workerId, 'invalid recipient address', this.#clock.now());
      this.#logger.warn(about, 'mail not sent: invalid recipient address');
      return 'failed';
    }
    const outcome = await this.#sender.send(rendered.mail);
    if (outcome.ok) {
      await this.#outbox.markSent(entry.id, this.workerId, this.#clock.now());
      this.#logger.info(about, 'mail sent');
      return 'sent';
    }
    // The outbox counts the failures, so a restarted or another worker carries on the same backoff.
    const failures = entry.attempts + 1;
    if (outcome.reason === 'permanent' || failures >= this.#retry.maxAttempts) {
      const why = outcome.reason === 'permanent' ? outcome.error : `gave up after ${failures} attempts: ${outcome.error}`;
      await this.#outbox.markFailed(entry.id, this.workerId, why, this.#clock.now());
      this.#logger.error({ ...about, code: outcome.code, attempts: failures }, 'mail failed for good; see the failed outbox entries');
      return 'failed';
    }
    const delay = retryDelayMs(failures, this.#retry);
    await this.#outbox.markRetry(entry.id, this.workerId, new Date(this.#clock.now().getTime() + delay), outcome.error);
    this.#logger.warn({ ...about, code: outcome.code, attempts: failures, retryInMs: delay }, 'mail not delivered yet; will retry');
    return 'retried';
  }
}
