import type { RegistrantDetails, RegistrationRecord, ShippingAddress } from '../core/index.ts';
import { checkCity, checkCountry, checkEmail, checkPostalCode, checkStreet, countryName, fieldLimits, type FieldProblem } from '../core/index.ts';
import { noAliases, normalise, yesAliases, type Option } from './choices.ts';
import { parseAddressLine } from './form-address.ts';
import { fullName, isOwn } from './my-registration.target.ts';
import { formatPrice, type Speech } from './render.ts';
import type { ManageFlow, ManageIntent } from './state.ts';
import type { EffectOutcome, LedgerEffect, TurnContext } from './types.ts';

// "Mijn inschrijving" after registering: the book ordered, re-addressed or dropped, and a new
// e-mail address, each confirmed before the ledger's updateDetails runs.

/** What a step of this flow leads to: a question (with notes before it) or the ledger command. */
export type Move = { kind: 'ask'; manage: ManageFlow; notes: string[] } | { kind: 'effect'; manage: ManageFlow; effect: LedgerEffect };

/** A wish about the book or the e-mail address, read from a message. */
export type DetailsWish = Extract<ManageIntent, 'orderBook' | 'cancelBook' | 'changeAddress' | 'changeEmail'>;

const bookWord = /\b(?:boek|book|handleiding|handbook|boekbestelling|bestelling|book order)\b/u;
const noBookWords = /\b(?:geen|niet meer|no|not|don t|do not|cancel|annuleer|annuleren|afbestellen|afzeggen|schrap|schrappen|weg|zonder)\b/u;
const wantWords = /\b(?:wil|wilt|graag|bestel|bestellen|toch|ook|alsnog|nog|order|want|like|add|after all|krijgen|hebben)\b/u;
const emailWord = /\b(?:e mail|email|mail|e mailadres|emailadres|mailadres|e mail adres|email address|e mail address)\b/u;
const ownEmail = /\b(?:mijn|my|e mailadres|emailadres|mailadres|e mail adres|email address|e mail address)\b/u;
const addressWord = /\b(?:adres|verzendadres|address|shipping address|straat|street)\b/u;
const changeWord =
  /\b(?:nieuw|nieuwe|ander|andere|wijzig|wijzigen|verander|veranderen|veranderd|aanpassen|pas|corrigeer|corrigeren|verbeter|fout|verkeerd|new|different|change|changed|update|wrong|typo|correct|fix)\b/u;
const movedHouse = /\b(?:verhuisd|verhuis|moved house|moving house)\b/u;

/** "ik wil toch een boek", "toch geen boek", "mijn e-mailadres is veranderd", "nieuw adres voor het boek": the wish, or null. */
export function detailsWish(text: string): DetailsWish | null {
  const n = normalise(text);
  if (n.length === 0 || n.length > 200) return null;
  if (emailWord.test(n) && (emailIn(text) !== null || (changeWord.test(n) && ownEmail.test(n)))) return 'changeEmail';
  if (bookWord.test(n) && noBookWords.test(n)) return 'cancelBook';
  if ((addressWord.test(n) && changeWord.test(n)) || movedHouse.test(n)) return 'changeAddress';
  if (bookWord.test(n) && wantWords.test(n)) return 'orderBook';
  return null;
}

