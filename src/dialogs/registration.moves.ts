import { findSession } from '../core/index.ts';
import { answerOf, applicableFields, fieldById, summaryFacts, type FieldDef } from './form-fields.ts';
import { idleReply } from './idle.dialog.ts';
import { firstFullChoice, isFilled, prompt, stuckHelp } from './registration.steps.ts';
import { isVenueFull, seatsLeft, sessionTitleOf, type Speech } from './render.ts';
import type { ConversationState, Draft, FieldId, FormFlow, FormStep } from './state.ts';
import type { Reply, TurnResult } from './types.ts';

type Result = TurnResult<ConversationState>;

/** A step of the form is a field, or one of the stages around the summary. */
export const stages: ReadonlySet<string> = new Set(['summary', 'pickField', 'confirming', 'venueFull', 'confirmStop']);

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

/** "what did I choose?" in the form: what it holds so far, then the question again. */
export function showFilled(state: ConversationState, form: FormFlow, s: Speech): Result {
  const facts = summaryFacts(form.draft, s).filter((f) => f.value !== '');
  return reask(state, form, s, undefined, [facts.length > 0 ? { text: s.m.own.filledSoFar, facts } : { text: s.m.own.nothingFilledYet }]);
}

/** An answer that could not be used: the reason and the question again; from the third failure at a step on, help too. */
export function refuse(state: ConversationState, form: FormFlow, s: Speech, reason: string, before: Reply[] = []): Result {
  const failed: FormFlow = { ...form, failures: form.failures + 1 };
  const note = failed.failures >= 3 ? `${reason}\n${stuckHelp(failed, s)}` : reason;
  return reask(state, failed, s, note, before);
}

/** The field asked after `from`: on the way forward, open fields and ones answered before ("terug"), not those filled on the way. */
function nextStep(form: FormFlow, draft: Draft, s: Speech): FormStep {
  const fields = applicableFields(s.event, draft);
  const open = (field: FieldDef) => answerOf(draft, field.id) === undefined;
  const firstOpen = fields.find(open);
  if (form.returnTo) {
    const back = fieldById(s.event, form.returnTo);
    const returnIndex = back ? fields.indexOf(back) : -1;
    if (returnIndex >= 0 && (!firstOpen || returnIndex < fields.indexOf(firstOpen))) return back!.id;
    return firstOpen?.id ?? 'summary';
  }
  const implicit = new Set<string>(form.implicit);
  const from = fields.findIndex((field) => field.id === form.step);
  const ahead = fields.slice(from + 1).find((field) => open(field) || !implicit.has(field.id));
  return (from >= 0 ? ahead?.id : undefined) ?? firstOpen?.id ?? 'summary';
}

/**
 * Moves on after accepted answers: to the next question, or back to where a change started.
 * `implicit` are fields the answer filled besides the one asked (skipped on the way forward);
 * `notes` go before the next question.
 */
export function advance(state: ConversationState, form: FormFlow, draft: Draft, s: Speech, opts: { implicit?: readonly FieldId[]; notes?: string[] } = {}): Result {
  const asked = form.step;
  const implicit = [...new Set([...form.implicit.filter((id) => id !== asked), ...(opts.implicit ?? [])])].slice(-40);
  const moved: FormFlow = { ...form, draft, implicit, fullOffer: null, meanwhileFor: null, failures: 0 };
  const next = nextStep(moved, draft, s);
  const history = !stages.has(asked) && !form.returnTo && answerOf(draft, asked) !== undefined ? [...form.history, asked].slice(-60) : form.history;
  const returnTo = form.returnTo && next !== 'summary' && next !== form.returnTo ? form.returnTo : null;
  const note = opts.notes?.length ? opts.notes.join('\n') : undefined;
  const at: FormFlow = { ...moved, step: next, history, returnTo };
  if (next === 'summary') return enterSummary(state, at, s, note);
  return reask(state, offerWanted(at, s), s, note);
}

/** At a series a sign-up message named a full session for: the waiting list or another session, at once. */
function offerWanted(form: FormFlow, s: Speech): FormFlow {
  const field = fieldById(s.event, form.step);
  const wanted = field?.series !== undefined && Object.hasOwn(form.wanted, String(field.series)) ? form.wanted[String(field.series)] : undefined;
  if (wanted === undefined || isFilled(form.step, form.draft)) return form;
  const { [String(field!.series)]: _offered, ...others } = form.wanted;
  // A seat came free meanwhile: the question is asked as usual (the session is no longer full).
  const session = findSession(s.event, wanted);
  if (!session || seatsLeft(session, s) > 0) return { ...form, wanted: others };
  return { ...form, fullOffer: wanted, wanted: others };
}

