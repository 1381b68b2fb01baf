import { z } from 'zod';
import type { AnonymousCounts, PersonalDataLedger, PurgePreview, PurgeReport } from '../core/index.ts';
import type { LedgerScripts } from './redis-ledger-scripts.ts';

/** How the privacy half runs a ledger script (RedisSeatLedger's bounded call, after the counters exist). */
type ScriptCall = (script: keyof LedgerScripts, keys: string[], args: string[]) => Promise<unknown>;

const counts = z.object({
  purgedAt: z.string(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  // cjson writes an empty table as {} and a filled one as an object: both are records here.
  sessions: z.record(z.string(), z.number().int()),
  organisationTypes: z.record(z.string(), z.number().int()),
  booksOrdered: z.number().int(),
});
const preview = z.object({ registrations: z.number().int(), outboxEntries: z.number().int(), commandResults: z.number().int(), chatData: z.number().int() });
const report = preview.extend({ counts });

/** Why a delivery was withdrawn, as organisers read it in `admin outbox failed`. */
const withdrawnErased = 'withdrawn: the person had their data deleted';
const withdrawnPurged = 'withdrawn: personal data purged after the event';

/**
 * The privacy half of RedisSeatLedger (privacy-*.lua, each one atomic step over the event's keys).
 * The purge also deletes the event's conversation states, turn locks, address book and values,
 * which live under the same hash tag: so `chatData` counts them here.
 */
export class RedisPrivacy implements PersonalDataLedger {
  constructor(
    private readonly seats: string,
    private readonly call: ScriptCall,
  ) {}

  async writeReminders(at: Date): Promise<number> {
    return Number(await this.call('balieReminders', [this.seats], [at.toISOString()]));
  }

  async writeDataExport(registrationId: string, dataExport: string, key: string, at: Date): Promise<boolean> {
    return Number(await this.call('balieDataExport', [this.seats], [at.toISOString(), key, registrationId, dataExport])) === 1;
  }

  async forgetRegistration(registrationId: string): Promise<number> {
    return Number(await this.call('balieForget', [this.seats], [registrationId, withdrawnErased]));
  }

  async purgePreview(): Promise<PurgePreview> {
    return preview.parse(JSON.parse(String(await this.call('baliePurge', [this.seats], ['', withdrawnPurged, '1']))));
  }

  async purge(at: Date): Promise<PurgeReport> {
    return report.parse(JSON.parse(String(await this.call('baliePurge', [this.seats], [at.toISOString(), withdrawnPurged, '0'])))) as PurgeReport;
  }

  async purgedCounts(): Promise<AnonymousCounts | null> {
    const reply = await this.call('baliePurgedCounts', [this.seats], []);
    return reply == null ? null : (counts.parse(JSON.parse(String(reply))) as AnonymousCounts);
  }
}
