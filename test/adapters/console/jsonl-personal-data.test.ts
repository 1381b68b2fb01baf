import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { nextStep, type Person, type SeenReply } from './form-filler.ts';
import { JsonlProcess } from './jsonl-process.ts';

interface Answer {
  user: string;
  replies: SeenReply[];
}

const firstAnswerMs = 60_000;
let mailDir: string;
let bot: JsonlProcess | null = null;

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'balie-privacy-mail-'));
});
afterEach(() => bot?.kill());
afterAll(() => rm(mailDir, { recursive: true, force: true }));

const lien: Person = {
  firstName: 'Lien',
  lastName: 'Verstraeten',
  email: 'lien.verstraeten@example.org',
  phone: '0470 55 66 77',
  organisation: 'Buurtwerk Kessel-Lo',
  organisationType: 'lokaal bestuur',
  sessions: [2, 6],
  book: null,
};

async function mails(): Promise<string[]> {
  return Promise.all((await readdir(mailDir)).filter((f) => f.endsWith('.eml')).map((f) => readFile(join(mailDir, f), 'utf8')));
}

describe('personal data through the JSONL console', () => {
  it('"mijn gegevens" mails the JSON file; "verwijder mijn gegevens" + "ja" cancels and forgets; the logs hold none of it', async () => {
    bot = new JsonlProcess({ BALIE_MAIL_DIR: mailDir, LOG_LEVEL: 'trace' });
    const ask = async (message: Record<string, string>, timeoutMs?: number) => (await bot!.ask({ user: 'lien', ...message }, timeoutMs)) as Answer;
    let answer = await ask({ text: 'Ik wil me inschrijven' }, firstAnswerMs);
    for (let turn = 0; turn < 40; turn++) {
      const step = nextStep(answer.replies, lien, 'nl');
      if (!step) throw new Error(`no idea how to answer: ${JSON.stringify(answer.replies)}`);
      if (step.kind === 'done') break;
      answer = await ask(step.kind === 'text' ? { text: step.text } : { choice: step.id });
    }
    const shown = (await ask({ text: 'mijn gegevns' })).replies.map((r) => r.text).join('\n');
    expect(shown).toContain('Dit is alles wat ik over je bijhoud:');
    expect(shown).toContain('naar *lien.verstraeten@example.org*');
    // The mail worker of the console sends the export within its poll.
    expect(await eventually(async () => (await mails()).some((m) => m.includes('netwerkdag-2020-mijn-gegevens.json')), 15_000)).toBe(true);

    const asked = (await ask({ text: 'verwijder mijn gegevens' })).replies.at(-1);
    expect(asked?.choices?.map((c) => c.id)).toEqual(['erase:yes', 'erase:no']);
    const erased = (await ask({ text: 'ja' })).replies.map((r) => r.text).join('\n');
    expect(erased).toContain('Gedaan: je inschrijving is geannuleerd');
    const after = (await ask({ text: 'mijn inschrijving' })).replies.map((r) => r.text).join('\n');
    expect(after).toMatch(/geen inschrijving/i);

    expect(await bot.end()).toBe(0);
    for (const personal of [lien.email, lien.lastName, lien.organisation, '470556677']) expect(bot.stderr).not.toContain(personal);
    const exported = (await mails()).find((m) => m.includes('mijn-gegevens.json'));
    expect(exported).toMatch(/^To: Lien Verstraeten <lien\.verstraeten@example\.org>/m);
    expect(exported).toMatch(/Content-Type: application\/json/);
  }, 120_000);
});
