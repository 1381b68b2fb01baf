import type { RegistrationRecord } from '../core/index.ts';
import { findSession, isCancellationOpen, isRegistrationOpen, sessionInSeries } from '../core/index.ts';
import { matchOption, normalise, type MatchMode, type Option } from './choices.ts';
import type { ChangeTarget } from './commands.ts';
import { asksToRegisterSomeoneElse, isExplicitQuestion, looksLikeQuestion, parseIdleIntent, sessionChangeTarget, typedSessionNumber } from './commands.ts';
import { idleReply } from './idle.dialog.ts';
import { addressLine, detailsBack, emailChecked, detailsChoice, detailsOutcome, detailsText, detailsWish, startDetails, type DetailsWish, type Move } from './my-registration.details.ts';
import { asksOwnChoices, ownRegistrationAsk } from './my-registration.asks.ts';
import { fullName, hasRegistrations, isOwn, managedRecord, ownedRegistrations, whoseRegistration, type Whose } from './my-registration.target.ts';
import { closedForChanges, currentSession, manageOptions, manageReask, noRegistrationReply } from './my-registration.view.ts';
import { seriesChangedNote, seriesEffect } from './my-registration.seats.ts';
import { consultAnswerer } from './questions.ts';
import { startRegistration } from './registration.dialog.ts';
import { seatsLeft, seriesName, sessionOptions, sessionTitleOf, type Speech } from './render.ts';
import type { ConversationState, ManageFlow, ManageIntent } from './state.ts';
import type { SeatOutcome, TurnContext, TurnResult } from './types.ts';

export { manageReask } from './my-registration.view.ts';
export type { ManageIntent } from './state.ts';

type Result = TurnResult<ConversationState>;

const detailsWishes = new Set<ManageIntent>(['orderBook', 'cancelBook', 'changeAddress', 'changeEmail']);

function freshManage(ctx: TurnContext): ManageFlow {
  return { kind: 'manage', step: 'view', series: null, opId: ctx.nonce, registrationId: null, intent: 'view', entered: {} };
}

function atView(manage: ManageFlow, record: RegistrationRecord): ManageFlow {
  return { ...manage, step: 'view', series: null, registrationId: record.id, intent: 'view', entered: {} };
}

/** A step of the book or e-mail flow, as a turn: its question, or its ledger command. */
function runMove(state: ConversationState, move: Move, ctx: TurnContext, s: Speech, notes: string[] = []): Result {
  if (move.kind === 'ask') return manageReask(state, move.manage, ctx, s, [...notes, ...move.notes]);
  return { state: { ...state, flow: move.manage }, replies: notes.map((text) => ({ text })), effect: move.effect };
}

/**
 * Opens "mijn inschrijving" (view, or straight to what the person asked for). `text` is the message
 * (it may name whose registration); `target` the session a change request named ("wijzig sessie 7
 * naar 8"): the change to it is made at once.
 */
export function openManage(state: ConversationState, ctx: TurnContext, s: Speech, intent: ManageIntent = 'view', notes: string[] = [], target: number | null = null, text = ''): Result {
  if (!hasRegistrations(ctx)) return noRegistrationReply(state, ctx, s, notes);
  // Inside "Mijn inschrijving" a message is about the registration open there, unless it says otherwise.
  const current = state.flow.kind === 'manage' ? managedRecord(state.flow, ctx) : null;
  return actOn(state, freshManage(ctx), whoseRegistration(text, ctx, current), intent, ctx, s, notes, target, text);
}

/** "wijzig e-mail", "wijzig adres", "wijzig sessie 7 naar 8", "wijzig mijn naam" outside the form. */
export function openChange(state: ConversationState, ctx: TurnContext, s: Speech, target: ChangeTarget | null, text: string): Result {
  const session = sessionChangeTarget(text);
  if (session !== null || target === 'session' || target?.startsWith('session:')) return openManage(state, ctx, s, 'change', [], session, text);
  const wish: DetailsWish | null =
    detailsWish(text) ??
    (target === 'email' ? 'changeEmail' : target === 'book' ? 'orderBook' : target === 'street' || target === 'postalCode' || target === 'city' || target === 'country' ? 'changeAddress' : null);
  if (wish) return openManage(state, ctx, s, wish, [], null, text);
  // Name, phone and organisation are the organisers' to change.
  const notes = target !== null && hasRegistrations(ctx) ? [s.m.detailsByMail(s.event.contact)] : [];
  return openManage(state, ctx, s, 'view', notes, null, text);
}

