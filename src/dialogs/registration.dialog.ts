import type { Session } from '../core/index.ts';
import { checkPostalCode, countryName, emailKey, findSession, isRegistrationOpen } from '../core/index.ts';
import { isExplicitQuestion, looksLikeQuestion, parseIdleIntent } from './commands.ts';
import { answerOf, fieldById, fieldLabel, fieldValue, toRegistrant, withAnswers, withBookAnswer } from './form-fields.ts';
import { isCorrection, readAnswers, type Reading } from './form-reader.ts';
import { sessionByRoomOrTime, sessionByWords, typedSessionNumber } from './form-sessions.ts';
import { emailTypo } from './form-email.ts';
import { helpWithQuestion } from './form-help.ts';
import { idleReply } from './idle.dialog.ts';
import { isJunk, unsupportedLanguage } from './message-reading.ts';
import { consultAnswerer } from './questions.ts';
import { advance, askStop, changeField, enterSummary, reask, refuse, resumeAfterStop, stages, stopForm } from './registration.moves.ts';
import { acceptText, fieldOfStep, isFilled, isTextStep, matchStepOption, needsWaitlist, seriesOfStep } from './registration.steps.ts';
import { isRequired, seriesValue, waitLines, type SeriesChoice } from './series-choice.ts';
import { formatDate, isVenueFull, seatsLeft, seriesName, sessionTitleOf, type Speech } from './render.ts';
import type { ConversationState, Draft, FieldId, FormFlow } from './state.ts';
import type { EffectOutcome, TurnContext, TurnResult } from './types.ts';

export { changeField, formBack, reask, stopForm } from './registration.moves.ts';

type Result = TurnResult<ConversationState>;

/** The refusal after the deadline: nothing changes, the contact address helps further. */
export function closedReply(state: ConversationState, s: Speech): Result {
  return idleReply(state, s, [s.m.closed(formatDate(s.event.registrationCloses, s), s.event.contact)]);
}

/** A new, empty form with the turn's nonce as its id (the register key is built from it). */
export function newForm(ctx: TurnContext, s: Speech): FormFlow {
  return { kind: 'form', id: ctx.nonce, step: 'firstName', draft: { values: {}, waitlist: isVenueFull(s) }, history: [], returnTo: null, fullOffer: null, implicit: [], failures: 0, wanted: {} };
}

/** Why a form cannot start: closed, or this account registered already (then the way to it, or to register someone else). */
export function cannotStart(state: ConversationState, ctx: TurnContext, s: Speech, someoneElse: boolean): Result | null {
  if (!isRegistrationOpen(s.event, ctx.now)) return closedReply(state, s);
  const mine = ctx.myRegistration;
  if (!mine || someoneElse) return null;
  return idleReply(state, s, [], {
    text: s.m.alreadyRegistered(`${mine.firstName} ${mine.lastName}`),
    options: [
      { id: 'my-registration', label: s.m.menu.myRegistration },
      { id: 'register-other', label: s.m.registerSomeoneElse },
    ],
  });
}

/**
 * Starts the form (or says why not). `text` is the sign-up message: whatever it already says is
 * filled in (sessions, and in a longer message a name, an e-mail address, ...), and a full session
 * it names is said to be full at once and offered with the waiting list when its series comes.
 */
export function startRegistration(state: ConversationState, ctx: TurnContext, s: Speech, opts: { someoneElse?: boolean; text?: string; sessions?: readonly number[] } = {}): Result {
  const refused = cannotStart(state, ctx, s, opts.someoneElse === true);
  if (refused) return refused;
  const form = newForm(ctx, s);
  // `sessions` (numbers already read from the message) is the older way to say what `text` says.
  const said = opts.text ?? (opts.sessions?.length ? `sessie ${opts.sessions.join(' en ')}` : '');
  const reading = said ? readAnswers(said, form, s, { atStart: true }) : null;
  const draft = reading?.draft ?? form.draft;
  const full = reading?.fullSessions ?? [];
  const wanted = Object.fromEntries(full.filter((x) => answerOf(draft, `session:${x.series}`) === undefined).map((x) => [String(x.series), x.number]));
  const noted = s.event.series.map((x) => findSession(s.event, Number(answerOf(draft, `session:${x.id}`) ?? -1))).filter((x): x is Session => x !== null);
  const intro = [
    opts.someoneElse ? s.m.formIntroOther : s.m.formIntro,
    ...(isVenueFull(s) ? [s.m.venueFullIntro(s.availability.venueCap)] : []),
    ...(noted.length ? [s.m.sessionsNoted(noted.map((x) => `${x.number}. ${sessionTitleOf(x.number, s)}`))] : []),
    ...full.map((x) => s.m.fullNamedAtStart(x.number, sessionTitleOf(x.number, s))),
    ...(reading ? [...reading.problems.values()] : []),
  ].join('\n');
  const started: FormFlow = {
    ...form,
    draft,
    wanted,
    implicit: (reading?.filled ?? []).filter((id) => id !== 'firstName' && !reading?.guessed.includes(id)),
    ...(opts.someoneElse ? { forSomeoneElse: true } : {}),
  };
  // The intro welcomes them, so the desk greeting is not repeated after the form.
  const greeted = { ...state, greeted: true };
  const next = answerOf(draft, 'firstName') !== undefined ? advance(greeted, started, draft, s) : reask(greeted, started, s);
  return { ...next, replies: [{ text: intro }, ...next.replies] };
}

