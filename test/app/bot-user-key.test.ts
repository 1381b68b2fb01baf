import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/app/bot.ts';
import { fixedClock } from '../../src/core/index.ts';
import { messages } from '../../src/dialogs/i18n/index.ts';
import { createRedisStores, type RedisStores } from '../../src/store/redis-stores.ts';
import { netwerkdag } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';

const nl = messages('nl');
const form = ['Ik wil me inschrijven', 'An', 'Peeters', 'an.peeters@example.org', '0470 12 34 56', 'Stad Leuven', '1', '1', '5', 'nee'];

if (requireRedisServer()) {
  describe('Bot: user keys that are not well-formed Unicode, on Redis', () => {
    const server = useRedisServer();
    let stores: RedisStores;
    let inspector: ReturnType<typeof createClient>;
    const errors: unknown[] = [];
    let bot: Bot;

    beforeAll(async () => {
      stores = await createRedisStores({ url: server().url, event: netwerkdag, keyPrefix: 'userkey:' });
      inspector = createClient({ url: server().url });
      await inspector.connect();
      bot = new Bot({ event: netwerkdag, ...stores, clock: fixedClock(new Date('2020-10-15T07:00:00Z')), answerer: new FakeAnswerer(netwerkdag), onError: (error) => errors.push(error) });
    });
    afterAll(async () => {
      await stores?.close();
      inspector?.destroy();
    });

    const say = async (userKey: string, text: string) => (await bot.handle({ userKey, input: { kind: 'text', text } })).map((r) => r.text).join('\n');

    it('gives ids that differ only in lone surrogates no turn, so they never share one Redis key', async () => {
      // Both would be written as "console:an\uFFFD": one conversation and one registration for two people.
      for (const text of form) expect(await say('console:an\ud800', text)).toBe(nl.turnFailed);
      expect(await say('console:an\udfff', 'mijn inschrijving')).toBe(nl.turnFailed);
      expect(await say('slack:\udc00U1', 'Ik wil me inschrijven')).toBe(nl.turnFailed);
      expect(errors.map((e) => (e as { code?: string }).code)).toEqual(Array(form.length + 2).fill('user_key_invalid'));
      expect((await stores.ledger.snapshot()).registrations).toEqual([]);
      expect((await inspector.keys('userkey:*')).filter((key) => /:(conv|lock):/.test(key))).toEqual([]);

      // A well-formed id, an emoji (a surrogate pair) included, is served as always.
      expect(await say('console:an😀', 'Ik wil me inschrijven')).toContain(nl.prompts.firstName);
      expect(await inspector.exists('userkey:balie:{netwerkdag-2020}:conv:console:an😀')).toBe(1);
    });
  });
}
