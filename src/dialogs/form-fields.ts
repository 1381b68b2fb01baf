import type { EventData, FieldResult, OrganisationType, Registrant, RegistrationRecord } from '../core/index.ts';
import {
  checkCity,
  checkCountry,
  checkEmail,
  checkName,
  checkOrganisation,
  checkPhone,
  checkPostalCode,
  checkStreet,
  countriesOfPostalCode,
  countryName,
  fieldLimits,
  findSession,
  organisationTypes,
  phoneCountryHint,
} from '../core/index.ts';
import { nameCapitals } from './form-names.ts';
import type { FormField } from './i18n/index.ts';
import { isSeriesChoiceOf, parseSeriesValue, recordChoice, seriesValue, type SeriesChoice } from './series-choice.ts';
import { formatPhone, formatPrice, sessionFact, type Speech } from './render.ts';
import type { Draft, FieldId } from './state.ts';

/** What kind of answer a field takes; a channel picks its input by it. */
export type FieldType = 'name' | 'email' | 'phone' | 'organisation' | 'choice' | 'yesNo' | 'address' | 'session';

/** The part of the shipping address an `address` field holds. */
export type AddressPart = 'street' | 'postalCode' | 'city' | 'country';

export type { FieldId } from './state.ts';

/** One field of the registration form: everything the chat, the summary and a one-screen form need to know about it. */
export interface FieldDef {
  id: FieldId;
  type: FieldType;
  /** For `address` fields. */
  part?: AddressPart;
  /** For `session` fields: the series it picks a session of. */
  series?: number;
  /** The catalogue key of its prompt, label and example (sessions use the series' own texts). */
  key: FormField | 'session';
  /** The prefix of its choice ids in the chat (`session:3`, `book:yes`); the value follows it. */
  choicePrefix?: string;
  /** The longest value a person may type. */
  maxLength?: number;
  /** Whether it is asked for this event and what has been entered (the address only with a book). */
  applies: (draft: Draft, event: EventData) => boolean;
  /** The core checker: the value to store, or why not. `draft` gives the other answers (the phone's and the postal code's country). */
  check: (raw: string, draft: Draft, event: EventData) => FieldResult<string>;
  /** How a stored value reads in the summary. */
  show: (value: string, s: Speech) => string;
}

const always = (): boolean => true;
const withBook = (draft: Draft, event: EventData): boolean => answerOf(draft, 'book') === 'yes' && event.book?.shippingAddressRequired === true;
const asTyped = (value: string): string => value;
const fail = (reason: 'invalid_country' | 'invalid_characters'): FieldResult<string> => ({ ok: false, reason });

/**
 * The postal code for the draft's country; before the country is known a Belgian code is
 * expected, and a clearly Dutch, French or German one is kept and checked again once the country
 * is given.
 */
function checkPostalCodeOfDraft(raw: string, draft: Draft): FieldResult<string> {
  const country = answerOf(draft, 'country');
  if (country) return checkPostalCode(raw, country);
  const belgian = checkPostalCode(raw, 'BE');
  const foreign = countriesOfPostalCode(raw).find((code) => code === 'NL' || code === 'FR' || code === 'DE');
  return belgian.ok || !foreign ? belgian : checkPostalCode(raw, foreign);
}

/** A first or last name, typed in lower case with Dutch capitals ("jan van der berg" -> "Jan van der Berg"). */
function checkPersonName(raw: string): FieldResult<string> {
  return checkName(nameCapitals(raw));
}

function checkOrganisationType(raw: string): FieldResult<string> {
  return (organisationTypes as readonly string[]).includes(raw) ? { ok: true, value: raw } : fail('invalid_characters');
}

function checkYesNo(raw: string): FieldResult<string> {
  return raw === 'yes' || raw === 'no' ? { ok: true, value: raw } : fail('invalid_characters');
}

/**
 * The registration form, in the order it is asked. Adding a field is one entry here plus its
 * texts in the catalogues (prompts, fieldNames, examples); the chat, the summary, the change menu,
 * "terug", `formSchema()` and `checkFormSubmission()` follow from it. The entry `session` stands
 * for one field per series of the event.
 */
