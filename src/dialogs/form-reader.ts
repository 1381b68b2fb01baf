import type { Session } from '../core/index.ts';
import { checkEmail, findSession, tidy } from '../core/index.ts';
import { matchOption, normalise } from './choices.ts';
import { looksLikeStreet, parseAddressLine } from './form-address.ts';
import { answerOf, applicableFields, withAnswers, withBookAnswer, type FieldDef } from './form-fields.ts';
import { splitFullName } from './form-names.ts';
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
  const book = has.book ? (bookNo.exec(rest) ?? bookYes.exec(rest)) : null;
  if (book && s.event.book) {
    strong = true;
    draft = withBookAnswer(draft, bookNo.test(book[0]) ? 'no' : 'yes');
    set.set('book', answerOf(draft, 'book') ?? 'no');
    cut(book[0]);
  }
  const address = has.digits ? parseAddressLine(rest) : null;
  if (address && answerOf(draft, 'book') !== 'no') {
    strong = true;
    if (address.country) take(byId('country'), address.country);
    for (const part of ['street', 'postalCode', 'city'] as const) {
      const value = address[part];
      if (value !== undefined) {
        take(byId(part), value);
        cut(value);
      }
    }
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
  const filled = fields.map((field) => field.id).filter((id) => set.has(id));
  return { draft: withAnswers(draft, set), filled, problems, fullSessions, strong, guessed };
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
    .filter((piece) => !isOnlyLeadIn(piece))
    .map((piece) => withoutLeadIn(tidy(piece)))
    .filter((piece) => normalise(piece).length > 0 && !signUpWords.test(normalise(piece)) && !notAnAnswer.test(normalise(piece)));
  const open = (field: FieldDef) => !set.has(field.id) && !problems.has(field.id) && answerOf(form.draft, field.id) === undefined;
  let cursor = Math.max(0, fields.findIndex((field) => field.id === form.step));
  for (const piece of pieces) {
    const type = matchOption(piece, organisationTypeOptions(s), 'exact');
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
    const split = field.id === 'firstName' && open(fields[index + 1] ?? field) ? splitFullName(piece) : null;
    if (split) {
      take(field, split.first);
      take(fields[index + 1], split.last);
      if (!split.sure) guessed.push('lastName');
    } else take(field, piece);
    cursor = set.has('lastName') && field.id === 'firstName' ? index + 2 : index + 1;
  }
}
