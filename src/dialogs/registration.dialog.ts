import { checkPostalCode, emailKey, findSession, isRegistrationOpen } from '../core/index.ts';
import type { ChangeTarget } from './commands.ts';
import { isExplicitQuestion, looksLikeQuestion, parseIdleIntent, typedSessionNumber } from './commands.ts';
import { idleReply } from './idle.dialog.ts';
import { consultAnswerer } from './questions.ts';
import {
  acceptText,
  firstFullChoice,
  isFilled,
  matchStepOption,
  needsWaitlist,
  prompt,
  seriesOfStep,
  sequence,
  sessionInSeries,
  textSteps,
  toRegistrant,
} from './registration.steps.ts';
import { formatDate, isVenueFull, seatsLeft, seriesName, type Speech } from './render.ts';
import type { ConversationState, Draft, FormFlow, FormStep } from './state.ts';
import type { EffectOutcome, Reply, TurnContext, TurnResult } from './types.ts';

type Result = TurnResult<ConversationState>;

const emptyDraft: Draft = { sessions: {}, waitlist: false };

function withForm(state: ConversationState, form: FormFlow): ConversationState {
  return { ...state, flow: form };
}

// Buttons that would leave or restart the form make no sense next to its pending question.
const notInForm = new Set(['register', 'register-other', 'my-registration']);

function withoutLeavingChoices(reply: Reply): Reply {
  if (!reply.choices) return reply;
  const choices = reply.choices.filter((c) => !notInForm.has(c.id));
  const { choices: _dropped, ...rest } = reply;
  return choices.length > 0 ? { ...rest, choices } : rest;
}

/** The pending question again, after an optional note (a reason, a confirmation, ...) and other replies (an answer). */
export function reask(state: ConversationState, form: FormFlow, s: Speech, note?: string, before: Reply[] = []): Result {
  const question = prompt(form, s);
  const reply = note ? { ...question, text: `${note}\n${question.text}` } : question;
  return { state: withForm(state, form), replies: [...before.map(withoutLeavingChoices), reply], effect: null };
}

/** The refusal after the deadline: nothing changes, the contact address helps further. */
export function closedReply(state: ConversationState, s: Speech): Result {
  const text = s.m.closed(formatDate(s.event.registrationCloses, s), s.event.contact);
  return idleReply(state, s, [text]);
}

/**
 * The sessions a sign-up message named that can be noted right away: per series, the one session
 * named for it, if it still has a seat. A series named twice, or a full session, is asked as usual.
 */
function notedSessions(numbers: readonly number[], s: Speech): Draft['sessions'] {
  const bySeries = new Map<string, number[]>();
  for (const number of new Set(numbers)) {
    const session = findSession(s.event, number);
    if (!session) continue;
    bySeries.set(String(session.series), [...(bySeries.get(String(session.series)) ?? []), number]);
  }
  const noted: Draft['sessions'] = {};
  for (const [series, named] of bySeries) {
    const session = named.length === 1 ? findSession(s.event, named[0]!) : undefined;
    if (session && seatsLeft(session, s) > 0) noted[series] = session.number;
  }
  return noted;
}

/**
 * Starts the form (or says why not: closed, or already registered on this account). `sessions`
 * are the numbers the sign-up message named ("ik wil naar sessie 3 en 7"): those that fit are
 * noted, and their questions skipped.
 */
export function startRegistration(
  state: ConversationState,
  ctx: TurnContext,
  s: Speech,
  opts: { someoneElse?: boolean; sessions?: readonly number[] } = {},
): Result {
  if (!isRegistrationOpen(s.event, ctx.now)) return closedReply(state, s);
  const mine = ctx.myRegistration;
  if (mine && !opts.someoneElse) {
    return idleReply(state, s, [], {
      text: s.m.alreadyRegistered(`${mine.firstName} ${mine.lastName}`),
      options: [
        { id: 'my-registration', label: s.m.menu.myRegistration },
        { id: 'register-other', label: s.m.registerSomeoneElse },
      ],
    });
  }
  const venueFull = isVenueFull(s);
  const sessions = notedSessions(opts.sessions ?? [], s);
  const form: FormFlow = {
    kind: 'form',
    id: ctx.now.toISOString(),
    step: 'firstName',
    draft: { ...emptyDraft, sessions, waitlist: venueFull },
    history: [],
    returnTo: null,
    fullOffer: null,
    ...(opts.someoneElse ? { forSomeoneElse: true } : {}),
  };
  const noted = Object.values(sessions).map((number) => `${number}. ${findSession(s.event, number)?.title ?? ''}`);
  const intro = [opts.someoneElse ? s.m.formIntroOther : s.m.formIntro, ...(venueFull ? [s.m.venueFullIntro(s.availability.venueCap)] : []), ...(noted.length ? [s.m.sessionsNoted(noted)] : [])].join('\n');
  // The intro welcomes them, so the desk greeting is not repeated after the form.
  return reask({ ...state, greeted: true }, form, s, undefined, [{ text: intro }]);
}