const formDefinition: ReadonlyArray<Omit<FieldDef, 'id'> & { id: FieldId | 'session' }> = [
  { id: 'firstName', key: 'firstName', type: 'name', maxLength: fieldLimits.name, applies: always, check: checkPersonName, show: asTyped },
  { id: 'lastName', key: 'lastName', type: 'name', maxLength: fieldLimits.name, applies: always, check: checkPersonName, show: asTyped },
  { id: 'email', key: 'email', type: 'email', maxLength: fieldLimits.email, applies: always, check: checkEmail, show: asTyped },
  {
    id: 'phone',
    key: 'phone',
    type: 'phone',
    maxLength: fieldLimits.phone,
    applies: always,
    check: (raw, draft) => checkPhone(raw, phoneCountryHint({ country: answerOf(draft, 'country'), email: answerOf(draft, 'email') })),
    show: formatPhone,
  },
  { id: 'organisation', key: 'organisation', type: 'organisation', maxLength: fieldLimits.organisation, applies: always, check: checkOrganisation, show: asTyped },
  {
    id: 'organisationType',
    key: 'organisationType',
    type: 'choice',
    choicePrefix: 'orgType:',
    applies: always,
    check: checkOrganisationType,
    show: (value, s) => s.m.organisationTypes[value as OrganisationType] ?? value,
  },
  { id: 'session', key: 'session', type: 'session', choicePrefix: 'session:', applies: always, check: () => fail('invalid_characters'), show: asTyped },
  {
    id: 'book',
    key: 'book',
    type: 'yesNo',
    choicePrefix: 'book:',
    applies: (_draft, event) => event.book !== null,
    check: checkYesNo,
    show: (value, s) => (value === 'yes' ? s.m.bookOrdered(formatPrice(s.event.book?.priceEur ?? 0, s)) : s.m.bookNotOrdered),
  },
  { id: 'street', key: 'street', type: 'address', part: 'street', maxLength: fieldLimits.street, applies: withBook, check: checkStreet, show: asTyped },
  {
    id: 'postalCode',
    key: 'postalCode',
    type: 'address',
    part: 'postalCode',
    maxLength: 12,
    applies: withBook,
    check: checkPostalCodeOfDraft,
    show: asTyped,
  },
  { id: 'city', key: 'city', type: 'address', part: 'city', maxLength: fieldLimits.city, applies: withBook, check: checkCity, show: asTyped },
  { id: 'country', key: 'country', type: 'address', part: 'country', choicePrefix: 'country:', maxLength: 60, applies: withBook, check: checkCountry, show: (value, s) => countryName(value, s.m.locale) },
];

function sessionField(event: EventData, series: number): FieldDef {
  return {
    id: `session:${series}`,
    key: 'session',
    type: 'session',
    series,
    choicePrefix: 'session:',
    applies: always,
    // A session to hold, "none", or a wait with or without a fallback (series-choice.ts).
    check: (raw) => {
      const choice = parseSeriesValue(raw);
      return choice && isSeriesChoiceOf(event, series, choice) ? { ok: true, value: seriesValue(choice) } : fail('invalid_characters');
    },
    show: (value, s) => showSeriesChoice(parseSeriesValue(value), s, null),
  };
}

/** A series' choice as a summary row says it: "#4 … · Zaal 6+7", "geen sessie", "op de wachtlijst voor sessie 4 (plaats 2), intussen #2 …". */
export function showSeriesChoice(choice: SeriesChoice | null, s: Speech, place: number | null): string {
  if (!choice) return '';
  const fact = (n: number) => {
    const session = findSession(s.event, n);
    return session ? sessionFact(session, s.lang) : String(n);
  };
  const t = s.m.seats;
  if (choice.wait === null) return choice.hold === null ? t.skipped : t.holding(fact(choice.hold));
  return `${t.waitingFor(choice.wait, place)}, ${choice.hold === null ? t.noOther : t.meanwhile(fact(choice.hold))}`;
}

const fieldsByEvent = new WeakMap<EventData, { list: FieldDef[]; byId: Map<string, FieldDef> }>();

function fieldsOf(event: EventData): { list: FieldDef[]; byId: Map<string, FieldDef> } {
  let fields = fieldsByEvent.get(event);
  if (!fields) {
    const list = formDefinition.flatMap((entry) => (entry.id === 'session' ? event.series.map((series) => sessionField(event, series.id)) : [entry as FieldDef]));
    fields = { list, byId: new Map(list.map((field) => [field.id, field])) };
    fieldsByEvent.set(event, fields);
  }
  return fields;
}

/** Every field of the form for an event, in the order they are asked. */
export function formFields(event: EventData): readonly FieldDef[] {
  return fieldsOf(event).list;
}

/** A field by id (any text: ids come from choices and stored state), or null. */
export function fieldById(event: EventData, id: string): FieldDef | null {
  return fieldsOf(event).byId.get(id) ?? null;
}

/** The fields asked for this draft, in order. */
export function applicableFields(event: EventData, draft: Draft): FieldDef[] {
  return formFields(event).filter((field) => field.applies(draft, event));
}

