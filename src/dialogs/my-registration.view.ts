import type { RegistrationRecord } from '../core/index.ts';
import { findSession, isCancellationOpen, isRegistrationOpen, sessionInSeries } from '../core/index.ts';
import { showSeriesChoice } from './form-fields.ts';
import { seriesOptions } from './my-registration.seats.ts';
import { placeOf, recordChoice } from './series-choice.ts';
import { noAliases, yesAliases, type Option } from './choices.ts';
import { idleReply } from './idle.dialog.ts';
import { detailsOptions, detailsPrompt } from './my-registration.details.ts';
import { fullName, isOwn, managedRecord, ownedRegistrations } from './my-registration.target.ts';
import { draftFromRecord, summaryFacts } from './registration.steps.ts';
import { ask, eventWhen, formatDate, menuOptions, seriesName, seriesTime, sessionTitleOf, type Speech } from './render.ts';
import type { ConversationState, ManageFlow } from './state.ts';
import type { Reply, TurnContext, TurnResult } from './types.ts';

// What "Mijn inschrijving" shows at each step: the question, its options and the summary card.

type Result = TurnResult<ConversationState>;

/** The session `record` holds in a series. */
export function currentSession(record: RegistrationRecord, s: Speech, seriesId: number): number | undefined {
  return sessionInSeries(s.event, record.sessions, seriesId);
}

/** The series rows with the place on each waiting list ("op de wachtlijst voor sessie 4 (plaats 2), intussen ..."). */
function withPlaces(facts: Array<{ label: string; value: string }>, record: RegistrationRecord, ctx: TurnContext, s: Speech): Array<{ label: string; value: string }> {
  if (!record.waitingFor?.length || record.status !== 'confirmed') return facts;
  return facts.map((fact) => {
    const series = s.event.series.find((x) => fact.label === s.m.seriesFieldName(seriesName(x, s)));
    if (!series) return fact;
    const choice = recordChoice(s.event, record, series.id);
    return choice.wait === null ? fact : { ...fact, value: showSeriesChoice(choice, s, placeOf(ctx.waitlists, record.id, choice.wait)) };
  });
}

/** Why changes are refused after the deadline (and whether cancelling still can), without inviting anyone to register. */
export function closedForChanges(s: Speech, now: Date): string {
  return s.m.closedForChanges(formatDate(s.event.registrationCloses, s), s.event.contact, isCancellationOpen(s.event, now));
}

function status(record: RegistrationRecord, s: Speech): string {
  return record.status === 'confirmed' ? s.m.statusConfirmed : s.m.statusWaitlisted;
}

/** Choices that open the person's other registrations: their own by that name, the others by name. */
function registrationChoices(current: RegistrationRecord | null, ctx: TurnContext, s: Speech): Option[] {
  return ownedRegistrations(ctx)
    .filter((r) => r.id !== current?.id)
    .map((r) => ({ id: `registration:${r.id}`, label: isOwn(r, ctx) ? s.m.ownRegistration : fullName(r), hint: status(r, s) }));
}

/** Every step's options. */
export function manageOptions(manage: ManageFlow, record: RegistrationRecord | null, ctx: TurnContext, s: Speech): Option[] {
  const { m } = s;
  const details = detailsOptions(manage, s);
  if (details) return details;
  const menu: Option = { id: 'menu', label: m.backToMenu };
  if (manage.step === 'pickRegistration' || !record) return [...registrationChoices(null, ctx, s), menu];
  switch (manage.step) {
    case 'pickSeries':
      return s.event.series.map((series) => {
        const current = findSession(s.event, currentSession(record, s, series.id) ?? -1);
        return {
          id: `series:${series.id}`,
          label: `${seriesName(series, s)} (${seriesTime(series)})`,
          ...(current ? { hint: `${current.number}. ${sessionTitleOf(current.number, s)}` } : {}),
          keywords: [`reeks ${series.id}`, `series ${series.id}`],
        };
      });
    case 'pickSession':
      return seriesOptions(manage, record, s);
    case 'confirmCancel':
      return [
        { id: 'cancel:yes', label: m.cancelYes, aliases: [...yesAliases, 'annuleer', 'annuleren'] },
        { id: 'cancel:no', label: m.cancelNo, aliases: [...noAliases] },
      ];
    default: {
      if (!isRegistrationOpen(s.event, ctx.now)) {
        const cancel: Option[] = isCancellationOpen(s.event, ctx.now) ? [{ id: 'cancel-registration', label: m.cancelRegistration, aliases: ['annuleer mijn inschrijving', 'cancel my registration'] }] : [];
        return [...cancel, ...registrationChoices(record, ctx, s), menu];
      }
      const book: Option[] = !s.event.book
        ? []
        : record.book
          ? [{ id: 'cancel-book', label: m.cancelBook }]
          : [{ id: 'order-book', label: m.orderBook }];
      return [
        { id: 'change-session', label: m.changeSession, aliases: ['wijzig', 'wijzigen', 'change'] },
        ...book,
        { id: 'change-email', label: m.changeEmail },
        { id: 'cancel-registration', label: m.cancelRegistration, aliases: ['annuleer mijn inschrijving', 'cancel my registration'] },
        ...registrationChoices(record, ctx, s),
        menu,
      ];
    }
  }
}

