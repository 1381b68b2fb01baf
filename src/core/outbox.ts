import { emailKey } from './registration.ts';
import type { RegistrantDetails, RegistrationRecord } from './seat-ledger.ts';

// The outbox: what a ledger change obliges Balie to send, and its delivery lanes (mail, chat:<channel>).

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

/** Whether an entry is about a registration that moved to another e-mail address (not just another spelling). */
export function movedEmail(entry: OutboxEntry): boolean {
  return entry.previousDetails !== undefined && emailKey(entry.previousDetails.email) !== emailKey(entry.registration.email);
}

/** The address an entry's mail goes to: the registration's, or for old_email_notice the one held before. */
export function outboxRecipient(entry: OutboxEntry): string {
  return entry.kind === 'old_email_notice' && entry.previousDetails ? entry.previousDetails.email : entry.registration.email;
}
