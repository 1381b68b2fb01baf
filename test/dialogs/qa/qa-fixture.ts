import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEvent, type Availability, type EventData, type Language } from '../../../src/core/index.ts';
import { createProgrammeAnswerer } from '../../../src/dialogs/qa/index.ts';
import type { ProgrammeAnswerer, QaAnswer } from '../../../src/dialogs/types.ts';

/** One question with the substrings a right answer has (`all`, `any`) and must not have (`none`). */
export const questionSchema = z.object({
  q: z.string(),
  all: z.array(z.string()).optional(),
  any: z.array(z.string()).optional(),
  none: z.array(z.string()).optional(),
  lang: z.enum(['nl', 'en']).optional(),
  unknown: z.boolean().optional(),
});
export type Question = z.infer<typeof questionSchema>;

export function readQuestions(name: string): Question[] {
  const path = fileURLToPath(new URL(name, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => questionSchema.parse(JSON.parse(line)));
}

export const event: EventData = parseEvent(
  readFileSync(fileURLToPath(new URL('../../../events/netwerkdag-2020.yaml', import.meta.url)), 'utf8'),
  'events/netwerkdag-2020.yaml',
);

/** Counters as an empty ledger has them. */
export function emptyAvailability(data: EventData = event): Availability {
  return { venueCap: data.venueCap, venueTaken: 0, waitlistLength: 0, sessions: data.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: 0 })) };
}

/** Before the deadline, as the console's pinned clock. */
export const beforeDeadline = new Date('2020-10-15T07:00:00Z');
export const afterDeadline = new Date('2020-10-23T07:00:00Z');

let shared: Promise<ProgrammeAnswerer> | null = null;
/** One trained answerer for a test file: training takes a second. */
export function answerer(): Promise<ProgrammeAnswerer> {
  shared ??= createProgrammeAnswerer(event);
  return shared;
}

export async function ask(question: string, options: { lang?: Language; availability?: Availability; now?: Date } = {}): Promise<QaAnswer | null> {
  return (await answerer()).answer(question, { lang: options.lang ?? 'nl', availability: options.availability ?? emptyAvailability(), now: options.now ?? beforeDeadline });
}

export const textOf = (answer: QaAnswer | null): string => (answer ? answer.replies.map((r) => r.text).join('\n') : '');

/** Why an answer misses its expectations, or null when it meets them. */
export function problem(item: Question, answer: QaAnswer | null): string | null {
  const text = textOf(answer).toLowerCase();
  const missing = (item.all ?? []).filter((s) => !text.includes(s.toLowerCase()));
  if (missing.length) return `missing ${JSON.stringify(missing)}`;
  if (item.any?.length && !item.any.some((s) => text.includes(s.toLowerCase()))) return `none of ${JSON.stringify(item.any)}`;
  const present = (item.none ?? []).filter((s) => text.includes(s.toLowerCase()));
  if (present.length) return `should not contain ${JSON.stringify(present)}`;
  if (item.lang && answer?.lang !== item.lang) return `answered in ${answer?.lang}, expected ${item.lang}`;
  return null;
}