/** A typed answer while the form is open (commands were handled before). */
export async function formText(state: ConversationState, form: FormFlow, text: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const exact = matchStepOption(form, text, s, 'exact');
  if (exact) return formChoice(state, form, exact.id, ctx, s);
  // "sorry, wat moet ik nu doen?", "hallo?", "waarom wil je mijn naam?": the question explained, and again.
  const help = helpWithQuestion(text, form.step, s, form.forSomeoneElse === true);
  if (help) return reask(state, form, s, help);
  // "Ik wil me inschrijven" again is not a name: we are already at it.
  // ("Ik wil me inschrijven: Ann Peeters, ann@…" is read below: it carries answers.)
  if (parseIdleIntent(text) === 'register' && !/[@\d,;]/u.test(text)) return reask(state, form, s, s.m.alreadyInForm);
  // A question goes before fragments of titles: "wat is sessie 3?" asks, it does not choose.
  let asked = false;
  if (looksLikeQuestion(text)) {
    asked = true;
    const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
    if (answer) return reask(state, form, s, undefined, answer.replies);
    if (isExplicitQuestion(text)) return reask(state, form, s, s.m.dontKnowInForm(s.event.contact));
  }
  const field = fieldOfStep(form.step, s);
  if (isJunk(text) && !isTextStep(field)) return refuse(state, form, s, s.m.pickOne);
  // French or German (which Balie does not speak), unless it is plainly this field's value ("Sie und Wir vzw").
  if (unsupportedLanguage(text) && !(isTextStep(field) && field.type !== 'name' && !/[,;]/u.test(text) && field.check(text, form.draft, s.event).ok)) {
    return reask(state, form, s, s.m.languagesSpoken);
  }
  const reading = readAnswers(text, form, s);
  const elsewhere = reading.strong && (reading.filled.some((id) => id !== form.step) || reading.fullSessions.length > 0);
  // At a session step one session, by number, room, time or words, is this question's answer
  // (or noted for its own series); several answers in one message are read as such.
  if (field?.type === 'session' && reading.filled.length + reading.fullSessions.length <= 1) {
    const loose = matchStepOption(form, text, s, 'loose');
    if (loose) return formChoice(state, form, loose.id, ctx, s);
    const picked = sessionTyped(form, text, s);
    if (picked) return picked.series === field.series ? formChoice(state, form, `session:${picked.number}`, ctx, s) : otherSeries(state, form, picked, s, isCorrection(text));
  }
  // Several answers in one message, or a clear value for another field ("oh wacht, toch sessie 3").
  if (elsewhere || (reading.strong && !isTextStep(field))) return applyReading(state, form, reading, text, s);
  const loose = field?.type !== 'session' && !isTextStep(field) ? matchStepOption(form, text, s, 'loose') : null;
  if (loose) return formChoice(state, form, loose.id, ctx, s);
  if (isTextStep(field) && form.fullOffer === null) {
    if (reading.filled.length > 1 && reading.filled.includes(field.id)) return applyReading(state, form, reading, text, s);
    const accepted = acceptText(form, field, text, s, ctx.myRegistration);
    // A name split by a guess while changing it, or a likely e-mail typo: asked as a check.
    if (accepted.ok && accepted.recheck && (form.returnTo || accepted.recheck === form.step)) return reask(state, { ...form, draft: accepted.draft, step: accepted.recheck, failures: 0 }, s);
    if (accepted.ok) return acceptValue(state, form, accepted.draft, ctx, s, accepted.implicit);
    return refuse(state, form, s, accepted.reason);
  }
  // At a typed field the reason helps more than a guess ("jan@example.be" as a first name is not
  // a question about speaker Jan); at a choice step a stray text may well be a question.
  if (!asked) {
    const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
    if (answer) return reask(state, form, s, undefined, answer.replies);
  }
  return refuse(state, form, s, s.m.pickOne);
}

