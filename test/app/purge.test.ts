import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin, type AdminContext } from '../../src/app/admin.ts';
import { Bot } from '../../src/app/bot.ts';
import { personalDataDesk } from '../../src/app/personal-data.ts';
import { PrivacyJobs } from '../../src/app/privacy-jobs.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { fixedClock, purgeDueAt, type Registrant } from '../../src/core/index.ts';
import { Chat, TestClock, type Desk } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith } from '../store/seat-ledger.fixtures.ts';

// People with details that occur nowhere else, so that a scan can tell whether any is left.
const people: Array<Omit<Registrant, 'sessions' | 'language' | 'owner' | 'organisationType'>> = [
  { firstName: 'Ëlise', lastName: 'Vandervelde', email: 'elise.vdv@voorbeeld.be', phone: '+32470998811', organisation: 'Gemeente Zoutleeuw', book: { shippingAddress: { street: 'Diestsesteenweg 999', postalCode: '3271', city: 'Zichem', country: 'BE' } } },
  { firstName: 'Quinten', lastName: 'Opdebeeck', email: 'q.opdebeeck@sociaal.be', phone: '+32470998822', organisation: 'Maatwerkbedrijf Kwak', book: null },
  { firstName: 'Margriet', lastName: 'Wouterszoon', email: 'margriet@ander.org', phone: '+32470998833', organisation: 'Vereniging Zonnekracht', book: { shippingAddress: { street: 'Lange Lozanastraat 77', postalCode: '2018', city: 'Antwerpen', country: 'BE' } } },
  { firstName: 'Tijl', lastName: 'Achterberg', email: 'tijl.achterberg@wacht.be', phone: '+32470998844', organisation: 'Stad Tienen', book: null },
];
const typedInChat = { firstName: 'Gwendolyn', lastName: 'Strobbe', email: 'gwendolyn.strobbe@chat.be' };

/** Every personal string of the people above, as they would be stored. */
const personalStrings = [
  ...people.flatMap((p) => [p.firstName, p.lastName, p.email, p.phone.slice(3), p.organisation, ...(p.book ? [p.book.shippingAddress.street, p.book.shippingAddress.city, `"${p.book.shippingAddress.postalCode}"`] : [])]),
  ...Object.values(typedInChat),
];

/** Everything under the event's keys: every key name and every value, as text. */
async function dumpEventKeys(client: ReturnType<typeof createClient>, eventId: string): Promise<string> {
  const parts: string[] = [];
  for await (const keys of client.scanIterator({ MATCH: `balie:{${eventId}}:*`, COUNT: 500 })) {
    for (const key of keys) {
      parts.push(key);
      const type = await client.type(key);
      if (type === 'string') parts.push(String(await client.get(key)));
      else if (type === 'hash') parts.push(JSON.stringify(await client.hGetAll(key)));
      else if (type === 'list') parts.push(JSON.stringify(await client.lRange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await client.sMembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await client.zRange(key, 0, -1)));
      else parts.push(`(${type})`);
    }
  }
  return parts.join('\n');
}

