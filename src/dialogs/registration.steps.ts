import type { EventData, FieldProblem, FieldResult, Registrant, RegistrationRecord } from '../core/index.ts';
import {
  checkCity,
  checkCountry,
  checkEmail,
  checkName,
  checkOrganisation,
  checkPhone,
  checkPostalCode,
  checkStreet,
  fieldLimits,
  findSession,
  organisationTypes,
  sessionsOfSeries,
} from '../core/index.ts';
import { matchOption, noAliases, yesAliases, type MatchMode, type Option } from './choices.ts';
import type { FormField } from './i18n/index.ts';
import { ask, formatPhone, formatPrice, isVenueFull, seatsLeft, seriesName, seriesTime, sessionFact, sessionOptions, type Speech } from './render.ts';
import type { Draft, FormFlow, FormStep } from './state.ts';
import type { Fact, Reply } from './types.ts';

/** The series id of a `session:<id>` step, else null. */
export function seriesOfStep(step: FormStep): number | null {
  return step.startsWith('session:') ? Number(step.slice('session:'.length)) : null;
}

/** The steps of the form in order, for this event and what has been entered (the address only with a book). */
export function sequence(event: EventData, draft: Draft): FormStep[] {
  const steps: FormStep[] = ['firstName', 'lastName', 'email', 'phone', 'organisation', 'organisationType'];
  for (const series of event.series) steps.push(`session:${series.id}`);
  if (event.book) {
    steps.push('book');
    if (draft.book && event.book.shippingAddressRequired) steps.push('street', 'postalCode', 'city', 'country');
  }
  steps.push('summary');
  return steps;
}

/** Whether a step already has an answer. */
export function isFilled(step: FormStep, draft: Draft): boolean {
  const series = seriesOfStep(step);
  if (series !== null) return draft.sessions[String(series)] !== undefined;
  if (step === 'summary' || step === 'pickField' || step === 'confirming' || step === 'venueFull') return false;
  return draft[step as FormField] !== undefined;
}

/** Text steps take a typed value; the others are answered with a choice. */
export const textSteps = new Set<FormStep>(['firstName', 'lastName', 'email', 'phone', 'organisation', 'street', 'postalCode', 'city', 'country']);

const countryOrder = ['BE', 'NL', 'FR', 'DE', 'LU'] as const;

/** Every step's options: choices for choice steps, "keep" for a text step that has a value. */
export function optionsFor(form: FormFlow, s: Speech): Option[] {
  const { m } = s;
  const { step, draft } = form;
  const series = seriesOfStep(step);
  if (series !== null) {
    if (form.fullOffer !== null) {
      const others = sessionOptions(series, s).filter((o) => !o.disabled);
      return [{ id: 'waitlist', label: m.joinWaitlist, aliases: ['wachtlijst', 'waiting list', 'waitlist'] }, ...others];
    }
    return sessionOptions(series, s, { current: draft.sessions[String(series)] ?? -1 });
  }
  switch (step) {
    case 'organisationType':
      return organisationTypes.map((type) => ({ id: `orgType:${type}`, label: m.organisationTypes[type], aliases: organisationTypeAliases[type], keywords: organisationTypeAliases[type] }));
    case 'book': {
      const price = formatPrice(s.event.book?.priceEur ?? 0, s);
      return [
        { id: 'book:yes', label: m.bookYes(price), aliases: [...yesAliases] },
        { id: 'book:no', label: m.bookNo, aliases: [...noAliases] },
      ];
    }
    case 'country':
      return [...countryOrder.map((code) => ({ id: `country:${code}`, label: m.countries[code] ?? code, aliases: [code.toLowerCase()] })), ...keepOption(form, s)];
    case 'summary':
    case 'confirming':
      return [
        { id: 'confirm', label: m.confirm, aliases: [...yesAliases, 'bevestig', 'bevestigen', 'confirm', 'inschrijven', 'register', 'register me', 'schrijf me in'] },
        { id: 'change', label: m.change, aliases: ['nee', 'no', 'wijzig', 'wijzigen', 'aanpassen', 'change', 'edit', 'niet juist', 'klopt niet'] },
        { id: 'stop', label: m.stop },
      ];
    case 'pickField':
      return sequence(s.event, draft)
        .filter((x) => x !== 'summary' && isFilled(x, draft))
        .map((x) => ({ id: `change:${x}`, label: fieldLabel(x, s), hint: fieldValue(x, draft, s) }));
    case 'venueFull':
      return [
        { id: 'waitlist', label: m.joinWaitlist, aliases: [...yesAliases, 'wachtlijst', 'waiting list'] },
        { id: 'stop', label: m.stop, aliases: [...noAliases] },
      ];
    default:
      return keepOption(form, s);
  }
}

function keepOption(form: FormFlow, s: Speech): Option[] {
  const value = textSteps.has(form.step) && isFilled(form.step, form.draft) ? fieldValue(form.step, form.draft, s) : '';
  return value ? [{ id: 'keep', label: s.m.keep(value) }] : [];
}