/** An e-mail address written in a message ("wijzig e-mail naar roos@vdab.be"), checked, or null. */
export function emailIn(text: string): string | null {
  const found = /[^\s<>()",;:]+@[^\s<>()",;:]+\.[^\s<>()",;:]+/u.exec(text)?.[0]?.replace(/\.+$/u, '');
  const checked = found ? checkEmail(found) : null;
  return checked?.ok ? checked.value : null;
}

/** Where the book goes, in one line. */
export function addressLine(a: ShippingAddress, s: Speech): string {
  return `${a.street}, ${a.postalCode} ${a.city}, ${countryName(a.country, s.m.locale)}`;
}

const countryOrder = ['BE', 'NL', 'FR', 'DE', 'LU'] as const;

function yesNoOptions(s: Speech, yes: string): Option[] {
  return [
    { id: 'details:yes', label: yes, aliases: [...yesAliases, 'bevestig', 'confirm', 'doe maar'] },
    { id: 'details:no', label: s.m.noKeep, aliases: [...noAliases] },
  ];
}

/** The options of this flow's steps; null for the steps of other flows. */
export function detailsOptions(manage: ManageFlow, s: Speech): Option[] | null {
  switch (manage.step) {
    case 'email':
      return [{ id: 'details:no', label: s.m.noKeep, aliases: [...noAliases] }];
    case 'street':
    case 'postalCode':
    case 'city':
      return [];
    case 'country':
      return countryOrder.map((code) => ({ id: `country:${code}`, label: countryName(code, s.m.locale), aliases: [code.toLowerCase()] }));
    case 'confirmEmail':
      return yesNoOptions(s, s.m.yesChange);
    case 'confirmBook':
    case 'confirmNoBook':
      return yesNoOptions(s, s.m.yesChange);
    default:
      return null;
  }
}

function enteredAddress(manage: ManageFlow): ShippingAddress | null {
  const { street, postalCode, city, country } = manage.entered;
  return street && postalCode && city && country ? { street, postalCode, city, country } : null;
}

/** The question of this flow's steps (naming whose registration it is when not the person's own); null for the steps of other flows. */
export function detailsPrompt(manage: ManageFlow, record: RegistrationRecord, ctx: TurnContext, s: Speech): string | null {
  const question = bareDetailsPrompt(manage, record, ctx, s);
  const named = ['street', 'confirmBook', 'confirmNoBook'].includes(manage.step) && !isOwn(record, ctx);
  return question !== null && named ? `${s.m.forPerson(fullName(record))} ${question}` : question;
}

function bareDetailsPrompt(manage: ManageFlow, record: RegistrationRecord, ctx: TurnContext, s: Speech): string | null {
  const { m, event } = s;
  const book = event.book;
  const address = enteredAddress(manage);
  switch (manage.step) {
    case 'email':
      return isOwn(record, ctx) ? m.askNewEmail : m.askNewEmailOther(fullName(record));
    case 'confirmEmail':
      return m.confirmEmail(record.email, manage.entered.email ?? '');
    case 'street':
      return m.askStreet;
    case 'postalCode':
      return m.askPostalCode;
    case 'city':
      return m.askCity;
    case 'country':
      return m.askCountry;
    case 'confirmBook':
      if (!address) return m.askStreet;
      return record.book ? m.confirmAddress(addressLine(address, s)) : m.confirmBook(book?.title ?? '', formatPrice(book?.priceEur ?? 0, s), addressLine(address, s));
    case 'confirmNoBook':
      return m.confirmNoBook(book?.title ?? '');
    default:
      return null;
  }
}

const ask = (manage: ManageFlow, notes: string[] = []): Move => ({ kind: 'ask', manage, notes });
const atView = (manage: ManageFlow): ManageFlow => ({ ...manage, step: 'view', series: null, entered: {} });

/** Starts a wish on `record`: asks the new address, the shipping address, or to confirm dropping the book. */
export function startDetails(manage: ManageFlow, record: RegistrationRecord, wish: DetailsWish, text: string, s: Speech): Move {
  const { m, event } = s;
  const fresh: ManageFlow = { ...manage, registrationId: record.id, series: null, entered: {} };
  if (wish === 'changeEmail') {
    const email = emailIn(text);
    if (email && email !== record.email) return ask({ ...fresh, step: 'confirmEmail', entered: { email } });
    return ask({ ...fresh, step: 'email' });
  }
  if (!event.book) return ask(atView(fresh), [m.noBookOffered]);
  if (wish === 'cancelBook') return record.book ? ask({ ...fresh, step: 'confirmNoBook' }) : ask(atView(fresh), [m.noBookOrdered]);
  if (wish === 'orderBook' && record.book) return ask(atView(fresh), [m.alreadyBook(addressLine(record.book.shippingAddress, s))]);
  const intro = record.book ? [] : [m.bookIntro(event.book.title, formatPrice(event.book.priceEur, s))];
  return ask({ ...fresh, step: 'street' }, intro);
}

function problem(reason: FieldProblem, max: number, s: Speech): string {
  return reason === 'too_long' ? s.m.tooLongMax(max) : s.m.problems[reason];
}

/** Words a person uses to ask or want something, and never in a street's name. */
const notAnAddress = /\b(?:ik|i|wil|want|wat|what|hoe|how|mijn|my|toch|geen|niet|not|no|reeks|series|sessie|session)\b|\?/u;

/** A typed value at one of this flow's text steps; null when the step takes no typed value. */
export function detailsText(manage: ManageFlow, record: RegistrationRecord, text: string, s: Speech): Move | null {
  const { entered } = manage;
  const addressStep = ['street', 'postalCode', 'city', 'country'].includes(manage.step);
  // A whole address in one line ("Bondgenotenlaan 1, 3000 Leuven") at any of its steps fills every part it names.
  const line = addressStep ? parseAddressLine(text) : null;
  if (line?.postalCode && line.city) return withAddressLine(manage, line, s);
  // "ik wil toch geen sessie in reeks 2" is no street or postal code: it goes on to be read as the
  // wish or question it is.
  if ((manage.step === 'street' || manage.step === 'postalCode') && notAnAddress.test(normalise(text))) return null;
  switch (manage.step) {
    case 'email': {
      const checked = checkEmail(emailIn(text) ?? text);
      if (!checked.ok) return ask(manage, [problem(checked.reason, fieldLimits.email, s)]);
      if (checked.value === record.email) return ask(manage, [s.m.sameEmail]);
      return ask({ ...manage, step: 'confirmEmail', entered: { email: checked.value } });
    }
    case 'street': {
      const checked = checkStreet(text);
      return checked.ok ? ask({ ...manage, step: 'postalCode', entered: { ...entered, street: checked.value } }) : ask(manage, [problem(checked.reason, fieldLimits.street, s)]);
    }
    case 'postalCode': {
      // Before the country is known a Belgian code is expected; a clearly foreign one is kept and checked against the country later.
      const { country } = entered;
      const tries = country ? [country] : ['BE', 'NL', 'FR', 'DE'];
      const checked = tries.map((c) => checkPostalCode(text, c)).find((r) => r.ok) ?? checkPostalCode(text, tries[0]!);
      if (!checked.ok) return ask(manage, [problem(checked.reason, 0, s)]);
      const next = { ...entered, postalCode: checked.value };
      return ask({ ...manage, step: next.city && next.country ? 'confirmBook' : 'city', entered: next });
    }
    case 'city': {
      const checked = checkCity(text);
      return checked.ok ? ask({ ...manage, step: 'country', entered: { ...entered, city: checked.value } }) : ask(manage, [problem(checked.reason, fieldLimits.city, s)]);
    }
    case 'country': {
      const checked = checkCountry(text);
      return checked.ok ? withCountry(manage, checked.value, s) : ask(manage, [problem(checked.reason, 0, s)]);
    }
    default:
      return null;
  }
}

function withAddressLine(manage: ManageFlow, line: ReturnType<typeof parseAddressLine> & object, s: Speech): Move {
  const street = line.street ? checkStreet(line.street) : null;
  const city = checkCity(line.city ?? '');
  const entered = {
    ...manage.entered,
    ...(street?.ok ? { street: street.value } : {}),
    ...(city.ok ? { city: city.value } : {}),
    postalCode: line.postalCode,
  };
  const next = { ...manage, entered };
  if (!entered.street) return ask({ ...next, step: 'street' });
  if (!entered.city) return ask({ ...next, step: 'city' });
  const country = line.country ?? entered.country;
  return country ? withCountry(next, country, s) : ask({ ...next, step: 'country' });
}

function withCountry(manage: ManageFlow, country: string, s: Speech): Move {
  const postalCode = manage.entered.postalCode ?? '';
  if (!checkPostalCode(postalCode, country).ok) {
    const note = s.m.postalCodeCountry(postalCode, countryName(country, s.m.locale));
    return ask({ ...manage, step: 'postalCode', entered: { ...manage.entered, postalCode: undefined, country } }, [note]);
  }
  return ask({ ...manage, step: 'confirmBook', entered: { ...manage.entered, country } });
}

/** A short, stable fingerprint of a command's details, so that one key never names two different changes. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(36);
}

function effect(manage: ManageFlow, record: RegistrationRecord, details: Partial<RegistrantDetails>, ops: number): Move {
  const key = `details:${record.id}:${manage.opId}:${ops}:${fingerprint(JSON.stringify(details))}`;
  return { kind: 'effect', manage: { ...manage, step: 'updating' }, effect: { kind: 'updateDetails', command: { key, registrationId: record.id, details } } };
}

/** A pressed (or typed and matched) choice at one of this flow's steps; null when it is not one of them. */
export function detailsChoice(manage: ManageFlow, record: RegistrationRecord, id: string, ops: number, s: Speech): Move | null {
  if (manage.step === 'country' && id.startsWith('country:')) return withCountry(manage, id.slice('country:'.length), s);
  if (id === 'details:no' && detailsOptions(manage, s)?.some((o) => o.id === id)) return ask(atView(manage), [s.m.notChanged]);
  if (id !== 'details:yes') return null;
  const address = enteredAddress(manage);
  if (manage.step === 'confirmEmail' && manage.entered.email) return effect(manage, record, { email: manage.entered.email }, ops);
  if (manage.step === 'confirmBook' && address) return effect(manage, record, { book: { shippingAddress: address } }, ops);
  if (manage.step === 'confirmNoBook') return effect(manage, record, { book: null }, ops);
  return null;
}

/** "terug" at one of this flow's steps: the step before; null when it is not one of them. */
export function detailsBack(manage: ManageFlow): ManageFlow | null {
  const before: Partial<Record<ManageFlow['step'], ManageFlow['step']>> = {
    email: 'view',
    confirmEmail: 'email',
    street: 'view',
    postalCode: 'street',
    city: 'postalCode',
    country: 'city',
    confirmBook: 'country',
    confirmNoBook: 'view',
  };
  const step = before[manage.step];
  if (!step) return null;
  return step === 'view' ? atView(manage) : { ...manage, step };
}

/** What the ledger's answer to updateDetails means: a note and the view, or the step to try again. */
export function detailsOutcome(manage: ManageFlow, outcome: EffectOutcome & { kind: 'updateDetails' }, s: Speech): Move {
  const { result } = outcome;
  const { m } = s;
  if (result.ok) {
    const { registration, previousDetails } = result;
    const book = registration.book?.shippingAddress;
    let note = m.notChanged;
    if (registration.email !== previousDetails.email) note = m.emailChanged(registration.email);
    else if (book) note = previousDetails.book ? m.addressChanged(addressLine(book, s)) : m.bookOrderedNow(addressLine(book, s));
    else if (previousDetails.book) note = m.bookCancelled;
    return ask(atView(manage), [note]);
  }
  switch (result.reason) {
    case 'email_taken':
      return ask({ ...manage, step: 'email', entered: {} }, [m.emailTakenOnChange(manage.entered.email ?? '')]);
    case 'unchanged':
      return ask(atView(manage), [m.notChanged]);
    case 'invalid_details':
      return ask(atView(manage), [m.somethingWentWrong]);
    default:
      return ask(atView(manage), [m.registrationGone]);
  }
}
