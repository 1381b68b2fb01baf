import {
  channelOfUserKey,
  chatLane,
  mailOnlyKinds,
  deliveryStates,
  type DeliveryCount,
  type DeliveryEntry,
  type DeliveryLane,
  type DeliveryQueue,
  type DeliveryState,
  type Outbox,
  type OutboxEntry,
  blankPersonalFields,
} from '../core/index.ts';

/** One delivery of an entry in one lane. */
interface Delivery {
  state: DeliveryState;
  /** Epoch ms from which a pending delivery may be claimed. */
  dueAt: number;
  leaseOwner: string | null;
  leaseUntil: number;
  attempts: number;
  lastError: string | null;
}

/** Options of the outbox: which channels' owners get a chat lane next to the mail. */
export interface OutboxOptions {
  /** Channels with a notifier (`telegram`): an entry whose owner is `telegram:<id>` is also delivered in `chat:telegram`. */
  chatChannels?: readonly string[];
}

/**
 * The in-memory outbox that MemorySeatLedger writes into. Rules (the Redis outbox mirrors them),
 * per lane:
 * - add: every entry gets a mail delivery, and a chat delivery in `chat:<channel>` when its
 *   owner's channel is one of `chatChannels` (not for the mail-only kinds).
 * - claim: pending deliveries with dueAt <= now and no live lease (none, or leaseUntil <= now), in
 *   the order their entries were written, up to `limit`; each gets the lease (worker, now + leaseMs).
 * - markSent: the delivery becomes sent from any state (the message went out) and is never claimed again.
 * - markRetry / markFailed: only by the worker holding the lease of a pending delivery; otherwise
 *   ignored (another worker took over after the lease expired). Unknown ids are ignored. Each
 *   counts one attempt and keeps its error, which claim and list hand out with the entry.
 */
export class MemoryOutbox implements Outbox {
  readonly #entries = new Map<string, OutboxEntry>();
  readonly #lanes = new Map<DeliveryLane, Map<string, Delivery>>([['mail', new Map()]]);
  readonly #chatChannels: ReadonlySet<string>;

  constructor(options: OutboxOptions = {}) {
    this.#chatChannels = new Set(options.chatChannels ?? []);
    for (const channel of this.#chatChannels) this.#lanes.set(chatLane(channel), new Map());
  }

  /** Writes an entry and its deliveries; an id already written is left as it is (false). */
  add(entry: OutboxEntry): boolean {
    if (this.#entries.has(entry.id)) return false;
    this.#entries.set(entry.id, structuredClone(entry));
    const fresh = (): Delivery => ({ state: 'pending', dueAt: Number.NEGATIVE_INFINITY, leaseOwner: null, leaseUntil: 0, attempts: 0, lastError: null });
    this.#lanes.get('mail')?.set(entry.id, fresh());
    const channel = channelOfUserKey(entry.registration.owner);
    if (channel !== null && this.#chatChannels.has(channel) && !mailOnlyKinds.has(entry.kind)) this.#lanes.get(chatLane(channel))?.set(entry.id, fresh());
    return true;
  }

  /**
   * Blanks the personal fields of the entries `pick` selects and withdraws their pending deliveries
   * (failed, `reason`); with `dryRun` it only counts. Returns how many entries held personal data.
   */
  blank(pick: (entry: OutboxEntry) => boolean, reason: string, dryRun = false): number {
    let count = 0;
    for (const [id, entry] of this.#entries) {
      if (!pick(entry)) continue;
      const blanked = blankPersonalFields(entry);
      if (JSON.stringify(blanked) !== JSON.stringify(entry)) count += 1;
      if (dryRun) continue;
      this.#entries.set(id, blanked);
      for (const deliveries of this.#lanes.values()) {
        const d = deliveries.get(id);
        if (d?.state !== 'pending') continue;
        d.state = 'failed';
        d.leaseOwner = null;
        d.lastError = reason;
      }
    }
    return count;
  }

  /**
   * Gives every entry the id `purged-<write order>`, keeping its order and delivery state (the
   * purge: an entry id holds the command key it came from, which may name a chat user).
   */
  renameForPurge(): void {
    const ids = new Map([...this.#entries.keys()].map((id, i) => [id, `purged-${i + 1}`]));
    // In place: the lanes' queues handed out before (to running workers) hold these very maps.
    const rename = <T>(map: Map<string, T>, value: (id: string, v: T) => T = (_id, v) => v) => {
      const renamed = [...map].map(([id, v]) => [ids.get(id) ?? id, v] as const);
      map.clear();
      for (const [id, v] of renamed) map.set(id, value(id, v));
    };
    rename(this.#entries, (id, entry) => ({ ...entry, id }));
    for (const deliveries of this.#lanes.values()) rename(deliveries);
  }

  lane(lane: DeliveryLane): DeliveryQueue {
    const deliveries = this.#lanes.get(lane) ?? new Map<string, Delivery>();
    const handOut = (id: string, d: Delivery) => this.#handOut(lane, id, d);
    const heldBy = (entryId: string, workerId: string) => {
      const d = deliveries.get(entryId);
      return d && d.state === 'pending' && d.leaseOwner === workerId ? d : null;
    };
    return {
      lane,
      claim: async (workerId, limit, leaseMs, now) => {
        const at = now.getTime();
        const claimed: DeliveryEntry[] = [];
        for (const [id, d] of deliveries) {
          if (claimed.length >= limit) break;
          if (d.state !== 'pending' || d.dueAt > at) continue;
          if (d.leaseOwner !== null && d.leaseUntil > at) continue;
          d.leaseOwner = workerId;
          d.leaseUntil = at + leaseMs;
          claimed.push(handOut(id, d));
        }
        return claimed;
      },
      markSent: async (entryId) => {
        const d = deliveries.get(entryId);
        if (!d) return;
        d.state = 'sent';
        d.leaseOwner = null;
      },
      markRetry: async (entryId, workerId, retryAt, error) => {
        const d = heldBy(entryId, workerId);
        if (!d) return;
        d.dueAt = retryAt.getTime();
        d.leaseOwner = null;
        d.attempts += 1;
        d.lastError = error;
      },
      markFailed: async (entryId, workerId, error) => {
        const d = heldBy(entryId, workerId);
        if (!d) return;
        d.state = 'failed';
        d.leaseOwner = null;
        d.attempts += 1;
        d.lastError = error;
      },
    };
  }

  async list(state: DeliveryState, lane?: DeliveryLane): Promise<DeliveryEntry[]> {
    const lanes = lane ? [lane] : [...this.#lanes.keys()];
    return lanes.flatMap((name) => [...(this.#lanes.get(name) ?? new Map<string, Delivery>())].filter(([, d]) => d.state === state).map(([id, d]) => this.#handOut(name, id, d)));
  }

  async counts(): Promise<DeliveryCount[]> {
    return [...this.#lanes].flatMap(([lane, deliveries]) =>
      deliveryStates.map((state) => ({ lane, state, count: [...deliveries.values()].filter((d) => d.state === state).length })),
    );
  }

  #handOut(lane: DeliveryLane, id: string, d: Delivery): DeliveryEntry {
    return { ...structuredClone(this.#entries.get(id) as OutboxEntry), lane, attempts: d.attempts, lastError: d.lastError };
  }
}