/** Moves on after an accepted answer: back to where a change started, or to the next step. */
function advance(state: ConversationState, form: FormFlow, draft: Draft, s: Speech): Result {
  const steps = sequence(s.event, draft);
  const from = steps.indexOf(form.step);
  let next: FormStep;
  let history = form.history;
  let returnTo = form.returnTo;
  if (returnTo) {
    const until = steps.indexOf(returnTo);
    const gap = steps.slice(from + 1, until < 0 ? steps.length : until).find((step) => !isFilled(step, draft));
    next = gap ?? (steps.includes(returnTo) ? returnTo : 'summary');
    if (!gap) returnTo = null;
  } else {
    // A session noted from the sign-up message is not asked (it was never asked, so it is not in the history).
    next = steps.slice(from + 1).find((step) => !(seriesOfStep(step) !== null && isFilled(step, draft) && !history.includes(step))) ?? 'summary';
    history = [...history, form.step].slice(-60);
  }
  const moved: FormFlow = { ...form, draft, step: next, history, returnTo, fullOffer: null };
  return next === 'summary' ? enterSummary(state, moved, s) : reask(state, moved, s);
}

/** The summary, unless a chosen session filled up meanwhile: then that series is asked again. */
function enterSummary(state: ConversationState, form: FormFlow, s: Speech, note?: string): Result {
  const full = form.draft.waitlist ? null : firstFullChoice(form.draft, s);
  if (full) {
    const session = findSession(s.event, full.session);
    const text = s.m.fullMeanwhile(full.session, session?.title ?? '');
    return reask(state, { ...form, step: `session:${full.series}`, fullOffer: full.session, returnTo: 'summary' }, s, note ? `${note}\n${text}` : text);
  }
  if (!form.draft.waitlist && isVenueFull(s)) return reask(state, { ...form, step: 'venueFull', returnTo: null }, s, note);
  return reask(state, { ...form, step: 'summary', returnTo: null }, s, note);
}

/** A typed answer while the form is open (commands were handled before). */
export async function formText(state: ConversationState, form: FormFlow, text: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const exact = matchStepOption(form, text, s, 'exact');
  if (exact) return formChoice(state, form, exact.id, ctx, s);
  // "Ik wil me inschrijven" again is not a name: we are already at it.
  if (parseIdleIntent(text) === 'register') return reask(state, form, s, s.m.alreadyInForm);
  // A question goes before fragments of titles: "wat is sessie 3?" asks, it does not choose.
  let asked = false;
  if (looksLikeQuestion(text)) {
    asked = true;
    const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
    if (answer) return reask(state, form, s, undefined, answer.replies);
    if (isExplicitQuestion(text)) return reask(state, form, s, s.m.dontKnowInForm(s.event.contact));
  }
  const loose = matchStepOption(form, text, s, 'loose');
  if (loose) return formChoice(state, form, loose.id, ctx, s);
  const elsewhere = sessionOfOtherSeries(form, text, s);
  if (elsewhere) return reask(state, { ...form, draft: elsewhere.draft }, s, elsewhere.note);
  let reason = s.m.pickOne;
  if (textSteps.has(form.step) && form.fullOffer === null) {
    const accepted = acceptText(form, text, s);
    if (accepted.ok) return acceptValue(state, form, accepted.draft, ctx, s);
    reason = accepted.reason;
  }
  // At a typed field the reason helps more than a guess ("jan@example.be" as a first name is not
  // a question about speaker Jan); at a choice step a stray text may well be a question.
  if (!asked && !textSteps.has(form.step)) {
    const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
    if (answer) return reask(state, form, s, undefined, answer.replies);
  }
  return reask(state, form, s, reason);
}

