import type { Availability, EventData, FieldProblem, Language } from '../core/index.ts';
import { countryName, findSession, postalCodePattern } from '../core/index.ts';
import { answerOf, applicableFields, fieldLabel, formFields, withAnswers, withBookAnswer, type AddressPart, type FieldDef, type FieldType } from './form-fields.ts';
import { countryChoices, optionsFor, organisationTypeOptions, problemText, prompt } from './registration.steps.ts';
import { formatPrice, isVenueFull, seatsLeft, sessionOptions, speech, type Speech } from './render.ts';
import { isRequired, parseSeriesValue, seriesValue } from './series-choice.ts';
import type { Draft, FormFlow } from './state.ts';

/** What a one-screen form is built for: the event, the live seats and the person's language. */
export interface FormContext {
  event: EventData;
  availability: Availability;
  lang: Language;
}

/** One option of a choice field. `value` is what `checkFormSubmission` takes for it. */
export interface FormOption {
  value: string;
  label: string;
  /** e.g. "sessie 3 · Zaal 2+3 · nog 15 plaatsen vrij" */
  hint?: string;
  /** Kept for channels that grey out an option; the schema no longer sets it (a full session is offered as its waiting list). */
  disabled?: boolean;
}

/** A client-side check: an ECMAScript regular expression (source and flags) and what to say when a value does not match. */
export interface FormPattern {
  regex: string;
  flags: string;
  message: string;
}

/** One field of the one-screen form, in the person's language. */
export interface FormSchemaField {
  /** The key of its value in a submission: `firstName`, ..., `session:<series id>`, `book`, `street`, ..., `waitlist`. */
  id: string;
  type: FieldType;
  /** For `address` fields. */
  part?: AddressPart;
  label: string;
  /** The question the chat asks for it (a channel may show it as help text). */
  prompt: string;
  /** Required whenever it is shown. */
  required: boolean;
  /** Shown (and checked) only when another field has this value: the address only with the book. */
  showWhen?: { field: string; equals: string };
  /** The current value to prefill, in the form a submission gives it. */
  value?: string;
  /** For `choice`, `yesNo` and `session` fields, and the suggested countries. */
  options?: FormOption[];
  /** Whether a value outside `options` may be typed (the country: any name or ISO code). */
  freeText?: boolean;
  maxLength?: number;
  /** An example value, e.g. for a placeholder. */
  example?: string;
  pattern?: FormPattern;
  /** For the postal code: the stricter pattern per country (ISO code), where Balie knows one. */
  patternByCountry?: Record<string, FormPattern>;
  /** What the checker says about a wrong value, by problem (`empty` is the "required" message). */
  messages: Partial<Record<FieldProblem, string>>;
}

/** The registration form as one screen: what an Adaptive Card or a Slack modal renders. */
export interface FormSchema {
  lang: Language;
  title: string;
  intro: string;
  /** Things to know before filling it in (all seats taken: registering puts you on the waiting list). */
  notes: string[];
  submitLabel: string;
  fields: FormSchemaField[];
}

/** The outcome of a one-screen submission: a complete draft, or the reason per field id in the person's language. */
export type FormCheck = { ok: true; draft: Draft } | { ok: false; errors: Record<string, string> };

const problemsByType: Record<FieldType, FieldProblem[]> = {
  name: ['empty', 'too_short', 'too_long', 'invalid_characters'],
  email: ['empty', 'too_long', 'invalid_email'],
  phone: ['empty', 'too_long', 'invalid_phone'],
  organisation: ['empty', 'too_long', 'invalid_characters'],
  choice: ['empty'],
  yesNo: ['empty'],
  session: ['empty'],
  address: ['empty', 'too_long', 'invalid_characters'],
};
const problemsByPart: Record<AddressPart, FieldProblem[]> = {
  street: ['needs_house_number'],
  postalCode: ['invalid_postal_code'],
  city: [],
  country: ['invalid_country'],
};

function messagesOf(field: FieldDef, s: Speech): Partial<Record<FieldProblem, string>> {
  const problems = [...problemsByType[field.type], ...(field.part ? problemsByPart[field.part] : [])];
  return Object.fromEntries(problems.map((problem) => [problem, problem === 'empty' ? s.m.fieldRequired : problemText(field, problem, s)]));
}

