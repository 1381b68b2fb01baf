import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { repoRoot } from './jsonl-process.ts';

// The terminal chat on a real terminal: util-linux `script` gives it a pseudo-terminal of 50
// columns (stty), so that `npm start` sees a TTY as a person's terminal would be.
const mailDir = mkdtempSync(join(tmpdir(), 'b-'));
const hasScript = spawnSync('script', ['--version']).status === 0;
const email = 'roos.blondeel-vandenbroucke@vlaams-brabant-voorbeeld.be';
const lines = ['hallo', 'Ik wil me inschrijven', 'Roos', 'Blondeel', email, '0470123456', 'Gemeente Leuven', '1', '3', '7', 'nee'];

/** Runs the chat in a pseudo-terminal, types `lines`, and ends the input once `until` was shown. */
async function onTerminal(env: Record<string, string | undefined>, until: RegExp): Promise<string> {
  const child = spawn('script', ['-qec', 'stty cols 50 rows 40; exec node --import tsx src/app/main.ts', '/dev/null'], {
    cwd: repoRoot,
    // A short mail folder: the banner shows its absolute path, one word that may not be broken.
    env: { ...process.env, LOG_LEVEL: 'warn', NO_COLOR: '', BALIE_MAIL_DIR: mailDir, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let screen = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.stdin.write(lines.map((line) => `${line}\n`).join(''));
  try {
    expect(await eventually(async () => until.test(screen), 60_000, 50)).toBe(true);
  } finally {
    child.stdin.end();
    await closed;
  }
  return screen.replace(/\r\n/g, '\n');
}

/** What a person sees: without styles, and without readline's cursor moves around the prompt. */
const visible = (screen: string) => stripVTControlCharacters(screen);

if (hasScript) {
  describe.concurrent('the terminal chat on a terminal', { timeout: 90_000 }, () => {
    it('shows *bold* as bold and wraps every line at a word boundary to the width, never inside an e-mail address', async () => {
      const screen = await onTerminal({}, /Klopt alles\?[\s\S]*3\. Stoppen/);
      expect(screen).toContain('\u001b[1mNetwerkdag sociale economie\u001b[22m');
      expect(screen).not.toContain('*Netwerkdag');
      const shown = visible(screen).split('\n');
      expect(shown.filter((line) => line.length > 50 && !line.includes(email))).toEqual([]);
      expect(shown).toContainEqual(expect.stringMatching(new RegExp(`^ {2}E-mail {13}${email.replaceAll('.', '\\.')}$`)));
      // The summary's session rows continue under their value, word by word.
      const row = shown.findIndex((line) => line.startsWith('  Sessie in reeks 1'));
      expect(shown.slice(row, row + 3)).toEqual(['  Sessie in reeks 1  #3 Samenwerken werkt!', '                     Samenwerking Lokale Besturen', '                     & VDAB · Zaal 2+3']);
    });

    it('shows no ANSI styles with NO_COLOR set, keeping the asterisks', async () => {
      const screen = await onTerminal({ NO_COLOR: '1' }, /Wat is je naam\?/);
      expect(screen).toContain('*Netwerkdag sociale economie*');
      for (const style of ['\u001b[1m', '\u001b[2m', '\u001b[22m']) expect(screen).not.toContain(style);
    });
  });
}

if (!hasScript) {
  const message = 'util-linux `script` is not on PATH: the terminal tests did NOT run (Debian/Ubuntu: apt-get install bsdutils)';
  if (process.env.CI === 'true') {
    it('requires util-linux script (CI=true)', () => {
      throw new Error(message);
    });
  } else it.todo(`NOT RUN: ${message}`);
}