function actOn(state: ConversationState, manage: ManageFlow, whose: Whose, intent: ManageIntent, ctx: TurnContext, s: Speech, notes: string[] = [], target: number | null = null, text = ''): Result {
  const others = ctx.registeredForOthers ?? [];
  const names = s.m.andList(others.map((r) => `*${fullName(r)}*`));
  switch (whose.kind) {
    case 'record':
      return startIntent(state, manage, whose.record, intent, ctx, s, notes, target, text);
    case 'pick':
      return manageReask(state, { ...manage, step: 'pickRegistration', registrationId: null, intent }, ctx, s, notes);
    case 'noOwn':
      // "ik kan niet komen" without a registration of one's own: never someone else's, unless picked.
      if (intent === 'view' && others.length === 1) return startIntent(state, manage, others[0]!, 'view', ctx, s, notes);
      return manageReask(state, { ...manage, step: 'pickRegistration', registrationId: null, intent: 'view' }, ctx, s, [...notes, s.m.noOwnRegistration(names)]);
    case 'noOthers':
      if (ctx.myRegistration) return startIntent(state, manage, ctx.myRegistration, 'view', ctx, s, [...notes, s.m.noColleagueRegistration]);
      return noRegistrationReply(state, ctx, s, [...notes, s.m.noColleagueRegistration]);
    case 'none':
      return noRegistrationReply(state, ctx, s, notes);
  }
}

function startIntent(state: ConversationState, given: ManageFlow, record: RegistrationRecord, intent: ManageIntent, ctx: TurnContext, s: Speech, notes: string[] = [], target: number | null = null, text = ''): Result {
  const manage = atView(given, record);
  // A name is the organisers' to correct (updateDetails holds the e-mail address and the book only).
  if (intent === 'changeName') return manageReask(state, manage, ctx, s, [...notes, s.m.own.nameByMail(s.event.contact)]);
  if (intent === 'resend' || intent === 'bookStatus') return ownAnswer(state, manage, record, intent, ctx, s, notes);
  const open = intent === 'cancel' ? isCancellationOpen(s.event, ctx.now) : isRegistrationOpen(s.event, ctx.now);
  if (intent !== 'view' && !open) return manageReask(state, manage, ctx, s, notes);
  if (intent === 'change' && target !== null && findSession(s.event, target)) return changeTo(state, manage, target, ctx, s);
  if (intent === 'change') return startChange(state, manage, ctx, s, notes);
  if (intent === 'cancel') return manageReask(state, { ...manage, step: 'confirmCancel' }, ctx, s, notes);
  if (detailsWishes.has(intent)) return runMove(state, startDetails(manage, record, intent as DetailsWish, text, s), ctx, s, notes);
  return manageReask(state, manage, ctx, s, notes);
}

/** The confirmation sent again (a ledger command, keyed by the turn), or whether the book was ordered. */
function ownAnswer(state: ConversationState, manage: ManageFlow, record: RegistrationRecord, intent: 'resend' | 'bookStatus', ctx: TurnContext, s: Speech, notes: string[]): Result {
  if (intent === 'resend') {
    const effect = { kind: 'resendConfirmation', command: { key: `resend:${record.id}:${ctx.nonce}`, registrationId: record.id } } as const;
    return { state: { ...state, flow: { ...manage, step: 'updating' } }, replies: notes.map((text) => ({ text })), effect };
  }
  const book = record.book ? s.m.own.bookOrdered(addressLine(record.book.shippingAddress, s)) : s.m.own.noBook;
  return idleReply(state, s, [...notes, isOwn(record, ctx) ? book : `${s.m.forPerson(fullName(record))} ${book}`]);
}

function startChange(state: ConversationState, manage: ManageFlow, ctx: TurnContext, s: Speech, notes: string[] = []): Result {
  const only = s.event.series.length === 1 ? s.event.series[0] : undefined;
  const next: ManageFlow = only ? { ...manage, step: 'pickSession', series: only.id } : { ...manage, step: 'pickSeries', series: null };
  return manageReask(state, next, ctx, s, notes);
}

