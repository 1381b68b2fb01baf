import type { Reply } from '../../dialogs/types.ts';

/** A choice as the JSONL interface writes it: `disabled` always present, `hint` when there is one. */
export interface JsonlChoice {
  id: string;
  label: string;
  hint?: string;
  disabled: boolean;
}

/** A reply as the JSONL interface writes it: `choices` always present (maybe empty), `facts` and a form's `fieldErrors` when given. */
export interface JsonlReply {
  text: string;
  choices: JsonlChoice[];
  facts?: Array<{ label: string; value: string }>;
  fieldErrors?: Record<string, string>;
}

/** The answer to one input line. */
export function renderJsonlReplies(userId: string, replies: readonly Reply[]): string {
  return JSON.stringify({ user: userId, replies: replies.map(toJsonlReply) });
}

/** The answer to a line that could not be handled; the run goes on. */
export function renderJsonlError(message: string, userId?: string): string {
  return JSON.stringify(userId === undefined ? { error: message } : { user: userId, error: message });
}

function toJsonlReply(reply: Reply): JsonlReply {
  const out: JsonlReply = {
    text: reply.text,
    choices: (reply.choices ?? []).map((c) => ({
      id: c.id,
      label: c.label,
      ...(c.hint !== undefined ? { hint: c.hint } : {}),
      disabled: c.disabled === true,
    })),
  };
  if (reply.facts && reply.facts.length > 0) out.facts = reply.facts.map((f) => ({ label: f.label, value: f.value }));
  if (reply.fieldErrors && Object.keys(reply.fieldErrors).length > 0) out.fieldErrors = { ...reply.fieldErrors };
  return out;
}
