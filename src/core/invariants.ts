import type { EventData } from './event.ts';
import { emailKey, hasOneSessionPerSeries } from './registration.ts';
import type { LedgerSnapshot } from './seat-ledger.ts';

/**
 * Checks the ledger's invariants and returns every violation (empty when all hold):
 * counters equal the confirmed registrations holding them and stay within their caps;
 * every registration holds exactly one session per series; e-mails are unique; seq is unique.
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
  }
  const waitlisted = registrations.filter((r) => r.status === 'waitlisted').length;
  if (availability.waitlistLength !== waitlisted) {
    violations.push(`waiting list length ${availability.waitlistLength} != ${waitlisted} waitlisted registrations`);
  }
  const emails = new Set<string>();
  const seqs = new Set<number>();
  for (const r of registrations) {
    if (!hasOneSessionPerSeries(event, r.sessions)) violations.push(`registration ${r.id} does not hold one session per series`);
    const key = emailKey(r.email);
    if (emails.has(key)) violations.push(`registration ${r.id} repeats an e-mail address`);
    emails.add(key);
    if (seqs.has(r.seq)) violations.push(`registration ${r.id} repeats seq ${r.seq}`);
    seqs.add(r.seq);
  }
  return violations;
}
