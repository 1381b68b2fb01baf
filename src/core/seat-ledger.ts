import type { Registrant } from './registration.ts';
import type { Result } from './result.ts';

/**
 * A registration as the ledger keeps it. `confirmed` holds a venue seat and the sessions in
 * `sessions`, and waits on each session's own waiting list for those in `waitingFor`;
 * `waitlisted` is on the venue waiting list, holds nothing, and names what it will hold and wait
 * for once it has a venue seat. `seq` is the arrival order: it orders every waiting list (first
 * come, first served) and the LIFO removal when a cap is lowered (highest seq goes first).
 */
export interface RegistrationRecord extends Registrant {
  id: string;
  status: 'confirmed' | 'waitlisted';
  seq: number;
  /** ISO time of the first registration. */
  registeredAt: string;
  /** ISO time of the last change of status, sessions or details. */
  updatedAt: string;
}

/** Seats of one session: the cap and how many are taken by confirmed registrations. */
export interface SessionSeats {
  sessionNumber: number;
  cap: number;
  taken: number;
  /** How many wait for this session on its own waiting list (the ledgers always say; absent means 0). */
  waiting?: number;
}

/** Live counters: what dialogs show ("3 plaatsen vrij") and the Q&A answers. */
export interface Availability {
  venueCap: number;
  venueTaken: number;
  sessions: SessionSeats[];
  waitlistLength: number;
}

/** Everything the ledger holds, for invariant checks and for organisers. */
export interface LedgerSnapshot {
  availability: Availability;
  /** Confirmed and waitlisted registrations, in seq order. */
  registrations: RegistrationRecord[];
  /** Every waiting list in its order (the ledgers always give them). */
  waitlists?: Waitlists;
}

/**
 * The waiting lists in their order, first come first served: the venue's (registrations that hold
 * nothing) and every session's (confirmed registrations waiting for that session), by id.
 */
export interface Waitlists {
  venue: string[];
  /** Every session of the event, in session-number order, also those nobody waits for. */
  sessions: Array<{ sessionNumber: number; registrationIds: string[] }>;
}

/** The 1-based place of a registration on a session's waiting list (or the venue's, sessionNumber null), or null. */
export function waitlistPlace(waitlists: Waitlists, registrationId: string, sessionNumber: number | null): number | null {
  const list = sessionNumber === null ? waitlists.venue : waitlists.sessions.find((s) => s.sessionNumber === sessionNumber)?.registrationIds;
  const index = list?.indexOf(registrationId) ?? -1;
  return index < 0 ? null : index + 1;
}

/** The details of a registrant that can change after registering (updateDetails). */
export type RegistrantDetails = Pick<Registrant, 'email' | 'book'>;

/**
 * Every command carries an idempotency key: a retried command (the same fields, whatever its `at`)
 * returns the first result; the key sent with a different command is refused (IdempotencyConflict).
 */
interface Command {
  key: string;
  at: Date;
}

export interface RegisterCommand extends Command {
  registrant: Registrant;
  /**
   * Whether to wait when something is full: a full venue puts the registration on the venue
   * waiting list; a full session to hold is waited for instead (a full fallback is dropped).
   * Without it a full venue or session changes nothing and says which.
   */
  waitlistIfFull: boolean;
}

export interface ChangeSessionCommand extends Command {
  registrationId: string;
  sessionNumber: number;
}

/**
 * What a registration has in one series from now on: `hold` a session (or null), and/or `wait` for
 * one (or null); both null skips the series (where allowed). `hold` next to `wait` is the fallback.
 */
export interface ChangeSeriesCommand extends Command {
  registrationId: string;
  seriesId: number;
  hold: number | null;
  wait: number | null;
}

export interface CancelCommand extends Command {
  registrationId: string;
}

/** A change of the e-mail address and/or the book order (with its shipping address; null: no book). */
export interface UpdateDetailsCommand extends Command {
  registrationId: string;
  details: Partial<RegistrantDetails>;
}

/** Sends the registration's confirmation (or waiting-list) mail once more, as asked for in the chat. */
export interface ResendConfirmationCommand extends Command {
  registrationId: string;
}

export interface SetVenueCapCommand extends Command {
  cap: number;
}

export interface SetSessionCapCommand extends Command {
  sessionNumber: number;
  cap: number;
}

/** Who moved because of a change: lost their place (LIFO) or came off the waiting list. */
export interface Movements {
  bumped: RegistrationRecord[];
  promoted: RegistrationRecord[];
}

/**
 * The refusal of a known idempotency key sent with another command than the one it first came with
 * (e.g. a form whose key was used before it was lost): nothing changes, and never the old result,
 * which would tell one person another's outcome.
 */
export type IdempotencyConflict = { reason: 'idempotency_conflict' };

export type RegisterResult = Result<
  { registration: RegistrationRecord },
  | { reason: 'session_full'; sessionNumbers: number[] }
  | { reason: 'venue_full' }
  | { reason: 'email_taken'; registrationId: string }
  | { reason: 'invalid_sessions' }
  | IdempotencyConflict
>;

export type ChangeSessionResult = Result<
  { registration: RegistrationRecord; previousSessions: number[] } & Movements,
  { reason: 'not_found' } | { reason: 'session_full'; sessionNumbers: number[] } | { reason: 'invalid_session' } | { reason: 'unchanged' } | IdempotencyConflict
