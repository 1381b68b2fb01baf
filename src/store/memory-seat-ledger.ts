import { randomUUID } from 'node:crypto';
import {
  emailKey,
  isValidSeriesChoice,
  seriesIndexOf,
  type Availability,
  type CancelCommand,
  type ChangeSeriesCommand,
  type ChangeSeriesResult,
  type Waitlists,
  type CancelResult,
  type ChangeSessionCommand,
  type ChangeSessionResult,
  type EventData,
  type LedgerSnapshot,
  type Outbox,
  type DeliveryCount,
  type DeliveryLane,
  type DeliveryQueue,
  type DeliveryState,
  type DeliveryEntry,
  type OutboxEntry,
  type ParticipantMessage,
  type ParticipantMessages,
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
  idempotencyConflict,
  isValidCap,
  movesEmail,
  moveSeats,
  outboxEntryId,
  pickBumped,
  seatChoice,
  type SeatCounts,
} from './seat-ledger-rules.ts';
import { bumpFromSession, bumpFromVenue, promote, setSeries, withWaits, type LedgerParts, type Step } from './memory-seat-moves.ts';
import { MemoryWaitlists } from './memory-waitlists.ts';


type CommandName = 'register' | 'change' | 'change-series' | 'cancel' | 'details' | 'venue-cap' | 'session-cap';


/**
 * The seat ledger of one process: the embedded default and the reference the Redis ledger is
 * tested against. Every command runs synchronously to completion, which makes it atomic.
 * Rules in `seat-ledger-rules.ts` and `memory-outbox.ts`.
 */
export class MemorySeatLedger implements SeatLedger, Outbox, ParticipantMessages {
  /** Reminders, a person's data, forgetting and the purge (memory-privacy.ts). */
  readonly privacy: PersonalDataLedger;
  readonly #event: EventData;
  readonly #newId: () => string;
  readonly #seats: SeatCounts;
  readonly #registrations = new Map<string, RegistrationRecord>();
  readonly #idByEmail = new Map<string, string>();
  readonly #idsByOwner = new Map<string, Set<string>>();
  /** The waiting lists, so promotion and counts never scan everyone. */
  readonly #waitlists: MemoryWaitlists;
  /** The first result of every (command, key), with the digest of the command it answered. */
  readonly #results = new Map<string, { digest: string; result: unknown }>();
  readonly #outbox: MemoryOutbox;
  readonly #parts: LedgerParts;
  #nextSeq = 1;

  constructor(event: EventData, options: { newId?: () => string } & OutboxOptions = {}) {
    this.#event = event;
    this.#outbox = new MemoryOutbox({ chatChannels: options.chatChannels ?? [] });
    this.#newId = options.newId ?? randomUUID;
    this.privacy = new MemoryPrivacy({ registrations: this.#registrations, idByEmail: this.#idByEmail, idsByOwner: this.#idsByOwner, results: this.#results, outbox: this.#outbox });
    this.#waitlists = new MemoryWaitlists(event.sessions.map((s) => s.number));
    this.#seats = {
      venueCap: event.venueCap,
      venueTaken: 0,
      sessions: new Map(event.sessions.map((s) => [s.number, { cap: s.capacity, taken: 0 }])),
    };
    this.#parts = {
      event,
      seats: this.#seats,
      registrations: this.#registrations,
      waitlists: this.#waitlists,
      put: (record) => this.#put(record),
      write: (step, kind, registration, extra) => this.#write(step, kind, registration, extra),
    };
  }

  /**
   * A ledger holding what `snapshot` holds (caps, counts, registrations and so every waiting list,
   * which are ordered by seq), with an empty outbox: for trying a command by the ledger's own rules
   * without changing the real one (the organiser desk's preview of a cap change).
   */
  static replica(event: EventData, snapshot: LedgerSnapshot): MemorySeatLedger {
    const replica = new MemorySeatLedger(event);
    const { availability } = snapshot;
    replica.#seats.venueCap = availability.venueCap;
    replica.#seats.venueTaken = availability.venueTaken;
    for (const s of availability.sessions) replica.#seats.sessions.set(s.sessionNumber, { cap: s.cap, taken: s.taken });
    for (const r of snapshot.registrations) replica.#put(structuredClone(r));
    replica.#nextSeq = Math.max(0, ...snapshot.registrations.map((r) => r.seq)) + 1;
    return replica;
  }

  async register(command: RegisterCommand): Promise<RegisterResult> {
    return this.#once('register', command, (step) => this.#register(command, step));
  }

  async changeSession(command: ChangeSessionCommand): Promise<ChangeSessionResult> {
    return this.#once('change', command, (step) => this.#changeSession(command, step));
  }

  async changeSeries(command: ChangeSeriesCommand): Promise<ChangeSeriesResult> {
    return this.#once('change-series', command, (step) => this.#changeSeries(command, step));
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
      return { ok: true, ...bumpFromVenue(this.#parts, bumped, step) };
    });
  }

