// npm run teams:package [-- --out dist/balie-teams.zip]: the Teams app package to upload (sideload)
// or hand to the Teams admin: manifests/teams/manifest.json with the bot's MICROSOFT_APP_ID as the
// app id and bot id, and its two icons, zipped at the root. The zip is not committed (dist/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('../', import.meta.url));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with the app id filled in: the Teams app id and the bot's id are both the Azure Bot's app id. */
export function packagedManifest(template: string, appId: string): string {
  const manifest = JSON.parse(template) as { id: string; bots: Array<{ botId: string }> };
  manifest.id = appId;
  for (const bot of manifest.bots) bot.botId = appId;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main(): number {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist/balie-teams.zip' } } });
  const appId = process.env.MICROSOFT_APP_ID?.trim() ?? '';
  if (!guid.test(appId)) {
    process.stderr.write('balie: teams:package: set MICROSOFT_APP_ID to the bot’s Microsoft App ID (a GUID from the Azure Bot registration)\n');
    return 1;
  }
  const folder = resolve(root, 'manifests/teams');
  const manifest = packagedManifest(readFileSync(resolve(folder, 'manifest.json'), 'utf8'), appId.toLowerCase());
  // A fixed time in every entry: the same manifest and icons give the same zip.
  const mtime = new Date('2020-10-29T12:15:00Z');
  const zip = zipSync(
    {
      'manifest.json': [new TextEncoder().encode(manifest), { mtime }],
      'color.png': [readFileSync(resolve(folder, 'color.png')), { mtime }],
      'outline.png': [readFileSync(resolve(folder, 'outline.png')), { mtime }],
    },
    { level: 9 },
  );
  const out = resolve(process.cwd(), values.out ?? 'dist/balie-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`wrote ${out} (${zip.length} bytes): manifest.json (app id ${appId.toLowerCase()}), color.png, outline.png\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