/** A session named by its number, room, time or words, at a session step. */
function sessionTyped(form: FormFlow, text: string, s: Speech): Session | null {
  const series = seriesOfStep(form.step);
  const typed = typedSessionNumber(text);
  if (typed !== null) return findSession(s.event, typed);
  const described = sessionByRoomOrTime(text, s, series);
  if (described || series === null) return described;
  // Words of a title, then of a description: this series first, then the others ("the one about
  // workplace learning" at series 1 is session 6; "die over wijk-werken" is 7 by its title, whatever
  // a series-1 description says about it).
  for (const part of ['title', 'text'] as const) {
    for (const id of [series, ...s.event.series.map((x) => x.id).filter((id) => id !== series)]) {
      const found = sessionByWords(text, s, id, part);
      if (found) return found;
    }
  }
  return null;
}

/**
 * "9" where series 1 is asked: noted for its own series if it has a seat and that series is still
 * open (or changed there, as a correction: "toch sessie 3"); then the question again.
 */
function otherSeries(state: ConversationState, form: FormFlow, session: Session, s: Speech, correcting: boolean): Result {
  const series = s.event.series.find((x) => x.id === session.series);
  const label = series ? seriesName(series, s) : String(session.series);
  const step = `session:${session.series}` as const;
  if (isFilled(step, form.draft) && !correcting) return refuse(state, form, s, s.m.sessionOfAnsweredSeries(session.number, label));
  if (isFilled(step, form.draft) && seatsLeft(session, s) > 0) {
    const field = fieldById(s.event, step);
    const draft = withAnswers(form.draft, [[step, String(session.number)]]);
    return reask(state, { ...form, draft: needsWaitlist(draft, s) ? draft : { ...draft, waitlist: false } }, s, field ? s.m.changedTo(fieldLabel(field, s), fieldValue(field, draft, s)) : undefined);
  }
  if (isFilled(step, form.draft)) return reask(state, { ...form, step, fullOffer: session.number, returnTo: form.returnTo ?? form.step }, s);
  if (seatsLeft(session, s) === 0) return reask(state, { ...form, wanted: { ...form.wanted, [String(session.series)]: session.number } }, s, s.m.fullInOtherSeries(session.number, label));
  const draft = withAnswers(form.draft, [[`session:${session.series}`, String(session.number)]]);
  return reask(state, { ...form, draft, implicit: [...form.implicit, `session:${session.series}`] }, s, s.m.notedForOtherSeries(session.number, label));
}

/** Applies what a message with several answers (or a correction) said, then asks what is still missing. */
function applyReading(state: ConversationState, form: FormFlow, reading: Reading, text: string, s: Speech): Result {
  const changed = reading.filled.filter((id) => id !== form.step && answerOf(form.draft, id) !== undefined && answerOf(form.draft, id) !== answerOf(reading.draft, id));
  const notes = [...reading.problems.values()];
  for (const id of changed) {
    const field = fieldById(s.event, id);
    if (field) notes.unshift(s.m.changedTo(fieldLabel(field, s), fieldValue(field, reading.draft, s)));
  }
  const draft = needsWaitlist(reading.draft, s) ? reading.draft : { ...reading.draft, waitlist: false };
  const implicit = [...new Set([...form.implicit, ...reading.filled.filter((id) => id !== form.step && !reading.guessed.includes(id))])];
  let wanted = form.wanted;
  const full = reading.fullSessions[0];
  if (full) {
    const step = `session:${full.series}` as const;
    if (step === form.step || isCorrection(text)) {
      const returnTo = step === form.step ? form.returnTo : (form.returnTo ?? form.step);
      return reask(state, { ...form, draft, implicit, step, fullOffer: full.number, returnTo, failures: 0 }, s, notes.join('\n') || undefined);
    }
    wanted = { ...wanted, [String(full.series)]: full.number };
    notes.push(s.m.fullNamedAtStart(full.number, sessionTitleOf(full.number, s)));
  }
  const moved: FormFlow = { ...form, wanted };
  const note = notes.join('\n') || undefined;
  if (stages.has(form.step)) return enterSummary(state, { ...moved, draft, implicit }, s, note);
  const field = fieldOfStep(form.step, s);
  if (field && field.applies(draft, s.event) && !isFilled(form.step, draft)) {
    // Noted for later questions, this one still open: say what was taken, so nothing seems lost.
    const taken = reading.filled.filter((id) => !changed.includes(id)).map((id) => fieldById(s.event, id)).filter((x): x is NonNullable<typeof x> => x !== null);
    const noted = taken.length > 0 ? s.m.notedFields(taken.map((x) => `${fieldLabel(x, s).toLowerCase()}: ${fieldValue(x, draft, s)}`)) : undefined;
    return reask(state, { ...moved, draft, implicit, failures: 0 }, s, [note, noted].filter(Boolean).join('\n') || undefined);
  }
  return advance(state, moved, draft, s, { implicit: reading.filled.filter((id) => id !== form.step && !reading.guessed.includes(id)), notes });
}

