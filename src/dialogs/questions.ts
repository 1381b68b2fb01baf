import type { Language } from '../core/index.ts';
import type { QaAnswer, TurnContext } from './types.ts';

/** Longer texts are not sent to the answerer: no real question is that long, and it keeps turns fast. */
export const maxQuestionLength = 500;

/**
 * Asks the programme answerer. A failing answerer is treated as "no answer": a bug there must not
 * break a registration in progress (the person still gets the pending question again).
 */
export async function consultAnswerer(question: string, ctx: TurnContext, lang: Language, minConfidence: number): Promise<QaAnswer | null> {
  const text = question.trim();
  if (text.length === 0 || text.length > maxQuestionLength) return null;
  try {
    const answer = await ctx.answerer.answer(text, { lang, availability: ctx.availability, now: ctx.now, myRegistration: ctx.myRegistration, ...(ctx.waitlists ? { waitlists: ctx.waitlists } : {}) });
    if (!answer || answer.replies.length === 0 || !(answer.confidence >= minConfidence)) return null;
    return answer;
  } catch {
    return null;
  }
}
