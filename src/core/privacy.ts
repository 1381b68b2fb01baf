import { zonedTime } from './clock.ts';
import type { EventData } from './event.ts';
import type { OrganisationType } from './registration.ts';
import type { RegistrationRecord } from './seat-ledger.ts';

const dayMs = 24 * 3600_000;

/** When the reminders go out: `days` before the event starts (its first hour, in its zone). */
export function reminderDueAt(event: EventData, days: number): Date {
  return new Date(zonedTime(event.date, event.hours.start, event.timezone).getTime() - days * dayMs);
}

/** When the personal data is purged: `days` after the event ended. */
export function purgeDueAt(event: EventData, days: number): Date {
  return new Date(zonedTime(event.date, event.hours.end, event.timezone).getTime() + days * dayMs);
}

/** The start of the event: no reminder is written from then on. */
export function eventStartsAt(event: EventData): Date {
  return zonedTime(event.date, event.hours.start, event.timezone);
}

/**
 * Whether a registration can still be cancelled: after the registration deadline no change is made
 * any more, but "ik kan toch niet komen" frees a seat for the waiting list until the day starts.
 */
export function isCancellationOpen(event: EventData, now: Date): boolean {
  return now.getTime() < eventStartsAt(event).getTime();
}

/** The counts that stay after the purge, for the organisers' report: nothing in them points at a person. */
export interface AnonymousCounts {
  /** ISO time of the purge. */
  purgedAt: string;
  confirmed: number;
  waitlisted: number;
  /** Confirmed holders per session number. */
  sessions: Record<string, number>;
  /** Registrations (confirmed and waitlisted) per organisation type. */
  organisationTypes: Partial<Record<OrganisationType, number>>;
  booksOrdered: number;
}

/** What a purge of the ledger blanks (or would blank): counts only, so the preview itself holds no personal data. */
export interface PurgePreview {
  /** Registrations whose name, e-mail, phone, organisation, address and owner are blanked (they keep sessions and type). */
  registrations: number;
  /** Outbox entries whose copies of personal fields are blanked. */
  outboxEntries: number;
  /** Kept results of commands (for idempotent retries), deleted: after the event nothing is retried. */
  commandResults: number;
  /** Conversation states, turn locks, address book entries and short-lived values of the event, deleted (Redis: in the same script). */
  chatData: number;
}

/** The outcome of a purge of the ledger: what went, and the counts kept. */
export interface PurgeReport extends PurgePreview {
  counts: AnonymousCounts;
}

/**
 * What the ledger does with personal data beyond seat changes: the reminders before the event, a
 * person's data mailed to them, forgetting one registration, and the purge after the event.
 * Implemented by both ledgers next to SeatLedger (memory and Redis; Lua for the atomic parts).
 */
export interface PersonalDataLedger {
  /**
   * Writes a `reminder` outbox entry for every confirmed registration that has none yet, atomically
   * per pass: once per registration, also when several processes run it. Returns how many it wrote.
   */
  writeReminders(at: Date): Promise<number>;
  /** Writes a `data_export` entry (a mail to the registration's address with the JSON attached); false when there is no such registration. */
  writeDataExport(registrationId: string, dataExport: string, key: string, at: Date): Promise<boolean>;
  /**
   * After a cancel at the person's request: blanks the personal fields of `registrationId` in every
   * outbox entry and kept command result that still holds them; deliveries of it still pending are
   * withdrawn (recorded as failed, "withdrawn"). Returns how many entries were blanked.
   */
  forgetRegistration(registrationId: string): Promise<number>;
  /** What `purge` would remove, changing nothing. */
  purgePreview(): Promise<PurgePreview>;
  /**
   * Removes all personal data of the event: registrations keep only their status, seq, sessions,
   * organisation type and book yes/no (so the invariants still hold); outbox copies are blanked;
   * kept command results are deleted. Keeps the anonymous counts (purgedCounts). Running it again changes nothing more.
   */
  purge(at: Date): Promise<PurgeReport>;
  /** The counts the last purge kept, or null before any. */
  purgedCounts(): Promise<AnonymousCounts | null>;
}

/** The counts of a ledger's registrations (before they are blanked). */
export function anonymousCounts(registrations: readonly RegistrationRecord[], at: Date): AnonymousCounts {
  const counts: AnonymousCounts = { purgedAt: at.toISOString(), confirmed: 0, waitlisted: 0, sessions: {}, organisationTypes: {}, booksOrdered: 0 };
  for (const r of registrations) {
    counts[r.status] += 1;
    counts.organisationTypes[r.organisationType] = (counts.organisationTypes[r.organisationType] ?? 0) + 1;
    if (r.book) counts.booksOrdered += 1;
    if (r.status === 'confirmed') for (const n of r.sessions) counts.sessions[String(n)] = (counts.sessions[String(n)] ?? 0) + 1;
  }
  return counts;
}

/** The string fields that hold personal data wherever they occur in a registration, an outbox entry or a result. */
export const personalFields = ['firstName', 'lastName', 'email', 'phone', 'organisation', 'owner', 'street', 'postalCode', 'city', 'country', 'dataExport'] as const;

/**
 * A copy of `value` with every personal string field blanked, at any depth (registrations, the
 * previous details of an outbox entry, a command's kept result). Arrays and other fields stay.
 */
export function blankPersonalFields<T>(value: T): T {
  const fields: ReadonlySet<string> = new Set(personalFields);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fields.has(k) && typeof x === 'string' ? '' : walk(x)]));
  };
  return walk(value) as T;
}

/** The e-mail a purged registration keeps: unique (the invariant) and nobody's (`.invalid` is reserved). */
export function purgedEmail(registrationId: string): string {
  return `${registrationId}@purged.invalid`;
}

/** A registration after the purge: its place in the ledger without the person. */
export function purgedRecord(r: RegistrationRecord): RegistrationRecord {
  return { ...blankPersonalFields(r), email: purgedEmail(r.id) };
}
