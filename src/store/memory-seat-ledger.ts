import { randomUUID } from 'node:crypto';
import {
  emailKey,
  findSession,
  hasOneSessionPerSeries,
  type Availability,
  type CancelCommand,
  type CancelResult,
  type ChangeSessionCommand,
  type ChangeSessionResult,
  type EventData,
  type LedgerSnapshot,
  type Movements,
  type Outbox,
  type DeliveryCount,
  type DeliveryLane,
  type DeliveryQueue,
  type DeliveryState,
  type DeliveryEntry,
  type OutboxEntry,
  type RegisterCommand,
  type RegisterResult,
  type RegistrationRecord,
  type SeatLedger,
  type SetCapResult,
  type SetSessionCapCommand,
  type SetVenueCapCommand,
  type UpdateDetailsCommand,
  type UpdateDetailsResult,
  type PersonalDataLedger,
} from '../core/index.ts';
import { MemoryOutbox, type OutboxOptions } from './memory-outbox.ts';
import { MemoryPrivacy } from './memory-privacy.ts';
import {
  changesNothing,
  checkDetails,
  commandDigest,
  findShortage,
  hasFreeSeat,
  idempotencyConflict,
  isValidCap,
  movesEmail,
  moveSeats,
  outboxEntryId,
  pickBumped,
  pickPromoted,
  swapSeat,
  swapSession,
  type SeatCounts,
} from './seat-ledger-rules.ts';

type CommandName = 'register' | 'change' | 'cancel' | 'details' | 'venue-cap' | 'session-cap';

/** What one command is doing: its name, key and time, and the outbox entries it writes. */
interface Step {
  command: CommandName;
  key: string;
  at: string;
  entries: OutboxEntry[];
}

/**
 * The seat ledger of one process: the embedded default and the reference the Redis ledger is
 * tested against. Every command runs synchronously to completion, which makes it atomic.
 * Rules in `seat-ledger-rules.ts` and `memory-outbox.ts`.
 */
export class MemorySeatLedger implements SeatLedger, Outbox {
  /** Reminders, a person's data, forgetting and the purge (memory-privacy.ts). */
  readonly privacy: PersonalDataLedger;
  readonly #event: EventData;
  readonly #newId: () => string;
  readonly #seats: SeatCounts;
  readonly #registrations = new Map<string, RegistrationRecord>();
  readonly #idByEmail = new Map<string, string>();
  readonly #idsByOwner = new Map<string, Set<string>>();
  /** Ids of the waitlisted registrations, so promotion and counts never scan everyone. */
  readonly #waiting = new Set<string>();
  /** The first result of every (command, key), with the digest of the command it answered. */
  readonly #results = new Map<string, { digest: string; result: unknown }>();
  readonly #outbox: MemoryOutbox;
  #nextSeq = 1;