>;

export type ChangeSeriesResult = Result<
  { registration: RegistrationRecord; previousSessions: number[] } & Movements,
  | { reason: 'not_found' }
  | { reason: 'session_full'; sessionNumbers: number[] }
  | { reason: 'invalid_session' }
  | { reason: 'series_required' }
  | { reason: 'unchanged' }
  | IdempotencyConflict
>;

export type CancelResult = Result<{ cancelled: RegistrationRecord } & Movements, { reason: 'not_found' } | IdempotencyConflict>;

export type UpdateDetailsResult = Result<
  { registration: RegistrationRecord; previousDetails: RegistrantDetails },
  | { reason: 'not_found' }
  | { reason: 'email_taken'; registrationId: string }
  | { reason: 'invalid_details' }
  | { reason: 'unchanged' }
  | IdempotencyConflict
>;

/** The entry written: of the registration's own kind, `confirmation` or `waitlisted`. */
export type ResendConfirmationResult = Result<{ registration: RegistrationRecord }, { reason: 'not_found' } | IdempotencyConflict>;

export type SetCapResult = Result<Movements, { reason: 'invalid_session' } | { reason: 'invalid_cap' } | IdempotencyConflict>;

/**
 * The seat ledger, the heart of Balie. Every command is atomic over all it touches (counters,
 * the registration, the e-mail index, the LIFO order, the waiting list, the outbox) and
 * idempotent by key (a retry gets the first result; the key with another command gets
 * `idempotency_conflict` and changes nothing). Rules:
 * - register: one per e-mail (case-insensitive); holds what is free and waits for the sessions in
 *   `waitingFor` that are not (one that is free is held instead, giving up its fallback); a full
 *   session to hold or a full venue changes nothing and says which, unless `waitlistIfFull`.
 * - changeSession: holds another session of a series, giving up any wait there; changeSeries sets
 *   what is held and waited for in one series. Both take the new seat before releasing the old;
 *   a waitlisted registration just changes what it wants. Freed seats promote the lists.
 * - cancel: releases every seat and promotes the waiting list in the same step.
 * - updateDetails: a new e-mail address (still one registration per address, case-insensitive)
 *   and/or a book order added, re-addressed or dropped; seats do not move. The new address gets
 *   `details_changed`, and after an e-mail change the old one gets `old_email_notice`.
 * - resendConfirmation: nothing changes; the outbox gets the confirmation (or, on the waiting
 *   list, `waitlisted`) entry again, once per key.
 * - setVenueCap: lowering moves the most recent confirmed registrations (LIFO) to the venue
 *   waiting list, holding nothing. setSessionCap: lowering moves the most recent holders of that
 *   session to its waiting list, keeping their venue seat and other sessions. Raising promotes.
 * Promotion (seat-ledger-rules.ts, rule 3): every session's waiting list first, then the venue's,
 * each first come first served, until nobody waits for a seat that is free.
 */
export interface SeatLedger {
  register(command: RegisterCommand): Promise<RegisterResult>;
  changeSession(command: ChangeSessionCommand): Promise<ChangeSessionResult>;
  changeSeries(command: ChangeSeriesCommand): Promise<ChangeSeriesResult>;
  cancel(command: CancelCommand): Promise<CancelResult>;
  updateDetails(command: UpdateDetailsCommand): Promise<UpdateDetailsResult>;
  resendConfirmation(command: ResendConfirmationCommand): Promise<ResendConfirmationResult>;
  setVenueCap(command: SetVenueCapCommand): Promise<SetCapResult>;
  setSessionCap(command: SetSessionCapCommand): Promise<SetCapResult>;
  /** A registration by id, or null. */
  get(registrationId: string): Promise<RegistrationRecord | null>;
  /** The registration of an e-mail address (case-insensitive), or null. */
  findByEmail(email: string): Promise<RegistrationRecord | null>;
  /** The latest registration made by `owner` (`<channel>:<user id>`), or null. */
  findByOwner(owner: string): Promise<RegistrationRecord | null>;
  /** Every registration made by `owner`, their own and the ones for others, in seq order. */
  findAllByOwner(owner: string): Promise<RegistrationRecord[]>;
  availability(): Promise<Availability>;
  /** Every waiting list in its order: for organisers, and for "plaats 2" in what a person is told. */
  waitlists(): Promise<Waitlists>;
  snapshot(): Promise<LedgerSnapshot>;
}

/** An owner's registrations: their own (if any) and the ones they made for others. */
export interface OwnedRegistrations {
  own: RegistrationRecord | null;
  /** In seq order. */
  forOthers: RegistrationRecord[];
}

/**
 * Splits an owner's registrations (findAllByOwner, seq order): their own is the first one not made
 * for someone else. Records written before `forSomeoneElse` existed count as own; of several such,
 * the first is taken as own and the others are listed with the ones for others.
 */
export function splitOwnRegistrations(records: readonly RegistrationRecord[]): OwnedRegistrations {
  const own = records.find((r) => r.forSomeoneElse !== true) ?? null;
  return { own, forOthers: records.filter((r) => r !== own) };
}
