import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EventData } from '../../src/core/index.ts';
import type { RushResult, RushTask } from './rush-worker.ts';

const workerPath = fileURLToPath(new URL('./rush-worker.ts', import.meta.url));

/** One simulated registrant of the rush. */
export interface RushRegistrant {
  n: number;
  sessions: number[];
  waitlistIfFull: boolean;
}

// A small seeded generator, so that a failing rush can be replayed.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, weighted: Array<[number, number]>): number {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** `count` registrants whose choices lean towards the small rooms (sessions 3, 4, 7, 8, 9: 11 and 15 seats). */
export function skewedRegistrants(count: number, seed = 20201029): RushRegistrant[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    sessions: [pick(random, [[1, 1], [2, 1], [3, 4], [4, 4]]), pick(random, [[5, 1], [6, 1], [7, 3], [8, 3], [9, 3]])],
    waitlistIfFull: i % 2 === 0,
  }));
}

/** Splits registrants over `workers` processes with `lanes` sequential lanes each (round robin). */
function plan(registrants: RushRegistrant[], workers: number, lanes: number): RushRegistrant[][][] {
  const out = Array.from({ length: workers }, () => Array.from({ length: lanes }, (): RushRegistrant[] => []));
  registrants.forEach((r, i) => out[i % workers]![Math.floor(i / workers) % lanes]!.push(r));
  return out;
}

/**
 * Runs the rush in `workers` Node child processes against one Redis and collects every answer.
 * `onResult` sees each answer as it arrives (the durability test kills Redis half-way).
 */
export async function runRush(options: {
  url: string;
  keyPrefix: string;
  event: EventData;
  registrants: RushRegistrant[];
  workers?: number;
  lanes?: number;
  onResult?: (result: RushResult, count: number) => void;
}): Promise<RushResult[]> {
  const results: RushResult[] = [];
  const plans = plan(options.registrants, options.workers ?? 4, options.lanes ?? 10);
  await Promise.all(
    plans.map(
      (lanes, index) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(workerPath, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          let finished = false;
          child.on('message', (message: { type: string; result?: RushResult; message?: string }) => {
            if (message.type === 'result' && message.result) {
              results.push(message.result);
              options.onResult?.(message.result, results.length);
            } else if (message.type === 'done') {
              finished = true;
              resolve();
            } else if (message.type === 'error') {
              finished = true;
              reject(new Error(`rush worker ${index} failed: ${message.message}`));
            }
          });
          child.on('exit', (code) => {
            if (!finished) reject(new Error(`rush worker ${index} exited with code ${code} before it was done`));
          });
          const task: RushTask = { url: options.url, keyPrefix: options.keyPrefix, event: options.event, lanes };
          child.send({ task, worker: `w${index}` });
        }),
    ),
  );
  return results;
}
