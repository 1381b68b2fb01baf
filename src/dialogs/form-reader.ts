import type { Session } from '../core/index.ts';
import { checkCountry, checkEmail, findSession, tidy } from '../core/index.ts';
import { matchOption, normalise, yesNo } from './choices.ts';
import { looksLikeStreet, parseAddressLine, type AddressParts } from './form-address.ts';
import { answerOf, applicableFields, withAnswers, withBookAnswer, type FieldDef } from './form-fields.ts';
import { emailTypo } from './form-email.ts';
import { isNoName, readName } from './form-names.ts';
import { isSelfEmployed, readOrganisation, splitNameAndOrganisation } from './form-organisation.ts';
import { isOnlyLeadIn, withoutLeadIn } from './message-reading.ts';
import { organisationTypeOptions, problemText } from './registration.steps.ts';
import { seatsLeft, type Speech } from './render.ts';
import type { Draft, FieldId, FormFlow } from './state.ts';

/** What one message said about the form's fields, beyond the question asked. */
export interface Reading {
  /** The draft with everything the message filled in (checked values only). */
  draft: Draft;
  /** The fields it filled or changed, in form order. */
  filled: FieldId[];
  /** Fields it named with a value that was refused, with the reason in the person's language. */
  problems: Map<FieldId, string>;
  /** Full sessions it named (noted nowhere: the caller offers the waiting list or another). */
  fullSessions: Session[];
  /** Fields filled by a guess (the last name of "Anne Marie Peeters"): asked again as a check. */
  guessed: FieldId[];
  /** Whether it read anything only a message with several answers has (an e-mail address, a phone number, sessions, the book, an address). */
  strong: boolean;
}

/** Words that say an earlier answer is being corrected: "oh wacht, toch sessie 3", "actually session 6". */
const correctionWords = /\b(?:toch|wacht|oeps|sorry|liever|actually|instead|in plaats van|ipv|rather|oops|wait|correctie|correction|nee)\b/u;

/** Whether a message corrects an earlier answer. */
export function isCorrection(text: string): boolean {
  return correctionWords.test(normalise(text));
}