if (requireRedisServer()) {
  const server = useRedisServer();
  const eventId = 'purge-test';
  const event = eventWith({ venue: 3, id: eventId });
  let stores: AppStores;
  let inspector: ReturnType<typeof createClient>;
  const out: string[] = [];
  const err: string[] = [];
  const admin = (args: string[], extra: Partial<AdminContext> = {}) =>
    runAdmin(args, { event, ledger: stores.ledger, outbox: stores.outbox, privacy: stores.privacy, chatStores: stores.chatStores, now: new Date('2020-12-01T09:00:00Z'), print: (l) => out.push(l), warn: (l) => err.push(l), ...extra });

  beforeAll(async () => {
    inspector = createClient({ url: server().url });
    await inspector.connect();
    stores = await openStores({ redisUrl: server().url, stateTtlDays: 30 }, event, { error: () => undefined }, { chatChannels: ['telegram'] });
    const at = new Date('2020-10-15T07:00:00Z');
    const types = ['local_government', 'social_economy', 'other', 'local_government'] as const;
    for (const [i, p] of people.entries()) {
      const result = await stores.ledger.register({ key: `register:telegram:${100 + i}:form-${i}:0`, at, waitlistIfFull: true, registrant: { ...p, organisationType: types[i] ?? 'other', sessions: i === 3 ? [1, 6] : [1, 5], language: 'nl', owner: `telegram:${100 + i}` } });
      if (!result.ok) throw new Error(result.reason);
    }
    // One more, cancelled: the outbox and the kept result of the cancel hold a copy of it.
    const extra = await stores.ledger.register({ key: 'p9', at, waitlistIfFull: true, registrant: { ...(people[0] as Registrant), email: 'other.elise@voorbeeld.be', organisationType: 'other', sessions: [2, 6], language: 'nl', owner: 'telegram:109' } });
    if (!extra.ok) throw new Error(extra.reason);
    const cancelled = await stores.ledger.cancel({ key: 'c9', at, registrationId: extra.registration.id });
    if (!cancelled.ok) throw new Error(cancelled.reason);
    for (let i = 0; i < people.length; i++) await stores.addresses.remember(`telegram:${100 + i}`, `${900 + i}`);
    await stores.values.set('telegram:cb:~x', 'session:3', 60_000);
    // A conversation half-way through the form: its draft holds what was typed.
    const bot = new Bot({ event, ledger: stores.ledger, conversations: stores.conversations, lock: stores.lock, clock: new TestClock(), answerer: new FakeAnswerer(event), addresses: stores.addresses, personalData: personalDataDesk(stores, event, 30) });
    const chat = new Chat({ bot } as unknown as Desk, 'telegram:200');
    await chat.say('Ik wil me inschrijven');
    await chat.say(typedInChat.firstName);
    await chat.say(typedInChat.lastName);
    await chat.say(typedInChat.email);
    expect(chat.lastText()).toMatch(/telefoon|gsm/i);
  });

  afterAll(async () => {
    await stores?.close();
    await inspector?.quit();
  });

  describe('the purge after the event (Redis, npm run admin -- purge)', () => {
    it('first holds every personal detail (the scan can see them)', async () => {
      const dump = await dumpEventKeys(inspector, eventId);
      for (const personal of personalStrings) expect(dump, personal).toContain(personal);
      expect(dump).toContain('register:telegram:100:form-0:0:confirmation:');
    });

    it('--dry-run shows what goes, in counts only, and changes nothing', async () => {
      out.length = 0;
      expect(await admin(['purge', '--dry-run'])).toBe(0);
      expect(out[0]).toBe(`Purge of the personal data of ${event.title}:`);
      expect(out[1]).toMatch(/^ {2}4 registrations lose name, e-mail/);
      expect(out.at(-1)).toBe('Nothing changed (--dry-run).');
      for (const personal of personalStrings) expect(out.join('\n')).not.toContain(personal);
      expect(await dumpEventKeys(inspector, eventId)).toContain('elise.vdv@voorbeeld.be');
    });

    it('without a terminal to ask on, and without --yes, refuses (exit code 2)', async () => {
      err.length = 0;
      expect(await admin(['purge'])).toBe(2);
      expect(err.join('\n')).toMatch(/purge asks for a confirmation/);
      expect(await admin(['purge'], { confirm: async () => false })).toBe(0);
      expect(await dumpEventKeys(inspector, eventId)).toContain('elise.vdv@voorbeeld.be');
    });

    it('purges after a yes: admin status still holds, and a scan of the event finds no name, e-mail, phone or address', async () => {
      out.length = 0;
      expect(await admin(['purge'], { confirm: async () => true })).toBe(0);
      expect(out).toContain('Purged.');
      expect(out.at(-1)).toMatch(/^Kept: 3 confirmed, 1 waiting; per session 1: 3, 5: 3; per organisation type (?=.*local_government: 2)(?=.*social_economy: 1)(?=.*other: 1).*; 2 books ordered\.$/);

      out.length = 0;
      expect(await admin(['status'])).toBe(0);
      expect(out[0]).toBe(`${event.title}: venue 3 of 3 seats taken; 1 waiting.`);
      expect(out).toContain('Personal data purged at 2020-12-01T09:00:00.000Z; only anonymous counts are kept.');
      expect(out.at(-1)).toBe('Invariants hold for all 4 registrations.');

      const dump = await dumpEventKeys(inspector, eventId);
      for (const personal of personalStrings) expect(dump, `left in Redis: ${personal}`).not.toContain(personal);
      // Chat user ids too: the register keys named them, in the kept results and in the outbox entry ids.
      expect(dump).not.toMatch(/telegram:\d/);
      expect(await stores.conversations.read('telegram:200')).toBeNull();
      expect(await stores.addresses.find('telegram:100')).toBeNull();
      const counts = await stores.privacy.purgedCounts();
      expect(counts).toMatchObject({ confirmed: 3, waitlisted: 1, sessions: { '1': 3, '5': 3 }, booksOrdered: 2 });
    });

    it('a second purge changes nothing more and keeps the first counts', async () => {
      const before = await dumpEventKeys(inspector, eventId);
      out.length = 0;
      expect(await admin(['purge', '--yes'])).toBe(0);
      expect(out[1]).toMatch(/^ {2}0 registrations lose/);
      expect((await stores.privacy.purgedCounts())?.purgedAt).toBe('2020-12-01T09:00:00.000Z');
      expect((await dumpEventKeys(inspector, eventId)).length).toBe(before.length);
    });
  });
}

