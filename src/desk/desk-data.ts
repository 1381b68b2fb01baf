import type { DeliveryCount, DeliveryEntry, EventData, LedgerSnapshot, OrganisationType, RegistrationRecord } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import { messages } from '../dialogs/i18n/index.ts';
import type { DeskDeps } from './desk-context.ts';

// Every read of the ledger the desk does goes through this file, so that a change of the ledger's
// read API (per-session waiting lists) is adapted in one place.

/** What every desk page reads: the ledger's snapshot and the check-ins. */
export interface DeskData {
  snapshot: LedgerSnapshot;
  /** Registration id -> ISO time of the check-in. */
  checkins: Map<string, string>;
}

export async function readDesk(deps: Pick<DeskDeps, 'ledger' | 'checkins'>): Promise<DeskData> {
  const [snapshot, checkins] = await Promise.all([deps.ledger.snapshot(), deps.checkins.all()]);
  return { snapshot, checkins };
}

export const confirmed = (data: DeskData) => data.snapshot.registrations.filter((r) => r.status === 'confirmed');

/** The confirmed holders of a session, in registration order. */
export function holdersOf(data: DeskData, sessionNumber: number): RegistrationRecord[] {
  return confirmed(data).filter((r) => r.sessions.includes(sessionNumber));
}

const byIds = (data: DeskData, ids: readonly string[]) => {
  const records = new Map(data.snapshot.registrations.map((r) => [r.id, r]));
  return ids.flatMap((id) => records.get(id) ?? []);
};

/** Who waits for a session on its own waiting list, first come first served (the ledger's order). */
export function waitingFor(data: DeskData, sessionNumber: number): RegistrationRecord[] {
  const list = data.snapshot.waitlists?.sessions.find((s) => s.sessionNumber === sessionNumber);
  if (list) return byIds(data, list.registrationIds);
  return data.snapshot.registrations.filter((r) => (r.waitingFor ?? []).includes(sessionNumber)).sort((a, b) => a.seq - b.seq);
}

/** The venue's waiting list (registrations that hold nothing yet), in order. */
export function waitingList(data: DeskData): RegistrationRecord[] {
  if (data.snapshot.waitlists) return byIds(data, data.snapshot.waitlists.venue);
  return data.snapshot.registrations.filter((r) => r.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
}

/** The confirmed registrations with a book order. */
export function bookOrders(data: DeskData): RegistrationRecord[] {
  return confirmed(data).filter((r) => r.book !== null);
}

/** The registration with number `seq`, or null. */
export function bySeq(data: DeskData, seq: number): RegistrationRecord | null {
  return data.snapshot.registrations.find((r) => r.seq === seq) ?? null;
}

export const fullName = (r: RegistrationRecord) => `${r.firstName} ${r.lastName}`;

export function organisationTypeLabel(type: OrganisationType): string {
  return messages('nl').organisationTypes[type];
}

/** "3 · Sociale economie in de praktijk (Zaal 2+3)". */
export function sessionLabel(event: EventData, sessionNumber: number): string {
  const session = findSession(event, sessionNumber);
  return session ? `${session.number} · ${session.title} (${session.room})` : `${sessionNumber}`;
}

/** The outbox as the overview shows it: counts by lane and state, and the failed deliveries. */
export async function readOutbox(deps: Pick<DeskDeps, 'outbox'>): Promise<{ counts: DeliveryCount[]; failed: DeliveryEntry[] }> {
  const [counts, failed] = await Promise.all([deps.outbox.counts(), deps.outbox.list('failed')]);
  return { counts, failed };
}

/** Whether `r` matches a search (name, organisation or e-mail; case and accents ignored). */
export function matchesSearch(r: RegistrationRecord, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  const haystack = fold(`${r.firstName} ${r.lastName} ${r.organisation} ${r.email} #${r.seq}`);
  return words.every((w) => haystack.includes(w));
}
