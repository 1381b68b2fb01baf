import type { AuditEntry, AuditLog, CheckinBook, CheckinMark } from '../core/index.ts';

/** How many audit entries a store keeps (the oldest go first). */
export const auditKept = 10_000;

/** The audit log of one process. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.#entries.push({ ...entry });
    if (this.#entries.length > auditKept) this.#entries.shift();
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return this.#entries.slice(-limit).reverse();
  }
}

/** The check-ins of one process. */
export class MemoryCheckinBook implements CheckinBook {
  readonly #checkins = new Map<string, string>();

  async mark(registrationId: string, at: Date): Promise<CheckinMark> {
    const before = this.#checkins.get(registrationId);
    if (before !== undefined) return { first: false, at: before };
    const iso = at.toISOString();
    this.#checkins.set(registrationId, iso);
    return { first: true, at: iso };
  }

  async all(): Promise<Map<string, string>> {
    return new Map(this.#checkins);
  }
}
