import { applicableFields, fieldById, fieldLabel } from './form-fields.ts';
import { checkFormSubmission } from './form-schema.ts';
import { cannotStart, newForm, registerEffect } from './registration.dialog.ts';
import type { Speech } from './render.ts';
import type { ConversationState } from './state.ts';
import type { TurnContext, TurnResult } from './types.ts';

type Result = TurnResult<ConversationState>;

/**
 * A registration form filled in on one screen: checked with the same core checkers as the chat's
 * answers, then the same register effect as the chat's confirm (with a key from this turn's
 * nonce), or the mistakes, listed in the text and per field in `fieldErrors`. Nothing changes
 * while there are mistakes; a form the person had open in the chat stays as it was.
 */
export function submitForm(state: ConversationState, values: Record<string, unknown>, ctx: TurnContext, s: Speech): Result {
  const refused = cannotStart(state, ctx, s, false);
  if (refused) return refused;
  const checked = checkFormSubmission({ event: ctx.event, availability: ctx.availability, lang: state.lang }, values);
  if (!checked.ok) {
    const lines = Object.entries(checked.errors).map(([id, message]) => {
      const field = fieldById(s.event, id);
      return `- ${field ? fieldLabel(field, s) : s.m.waitlistField}: ${message}`;
    });
    return { state, replies: [{ text: `${s.m.formHasMistakes}\n${lines.join('\n')}`, fieldErrors: checked.errors }], effect: null };
  }
  const form = { ...newForm(ctx, s), draft: checked.draft, step: 'summary' as const, implicit: applicableFields(s.event, checked.draft).map((field) => field.id) };
  return registerEffect({ ...state, greeted: true }, form, ctx, s);
}
