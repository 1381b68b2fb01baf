import { createClient } from 'redis';
import type { ParticipantMessages, SeatLedger, Outbox } from '../../src/core/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { netwerkdag } from './seat-ledger.fixtures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLog, CheckinBook } from '../../src/core/index.ts';
import { MemoryAuditLog, MemoryCheckinBook } from '../../src/store/memory-desk-stores.ts';
import { RedisAuditLog, RedisCheckinBook } from '../../src/store/redis-desk-stores.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';

function describeDeskStoresContract(name: string, make: () => Promise<{ audit: AuditLog; checkins: CheckinBook }>): void {
  describe(`desk stores contract: ${name}`, () => {
    it('keeps the audit log newest first, as many as asked', async () => {
      const { audit } = await make();
      for (let i = 1; i <= 3; i++) await audit.append({ at: `2020-10-29T10:0${i}:00.000Z`, organiser: 'anna', action: 'checkin', detail: `#${i} ingecheckt` });
      expect((await audit.recent(2)).map((e) => e.detail)).toEqual(['#3 ingecheckt', '#2 ingecheckt']);
      expect(await audit.recent(10)).toHaveLength(3);
    });

    it('checks a registration in once: the second mark answers the first time, also when two come at once', async () => {
      const { checkins } = await make();
      const [a, b] = await Promise.all([checkins.mark('r1', new Date('2020-10-29T10:31:00Z')), checkins.mark('r1', new Date('2020-10-29T10:32:00Z'))]);
      expect([a.first, b.first].sort()).toEqual([false, true]);
      expect(a.at).toBe(b.at);
      expect(await checkins.mark('r1', new Date('2020-10-29T11:00:00Z'))).toEqual({ first: false, at: a.at });
      await checkins.mark('r2', new Date('2020-10-29T10:40:00Z'));
      expect([...(await checkins.all()).keys()].sort()).toEqual(['r1', 'r2']);
    });
  });
}

type MessageLedger = SeatLedger & Outbox & ParticipantMessages;

function describeMessagesContract(name: string, make: () => Promise<MessageLedger>): void {
  it(`${name}: writes an organiser_message per registration that exists, in mail and the owner's chat lane, once per key`, async () => {
    const ledger = await make();
    const ids: string[] = [];
    for (const [i, owner] of ['telegram:1', 'jsonl:2'].entries()) {
      const result = await ledger.register({
        key: `r${i}`,
        at: new Date('2020-10-15T07:00:00Z'),
        waitlistIfFull: false,
        registrant: { firstName: 'Ann', lastName: `P${i}`, email: `a${i}@example.org`, phone: '+32470000000', organisation: 'Stad', organisationType: 'other', sessions: [1, 5], book: null, language: 'nl', owner },
      });
      if (result.ok) ids.push(result.registration.id);
    }
    const message = { nl: 'Tot morgen "om" 12:00!', en: 'See you tomorrow at 12:00!' };
    expect(await ledger.writeMessage([...ids, 'nobody'], message, 'k1', new Date('2020-10-28T10:00:00Z'))).toBe(2);
    expect(await ledger.writeMessage(ids, message, 'k1', new Date('2020-10-28T10:05:00Z'))).toBe(0);
    const mail = (await ledger.list('pending', 'mail')).filter((e) => e.kind === 'organiser_message');
    expect(mail.map((e) => e.id)).toEqual(ids.map((id) => `message:k1:organiser_message:${id}`));
    expect(mail[0]).toMatchObject({ message, createdAt: '2020-10-28T10:00:00.000Z', registration: { lastName: 'P0' } });
    expect((await ledger.list('pending', 'chat:telegram')).map((e) => e.kind)).toEqual(['confirmation', 'organiser_message']);
  });
}

describe('participant messages', () => {
  describeMessagesContract('MemorySeatLedger', async () => new MemorySeatLedger(netwerkdag, { chatChannels: ['telegram'] }));
  if (requireRedisServer()) {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let run = 0;
    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());
    describeMessagesContract('RedisSeatLedger', async () => new RedisSeatLedger(client, netwerkdag, { keyPrefix: `msg${++run}:`, chatChannels: ['telegram'] }));
  }
});

describeDeskStoresContract('memory', async () => ({ audit: new MemoryAuditLog(), checkins: new MemoryCheckinBook() }));

if (requireRedisServer()) {
  describe('on a real redis-server', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient>;
    let run = 0;
    beforeAll(async () => {
      client = createClient({ url: server().url });
      await client.connect();
    });
    afterAll(() => client?.destroy());
    describeDeskStoresContract('Redis', async () => {
      const base = `desk${++run}:balie:{netwerkdag-2020}:`;
      return { audit: new RedisAuditLog(client, base), checkins: new RedisCheckinBook(client, base) };
    });
  });
}
