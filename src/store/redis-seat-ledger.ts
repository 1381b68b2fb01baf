import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  BalieError,
  emailKey,
  findSession,
  hasOneSessionPerSeries,
  type Availability,
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
  type RegisterCommand,
  type RegisterResult,
  type Registrant,
  type RegistrationRecord,
  type SeatLedger,
  type SetCapResult,
  type SetSessionCapCommand,
  type SetVenueCapCommand,
  type UpdateDetailsCommand,
  type UpdateDetailsResult,
  type ShippingAddress,
  type PersonalDataLedger,
} from '../core/index.ts';
import { GroupCommit } from './group-commit.ts';
import { RedisOutbox } from './redis-outbox.ts';
import { RedisPrivacy } from './redis-privacy.ts';
import { cancelReply, capReply, changeReply, detailsReply, outboxEntry, rawRecord, records, registerReply, seatsReply, snapshotReply, toRecord, withRecords } from './redis-ledger-replies.ts';
import { CallDeadline, type LedgerRedisClient, type LedgerScripts } from './redis-ledger-scripts.ts';
import { checkDetails, commandDigest, commandDigestLength, digestOf, idempotencyConflict, isValidCap } from './seat-ledger-rules.ts';

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

/** What register.lua decided for a fresh registration. */
interface FreshRegistration {
  status: 'confirmed' | 'waitlisted';
  seq: number;
}

/** A register on its way to register.lua: its two keys and nine arguments. */
interface PendingRegister {
  idemKey: string;
  regKey: string;
  args: string[];
}

/** A shipping address field by field: a fixed order, whatever order the caller's object has. */
function shippingAddress(a: ShippingAddress): ShippingAddress {
  return { street: a.street, postalCode: a.postalCode, city: a.city, country: a.country };
}

let lastIso = { ms: NaN, iso: '' };

/** `at.toISOString()`, remembered for the next call: registers made in the same millisecond share it. */
function isoTime(at: Date): string {
  const ms = at.getTime();
  if (ms !== lastIso.ms) lastIso = { ms, iso: at.toISOString() };
  return lastIso.iso;
}

/** register.lua numbers the outbox entries of one run 01-99. */
const maxRegisterBatch = 99;

const safeId = /^[A-Za-z0-9_.:-]{1,100}$/;


/**
 * The seat ledger and its outbox in Redis, for many bot processes serving one event. Every
 * command is one Lua script (src/store/lua) doing the whole check-and-write atomically; all
 * keys live under `<prefix>balie:{<eventId>}:` so one event stays in one Cluster slot.
 * Semantics are those of MemorySeatLedger (seat-ledger-rules.ts); the contract suites run both.
 * register is the hot path (register.lua): the registrant goes in once, as JSON built here, and
 * its idempotency result and outbox entry are small forms rebuilt from the registration on a
 * retry or a claim (records.lua). Calls are bounded by one CallDeadline, not node-redis timers.
 */
