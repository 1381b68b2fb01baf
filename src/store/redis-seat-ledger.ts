import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  BalieError,
  emailKey,
  seriesIndexOf,
  type Availability,
  type ChangeSeriesCommand,
  type ChangeSeriesResult,
  type Waitlists,
  type CancelCommand,
  type CancelResult,
  type DeliveryCount,
  type DeliveryEntry,
  type DeliveryLane,
  type DeliveryQueue,
  type DeliveryState,
  type ChangeSessionCommand,
  type ChangeSessionResult,
  type EventData,
  type LedgerSnapshot,
  type Outbox,
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
import { RedisOutbox } from './redis-outbox.ts';
import { RedisPrivacy } from './redis-privacy.ts';
import { cancelReply, capReply, changeReply, detailsReply, outboxEntry, rawRecord, records, seatsReply, snapshotReply, toRecord, waitlistsReply, withRecords } from './redis-ledger-replies.ts';
import { CallDeadline, type LedgerRedisClient, type LedgerScripts } from './redis-ledger-scripts.ts';
import { RedisRegisters } from './redis-register.ts';
import { checkDetails, commandDigest, commandDigestLength, idempotencyConflict, isValidCap } from './seat-ledger-rules.ts';

/** read.lua's waiting lists as the core's Waitlists. */
function toWaitlists(reply: z.infer<typeof waitlistsReply>): Waitlists {
  return { venue: reply.venue, sessions: reply.sessions.map(([sessionNumber, registrationIds]) => ({ sessionNumber, registrationIds })) };
}

export { ledgerScripts, type LedgerRedisClient, type LedgerScripts } from './redis-ledger-scripts.ts';

/**
 * Options of the Redis ledger: a key prefix (no braces; default none), the id generator, and how
 * long a call may take before it is rejected (default 5,000 ms, node-redis's default; 0 for no bound).
 */
export interface RedisSeatLedgerOptions {
  keyPrefix?: string;
  newId?: () => string;
  commandTimeoutMs?: number;
  /** The most registrations one register.lua run decides (default 64, at most 99). */
  maxRegisterBatch?: number;
  /** Channels with a notifier (at most 9): owners on them get a chat lane next to the mail (memory-outbox.ts). */
  chatChannels?: readonly string[];
}

/** An outbox entry of `lane` as the outbox scripts return it (JSON). */
function toDeliveryEntry(json: string, lane: DeliveryLane): DeliveryEntry {
  const entry = outboxEntry.parse({ ...JSON.parse(json), lane });
  return { ...entry, registration: toRecord(entry.registration) } as DeliveryEntry;
}

/**
 * The seat ledger and its outbox in Redis, for many bot processes serving one event. Every
 * command is one Lua script (src/store/lua) doing the whole check-and-write atomically; all
 * keys live under `<prefix>balie:{<eventId>}:` so one event stays in one Cluster slot.
 * Semantics are those of MemorySeatLedger (seat-ledger-rules.ts); the contract suites run both.
 * register is the hot path (register.lua): the registrant goes in once, as JSON built here, and
 * its idempotency result and outbox entry are small forms rebuilt from the registration on a
 * retry or a claim (records.lua). Calls are bounded by one CallDeadline, not node-redis timers.
 */
export class RedisSeatLedger implements SeatLedger, Outbox, ParticipantMessages {
  /** Reminders, a person's data, forgetting and the purge (redis-privacy.ts). */
  readonly privacy: PersonalDataLedger;
  readonly #client: LedgerRedisClient;
  readonly #event: EventData;
  readonly #newId: () => string;
  readonly #base: string;
  readonly #seats: string;
  readonly #deadline: CallDeadline;
  #initialised: Promise<void> | null = null;
  readonly #outbox: RedisOutbox;
  readonly #registers: RedisRegisters;