/**
 * "9" or "sessie 9" where series 1 is asked: a session of another series. It is noted for that
 * series if it has a seat (unless a session is already chosen there), and the question asked again.
 */
function sessionOfOtherSeries(form: FormFlow, text: string, s: Speech): { draft: Draft; note: string } | null {
  const series = seriesOfStep(form.step);
  const typed = series === null ? null : typedSessionNumber(text);
  const session = typed === null ? undefined : findSession(s.event, typed);
  if (!session || session.series === series || isFilled(`session:${session.series}`, form.draft)) return null;
  const other = s.event.series.find((x) => x.id === session.series);
  const seriesLabel = other ? seriesName(other, s) : String(session.series);
  if (seatsLeft(session, s) === 0) return { draft: form.draft, note: s.m.fullInOtherSeries(session.number, seriesLabel) };
  const draft = { ...form.draft, sessions: { ...form.draft.sessions, [String(session.series)]: session.number } };
  return { draft, note: s.m.notedForOtherSeries(session.number, seriesLabel) };
}

function acceptValue(state: ConversationState, form: FormFlow, draft: Draft, ctx: TurnContext, s: Speech): Result {
  if (form.step === 'email' && draft.email && ctx.myRegistration && emailKey(ctx.myRegistration.email) === emailKey(draft.email)) {
    return reask(state, form, s, s.m.lookedLikeEmailOwner);
  }
  if (form.step === 'country' && draft.country && draft.postalCode && !checkPostalCode(draft.postalCode, draft.country).ok) {
    const note = s.m.postalCodeCountry(draft.postalCode, s.m.countries[draft.country] ?? draft.country);
    const returnTo = form.returnTo ?? 'summary';
    return reask(state, { ...form, draft: { ...draft, postalCode: undefined }, step: 'postalCode', returnTo, fullOffer: null }, s, note);
  }
  return advance(state, form, draft, s);
}

/** A pressed (or typed and matched) choice while the form is open. */
export async function formChoice(state: ConversationState, form: FormFlow, id: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const { draft } = form;
  const series = seriesOfStep(form.step);
  if (id === 'keep' && textSteps.has(form.step) && isFilled(form.step, draft)) return advance(state, form, draft, s);
  if (series !== null && id === 'waitlist' && form.fullOffer !== null) {
    return advance(state, form, { ...draft, sessions: { ...draft.sessions, [String(series)]: form.fullOffer }, waitlist: true }, s);
  }
  if (series !== null && id.startsWith('session:')) {
    const number = Number(id.slice('session:'.length));
    const session = findSession(s.event, number);
    if (session && sessionInSeries(s.event, series, number)) {
      if (seatsLeft(session, s) === 0) return reask(state, { ...form, fullOffer: number }, s);
      const chosen: Draft = { ...draft, sessions: { ...draft.sessions, [String(series)]: number } };
      return advance(state, form, { ...chosen, waitlist: chosen.waitlist && needsWaitlist(chosen, s) }, s);
    }
  }
  if (form.step === 'organisationType' && id.startsWith('orgType:')) {
    const type = id.slice('orgType:'.length);
    if (type === 'local_government' || type === 'social_economy' || type === 'other') return advance(state, form, { ...draft, organisationType: type }, s);
  }
  if (form.step === 'book' && (id === 'book:yes' || id === 'book:no')) {
    const book = id === 'book:yes';
    const next: Draft = book ? { ...draft, book } : { ...draft, book, street: undefined, postalCode: undefined, city: undefined, country: undefined };
    return advance(state, form, next, s);
  }
  if (form.step === 'country' && id.startsWith('country:')) {
    return acceptValue(state, form, { ...draft, country: id.slice('country:'.length) }, ctx, s);
  }
  if (form.step === 'summary' || form.step === 'confirming') {
    if (id === 'confirm') return confirm(state, form, ctx, s);
    if (id === 'change') return reask(state, { ...form, step: 'pickField', returnTo: 'summary' }, s);
    if (id === 'stop') return stopForm(state, s);
  }
  if (form.step === 'pickField' && id.startsWith('change:')) return changeField(state, form, id.slice('change:'.length) as ChangeTarget, s);
  if (form.step === 'venueFull') {
    if (id === 'waitlist') return reask(state, { ...form, step: 'summary', draft: { ...draft, waitlist: true } }, s);
    if (id === 'stop') return stopForm(state, s);
  }
  return reask(state, form, s, s.m.staleChoice);
}

