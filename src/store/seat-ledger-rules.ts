import { hash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import {
  checkCity,
  checkEmail,
  checkPostalCode,
  checkStreet,
  emailKey,
  findSession,
  seriesIndexOf,
  type EventData,
  type IdempotencyConflict,
  type RegistrantDetails,
  type RegistrationRecord,
  type ShippingAddress,
} from '../core/index.ts';

// The seat ledger's decisions as pure functions, so that every store (memory here, Lua in Redis)
// applies the same rules. The rules, crisply:
// 1. A registration needs a venue seat; with one, per series it holds its session, holds none
//    (skipped, where the event allows), or waits for one (maybe holding a fallback of the same
//    series). seatChoice decides it per series: a session waited for that has a free seat is held
//    instead (the fallback is given up); a session to hold that is full is `session_full`, or with
//    waitIfFull waited for (a full fallback is dropped). The venue comes first: `venue_full`, or
//    with waitlistIfFull the venue waiting list, holding nothing. Full sessions are named in series order.
// 2. Lowering the venue cap moves the confirmed registrations with the highest seq to the venue
//    waiting list, holding nothing, until taken <= cap. Lowering a session cap moves the
//    highest-seq holders of that session to its waiting list (a fallback is just given up), keeping
//    the venue seat and everything else. They keep their seq. Then a promotion pass runs, as after
//    raising a cap, cancelling and changing.
// 3. A promotion pass: while some session has a free seat and someone waiting for it, the
//    session with the lowest number promotes its lowest-seq waiter (who takes it and gives up the
//    fallback of that series, which may free a seat for others); then, while the venue has a free
//    seat, the lowest-seq registration on the venue waiting list gets it and seatChoice (with
//    waitIfFull). Every waiting list is in seq order; after every command nobody waits for a
//    session with a free seat, and the venue list is empty while the venue has a free seat.
// 4. Idempotency keys are scoped by command kind; the first result for a key (also a refusal)
//    is returned for every retry and nothing changes. A retry is the same command: every field
//    but `key` and `at` equal (commandDigest). The key with another command is refused with
//    `idempotency_conflict`, which is not remembered and changes nothing.
// 5. Outbox entry ids are `<command>:<key>:<entry kind>:<registration id>`, and `:<session>` after
//    that for an entry that names a session (promoted off, or bumped from, a session's list).
// 6. updateDetails stores a checked e-mail address (tidied) and/or book order; the checks, in
//    order: the registration exists, the details are valid (`invalid_details`), they change
//    something (`unchanged`), and the new address is no other registration's (`email_taken`,
//    case-insensitive). It writes details_changed, and old_email_notice when the address changed.

/** The seats a decision reads: caps and counts of the venue and of every session. */
export interface SeatCounts {
  venueCap: number;
  venueTaken: number;
  sessions: Map<number, { cap: number; taken: number }>;
}

/** Why a set of sessions cannot be seated now, or null when it fits. */
export type Shortage = { reason: 'venue_full' } | { reason: 'session_full'; sessionNumbers: number[] } | null;

/** Rule 1: venue first, then every full session in the registration's order. */
export function findShortage(seats: SeatCounts, sessionNumbers: readonly number[]): Shortage {
  if (seats.venueTaken >= seats.venueCap) return { reason: 'venue_full' };
  const full = sessionNumbers.filter((n) => {
    const s = seats.sessions.get(n);
    return !s || s.taken >= s.cap;
  });
  return full.length > 0 ? { reason: 'session_full', sessionNumbers: full } : null;
}

/** Takes (or with -1 releases) a venue seat (unless `venue` is false) and one seat in each session. */
export function moveSeats(seats: SeatCounts, sessionNumbers: readonly number[], delta: 1 | -1, venue = true): void {
  if (venue) seats.venueTaken += delta;
  for (const n of sessionNumbers) {
    const s = seats.sessions.get(n);
    if (s) s.taken += delta;
  }
}

/** Whether one session has a free seat (for a swap, which keeps the venue seat). */
export function hasFreeSeat(seats: SeatCounts, sessionNumber: number): boolean {
  const s = seats.sessions.get(sessionNumber);
  return s !== undefined && s.taken < s.cap;
}

/** A swap within a series: one seat taken in `taken`, one released in `released`; the venue seat stays. */
export function swapSeat(seats: SeatCounts, released: number, taken: number): void {
  const from = seats.sessions.get(released);
  const to = seats.sessions.get(taken);
  if (to) to.taken += 1;
  if (from) from.taken -= 1;
}

/** Rule 2: the `excess` most recent (highest seq) of `holders`, latest first. */
export function pickBumped(holders: readonly RegistrationRecord[], excess: number): RegistrationRecord[] {
  if (excess <= 0) return [];
  return holders
    .filter((r) => r.status === 'confirmed')
    .sort((a, b) => b.seq - a.seq)
    .slice(0, excess);
}

/**
 * Rule 3: who comes off the waiting list, in seq order. Updates `seats` as it goes, so the caller
 * passes the counts after the change that freed seats.
 */
export function pickPromoted(seats: SeatCounts, registrations: Iterable<RegistrationRecord>): RegistrationRecord[] {
  const waiting = [...registrations].filter((r) => r.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
  const promoted: RegistrationRecord[] = [];
  for (const entry of waiting) {
    if (seats.venueTaken >= seats.venueCap) break;
    if (findShortage(seats, entry.sessions) === null) {
      moveSeats(seats, entry.sessions, 1);
      promoted.push(entry);
    }
  }
  return promoted;
}

/** The sessions after swapping in `sessionNumber` for the one of its series. */
export function swapSession(
  event: EventData,
  sessions: readonly number[],
  sessionNumber: number,
): { ok: true; sessions: number[]; released: number } | { ok: false; reason: 'invalid_session' | 'unchanged' } {
  const session = findSession(event, sessionNumber);
  const index = session ? event.series.findIndex((s) => s.id === session.series) : -1;
  const released = sessions[index];
  if (index < 0 || released === undefined) return { ok: false, reason: 'invalid_session' };
  if (released === sessionNumber) return { ok: false, reason: 'unchanged' };
  const next = [...sessions];
  next[index] = sessionNumber;
  return { ok: true, sessions: next, released };
}

/** A cap is a whole number of seats, zero included (everyone on the waiting list). */
export function isValidCap(cap: number): boolean {
  return Number.isSafeInteger(cap) && cap >= 0;
}

/** Rule 5: one id per (command, entry kind, registration, session), so a retried command never duplicates. */
export function outboxEntryId(command: string, key: string, kind: string, registrationId: string, sessionNumber?: number): string {
  return `${command}:${key}:${kind}:${registrationId}${sessionNumber === undefined ? '' : `:${sessionNumber}`}`;
}

/** What a registration holds and waits for with a venue seat (rule 1), and the full sessions it may not wait for. */
export interface SeatPlan {
  sessions: number[];
  waitingFor: number[];
  full: number[];
}

/** Rule 1, per series in series order; reads `seats`, changes nothing. */
export function seatChoice(event: EventData, seats: SeatCounts, sessions: readonly number[], waitingFor: readonly number[], waitIfFull: boolean): SeatPlan {
  const plan: SeatPlan = { sessions: [], waitingFor: [], full: [] };
  for (let index = 0; index < event.series.length; index++) {
    const held = sessions.find((n) => seriesIndexOf(event, n) === index);
    const wanted = waitingFor.find((n) => seriesIndexOf(event, n) === index);
    if (wanted !== undefined && hasFreeSeat(seats, wanted)) {
      plan.sessions.push(wanted);
      continue;
    }
    if (wanted !== undefined) plan.waitingFor.push(wanted);
    if (held === undefined) continue;
    if (hasFreeSeat(seats, held)) plan.sessions.push(held);
    else if (!waitIfFull) plan.full.push(held);
    else if (wanted === undefined) plan.waitingFor.push(held);
  }
  return plan;
}

/** `list` with the session of series `index` replaced by `sessionNumber` (null: removed), in series order. */
export function withSeriesSession(event: EventData, list: readonly number[], index: number, sessionNumber: number | null): number[] {
  const next = list.filter((n) => seriesIndexOf(event, n) !== index);
  if (sessionNumber !== null) next.push(sessionNumber);
  return next.sort((a, b) => seriesIndexOf(event, a) - seriesIndexOf(event, b));
}

/** Rule 6: the details as updateDetails stores them (the e-mail tidied), or null when they are not valid. */
export function checkDetails(details: Partial<RegistrantDetails>): Partial<RegistrantDetails> | null {
  const checked: Partial<RegistrantDetails> = {};
  if (details.email !== undefined) {
    const email = typeof details.email === 'string' ? checkEmail(details.email) : null;
    if (!email?.ok) return null;
    checked.email = email.value;
  }
  if (details.book !== undefined) {
    const address = details.book?.shippingAddress;
    if (details.book !== null && !isShippingAddress(address)) return null;
    checked.book = address ? { shippingAddress: { street: address.street, postalCode: address.postalCode, city: address.city, country: address.country } } : null;
  }
  return checked.email === undefined && checked.book === undefined ? null : checked;
}

function isShippingAddress(a: ShippingAddress | undefined): a is ShippingAddress {
  if (!a || typeof a !== 'object' || typeof a.country !== 'string' || !/^[A-Z]{2}$/.test(a.country)) return false;
  if (typeof a.street !== 'string' || typeof a.postalCode !== 'string' || typeof a.city !== 'string') return false;
  return checkStreet(a.street).ok && checkPostalCode(a.postalCode, a.country).ok && checkCity(a.city).ok;
}

/** Whether checked `details` would leave `current` as it is (the same address as typed, the same book order). */
export function changesNothing(current: RegistrantDetails, details: Partial<RegistrantDetails>): boolean {
  const sameEmail = details.email === undefined || details.email === current.email;
  if (details.book === undefined) return sameEmail;
  const [a, b] = [details.book?.shippingAddress, current.book?.shippingAddress];
  const sameBook = !a || !b ? a === b : a.street === b.street && a.postalCode === b.postalCode && a.city === b.city && a.country === b.country;
  return sameEmail && sameBook;
}

/** Whether a details change moves the registration to another e-mail address (not just another spelling). */
export function movesEmail(before: string, after: string): boolean {
  return emailKey(before) !== emailKey(after);
}

/** Rule 4: what a ledger answers to a known key that comes with another command. */
export const idempotencyConflict: { ok: false } & IdempotencyConflict = Object.freeze({ ok: false, reason: 'idempotency_conflict' });

/** The length of every commandDigest (and of digestOf): 22 base64url characters, 132 bits of SHA-256. */
export const commandDigestLength = 22;

/**
 * Rule 4: what makes a command the same command, as a short string kept with its idempotency
 * record: every field but `key` and `at` (a retry may come later), as canonical JSON (keys sorted),
 * hashed. Generic, so that a new command is covered without code of its own.
 */
export function commandDigest(command: { key: string; at: Date }): string {
  const { key: _key, at: _at, ...fields } = command;
  return digestOf(stringify(fields) ?? '');
}

/** A digest of `text` of commandDigestLength characters (base64url, no `|`). */
export function digestOf(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, commandDigestLength);
}