/** A change straight to session `number` of the event: its series is the one to change. */
function changeTo(state: ConversationState, manage: ManageFlow, number: number, ctx: TurnContext, s: Speech): Result {
  const series = findSession(s.event, number)?.series ?? null;
  return manageChoice(state, { ...manage, step: 'pickSession', series }, `session:${number}`, ctx, s);
}

// Choices that change something, refused after the deadline; a cancel stays possible until the day
// starts (the reminder's "ik kan toch niet komen": the seats go to the waiting list).
const changing = /^(?:change-session|order-book|cancel-book|change-email|series:|session:|leave-wait|details:yes|country:)/u;
const cancelling = /^(?:cancel-registration|cancel:yes)$/u;

/** A pressed (or typed and matched) choice in the manage dialog. */
export function manageChoice(state: ConversationState, manage: ManageFlow, id: string, ctx: TurnContext, s: Speech): Result {
  if (id === 'menu') return idleReply(state, s, []);
  if (id.startsWith('registration:')) {
    const picked = ownedRegistrations(ctx).find((r) => r.id === id.slice('registration:'.length));
    if (!picked) return manageReask(state, manage, ctx, s, [s.m.staleChoice]);
    return startIntent(state, manage, picked, manage.step === 'pickRegistration' ? manage.intent : 'view', ctx, s);
  }
  const record = managedRecord(manage, ctx);
  if (!record) return manage.step === 'pickRegistration' ? manageReask(state, { ...manage, intent: id === 'cancel-registration' ? 'cancel' : manage.intent }, ctx, s) : idleReply(state, s, [s.m.registrationGone]);
  if (changing.test(id) && !isRegistrationOpen(s.event, ctx.now)) return manageReask(state, atView(manage, record), ctx, s, [closedForChanges(s, ctx.now)]);
  if (cancelling.test(id) && !isCancellationOpen(s.event, ctx.now)) return manageReask(state, atView(manage, record), ctx, s, [closedForChanges(s, ctx.now)]);
  if (id === 'change-session') return startChange(state, manage, ctx, s);
  if (id === 'cancel-registration') return manageReask(state, { ...atView(manage, record), step: 'confirmCancel' }, ctx, s);
  if (id === 'order-book' || id === 'cancel-book' || id === 'change-email') {
    const wish = id === 'order-book' ? 'orderBook' : id === 'cancel-book' ? 'cancelBook' : 'changeEmail';
    return runMove(state, startDetails(manage, record, wish, '', s), ctx, s);
  }
  const details = detailsChoice(manage, record, id, state.ops, s);
  if (details) return runMove(state, details, ctx, s);
  if (manage.step === 'pickSeries' && id.startsWith('series:')) {
    const series = Number(id.slice('series:'.length));
    if (s.event.series.some((x) => x.id === series)) return manageReask(state, { ...manage, step: 'pickSession', series }, ctx, s);
  }
  const series = seriesEffect(state, manage, record, id, s);
  if (series) return series;
  if (manage.step === 'pickSession' && id.startsWith('session:') && manage.series !== null) {
    const number = Number(id.slice('session:'.length));
    const session = findSession(s.event, number);
    if (session && session.series === manage.series) {
      if (currentSession(record, s, manage.series) === number && !record.waitingFor?.some((n) => findSession(s.event, n)?.series === manage.series)) {
        return manageReask(state, atView(manage, record), ctx, s, [s.m.alreadyYourSession(number)]);
      }
      if (record.status === 'confirmed' && seatsLeft(session, s) === 0) return manageReask(state, manage, ctx, s, [s.m.sessionFullPickOther(number)]);
      return {
        state: { ...state, flow: { ...manage, step: 'changing' } },
        replies: [],
        effect: { kind: 'changeSession', command: { key: `change:${record.id}:${manage.opId}:${state.ops}:${number}`, registrationId: record.id, sessionNumber: number } },
      };
    }
  }
  if (manage.step === 'confirmCancel' && id === 'cancel:yes') {
    return { state: { ...state, flow: { ...manage, step: 'cancelling' } }, replies: [], effect: { kind: 'cancel', command: { key: `cancel:${record.id}:${manage.opId}:${state.ops}`, registrationId: record.id } } };
  }
  if (manage.step === 'confirmCancel' && id === 'cancel:no') {
    return manageReask(state, atView(manage, record), ctx, s, [isOwn(record, ctx) ? s.m.notCancelled : s.m.notCancelledOther(fullName(record))]);
  }
  return manageReask(state, manage, ctx, s, [s.m.staleChoice]);
}

