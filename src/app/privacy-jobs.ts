import { eventStartsAt, purgeDueAt, reminderDueAt, type Clock, type DeliveryEntry, type EventData, type PersonalDataLedger, type PurgeReport, type SeatLedger } from '../core/index.ts';

/** The stores the purge empties besides the ledger: the in-memory ones (Redis deletes the event's keys in the purge script). */
export interface ClearableStore {
  clear(): number;
}

/** What the purge works on: the ledger's privacy half, and the in-memory chat stores to empty (none with Redis). */
export interface PurgeTargets {
  privacy: PersonalDataLedger;
  chatStores?: readonly ClearableStore[];
}

/**
 * Purges the event's personal data now (privacy.ts, PersonalDataLedger.purge), keeping the anonymous
 * counts: the one function behind `admin purge`, the automatic purge and (later) the organiser desk.
 */
export async function purgePersonalData(targets: PurgeTargets, at: Date): Promise<PurgeReport> {
  const report = await targets.privacy.purge(at);
  const cleared = (targets.chatStores ?? []).reduce((sum, store) => sum + store.clear(), 0);
  return { ...report, chatData: report.chatData + cleared };
}

/** What a pass of the privacy jobs did. */
export interface PrivacyPass {
  reminders: number;
  purged: PurgeReport | null;
}

export interface PrivacyJobsOptions extends PurgeTargets {
  event: EventData;
  /** The bot's clock (BALIE_NOW pins it): the reminder and the purge follow the event's calendar, not the real time. */
  clock: Clock;
  reminderDays: number;
  purgeDaysAfter: number;
}

/**
 * The scheduled work on personal data, run every poll by every process: from `reminderDays` before
 * the event until it starts, the reminders of confirmed registrations that have none yet (the ledger
 * writes each once, whichever process runs first, also after a restart); from `purgeDaysAfter` after
 * it, the purge, once (the ledger keeps its counts, which say it ran).
 */
export class PrivacyJobs {
  readonly #options: PrivacyJobsOptions;
  readonly remindFrom: Date;
  readonly remindUntil: Date;
  readonly purgeFrom: Date;

  constructor(options: PrivacyJobsOptions) {
    this.#options = options;
    this.remindFrom = reminderDueAt(options.event, options.reminderDays);
    this.remindUntil = eventStartsAt(options.event);
    this.purgeFrom = purgeDueAt(options.event, options.purgeDaysAfter);
  }

  async runOnce(): Promise<PrivacyPass> {
    const { privacy, clock } = this.#options;
    const now = clock.now();
    const due = now >= this.remindFrom && now < this.remindUntil;
    const reminders = due ? await privacy.writeReminders(now) : 0;
    if (now < this.purgeFrom || (await privacy.purgedCounts()) !== null) return { reminders, purged: null };
    return { reminders, purged: await purgePersonalData(this.#options, now) };
  }
}

/** A running loop of the privacy jobs; `stop()` waits for the pass in progress. */
export interface PrivacyLoop {
  readonly jobs: PrivacyJobs;
  stop(): Promise<void>;
}

/** Runs the jobs every `pollMs` (one pass at a time), reporting failures and what a pass did. */
export function startPrivacyLoop(jobs: PrivacyJobs, options: { pollMs: number; onPass?: (pass: PrivacyPass) => void; onError?: (error: unknown) => void }): PrivacyLoop {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= jobs
      .runOnce()
      .then((pass) => options.onPass?.(pass))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  tick();
  return {
    jobs,
    stop: async () => {
      clearInterval(timer);
      if (running) await running;
    },
  };
}

/**
 * For the delivery workers: a reminder written while the person was confirmed, who has since
 * cancelled or lost their place, is withdrawn instead of sent. Other kinds always go.
 */
export function reminderWithdrawn(ledger: Pick<SeatLedger, 'get'>): (entry: DeliveryEntry) => Promise<string | null> {
  return async (entry) => {
    if (entry.kind !== 'reminder') return null;
    const now = await ledger.get(entry.registration.id);
    return now?.status === 'confirmed' ? null : 'withdrawn: no longer confirmed when the reminder was to go';
  };
}