function acceptValue(state: ConversationState, form: FormFlow, draft: Draft, ctx: TurnContext, s: Speech, implicit: FieldId[] = []): Result {
  if (form.step === 'email' && ctx.myRegistration && emailKey(ctx.myRegistration.email) === emailKey(answerOf(draft, 'email') ?? '')) return refuse(state, form, s, s.m.lookedLikeEmailOwner);
  const country = answerOf(draft, 'country');
  const postalCode = answerOf(draft, 'postalCode');
  if (form.step === 'country' && country && postalCode && !checkPostalCode(postalCode, country).ok) {
    const note = s.m.postalCodeCountry(postalCode, countryName(country, s.m.locale));
    return reask(state, { ...form, draft: withAnswers(draft, [['postalCode', undefined]]), step: 'postalCode', returnTo: form.returnTo ?? 'summary', fullOffer: null }, s, note);
  }
  return advance(state, form, draft, s, { implicit });
}

/** A pressed (or typed and matched) choice while the form is open; `id` may be any text. */
export async function formChoice(state: ConversationState, form: FormFlow, id: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const { draft } = form;
  const field = fieldOfStep(form.step, s);
  if (id === 'keep' && isTextStep(field) && isFilled(form.step, draft)) return advance(state, form, draft, s);
  const typo = id === 'email:fix' && field?.type === 'email' ? emailTypo(answerOf(draft, field.id) ?? '') : null;
  if (typo) return acceptValue(state, form, withAnswers(draft, [['email', typo]]), ctx, s);
  if (field?.type === 'session' && field.series !== undefined) {
    const series = field.series;
    const choose = (choice: SeriesChoice) => {
      const chosen = withAnswers(draft, [[field.id, seriesValue(choice)]]);
      return advance(state, { ...form, meanwhileFor: null }, { ...chosen, waitlist: chosen.waitlist && needsWaitlist(chosen, s) }, s);
    };
    // The three ways on at a full session: wait and hold another meanwhile, wait only, or another session.
    if (id === 'wait:fallback' && form.fullOffer !== null) return reask(state, { ...form, meanwhileFor: form.fullOffer, fullOffer: null }, s);
    if ((id === 'wait:only' || id === 'waitlist') && form.fullOffer !== null) return choose({ hold: null, wait: form.fullOffer });
    if (id === 'session:none' && !isRequired(s.event, series)) return choose({ hold: null, wait: null });
    const session = id.startsWith('session:') ? findSession(s.event, Number(id.slice('session:'.length))) : null;
    if (session && session.series === series) {
      const waiting = form.meanwhileFor ?? null;
      if (waiting !== null && session.number === waiting) return reask(state, form, s);
      if (seatsLeft(session, s) === 0) {
        if (waiting !== null) return reask(state, form, s, s.m.seats.meanwhileFull(session.number));
        return reask(state, { ...form, fullOffer: session.number }, s);
      }
      return choose({ hold: session.number, wait: waiting });
    }
  }
  if (field && field.choicePrefix && field.type !== 'session' && id.startsWith(field.choicePrefix)) {
    const value = id.slice(field.choicePrefix.length);
    const checked = field.check(value, draft, s.event);
    if (checked.ok && field.type === 'yesNo') return advance(state, form, withBookAnswer(draft, checked.value === 'yes' ? 'yes' : 'no'), s);
    if (checked.ok) return acceptValue(state, form, withAnswers(draft, [[field.id, checked.value]]), ctx, s);
  }
  switch (form.step) {
    case 'summary':
    case 'confirming':
      if (id === 'confirm') return registerEffect(state, form, ctx, s);
      if (id === 'change') return reask(state, { ...form, step: 'pickField', returnTo: 'summary' }, s);
      if (id === 'stop') return askStop(state, form, s);
      break;
    case 'pickField':
      if (id.startsWith('change:')) return changeField(state, form, id.slice('change:'.length), s);
      break;
    case 'venueFull':
      if (id === 'waitlist') return enterSummary(state, { ...form, draft: { ...draft, waitlist: true } }, s);
      if (id === 'stop') return askStop(state, form, s);
      break;
    case 'confirmStop':
      if (id === 'stop:yes') return stopForm(state, s);
      if (id === 'stop:no') return resumeAfterStop(state, form, s);
      break;
  }
  return refuse(state, form, s, s.m.staleChoice);
}

