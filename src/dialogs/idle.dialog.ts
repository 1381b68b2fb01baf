import { matchOption, type Option } from './choices.ts';
import { looksLikeQuestion, parseIdleIntent } from './commands.ts';
import { ask, eventWhen, menuOptions, speech, type Speech } from './render.ts';
import type { ConversationState } from './state.ts';
import type { QaAnswer, Reply, TurnResult } from './types.ts';

type Result = TurnResult<ConversationState>;

/**
 * Back at the desk: the notes, then a question with options (the menu unless `custom` is given).
 * The options are remembered so that typing "2" or a label works on the next turn.
 */
export function idleReply(state: ConversationState, s: Speech, notes: string[], custom?: { text: string; options: Option[] }, before: Reply[] = []): Result {
  const options = custom?.options ?? menuOptions(s);
  const text = custom?.text ?? (!state.greeted ? s.m.greeting(s.event.title, eventWhen(s), s.event.venue.shortName) : notes.length > 0 || before.length > 0 ? s.m.anythingElse : s.m.menuPrompt);
  const replies: Reply[] = [...before, ...notes.map((note) => ({ text: note })), ask(text, options)];
  return {
    state: { ...state, greeted: true, flow: { kind: 'idle', offered: options.map(({ id, label }) => ({ id, label })) } },
    replies,
    effect: null,
  };
}

/** An answer from the answerer at the desk; its language may become the conversation's. */
export function idleAnswer(state: ConversationState, answer: QaAnswer, s: Speech): Result {
  const switched = answer.lang !== state.lang ? { ...state, lang: answer.lang } : state;
  const speaking = answer.lang !== state.lang ? speech(s.event, s.availability, answer.lang, s.closed) : s;
  const last = answer.replies.at(-1);
  if (last?.choices && last.choices.length > 0) {
    const offered = last.choices.map(({ id, label }) => ({ id, label }));
    return { state: { ...switched, greeted: true, flow: { kind: 'idle', offered } }, replies: answer.replies, effect: null };
  }
  return idleReply({ ...switched, greeted: true }, speaking, [], undefined, answer.replies);
}

/** The options offered last time, with the menu's aliases where the ids match. */
export function offeredOptions(state: ConversationState, s: Speech): Option[] {
  if (state.flow.kind !== 'idle' || state.flow.offered.length === 0) return menuOptions(s);
  const menu = new Map(menuOptions(s).map((o) => [o.id, o]));
  return state.flow.offered.map((o) => menu.get(o.id) ?? o);
}

/** What a typed idle message means: an offered option, an intent, or a question (in that order, questions first when they look like one). */
export function classifyIdle(state: ConversationState, text: string, s: Speech): { kind: 'choice'; id: string } | { kind: 'intent'; intent: NonNullable<ReturnType<typeof parseIdleIntent>> } | null {
  const intent = parseIdleIntent(text);
  if (intent && !looksLikeQuestion(text)) return { kind: 'intent', intent };
  const picked = matchOption(text, offeredOptions(state, s));
  if (picked) return { kind: 'choice', id: picked.id };
  return intent ? { kind: 'intent', intent } : null;
}