/** The option a typed answer picks at the current step of the manage dialog. */
export function matchManageOption(manage: ManageFlow, text: string, ctx: TurnContext, s: Speech, mode: MatchMode): Option | null {
  const record = managedRecord(manage, ctx);
  const options = manageOptions(manage, record, ctx, s);
  const full = manage.step === 'pickSession' ? sessionOptions(manage.series ?? 0, s, { allowFull: true }) : [];
  return matchOption(text, options, mode) ?? matchOption(text, full, mode);
}

const typedSteps = new Set<ManageFlow['step']>(['email', 'street', 'postalCode', 'city', 'country']);

/** A typed answer in the manage dialog (commands were handled before). */
export async function manageText(state: ConversationState, manage: ManageFlow, text: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const record = managedRecord(manage, ctx);
  if (!record && manage.step !== 'pickRegistration') return idleReply(state, s, [s.m.registrationGone]);
  const picked = matchManageOption(manage, text, ctx, s, 'exact') ?? (looksLikeQuestion(text) ? null : matchManageOption(manage, text, ctx, s, 'loose'));
  if (picked) return manageChoice(state, manage, picked.id, ctx, s);
  if (record && typedSteps.has(manage.step)) {
    const answer = isExplicitQuestion(text) ? await consultAnswerer(text, ctx, state.lang, 0.5) : null;
    if (answer) return manageReask(state, manage, ctx, s, [], answer.replies);
    const typed = detailsText(manage, record, text, s);
    if (typed) return runMove(state, typed, ctx, s);
  }
  // "wijzig sessie 7 naar 8" while viewing or picking: that session, whatever its series.
  const target = manage.step === 'pickSession' ? null : sessionChangeTarget(text);
  const whose = whoseRegistration(text, ctx, record);
  if (target !== null && findSession(s.event, target)) return actOn(state, manage, whose, 'change', ctx, s, [], target, text);
  // A session number where a series is asked ("8", "sessie 8"): that session, in its series.
  const typed = manage.step === 'pickSeries' ? typedSessionNumber(text) : null;
  if (typed !== null && findSession(s.event, typed)) return changeTo(state, manage, typed, ctx, s);
  if (asksToRegisterSomeoneElse(text)) return startRegistration(state, ctx, s, { someoneElse: true, text });
  const wish = ownRegistrationAsk(text) ?? detailsWish(text);
  if (wish) return actOn(state, manage, whose, wish, ctx, s, [], null, text);
  const intent = parseIdleIntent(text);
  if (intent === 'cancelRegistration') return actOn(state, manage, whose, 'cancel', ctx, s);
  if (intent === 'changeSession') return actOn(state, manage, whose, 'change', ctx, s);
  if (intent === 'myRegistration' || asksOwnChoices(text)) return actOn(state, manage, whoseRegistration(text, ctx), 'view', ctx, s);
  const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
  if (answer) return manageReask(state, manage, ctx, s, [], answer.replies);
  const note = looksLikeQuestion(text) && isExplicitQuestion(text) ? s.m.dontKnowInForm(s.event.contact) : s.m.pickOne;
  return manageReask(state, manage, ctx, s, [note]);
}

/** "terug" in the manage dialog: one level up. */
export function manageBack(state: ConversationState, manage: ManageFlow, ctx: TurnContext, s: Speech): Result {
  const record = managedRecord(manage, ctx);
  if (!record || manage.step === 'view' || manage.step === 'pickRegistration') return idleReply(state, s, []);
  const back = detailsBack(manage);
  if (back) return manageReask(state, back, ctx, s);
  if (manage.step === 'pickSession' && s.event.series.length > 1) return manageReask(state, { ...manage, step: 'pickSeries', series: null }, ctx, s);
  return manageReask(state, atView(manage, record), ctx, s);
}

/** "annuleer", "annuleren", "cancel", ...: said alone, about the registration (not "stop"). */
export function isCancelWord(text: string): boolean {
  return /^(?:annuleer|annuleren|cancel|afmelden|uitschrijven)$/u.test(normalise(text));
}

