import type { RegistrationRecord } from '../core/index.ts';
import { findSession, isRegistrationOpen } from '../core/index.ts';
import { matchOption, noAliases, yesAliases, type MatchMode, type Option } from './choices.ts';
import { asksToRegisterSomeoneElse, isExplicitQuestion, looksLikeQuestion, parseIdleIntent, sessionChangeTarget, sessionsNamed, typedSessionNumber } from './commands.ts';
import { idleReply } from './idle.dialog.ts';
import { consultAnswerer } from './questions.ts';
import { draftFromRecord, summaryFacts } from './registration.steps.ts';
import { closedReply, startRegistration } from './registration.dialog.ts';
import { ask, eventWhen, formatDate, seatsLeft, seriesName, seriesTime, sessionOptions, type Speech } from './render.ts';
import type { ConversationState, ManageFlow } from './state.ts';
import type { EffectOutcome, Reply, TurnContext, TurnResult } from './types.ts';

type Result = TurnResult<ConversationState>;

/** What the person wants to do with their registration when they open it. */
export type ManageIntent = 'view' | 'change' | 'cancel';

function withManage(state: ConversationState, manage: ManageFlow): ConversationState {
  return { ...state, flow: manage };
}

function currentSession(record: RegistrationRecord, s: Speech, seriesId: number): number | undefined {
  const index = s.event.series.findIndex((x) => x.id === seriesId);
  return index < 0 ? undefined : record.sessions[index];
}

function manageOptions(manage: ManageFlow, record: RegistrationRecord, s: Speech, open: boolean): Option[] {
  const { m } = s;
  switch (manage.step) {
    case 'pickSeries':
      return s.event.series.map((series) => {
        const current = findSession(s.event, currentSession(record, s, series.id) ?? -1);
        return {
          id: `series:${series.id}`,
          label: `${seriesName(series, s)} (${seriesTime(series)})`,
          ...(current ? { hint: `${current.number}. ${current.title}` } : {}),
          keywords: [`reeks ${series.id}`, `series ${series.id}`],
        };
      });
    case 'pickSession':
      return sessionOptions(manage.series ?? 0, s, { current: currentSession(record, s, manage.series ?? 0) ?? -1, allowFull: record.status === 'waitlisted' });
    case 'confirmCancel':
      return [
        { id: 'cancel:yes', label: m.cancelYes, aliases: [...yesAliases, 'annuleer', 'annuleren'] },
        { id: 'cancel:no', label: m.cancelNo, aliases: [...noAliases] },
      ];
    default:
      return open
        ? [
            { id: 'change-session', label: m.changeSession, aliases: ['wijzig', 'wijzigen', 'change'] },
            { id: 'cancel-registration', label: m.cancelRegistration, aliases: ['annuleer mijn inschrijving', 'cancel my registration'] },
            { id: 'menu', label: m.backToMenu },
          ]
        : [{ id: 'menu', label: m.backToMenu }];
  }
}

/** The pending question of the manage dialog, after optional notes. */
export function manageReask(state: ConversationState, manage: ManageFlow, record: RegistrationRecord, ctx: TurnContext, s: Speech, notes: string[] = [], before: Reply[] = []): Result {
  const { m, event } = s;
  const open = isRegistrationOpen(event, ctx.now);
  const options = manageOptions(manage, record, s, open);
  let reply: Reply;
  if (manage.step === 'pickSeries') reply = ask(m.pickSeries, options);
  else if (manage.step === 'pickSession') {
    const series = event.series.find((x) => x.id === manage.series);
    reply = ask(series ? m.pickNewSession(seriesName(series, s), seriesTime(series)) : m.pickSeries, options);
  } else if (manage.step === 'confirmCancel') reply = ask(m.confirmCancel, options);
  else {
    const status = record.status === 'confirmed' ? m.viewConfirmed(event.title, eventWhen(s)) : m.viewWaitlisted(event.title);
    const closed = open ? '' : `\n${m.closed(formatDate(event.registrationCloses, s), event.contact)}`;
    const facts = [
      ...summaryFacts(draftFromRecord(record, event), s),
      { label: m.factStatus, value: record.status === 'confirmed' ? m.statusConfirmed : m.statusWaitlisted },
    ];
    reply = ask(status + closed, options, facts);
  }
  const text = notes.length > 0 ? `${notes.join('\n')}\n${reply.text}` : reply.text;
  return { state: withManage(state, manage), replies: [...before, { ...reply, text }], effect: null };
}

/**
 * Opens "mijn inschrijving" (view, or straight to changing or cancelling). `target` is the session
 * a change request named ("wijzig sessie 7 naar 8"): the change to it is made at once.
 */
