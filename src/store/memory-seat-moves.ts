import type { ChangeSeriesResult, EventData, Movements, OutboxEntry, RegistrationRecord } from '../core/index.ts';
import { seriesIndexOf } from '../core/index.ts';
import type { MemoryWaitlists } from './memory-waitlists.ts';
import { hasFreeSeat, moveSeats, seatChoice, withSeriesSession, type SeatCounts } from './seat-ledger-rules.ts';

// The moves of the memory ledger that walk the waiting lists (seat-ledger-rules.ts, rules 2 and 3),
// apart from its commands: a change within one series, bumps after a lowered cap, and the
// promotion pass after every change.

/** What one command is doing: its name, key and time, and the outbox entries it writes. */
export interface Step {
  command: string;
  key: string;
  at: string;
  entries: OutboxEntry[];
}

/** The parts of MemorySeatLedger the moves read and change. */
export interface LedgerParts {
  event: EventData;
  seats: SeatCounts;
  registrations: ReadonlyMap<string, RegistrationRecord>;
  waitlists: MemoryWaitlists;
  put(record: RegistrationRecord): void;
  write(step: Step, kind: OutboxEntry['kind'], registration: RegistrationRecord, extra?: Pick<OutboxEntry, 'previousSessions' | 'previousDetails' | 'sessionNumber'>): void;
}

/** `record` with its waits set (the field left out when there are none, as the ledgers store it). */
export function withWaits(record: RegistrationRecord, waitingFor: readonly number[]): RegistrationRecord {
  const { waitingFor: _old, ...rest } = record;
  return waitingFor.length > 0 ? { ...rest, waitingFor: [...waitingFor] } : rest;
}

/** Rule 2 for the venue: `bumped` go to the venue waiting list holding nothing (keeping their seq), then promotion. */
export function bumpFromVenue(ledger: LedgerParts, bumped: RegistrationRecord[], step: Step): Movements {
  const moved = bumped.map((r) => {
    moveSeats(ledger.seats, r.sessions, -1);
    const record: RegistrationRecord = { ...r, status: 'waitlisted', updatedAt: step.at };
    ledger.put(record);
    ledger.write(step, 'bumped', record);
    return record;
  });
  return { bumped: moved, promoted: promote(ledger, step) };
}

/** Rule 2 for a session: `bumped` give it up and wait for it (unless it was a fallback), keeping all else. */
export function bumpFromSession(ledger: LedgerParts, sessionNumber: number, bumped: RegistrationRecord[], step: Step): Movements {
  const index = seriesIndexOf(ledger.event, sessionNumber);
  const moved = bumped.map((r) => {
    moveSeats(ledger.seats, [sessionNumber], -1, false);
    const waits = r.waitingFor?.some((n) => seriesIndexOf(ledger.event, n) === index) ? (r.waitingFor ?? []) : withSeriesSession(ledger.event, r.waitingFor ?? [], index, sessionNumber);
    const record = withWaits({ ...r, sessions: r.sessions.filter((n) => n !== sessionNumber), updatedAt: step.at }, waits);
    ledger.put(record);
    ledger.write(step, 'bumped', record, { sessionNumber });
    return record;
  });
  return { bumped: moved, promoted: promote(ledger, step) };
}

/** Rule 3: the sessions' waiting lists, then the venue's. */
export function promote(ledger: LedgerParts, step: Step): RegistrationRecord[] {
  const promoted: RegistrationRecord[] = [];
  for (;;) {
    const head = ledger.waitlists.sessionHead(ledger.registrations, (n) => hasFreeSeat(ledger.seats, n));
    if (!head) break;
    const { sessionNumber, record: r } = head;
    const index = seriesIndexOf(ledger.event, sessionNumber);
    const fallback = r.sessions.find((n) => seriesIndexOf(ledger.event, n) === index);
    moveSeats(ledger.seats, [sessionNumber], 1, false);
    if (fallback !== undefined) moveSeats(ledger.seats, [fallback], -1, false);
    const record = withWaits(
      { ...r, sessions: withSeriesSession(ledger.event, r.sessions, index, sessionNumber), updatedAt: step.at },
      (r.waitingFor ?? []).filter((n) => n !== sessionNumber),
    );
    ledger.put(record);
    ledger.write(step, 'promoted', record, { sessionNumber });
    promoted.push(record);
  }
  while (ledger.seats.venueTaken < ledger.seats.venueCap) {
    const r = ledger.waitlists.venueHead(ledger.registrations);
    if (!r) break;
    const plan = seatChoice(ledger.event, ledger.seats, r.sessions, r.waitingFor ?? [], true);
    moveSeats(ledger.seats, plan.sessions, 1);
    const record = withWaits({ ...r, status: 'confirmed', sessions: plan.sessions, updatedAt: step.at }, plan.waitingFor);
    ledger.put(record);
    ledger.write(step, 'promoted', record);
    promoted.push(record);
  }
  return promoted;
}

/** Rule 1 for one series of a registration: take the new seat before releasing the old, then promote. */
export function setSeries(ledger: LedgerParts, current: RegistrationRecord, index: number, hold: number | null, wait: number | null, step: Step): ChangeSeriesResult {
  const held = current.sessions.find((n) => seriesIndexOf(ledger.event, n) === index) ?? null;
  const waited = current.waitingFor?.find((n) => seriesIndexOf(ledger.event, n) === index) ?? null;
  let [nextHold, nextWait] = [hold, wait];
  const confirmed = current.status === 'confirmed';
  // With a venue seat, a session waited for that is held already, or has a free seat, is simply held.
  if (confirmed && nextWait !== null && (nextWait === held || hasFreeSeat(ledger.seats, nextWait))) [nextHold, nextWait] = [nextWait, null];
  if (nextHold === held && nextWait === waited) return { ok: false, reason: 'unchanged' };
  if (confirmed && nextHold !== null && nextHold !== held) {
    if (!hasFreeSeat(ledger.seats, nextHold)) return { ok: false, reason: 'session_full', sessionNumbers: [nextHold] };
    moveSeats(ledger.seats, [nextHold], 1, false);
    if (held !== null) moveSeats(ledger.seats, [held], -1, false);
  } else if (confirmed && nextHold === null && held !== null) moveSeats(ledger.seats, [held], -1, false);
  const changed = withWaits(
    { ...current, sessions: withSeriesSession(ledger.event, current.sessions, index, nextHold), updatedAt: step.at },
    withSeriesSession(ledger.event, current.waitingFor ?? [], index, nextWait),
  );
  ledger.put(changed);
  ledger.write(step, 'session_changed', changed, { previousSessions: [...current.sessions] });
  const promoted = promote(ledger, step);
  return { ok: true, registration: ledger.registrations.get(changed.id) ?? changed, previousSessions: [...current.sessions], bumped: [], promoted };
}