const organisationTypeAliases: Record<(typeof organisationTypes)[number], string[]> = {
  local_government: ['gemeente', 'stad', 'ocmw', 'provincie', 'overheid', 'lokale overheid', 'lokaal bestuur', 'bestuur', 'municipality', 'city', 'council', 'government', 'public authority'],
  social_economy: ['sociale economie', 'sociale economiebedrijf', 'maatwerkbedrijf', 'sociaal bedrijf', 'social economy', 'social enterprise', 'sheltered workshop'],
  other: ['andere', 'ander', 'stakeholder', 'vereniging', 'vzw', 'bedrijf', 'other', 'association', 'company', 'anders'],
};

/** The name of a step as a field ("E-mail", "Sessie reeks 1"). */
export function fieldLabel(step: FormStep, s: Speech): string {
  const series = seriesOfStep(step);
  if (series !== null) {
    const found = s.event.series.find((x) => x.id === series);
    return s.m.seriesFieldName(found ? seriesName(found, s) : String(series));
  }
  return s.m.fieldNames[step as FormField] ?? step;
}

/** A step's current value as people read it. */
export function fieldValue(step: FormStep, draft: Draft, s: Speech): string {
  const series = seriesOfStep(step);
  if (series !== null) {
    const session = findSession(s.event, draft.sessions[String(series)] ?? -1);
    return session ? sessionFact(session) : '';
  }
  switch (step) {
    case 'phone':
      return draft.phone ? formatPhone(draft.phone) : '';
    case 'organisationType':
      return draft.organisationType ? s.m.organisationTypes[draft.organisationType] : '';
    case 'book':
      return draft.book === undefined ? '' : draft.book ? s.m.bookOrdered(formatPrice(s.event.book?.priceEur ?? 0, s)) : s.m.bookNotOrdered;
    case 'country':
      return draft.country ? (s.m.countries[draft.country] ?? draft.country) : '';
    case 'firstName':
    case 'lastName':
    case 'email':
    case 'organisation':
    case 'street':
    case 'postalCode':
    case 'city':
      return draft[step] ?? '';
    default:
      return '';
  }
}

/** The question of a step, with its options. */
export function prompt(form: FormFlow, s: Speech): Reply {
  const { m, event } = s;
  const options = optionsFor(form, s);
  const seriesId = seriesOfStep(form.step);
  if (seriesId !== null) {
    const series = event.series.find((x) => x.id === seriesId);
    if (form.fullOffer !== null) {
      const session = findSession(event, form.fullOffer);
      return ask(m.fullOffer(form.fullOffer, session?.title ?? ''), options);
    }
    return ask(series ? m.sessionPrompt(seriesName(series, s), seriesTime(series)) : m.pickOne, options);
  }
  switch (form.step) {
    case 'book':
      return ask(m.prompts.book(event.book?.title ?? '', formatPrice(event.book?.priceEur ?? 0, s)), options);
    case 'summary':
    case 'confirming': {
      const text = form.draft.waitlist ? `${m.summaryPrompt}\n${m.summaryWaitlist}` : m.summaryPrompt;
      return ask(text, options, summaryFacts(form.draft, s));
    }
    case 'pickField':
      return ask(m.pickField, options);
    case 'venueFull':
      return ask(m.venueFullMeanwhile(s.availability.venueCap), options);
    default:
      return ask(m.prompts[form.step as Exclude<FormField, 'book'>], options);
  }
}

/** The summary card of a draft. */
export function summaryFacts(draft: Draft, s: Speech): Fact[] {
  const facts: Fact[] = [];
  for (const step of sequence(s.event, draft)) {
    if (step === 'summary' || step === 'street' || step === 'postalCode' || step === 'city' || step === 'country') continue;
    facts.push({ label: fieldLabel(step, s), value: fieldValue(step, draft, s) });
  }
  if (draft.book && draft.street) {
    facts.push({ label: s.m.factAddress, value: `${draft.street}, ${draft.postalCode ?? ''} ${draft.city ?? ''}, ${fieldValue('country', draft, s)}` });
  }
  if (draft.waitlist) facts.push({ label: s.m.factWaitlist, value: s.m.yes });
  return facts;
}

/** A stored registration as a draft, to show it with the same rows as the summary. */
export function draftFromRecord(record: RegistrationRecord, event: EventData): Draft {
  const sessions: Record<string, number> = {};
  event.series.forEach((series, index) => {
    const number = record.sessions[index];
    if (number !== undefined) sessions[String(series.id)] = number;
  });
  const address = record.book?.shippingAddress;
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email,
    phone: record.phone,
    organisation: record.organisation,
    organisationType: record.organisationType,
    sessions,
    book: record.book !== null,
    ...(address ? { street: address.street, postalCode: address.postalCode, city: address.city, country: address.country } : {}),
    waitlist: false,
  };
}

