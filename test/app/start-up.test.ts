import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEventPath } from '../../src/app/config.ts';
import { JsonlProcess, repoRoot, runJsonl } from '../adapters/console/jsonl-process.ts';

let dir: string;
let brokenEvent: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'balie-start-'));
  brokenEvent = join(dir, 'netwerkdag-broken.yaml');
  const shipped = await readFile(join(repoRoot, defaultEventPath), 'utf8');
  await writeFile(brokenEvent, shipped.replace('capacity: 11', 'capacity: elf'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const hello = '{"user":"ann","text":"hallo"}\n';

// Each test spawns the bot (tsx start-up, Q&A training): generous bounds for a busy CI machine.
describe.concurrent('start-up of the real process', { timeout: 90_000 }, () => {
  it('stops with exit code 1 and names the path and field of a broken event file', async () => {
    const run = await runJsonl(hello, { BALIE_EVENT: brokenEvent });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${brokenEvent}: sessions[3].capacity: expected a positive integer`);
  });

  it('stops with exit code 1 and names a bad environment variable', async () => {
    const run = await runJsonl(hello, { BALIE_NOW: 'next thursday' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/BALIE_NOW: expected an ISO time/);
  });

  it('stops with exit code 1 when the event file does not exist', async () => {
    const missing = join(dir, 'missing.yaml');
    const run = await runJsonl(hello, { BALIE_EVENT: missing });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${missing}: file not found`);
  });

  it('answers one line per input, blank lines and bare CRs included, and exits 0 at the end of the input', async () => {
    const run = await runJsonl(`${hello}not json\n\n{"user":"ann","text":"een\rtwee"}\n{"user":"bob","choice":"nl"}\r\n`);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ user: 'ann', replies: expect.any(Array) });
    expect(lines[1]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(lines[2]).toEqual({ error: 'empty line' });
    expect(lines[3]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(lines[4]).toMatchObject({ user: 'bob', replies: expect.any(Array) });
  });
});

describe.concurrent('stopping the real process', { timeout: 90_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops gracefully on %s with exit code 0 while waiting for input', async (signal) => {
    const bot = new JsonlProcess({}, { viaNpm: false });
    try {
      // Start-up includes training the programme Q&A: bounded, generous wait for the first answer.
      expect(await bot.ask({ user: 'ann', text: 'hallo' }, 60_000)).toMatchObject({ user: 'ann' });
      expect(await bot.signal(signal)).toBe(0);
      expect(bot.unread).toEqual([]);
    } finally {
      bot.kill();
    }
  });
});
