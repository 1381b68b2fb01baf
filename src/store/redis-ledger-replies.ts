import { z } from 'zod';
import { outboxKinds, type Registrant, type RegistrationRecord } from '../core/index.ts';

// The replies of the ledger's Lua scripts, checked at the boundary (zod), and turned into the
// core's records: a record carries the registrant as entered.

/** A registration as the scripts write it (rec_json in records.lua). */
export const rawRecord = z.object({
  id: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  seq: z.number().int(),
  sessions: z.array(z.number().int()),
  waitingFor: z.array(z.number().int()).optional(),
  registeredAt: z.string(),
  updatedAt: z.string(),
  registrant: z.looseObject({ email: z.string(), owner: z.string() }),
});
/** Records of a reply: bumped, promoted, a snapshot's registrations. */
export const records = z.array(rawRecord);
const movements = { bumped: records, promoted: records };
/** A refusal with nothing but its reason. */
export const refusal = <R extends string>(reason: R) => z.object({ ok: z.literal(false), reason: z.literal(reason) });
/** What RedisSeatLedger's #command answers for a known key that came with another command: a member of every command's reply. */
export const conflict = refusal('idempotency_conflict');
const sessionFull = z.object({ ok: z.literal(false), reason: z.literal('session_full'), sessionNumbers: z.array(z.number().int()) });

/** What register.lua answers for a registration that is not fresh: a refusal or a retry's result. */
export const registerReply = z.union([
  z.object({ ok: z.literal(true), registration: rawRecord }),
  sessionFull,
  refusal('venue_full'),
  refusal('invalid_sessions'),
  z.object({ ok: z.literal(false), reason: z.literal('email_taken'), registrationId: z.string() }),
]);
/** change.lua's answer. */
export const changeReply = z.union([
  z.object({ ok: z.literal(true), registration: rawRecord, previousSessions: z.array(z.number().int()), ...movements }),
  sessionFull,
  refusal('not_found'),
  refusal('invalid_session'),
  refusal('series_required'),
  refusal('unchanged'),
  conflict,
]);
/** cancel.lua's answer. */
export const cancelReply = z.union([z.object({ ok: z.literal(true), cancelled: rawRecord, ...movements }), refusal('not_found'), conflict]);
const address = z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() });
const previousDetails = z.object({ email: z.string(), book: z.object({ shippingAddress: address }).nullable() });
/** details.lua's answer. */
export const detailsReply = z.union([
  z.object({ ok: z.literal(true), registration: rawRecord, previousDetails }),
  refusal('not_found'),
  refusal('invalid_details'),
  refusal('unchanged'),
  z.object({ ok: z.literal(false), reason: z.literal('email_taken'), registrationId: z.string() }),
  conflict,
]);
/** venue-cap.lua's and session-cap.lua's answer. */
export const capReply = z.union([z.object({ ok: z.literal(true), ...movements }), refusal('invalid_session'), refusal('invalid_cap'), conflict]);
/** read.lua's availability: HGETALL becomes a flat array in JSON (an empty one encodes as {}); `waiting` is [session, count, ...]. */
export const seatsReply = z.object({ seats: z.union([z.array(z.string()), z.object({})]), waitlistLength: z.number().int(), waiting: z.array(z.number().int()) });
/** read.lua's waiting lists: the venue's ids, and per session [number, ids]. */
export const waitlistsReply = z.object({
  venue: z.array(z.string()),
  sessions: z.array(z.tuple([z.number().int(), z.array(z.string())])),
});
/** snapshot.lua's answer. */
export const snapshotReply = seatsReply.extend({ registrations: records, waitlists: waitlistsReply });
/** An outbox entry as outbox-claim.lua and outbox-list.lua hand it out. */
export const outboxEntry = z.object({
  lane: z.string(),
  id: z.string(),
  kind: z.enum(outboxKinds),
  registration: rawRecord,
  previousSessions: z.array(z.number().int()).optional(),
  sessionNumber: z.number().int().optional(),
  previousDetails: previousDetails.optional(),
  dataExport: z.string().optional(),
  message: z.object({ nl: z.string(), en: z.string() }).optional(),
  createdAt: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});

/** A record as a script wrote it. */
export type RawRecord = z.infer<typeof rawRecord>;

/** A script's record as the core's RegistrationRecord. */
export function toRecord(raw: RawRecord): RegistrationRecord {
  const { id, status, seq, sessions, waitingFor, registeredAt, updatedAt, registrant } = raw;
  const record: RegistrationRecord = { ...(registrant as unknown as Registrant), id, status, seq, sessions, registeredAt, updatedAt };
  if (waitingFor) record.waitingFor = waitingFor;
  return record;
}

/** Turns the raw records of a script's reply (registration, cancelled, bumped, promoted) into RegistrationRecords. */
export function withRecords(reply: { ok: boolean }): unknown {
  const out: Record<string, unknown> = { ...reply };
  for (const [name, value] of Object.entries(reply) as Array<[string, unknown]>) {
    if (name === 'bumped' || name === 'promoted') out[name] = (value as RawRecord[]).map(toRecord);
    else if (name === 'registration' || name === 'cancelled') out[name] = toRecord(value as RawRecord);
  }
  return out;
}
