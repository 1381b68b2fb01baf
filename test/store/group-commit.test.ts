import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.ts';

/** A GroupCommit whose runs are recorded and answered by hand. */
function recorded(maxBatch: number) {
  const runs: Array<{ items: number[]; resolve: (results: string[]) => void; reject: (error: Error) => void }> = [];
  const commit = new GroupCommit<number, string>(
    (items) => new Promise<string[]>((resolve, reject) => runs.push({ items, resolve, reject })),
    maxBatch,
  );
  return { commit, runs };
}

/** Resolves after the event loop has turned, when a scheduled batch has left. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('sends the calls made in one turn of the event loop as one run, in order, and answers each its own result', async () => {
    const { commit, runs } = recorded(10);
    const answers = [1, 2, 3].map((n) => commit.push(n));
    expect(runs).toHaveLength(0);
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1, 2, 3]]);
    runs[0]!.resolve(['one', 'two', 'three']);
    expect(await Promise.all(answers)).toEqual(['one', 'two', 'three']);
  });

  it('sends a lone call on the same turn, and a later call in a run of its own', async () => {
    const { commit, runs } = recorded(10);
    const first = commit.push(1);
    await turn();
    const second = commit.push(2);
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1], [2]]);
    runs[1]!.resolve(['b']);
    runs[0]!.resolve(['a']);
    expect([await first, await second]).toEqual(['a', 'b']);
  });

  it('sends a full batch at once and the rest when the loop turns', async () => {
    const { commit, runs } = recorded(2);
    const answers = [1, 2, 3, 4, 5].map((n) => commit.push(n));
    expect(runs.map((r) => r.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1, 2], [3, 4], [5]]);
    for (const run of runs) run.resolve(run.items.map(String));
    expect(await Promise.all(answers)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('gives every call of a failed run its error, and leaves other runs alone', async () => {
    const { commit, runs } = recorded(2);
    const failed = [commit.push(1), commit.push(2)];
    const fine = commit.push(3);
    await turn();
    runs[0]!.reject(new Error('redis down'));
    runs[1]!.resolve(['three']);
    for (const answer of failed) await expect(answer).rejects.toThrow('redis down');
    expect(await fine).toBe('three');
  });

  it('fails the calls of a run that throws instead of returning a promise, or answers the wrong number of results', async () => {
    const throwing = new GroupCommit<number, string>(() => {
      throw new Error('bad arguments');
    }, 5);
    await expect(throwing.push(1)).rejects.toThrow('bad arguments');
    const short = new GroupCommit<number, string>(async () => ['only one'], 5);
    const answers = [short.push(1), short.push(2)];
    for (const answer of answers) await expect(answer).rejects.toThrow('a batch of 2 got 1 results');
  });

  it('refuses a batch size below one', () => {
    expect(() => new GroupCommit<number, string>(async () => [], 0)).toThrow(RangeError);
  });
});
