import { emailKey, type Registrant } from './registration.ts';
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

/** The kinds of outbox entry, one per message a change obliges Balie to send. */
export const outboxKinds = [
  'confirmation',
  'waitlisted',
  'session_changed',
  'cancelled',
  'bumped',
  'promoted',
  'details_changed',
  'old_email_notice',
  'reminder',
  'data_export',
  'organiser_message',
] as const;

/** Kinds delivered by mail only: `old_email_notice` is for the mailbox the registration left, not the owner's chat. */
export const mailOnlyKinds: ReadonlySet<(typeof outboxKinds)[number]> = new Set(['old_email_notice', 'data_export']);

/** A message the ledger's change obliges Balie to send; written in the same atomic step. */
export interface OutboxEntry {
  id: string;
  /**
   * `details_changed` goes to the registration's (new) address; `old_email_notice` goes, after an
   * e-mail change, to the address held before, telling that mails now go elsewhere.
   */
  kind: (typeof outboxKinds)[number];
  /** The registration as it stands right after the change. */
  registration: RegistrationRecord;
  /** For session_changed: the sessions held before. */
  previousSessions?: number[];
  /**
   * For `promoted` off a session's waiting list: that session (absent for a promotion off the venue
   * waiting list); for `bumped` by a lowered session cap: the session lost (the venue seat stays).
   */
  sessionNumber?: number;
  /** For details_changed and old_email_notice: the e-mail address and book order held before. */
  previousDetails?: RegistrantDetails;
  /** For data_export: everything Balie keeps about the person, as the JSON text the mail attaches. */
  dataExport?: string;
  /** For organiser_message: the organisers' message, in Dutch and in English (the registrant's language is sent). */
  message?: ParticipantMessage;
  createdAt: string;
}

/** A short message of the organisers to participants, in both languages Balie speaks. */
export interface ParticipantMessage {
  nl: string;
  en: string;
}

/**
 * Messages of the organisers to participants, through the outbox (mail and the person's own chat,
 * as every other entry): `organiser_message` entries, one per registration, with ids
 * `message:<key>:organiser_message:<registration id>`, so a key sent again writes nothing twice.
 */
export interface ParticipantMessages {
  /** Writes the message for every registration of `registrationIds` that still exists; how many were written now. */
  writeMessage(registrationIds: readonly string[], message: ParticipantMessage, key: string, at: Date): Promise<number>;
}

/**
 * Where a delivery of an outbox entry goes: `mail` (an e-mail to the registrant), or `chat:<channel>`
 * (a notice in the owner's own chat, e.g. `chat:telegram`). Every entry has a mail delivery; it
 * has a chat delivery too when the owner's channel has a notifier. Each lane is delivered on its own.
 */
export type DeliveryLane = 'mail' | `chat:${string}`;

/** The state of one delivery: waiting (maybe leased, maybe until a retry time), sent, or failed for good. */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** The delivery states, for the organiser's command line and the metrics. */
export const deliveryStates: readonly DeliveryState[] = ['pending', 'sent', 'failed'];

/** The chat lane of a channel (`chat:telegram`), and the channel of a chat lane (null for mail). */
export function chatLane(channel: string): DeliveryLane {
  return `chat:${channel}`;
}

export function laneChannel(lane: DeliveryLane): string | null {
  return lane === 'mail' ? null : lane.slice('chat:'.length);
}

/** The channel part of a user key (`telegram` of `telegram:123`), or null when it has none. */
export function channelOfUserKey(userKey: string): string | null {
  const colon = userKey.indexOf(':');
  return colon > 0 ? userKey.slice(0, colon) : null;
}

/** An outbox entry as claim and list hand it out: the message, its lane, and how its delivery there went so far. */
export interface DeliveryEntry extends OutboxEntry {
  lane: DeliveryLane;
  /** Failed deliveries recorded so far in this lane (markRetry and markFailed), kept across worker restarts. */
  attempts: number;
  /** The error of the last failed delivery in this lane, for organisers; null before any. */
  lastError: string | null;
}

/** How many deliveries of one lane are in one state (for the metrics). */
export interface DeliveryCount {
  lane: DeliveryLane;
  state: DeliveryState;
  count: number;
}

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

/**
 * The deliveries of one lane. A worker claims entries (one worker at a time per entry, also across
 * processes), delivers them and marks them sent, to retry, or failed; only the holder of a live
 * lease can retry or fail an entry, while sent wins from any state.
 */
export interface DeliveryQueue {
  readonly lane: DeliveryLane;
  /** Claims up to `limit` due entries for `leaseMs`; a claim not settled in time returns to the queue. */
  claim(workerId: string, limit: number, leaseMs: number, now: Date): Promise<DeliveryEntry[]>;
  markSent(entryId: string, workerId: string, now: Date): Promise<void>;
  /** A temporary failure: try again at `retryAt`. */
  markRetry(entryId: string, workerId: string, retryAt: Date, error: string): Promise<void>;
  /** A permanent failure: kept where an organiser can see it, never retried. */
  markFailed(entryId: string, workerId: string, error: string, now: Date): Promise<void>;
}

/**
 * The outbox the ledger writes into: every entry once, delivered in each of its lanes
 * independently (one failing never holds up the other).
 */
export interface Outbox {
  /** The deliveries of one lane; a chat lane of a channel without notices is always empty. */
  lane(lane: DeliveryLane): DeliveryQueue;
  /** Deliveries by state, in the order their entries were written; of every lane (mail first) unless one is named. */
  list(state: DeliveryState, lane?: DeliveryLane): Promise<DeliveryEntry[]>;
  /** How many deliveries every lane holds in every state, without reading the entries. */
  counts(): Promise<DeliveryCount[]>;
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

/** Whether an entry is about a registration that moved to another e-mail address (not just another spelling). */
export function movedEmail(entry: OutboxEntry): boolean {
  return entry.previousDetails !== undefined && emailKey(entry.previousDetails.email) !== emailKey(entry.registration.email);
}

/** The address an entry's mail goes to: the registration's, or for old_email_notice the one held before. */
export function outboxRecipient(entry: OutboxEntry): string {
  return entry.kind === 'old_email_notice' && entry.previousDetails ? entry.previousDetails.email : entry.registration.email;
}
