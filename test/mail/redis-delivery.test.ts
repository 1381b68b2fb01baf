import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbox } from '../../src/core/index.ts';
import { MailWorker, smtpSender, type MailSender } from '../../src/mail/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';
import { loadEvent, manualClock, registrant, type ManualClock } from './fixtures.ts';

const event = loadEvent();

if (requireRedisServer()) {
  describe('mail delivery from the Redis outbox, two processes', { timeout: 60_000 }, () => {
    const server = useRedisServer();
    let smtp: TestSmtpServer;
    const cleanups: Array<() => void> = [];
    let run = 0;

    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(async () => {
      cleanups.forEach((cleanup) => cleanup());
      await smtp.close();
    });

    /** One "process": its own Redis connection, ledger and SMTP sender, on a key prefix shared by the test. */
    async function process(prefix: string): Promise<{ ledger: RedisSeatLedger; sender: MailSender }> {
      const client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
      const sender = smtpSender(smtp.url, { name: event.title, address: 'balie@example.org' });
      cleanups.push(() => {
        sender.close();
        client.destroy();
      });
      return { ledger: new RedisSeatLedger(client, event, { keyPrefix: prefix }), sender };
    }

    async function twoProcesses() {
      smtp.messages.splice(0);
      const prefix = `mail${++run}:`;
      const clock = manualClock();
      return { clock, one: await process(prefix), two: await process(prefix) };
    }

    async function register(ledger: RedisSeatLedger, n: number, clock: ManualClock): Promise<void> {
      const result = await ledger.register({ key: `k${n}`, at: clock.now(), registrant: registrant({ email: `p${n}@example.org`, owner: `t:${n}` }), waitlistIfFull: false });
      expect(result.ok).toBe(true);
    }

    it('records a permanent rejection as failed, visible to the other process', async () => {
      const { clock, one, two } = await twoProcesses();
      await register(one.ledger, 1, clock);
      smtp.rejectNext({ code: 550, message: 'No such user', at: 'rcpt' });
      const worker = new MailWorker({ outbox: one.ledger, event, sender: one.sender, clock, workerId: 'one' });
      expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect((await two.ledger.list('failed')).map((e) => e.registration.email)).toEqual(['p1@example.org']);
      expect(await two.ledger.lane('mail').claim('two', 10, 60_000, new Date(clock.now().getTime() + 86_400_000))).toEqual([]);
    });

    it('retries a temporary rejection and delivers it from whichever process is due first', async () => {
      const { clock, one, two } = await twoProcesses();
      await register(one.ledger, 1, clock);
      smtp.rejectNext({ code: 421, message: 'Service not available' });
      const a = new MailWorker({ outbox: one.ledger, event, sender: one.sender, clock, workerId: 'one' });
      const b = new MailWorker({ outbox: two.ledger, event, sender: two.sender, clock, workerId: 'two' });
      expect(await a.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
      expect(await b.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
      clock.advance(30_000);
      expect(await b.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
      expect(await one.ledger.list('pending')).toEqual([]);
    });

    it('after a crash between SMTP acceptance and markSent, the other process sends one duplicate with the same Message-ID', async () => {
      const { clock, one, two } = await twoProcesses();
      await register(one.ledger, 1, clock);
      const crashing: Outbox = { lane: (lane) => ({ ...one.ledger.lane(lane), markSent: async () => {} }), list: (state, lane) => one.ledger.list(state, lane), counts: () => one.ledger.counts() };
      const leaseMs = 60_000;
      const a = new MailWorker({ outbox: crashing, event, sender: one.sender, clock, workerId: 'one', leaseMs });
      const b = new MailWorker({ outbox: two.ledger, event, sender: two.sender, clock, workerId: 'two', leaseMs });
      expect((await a.drain()).sent).toBe(1);
      expect((await b.drain()).sent).toBe(0);
      clock.advance(leaseMs);
      expect((await b.drain()).sent).toBe(1);
      clock.advance(10 * leaseMs);
      expect((await a.drain()).sent + (await b.drain()).sent).toBe(0);
      const ids = smtp.messages.map((m) => m.parsed.messageId);
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBe(ids[1]);
      expect(await two.ledger.list('pending')).toEqual([]);
      expect(await two.ledger.list('sent')).toHaveLength(1);
    });
  });
}
