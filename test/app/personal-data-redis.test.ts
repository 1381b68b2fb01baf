import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/app/bot.ts';
import { personalDataDesk } from '../../src/app/personal-data.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { findInvariantViolations } from '../../src/core/index.ts';
import { renderMail } from '../../src/mail/index.ts';
import { Chat, fillForm, TestClock, type Desk } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith } from '../store/seat-ledger.fixtures.ts';

/** Every value under the event's keys, as text. */
async function dump(client: ReturnType<typeof createClient>, eventId: string): Promise<string> {
  const parts: string[] = [];
  for await (const keys of client.scanIterator({ MATCH: `balie:{${eventId}}:*`, COUNT: 500 })) {
    for (const key of keys) {
      const type = await client.type(key);
      parts.push(key);
      if (type === 'string') parts.push(String(await client.get(key)));
      else if (type === 'hash') parts.push(JSON.stringify(await client.hGetAll(key)));
      else if (type === 'list') parts.push(JSON.stringify(await client.lRange(key, 0, -1)));
      else if (type === 'zset' || type === 'set') parts.push(JSON.stringify(type === 'set' ? await client.sMembers(key) : await client.zRange(key, 0, -1)));
    }
  }
  return parts.join('\n');
}

if (requireRedisServer()) {
  const server = useRedisServer();
  const eventId = 'personal-data';
  const event = eventWith({ id: eventId, sessions: { 3: 1 } });
  const me = 'telegram:300';
  let stores: AppStores;
  let inspector: ReturnType<typeof createClient>;
  let chat: Chat;

  beforeAll(async () => {
    inspector = createClient({ url: server().url });
    await inspector.connect();
    stores = await openStores({ redisUrl: server().url, stateTtlDays: 30 }, event, { error: () => undefined }, { chatChannels: ['telegram'] });
    const bot = new Bot({ event, ledger: stores.ledger, conversations: stores.conversations, lock: stores.lock, clock: new TestClock(), answerer: new FakeAnswerer(event), addresses: stores.addresses, personalData: personalDataDesk(stores, event, 30) });
    chat = new Chat({ bot } as unknown as Desk, me);
    await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'], book: true });
    await chat.say('ja');
    await stores.addresses.remember(me, '300300');
  });

  afterAll(async () => {
    await stores?.close();
    await inspector?.quit();
  });

  describe('personal data in the chat, on Redis', () => {
    it('"mijn gegevens" writes a data_export mail with the JSON to the registration address', async () => {
      await chat.say('mijn gegevens');
      expect(chat.turnText()).toContain('als bestand (JSON) naar *jan.peeters@example.be*');
      const entry = (await stores.outbox.list('pending', 'mail')).find((e) => e.kind === 'data_export');
      expect(entry).toBeDefined();
      expect((await stores.outbox.list('pending', 'chat:telegram')).some((e) => e.kind === 'data_export')).toBe(false);
      const mail = renderMail(entry!, event);
      if (!mail.ok) throw new Error(mail.reason);
      const attached = JSON.parse(String(mail.mail.attachments[0]?.content ?? '{}')) as { registration: { lastName: string; book: unknown }; chat: { address: string } };
      expect(attached.registration.lastName).toBe('Peeters');
      expect(attached.registration.book).toMatchObject({ shippingAddress: { street: 'Provincieplein 1', city: 'Leuven' } });
      expect(attached.chat.address).toBe('300300');
    });

    it('"verwijder mijn gegevens" + "ja": the seat goes to the waiting list, and Redis holds nothing of the person', async () => {
      const waiting = await stores.ledger.register({
        key: 'waiter',
        at: new Date('2020-10-15T08:00:00Z'),
        waitlistIfFull: true,
        registrant: { firstName: 'Wachtende', lastName: 'Persoon', email: 'wacht@example.org', phone: '+32470000001', organisation: 'Elders', organisationType: 'other', sessions: [3, 7], book: null, language: 'nl', owner: 'telegram:301' },
      });
      if (!waiting.ok || !waiting.registration.waitingFor?.includes(3)) throw new Error('expected a registration waiting for session 3');
      const before = await dump(inspector, eventId);
      for (const personal of ['Peeters', 'jan.peeters@example.be', '470123456', 'Gemeente Bertem', 'Provincieplein 1', '300300']) expect(before).toContain(personal);

      await chat.say('delete my data');
      expect(chat.lastText()).toMatch(/Do you really want all your data deleted\?/);
      await chat.say('yes');
      expect(chat.turnText()).toContain('Done: your registration is cancelled');

      expect(await stores.ledger.findAllByOwner(me)).toEqual([]);
      expect((await stores.ledger.get(waiting.registration.id))?.sessions).toContain(3);
      expect(findInvariantViolations(event, await stores.ledger.snapshot())).toEqual([]);
      const after = await dump(inspector, eventId);
      for (const personal of ['Peeters', 'jan.peeters@example.be', '470123456', 'Gemeente Bertem', 'Provincieplein 1', '300300']) expect(after, `left in Redis: ${personal}`).not.toContain(personal);
      expect(after).toContain('wacht@example.org');
      expect(await stores.conversations.read(me)).toBeNull();
      const withdrawn = (await stores.outbox.list('failed', 'mail')).filter((e) => e.lastError === 'withdrawn: the person had their data deleted');
      expect(withdrawn.map((e) => e.kind).sort()).toEqual(['cancelled', 'confirmation', 'data_export']);
    });
  });
}
