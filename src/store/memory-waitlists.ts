import type { RegistrationRecord, Waitlists } from '../core/index.ts';

/**
 * The waiting lists of the memory ledger as indexes over its registrations: the venue's (the
 * waitlisted ones) and one per session (confirmed ones waiting for it). Each is a set of ids; the
 * order is the registrations' seq (first come, first served), applied when a head or a list is read.
 */
export class MemoryWaitlists {
  readonly #venue = new Set<string>();
  readonly #sessions = new Map<number, Set<string>>();

  constructor(sessionNumbers: readonly number[]) {
    for (const n of [...sessionNumbers].sort((a, b) => a - b)) this.#sessions.set(n, new Set());
  }

  /** Moves a registration's entries from what `before` waited for to what `after` waits for (null: gone). */
  update(before: RegistrationRecord | undefined, after: RegistrationRecord | null): void {
    if (before) {
      this.#venue.delete(before.id);
      for (const n of before.waitingFor ?? []) this.#sessions.get(n)?.delete(before.id);
    }
    if (!after) return;
    if (after.status === 'waitlisted') this.#venue.add(after.id);
    else for (const n of after.waitingFor ?? []) this.#sessions.get(n)?.add(after.id);
  }

  get venueLength(): number {
    return this.#venue.size;
  }

  /** How many wait for a session. */
  waiting(sessionNumber: number): number {
    return this.#sessions.get(sessionNumber)?.size ?? 0;
  }

  /** The first on the venue list, or null. */
  venueHead(records: ReadonlyMap<string, RegistrationRecord>): RegistrationRecord | null {
    return first(this.#venue, records);
  }

  /** The first waiter of the lowest-numbered session for which `hasSeat` holds, or null. */
  sessionHead(records: ReadonlyMap<string, RegistrationRecord>, hasSeat: (sessionNumber: number) => boolean): { sessionNumber: number; record: RegistrationRecord } | null {
    for (const [sessionNumber, ids] of this.#sessions) {
      if (ids.size === 0 || !hasSeat(sessionNumber)) continue;
      const record = first(ids, records);
      if (record) return { sessionNumber, record };
    }
    return null;
  }

  /** Every list in its order. */
  lists(records: ReadonlyMap<string, RegistrationRecord>): Waitlists {
    return {
      venue: ordered(this.#venue, records),
      sessions: [...this.#sessions].map(([sessionNumber, ids]) => ({ sessionNumber, registrationIds: ordered(ids, records) })),
    };
  }
}

function first(ids: Iterable<string>, records: ReadonlyMap<string, RegistrationRecord>): RegistrationRecord | null {
  let best: RegistrationRecord | null = null;
  for (const id of ids) {
    const r = records.get(id);
    if (r && (!best || r.seq < best.seq)) best = r;
  }
  return best;
}

function ordered(ids: Iterable<string>, records: ReadonlyMap<string, RegistrationRecord>): string[] {
  return [...ids]
    .map((id) => records.get(id))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r.id);
}
