import { describe, expect, it } from 'vitest';
import type { Outbox, SeatLedger } from '../../src/core/index.ts';
import { person, ticker } from './seat-ledger.fixtures.ts';

/** A ledger whose users on `telegram` get chat notices (chatChannels ['telegram']). */
export type MakeLaneLedger = () => Promise<SeatLedger & Outbox>;

const at = new Date('2020-10-16T00:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const telegram = (n: number, sessions?: number[]) => person(n, sessions, { owner: `telegram:${n}` });

/**
 * Delivery lanes: every entry has a mail delivery, owners on a channel with notices a chat
 * delivery too; the lanes are leased, retried and settled independently; the ledger commands that
 * write outbox entries from Lua (cancel, caps, change) fill the chat lane as register does.
 */
export function describeOutboxLanesContract(name: string, make: MakeLaneLedger): void {
  describe(`outbox lanes: ${name}`, () => {
    it('gives owners on a channel with notices a chat delivery, console owners only mail', async () => {
      const ledger = await make();
      const now = ticker();
      await ledger.register({ key: 'a', at: now(), registrant: telegram(1), waitlistIfFull: false });
      await ledger.register({ key: 'b', at: now(), registrant: person(2, [1, 5], { owner: 'console:terminal' }), waitlistIfFull: false });
      const mail = await ledger.list('pending', 'mail');
      const chat = await ledger.list('pending', 'chat:telegram');
      expect(mail.map((e) => e.registration.owner)).toEqual(['telegram:1', 'console:terminal']);
      expect(chat.map((e) => [e.registration.owner, e.lane, e.kind])).toEqual([['telegram:1', 'chat:telegram', 'confirmation']]);
      expect(chat[0]?.id).toBe(mail[0]?.id);
      expect((await ledger.list('pending')).map((e) => e.lane)).toEqual(['mail', 'mail', 'chat:telegram']);
      expect(await ledger.list('pending', 'chat:console')).toEqual([]);
      expect(await ledger.lane('chat:console').claim('w', 10, 1000, at)).toEqual([]);
    });

    it('delivers a details change in the chat too, but the notice to the old e-mail address by mail only', async () => {
      const ledger = await make();
      const now = ticker();
      const first = await ledger.register({ key: 'a', at: now(), registrant: telegram(1), waitlistIfFull: false });
      if (!first.ok) throw new Error('setup failed');
      await ledger.updateDetails({ key: 'd', at: now(), registrationId: first.registration.id, details: { email: 'nieuw@example.be' } });
      expect((await ledger.list('pending', 'mail')).map((e) => e.kind)).toEqual(['confirmation', 'details_changed', 'old_email_notice']);
      expect((await ledger.list('pending', 'chat:telegram')).map((e) => e.kind)).toEqual(['confirmation', 'details_changed']);
    });

    it('leases, retries and settles each lane on its own', async () => {
      const ledger = await make();
      const now = ticker();
      await ledger.register({ key: 'a', at: now(), registrant: telegram(1), waitlistIfFull: false });
      const [mailEntry] = await ledger.lane('mail').claim('mailer', 5, 60_000, at);
      // The chat lane is not held by the mail worker's lease.
      const [chatEntry] = await ledger.lane('chat:telegram').claim('notifier', 5, 60_000, at);
      expect(chatEntry?.id).toBe(mailEntry?.id);
      expect(chatEntry?.lane).toBe('chat:telegram');
      await ledger.lane('chat:telegram').markFailed(chatEntry!.id, 'notifier', '403 Forbidden: bot was blocked by the user', at);
      // A worker of another lane cannot settle it, nor can the mail worker settle it in the chat lane.
      await ledger.lane('chat:telegram').markRetry(mailEntry!.id, 'mailer', later(10), 'x');
      expect((await ledger.list('failed', 'chat:telegram')).map((e) => [e.attempts, e.lastError])).toEqual([[1, '403 Forbidden: bot was blocked by the user']]);
      expect(await ledger.list('failed', 'mail')).toEqual([]);
      await ledger.lane('mail').markRetry(mailEntry!.id, 'mailer', later(30_000), '451 try later');
      expect((await ledger.list('pending', 'mail'))[0]).toMatchObject({ attempts: 1, lastError: '451 try later', lane: 'mail' });
      expect(await ledger.lane('mail').claim('mailer', 5, 60_000, later(29_999))).toEqual([]);
      const [again] = await ledger.lane('mail').claim('mailer', 5, 60_000, later(30_000));
      await ledger.lane('mail').markSent(again!.id, 'mailer', later(30_001));
      expect((await ledger.list('sent', 'mail')).map((e) => e.id)).toEqual([mailEntry!.id]);
      expect((await ledger.list('failed', 'chat:telegram')).map((e) => e.id)).toEqual([mailEntry!.id]);
      expect(await ledger.lane('chat:telegram').claim('notifier', 5, 60_000, later(10_000_000))).toEqual([]);
    });

    it('fills the chat lane from every command that writes the outbox: cancel, promotion, caps, change', async () => {
      const ledger = await make();
      const now = ticker();
      const first = await ledger.register({ key: 'a', at: now(), registrant: telegram(1, [4, 7]), waitlistIfFull: false });
      if (!first.ok) throw new Error('setup');
      await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 4, cap: 1 });
      await ledger.register({ key: 'b', at: now(), registrant: telegram(2, [4, 7]), waitlistIfFull: true });
      await ledger.changeSession({ key: 'c', at: now(), registrationId: first.registration.id, sessionNumber: 8 });
      await ledger.setVenueCap({ key: 'v', at: now(), cap: 1 });
      await ledger.cancel({ key: 'x', at: now(), registrationId: first.registration.id });
      const kinds = (lane: 'mail' | 'chat:telegram') => ledger.list('pending', lane).then((entries) => entries.map((e) => `${e.kind}:${e.registration.owner}`));
      expect(await kinds('chat:telegram')).toEqual(await kinds('mail'));
      expect(await kinds('chat:telegram')).toEqual(expect.arrayContaining(['confirmation:telegram:1', 'confirmation:telegram:2', 'bumped:telegram:2', 'cancelled:telegram:1', 'promoted:telegram:2']));
    });

    it('counts the deliveries of every lane by state', async () => {
      const ledger = await make();
      const now = ticker();
      for (let n = 1; n <= 3; n++) await ledger.register({ key: `r${n}`, at: now(), registrant: n === 3 ? person(n) : telegram(n), waitlistIfFull: false });
      const [sent] = await ledger.lane('chat:telegram').claim('w', 1, 60_000, at);
      await ledger.lane('chat:telegram').markSent(sent!.id, 'w', at);
      const counts = await ledger.counts();
      expect(counts).toEqual(
        expect.arrayContaining([
          { lane: 'mail', state: 'pending', count: 3 },
          { lane: 'mail', state: 'sent', count: 0 },
          { lane: 'mail', state: 'failed', count: 0 },
          { lane: 'chat:telegram', state: 'pending', count: 1 },
          { lane: 'chat:telegram', state: 'sent', count: 1 },
          { lane: 'chat:telegram', state: 'failed', count: 0 },
        ]),
      );
      expect(counts).toHaveLength(6);
    });
  });
}
