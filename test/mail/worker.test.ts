import { afterEach, describe, expect, it } from 'vitest';
import type { Outbox, RegistrationRecord } from '../../src/core/index.ts';
import { MailWorker, smtpSender, startMailWorker, type MailSender } from '../../src/mail/index.ts';
import { MemoryOutbox } from '../../src/store/memory-outbox.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { closedPort, startSmtpServer, useSmtpServer } from '../helpers/smtp-server.ts';
import { loadEvent, manualClock, outboxEntry, recordingLogger, registrant, type ManualClock } from './fixtures.ts';

const event = loadEvent();
const from = { name: event.title, address: 'balie@example.org' };
const smtp = useSmtpServer();
const senders: MailSender[] = [];

afterEach(() => {
  senders.splice(0).forEach((s) => s.close());
  smtp().messages.splice(0);
});

function sender(url = smtp().url): MailSender {
  const made = smtpSender(url, from);
  senders.push(made);
  return made;
}

async function registered(ledger: MemorySeatLedger, n: number, clock: ManualClock): Promise<RegistrationRecord> {
  const result = await ledger.register({
    key: `reg-${n}`,
    at: clock.now(),
    registrant: registrant({ firstName: 'Anna', lastName: `Peeters${'x'.repeat(n)}`, email: `anna${n}@example.org`, owner: `test:${n}` }),
    waitlistIfFull: true,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.registration;
}

function setup(options: { url?: string; workerId?: string } = {}) {
  const clock = manualClock();
  const ledger = new MemorySeatLedger(event);
  const logger = recordingLogger();
  const worker = new MailWorker({ outbox: ledger, event, sender: sender(options.url), clock, logger, workerId: options.workerId ?? 'w1' });
  return { clock, ledger, logger, worker };
}

describe('MailWorker against a real SMTP server', { timeout: 30_000 }, () => {
  it('delivers a confirmation once and never again after it was recorded sent', async () => {
    const { clock, ledger, worker } = setup();
    await registered(ledger, 1, clock);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp().messages).toHaveLength(1);
    expect((await ledger.list('sent')).map((e) => e.kind)).toEqual(['confirmation']);
    clock.advance(7 * 24 * 3600_000);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp().messages).toHaveLength(1);
  });

  it('retries temporary rejections (451 after DATA, 450 at RCPT) with growing delays, then delivers', async () => {
    const { clock, ledger, worker } = setup();
    await registered(ledger, 1, clock);
    smtp().rejectNext({ code: 451, message: 'Try again later' });
    smtp().rejectNext({ code: 450, message: 'Mailbox busy', at: 'rcpt' });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(29_999);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(59_999);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp().rejectedCount()).toBeGreaterThanOrEqual(2);
    expect(smtp().messages).toHaveLength(1);
    expect(await ledger.list('pending')).toEqual([]);
  });

  it('treats 503 (bad command sequence) as temporary', async () => {
    const { clock, ledger, worker } = setup();
    await registered(ledger, 1, clock);
    smtp().rejectNext({ code: 503, message: 'Bad sequence' });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(30_000);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('records permanent rejections (550 at RCPT, 554 after DATA) as failed, for organisers, and never retries them', async () => {
    const { clock, ledger, logger, worker } = setup();
    const first = await registered(ledger, 1, clock);
    await registered(ledger, 2, clock);
    smtp().rejectNext({ code: 550, message: 'No such user', at: 'rcpt' });
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 1 });
    const failedOne = await ledger.list('failed');
    expect(failedOne).toHaveLength(1);
    expect(failedOne[0]?.registration.id).toBe(first.id);
    await registered(ledger, 3, clock);
    smtp().rejectNext({ code: 554, message: 'Message rejected' });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    clock.advance(30 * 24 * 3600_000);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await ledger.list('failed')).toHaveLength(2);
    expect(smtp().messages).toHaveLength(1);
    // The log says what happened to which entry, without names or addresses.
    expect(logger.lines.some((l) => l.includes('failed for good') && l.includes('"code":"550"'))).toBe(true);
    expect(logger.lines.join('\n')).not.toMatch(/anna|Peeters|example\.org/i);
  });

  it('retries when the server refuses the connection, and delivers once it is up', async () => {
    const port = await closedPort();
    const { clock, ledger, worker } = setup({ url: `smtp://127.0.0.1:${port}` });
    await registered(ledger, 1, clock);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const late = await startSmtpServer({ port });
    try {
      clock.advance(30_000);
      expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(late.messages).toHaveLength(1);
    } finally {
      await late.close();
    }
  });

  it('gives up after the configured number of temporary failures and records the entry as failed', async () => {
    const port = await closedPort();
    const clock = manualClock();
    const ledger = new MemorySeatLedger(event);
    const retry = { firstDelayMs: 1_000, maxDelayMs: 4_000, maxAttempts: 4 };
    const worker = new MailWorker({ outbox: ledger, event, sender: sender(`smtp://127.0.0.1:${port}`), clock, retry });
    await registered(ledger, 1, clock);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
      let waited = 0;
      while ((await ledger.lane('mail').claim('probe', 1, 1, clock.now())).length === 0) {
        clock.advance(500);
        waited += 500;
      }
      clock.advance(1);
      delays.push(waited);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await ledger.list('failed')).toHaveLength(1);
  });

  it('keeps the backoff and the count of attempts when the worker restarts', async () => {
    const port = await closedPort();
    const clock = manualClock();
    const ledger = new MemorySeatLedger(event);
    const retry = { firstDelayMs: 1_000, maxDelayMs: 4_000, maxAttempts: 4 };
    const failing = sender(`smtp://127.0.0.1:${port}`);
    // A new worker for every attempt, as after a restart: the outbox remembers the failures.
    const restarted = () => new MailWorker({ outbox: ledger, event, sender: failing, clock, retry, workerId: `w${clock.now().getTime()}` });
    await registered(ledger, 1, clock);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await restarted().drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
      let waited = 0;
      while ((await ledger.list('pending'))[0]!.attempts === attempt && (await ledger.lane('mail').claim('probe', 1, 1, clock.now())).length === 0) {
        clock.advance(500);
        waited += 500;
      }
      clock.advance(1);
      delays.push(waited);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(await restarted().drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [failed] = await ledger.list('failed');
    expect(failed).toMatchObject({ attempts: 4, lastError: expect.stringContaining('gave up after 4 attempts') });
  });

  it('after a crash between SMTP acceptance and markSent, a second worker sends at most one duplicate, with the same Message-ID', async () => {
    const clock = manualClock();
    const ledger = new MemorySeatLedger(event);
    // The first worker's process dies right after the server accepted: its markSent never lands.
    const crashing: Outbox = { lane: (lane) => ({ ...ledger.lane(lane), markSent: async () => {} }), list: (state, lane) => ledger.list(state, lane), counts: () => ledger.counts() };
    const leaseMs = 60_000;
    const a = new MailWorker({ outbox: crashing, event, sender: sender(), clock, workerId: 'a', leaseMs });
    const b = new MailWorker({ outbox: ledger, event, sender: sender(), clock, workerId: 'b', leaseMs });
    await registered(ledger, 1, clock);
    expect((await a.drain()).sent).toBe(1);
    expect(smtp().messages).toHaveLength(1);
    expect((await b.drain()).sent).toBe(0);
    clock.advance(leaseMs);
    expect((await b.drain()).sent).toBe(1);
    clock.advance(leaseMs * 10);
    expect((await b.drain()).sent).toBe(0);
    expect(smtp().messages).toHaveLength(2);
    const [first, second] = smtp().messages;
    expect(second?.parsed.messageId).toBe(first?.parsed.messageId);
    expect(first?.parsed.messageId).toMatch(/^<register=3areg-1=3aconfirmation=3a.+@balie\.netwerkdag-2020>$/);
    expect(await ledger.list('pending')).toEqual([]);
  });

  it('lets several workers share one outbox without sending any entry twice', async () => {
    const clock = manualClock();
    const ledger = new MemorySeatLedger(event);
    for (let n = 1; n <= 30; n += 1) await registered(ledger, n, clock);
    const workers = ['a', 'b', 'c'].map((workerId) => new MailWorker({ outbox: ledger, event, sender: sender(), clock, workerId, batchSize: 2 }));
    const reports = await Promise.all(workers.map((w) => w.drain()));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    const messageIds = smtp().messages.map((m) => m.parsed.messageId);
    expect(new Set(messageIds).size).toBe(30);
    expect(messageIds).toHaveLength(30);
  });
});

