import { channelOfUserKey } from '../core/index.ts';
import { yesNo } from './choices.ts';
import { idleReply } from './idle.dialog.ts';
import { fullName } from './my-registration.target.ts';
import { draftFromRecord, summaryFacts } from './registration.steps.ts';
import { formatDate, type Speech } from './render.ts';
import type { ConversationState } from './state.ts';
import type { EffectOutcome, Reply, TurnContext, TurnResult } from './types.ts';

// "mijn gegevens" shows everything Balie keeps about the person and mails it to them as a file;
// "verwijder mijn gegevens" asks once, then cancels their own registration and erases it, their
// address and this conversation (the Bot executes both effects: the dialog stays pure).

type Result = TurnResult<ConversationState>;

/** The choices of the erase question; at the desk, "ja"/"nee" typed answer it too. */
export const eraseYes = 'erase:yes';
export const eraseNo = 'erase:no';

/** "mijn gegevens": the registration as kept, what else is kept, and the file by mail when there is an address. */
export function showPersonalData(state: ConversationState, ctx: TurnContext, s: Speech): Result {
  const p = s.m.privacy;
  const own = ctx.myRegistration;
  const others = ctx.registeredForOthers ?? [];
  const replies: Reply[] = [{ text: own ? p.shownIntro : p.nothingRegistered }];
  if (own) {
    const facts = [
      ...summaryFacts(draftFromRecord(own, s.event), s),
      { label: s.m.factStatus, value: own.status === 'confirmed' ? s.m.statusConfirmed : s.m.statusWaitlisted },
      { label: p.registeredAt, value: formatDate(own.registeredAt.slice(0, 10), s) },
    ];
    replies.push({ text: `*${p.ownHeading}*`, facts });
  }
  if (others.length > 0) replies.push({ text: p.forOthers(s.m.andList(others.map(fullName))) });
  if (own) replies.push({ text: p.alsoKept(channelOfUserKey(ctx.user.key) ?? 'chat') });
  if (!own) return idleReply(state, s, [], undefined, replies);
  return { state, replies, effect: { kind: 'exportData', command: { key: `export:${own.id}:${ctx.nonce}`, registrationId: own.id } } };
}

/** "verwijder mijn gegevens": what goes, and a yes/no question. */
export function askErase(state: ConversationState, ctx: TurnContext, s: Speech): Result {
  const p = s.m.privacy;
  const notes = (ctx.registeredForOthers ?? []).length > 0 ? [p.othersKept] : [];
  return idleReply(state, s, notes, {
    text: p.confirmErase(ctx.myRegistration !== null),
    options: [
      { id: eraseYes, label: p.eraseYes },
      { id: eraseNo, label: p.eraseNo },
    ],
  });
}

/** Whether the last question at the desk was the erase question. */
export function askedToErase(state: ConversationState): boolean {
  return state.flow.kind === 'idle' && state.flow.offered.some((o) => o.id === eraseYes);
}

/** A typed "ja"/"nee" to the erase question, as its choice id; null for anything else. */
export function eraseAnswer(state: ConversationState, text: string): string | null {
  if (!askedToErase(state)) return null;
  const answer = yesNo(text);
  return answer === 'yes' ? eraseYes : answer === 'no' ? eraseNo : null;
}

/** The answer to the erase question: the erasure (the Bot runs it), or nothing changed. */
export function eraseChoice(state: ConversationState, id: string, ctx: TurnContext, s: Speech): Result {
  if (id === eraseNo || !askedToErase(state)) return idleReply(state, s, [id === eraseNo ? s.m.privacy.notErased : s.m.staleChoice]);
  const own = ctx.myRegistration;
  return { state, replies: [], effect: { kind: 'eraseData', command: { key: `erase:${own?.id ?? 'none'}:${ctx.nonce}`, registrationId: own?.id ?? null } } };
}

/** After the Bot mailed the file or erased the data. */
export function resumePersonalData(state: ConversationState, outcome: EffectOutcome & { kind: 'exportData' | 'eraseData' }, s: Speech): Result {
  const p = s.m.privacy;
  if (outcome.kind === 'exportData') return idleReply(state, s, [outcome.mailedTo ? p.mailed(outcome.mailedTo) : p.notMailed]);
  return idleReply(state, s, [p.erased(outcome.cancelled)]);
}