  constructor(event: EventData, options: { newId?: () => string } & OutboxOptions = {}) {
    this.#event = event;
    this.#outbox = new MemoryOutbox({ chatChannels: options.chatChannels ?? [] });
    this.#newId = options.newId ?? randomUUID;
    this.privacy = new MemoryPrivacy({ registrations: this.#registrations, idByEmail: this.#idByEmail, idsByOwner: this.#idsByOwner, results: this.#results, outbox: this.#outbox });
    this.#seats = {
      venueCap: event.venueCap,
      venueTaken: 0,
      sessions: new Map(event.sessions.map((s) => [s.number, { cap: s.capacity, taken: 0 }])),
    };
  }

  async register(command: RegisterCommand): Promise<RegisterResult> {
    return this.#once('register', command, (step) => this.#register(command, step));
  }

  async changeSession(command: ChangeSessionCommand): Promise<ChangeSessionResult> {
    return this.#once('change', command, (step) => this.#changeSession(command, step));
  }

  async cancel(command: CancelCommand): Promise<CancelResult> {
    return this.#once('cancel', command, (step) => this.#cancel(command, step));
  }

  async updateDetails(command: UpdateDetailsCommand): Promise<UpdateDetailsResult> {
    return this.#once('details', command, (step) => this.#updateDetails(command, step));
  }

  async setVenueCap(command: SetVenueCapCommand): Promise<SetCapResult> {
    return this.#once('venue-cap', command, (step) => {
      if (!isValidCap(command.cap)) return { ok: false, reason: 'invalid_cap' };
      this.#seats.venueCap = command.cap;
      const bumped = pickBumped([...this.#registrations.values()], this.#seats.venueTaken - command.cap);
      return { ok: true, ...this.#bumpAndPromote(bumped, step) };
    });
  }

  async setSessionCap(command: SetSessionCapCommand): Promise<SetCapResult> {
    return this.#once('session-cap', command, (step) => {
      const seats = this.#seats.sessions.get(command.sessionNumber);
      if (!seats) return { ok: false, reason: 'invalid_session' };
      if (!isValidCap(command.cap)) return { ok: false, reason: 'invalid_cap' };
      seats.cap = command.cap;
      const holders = [...this.#registrations.values()].filter((r) => r.sessions.includes(command.sessionNumber));
      return { ok: true, ...this.#bumpAndPromote(pickBumped(holders, seats.taken - command.cap), step) };
    });
  }

  async get(registrationId: string): Promise<RegistrationRecord | null> {
    const record = this.#registrations.get(registrationId);
    return record ? structuredClone(record) : null;
  }

  async findByEmail(email: string): Promise<RegistrationRecord | null> {
    const id = this.#idByEmail.get(emailKey(email));
    return id ? this.get(id) : null;
  }

  async findByOwner(owner: string): Promise<RegistrationRecord | null> {
    let latest: RegistrationRecord | null = null;
    for (const id of this.#idsByOwner.get(owner) ?? []) {
      const r = this.#registrations.get(id);
      if (r && (!latest || r.seq > latest.seq)) latest = r;
    }
    return latest ? structuredClone(latest) : null;
  }

  async findAllByOwner(owner: string): Promise<RegistrationRecord[]> {
    const owned = [...(this.#idsByOwner.get(owner) ?? [])].map((id) => this.#registrations.get(id)).filter((r) => r !== undefined);
    return structuredClone(owned.sort((a, b) => a.seq - b.seq));
  }

  async availability(): Promise<Availability> {
    return {
      venueCap: this.#seats.venueCap,
      venueTaken: this.#seats.venueTaken,
      sessions: [...this.#seats.sessions.entries()]
        .sort(([a], [b]) => a - b)
        .map(([sessionNumber, s]) => ({ sessionNumber, cap: s.cap, taken: s.taken })),
      waitlistLength: this.#waiting.size,
    };
  }

  async snapshot(): Promise<LedgerSnapshot> {
    const registrations = [...this.#registrations.values()].sort((a, b) => a.seq - b.seq);
    return { availability: await this.availability(), registrations: structuredClone(registrations) };
  }

  lane(lane: DeliveryLane): DeliveryQueue {
    return this.#outbox.lane(lane);
  }

  list(state: DeliveryState, lane?: DeliveryLane): Promise<DeliveryEntry[]> {
    return this.#outbox.list(state, lane);
  }

  counts(): Promise<DeliveryCount[]> {
    return this.#outbox.counts();
  }

  /**
   * Runs a command once per (command, key): a retry of the same command (commandDigest) gets a copy
   * of the first result, the key with another command `idempotency_conflict` (rule 4).
   */
  #once<T>(command: CommandName, issued: { key: string; at: Date }, run: (step: Step) => T): T | typeof idempotencyConflict {
    const resultKey = `${command}:${issued.key}`;
    const digest = commandDigest(issued);
    const first = this.#results.get(resultKey);
    if (first) return first.digest === digest ? (structuredClone(first.result) as T) : { ...idempotencyConflict };
    const step: Step = { command, key: issued.key, at: issued.at.toISOString(), entries: [] };
    const result = run(step);
    this.#results.set(resultKey, { digest, result: structuredClone(result) });
    for (const entry of step.entries) this.#outbox.add(entry);
    return structuredClone(result);
  }

  #register({ registrant, waitlistIfFull }: RegisterCommand, step: Step): RegisterResult {
    if (!hasOneSessionPerSeries(this.#event, registrant.sessions)) return { ok: false, reason: 'invalid_sessions' };
    const email = emailKey(registrant.email);
    const existing = this.#idByEmail.get(email);
    if (existing) return { ok: false, reason: 'email_taken', registrationId: existing };
    const shortage = findShortage(this.#seats, registrant.sessions);
    if (shortage && !waitlistIfFull) return { ok: false, ...shortage };
    const record: RegistrationRecord = {
      ...structuredClone(registrant),
      id: this.#newId(),
      status: shortage ? 'waitlisted' : 'confirmed',
      seq: this.#nextSeq++,
      registeredAt: step.at,
      updatedAt: step.at,
    };
    if (!shortage) moveSeats(this.#seats, record.sessions, 1);
    this.#put(record);
    this.#write(step, shortage ? 'waitlisted' : 'confirmation', record);
    return { ok: true, registration: record };
  }

  #changeSession(command: ChangeSessionCommand, step: Step): ChangeSessionResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    if (!findSession(this.#event, command.sessionNumber)) return { ok: false, reason: 'invalid_session' };
    const swap = swapSession(this.#event, current.sessions, command.sessionNumber);
    if (!swap.ok) return { ok: false, reason: swap.reason };
    if (current.status === 'confirmed') {
      // Take the new seat before releasing the old one: a full session leaves everything as it was.
      if (!hasFreeSeat(this.#seats, command.sessionNumber)) {
        return { ok: false, reason: 'session_full', sessionNumbers: [command.sessionNumber] };
      }
      swapSeat(this.#seats, swap.released, command.sessionNumber);
    }
    const changed: RegistrationRecord = { ...current, sessions: swap.sessions, updatedAt: step.at };
    this.#put(changed);
    this.#write(step, 'session_changed', changed, { previousSessions: [...current.sessions] });
    const promoted = this.#promote(step);
    return {
      ok: true,
      registration: this.#registrations.get(changed.id) ?? changed,
      previousSessions: [...current.sessions],
      bumped: [],
      promoted,
    };
  }

  #cancel(command: CancelCommand, step: Step): CancelResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.status === 'confirmed') moveSeats(this.#seats, current.sessions, -1);
    this.#remove(current);
    const cancelled: RegistrationRecord = { ...current, updatedAt: step.at };
    this.#write(step, 'cancelled', cancelled);
    return { ok: true, cancelled, bumped: [], promoted: this.#promote(step) };
  }

  #updateDetails(command: UpdateDetailsCommand, step: Step): UpdateDetailsResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    const details = checkDetails(command.details);
    if (!details) return { ok: false, reason: 'invalid_details' };
    if (changesNothing(current, details)) return { ok: false, reason: 'unchanged' };
    const holder = details.email === undefined ? undefined : this.#idByEmail.get(emailKey(details.email));
    if (holder !== undefined && holder !== current.id) return { ok: false, reason: 'email_taken', registrationId: holder };
    const previousDetails = { email: current.email, book: structuredClone(current.book) };
    const changed: RegistrationRecord = { ...current, ...details, updatedAt: step.at };
    this.#idByEmail.delete(emailKey(current.email));
    this.#put(changed);
    this.#write(step, 'details_changed', changed, { previousDetails });
    if (movesEmail(current.email, changed.email)) this.#write(step, 'old_email_notice', changed, { previousDetails });
    return { ok: true, registration: changed, previousDetails };
  }

  /** Moves `bumped` to the waiting list (keeping their seq), then promotes whoever fits now. */
  #bumpAndPromote(bumped: RegistrationRecord[], step: Step): Movements {
    const moved = bumped.map((r) => {
      moveSeats(this.#seats, r.sessions, -1);
      const record: RegistrationRecord = { ...r, status: 'waitlisted', updatedAt: step.at };
      this.#put(record);
      this.#write(step, 'bumped', record);
      return record;
    });
    return { bumped: moved, promoted: this.#promote(step) };
  }

  #promote(step: Step): RegistrationRecord[] {
    if (this.#waiting.size === 0) return [];
    const waiting = [...this.#waiting].map((id) => this.#registrations.get(id)).filter((r) => r !== undefined);
    return pickPromoted(this.#seats, waiting).map((r) => {
      const record: RegistrationRecord = { ...r, status: 'confirmed', updatedAt: step.at };
      this.#put(record);
      this.#write(step, 'promoted', record);
      return record;
    });
  }

  /** Stores a new or changed registration and keeps every index in step with it. */
  #put(record: RegistrationRecord): void {
    this.#registrations.set(record.id, record);
    this.#idByEmail.set(emailKey(record.email), record.id);
    const owned = this.#idsByOwner.get(record.owner) ?? new Set<string>();
    this.#idsByOwner.set(record.owner, owned.add(record.id));
    if (record.status === 'waitlisted') this.#waiting.add(record.id);
    else this.#waiting.delete(record.id);
  }

  #remove(record: RegistrationRecord): void {
    this.#registrations.delete(record.id);
    this.#idByEmail.delete(emailKey(record.email));
    this.#waiting.delete(record.id);
    const owned = this.#idsByOwner.get(record.owner);
    owned?.delete(record.id);
    if (owned?.size === 0) this.#idsByOwner.delete(record.owner);
  }

  #write(step: Step, kind: OutboxEntry['kind'], registration: RegistrationRecord, extra: Pick<OutboxEntry, 'previousSessions' | 'previousDetails'> = {}): void {
    step.entries.push({
      id: outboxEntryId(step.command, step.key, kind, registration.id),
      kind,
      registration: structuredClone(registration),
      ...structuredClone(extra),
      createdAt: step.at,
    });
  }
}
