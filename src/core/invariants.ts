import type { EventData } from './event.ts';
import { emailKey, isValidSeriesChoice } from './registration.ts';
import type { LedgerSnapshot } from './seat-ledger.ts';

/**
 * Checks the ledger's invariants and returns every violation (empty when all hold): counters
 * equal the confirmed registrations holding them and stay within their caps; every registration
 * holds and waits for at most one session per series (seat-ledger-rules.ts); e-mails and seq are
 * unique; every waiting list holds exactly its waiters in arrival (seq) order; nobody waits for a
 * session with a free seat, and nobody is on the venue list while the venue has a free seat.
 */
export function findInvariantViolations(event: EventData, snapshot: LedgerSnapshot): string[] {
  const violations: string[] = [];
  const { availability, registrations } = snapshot;
  const confirmed = registrations.filter((r) => r.status === 'confirmed');

  if (availability.venueTaken !== confirmed.length) {
    violations.push(`venue counter ${availability.venueTaken} != ${confirmed.length} confirmed registrations`);
  }
  if (availability.venueTaken > availability.venueCap) {
    violations.push(`venue counter ${availability.venueTaken} above cap ${availability.venueCap}`);
  }
  for (const seats of availability.sessions) {
    const holders = confirmed.filter((r) => r.sessions.includes(seats.sessionNumber)).length;
    if (seats.taken !== holders) violations.push(`session ${seats.sessionNumber} counter ${seats.taken} != ${holders} holders`);
    if (seats.taken > seats.cap) violations.push(`session ${seats.sessionNumber} counter ${seats.taken} above cap ${seats.cap}`);
    const waiters = confirmed.filter((r) => r.waitingFor?.includes(seats.sessionNumber));
    if (seats.waiting !== undefined && seats.waiting !== waiters.length) {
      violations.push(`session ${seats.sessionNumber} waiting ${seats.waiting} != ${waiters.length} waiting for it`);
    }
    if (waiters.length > 0 && seats.taken < seats.cap) violations.push(`session ${seats.sessionNumber} has a free seat and ${waiters.length} waiting for it`);
  }
  const waitlisted = registrations.filter((r) => r.status === 'waitlisted');
  if (availability.waitlistLength !== waitlisted.length) {
    violations.push(`waiting list length ${availability.waitlistLength} != ${waitlisted.length} waitlisted registrations`);
  }
  if (waitlisted.length > 0 && availability.venueTaken < availability.venueCap) violations.push(`the venue has a free seat and ${waitlisted.length} waiting for one`);
  const emails = new Set<string>();
  const seqs = new Set<number>();
  for (const r of registrations) {
    if (!isValidSeriesChoice(event, r.sessions, r.waitingFor ?? [])) violations.push(`registration ${r.id} holds or waits for more than one session of a series, or none of a required one`);
    if (r.waitingFor?.length === 0) violations.push(`registration ${r.id} has an empty waitingFor`);
    const key = emailKey(r.email);
    if (emails.has(key)) violations.push(`registration ${r.id} repeats an e-mail address`);
    emails.add(key);
    if (seqs.has(r.seq)) violations.push(`registration ${r.id} repeats seq ${r.seq}`);
    seqs.add(r.seq);
  }
  if (snapshot.waitlists) {
    const inOrder = (ids: readonly string[]) => ids.map((id) => registrations.find((r) => r.id === id)?.seq ?? Number.NaN);
    const expect = (label: string, ids: readonly string[], members: ReadonlyArray<{ id: string }>) => {
      const seqsOf = inOrder(ids);
      const expected = [...members].sort((a, b) => (registrations.find((r) => r.id === a.id)?.seq ?? 0) - (registrations.find((r) => r.id === b.id)?.seq ?? 0)).map((r) => r.id);
      if (ids.join() !== expected.join() || seqsOf.some((seq, i) => i > 0 && !(seq > seqsOf[i - 1]!))) violations.push(`${label} waiting list ${ids.join(',')} is not ${expected.join(',')} in arrival order`);
    };
    expect('venue', snapshot.waitlists.venue, waitlisted);
    for (const list of snapshot.waitlists.sessions) {
      expect(`session ${list.sessionNumber}`, list.registrationIds, confirmed.filter((r) => r.waitingFor?.includes(list.sessionNumber)));
    }
  }
  return violations;
}
