import type { EventData, RegistrationRecord } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import { moveSeats, pickBumped, pickPromoted, type SeatCounts } from '../store/seat-ledger-rules.ts';
import type { DeskData } from './desk-data.ts';

/** What a cap change is about: the venue, or one session. */
export type CapTarget = { kind: 'venue' } | { kind: 'session'; sessionNumber: number };

/** Who a cap change would move, before it happens. */
export interface CapPreview {
  target: CapTarget;
  currentCap: number;
  taken: number;
  newCap: number;
  /** Who would lose their place, latest registration first (LIFO). */
  bumped: RegistrationRecord[];
  /** Who would come off the waiting list, in order. */
  promoted: RegistrationRecord[];
}

/** `venue` or `session-<n>` of a session the event has, else null. */
export function parseCapTarget(raw: string, event: EventData): CapTarget | null {
  if (raw === 'venue') return { kind: 'venue' };
  const match = /^session-(\d{1,3})$/.exec(raw);
  return match && findSession(event, Number(match[1])) ? { kind: 'session', sessionNumber: Number(match[1]) } : null;
}

export const capTargetName = (t: CapTarget) => (t.kind === 'venue' ? 'venue' : `session-${t.sessionNumber}`);

/**
 * The outcome of setting `target`'s cap to `newCap` on the ledger as it stands, by the ledger's own
 * rules (seat-ledger-rules.ts, which the memory and Redis ledgers apply): lowering moves the most
 * recent confirmed holders to the waiting list, then whoever fits is promoted in order.
 */
export function previewCap(data: DeskData, target: CapTarget, newCap: number): CapPreview {
  const { availability } = data.snapshot;
  const seats: SeatCounts = {
    venueCap: availability.venueCap,
    venueTaken: availability.venueTaken,
    sessions: new Map(availability.sessions.map((s) => [s.sessionNumber, { cap: s.cap, taken: s.taken }])),
  };
  const records = new Map(data.snapshot.registrations.map((r) => [r.id, { ...r }]));
  let currentCap: number;
  let taken: number;
  let bumped: RegistrationRecord[];
  if (target.kind === 'venue') {
    [currentCap, taken] = [seats.venueCap, seats.venueTaken];
    seats.venueCap = newCap;
    bumped = pickBumped([...records.values()], seats.venueTaken - newCap);
  } else {
    const session = seats.sessions.get(target.sessionNumber) ?? { cap: 0, taken: 0 };
    [currentCap, taken] = [session.cap, session.taken];
    session.cap = newCap;
    bumped = pickBumped([...records.values()].filter((r) => r.sessions.includes(target.sessionNumber)), session.taken - newCap);
  }
  for (const r of bumped) {
    moveSeats(seats, r.sessions, -1);
    records.set(r.id, { ...r, status: 'waitlisted' });
  }
  const promoted = pickPromoted(seats, records.values());
  return { target, currentCap, taken, newCap, bumped, promoted };
}