export function openManage(
  state: ConversationState,
  ctx: TurnContext,
  s: Speech,
  intent: ManageIntent = 'view',
  notes: string[] = [],
  target: number | null = null,
): Result {
  const record = ctx.myRegistration;
  if (!record) return idleReply(state, s, [...notes, s.m.noRegistration(s.event.contact)]);
  const manage: ManageFlow = { kind: 'manage', step: 'view', series: null, opId: ctx.now.toISOString() };
  if (intent !== 'view' && !isRegistrationOpen(s.event, ctx.now)) return manageReask(state, manage, record, ctx, s, notes);
  if (intent === 'change' && target !== null && findSession(s.event, target)) return changeTo(state, manage, target, ctx, s);
  if (intent === 'change') return startChange(state, manage, record, ctx, s, notes);
  if (intent === 'cancel') return manageReask(state, { ...manage, step: 'confirmCancel' }, record, ctx, s, notes);
  return manageReask(state, manage, record, ctx, s, notes);
}

function startChange(state: ConversationState, manage: ManageFlow, record: RegistrationRecord, ctx: TurnContext, s: Speech, notes: string[] = []): Result {
  const only = s.event.series.length === 1 ? s.event.series[0] : undefined;
  const next: ManageFlow = only ? { ...manage, step: 'pickSession', series: only.id } : { ...manage, step: 'pickSeries', series: null };
  return manageReask(state, next, record, ctx, s, notes);
}

/** A change straight to session `number` of the event: its series is the one to change. */
function changeTo(state: ConversationState, manage: ManageFlow, number: number, ctx: TurnContext, s: Speech): Result {
  const series = findSession(s.event, number)?.series ?? null;
  return manageChoice(state, { ...manage, step: 'pickSession', series }, `session:${number}`, ctx, s);
}

/** A pressed (or typed and matched) choice in the manage dialog. */
export function manageChoice(state: ConversationState, manage: ManageFlow, id: string, ctx: TurnContext, s: Speech): Result {
  const record = ctx.myRegistration;
  if (!record) return idleReply(state, s, [s.m.registrationGone]);
  const open = isRegistrationOpen(s.event, ctx.now);
  if (id === 'menu') return idleReply(state, s, []);
  if (id === 'change-session' || id === 'cancel-registration' || id.startsWith('series:') || id.startsWith('session:') || id === 'cancel:yes') {
    if (!open) return closedReply(state, s);
  }
  if (id === 'change-session') return startChange(state, manage, record, ctx, s);
  if (id === 'cancel-registration') return manageReask(state, { ...manage, step: 'confirmCancel' }, record, ctx, s);
  if (manage.step === 'pickSeries' && id.startsWith('series:')) {
    const series = Number(id.slice('series:'.length));
    if (s.event.series.some((x) => x.id === series)) return manageReask(state, { ...manage, step: 'pickSession', series }, record, ctx, s);
  }
  if (manage.step === 'pickSession' && id.startsWith('session:') && manage.series !== null) {
    const number = Number(id.slice('session:'.length));
    const session = findSession(s.event, number);
    if (session && session.series === manage.series) {
      if (currentSession(record, s, manage.series) === number) return manageReask(state, { ...manage, step: 'view' }, record, ctx, s, [s.m.alreadyYourSession(number)]);
      if (record.status === 'confirmed' && seatsLeft(session, s) === 0) return manageReask(state, manage, record, ctx, s, [s.m.sessionFullPickOther(number)]);
      return {
        state: withManage(state, { ...manage, step: 'changing' }),
        replies: [],
        effect: { kind: 'changeSession', command: { key: `change:${record.id}:${manage.opId}:${state.ops}:${number}`, registrationId: record.id, sessionNumber: number } },
      };
    }
  }
  if (manage.step === 'confirmCancel' && id === 'cancel:yes') {
    return { state: withManage(state, { ...manage, step: 'cancelling' }), replies: [], effect: { kind: 'cancel', command: { key: `cancel:${record.id}:${manage.opId}:${state.ops}`, registrationId: record.id } } };
  }
  if (manage.step === 'confirmCancel' && id === 'cancel:no') return manageReask(state, { ...manage, step: 'view' }, record, ctx, s, [s.m.notCancelled]);
  return manageReask(state, manage, record, ctx, s, [s.m.staleChoice]);
}

/** The option a typed answer picks at the current step of the manage dialog. */
export function matchManageOption(manage: ManageFlow, record: RegistrationRecord, text: string, ctx: TurnContext, s: Speech, mode: MatchMode): Option | null {
  const options = manageOptions(manage, record, s, isRegistrationOpen(s.event, ctx.now));
  const full = manage.step === 'pickSession' ? sessionOptions(manage.series ?? 0, s, { allowFull: true }) : [];
  return matchOption(text, options, mode) ?? matchOption(text, full, mode);
}

