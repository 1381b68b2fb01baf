import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEventPath } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { BalieError } from '../../src/core/index.ts';
import { repoRoot } from '../adapters/console/jsonl-process.ts';

let dir: string;
let shipped: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'balie-event-'));
  shipped = await readFile(join(repoRoot, defaultEventPath), 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<BalieError> {
  const error = await loadEvent(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BalieError);
  expect((error as BalieError).code).toBe('event_file_invalid');
  return error as BalieError;
}

describe('loading the event file', () => {
  it('loads the shipped event', async () => {
    const event = await loadEvent(join(repoRoot, defaultEventPath));
    expect(event.id).toBe('netwerkdag-2020');
    expect(event.sessions).toHaveLength(9);
  });

  it('names the path when the file is missing', async () => {
    const path = join(dir, 'nope.yaml');
    expect((await refusal(path)).message).toBe(`${path}: file not found (set BALIE_EVENT to the event file)`);
  });

  it('names the path and the field of a bad value', async () => {
    const path = join(dir, 'bad-capacity.yaml');
    await writeFile(path, shipped.replace('capacity: 11', 'capacity: -3'));
    expect((await refusal(path)).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: sessions\\[3\\]\\.capacity: expected a positive integer`));
  });

  it('names the path when the file is not YAML', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'title: [unclosed\n');
    expect((await refusal(path)).message).toContain(`${path}: not valid YAML`);
  });
});
