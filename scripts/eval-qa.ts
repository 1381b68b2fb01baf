// Evaluates the programme Q&A through the real JSONL console: each question is sent as a fresh
// user, and passes when the reply texts contain every `all` substring and at least one `any`
// substring (case-insensitive). Each file is a set, reported on its own.
// Usage: npm run eval:qa [-- <file.jsonl> ...] [--direct] [--min 97]
// Without files: the public sample, the visitor set and the reasoning visitor set of test/dialogs/qa.
// --direct asks the answerer in-process instead (no console), for when the console is broken.
// Exits 0 when every set reaches --min percent (97 by default).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEvent, type Availability } from '../src/core/index.ts';
import { createProgrammeAnswerer } from '../src/dialogs/qa/index.ts';

const caseSchema = z.object({ q: z.string().min(1), all: z.array(z.string()).optional(), any: z.array(z.string()).optional() });
type EvalCase = z.infer<typeof caseSchema>;
const outputSchema = z.object({ user: z.string(), replies: z.array(z.object({ text: z.string() }).loose()) }).loose();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { direct: { type: 'boolean', default: false }, timeout: { type: 'string', default: '120' }, min: { type: 'string', default: '97' } },
});
const defaultSets = ['test/dialogs/qa/qa-public.jsonl', 'test/dialogs/qa/visitors.jsonl', 'test/dialogs/qa/visitors-reasoning.jsonl'];
const files = positionals.length > 0 ? positionals : defaultSets;

function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, index }) => {
      const parsed = caseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
}

function passes(item: EvalCase, answer: string): boolean {
  const text = answer.toLowerCase();
  const all = (item.all ?? []).every((s) => text.includes(s.toLowerCase()));
  const any = item.any === undefined || item.any.length === 0 || item.any.some((s) => text.includes(s.toLowerCase()));
  return all && any;
}

/** Sends every question through one console process, one fresh user per question. */
async function viaConsole(items: EvalCase[]): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const answers = new Map<string, string>();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not answer everything within ${values.timeout}s`)), Number(values.timeout) * 1000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = outputSchema.safeParse(safeJson(line));
      if (!parsed.success) return;
      answers.set(parsed.data.user, parsed.data.replies.map((r) => r.text).join('\n'));
      if (answers.size === items.length) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answers.size < items.length) reject(new Error(`console exited (${code}) after ${answers.size}/${items.length} answers:\n${stderr}`));
      else resolve();
    });
  });
  items.forEach((item, index) => child.stdin.write(`${JSON.stringify({ user: `eval-${index}`, text: item.q })}\n`));
  child.stdin.end();
  try {
    await done;
  } finally {
    child.kill();
  }
  return items.map((_, index) => answers.get(`eval-${index}`) ?? '');
}

/** Asks the answerer in-process, with empty counters, as a fallback without the console. */
async function direct(items: EvalCase[]): Promise<string[]> {
  const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');
  const answerer = await createProgrammeAnswerer(event);
  const availability: Availability = {
    venueCap: event.venueCap,
    venueTaken: 0,
    waitlistLength: 0,
    sessions: event.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: 0 })),
  };
  const now = new Date(`${event.registrationCloses}T00:00:00Z`);
  const out: string[] = [];
  for (const item of items) {
    const answer = await answerer.answer(item.q, { lang: 'nl', availability, now });
    out.push(answer ? answer.replies.map((r) => r.text).join('\n') : '(no answer)');
  }
  return out;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

const sets = files.map((file) => ({ file, cases: readCases(file) }));
const all = sets.flatMap((set) => set.cases);
// One console (or answerer) for all sets: start-up is paid once.
const answers = values.direct ? await direct(all) : await viaConsole(all);
const results: string[] = [];
let offset = 0;
let belowMin = false;
for (const set of sets) {
  let passed = 0;
  set.cases.forEach((item, index) => {
    const answer = answers[offset + index] ?? '';
    if (passes(item, answer)) {
      passed += 1;
      return;
    }
    const wanted = [item.all?.length ? `all ${JSON.stringify(item.all)}` : '', item.any?.length ? `any ${JSON.stringify(item.any)}` : ''].filter(Boolean).join(', ');
    console.log(`FAIL ${set.file}: ${JSON.stringify(item.q)}\n  wanted: ${wanted}\n  got:    ${answer.replace(/\n/g, '\n          ')}\n`);
  });
  offset += set.cases.length;
  const accuracy = set.cases.length ? (100 * passed) / set.cases.length : 100;
  if (accuracy < Number(values.min)) belowMin = true;
  results.push(`accuracy: ${passed}/${set.cases.length} = ${accuracy.toFixed(1)}%  ${set.file}`);
}
console.log(results.join('\n'));
console.log(`(${values.direct ? 'answerer directly' : 'through the JSONL console'}; every set must reach ${values.min}%)`);
process.exitCode = belowMin ? 1 : 0;