/** A typed answer in the manage dialog (commands were handled before). */
export async function manageText(state: ConversationState, manage: ManageFlow, text: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const record = ctx.myRegistration;
  if (!record) return idleReply(state, s, [s.m.registrationGone]);
  // "wijzig sessie 7 naar 8" while viewing or picking: that session, whatever its series.
  const target = manage.step === 'pickSession' ? null : sessionChangeTarget(text);
  if (target !== null && findSession(s.event, target)) return changeTo(state, manage, target, ctx, s);
  const picked = matchManageOption(manage, record, text, ctx, s, 'exact') ?? (looksLikeQuestion(text) ? null : matchManageOption(manage, record, text, ctx, s, 'loose'));
  if (picked) return manageChoice(state, manage, picked.id, ctx, s);
  // A session number where a series is asked ("8", "sessie 8"): that session, in its series.
  const typed = manage.step === 'pickSeries' ? typedSessionNumber(text) : null;
  if (typed !== null && findSession(s.event, typed)) return changeTo(state, manage, typed, ctx, s);
  if (asksToRegisterSomeoneElse(text)) return startRegistration(state, ctx, s, { someoneElse: true, sessions: sessionsNamed(text) });
  const intent = parseIdleIntent(text);
  if (intent === 'cancelRegistration') return manageChoice(state, manage, 'cancel-registration', ctx, s);
  if (intent === 'changeSession') return manageChoice(state, manage, 'change-session', ctx, s);
  if (intent === 'myRegistration') return manageReask(state, { ...manage, step: 'view', series: null }, record, ctx, s);
  const answer = await consultAnswerer(text, ctx, state.lang, 0.5);
  if (answer) return manageReask(state, manage, record, ctx, s, [], answer.replies);
  const note = looksLikeQuestion(text) && isExplicitQuestion(text) ? s.m.dontKnowInForm(s.event.contact) : s.m.pickOne;
  return manageReask(state, manage, record, ctx, s, [note]);
}

/** "terug" in the manage dialog: one level up. */
export function manageBack(state: ConversationState, manage: ManageFlow, ctx: TurnContext, s: Speech): Result {
  const record = ctx.myRegistration;
  if (!record || manage.step === 'view') return idleReply(state, s, []);
  if (manage.step === 'pickSession' && s.event.series.length > 1) return manageReask(state, { ...manage, step: 'pickSeries', series: null }, record, ctx, s);
  return manageReask(state, { ...manage, step: 'view', series: null }, record, ctx, s);
}

/** After the ledger answered a change or cancel. */
export function resumeManage(state: ConversationState, manage: ManageFlow, outcome: EffectOutcome, ctx: TurnContext, s: Speech): Result {
  const record = outcome.myRegistration;
  // A key the ledger knew from another command: nothing changed (and the registration is not gone).
  if (!outcome.result.ok && outcome.result.reason === 'idempotency_conflict' && record) {
    return manageReask(state, { ...manage, step: 'view', series: null }, record, ctx, s, [s.m.turnFailed]);
  }
  if (outcome.kind === 'cancel') {
    if (outcome.result.ok) return idleReply(state, s, [s.m.cancelled]);
    return idleReply(state, s, [s.m.registrationGone]);
  }
  if (outcome.kind !== 'changeSession' || !record) return idleReply(state, s, [s.m.registrationGone]);
  const { result } = outcome;
  const view: ManageFlow = { ...manage, step: 'view', series: null };
  if (result.ok) {
    const now = result.registration;
    const index = s.event.series.findIndex((x) => x.id === manage.series);
    const number = now.sessions[index] ?? 0;
    const series = s.event.series[index];
    const session = findSession(s.event, number);
    const changed = now.status === 'confirmed' ? s.m.sessionChanged : s.m.sessionChangedWaitlisted;
    const note = changed(series ? seriesName(series, s) : '', number, session?.title ?? '', result.previousSessions[index] ?? 0);
    return manageReask(state, view, record, ctx, s, [note]);
  }
  switch (result.reason) {
    case 'session_full': {
      const number = result.sessionNumbers[0] ?? 0;
      return manageReask(state, { ...manage, step: 'pickSession' }, record, ctx, s, [s.m.sessionFullPickOther(number)]);
    }
    case 'unchanged':
      return manageReask(state, view, record, ctx, s);
    case 'invalid_session':
      return manageReask(state, { ...manage, step: 'pickSession' }, record, ctx, s, [s.m.pickOne]);
    case 'not_found':
    case 'idempotency_conflict':
      return idleReply(state, s, [s.m.registrationGone]);
  }
}