/** The summary, unless a chosen session filled up meanwhile: then that series is asked again. */
export function enterSummary(state: ConversationState, form: FormFlow, s: Speech, note?: string): Result {
  const full = firstFullChoice(form.draft, s);
  if (full) {
    const text = s.m.fullMeanwhile(full.session, sessionTitleOf(full.session, s));
    return reask(state, { ...form, step: `session:${full.series}`, fullOffer: full.session, returnTo: 'summary' }, s, note ? `${note}\n${text}` : text);
  }
  if (!form.draft.waitlist && isVenueFull(s)) return reask(state, { ...form, step: 'venueFull', returnTo: null }, s, note);
  return reask(state, { ...form, step: 'summary', returnTo: null }, s, note);
}

/** "stop": asked to confirm when something was filled in, since all of it would be lost. */
export function askStop(state: ConversationState, form: FormFlow, s: Speech): Result {
  if (Object.keys(form.draft.values).length === 0) return stopForm(state, s);
  if (form.step === 'confirmStop') return reask(state, form, s);
  return reask(state, { ...form, step: 'confirmStop', returnTo: form.step === 'confirming' ? 'summary' : form.step, fullOffer: null, meanwhileFor: null, failures: 0 }, s);
}

/** Leaves the form; nothing was stored. */
export function stopForm(state: ConversationState, s: Speech): Result {
  return idleReply(state, s, [s.m.stopped]);
}

/** "nee" at "Wil je echt stoppen?": back to the question that was open. */
export function resumeAfterStop(state: ConversationState, form: FormFlow, s: Speech): Result {
  const back = form.returnTo ?? 'summary';
  if (back === 'summary') return enterSummary(state, { ...form, returnTo: null }, s, s.m.notStopped);
  return reask(state, { ...form, step: back, returnTo: null }, s, s.m.notStopped);
}

/** "terug": the previous question, or where a change started. */
export function formBack(state: ConversationState, form: FormFlow, s: Speech): Result {
  if (form.step === 'confirmStop') return resumeAfterStop(state, form, s);
  if (form.meanwhileFor) return reask(state, { ...form, fullOffer: form.meanwhileFor, meanwhileFor: null }, s);
  if (form.fullOffer !== null) return reask(state, { ...form, fullOffer: null }, s);
  if (form.returnTo) return form.returnTo === 'summary' ? enterSummary(state, form, s) : reask(state, { ...form, step: form.returnTo, returnTo: null, failures: 0 }, s);
  const previous = form.history.at(-1);
  if (!previous) return reask(state, form, s, s.m.firstQuestion);
  return reask(state, { ...form, step: previous, history: form.history.slice(0, -1), failures: 0 }, s);
}

/** "wijzig e-mail": that question, then back to where we were. `target` may be any text (it comes from a choice id). */
export function changeField(state: ConversationState, form: FormFlow, target: string | null, s: Speech): Result {
  const here: FormStep = stages.has(form.step) ? 'summary' : form.step;
  const returnTo = form.returnTo ?? here;
  const fields = applicableFields(s.event, form.draft);
  if (target === null || target === 'session') {
    if (!fields.some((field) => answerOf(form.draft, field.id) !== undefined)) return reask(state, form, s, s.m.notYet);
    return reask(state, { ...form, step: 'pickField', returnTo, fullOffer: null, meanwhileFor: null, failures: 0 }, s);
  }
  const field = fieldById(s.event, target);
  const hereIndex = fields.findIndex((x) => x.id === here);
  const index = field ? fields.indexOf(field) : -1;
  if (!field || index < 0 || (answerOf(form.draft, field.id) === undefined && hereIndex >= 0 && index > hereIndex)) return reask(state, form, s, s.m.notYet);
  if (field.id === form.step) return reask(state, { ...form, fullOffer: null, meanwhileFor: null }, s);
  return reask(state, { ...form, step: field.id, returnTo: field.id === returnTo ? null : returnTo, fullOffer: null, meanwhileFor: null, failures: 0 }, s);
}