const emailToken = /[^\s,;:<>()"'[\]]+@[^\s,;:<>()"'[\]]+/gu;
const sessionRun = /\b(?:sess?ies?|sess?ions?|workshops?)\s*((?:(?:en|and|&|\+|,)?\s*\d{1,3}\b\s*)+)/giu;
const insteadOf = /\b(?:in plaats van|instead of|ipv|i\.p\.v\.|rather than)\s+(?:(?:sessie|session)\s+)?\d{1,3}\b/giu;
const bookNo = /\b(?:geen|zonder|no|without(?:\s+(?:the|a))?)\s+(?:boek(?:je)?|book)\b|\b(?:boek|book)\s*[:=]?\s*(?:nee|neen|no)\b/iu;
// "…, sessie 1 en 5, boek, Kerkstraat 12, …": the book named on its own between commas.
const bookAlone = /(?:^|[,;])\s*(?:met\s+)?(?:het\s+|een\s+|the\s+|a\s+)?(?:boek|book)\s*(?=[,;]|$)/iu;
const bookYes = /\b(?:met|with|plus)\s+(?:het\s+|the\s+|a\s+)?(?:boek|book)\b|\b(?:boek|book)\s*[:=]?\s*(?:ja|graag|yes|please)\b|\b(?:ik wil|i want|i d like|i would like|graag)\s+(?:(?:ook|also|graag)\s+)?(?:het|een|the|a)\s+(?:boek|book)\b/iu;
const phoneRun = /(?:\+|\b00|\b0|\(0)[\d ()./-]{6,20}\d/gu;
// Greetings, politeness and field names typed around the answers ("Hallo", "graag", "naam: ...").
const notAnAnswer = /^(?:hallo|hoi|hey|hi|hello|dag|goeiedag|goedendag|goedemorgen|goedemiddag|goedenavond|good (?:morning|afternoon|evening)|beste|dear|graag|alsjeblieft|alstublieft|please|dank je|bedankt|thanks|thank you|alvast bedankt|groeten|mvg|met vriendelijke groeten|kind regards|regards|cheers|ok|oke|ja|nee|yes|no|naam|voornaam|achternaam|name|first name|last name|e ?mail|mail|tel|telefoon|gsm|phone|organisatie|organisation|organization|adres|address)$/u;
const signUpWords = /\b(?:inschrijv\w*|aanmeld\w*|registr\w*|register|sign up|sign me up|schrijf)\b/u;

/**
 * Reads every field a message names, Rasa-style (a slot filled from any message that carries it):
 * e-mail addresses, phone numbers, a one-line address, sessions, the book, the organisation type,
 * and in the order typed, names and the organisation for the open text fields from the question
 * asked on. Every value goes through its field's checker; an earlier answer is replaced only by a
 * clear value (an e-mail address, "sessie 3", "geen boek"), never by loose text.
 */
export function readAnswers(text: string, form: FormFlow, s: Speech, opts: { atStart?: boolean } = {}): Reading {
  const fields = applicableFields(s.event, withAnswers(form.draft, [['book', 'yes']]));
  const set = new Map<FieldId, string>();
  const problems = new Map<FieldId, string>();
  const guessed: FieldId[] = [];
  const fullSessions: Session[] = [];
  let draft = form.draft;
  let rest = ` ${text} `;
  let strong = false;
  const take = (field: FieldDef | undefined, raw: string): void => {
    if (!field) return;
    const result = field.check(raw, withAnswers(draft, set), s.event);
    if (result.ok) set.set(field.id, result.value);
    else problems.set(field.id, problemText(field, result.reason, s));
  };
  const byId = (id: FieldId) => fields.find((field) => field.id === id);
  const cut = (piece: string) => (rest = rest.replace(piece, ' , '));

  // Cheap tests first: most messages are one short answer.
  const has = { at: text.includes('@'), session: /sess?i|workshop/iu.test(text), book: /boek|book/iu.test(text), digits: /\d/u.test(text) };
  for (const [token] of has.at ? rest.matchAll(emailToken) : []) {
    strong = true;
    if (!set.has('email') || checkEmail(token).ok) take(byId('email'), token);
    cut(token);
  }
  if (has.session) rest = rest.replace(insteadOf, ' ');
  for (const match of has.session ? [...rest.matchAll(sessionRun)] : []) {
    strong = true;
    readSessions(match[1] ?? '', s, set, fullSessions);
    cut(match[0]);
  }
  const book = has.book ? (bookNo.exec(rest) ?? bookYes.exec(rest) ?? (/[,;]/u.test(text) ? bookAlone.exec(rest.trim()) : null)) : null;
  if (book && s.event.book) {
    strong = true;
    draft = withBookAnswer(draft, bookNo.test(book[0]) ? 'no' : 'yes');
    set.set('book', answerOf(draft, 'book') ?? 'no');
    cut(book[0]);
  }
  const address = has.digits ? parseAddressLine(rest) : null;
  if (address && answerOf(draft, 'book') !== 'no') {
    strong = true;
    // An address where the book is asked (or in a sign-up line) says yes to the book.
    if (s.event.book && answerOf(draft, 'book') === undefined) {
      draft = withBookAnswer(draft, 'yes');
      set.set('book', 'yes');
    }
    if (address.country) take(byId('country'), address.country);
    for (const part of ['street', 'postalCode', 'city'] as const) {
      const value = address[part];
      if (value !== undefined) take(byId(part), value);
    }
    // Cut where the address is, not where its words first occur ("Gemeente Leuven, …, 3000 Leuven").
    rest = cutAddress(rest, address);
  }
  for (const [run] of has.digits ? rest.matchAll(phoneRun) : []) {
    if ((run.match(/\d/g) ?? []).length < 8) continue;
    strong = true;
    if (!set.has('phone')) take(byId('phone'), run);
    cut(run);
  }
  // A sign-up message fills names only next to personal details ("Hi, can I sign up for session 4" has no name in it).
  if (!opts.atStart || set.has('email') || set.has('phone')) readLooseText(rest, form, s, fields, set, problems, take, guessed);
  if (set.has('organisationType') || set.has('country')) strong = true;
  // "sofie@gmial.com" in a longer message: asked as a check when its question comes.
  if (emailTypo(set.get('email') ?? '')) guessed.push('email');
  const filled = fields.map((field) => field.id).filter((id) => set.has(id));
  return { draft: withAnswers(draft, set), filled, problems, fullSessions, strong, guessed };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+');

/** The message without the address found in it: the street, the postal code with its place, and a country typed after them. */
function cutAddress(rest: string, address: AddressParts): string {
  let left = rest;
  if (address.street) left = left.replace(new RegExp(`(^|[\\s,;])${escaped(address.street)}(?=$|[\\s,;])`, 'u'), '$1 , ');
  const place = [address.postalCode, address.city].filter((x): x is string => x !== undefined).map(escaped).join('\\s+');
  const at = place ? new RegExp(`${place}`, 'u').exec(left) : null;
  if (!at) return left;
  const after = left.slice(at.index + at[0].length);
  const country = /^\s*[,;]?\s*([^,;]+?)\s*(?=$|[,;])/u.exec(after);
  const countryTyped = country?.[1] && address.country && !address.countryInferred && checkCountry(country[1]).ok;
  return `${left.slice(0, at.index)} , ${countryTyped ? after.slice(country[0].length) : after}`;
}

/** "3 en 7": the sessions that exist, one per series (a series named twice is left to its question). */
function readSessions(numbers: string, s: Speech, set: Map<FieldId, string>, full: Session[]): void {
  const sessions = [...new Set((numbers.match(/\d+/gu) ?? []).map(Number))].map((n) => findSession(s.event, n)).filter((x): x is Session => x !== null);
  for (const session of sessions) {
    if (sessions.filter((other) => other.series === session.series).length > 1) continue;
    if (seatsLeft(session, s) === 0) full.push(session);
    else set.set(`session:${session.series}`, String(session.number));
  }
}

/**
 * What is left once the clear values are out: pieces separated by commas. An organisation type or
 * a country typed as a piece of its own is read as one; the other pieces fill, in the order typed,
 * the name and organisation fields that are still open, from the question asked on.
 */
function readLooseText(
  rest: string,
  form: FormFlow,
  s: Speech,
  fields: FieldDef[],
  set: Map<FieldId, string>,
  problems: Map<FieldId, string>,
  take: (field: FieldDef | undefined, raw: string) => void,
  guessed: FieldId[],
): void {
  const pieces = rest
    .split(/\s*(?:[,;\n]|:\s|\s[-–]\s)\s*/u)
    // "… en mijn nummer 0470 …": the "en" before the words that lead in a value.
    .map((piece) => piece.replace(/^\s*(?:en|and|plus|ook|also|&)\s+/iu, ''))
    .filter((piece) => !isOnlyLeadIn(piece))
    .map((piece) => withoutLeadIn(tidy(piece)))
    .filter((piece) => normalise(piece).length > 0 && !signUpWords.test(normalise(piece)) && !notAnAnswer.test(normalise(piece)) && yesNo(piece) === null);
  const open = (field: FieldDef) => !set.has(field.id) && !problems.has(field.id) && answerOf(form.draft, field.id) === undefined;
  let cursor = Math.max(0, fields.findIndex((field) => field.id === form.step));
  for (let p = 0; p < pieces.length; p++) {
    let piece = pieces[p] as string;
    // Not by its place in the list: a bare "1" in "…, other, 1, 5, …" is no organisation type.
    const organisationField = fields.find((field) => field.type === 'organisation' && open(field));
    if (organisationField && isSelfEmployed(piece)) {
      for (const [id, value] of (readOrganisation(piece, s) as { answers: Array<[FieldId, string]> }).answers) take(fields.find((x) => x.id === id), value);
      continue;
    }
    const type = /^\d+$/u.test(piece.trim()) ? null : matchOption(piece, organisationTypeOptions(s), 'exact');
    if (type) {
      set.set('organisationType', type.id.slice('orgType:'.length));
      continue;
    }
    if (looksLikeStreet(piece) && fields.some((field) => field.id === 'street' && open(field))) {
      take(fields.find((field) => field.id === 'street'), piece);
      continue;
    }
    const index = fields.findIndex((field, i) => i >= cursor && (field.type === 'name' || field.type === 'organisation') && open(field));
    const field = fields[index];
    if (!field) continue;
    cursor = index + 1;
    if (field.type === 'organisation') {
      const organisation = readOrganisation(piece, s);
      if (organisation && 'refused' in organisation) problems.set(field.id, organisation.refused);
      else if (organisation) for (const [id, value] of organisation.answers) take(fields.find((x) => x.id === id), value);
      else take(field, piece);
      continue;
    }
    // "Ann Peeters van de gemeente Leuven": the name here, the organisation as the next piece.
    const withOrganisation = splitNameAndOrganisation(piece);
    if (withOrganisation) {
      piece = withOrganisation.name;
      pieces.splice(p + 1, 0, withOrganisation.organisation);
    }
    if (isNoName(piece)) continue;
    const name = readName(field.id === 'lastName' ? 'lastName' : 'firstName', piece, withAnswers(form.draft, set));
    for (const [id, value] of name.answers) take(fields.find((x) => x.id === id), value);
    if (name.guessed) guessed.push('lastName');
    if (set.has('lastName') && field.id === 'firstName') cursor = index + 2;
  }
}