  async setSessionCap(command: SetSessionCapCommand): Promise<SetCapResult> {
    return this.#once('session-cap', command, (step) => {
      const seats = this.#seats.sessions.get(command.sessionNumber);
      if (!seats) return { ok: false, reason: 'invalid_session' };
      if (!isValidCap(command.cap)) return { ok: false, reason: 'invalid_cap' };
      seats.cap = command.cap;
      const holders = [...this.#registrations.values()].filter((r) => r.status === 'confirmed' && r.sessions.includes(command.sessionNumber));
      return { ok: true, ...bumpFromSession(this.#parts, command.sessionNumber, pickBumped(holders, seats.taken - command.cap), step) };
    });
  }

  async writeMessage(registrationIds: readonly string[], message: ParticipantMessage, key: string, at: Date): Promise<number> {
    let written = 0;
    for (const id of registrationIds) {
      const registration = this.#registrations.get(id);
      const entryId = outboxEntryId('message', key, 'organiser_message', id);
      if (!registration || !this.#outbox.add({ id: entryId, kind: 'organiser_message', registration: structuredClone(registration), message: { ...message }, createdAt: at.toISOString() })) continue;
      written += 1;
    }
    return written;
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
        .map(([sessionNumber, s]) => ({ sessionNumber, cap: s.cap, taken: s.taken, waiting: this.#waitlists.waiting(sessionNumber) })),
      waitlistLength: this.#waitlists.venueLength,
    };
  }

  async waitlists(): Promise<Waitlists> {
    return this.#waitlists.lists(this.#registrations);
  }

  async snapshot(): Promise<LedgerSnapshot> {
    const registrations = [...this.#registrations.values()].sort((a, b) => a.seq - b.seq);
    return { availability: await this.availability(), registrations: structuredClone(registrations), waitlists: await this.waitlists() };
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
    const waitingFor = registrant.waitingFor ?? [];
    if (!isValidSeriesChoice(this.#event, registrant.sessions, waitingFor)) return { ok: false, reason: 'invalid_sessions' };
    const email = emailKey(registrant.email);
    const existing = this.#idByEmail.get(email);
    if (existing) return { ok: false, reason: 'email_taken', registrationId: existing };
    const venueFull = this.#seats.venueTaken >= this.#seats.venueCap;
    if (venueFull && !waitlistIfFull) return { ok: false, reason: 'venue_full' };
    const plan = venueFull ? null : seatChoice(this.#event, this.#seats, registrant.sessions, waitingFor, waitlistIfFull);
    if (plan && plan.full.length > 0) return { ok: false, reason: 'session_full', sessionNumbers: plan.full };
    const record = withWaits(
      {
        ...structuredClone(registrant),
        sessions: plan ? plan.sessions : [...registrant.sessions],
        id: this.#newId(),
        status: plan ? 'confirmed' : 'waitlisted',
        seq: this.#nextSeq++,
        registeredAt: step.at,
        updatedAt: step.at,
      },
      plan ? plan.waitingFor : waitingFor,
    );
    if (plan) moveSeats(this.#seats, record.sessions, 1);
    this.#put(record);
    this.#write(step, plan ? 'confirmation' : 'waitlisted', record);
    return { ok: true, registration: record };
  }

  #changeSession(command: ChangeSessionCommand, step: Step): ChangeSessionResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    const index = seriesIndexOf(this.#event, command.sessionNumber);
    if (index < 0) return { ok: false, reason: 'invalid_session' };
    return setSeries(this.#parts, current, index, command.sessionNumber, null, step) as ChangeSessionResult;
  }

  #changeSeries(command: ChangeSeriesCommand, step: Step): ChangeSeriesResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    const index = this.#event.series.findIndex((s) => s.id === command.seriesId);
    const inSeries = (n: number | null) => n === null || seriesIndexOf(this.#event, n) === index;
    if (index < 0 || !inSeries(command.hold) || !inSeries(command.wait) || (command.hold !== null && command.hold === command.wait)) {
      return { ok: false, reason: 'invalid_session' };
    }
    if (command.hold === null && command.wait === null && this.#event.series[index]!.required) return { ok: false, reason: 'series_required' };
    return setSeries(this.#parts, current, index, command.hold, command.wait, step);
  }

  #cancel(command: CancelCommand, step: Step): CancelResult {
    const current = this.#registrations.get(command.registrationId);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.status === 'confirmed') moveSeats(this.#seats, current.sessions, -1);
    this.#remove(current);
    const cancelled: RegistrationRecord = { ...current, updatedAt: step.at };
    this.#write(step, 'cancelled', cancelled);
    return { ok: true, cancelled, bumped: [], promoted: promote(this.#parts, step) };
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

  /** Stores a new or changed registration and keeps every index in step with it. */
  #put(record: RegistrationRecord): void {
    this.#idByEmail.set(emailKey(record.email), record.id);
    const owned = this.#idsByOwner.get(record.owner) ?? new Set<string>();
    this.#idsByOwner.set(record.owner, owned.add(record.id));
    this.#waitlists.update(this.#registrations.get(record.id), record);
    this.#registrations.set(record.id, record);
  }

  #remove(record: RegistrationRecord): void {
    this.#waitlists.update(this.#registrations.get(record.id), null);
    this.#registrations.delete(record.id);
    this.#idByEmail.delete(emailKey(record.email));
    const owned = this.#idsByOwner.get(record.owner);
    owned?.delete(record.id);
    if (owned?.size === 0) this.#idsByOwner.delete(record.owner);
  }

  #write(step: Step, kind: OutboxEntry['kind'], registration: RegistrationRecord, extra: Pick<OutboxEntry, 'previousSessions' | 'previousDetails' | 'sessionNumber'> = {}): void {
    step.entries.push({
      id: outboxEntryId(step.command, step.key, kind, registration.id, extra.sessionNumber),
      kind,
      registration: structuredClone(registration),
      ...structuredClone(extra),
      createdAt: step.at,
    });
  }
}
