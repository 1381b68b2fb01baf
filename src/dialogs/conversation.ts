// STUB: the registration/manage/Q&A dialog helper replaces the bodies; the signatures are the contract
// the app's turn runner relies on.
import type { Language } from '../core/index.ts';
import type { EffectOutcome, TurnContext, TurnResult, User, UserInput } from './types.ts';

/** The state of one user's conversation; plain JSON so any ConversationStore can keep it. */
export interface ConversationState {
  v: 1;
  lang: Language;
}

/** A fresh conversation for `user` (language from the channel's locale, else Dutch). */
export function newConversation(user: User): ConversationState {
  return { v: 1, lang: user.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl' };
}

/** Validates a stored state (a boundary: it comes from Redis); null when unusable. */
export function parseConversationState(raw: unknown): ConversationState | null {
  return raw && typeof raw === 'object' && (raw as { v?: unknown }).v === 1 ? (raw as ConversationState) : null;
}

/** Handles one user input. Pure apart from the injected answerer; seat changes come back as `effect`. */
export async function handleTurn(state: ConversationState, _input: UserInput, _context: TurnContext): Promise<TurnResult<ConversationState>> {
  return { state, replies: [{ text: 'Not implemented yet' }], effect: null };
}

/** Continues after the caller executed the effect of the previous result. */
export async function resumeAfterEffect(state: ConversationState, _outcome: EffectOutcome, _context: TurnContext): Promise<TurnResult<ConversationState>> {
  return { state, replies: [], effect: null };
}
