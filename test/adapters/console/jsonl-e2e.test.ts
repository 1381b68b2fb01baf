import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../src/core/index.ts';
import { nextStep, type Person, type SeenReply } from './form-filler.ts';
import { JsonlProcess } from './jsonl-process.ts';

interface Answer {
  user: string;
  replies: SeenReply[];
}

// The first answer waits for start-up, which trains the programme Q&A: a bounded, generous wait.
const firstAnswerMs = 60_000;
let mailDir: string;
let bot: JsonlProcess | null = null;

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'balie-e2e-mail-'));
});
afterEach(() => bot?.kill());
afterAll(() => rm(mailDir, { recursive: true, force: true }));

/** Drives one person through the registration by reacting to each answer; returns the transcript. */
async function register(process: JsonlProcess, userId: string, person: Person, lang: Language, opening: string): Promise<{ turns: number; waitlisted: boolean }> {
  let answer = (await process.ask({ user: userId, text: opening }, firstAnswerMs)) as Answer;
  for (let turn = 1; turn <= 40; turn++) {
    expect(answer.user).toBe(userId);
    const step = nextStep(answer.replies, person, lang);
    if (!step) throw new Error(`no idea how to answer: ${JSON.stringify(answer.replies)}`);
    if (step.kind === 'done') return { turns: turn, waitlisted: step.waitlisted };
    answer = (await process.ask(step.kind === 'text' ? { user: userId, text: step.text } : { user: userId, choice: step.id })) as Answer;
  }
  throw new Error('registration did not complete within 40 turns');
}

const ann: Person = {
  firstName: 'Ann',
  lastName: 'Peeters',
  email: 'ann.peeters@example.org',
  phone: '0470 12 34 56',
  organisation: 'Gemeente Leuven',
  organisationType: 'lokaal bestuur',
  sessions: [3, 7],
  book: { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'België' },
};
const bob: Person = {
  firstName: 'Bob',
  lastName: 'Smith',
  email: 'bob@example.org',
  phone: '+31 6 12345678',
  organisation: 'Werkplaats Oost',
  organisationType: 'social-economy',
  sessions: [2, 6],
  book: null,
};

describe('the JSONL console, end to end', () => {
  it('completes registrations of two interleaved users, one in Dutch and one in English, and mails both', async () => {
    // Logging at its most talkative: logs go to stderr only, and never carry personal data.
    bot = new JsonlProcess({ BALIE_MAIL_DIR: mailDir, BALIE_MAIL_FROM: 'Balie Test <balie-test@example.org>', LOG_LEVEL: 'trace' });
    const [annRun, bobRun] = await Promise.all([
      register(bot, 'ann', ann, 'nl', 'Ik wil me inschrijven'),
      // Bob first switches language; the two conversations interleave line by line on one stdin.
      (async () => {
        const switched = (await bot!.ask({ user: 'bob', text: 'English please' }, firstAnswerMs)) as Answer;
        expect(switched.user).toBe('bob');
        return register(bot!, 'bob', bob, 'en', 'I want to register');
      })(),
    ]);
    expect(annRun.waitlisted).toBe(false);
    expect(bobRun.waitlisted).toBe(false);

    const annView = (await bot.ask({ user: 'ann', text: 'mijn inschrijving' })) as Answer;
    const annText = annView.replies.map((r) => r.text).join('\n');
    expect(annText).toContain('ingeschreven');

    expect(await bot.ask('{"user":"ann",')).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(await bot.end()).toBe(0);
    expect(bot.unread).toEqual([]);
    expect(bot.stderr).toContain('"msg":"balie started"');
    for (const personal of [ann.email, bob.email, ann.lastName, bob.lastName, 'Gemeente Leuven', 'Provincieplein', '+32470123456', '470 12 34 56', '+31612345678']) {
      expect(bot.stderr).not.toContain(personal);
    }

    // The run delivered the outbox before it stopped: a confirmation for each, in their language.
    const files = await readdir(mailDir);
    const mails = await Promise.all(files.map((f) => readFile(join(mailDir, f), 'utf8')));
    expect(mails.some((mail) => /^To: .*ann\.peeters@example\.org/m.test(mail))).toBe(true);
    expect(mails.some((mail) => /^To: .*bob@example\.org/m.test(mail))).toBe(true);
    for (const mail of mails) expect(mail).toMatch(/^From: Balie Test <balie-test@example\.org>$/m);
  }, 120_000);

  it('reads a typed number where sessions are asked as that session, never as a position in the list', async () => {
    bot = new JsonlProcess({ BALIE_MAIL_DIR: mailDir });
    const say = async (text: string, timeoutMs?: number) => ((await bot!.ask({ user: 'cas', text }, timeoutMs)) as Answer).replies;
    await say('Ik wil me inschrijven', firstAnswerMs);
    for (const text of ['Cas', 'Peeters', 'cas@example.org', '0470123456', 'Gemeente Leuven', 'lokaal bestuur']) await say(text);
    const series2 = await say('4');
    expect(series2.at(-1)?.choices?.map((c) => c.id)).toEqual(['session:5', 'session:6', 'session:7', 'session:8', 'session:9', 'session:none']);
    // "3" would be session 7 by position; it is session 3, of the other series, so series 2 is asked again.
    expect((await say('3')).at(-1)?.text).toContain('Reeks 2');
    expect((await say('7')).at(-1)?.choices?.map((c) => c.id)).toEqual(['book:yes', 'book:no']);
    const summary = (await say('nee')).at(-1) as SeenReply & { facts?: Array<{ label: string; value: string }> };
    expect(summary.facts).toContainEqual({ label: 'Sessie in reeks 2', value: '#7 Wijk-werken: de opstap naar werk · Zaal 2+3' });
    expect(await bot.end()).toBe(0);
  }, 120_000);
});
