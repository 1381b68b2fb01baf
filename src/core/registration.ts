import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { isRegistrationOpen, type EventData } from './event.ts';
import { checkPostalCode } from './address.ts';
import type { Result } from './result.ts';
import { tidy } from './text.ts';

export { tidy } from './text.ts';

/** The three kinds of organisation the event is for. */
export const organisationTypes = ['local_government', 'social_economy', 'other'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** The languages Balie speaks; Dutch is the default. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

/** Where a book is sent. */
export interface ShippingAddress {
  street: string; // street and number
  postalCode: string;
  city: string;
  country: string; // ISO 3166 alpha-2, e.g. BE
}

/** Everything a person enters to register (the form of the event page). */
export interface Registrant {
  firstName: string;
  lastName: string;
  email: string;
  phone: string; // E.164
  organisation: string;
  organisationType: OrganisationType;
  /**
   * The sessions held (or, on the venue waiting list, to be held), in series order, at most one per
   * series: a series skipped, or waited for without a fallback, has none here.
   */
  sessions: number[];
  /**
   * The sessions waited for (each on its own waiting list), in series order, at most one per series;
   * a session held in the same series is the fallback, given up when the wanted one comes free.
   * Absent when nothing is waited for.
   */
  waitingFor?: number[];
  /** The book order: null when no book is ordered, else where to send it. */
  book: { shippingAddress: ShippingAddress } | null;
  language: Language;
  /** Who registered, as `<channel>:<user id>`, so "my registration" finds it again. */
  owner: string;
  /** True when the owner registered someone else (a colleague); absent on their own registration. */
  forSomeoneElse?: boolean;
}

/** Field length limits: generous for real names, tight enough to keep abuse out. */
export const fieldLimits = { name: 80, email: 254, organisation: 120, street: 120, city: 80, phone: 32 } as const;

/** Why a typed value was refused; dialogs turn these into a friendly re-ask. */
export type FieldProblem =
  | 'empty'
  | 'too_short'
  | 'too_long'
  | 'invalid_characters'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_postal_code'
  | 'invalid_country'
  | 'needs_house_number';

export type FieldResult<T> = Result<{ value: T }, { reason: FieldProblem }>;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(reason: FieldProblem): FieldResult<T> => ({ ok: false, reason });

// Letters of any script, marks, digits and the punctuation names and addresses really use.
const plainText = /^[\p{L}\p{M}\p{N} .,'’&()/+\-–:;#°"!?@]+$/u;


function checkText(raw: string, max: number, pattern: RegExp = plainText): FieldResult<string> {
  const value = tidy(raw);
  if (value.length === 0) return fail('empty');
  if (value.length > max) return fail('too_long');
  if (!pattern.test(value) || /[<>{}[\]\\`|^~$*=_]/u.test(value)) return fail('invalid_characters');
  return ok(value);
}

const namePattern = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

/**
 * A first or last name: letters, spaces, apostrophes, dots and hyphens, at least two letters. Typed
 * all in lower case it gets capitals as people expect ("jan de smet" -> "Jan De Smet"); a name
 * typed with any capital is kept as it is ("Jan van den Broeck").
 */
export function checkName(raw: string): FieldResult<string> {
  const result = checkText(raw, fieldLimits.name, namePattern);
  if (!result.ok) return result;
  if ((result.value.match(/\p{L}/gu) ?? []).length < 2) return fail('too_short');
  return ok(withCapitals(result.value));
}

/** Capitals at the start of every word and after a hyphen or apostrophe, when the text has none. */
export function withCapitals(value: string): string {
  if (value !== value.toLocaleLowerCase('nl')) return value;
  return value.replace(/(^|[\s\-'’.])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('nl'));
}

const emailSchema = z.email();

/** An e-mail address, kept as typed but trimmed; compare with `emailKey`. */
export function checkEmail(raw: string): FieldResult<string> {
  const value = tidy(raw);
  if (value.length === 0) return fail('empty');
  if (value.length > fieldLimits.email) return fail('too_long');
  return emailSchema.safeParse(value).success ? ok(value) : fail('invalid_email');
}

/** One registration per e-mail address, case-insensitively. */
export function emailKey(email: string): string {
  return tidy(email).toLowerCase();
}

/**
 * A phone number as E.164: with + or 00 for any country ("+31 6 ...", "0044 20 ..."), else read as
 * a number of `country` (from the address or the e-mail address, see `phoneCountryHint`) and then
 * as a Belgian one ("0470 12 34 56").
 */
export function checkPhone(raw: string, country: string = 'BE'): FieldResult<string> {
  const value = tidy(raw);
  if (value.length === 0) return fail('empty');
  if (value.length > fieldLimits.phone) return fail('too_long');
  if (!/^[+\d(][\d ()./-]*$/.test(value)) return fail('invalid_phone');
  const international = value.replace(/^00/, '+');
  for (const hint of new Set([country, 'BE'])) {
    if (!isSupportedCountry(hint)) continue;
    const phone = parsePhoneNumberFromString(international, hint);
    if (phone && phone.isValid()) return ok(phone.number);
  }
  return fail('invalid_phone');
}

/** The country a national phone number is most likely from: the address's, else the e-mail's country domain (".nl"), else Belgium. */
export function phoneCountryHint(hints: { country?: string | undefined; email?: string | undefined }): string {
  if (hints.country && isSupportedCountry(hints.country)) return hints.country;
  const tld = /\.([a-z]{2})$/i.exec(hints.email ?? '')?.[1]?.toUpperCase();
  const code = tld === 'UK' ? 'GB' : tld;
  return code && code !== 'EU' && isSupportedCountry(code) ? code : 'BE';
}

/** The name of a public service, company, association, ... */
export function checkOrganisation(raw: string): FieldResult<string> {
  return checkText(raw, fieldLimits.organisation);
}

/** Street and house number; typed all in lower case, it starts with a capital ("kerkstraat 12" -> "Kerkstraat 12"). */
export function checkStreet(raw: string): FieldResult<string> {
  const result = checkText(raw, fieldLimits.street);
  if (result.ok && !/\d/.test(result.value)) return fail('needs_house_number');
  if (result.ok && result.value === result.value.toLocaleLowerCase('nl')) return ok(result.value.replace(/\p{Ll}/u, (letter) => letter.toLocaleUpperCase('nl')));
  return result;
}

/** A city or town; typed all in lower case, it gets capitals ("sint-pieters-leeuw" -> "Sint-Pieters-Leeuw"). */
export function checkCity(raw: string): FieldResult<string> {
  const result = checkText(raw, fieldLimits.city);
  return result.ok ? ok(withCapitals(result.value)) : result;
}

/** Why a complete registration cannot be accepted as it is. */
export type RegistrantProblem =
  | { reason: 'registration_closed' }
  | { reason: 'invalid_sessions' }
  | { reason: 'invalid_field'; field: keyof Registrant | 'shippingAddress'; problem: FieldProblem };

/** Checks a whole registrant against the event's rules (closing date, the sessions per series). */
export function checkRegistrant(event: EventData, registrant: Registrant, now: Date): Result<object, RegistrantProblem> {
  if (!isRegistrationOpen(event, now)) return { ok: false, reason: 'registration_closed' };
  if (!isValidSeriesChoice(event, registrant.sessions, registrant.waitingFor ?? [])) return { ok: false, reason: 'invalid_sessions' };
  const fields: Array<[keyof Registrant, FieldResult<unknown>]> = [
    ['firstName', checkName(registrant.firstName)],
    ['lastName', checkName(registrant.lastName)],
    ['email', checkEmail(registrant.email)],
    ['phone', checkPhone(registrant.phone)],
    ['organisation', checkOrganisation(registrant.organisation)],
  ];
  for (const [field, result] of fields) {
    if (!result.ok) return { ok: false, reason: 'invalid_field', field, problem: result.reason };
  }
  if (registrant.book) {
    const a = registrant.book.shippingAddress;
    for (const result of [checkStreet(a.street), checkPostalCode(a.postalCode, a.country), checkCity(a.city)]) {
      if (!result.ok) return { ok: false, reason: 'invalid_field', field: 'shippingAddress', problem: result.reason };
    }
  }
  return { ok: true };
}

/** Exactly one session of every series, and only sessions that exist. */
export function hasOneSessionPerSeries(event: EventData, sessions: readonly number[]): boolean {
  if (sessions.length !== event.series.length) return false;
  // Plain loops: this runs for every registration on the ledger's hot path.
  for (let index = 0; index < sessions.length; index++) {
    let inSeries = false;
    for (const session of event.sessions) {
      if (session.number === sessions[index]) {
        inSeries = session.series === event.series[index]!.id;
        break;
      }
    }
    if (!inSeries) return false;
  }
  return true;
}

/** The index of a session's series in `event.series`, or -1 for a session that does not exist. */
export function seriesIndexOf(event: EventData, sessionNumber: number): number {
  for (const session of event.sessions) {
    if (session.number !== sessionNumber) continue;
    for (let index = 0; index < event.series.length; index++) if (event.series[index]!.id === session.series) return index;
  }
  return -1;
}

/** The session of `list` (held or waited for) in the series with this id, or undefined. */
export function sessionInSeries(event: EventData, list: readonly number[] | undefined, seriesId: number): number | undefined {
  const index = event.series.findIndex((s) => s.id === seriesId);
  return index < 0 ? undefined : list?.find((n) => seriesIndexOf(event, n) === index);
}

/**
 * What a registration may hold and wait for: sessions that exist, in series order, at most one
 * held and one waited for per series, never the same one, and something (held or waited for) in
 * every series the event file marks `required`.
 */
export function isValidSeriesChoice(event: EventData, sessions: readonly number[], waitingFor: readonly number[]): boolean {
  if (!inSeriesOrder(event, sessions) || !inSeriesOrder(event, waitingFor)) return false;
  for (const n of waitingFor) if (sessions.includes(n)) return false;
  for (let index = 0; index < event.series.length; index++) {
    if (!event.series[index]!.required) continue;
    if (!sessions.some((n) => seriesIndexOf(event, n) === index) && !waitingFor.some((n) => seriesIndexOf(event, n) === index)) return false;
  }
  return true;
}

function inSeriesOrder(event: EventData, list: readonly number[]): boolean {
  let last = -1;
  for (const n of list) {
    if (!Number.isSafeInteger(n)) return false;
    const index = seriesIndexOf(event, n);
    if (index <= last) return false;
    last = index;
  }
  return true;
}