/**
 * "stop" / "annuleren" in the manage dialog. "annuleren" (or "cancel") is about the registration:
 * the cancel flow, which asks first. "stop" leaves what was going on: the view, or the menu.
 */
export function manageStop(state: ConversationState, manage: ManageFlow, text: string, ctx: TurnContext, s: Speech): Result {
  if (isCancelWord(text)) return manageChoice(state, manage, 'cancel-registration', ctx, s);
  const record = managedRecord(manage, ctx);
  if (!record || manage.step === 'view' || manage.step === 'pickRegistration') return idleReply(state, s, []);
  return manageReask(state, atView(manage, record), ctx, s, [s.m.notChanged]);
}

/** After the ledger answered a change, a cancel or a details update. */
export function resumeManage(state: ConversationState, manage: ManageFlow, outcome: SeatOutcome, ctx: TurnContext, s: Speech): Result {
  // A key the ledger knew from another command: nothing changed (and the registration is not gone).
  const known = managedRecord(manage, ctx);
  if (!outcome.result.ok && outcome.result.reason === 'idempotency_conflict' && known) {
    return manageReask(state, atView(manage, known), ctx, s, [s.m.turnFailed]);
  }
  if (outcome.kind === 'cancel') {
    if (!outcome.result.ok) return idleReply(state, s, [s.m.registrationGone]);
    const { cancelled } = outcome.result;
    return idleReply(state, s, [cancelled.forSomeoneElse ? s.m.cancelledOther(fullName(cancelled)) : s.m.cancelled]);
  }
  if (outcome.kind === 'updateDetails') return runMove(state, detailsOutcome(manage, outcome, s), ctx, s);
  if (outcome.kind === 'findEmail') {
    const record = managedRecord(manage, ctx);
    return record ? runMove(state, emailChecked(manage, record, outcome.result.registrationId, s), ctx, s) : idleReply(state, s, [s.m.registrationGone]);
  }
  if (outcome.kind === 'resendConfirmation') {
    if (!outcome.result.ok) return idleReply(state, s, [s.m.registrationGone]);
    const { registration: sent } = outcome.result;
    return idleReply(state, s, [sent.forSomeoneElse ? s.m.own.resentOther(fullName(sent), sent.email) : s.m.own.resent(sent.email)]);
  }
  const record = managedRecord(manage, ctx);
  if ((outcome.kind !== 'changeSession' && outcome.kind !== 'changeSeries') || !record) return idleReply(state, s, [s.m.registrationGone]);
  const { result } = outcome;
  const view = atView(manage, record);
  const seriesNote = outcome.kind === 'changeSeries' ? seriesChangedNote(manage, outcome, ctx, s) : null;
  if (seriesNote) return manageReask(state, view, ctx, s, [seriesNote]);
  if (result.ok) {
    const now = result.registration;
    const index = s.event.series.findIndex((x) => x.id === manage.series);
    const number = currentSession(now, s, manage.series ?? 0) ?? 0;
    const series = s.event.series[index];
    const name = series ? seriesName(series, s) : '';
    const title = sessionTitleOf(number, s);
    const previous = sessionInSeries(s.event, result.previousSessions, manage.series ?? 0) ?? 0;
    const confirmed = now.status === 'confirmed';
    const note = isOwn(record, ctx)
      ? (confirmed ? s.m.sessionChanged : s.m.sessionChangedWaitlisted)(name, number, title, previous)
      : (confirmed ? s.m.sessionChangedOther : s.m.sessionChangedOtherWaitlisted)(fullName(record), name, number, title, previous);
    return manageReask(state, view, ctx, s, [note]);
  }
  switch (result.reason) {
    case 'session_full':
      return manageReask(state, { ...manage, step: 'pickSession' }, ctx, s, [s.m.sessionFullPickOther(result.sessionNumbers[0] ?? 0)]);
    case 'unchanged':
      return manageReask(state, view, ctx, s);
    case 'invalid_session':
      return manageReask(state, { ...manage, step: 'pickSession' }, ctx, s, [s.m.pickOne]);
    default:
      return idleReply(state, s, [s.m.registrationGone]);
  }
}