/** A stored answer (own properties only: ids may come from what people type). */
export function answerOf(draft: Draft, id: string): string | undefined {
  return Object.hasOwn(draft.values, id) ? (draft.values as Record<string, string>)[id] : undefined;
}

/** The draft with answers set (a value) or removed (undefined). */
export function withAnswers(draft: Draft, answers: Iterable<[string, string | undefined]>): Draft {
  const values: Record<string, string> = { ...(draft.values as Record<string, string>) };
  for (const [id, value] of answers) {
    if (value === undefined) delete values[id];
    else values[id] = value;
  }
  return { ...draft, values };
}

/** The draft after "no book": the address goes with it. */
export function withBookAnswer(draft: Draft, book: 'yes' | 'no'): Draft {
  const address: Array<[string, undefined]> = book === 'no' ? ['street', 'postalCode', 'city', 'country'].map((id) => [id, undefined]) : [];
  return withAnswers(draft, [['book', book], ...address]);
}

/** A field's label ("E-mail", "Sessie in reeks 1"). */
export function fieldLabel(field: FieldDef, s: Speech): string {
  if (field.series !== undefined) {
    const series = s.event.series.find((x) => x.id === field.series);
    return s.m.seriesFieldName(series ? s.m.seriesName(series.id, series.name) : String(field.series));
  }
  return s.m.fieldNames[field.key as FormField];
}

/** A field's value as people read it, or '' when it has none. */
export function fieldValue(field: FieldDef, draft: Draft, s: Speech): string {
  const value = answerOf(draft, field.id);
  return value === undefined ? '' : field.show(value, s);
}

/** The summary rows of a draft: every field that applies, the address on one row. */
export function summaryFacts(draft: Draft, s: Speech): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  const fields = applicableFields(s.event, draft);
  for (const field of fields) if (field.type !== 'address') facts.push({ label: fieldLabel(field, s), value: fieldValue(field, draft, s) });
  const address = fields.filter((field) => field.type === 'address' && answerOf(draft, field.id) !== undefined);
  if (address.length > 0) facts.push({ label: s.m.factAddress, value: addressLine(draft, s) });
  if (draft.waitlist) facts.push({ label: s.m.factWaitlist, value: s.m.yes });
  return facts;
}

/** "Provincieplein 1, 3010 Leuven, België". */
export function addressLine(draft: Draft, s: Speech): string {
  const country = answerOf(draft, 'country');
  const place = [answerOf(draft, 'postalCode'), answerOf(draft, 'city')].filter(Boolean).join(' ');
  return [answerOf(draft, 'street'), place, country ? countryName(country, s.m.locale) : undefined].filter(Boolean).join(', ');
}

/** A stored registration as a draft, to show it with the same rows as the summary. */
export function draftFromRecord(record: RegistrationRecord, event: EventData): Draft {
  const values: Record<string, string> = {
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email,
    phone: record.phone,
    organisation: record.organisation,
    organisationType: record.organisationType,
  };
  for (const series of event.series) values[`session:${series.id}`] = seriesValue(recordChoice(event, record, series.id));
  if (event.book) values.book = record.book ? 'yes' : 'no';
  const address = record.book?.shippingAddress;
  if (address) Object.assign(values, { street: address.street, postalCode: address.postalCode, city: address.city, country: address.country });
  return { values, waitlist: false };
}

/** The registrant of a complete draft, or the first field still missing. */
export function toRegistrant(draft: Draft, event: EventData, owner: string, language: Registrant['language']): { registrant: Registrant } | { missing: FieldId } {
  const fields = applicableFields(event, draft);
  const missing = fields.find((field) => answerOf(draft, field.id) === undefined);
  if (missing) return { missing: missing.id };
  const get = (id: FormField): string => answerOf(draft, id) ?? '';
  const choices = event.series.map((series) => parseSeriesValue(answerOf(draft, `session:${series.id}`)));
  const sessions = choices.flatMap((c) => (c?.hold == null ? [] : [c.hold]));
  const waitingFor = choices.flatMap((c) => (c?.wait == null ? [] : [c.wait]));
  const book = withBook(draft, event) ? { shippingAddress: { street: get('street'), postalCode: get('postalCode'), city: get('city'), country: get('country') } } : null;
  return {
    registrant: {
      firstName: get('firstName'),
      lastName: get('lastName'),
      email: get('email'),
      phone: get('phone'),
      organisation: get('organisation'),
      organisationType: get('organisationType') as OrganisationType,
      sessions,
      ...(waitingFor.length > 0 ? { waitingFor } : {}),
      book,
      language,
      owner,
    },
  };
}
