import type { DeliveryEntry, Outbox, OutboxEntry } from '../core/index.ts';

interface OutboxItem {
  entry: OutboxEntry;
  state: 'pending' | 'sent' | 'failed';
  /** Epoch ms from which a pending entry may be claimed. */
  dueAt: number;
  leaseOwner: string | null;
  leaseUntil: number;
  attempts: number;
  lastError: string | null;
}

function delivery(item: OutboxItem): DeliveryEntry {
  return { ...structuredClone(item.entry), attempts: item.attempts, lastError: item.lastError };
}

/**
 * The in-memory outbox that MemorySeatLedger writes into. Rules (the Redis outbox mirrors them):
 * - claim: pending entries with dueAt <= now and no live lease (none, or leaseUntil <= now), in
 *   the order they were written, up to `limit`; each gets the lease (worker, now + leaseMs).
 * - markSent: the entry becomes sent from any state (the message went out) and is never claimed again.
 * - markRetry / markFailed: only by the worker holding the lease of a pending entry; otherwise
 *   ignored (another worker took over after the lease expired). Unknown ids are ignored. Each
 *   counts one attempt and keeps its error, which claim and list hand out with the entry.
 */
export class MemoryOutbox implements Outbox {
  readonly #items = new Map<string, OutboxItem>();

  /** Writes an entry; an id already written is left as it is. */
  add(entry: OutboxEntry): void {
    if (this.#items.has(entry.id)) return;
    this.#items.set(entry.id, {
      entry: structuredClone(entry),
      state: 'pending',
      dueAt: Number.NEGATIVE_INFINITY,
      leaseOwner: null,
      leaseUntil: 0,
      attempts: 0,
      lastError: null,
    });
  }

  async claim(workerId: string, limit: number, leaseMs: number, now: Date): Promise<DeliveryEntry[]> {
    const at = now.getTime();
    const claimed: DeliveryEntry[] = [];
    for (const item of this.#items.values()) {
      if (claimed.length >= limit) break;
      if (item.state !== 'pending' || item.dueAt > at) continue;
      if (item.leaseOwner !== null && item.leaseUntil > at) continue;
      item.leaseOwner = workerId;
      item.leaseUntil = at + leaseMs;
      claimed.push(delivery(item));
    }
    return claimed;
  }

  async markSent(entryId: string, _workerId: string, _now: Date): Promise<void> {
    const item = this.#items.get(entryId);
    if (!item) return;
    item.state = 'sent';
    item.leaseOwner = null;
  }

  async markRetry(entryId: string, workerId: string, retryAt: Date, error: string): Promise<void> {
    const item = this.#heldBy(entryId, workerId);
    if (!item) return;
    item.dueAt = retryAt.getTime();
    item.leaseOwner = null;
    item.attempts += 1;
    item.lastError = error;
  }

  async markFailed(entryId: string, workerId: string, error: string, _now: Date): Promise<void> {
    const item = this.#heldBy(entryId, workerId);
    if (!item) return;
    item.state = 'failed';
    item.leaseOwner = null;
    item.attempts += 1;
    item.lastError = error;
  }

  async list(state: 'pending' | 'sent' | 'failed'): Promise<DeliveryEntry[]> {
    return [...this.#items.values()].filter((item) => item.state === state).map(delivery);
  }

  #heldBy(entryId: string, workerId: string): OutboxItem | null {
    const item = this.#items.get(entryId);
    return item && item.state === 'pending' && item.leaseOwner === workerId ? item : null;
  }
}