function viewText(record: RegistrationRecord, ctx: TurnContext, s: Speech): string {
  const { m, event } = s;
  const confirmed = record.status === 'confirmed';
  const lines: string[] = [];
  if (isOwn(record, ctx)) {
    lines.push(confirmed ? m.viewConfirmed(event.title, eventWhen(s)) : m.viewWaitlisted(event.title));
    const others = (ctx.registeredForOthers ?? []).map((r) => `*${fullName(r)}*`);
    if (others.length > 0) lines.push(m.alsoRegistered(m.andList(others)));
  } else {
    lines.push(confirmed ? m.viewOther(fullName(record), event.title, eventWhen(s)) : m.viewOtherWaitlisted(fullName(record), event.title));
  }
  if (!isRegistrationOpen(event, ctx.now)) lines.push(closedForChanges(s, ctx.now));
  return lines.join('\n');
}

/** The pending question of the manage dialog, after optional notes and other replies. */
export function manageReask(state: ConversationState, manage: ManageFlow, ctx: TurnContext, s: Speech, notes: string[] = [], before: Reply[] = []): Result {
  const { m, event } = s;
  const record = managedRecord(manage, ctx);
  if (!record && manage.step !== 'pickRegistration') return idleReply(state, s, [...notes, m.registrationGone], undefined, before);
  const options = manageOptions(manage, record, ctx, s);
  let reply: Reply;
  const prompt = record ? detailsPrompt(manage, record, ctx, s) : null;
  if (prompt !== null) reply = ask(prompt, options);
  else if (manage.step === 'pickRegistration' || !record) reply = ask(m.pickRegistration, options);
  else if (manage.step === 'pickSeries') reply = ask(m.pickSeries, options);
  else if (manage.step === 'pickSession') {
    const series = event.series.find((x) => x.id === manage.series);
    reply = ask(series ? m.pickNewSession(seriesName(series, s), seriesTime(series)) : m.pickSeries, options);
  } else if (manage.step === 'confirmCancel') reply = ask(isOwn(record, ctx) ? m.confirmCancel : m.confirmCancelOther(fullName(record)), options);
  else {
    const facts = [...withPlaces(summaryFacts(draftFromRecord(record, event), s), record, ctx, s), { label: m.factStatus, value: status(record, s) }];
    const code = record.status === 'confirmed' ? ctx.checkinCode?.(record) : null;
    if (code) facts.push({ label: m.factCheckinCode, value: code });
    reply = ask(viewText(record, ctx, s), options, facts);
  }
  const text = notes.length > 0 ? `${notes.join('\n')}\n${reply.text}` : reply.text;
  return { state: { ...state, flow: manage }, replies: [...before, { ...reply, text }], effect: null };
}

/** "Mijn inschrijving" without any registration: nothing to show; after the deadline no invitation to register. */
export function noRegistrationReply(state: ConversationState, ctx: TurnContext, s: Speech, notes: string[] = []): Result {
  const { m, event } = s;
  if (isRegistrationOpen(event, ctx.now)) return idleReply(state, s, [...notes, m.noRegistration(event.contact)]);
  const text = m.noRegistrationClosed(formatDate(event.registrationCloses, s), event.contact);
  return idleReply(state, s, [...notes, text], { text: m.anythingElse, options: menuOptions(s).filter((o) => o.id !== 'register') });
}