/** The registrant of a complete draft, or the first step still missing. */
export function toRegistrant(draft: Draft, event: EventData, owner: string, language: Registrant['language']): { registrant: Registrant } | { missing: FormStep } {
  const missing = sequence(event, draft).find((step) => step !== 'summary' && !isFilled(step, draft));
  if (missing) return { missing };
  const { firstName, lastName, email, phone, organisation, organisationType } = draft;
  if (!firstName || !lastName || !email || !phone || !organisation || !organisationType) return { missing: 'firstName' };
  const sessions = event.series.map((series) => draft.sessions[String(series.id)] ?? 0);
  const book =
    draft.book && draft.street && draft.postalCode && draft.city && draft.country
      ? { shippingAddress: { street: draft.street, postalCode: draft.postalCode, city: draft.city, country: draft.country } }
      : null;
  return { registrant: { firstName, lastName, email, phone, organisation, organisationType, sessions, book, language, owner } };
}

/** Why a typed value was refused, in the person's language. */
export function problemText(step: FormStep, problem: FieldProblem, s: Speech): string {
  if (problem === 'too_long') {
    const max = step === 'firstName' || step === 'lastName' ? fieldLimits.name : step === 'email' ? fieldLimits.email : step === 'phone' ? fieldLimits.phone : step === 'organisation' ? fieldLimits.organisation : step === 'street' ? fieldLimits.street : fieldLimits.city;
    return s.m.tooLongMax(max);
  }
  if (problem === 'invalid_characters' && (step === 'firstName' || step === 'lastName')) return s.m.nameCharacters;
  return s.m.problems[problem];
}

/** Checks a typed value for a text step; the new draft, or the reason in the person's language. */
export function acceptText(form: FormFlow, text: string, s: Speech): { ok: true; draft: Draft; note?: string } | { ok: false; reason: string } {
  const { draft } = form;
  const refuse = (result: FieldResult<string> & { ok: false }): { ok: false; reason: string } => ({ ok: false, reason: problemText(form.step, result.reason, s) });
  const set = (patch: Partial<Draft>): { ok: true; draft: Draft } => ({ ok: true, draft: { ...draft, ...patch } });
  switch (form.step) {
    case 'firstName':
    case 'lastName': {
      const result = checkName(text);
      return result.ok ? set({ [form.step]: result.value }) : refuse(result);
    }
    case 'email': {
      const result = checkEmail(text);
      return result.ok ? set({ email: result.value }) : refuse(result);
    }
    case 'phone': {
      const result = checkPhone(text);
      return result.ok ? set({ phone: result.value }) : refuse(result);
    }
    case 'organisation': {
      const result = checkOrganisation(text);
      return result.ok ? set({ organisation: result.value }) : refuse(result);
    }
    case 'street': {
      const result = checkStreet(text);
      return result.ok ? set({ street: result.value }) : refuse(result);
    }
    case 'city': {
      const result = checkCity(text);
      return result.ok ? set({ city: result.value }) : refuse(result);
    }
    case 'postalCode': {
      // Before the country is known, a Belgian code is expected; a clearly foreign one is kept and
      // checked again once the country is given.
      const country = draft.country;
      const result = country ? checkPostalCode(text, country) : checkPostalCode(text, 'BE');
      if (result.ok) return set({ postalCode: result.value });
      if (!country) {
        const foreign = (['NL', 'FR', 'DE'] as const).map((c) => checkPostalCode(text, c)).find((r) => r.ok);
        if (foreign?.ok) return set({ postalCode: foreign.value });
      }
      return refuse(result);
    }
    case 'country': {
      const result = checkCountry(text);
      return result.ok ? set({ country: result.value }) : refuse(result);
    }
    default:
      return { ok: false, reason: s.m.pickOne };
  }
}

/** Whether any chosen session is full right now (the ledger has the last word at confirm). */
export function firstFullChoice(draft: Draft, s: Speech): { series: number; session: number } | null {
  for (const series of s.event.series) {
    const number = draft.sessions[String(series.id)];
    const session = number === undefined ? null : findSession(s.event, number);
    if (session && seatsLeft(session, s) === 0) return { series: series.id, session: session.number };
  }
  return null;
}

/** Whether the draft still needs the waiting list: a chosen session or the venue is full. */
export function needsWaitlist(draft: Draft, s: Speech): boolean {
  return isVenueFull(s) || firstFullChoice(draft, s) !== null;
}

/** The options of a typed answer at a choice step (sessions, yes/no, ...), or null. */
export function matchStepOption(form: FormFlow, text: string, s: Speech, mode: MatchMode): Option | null {
  const options = optionsFor(form, s);
  if (options.length === 0) return null;
  const picked = matchOption(text, options, mode);
  if (picked) return picked;
  // A full session typed by number or title also counts: it leads to the waiting-list offer.
  const series = seriesOfStep(form.step);
  if (series !== null && form.fullOffer !== null) return matchOption(text, sessionOptions(series, s, { allowFull: true }), mode);
  return null;
}

/** The sessions of a series, for checks on a chosen id. */
export function sessionInSeries(event: EventData, seriesId: number, sessionNumber: number): boolean {
  return sessionsOfSeries(event, seriesId).some((x) => x.number === sessionNumber);
}
