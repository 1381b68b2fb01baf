import { readFile } from 'node:fs/promises';

// Small measuring helpers the channel benchmarks share.

/** At most `limit` posts at a time, the others wait their turn in order. */
export function gate(limit: number): <T>(post: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (post) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await post();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return NaN;
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')).replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
export const ms = (value: number) => `${value.toFixed(1)} ms`;