/** Confirm: rechecks the deadline, then asks the ledger (the authority on seats and e-mails). */
function confirm(state: ConversationState, form: FormFlow, ctx: TurnContext, s: Speech): Result {
  if (!isRegistrationOpen(s.event, ctx.now)) return closedReply(state, s);
  const built = toRegistrant(form.draft, s.event, ctx.user.key, state.lang);
  if ('missing' in built) return reask(state, { ...form, step: built.missing, returnTo: 'summary' }, s);
  const key = `register:${ctx.user.key}:${form.id}:${state.ops}`;
  const registrant = form.forSomeoneElse ? { ...built.registrant, forSomeoneElse: true } : built.registrant;
  return {
    state: withForm(state, { ...form, step: 'confirming' }),
    replies: [],
    effect: { kind: 'register', command: { key, registrant, waitlistIfFull: form.draft.waitlist } },
  };
}

/** Leaves the form; nothing was stored. */
export function stopForm(state: ConversationState, s: Speech): Result {
  return idleReply(state, s, [s.m.stopped]);
}

/** "terug": the previous question, or where a change started. */
export function formBack(state: ConversationState, form: FormFlow, s: Speech): Result {
  if (form.fullOffer !== null) return reask(state, { ...form, fullOffer: null }, s);
  if (form.returnTo) return form.returnTo === 'summary' ? enterSummary(state, form, s) : reask(state, { ...form, step: form.returnTo, returnTo: null }, s);
  const previous = form.history.at(-1);
  if (!previous) return reask(state, form, s, s.m.firstQuestion);
  return reask(state, { ...form, step: previous, history: form.history.slice(0, -1) }, s);
}

/** "wijzig e-mail": that question, then back to where we were. */
export function changeField(state: ConversationState, form: FormFlow, target: ChangeTarget | null, s: Speech): Result {
  const here: FormStep = form.step === 'confirming' || form.step === 'venueFull' || form.step === 'pickField' ? 'summary' : form.step;
  const returnTo = form.returnTo ?? here;
  if (target === null || target === 'session') {
    const anything = sequence(s.event, form.draft).some((step) => isFilled(step, form.draft));
    if (!anything) return reask(state, form, s, s.m.notYet);
    return reask(state, { ...form, step: 'pickField', returnTo, fullOffer: null }, s);
  }
  const steps = sequence(s.event, form.draft);
  const step = target as FormStep;
  if (!steps.includes(step) || (!isFilled(step, form.draft) && steps.indexOf(step) > steps.indexOf(here))) return reask(state, form, s, s.m.notYet);
  if (step === form.step) return reask(state, { ...form, fullOffer: null }, s);
  return reask(state, { ...form, step, returnTo: step === returnTo ? null : returnTo, fullOffer: null }, s);
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
    return idleReply(state, s, [text]);
  }
  const next: FormFlow = { ...form, step: 'summary' };
  switch (result.reason) {
    case 'session_full': {
      const number = result.sessionNumbers[0] ?? 0;
      const session = findSession(s.event, number);
      const seriesId = session?.series ?? s.event.series[0]?.id ?? 1;
      const text = s.m.fullMeanwhile(number, session?.title ?? '');
      return reask(state, { ...next, step: `session:${seriesId}`, fullOffer: session ? number : null, returnTo: 'summary' }, s, text);
    }
    case 'venue_full':
      return reask(state, { ...next, step: 'venueFull' }, s);
    case 'email_taken': {
      const email = form.draft.email ?? '';
      const asked = reask(state, { ...next, step: 'email', returnTo: 'summary', draft: { ...form.draft, email: undefined } }, s, s.m.emailTaken(email));
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
