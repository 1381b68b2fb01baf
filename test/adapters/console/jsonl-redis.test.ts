import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/dialogs/i18n/index.ts';
import { requireRedisServer, useRedisServer } from '../../helpers/redis-server.ts';
import { nextStep, type Person, type SeenReply } from './form-filler.ts';
import { JsonlProcess } from './jsonl-process.ts';

interface Answer {
  user: string;
  replies: SeenReply[];
}

const nl = messages('nl');
const firstAnswerMs = 60_000;
const ann: Person = {
  firstName: 'Ann',
  lastName: 'Peeters',
  email: 'ann.peeters@example.org',
  phone: '0470 12 34 56',
  organisation: 'Gemeente Leuven',
  organisationType: '1',
  sessions: [4, 9],
  book: null,
};

const texts = (answer: unknown) => (answer as Answer).replies.map((r) => r.text).join('\n');

if (requireRedisServer()) {
  describe('the JSONL console on Redis (REDIS_URL)', { timeout: 180_000 }, () => {
    const redis = useRedisServer();
    let mailDir: string;
    const running: JsonlProcess[] = [];
    const start = () => {
      const bot = new JsonlProcess({ REDIS_URL: redis().url, BALIE_MAIL_DIR: mailDir }, { viaNpm: false });
      running.push(bot);
      return bot;
    };

    beforeAll(async () => {
      mailDir = await mkdtemp(join(tmpdir(), 'balie-redis-mail-'));
    });
    afterEach(() => running.splice(0).forEach((bot) => bot.kill()));
    afterAll(() => rm(mailDir, { recursive: true, force: true }));

    it('keeps the conversation and the registration across a restart of the bot', async () => {
      const first = start();
      expect(texts(await first.ask({ user: 'ann', text: 'Ik wil me inschrijven' }, firstAnswerMs))).toContain(nl.prompts.firstName);
      expect(texts(await first.ask({ user: 'ann', text: 'Ann' }))).toContain(nl.prompts.lastName);
      expect(await first.end()).toBe(0);

      // A new process continues Ann's form at the same question, then completes it.
      const second = start();
      let answer = (await second.ask({ user: 'ann', text: 'Peeters' }, firstAnswerMs)) as Answer;
      expect(texts(answer)).toContain(nl.prompts.email);
      for (let turn = 0; turn < 30; turn++) {
        const step = nextStep(answer.replies, ann, 'nl');
        if (!step) throw new Error(`no idea how to answer: ${JSON.stringify(answer.replies)}`);
        if (step.kind === 'done') break;
        answer = (await second.ask(step.kind === 'text' ? { user: 'ann', text: step.text } : { user: 'ann', choice: step.id })) as Answer;
      }
      expect(texts(answer)).toContain(nl.registered(ann.email));
      expect(await second.end()).toBe(0);

      // A third process finds the registration in the Redis ledger.
      const third = start();
      const view = (await third.ask({ user: 'ann', text: 'mijn inschrijving' }, firstAnswerMs)) as { replies: Array<{ facts?: Array<{ label: string; value: string }> }> };
      const facts = view.replies.flatMap((r) => r.facts ?? []);
      expect(facts).toContainEqual({ label: nl.factStatus, value: nl.statusConfirmed });
      expect(facts).toContainEqual({ label: nl.fieldNames.email, value: ann.email });
      expect(await third.end()).toBe(0);
      expect(third.stderr).toBe('');
    });

    it('refuses user ids with lone surrogates, which Redis would store under one key', async () => {
      const bot = start();
      const refused = { error: expect.stringContaining('"user" must be well-formed Unicode') };
      expect(await bot.ask('{"user":"bo\\ud800","text":"Ik wil me inschrijven"}', firstAnswerMs)).toEqual(refused);
      expect(await bot.ask('{"user":"bo\\udfff","text":"mijn inschrijving"}')).toEqual(refused);
      expect(texts(await bot.ask({ user: 'bo', text: 'Ik wil me inschrijven' }))).toContain(nl.prompts.firstName);
      expect(await bot.end()).toBe(0);
      const inspector = createClient({ url: redis().url });
      await inspector.connect();
      try {
        expect((await inspector.keys('balie:*:conv:*')).filter((key) => key.includes('console:bo'))).toEqual(['balie:{netwerkdag-2020}:conv:console:bo']);
      } finally {
        inspector.destroy();
      }
    });
  });
}