function patternOf(field: FieldDef, s: Speech): FormPattern | undefined {
  const { problems } = s.m;
  if (field.type === 'name') return { regex: "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*$", flags: 'u', message: s.m.nameCharacters };
  if (field.type === 'email') return { regex: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$', flags: 'u', message: problems.invalid_email };
  if (field.type === 'phone') return { regex: '^(?:\\+|00)?[\\d ()./-]{8,32}$', flags: 'u', message: problems.invalid_phone };
  if (field.part === 'postalCode') return { regex: '^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$', flags: 'u', message: problems.invalid_postal_code };
  return undefined;
}

function optionsOf(field: FieldDef, s: Speech, draft: Draft): FormOption[] | undefined {
  const plain = (id: string, prefix: string) => id.slice(prefix.length);
  if (field.type === 'session' && field.series !== undefined) {
    // A full session is offered as its waiting list ("w4", no other session meanwhile); "none" where the series may be skipped.
    const sessions = sessionOptions(field.series, s, { allowFull: true }).map((o): FormOption => {
      const number = Number(plain(o.id, 'session:'));
      const full = seatsLeft(findSession(s.event, number)!, s) === 0;
      return { value: full ? `w${number}` : String(number), label: full ? `${s.m.seats.waitInstead(number)}: ${o.label}` : o.label, ...(o.hint ? { hint: o.hint } : {}) };
    });
    return isRequired(s.event, field.series) ? sessions : [...sessions, { value: 'none', label: s.m.seats.noSession }];
  }
  if (field.type === 'choice') return organisationTypeOptions(s).map((o) => ({ value: plain(o.id, 'orgType:'), label: o.label }));
  if (field.type === 'yesNo') return optionsFor(flowAt(field, draft), s).map((o) => ({ value: plain(o.id, 'book:'), label: o.label }));
  if (field.part === 'country') return countryChoices.map((code) => ({ value: code, label: countryName(code, s.m.locale) }));
  return undefined;
}

function flowAt(field: FieldDef, draft: Draft): FormFlow {
  return { kind: 'form', id: 'schema', step: field.id, draft, history: [], returnTo: null, fullOffer: null, implicit: [], failures: 0, wanted: {} };
}

function schemaField(field: FieldDef, s: Speech, draft: Draft, prefill: Record<string, string>): FormSchemaField {
  const options = optionsOf(field, s, draft);
  const pattern = patternOf(field, s);
  const value = Object.hasOwn(prefill, field.id) ? String(prefill[field.id]) : answerOf(draft, field.id);
  const example = field.type === 'session' || field.type === 'choice' || field.type === 'yesNo' ? undefined : s.m.examples[field.key as Exclude<FieldDef['key'], 'session'>];
  return {
    id: field.id,
    type: field.type,
    ...(field.part ? { part: field.part } : {}),
    label: fieldLabel(field, s),
    prompt: (field.key !== 'session' ? s.m.screenPrompts[field.key] : undefined) ?? prompt(flowAt(field, draft), s).text,
    required: true,
    ...(field.type === 'address' ? { showWhen: { field: 'book', equals: 'yes' } } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(options ? { options } : {}),
    ...(field.part === 'country' ? { freeText: true } : {}),
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    ...(example ? { example } : {}),
    ...(pattern ? { pattern } : {}),
    ...(field.part === 'postalCode' ? { patternByCountry: patternsByCountry(s) } : {}),
    messages: messagesOf(field, s),
  };
}

function patternsByCountry(s: Speech): Record<string, FormPattern> {
  const patterns: Record<string, FormPattern> = {};
  for (const code of countryChoices) {
    const regex = postalCodePattern(code);
    if (regex) patterns[code] = { regex, flags: 'i', message: s.m.postalCodeOf(countryName(code, s.m.locale)) };
  }
  return patterns;
}

function waitlistField(s: Speech, prefill: Record<string, string>): FormSchemaField {
  const value = Object.hasOwn(prefill, 'waitlist') ? String(prefill.waitlist) : undefined;
  return {
    id: 'waitlist',
    type: 'yesNo',
    label: s.m.waitlistField,
    prompt: isVenueFull(s) ? s.m.venueFullIntro(s.availability.venueCap) : s.m.waitlistFieldPrompt,
    required: isVenueFull(s),
    ...(value !== undefined ? { value } : {}),
    options: [
      { value: 'yes', label: s.m.yes },
      { value: 'no', label: s.m.no },
    ],
    messages: { empty: s.m.venueFullInForm(s.availability.venueCap) },
  };
}

/**
 * The registration form as one screen, derived from the same field list as the chat: every field
 * with its label, prompt, required flag, current value (`prefill`, by field id), options (sessions
 * with seats left, a full one as its waiting list, "geen sessie" where a series may be skipped),
 * client-side pattern and the checker's messages. A `waitlist` yes/no field is added when the venue is full.
 */
export function formSchema(ctx: FormContext, prefill: Record<string, string> = {}): FormSchema {
  const s = speech(ctx.event, ctx.availability, ctx.lang);
  const draft: Draft = { values: {}, waitlist: false };
  const fields = formFields(ctx.event)
    .filter((field) => field.type !== 'address' || ctx.event.book?.shippingAddressRequired)
    .filter((field) => field.type !== 'yesNo' || ctx.event.book !== null)
    .map((field) => schemaField(field, s, draft, prefill));
  return {
    lang: ctx.lang,
    title: s.m.formTitle(ctx.event.title),
    intro: s.m.formScreenIntro(ctx.event.book ? formatPrice(ctx.event.book.priceEur, s) : ''),
    notes: isVenueFull(s) ? [s.m.venueFullIntro(s.availability.venueCap)] : [],
    submitLabel: s.m.confirm,
    fields: isVenueFull(s) ? [...fields, waitlistField(s, prefill)] : fields,
  };
}

/**
 * Checks a one-screen submission (values by field id) with the same core checkers as the chat:
 * the book first (the address only counts with it), then the country (the postal code is checked
 * for it), then the rest in form order. Unknown keys are ignored. A session field takes a
 * session, "none", or a wait ("w4", "w4+2": series-choice.ts); a full session to hold is refused,
 * unless `waitlist: "yes"`, which waits for it instead (as the ledger's waitlistIfFull).
 */
export function checkFormSubmission(ctx: FormContext, values: Record<string, unknown>): FormCheck {
  const s = speech(ctx.event, ctx.availability, ctx.lang);
  const raw = (id: string): string => (Object.hasOwn(values, id) && values[id] !== null && values[id] !== undefined ? String(values[id]).trim() : '');
  const errors: Record<string, string> = {};
  let draft: Draft = { values: {}, waitlist: raw('waitlist').toLowerCase() === 'yes' };
  const ordered = [...formFields(ctx.event)].sort((a, b) => rank(a) - rank(b));
  for (const field of ordered) {
    if (!field.applies(draft, ctx.event)) continue;
    const typed = raw(field.id);
    if (typed === '') {
      errors[field.id] = s.m.fieldRequired;
      continue;
    }
    const result = field.check(typed, draft, ctx.event);
    if (!result.ok) {
      errors[field.id] = field.part === 'postalCode' && result.reason === 'invalid_postal_code' ? s.m.postalCodeCountry(typed, countryName(answerOf(draft, 'country') ?? 'BE', s.m.locale)) : problemText(field, result.reason, s);
      continue;
    }
    let value = result.value;
    const choice = field.type === 'session' ? parseSeriesValue(value) : null;
    const held = choice?.hold == null ? null : findSession(ctx.event, choice.hold);
    if (choice && held && seatsLeft(held, s) === 0) {
      if (!draft.waitlist) errors[field.id] = s.m.sessionFullInForm(held.number);
      else value = seriesValue(choice.wait === null ? { hold: null, wait: held.number } : { hold: null, wait: choice.wait });
    }
    draft = field.type === 'yesNo' ? withBookAnswer(draft, value === 'yes' ? 'yes' : 'no') : withAnswers(draft, [[field.id, value]]);
  }
  if (isVenueFull(s) && !draft.waitlist) errors.waitlist = s.m.venueFullInForm(ctx.availability.venueCap);
  const complete = applicableFields(ctx.event, draft).every((field) => answerOf(draft, field.id) !== undefined);
  return Object.keys(errors).length === 0 && complete ? { ok: true, draft } : { ok: false, errors };
}

// The book decides whether the address applies, and the country how the postal code is checked.
function rank(field: FieldDef): number {
  if (field.type === 'yesNo') return 0;
  if (field.part === 'country') return 1;
  return 2;
}
