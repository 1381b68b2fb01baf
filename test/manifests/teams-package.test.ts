import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ajvDraft04 from 'ajv-draft-04';
import * as ajvFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEntry, repoRoot } from '../adapters/console/jsonl-process.ts';

// CommonJS packages: module.exports is the class (and the plugin), which also carries itself as `default`.
const Ajv = ajvDraft04.default.default;
const addFormats = ajvFormats.default.default;

// Microsoft's schema of this manifest version, as the @microsoft/app-manifest package ships it: no network.
const require = createRequire(import.meta.url);
const schemaPath = (version: string) => require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);

const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Width, height and colour type of a PNG, and whether it has only white and fully transparent pixels (8-bit RGBA, one IDAT, no filters: what teams-icons.ts writes). */
function pngFacts(bytes: Uint8Array): { width: number; height: number; colourType: number; whiteOnTransparent: boolean } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString('ascii', 12, 16)).toBe('IHDR');
  const width = buffer.readUInt32BE(16);
  const idat = buffer.indexOf('IDAT', 0, 'ascii');
  const rows = inflateSync(buffer.subarray(idat + 4, idat + 4 + buffer.readUInt32BE(idat - 4)));
  let whiteOnTransparent = true;
  for (let at = 0; at < rows.length; at += 1 + width * 4) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = rows.subarray(at + 1 + x * 4, at + 5 + x * 4);
      if (a !== 0 && !(r === 255 && g === 255 && b === 255)) whiteOnTransparent = false;
    }
  }
  return { width, height: buffer.readUInt32BE(20), colourType: buffer[25] ?? -1, whiteOnTransparent };
}

describe('the Teams app package', { timeout: 60_000 }, () => {
  let dir: string;
  let template: Record<string, unknown>;
  let validate: ReturnType<InstanceType<typeof Ajv>['compile']>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'balie-teams-package-'));
    template = JSON.parse(await readFile(join(repoRoot, 'manifests/teams/manifest.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(await readFile(schemaPath(String(template.manifestVersion)), 'utf8')) as object);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has a manifest of a current schema version that validates, with the bot in every scope and commands in Dutch and English', () => {
    expect(Number(String(template.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(20);
    expect(validate(template), JSON.stringify(validate.errors)).toBe(true);
    const [bot] = template.bots as Array<{ scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot?.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toEqual(expect.arrayContaining(['Inschrijven', 'Mijn inschrijving', 'Register', 'My registration']));
    // The schema does refuse what Teams would refuse.
    expect(validate({ ...template, bots: [{ ...bot, scopes: ['Personal'] }] })).toBe(false);
  });

  it('zips exactly the manifest, with the app id from the environment, and the two icons', async () => {
    const out = join(dir, 'balie-teams.zip');
    const run = await runEntry('scripts/teams-package.ts', ['--out', out], { MICROSOFT_APP_ID: appId.toUpperCase() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const entries = unzipSync(await readFile(out));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { id: string; bots: Array<{ botId: string }> };
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect([manifest.id, manifest.bots[0]?.botId]).toEqual([appId, appId]);
    expect(pngFacts(entries['color.png']!)).toEqual({ width: 192, height: 192, colourType: 6, whiteOnTransparent: false });
    expect(pngFacts(entries['outline.png']!)).toEqual({ width: 32, height: 32, colourType: 6, whiteOnTransparent: true });
    // The same inputs give the same zip.
    await runEntry('scripts/teams-package.ts', ['--out', join(dir, 'again.zip')], { MICROSOFT_APP_ID: appId });
    expect(await readFile(join(dir, 'again.zip'))).toEqual(await readFile(out));
  });

  it('refuses to package without the bot’s app id', async () => {
    const run = await runEntry('scripts/teams-package.ts', ['--out', join(dir, 'none.zip')], { MICROSOFT_APP_ID: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('set MICROSOFT_APP_ID');
  });
});
