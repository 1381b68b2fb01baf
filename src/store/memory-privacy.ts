import {
  anonymousCounts,
  blankPersonalFields,
  purgedEmail,
  purgedRecord,
  type AnonymousCounts,
  type PersonalDataLedger,
  type PurgePreview,
  type PurgeReport,
  type RegistrationRecord,
} from '../core/index.ts';
import type { MemoryOutbox } from './memory-outbox.ts';
import { outboxEntryId } from './seat-ledger-rules.ts';

/** The parts of MemorySeatLedger the privacy half works on: its maps, shared, not copied. */
export interface MemoryLedgerParts {
  registrations: Map<string, RegistrationRecord>;
  idByEmail: Map<string, string>;
  idsByOwner: Map<string, Set<string>>;
  results: Map<string, { digest: string; result: unknown }>;
  outbox: MemoryOutbox;
}

const withdrawnErased = 'withdrawn: the person had their data deleted';
const withdrawnPurged = 'withdrawn: personal data purged after the event';

/** The privacy half of MemorySeatLedger; the same rules as the Redis scripts (privacy-*.lua). */
export class MemoryPrivacy implements PersonalDataLedger {
  readonly #reminded = new Set<string>();
  #counts: AnonymousCounts | null = null;

  constructor(private readonly parts: MemoryLedgerParts) {}

  async writeReminders(at: Date): Promise<number> {
    if (this.#counts) return 0;
    let written = 0;
    for (const r of this.parts.registrations.values()) {
      if (r.status !== 'confirmed' || this.#reminded.has(r.id)) continue;
      this.#reminded.add(r.id);
      this.parts.outbox.add({ id: outboxEntryId('reminder', 'before-event', 'reminder', r.id), kind: 'reminder', registration: structuredClone(r), createdAt: at.toISOString() });
      written += 1;
    }
    return written;
  }

  async writeDataExport(registrationId: string, dataExport: string, key: string, at: Date): Promise<boolean> {
    const r = this.parts.registrations.get(registrationId);
    if (!r) return false;
    this.parts.outbox.add({ id: outboxEntryId('export', key, 'data_export', r.id), kind: 'data_export', registration: structuredClone(r), dataExport, createdAt: at.toISOString() });
    return true;
  }

  async forgetRegistration(registrationId: string): Promise<number> {
    let blanked = this.parts.outbox.blank((entry) => entry.registration.id === registrationId, withdrawnErased);
    const holds = `"id":${JSON.stringify(registrationId)}`;
    for (const kept of this.parts.results.values()) {
      if (!JSON.stringify(kept.result).includes(holds)) continue;
      kept.result = blankPersonalFields(kept.result);
      blanked += 1;
    }
    return blanked;
  }

  async purgePreview(): Promise<PurgePreview> {
    const people = [...this.parts.registrations.values()].filter((r) => r.email !== purgedEmail(r.id)).length;
    return { registrations: people, outboxEntries: this.parts.outbox.blank(() => true, '', true), commandResults: this.parts.results.size, chatData: 0 };
  }

  async purge(at: Date): Promise<PurgeReport> {
    const preview = await this.purgePreview();
    const records = [...this.parts.registrations.values()];
    this.#counts ??= anonymousCounts(records, at);
    this.parts.idByEmail.clear();
    this.parts.idsByOwner.clear();
    for (const r of records) this.parts.registrations.set(r.id, purgedRecord(r));
    this.parts.outbox.blank(() => true, withdrawnPurged);
    this.parts.outbox.renameForPurge();
    this.parts.results.clear();
    return { ...preview, counts: structuredClone(this.#counts) };
  }

  async purgedCounts(): Promise<AnonymousCounts | null> {
    return this.#counts ? structuredClone(this.#counts) : null;
  }
}