describe('startMailWorker', { timeout: 30_000 }, () => {
  it('polls the outbox on its own and stops cleanly', async () => {
    const ledger = new MemorySeatLedger(event);
    const notices: string[] = [];
    const handle = startMailWorker({ outbox: ledger, event, smtpUrl: smtp().url, pollMs: 20, notice: (line) => notices.push(line) });
    try {
      expect(notices).toEqual([`E-mail: sending over SMTP to smtp://127.0.0.1:${smtp().port}.`]);
      await registered(ledger, 1, manualClock());
      await smtp().waitForMessages(1, 5_000);
    } finally {
      // stop() waits for the pass in flight, so its markSent has landed when it resolves.
      await handle.stop();
    }
    expect((await ledger.list('sent')).length).toBe(1);
    await handle.stop();
  });

  it('drain() delivers everything due now', async () => {
    const ledger = new MemorySeatLedger(event);
    const handle = startMailWorker({ outbox: ledger, event, smtpUrl: smtp().url, pollMs: 60_000, notice: () => {} });
    try {
      for (let n = 1; n <= 7; n += 1) await registered(ledger, n, manualClock());
      const report = await handle.drain();
      expect(report.sent).toBe(7);
      expect(smtp().messages).toHaveLength(7);
    } finally {
      await handle.stop();
    }
  });

  it('never prints the SMTP password', async () => {
    const notices: string[] = [];
    const handle = startMailWorker({ outbox: new MemorySeatLedger(event), event, smtpUrl: 'smtp://balie:s3cret@127.0.0.1:2525', notice: (l) => notices.push(l) });
    await handle.stop();
    expect(notices.join('\n')).not.toContain('s3cret');
    expect(notices.join('\n')).toContain('smtp://127.0.0.1:2525');
  });
});

describe('an entry that cannot be rendered', { timeout: 30_000 }, () => {
  it('is recorded as failed instead of blocking the outbox', async () => {
    const outbox = new MemoryOutbox();
    const broken = outboxEntry('confirmation', { sessions: [1, 6] }, { id: 'broken' });
    (broken as { kind: string }).kind = 'not_a_kind';
    outbox.add(broken);
    outbox.add(outboxEntry('cancelled', {}, { id: 'fine' }));
    const worker = new MailWorker({ outbox, event, sender: sender(), clock: manualClock() });
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 1 });
    expect((await outbox.list('failed')).map((e) => e.id)).toEqual(['broken']);
  });
});