describe('the automatic purge (memory stores, the clock moved)', () => {
  it('purges BALIE_PURGE_DAYS_AFTER the event, once, and empties the in-memory chat stores', async () => {
    const event = eventWith({});
    const stores = await openStores({ redisUrl: null, stateTtlDays: 30 }, event, { error: () => undefined });
    const at = new Date('2020-10-15T07:00:00Z');
    const result = await stores.ledger.register({ key: 'a', at, waitlistIfFull: false, registrant: { ...(people[0] as Registrant), organisationType: 'social_economy', sessions: [1, 5], language: 'nl', owner: 'console:a' } });
    if (!result.ok) throw new Error(result.reason);
    await stores.conversations.write('console:a', { some: 'state', name: 'Ëlise' }, null);
    await stores.addresses.remember('console:a', 'x');
    const due = purgeDueAt(event, 30);
    const jobs = (now: Date) => new PrivacyJobs({ event, clock: fixedClock(now), privacy: stores.privacy, chatStores: stores.chatStores, reminderDays: 2, purgeDaysAfter: 30 });
    expect((await jobs(new Date(due.getTime() - 60_000)).runOnce()).purged).toBeNull();
    expect((await stores.ledger.get(result.registration.id))?.email).toBe('elise.vdv@voorbeeld.be');
    const pass = await jobs(due).runOnce();
    expect(pass.purged).toMatchObject({ registrations: 1, chatData: 2, counts: { confirmed: 1, organisationTypes: { social_economy: 1 }, booksOrdered: 1 } });
    const record = await stores.ledger.get(result.registration.id);
    expect(record).toMatchObject({ firstName: '', lastName: '', phone: '', organisation: '', owner: '', email: `${result.registration.id}@purged.invalid`, sessions: [1, 5], organisationType: 'social_economy' });
    expect(record?.book?.shippingAddress.street).toBe('');
    const failed = JSON.stringify(await stores.outbox.list('failed'));
    expect(failed).not.toContain('Vandervelde');
    expect(failed).not.toContain('console:a');
    expect((await stores.outbox.list('failed')).map((e) => e.id)).toEqual(['purged-1']);
    expect(await stores.conversations.read('console:a')).toBeNull();
    expect((await jobs(new Date(due.getTime() + 60_000)).runOnce()).purged).toBeNull();
  });
});
