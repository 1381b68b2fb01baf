// Times the programme Q&A: start to ready (training and indexing), then answers per second and
// p50/p99 latency per question over a few thousand questions (the public eval set, the test
// questions, the reasoning visitor set, and variants of them in lower case, without punctuation
// and with a typo).
// Usage: npm run bench:qa [-- --rounds 3000]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseEvent, type Availability } from '../src/core/index.ts';
import { createProgrammeAnswerer } from '../src/dialogs/qa/index.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3000' } } });
const rounds = Number(values.rounds);

const event = parseEvent(readFileSync('events/netwerkdag-2020.yaml', 'utf8'), 'events/netwerkdag-2020.yaml');
const questionFiles = ['test/dialogs/qa/qa-public.jsonl', 'test/dialogs/qa/questions.jsonl', 'test/dialogs/qa/visitors-reasoning.jsonl'];
const base = questionFiles.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q),
);
const typo = (q: string): string => q.replace(/([a-z])([a-z])([a-z]{3,})/u, '$2$1$3');
const questions = base.flatMap((q) => [q, q.toLowerCase(), q.replace(/[?!.,]/gu, ''), typo(q)]);

const startedAt = performance.now();
const answerer = await createProgrammeAnswerer(event);
const readyMs = performance.now() - startedAt;

const availability: Availability = {
  venueCap: event.venueCap,
  venueTaken: 37,
  waitlistLength: 2,
  sessions: event.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: Math.floor(s.capacity / 2) })),
};
const now = new Date('2020-10-15T07:00:00Z');

// Warm up so the JIT has seen every path before we measure.
for (const q of questions) await answerer.answer(q, { lang: 'nl', availability, now });

const latencies: number[] = [];
// CPU time per question as well: on a loaded machine the wall clock also counts time the
// process waited for a core, which says more about the neighbours than about the Q&A.
const cpuTimes: number[] = [];
let answered = 0;
const loopStart = performance.now();
for (let i = 0; i < rounds; i += 1) {
  const question = questions[i % questions.length] as string;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const answer = await answerer.answer(question, { lang: i % 2 ? 'en' : 'nl', availability, now });
  latencies.push(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  if (answer) answered += 1;
}
const totalMs = performance.now() - loopStart;
latencies.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const pctOf = (list: number[], p: number): number => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] as number;
const pct = (p: number): number => pctOf(latencies, p);

console.log(`questions: ${rounds} (${questions.length} distinct: ${base.length} written, plus lower-case, no-punctuation and typo variants)`);
console.log(`start to ready (train nlp.js, index the programme): ${readyMs.toFixed(0)} ms`);
console.log(`answers/s: ${((rounds / totalMs) * 1000).toFixed(0)}  (answered ${answered}/${rounds})`);
console.log(`latency per question: p50 ${pct(50).toFixed(3)} ms, p90 ${pct(90).toFixed(3)} ms, p99 ${pct(99).toFixed(3)} ms, max ${(latencies.at(-1) ?? 0).toFixed(3)} ms`);
console.log(`CPU per question:     p50 ${pctOf(cpuTimes, 50).toFixed(3)} ms, p90 ${pctOf(cpuTimes, 90).toFixed(3)} ms, p99 ${pctOf(cpuTimes, 99).toFixed(3)} ms`);
const [load1] = (await import('node:os')).loadavg();
console.log(`load average (1 min) while measuring: ${load1?.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
console.log(`targets: ready < 500 ms: ${readyMs < 500 ? 'met' : 'NOT met'}; p99 < 2 ms (wall): ${pct(99) < 2 ? 'met' : 'NOT met'}`);
