import { randomUUID } from 'node:crypto';
import { systemClock, type Clock, type DeliveryEntry, type DeliveryQueue } from '../core/index.ts';

/** The few log methods the worker uses (pino's Logger fits). Never given personal data. */
export interface DeliveryLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * The outcome of one delivery attempt. A permanent failure (an SMTP 5xx, a Telegram user who
 * blocked the bot) is recorded as failed and never retried; a temporary one (4xx, 429, 5xx of a
 * chat platform, no network) is retried with backoff, not before `retryAfterMs` when the other side said when.
 */
export type DeliveryOutcome =
  | { ok: true }
  | { ok: false; reason: 'temporary' | 'permanent'; error: string; code: string; retryAfterMs?: number };

/** Delivers one entry in one lane (renders and sends a mail, or a chat notice). May throw only on a bug. */
export type Deliver = (entry: DeliveryEntry) => Promise<DeliveryOutcome>;

/** Exponential backoff for temporary failures: 30 s, 1 min, 2 min, ... at most 30 min apart. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this many failed deliveries (counted by the outbox, across workers) the delivery is recorded as failed. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 16 };

/** The delay before attempt `failures + 1`, after `failures` temporary failures (1, 2, ...). */
export function retryDelayMs(failures: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

export interface DeliveryWorkerOptions {
  /** The lane this worker delivers. */
  queue: DeliveryQueue;
  deliver: Deliver;
  /** What is delivered, for the log: "mail", "chat notice". */
  noun: string;
  /** The real clock, also when the bot's clock is pinned: leases and retries need time to pass. */
  clock?: Clock;
  workerId?: string;
  /** Entries claimed at once; they are delivered in parallel, each attempt bounded by the transport's timeouts. */
  batchSize?: number;
  /** Longer than one attempt can take, so a live worker keeps its claim. */
  leaseMs?: number;
  retry?: RetryPolicy;
  logger?: DeliveryLogger;
  /**
   * Why an entry is no longer to be delivered (a reminder to someone who cancelled since), or null;
   * a withdrawn entry is recorded as failed with that reason, never sent. A throw counts as a temporary failure.
   */
  withdrawn?: (entry: DeliveryEntry) => Promise<string | null>;
}

/** What one pass did, for tests and the log. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

const silentLogger: DeliveryLogger = { info() {}, warn() {}, error() {} };

/**
 * Delivers the entries of one outbox lane: claims a batch (the lease keeps other workers off it),
 * delivers each and records the outcome. At least once: a crash after the other side accepted
 * but before `markSent` lets the lease expire and another worker delivers it again (at most one
 * duplicate per crash). A delivery recorded as sent is never claimed again (the outbox guarantees it).
 */
export class DeliveryWorker {
  readonly workerId: string;
  readonly #queue: DeliveryQueue;
  readonly #deliver: Deliver;
  readonly #noun: string;
  readonly #clock: Clock;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #retry: RetryPolicy;
  readonly #logger: DeliveryLogger;
  readonly #withdrawn: DeliveryWorkerOptions['withdrawn'];

  constructor(options: DeliveryWorkerOptions) {
    this.workerId = options.workerId ?? `${options.queue.lane}-${randomUUID()}`;
    this.#queue = options.queue;
    this.#deliver = options.deliver;
    this.#noun = options.noun;
    this.#clock = options.clock ?? systemClock;
    this.#batchSize = options.batchSize ?? 5;
    this.#leaseMs = options.leaseMs ?? 3 * 60_000;
    this.#retry = options.retry ?? defaultRetryPolicy;
    this.#logger = options.logger ?? silentLogger;
    this.#withdrawn = options.withdrawn;
  }

  /** The lane this worker delivers. */
  get lane(): DeliveryQueue['lane'] {
    return this.#queue.lane;
  }

  /** Claims one batch of due entries and settles each of them. */
  async runOnce(): Promise<DeliveryReport & { claimed: number }> {
    const entries = await this.#queue.claim(this.workerId, this.#batchSize, this.#leaseMs, this.#clock.now());
    const outcomes = await Promise.all(entries.map((entry) => this.#attempt(entry)));
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

  async #attempt(entry: DeliveryEntry): Promise<'sent' | 'retried' | 'failed'> {
    const about = { entryId: entry.id, kind: entry.kind, lane: entry.lane, workerId: this.workerId };
    let outcome: DeliveryOutcome;
    try {
      const withdrawn = this.#withdrawn ? await this.#withdrawn(entry) : null;
      if (withdrawn !== null) {
        await this.#queue.markFailed(entry.id, this.workerId, withdrawn, this.#clock.now());
        this.#logger.info(about, `${this.#noun} withdrawn`);
        return 'failed';
      }
    } catch (error) {
      outcome = { ok: false, reason: 'temporary', error: `could not check the entry: ${String(error)}`.slice(0, 500), code: 'store' };
      return this.#settleFailure(entry, about, outcome);
    }
    try {
      outcome = await this.#deliver(entry);
    } catch (error) {
      // A bug or an entry from another version: retrying would fail the same way, so it is recorded.
      await this.#queue.markFailed(entry.id, this.workerId, `could not deliver: ${String(error)}`.slice(0, 500), this.#clock.now());
      this.#logger.error({ ...about, err: String(error) }, `${this.#noun} not sent: delivering failed`);
      return 'failed';
    }
    if (outcome.ok) {
      await this.#queue.markSent(entry.id, this.workerId, this.#clock.now());
      this.#logger.info(about, `${this.#noun} sent`);
      return 'sent';
    }
    return this.#settleFailure(entry, about, outcome);
  }

  /** A failed attempt: retried with backoff, or recorded as failed when permanent or out of attempts. */
  async #settleFailure(entry: DeliveryEntry, about: object, outcome: Extract<DeliveryOutcome, { ok: false }>): Promise<'retried' | 'failed'> {
    // The outbox counts the failures, so a restarted or another worker carries on the same backoff.
    const failures = entry.attempts + 1;
    if (outcome.reason === 'permanent' || failures >= this.#retry.maxAttempts) {
      const why = outcome.reason === 'permanent' ? outcome.error : `gave up after ${failures} attempts: ${outcome.error}`;
      await this.#queue.markFailed(entry.id, this.workerId, why, this.#clock.now());
      this.#logger.error({ ...about, code: outcome.code, attempts: failures }, `${this.#noun} failed for good; see the failed outbox entries`);
      return 'failed';
    }
    const delay = Math.max(retryDelayMs(failures, this.#retry), outcome.retryAfterMs ?? 0);
    await this.#queue.markRetry(entry.id, this.workerId, new Date(this.#clock.now().getTime() + delay), outcome.error);
    this.#logger.warn({ ...about, code: outcome.code, attempts: failures, retryInMs: delay }, `${this.#noun} not delivered yet; will retry`);
    return 'retried';
  }
}