  constructor(client: LedgerRedisClient, event: EventData, options: RedisSeatLedgerOptions = {}) {
    const prefix = options.keyPrefix ?? '';
    if (/[{}]/.test(prefix)) throw new BalieError('config_invalid', 'the Redis key prefix must not contain { or }');
    // The ledger bounds its calls itself (CallDeadline), so node-redis sets no timer per command.
    this.#client = (client.withCommandOptions?.({ timeout: 0 }) as LedgerRedisClient | undefined) ?? client;
    this.#deadline = new CallDeadline(options.commandTimeoutMs ?? 5000);
    this.#event = event;
    this.#newId = options.newId ?? randomUUID;
    this.#base = `${prefix}balie:{${event.id}}:`;
    this.#seats = `${this.#base}seats`;
    this.#outbox = new RedisOutbox(this.#base, options.chatChannels ?? [], (script, keys, args) => this.#call(script, keys, args), toDeliveryEntry);
    this.privacy = new RedisPrivacy(this.#seats, (script, keys, args) => this.#call(script, keys, args));
    this.#registers = new RedisRegisters({
      event,
      base: this.#base,
      seats: this.#seats,
      newId: this.#newId,
      outbox: this.#outbox,
      maxBatch: options.maxRegisterBatch ?? 64,
      call: (keys, args) => this.#call('balieLedgerRegister', keys, args),
    });
  }

  register(command: RegisterCommand): Promise<RegisterResult> {
    return this.#registers.register(command);
  }

  async changeSession(command: ChangeSessionCommand): Promise<ChangeSessionResult> {
    const index = seriesIndexOf(this.#event, command.sessionNumber);
    const refusal = index < 0 ? 'invalid_session' : '';
    const reply = await this.#command('balieLedgerChange', 'change', command, [command.registrationId, String(index + 1), String(command.sessionNumber), '', refusal, 'change']);
    return withRecords(changeReply.parse(reply)) as ChangeSessionResult;
  }

  async changeSeries(command: ChangeSeriesCommand): Promise<ChangeSeriesResult> {
    const index = this.#event.series.findIndex((s) => s.id === command.seriesId);
    const inSeries = (n: number | null) => n === null || seriesIndexOf(this.#event, n) === index;
    let refusal = '';
    if (index < 0 || !inSeries(command.hold) || !inSeries(command.wait) || (command.hold !== null && command.hold === command.wait)) refusal = 'invalid_session';
    else if (command.hold === null && command.wait === null && this.#event.series[index]!.required) refusal = 'series_required';
    const text = (n: number | null) => (n === null ? '' : String(n));
    const reply = await this.#command('balieLedgerChange', 'change-series', command, [command.registrationId, String(index + 1), text(command.hold), text(command.wait), refusal, 'change-series']);
    return withRecords(changeReply.parse(reply)) as ChangeSeriesResult;
  }

  async cancel(command: CancelCommand): Promise<CancelResult> {
    const reply = await this.#command('balieLedgerCancel', 'cancel', command, [command.registrationId]);
    return withRecords(cancelReply.parse(reply)) as CancelResult;
  }

  async updateDetails(command: UpdateDetailsCommand): Promise<UpdateDetailsResult> {
    const details = checkDetails(command.details);
    const email = details?.email;
    const reply = await this.#command('balieLedgerDetails', 'details', command, [
      command.registrationId,
      details ? '1' : '0',
      email ?? '',
      email === undefined ? '' : emailKey(email),
      details?.book === undefined ? '' : JSON.stringify(details.book),
    ]);
    return withRecords(detailsReply.parse(reply)) as UpdateDetailsResult;
  }

  async setVenueCap(command: SetVenueCapCommand): Promise<SetCapResult> {
    const cap = isValidCap(command.cap) ? String(command.cap) : '';
    const reply = await this.#command('balieLedgerVenueCap', 'venue-cap', command, [cap]);
    return withRecords(capReply.parse(reply)) as SetCapResult;
  }

  async writeMessage(registrationIds: readonly string[], message: ParticipantMessage, key: string, at: Date): Promise<number> {
    let written = 0;
    // In slices, so that one script call stays short however many people a message reaches.
    for (let i = 0; i < registrationIds.length; i += 500) {
      const ids = registrationIds.slice(i, i + 500);
      const reply = await this.#call('balieDeskMessage', [this.#seats], [key, at.toISOString(), JSON.stringify({ nl: message.nl, en: message.en }), ...ids]);
      written += z.number().int().parse(reply);
    }
    return written;
  }

  async setSessionCap(command: SetSessionCapCommand): Promise<SetCapResult> {
    const cap = isValidCap(command.cap) ? String(command.cap) : '';
    const session = Number.isSafeInteger(command.sessionNumber) ? String(command.sessionNumber) : '';
    const reply = await this.#command('balieLedgerSessionCap', 'session-cap', command, [session, cap]);
    return withRecords(capReply.parse(reply)) as SetCapResult;
  }

  get(registrationId: string): Promise<RegistrationRecord | null> {
    return this.#lookup('id', registrationId);
  }

  findByEmail(email: string): Promise<RegistrationRecord | null> {
    return this.#lookup('email', emailKey(email));
  }

  findByOwner(owner: string): Promise<RegistrationRecord | null> {
    return this.#lookup('owner', owner);
  }

  async findAllByOwner(owner: string): Promise<RegistrationRecord[]> {
    const reply = await this.#call('balieLedgerRead', [this.#seats], ['owned', owner]);
    return records.parse(JSON.parse(String(reply))).map(toRecord);
  }

  async availability(): Promise<Availability> {
    const reply = await this.#call('balieLedgerRead', [this.#seats], ['availability', '']);
    return this.#toAvailability(seatsReply.parse(JSON.parse(String(reply))));
  }

  async waitlists(): Promise<Waitlists> {
    const reply = await this.#call('balieLedgerRead', [this.#seats], ['waitlists', '']);
    return toWaitlists(waitlistsReply.parse(JSON.parse(String(reply))));
  }

  async snapshot(): Promise<LedgerSnapshot> {
    const reply = snapshotReply.parse(JSON.parse(String(await this.#call('balieLedgerSnapshot', [this.#seats], []))));
    return { availability: this.#toAvailability(reply), registrations: reply.registrations.map(toRecord), waitlists: toWaitlists(reply.waitlists) };
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
   * Runs a command script: ARGV base, at, key, `args`, and last the digest of the whole command
   * (rule 4). The script answers the first result for the key after the digest of the command it
   * came with: this command's, or another's (then `idempotency_conflict`, and nothing changed).
   */
  async #command(
    script: 'balieLedgerChange' | 'balieLedgerCancel' | 'balieLedgerDetails' | 'balieLedgerVenueCap' | 'balieLedgerSessionCap',
    name: string,
    command: { key: string; at: Date },
    args: string[],
  ): Promise<unknown> {
    const digest = commandDigest(command);
    const reply = String(await this.#call(script, this.#commandKeys(name, command.key), [command.at.toISOString(), command.key, ...args, digest]));
    return reply.startsWith(digest) ? JSON.parse(reply.slice(commandDigestLength)) : { ...idempotencyConflict };
  }

  /** KEYS of a command script: the counters and the idempotency record of (command, key). */
  #commandKeys(name: string, key: string): string[] {
    return [this.#seats, this.#idemKey(name, key)];
  }

  #idemKey(name: string, key: string): string {
    return `${this.#base}idem:${name}:${key}`;
  }

  async #lookup(mode: 'id' | 'email' | 'owner', value: string): Promise<RegistrationRecord | null> {
    const reply = await this.#call('balieLedgerRead', [this.#seats], [mode, value]);
    return reply == null ? null : toRecord(rawRecord.parse(JSON.parse(String(reply))));
  }

  /** Runs a script after the counters exist; re-creates them once if Redis lost them (no AOF). */
  async #call(script: keyof LedgerScripts, keys: string[], args: string[]): Promise<unknown> {
    await (this.#initialised ??= this.#init());
    try {
      return await this.#deadline.run(this.#client[script](keys, [this.#base, ...args]));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('BALIE_UNINITIALISED')) throw error;
      this.#initialised = null;
      await (this.#initialised ??= this.#init());
      return this.#deadline.run(this.#client[script](keys, [this.#base, ...args]));
    }
  }

  async #init(): Promise<void> {
    const caps = this.#event.sessions.flatMap((s) => [String(s.number), String(s.capacity), String(seriesIndexOf(this.#event, s.number) + 1)]);
    const args = [this.#base, String(this.#event.venueCap), this.#outbox.chatChannels.join(','), new Date().toISOString(), ...caps];
    try {
      await this.#deadline.run(this.#client.balieLedgerInit([this.#seats], args));
    } catch (error) {
      this.#initialised = null;
      throw error;
    }
  }

  #toAvailability(reply: z.infer<typeof seatsReply>): Availability {
    const flat = Array.isArray(reply.seats) ? reply.seats : [];
    const values = new Map<string, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) values.set(flat[i] as string, Number(flat[i + 1]));
    const waiting = new Map<number, number>();
    for (let i = 0; i + 1 < reply.waiting.length; i += 2) waiting.set(reply.waiting[i]!, reply.waiting[i + 1]!);
    const sessions = [...values.keys()]
      .filter((field) => field.startsWith('c'))
      .map((field) => Number(field.slice(1)))
      .sort((a, b) => a - b)
      .map((sessionNumber) => ({ sessionNumber, cap: values.get(`c${sessionNumber}`) ?? 0, taken: values.get(`t${sessionNumber}`) ?? 0, waiting: waiting.get(sessionNumber) ?? 0 }));
    return { venueCap: values.get('vcap') ?? 0, venueTaken: values.get('vtaken') ?? 0, sessions, waitlistLength: reply.waitlistLength };
  }
}
