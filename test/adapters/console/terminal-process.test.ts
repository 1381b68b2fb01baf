import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/dialogs/i18n/index.ts';
import { requireRedisServer, useRedisServer } from '../../helpers/redis-server.ts';
import { runEntry } from './jsonl-process.ts';

const nl = messages('nl');

/** `npm start` (src/app/main.ts) with its stdin piped: the chat reads the lines and echoes them. */
const terminal = (args: string[], input: string, env: Record<string, string | undefined> = {}) => runEntry('src/app/main.ts', args, env, input);
const bannerUser = (stdout: string) => /gebruiker \/ user: +(\S+)/.exec(stdout)?.[1];
/** What the chat answered to the typed line `line` (piped input is echoed after the prompt). */
const answerTo = (stdout: string, line: string) => stdout.split(`> ${line}\n`)[1]?.split('\n> ')[0] ?? '';
const details = ['Ik wil me inschrijven', 'Ann', 'Peeters', 'ann@example.org', '0470123456', 'Gemeente Leuven', '1'];

describe.concurrent('the terminal chat as a process', { timeout: 90_000 }, () => {
  it('refuses --user with --jsonl, and a user id it cannot use, with exit code 2', async () => {
    // (A lone surrogate cannot reach argv: the command line is UTF-8 on the way in.)
    const [withJsonl, empty, control] = await Promise.all([
      runEntry('src/app/main.ts', ['--jsonl', '--user', 'ann'], {}, ''),
      terminal(['--user', ''], ''),
      terminal(['--user', 'ann\tpeeters'], ''),
    ]);
    expect([withJsonl.code, empty.code, control.code]).toEqual([2, 2, 2]);
    expect(withJsonl.stderr).toContain('--user is for the terminal chat');
    expect(empty.stderr).toContain('--user: "user" must not be empty');
    expect(control.stderr).toContain('--user: "user" must not contain control characters');
    expect(withJsonl.stdout + empty.stdout + control.stdout).toBe('');
  });

  it('numbers sessions by their session number, and a typed number is that session, never a position', async () => {
    const run = await terminal([], [...details, '4', '3', '7', '2', 'Iets wijzigen', ''].join('\n'), { COLUMNS: undefined });
    expect(run.code).toBe(0);
    // Not a terminal: no ANSI styles, and lines are not wrapped (the asterisks stay).
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toContain('Welke sessie kies je in *Reeks 2* (15:15–16:45)?');
    expect(run.stdout).toMatch(/^ {2}7\. Wijk-werken: de opstap naar werk \(sessie 7 · Zaal 2\+3 · nog 15 plaatsen vrij\)$/m);
    const series2 = answerTo(run.stdout, '4');
    expect(series2).toContain('Reeks 2');
    expect(series2).toMatch(/^ {2}5\. Talenten tellen/m);
    expect(series2).toMatch(/^ {2}7\. Wijk-werken: de opstap naar werk/m);
    expect(series2).not.toMatch(/^ {2}1\. /m);
    // "3" at series 2 is session 3 (of series 1), not the third one listed (session 7).
    expect(answerTo(run.stdout, '3')).toContain('Reeks 2');
    expect(answerTo(run.stdout, '7')).toContain('boek');
    const summary = answerTo(run.stdout, '2');
    expect(summary).toMatch(/Sessie in reeks 1 +#4 Lokale diensteneconomie \(LDE\) op maat van jouw gemeente · Zaal 6\+7/);
    expect(summary).toMatch(/Sessie in reeks 2 +#7 Wijk-werken: de opstap naar werk · Zaal 2\+3/);
    // The change menu shows each value as a hint: a title's own brackets make two levels, never three.
    const menu = answerTo(run.stdout, 'Iets wijzigen');
    expect(menu).toContain('Sessie in reeks 1 (#4 Lokale diensteneconomie (LDE) op maat van jouw gemeente · Zaal 6+7)');
    const depth = (line: string) => [...line].reduce(({ now, max }, c) => (c === '(' ? { now: now + 1, max: Math.max(max, now + 1) } : c === ')' ? { now: now - 1, max } : { now, max }), { now: 0, max: 0 }).max;
    expect(Math.max(...run.stdout.split('\n').map(depth))).toBeLessThanOrEqual(2);
  });
});

if (requireRedisServer()) {
  describe('two terminal chats on one Redis', { timeout: 90_000 }, () => {
    const redis = useRedisServer();

    it('are two users unless --user names the same one, and the banner says which', async () => {
      const env = { REDIS_URL: redis().url };
      const first = await terminal([], 'Ik wil me inschrijven\nAnn\n', env);
      const second = await terminal([], 'Peeters\n', env);
      expect([first.code, second.code]).toEqual([0, 0]);
      const [ann, other] = [bannerUser(first.stdout), bannerUser(second.stdout)];
      expect(ann).toMatch(/^terminal-[0-9a-f]{8}$/);
      expect(other).toMatch(/^terminal-[0-9a-f]{8}$/);
      expect(other).not.toBe(ann);
      expect(first.stdout).toContain(`npm start -- --user ${ann}`);
      // The second terminal did not continue Ann's form.
      expect(second.stdout).not.toContain(nl.prompts.email);

      const resumed = await terminal(['--user', ann!], 'Peeters\n', env);
      expect(bannerUser(resumed.stdout)).toBe(ann);
      expect(resumed.stdout).toContain(nl.prompts.email);
    });
  });
}
