import type { RegistrationRecord } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import type { Option } from './choices.ts';
import { seatsLeft, seriesName, sessionOptions, type Speech } from './render.ts';
import { isRequired, placeOf, recordChoice } from './series-choice.ts';
import type { ConversationState, ManageFlow } from './state.ts';
import type { EffectOutcome, TurnContext, TurnResult } from './types.ts';

// "Mijn inschrijving" per series (issue 13): take another session, wait for a full one (keeping the
// session held as a fallback), leave a waiting list, or skip the series where that is allowed.

type Result = TurnResult<ConversationState>;

/** The options of the session step: every session (a full one means waiting for it), leaving the waiting list, no session. */
export function seriesOptions(manage: ManageFlow, record: RegistrationRecord, s: Speech): Option[] {
  const seriesId = manage.series ?? 0;
  const { hold, wait } = recordChoice(s.event, record, seriesId);
  const sessions = sessionOptions(seriesId, s, { current: hold ?? -1, allowFull: true }).map((o) => {
    const n = Number(o.id.slice('session:'.length));
    const full = record.status === 'confirmed' && n !== hold && findSession(s.event, n) !== null && seatsLeft(findSession(s.event, n)!, s) === 0;
    return full && n !== wait ? { ...o, label: `${s.m.seats.waitInstead(n)}: ${o.label}` } : o;
  });
  const leave: Option[] = wait === null ? [] : [{ id: 'leave-wait', label: s.m.seats.leaveWaitlist(wait), aliases: ['van de wachtlijst', 'wachtlijst verlaten', 'leave the waiting list'] }];
  const none: Option[] = isRequired(s.event, seriesId) || (hold === null && wait === null) ? [] : [{ id: 'session:none', label: s.m.seats.noSession, aliases: ['geen sessie', 'no session'] }];
  return [...leave, ...sessions, ...none];
}

/**
 * The ledger effect of a choice at the session step, or null when the choice is not about the
 * series: a free session is held instead (changeSession), a full one waited for while the current
 * one is kept (changeSeries), and leaving the waiting list or skipping the series (changeSeries).
 */
export function seriesEffect(state: ConversationState, manage: ManageFlow, record: RegistrationRecord, id: string, s: Speech): Result | null {
  const seriesId = manage.series;
  if (seriesId === null || manage.step !== 'pickSession') return null;
  const { hold, wait } = recordChoice(s.event, record, seriesId);
  const key = (what: string) => `series:${record.id}:${manage.opId}:${state.ops}:${what}`;
  const change = (next: { hold: number | null; wait: number | null }, what: string): Result => ({
    state: { ...state, flow: { ...manage, step: 'changing' } },
    replies: [],
    effect: { kind: 'changeSeries', command: { key: key(what), registrationId: record.id, seriesId, ...next } },
  });
  if (id === 'leave-wait' && wait !== null) return change({ hold, wait: null }, 'leave');
  if (id === 'session:none' && !isRequired(s.event, seriesId)) return change({ hold: null, wait: null }, 'none');
  const number = id.startsWith('session:') ? Number(id.slice('session:'.length)) : NaN;
  const session = findSession(s.event, number);
  if (!session || session.series !== seriesId || record.status !== 'confirmed' || seatsLeft(session, s) > 0 || number === hold) return null;
  return change({ hold, wait: number }, `wait-${number}`);
}

/** What to say after a changeSeries: now waiting (with the place), off the waiting list, or skipping the series. */
export function seriesChangedNote(manage: ManageFlow, outcome: EffectOutcome & { kind: 'changeSeries' }, ctx: TurnContext, s: Speech): string | null {
  if (!outcome.result.ok) return null;
  const now = outcome.result.registration;
  const seriesId = manage.series ?? 0;
  const { hold, wait } = recordChoice(s.event, now, seriesId);
  if (wait !== null) return s.m.seats.nowWaiting(wait, placeOf(ctx.waitlists, now.id, wait), hold);
  if (hold !== null) return s.m.seats.leftWaitlist(hold);
  const series = s.event.series.find((x) => x.id === seriesId);
  return s.m.seats.nowSkipping(series ? seriesName(series, s) : '');
}
