import { z } from 'zod';
import { isWellFormedText, type Result } from '../../core/index.ts';
import type { UserInput } from '../../dialogs/types.ts';

/** The longest JSON line the machine interface accepts (a 10,000-character message fits easily). */
export const maxLineLength = 1_000_000;

const userId = z
  .string({ error: '"user" must be a string' })
  .min(1, { error: '"user" must not be empty' })
  .max(128, { error: '"user" must be at most 128 characters' })
  .regex(/^[^\p{Cc}]+$/u, { error: '"user" must not contain control characters' })
  .refine(isWellFormedText, { error: '"user" must be well-formed Unicode (no lone surrogates such as \\ud800)' });

/** Why a console user id (a JSONL line's "user", or `--user`) cannot be used, or null when it can. */
export function userIdProblem(id: string): string | null {
  const parsed = userId.safeParse(id);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid');
}

const textLine = z.strictObject({ user: userId, text: z.string({ error: '"text" must be a string' }) });
const choiceLine = z.strictObject({
  user: userId,
  choice: z.string({ error: '"choice" must be a string' }).min(1, { error: '"choice" must not be empty' }).max(200, { error: '"choice" is too long' }),
});

// A one-screen form, as a channel's modal or card submits it: values by field id (formSchema()).
const formLine = z.strictObject({
  user: userId,
  form: z
    .record(z.string().max(40, { error: '"form" field ids are at most 40 characters' }), z.string({ error: '"form" values must be strings' }).max(2000, { error: '"form" values are at most 2000 characters' }))
    .refine((values) => Object.keys(values).length <= 40, { error: '"form" has at most 40 fields' }),
});

/** One inbound console message: who (the id after `console:`) and what they sent. */
export interface ConsoleEvent {
  userId: string;
  input: UserInput;
}

/** Why a JSON line could not be turned into a ConsoleEvent; `message` goes back as `{"error":...}`. */
export type ConsoleEventProblem = { reason: 'malformed'; message: string };

const expectedShape = 'expected {"user":"<id>","text":"..."}, {"user":"<id>","choice":"<choice id>"} or {"user":"<id>","form":{"<field id>":"<value>",...}}';

/** Parses one line of the JSONL machine interface (a boundary: anything may arrive). */
export function parseJsonlLine(line: string): Result<{ event: ConsoleEvent }, ConsoleEventProblem> {
  if (line.length > maxLineLength) return malformed(`line longer than ${maxLineLength} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return malformed(`not valid JSON (${(error as Error).message}); ${expectedShape}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return malformed(`not a JSON object; ${expectedShape}`);
  const kinds = (['text', 'choice', 'form'] as const).filter((kind) => Object.hasOwn(raw, kind));
  if (kinds.length !== 1) return malformed(`${kinds.length === 0 ? 'none of "text", "choice" and "form"' : `both ${kinds.map((k) => `"${k}"`).join(' and ')}`}; ${expectedShape}`);
  const parsed = (kinds[0] === 'text' ? textLine : kinds[0] === 'choice' ? choiceLine : formLine).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : (issue?.message ?? 'invalid');
    return malformed(`${message}; ${expectedShape}`);
  }
  const data = parsed.data;
  const input: UserInput = 'text' in data ? { kind: 'text', text: data.text } : 'choice' in data ? { kind: 'choice', id: data.choice } : { kind: 'form', values: { ...data.form } };
  return { ok: true, event: { userId: data.user, input } };
}

function malformed(message: string): { ok: false; reason: 'malformed'; message: string } {
  return { ok: false, reason: 'malformed', message };
}
