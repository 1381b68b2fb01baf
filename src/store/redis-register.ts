import { z } from 'zod';
import {
  BalieError,
  emailKey,
  isValidSeriesChoice,
  type EventData,
  type RegisterCommand,
  type RegisterResult,
  type Registrant,
  type RegistrationRecord,
  type ShippingAddress,
} from '../core/index.ts';
import { GroupCommit } from './group-commit.ts';
import { registerReply, withRecords } from './redis-ledger-replies.ts';
import type { RedisOutbox } from './redis-outbox.ts';
import { commandDigestLength, digestOf, idempotencyConflict } from './seat-ledger-rules.ts';

/** register.lua numbers the outbox entries of one run 01-99. */
export const maxRegisterBatch = 99;

/** What register.lua decided for a fresh registration: its status, seq, and (when it decided them) its sessions. */
interface FreshRegistration {
  status: 'confirmed' | 'waitlisted';
  seq: number;
  decided?: { sessions: number[]; waitingFor: number[] };
}

/** A register on its way to register.lua: its two keys and ten arguments. */
interface PendingRegister {
  idemKey: string;
  regKey: string;
  args: string[];
}

/** What the register path needs of RedisSeatLedger. */
export interface RegisterDeps {
  event: EventData;
  base: string;
  seats: string;
  newId: () => string;
  outbox: RedisOutbox;
  maxBatch: number;
  call: (keys: string[], args: string[]) => Promise<unknown>;
}

/** A shipping address field by field: a fixed order, whatever order the caller's object has. */
function shippingAddress(a: ShippingAddress): ShippingAddress {
  return { street: a.street, postalCode: a.postalCode, city: a.city, country: a.country };
}

let lastIso = { ms: NaN, iso: '' };

/** `at.toISOString()`, remembered for the next call: registers made in the same millisecond share it. */
export function isoTime(at: Date): string {
  const ms = at.getTime();
  if (ms !== lastIso.ms) lastIso = { ms, iso: at.toISOString() };
  return lastIso.iso;
}

const safeId = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A sessions field of records.lua ('2,9;4') as lists. */
function sessionsOf(field: string): { sessions: number[]; waitingFor: number[] } {
  const [held = '', waits = ''] = field.split(';');
  const list = (text: string) => (text === '' ? [] : text.split(',').map(Number));
  return { sessions: list(held), waitingFor: list(waits) };
}

/**
 * The hot path of RedisSeatLedger: register (register.lua). The registrant goes in once, as JSON
 * built here, and its idempotency result and outbox entry are small forms rebuilt from the
 * registration on a retry or a claim (records.lua). Registers made close together go to Redis as
 * one register.lua run (group commit).
 */
export class RedisRegisters {
  readonly #deps: RegisterDeps;
  readonly #batches: GroupCommit<PendingRegister, FreshRegistration | string>;

  constructor(deps: RegisterDeps) {
    this.#deps = deps;
    this.#batches = new GroupCommit((batch) => this.#registerBatch(batch), Math.min(deps.maxBatch, maxRegisterBatch));
  }

  async register(command: RegisterCommand): Promise<RegisterResult> {
    const r = command.registrant;
    const { sessions } = r;
    const waitingFor = r.waitingFor ?? [];
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
    const id = this.#deps.newId();
    if (!safeId.test(id)) throw new BalieError('internal', 'a registration id must be letters, digits, _ . : or -');
    const at = isoTime(command.at);
    const sessionList = sessions.join(',');
    const waitList = waitingFor.join(',');
    const email = emailKey(r.email);
    const registrantJson = JSON.stringify(registrant);
    // The command, for rule 4, from the strings made anyway (the registrant in a fixed field order);
    // without waits exactly as before waits existed, so that a retry across the upgrade is known.
    const digest = digestOf(`${command.waitlistIfFull ? 1 : 0}\n${sessionList}${waitList ? `;${waitList}` : ''}\n${registrantJson}`);
    // The strings register.lua stores for a confirmed registration, so that it makes none (it
    // derives the rarer waiting ones). None but the key and the owner can hold a raw newline (JSON
    // escapes it, an e-mail key is tidied), and the key comes last in the registration string.
    const decided = `|${sessionList}|${at}|${id}`;
    const valid = isValidSeriesChoice(this.#deps.event, sessions, waitingFor);
    const reply = await this.#batches.push({
      idemKey: `${this.#deps.base}idem:register:${command.key}`,
      regKey: `${this.#deps.base}reg:${id}`,
      args: [
        valid ? (command.waitlistIfFull ? '2' : '1') + this.#deps.outbox.chatFlag(r.owner) : '0',
        email,
        sessionList,
        id,
        r.owner,
        `confirmed\n\n${sessionList}\n${at}\n${at}\n${email}\n${registrantJson}\n${command.key}`,
        `${digest}F|confirmed|${decided}`,
        `register:${command.key}:confirmation:${id}`,
        `|@confirmation|confirmed|${decided}`,
        valid ? waitList : '',
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
      sessions: reply.decided ? reply.decided.sessions : [...sessions],
      id,
      status: reply.status,
      seq: reply.seq,
      registeredAt: at,
      updatedAt: at,
    };
    const waits = reply.decided ? reply.decided.waitingFor : reply.status === 'waitlisted' ? waitingFor : [];
    if (waits.length > 0) registration.waitingFor = [...waits];
    if (registrant.forSomeoneElse !== undefined) registration.forSomeoneElse = registrant.forSomeoneElse;
    return { ok: true, registration };
  }

  /**
   * One register.lua run for a batch: per registration the status and seq of a fresh one (counted
   * on from the seq the script read, in order), or the JSON of a refusal or of a retry's result.
   */
  async #registerBatch(batch: PendingRegister[]): Promise<Array<FreshRegistration | string>> {
    const keys = [this.#deps.seats];
    const args: string[] = [];
    for (const { idemKey, regKey, args: fields } of batch) {
      keys.push(idemKey, regKey);
      for (const value of fields) args.push(value);
    }
    for (const fresh of this.#deps.outbox.chatFresh) args.push(fresh);
    const replies = z.array(z.string()).length(batch.length + 1).parse(await this.#deps.call(keys, args));
    let seq = Number(replies[batch.length]);
    return replies.slice(0, batch.length).map((reply) => {
      if (reply === 'c') return { status: 'confirmed', seq: ++seq };
      if (reply === 'w') return { status: 'waitlisted', seq: ++seq };
      if (reply.startsWith('+')) return { status: 'confirmed', seq: ++seq, decided: sessionsOf(reply.slice(1)) };
      return reply;
    });
  }
}