export class RedisSeatLedger implements SeatLedger, Outbox {
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
  // Registers made close together go to Redis as one register.lua run (group commit).
  readonly #registers: GroupCommit<PendingRegister, FreshRegistration | string>;

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
    this.#registers = new GroupCommit((batch) => this.#registerBatch(batch), Math.min(options.maxRegisterBatch ?? 64, maxRegisterBatch));
  }

  async register(command: RegisterCommand): Promise<RegisterResult> {
    const r = command.registrant;
    const { sessions } = r;
    // Field by field: a fixed shape is much cheaper to copy and to serialise than an object rest.
    const registrant: Omit<Registrant, 'sessions'> = {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      organisation: r.organisation,
      organisationType: r.organisationType,
      book: r.book ? { shippingAddress: shippingAddress(r.book.shippingAddress) } : null,
      language: r.language,
      owner: r.owner,
    };
    // Only on registrations for someone else, so the common one keeps its shape and its bytes.
    if (r.forSomeoneElse !== undefined) registrant.forSomeoneElse = r.forSomeoneElse;
    const id = this.#newId();
    if (!safeId.test(id)) throw new BalieError('internal', 'a registration id must be letters, digits, _ . : or -');
    const at = isoTime(command.at);
    const sessionList = sessions.join(',');
    const email = emailKey(r.email);
    const registrantJson = JSON.stringify(registrant);
    // The command, for rule 4, from the strings made anyway (the registrant in a fixed field order).
    const digest = digestOf(`${command.waitlistIfFull ? 1 : 0}\n${sessionList}\n${registrantJson}`);
    // The strings register.lua stores for a confirmed registration, so that it makes none (it
    // derives the rarer waiting ones). None but the key and the owner can hold a raw newline (JSON
    // escapes it, an e-mail key is tidied), and the key comes last in the registration string.
    const decided = `|${sessionList}|${at}|${id}`;
    const reply = await this.#registers.push({
      idemKey: this.#idemKey('register', command.key),
      regKey: `${this.#base}reg:${id}`,
      args: [
        hasOneSessionPerSeries(this.#event, sessions) ? (command.waitlistIfFull ? '2' : '1') + this.#outbox.chatFlag(r.owner) : '0',
        email,
        sessionList,
        id,
        r.owner,
        `confirmed\n\n${sessionList}\n${at}\n${at}\n${email}\n${registrantJson}\n${command.key}`,
        `${digest}F|confirmed|${decided}`,
        `register:${command.key}:confirmation:${id}`,
        `|@confirmation|confirmed|${decided}`,
      ],
    });
    if (typeof reply === 'string') {
      // The key was known: the first result if it came with this command, else a conflict (rule 4).
      if (!reply.startsWith(digest)) return { ...idempotencyConflict };
      return withRecords(registerReply.parse(JSON.parse(reply.slice(commandDigestLength)))) as RegisterResult;
    }
    // Field by field again: an object spread followed by more fields is several µs here.
    const registration: RegistrationRecord = {
      firstName: registrant.firstName,
      lastName: registrant.lastName,
      email: registrant.email,
      phone: registrant.phone,
      organisation: registrant.organisation,
      organisationType: registrant.organisationType,
      book: registrant.book,
      language: registrant.language,
      owner: registrant.owner,
      sessions: [...sessions],
      id,
      status: reply.status,
      seq: reply.seq,
      registeredAt: at,
      updatedAt: at,
    };
    if (registrant.forSomeoneElse !== undefined) registration.forSomeoneElse = registrant.forSomeoneElse;
    return { ok: true, registration };
  }

  /**
   * One register.lua run for a batch: per registration the status and seq of a fresh one (counted
   * on from the seq the script read, in order), or the JSON of a refusal or of a retry's result.
   */
  async #registerBatch(batch: PendingRegister[]): Promise<Array<FreshRegistration | string>> {
    const keys = [this.#seats];
    const args: string[] = [];
    for (const { idemKey, regKey, args: fields } of batch) {
      keys.push(idemKey, regKey);
      for (const value of fields) args.push(value);
    }
    for (const fresh of this.#outbox.chatFresh) args.push(fresh);
    const replies = z.array(z.string()).length(batch.length + 1).parse(await this.#call('balieLedgerRegister', keys, args));
    let seq = Number(replies[batch.length]);
    return replies.slice(0, batch.length).map((reply) => {
      if (reply === 'c') return { status: 'confirmed', seq: ++seq };
      if (reply === 'w') return { status: 'waitlisted', seq: ++seq };
      return reply;
    });
  }

  async changeSession(command: ChangeSessionCommand): Promise<ChangeSessionResult> {
    const session = findSession(this.#event, command.sessionNumber);
    const seriesIndex = session ? this.#event.series.findIndex((s) => s.id === session.series) + 1 : 0;
    const reply = await this.#command('balieLedgerChange', 'change', command, [
      command.registrationId,
      String(command.sessionNumber),
      String(seriesIndex),
    ]);
    return withRecords(changeReply.parse(reply)) as ChangeSessionResult;
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

  async snapshot(): Promise<LedgerSnapshot> {
    const reply = snapshotReply.parse(JSON.parse(String(await this.#call('balieLedgerSnapshot', [this.#seats], []))));
    return { availability: this.#toAvailability(reply), registrations: reply.registrations.map(toRecord) };
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
    const caps = this.#event.sessions.flatMap((s) => [String(s.number), String(s.capacity)]);
    try {
      await this.#deadline.run(this.#client.balieLedgerInit([this.#seats], [this.#base, String(this.#event.venueCap), this.#outbox.chatChannels.join(','), ...caps]));
    } catch (error) {
      this.#initialised = null;
      throw error;
    }
  }

  #toAvailability(reply: z.infer<typeof seatsReply>): Availability {
    const flat = Array.isArray(reply.seats) ? reply.seats : [];
    const values = new Map<string, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) values.set(flat[i] as string, Number(flat[i + 1]));
    const sessions = [...values.keys()]
      .filter((field) => field.startsWith('c'))
      .map((field) => Number(field.slice(1)))
      .sort((a, b) => a - b)
      .map((sessionNumber) => ({ sessionNumber, cap: values.get(`c${sessionNumber}`) ?? 0, taken: values.get(`t${sessionNumber}`) ?? 0 }));
    return { venueCap: values.get('vcap') ?? 0, venueTaken: values.get('vtaken') ?? 0, sessions, waitlistLength: reply.waitlistLength };
  }
}