/** Confirm: rechecks the deadline, then asks the ledger (the authority on seats and e-mails); the chat's confirm and a one-screen submission alike. */
export function registerEffect(state: ConversationState, form: FormFlow, ctx: TurnContext, s: Speech): Result {
  if (!isRegistrationOpen(s.event, ctx.now)) return closedReply(state, s);
  const built = toRegistrant(form.draft, s.event, ctx.user.key, state.lang);
  if ('missing' in built) return reask(state, { ...form, step: built.missing, returnTo: 'summary' }, s);
  const key = `register:${ctx.user.key}:${form.id}:${state.ops}`;
  const registrant = form.forSomeoneElse ? { ...built.registrant, forSomeoneElse: true } : built.registrant;
  return {
    state: { ...state, flow: { ...form, step: 'confirming' } },
    replies: [],
    effect: { kind: 'register', command: { key, registrant, waitlistIfFull: form.draft.waitlist } },
  };
}

/** After the ledger answered a register effect. */
export function resumeRegister(state: ConversationState, form: FormFlow, outcome: EffectOutcome & { kind: 'register' }, s: Speech): Result {
  const { result } = outcome;
  if (result.ok) {
    const { registration } = result;
    const name = `${registration.firstName} ${registration.lastName}`;
    const confirmed = registration.status === 'confirmed';
    const text = form.forSomeoneElse
      ? (confirmed ? s.m.registeredOther : s.m.registeredOtherWaitlisted)(name, registration.email)
      : (confirmed ? s.m.registered : s.m.registeredWaitlisted)(registration.email);
    const waits = confirmed ? waitLines(registration, outcome, s) : [];
    return idleReply(state, s, waits.length > 0 ? [text, s.m.seats.registeredWaiting(waits)] : [text]);
  }
  const next: FormFlow = { ...form, step: 'summary' };
  switch (result.reason) {
    case 'session_full': {
      const number = result.sessionNumbers[0] ?? 0;
      const session = findSession(s.event, number);
      const seriesId = session?.series ?? s.event.series[0]?.id ?? 1;
      const text = s.m.fullMeanwhile(number, sessionTitleOf(number, s));
      return reask(state, { ...next, step: `session:${seriesId}`, fullOffer: session ? number : null, meanwhileFor: null, returnTo: 'summary' }, s, text);
    }
    case 'venue_full':
      return reask(state, { ...next, step: 'venueFull' }, s);
    case 'email_taken': {
      const email = answerOf(form.draft, 'email') ?? '';
      const asked = reask(state, { ...next, step: 'email', returnTo: 'summary', draft: withAnswers(form.draft, [['email', undefined]]) }, s, s.m.emailTaken(email));
      const [reply] = asked.replies;
      const withChoice = reply ? [{ ...reply, choices: [{ id: 'my-registration', label: s.m.menu.myRegistration }] }] : [];
      return { ...asked, replies: withChoice };
    }
    case 'invalid_sessions':
      return reask(state, { ...next, step: `session:${s.event.series[0]?.id ?? 1}`, returnTo: 'summary' }, s);
    case 'idempotency_conflict':
      // The ledger refused a key it knew from another command: nothing was registered. The summary
      // again; confirming it once more sends a new key.
      return reask(state, next, s, s.m.turnFailed);
  }
}
