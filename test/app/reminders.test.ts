import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, reminderDueAt, type EventData, type Outbox, type PersonalDataLedger, type SeatLedger } from '../../src/core/index.ts';
import { PrivacyJobs } from '../../src/app/privacy-jobs.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { createRedisStores, type RedisStores } from '../../src/store/redis-stores.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, person, ticker } from '../store/seat-ledger.fixtures.ts';

type Ledger = SeatLedger & Outbox & { privacy: PersonalDataLedger };

const hour = 3600_000;

/** The jobs of one process with its clock at `at`. */
function jobs(event: EventData, ledger: Ledger, at: Date): PrivacyJobs {
  return new PrivacyJobs({ event, clock: fixedClock(at), privacy: ledger.privacy, reminderDays: 2, purgeDaysAfter: 30 });
}

/**
 * Five people on a venue of four: #1-#3 confirmed, #4 confirmed then cancelled, #5 waiting.
 * Owners on `telegram` get a chat lane next to the mail.
 */
async function fill(ledger: Ledger): Promise<{ cancelledId: string; waitingId: string }> {
  const at = ticker();
  const ids: string[] = [];
  for (let n = 1; n <= 5; n++) {
    const result = await ledger.register({ key: `r${n}`, at: at(), registrant: person(n, [1, 5], { owner: `telegram:${n}` }), waitlistIfFull: true });
    if (!result.ok) throw new Error(result.reason);
    ids.push(result.registration.id);
  }
  const cancelled = await ledger.cancel({ key: 'c4', at: at(), registrationId: ids[3] as string });
  if (!cancelled.ok) throw new Error(cancelled.reason);
  // The cancel freed a seat: #5 came off the waiting list. Lower the venue so #5 waits again.
  await ledger.setVenueCap({ key: 'v3', at: at(), cap: 3 });
  return { cancelledId: ids[3] as string, waitingId: ids[4] as string };
}

async function reminders(outbox: Outbox, lane: 'mail' | 'chat:telegram' = 'mail') {
  return (await outbox.list('pending', lane)).filter((e) => e.kind === 'reminder');
}

const event = eventWith({ venue: 4 });
const due = reminderDueAt(event, 2);

describe('reminders before the event (memory ledger, the clock moved)', () => {
  it('writes nothing three days before, then one reminder per confirmed person two days before, never twice', async () => {
    const ledger = new MemorySeatLedger(event, { chatChannels: ['telegram'] });
    const { cancelledId, waitingId } = await fill(ledger);
    expect(await jobs(event, ledger, new Date(due.getTime() - 24 * hour)).runOnce()).toEqual({ reminders: 0, purged: null });
    expect(await reminders(ledger)).toEqual([]);

    const pass = await jobs(event, ledger, new Date(due.getTime() + hour)).runOnce();
    expect(pass.reminders).toBe(3);
    const mails = await reminders(ledger);
    expect(mails.map((e) => e.registration.lastName).sort()).toEqual(['Nummer 1', 'Nummer 2', 'Nummer 3']);
    expect(mails.map((e) => e.registration.id)).not.toContain(cancelledId);
    expect(mails.map((e) => e.registration.id)).not.toContain(waitingId);
    expect((await reminders(ledger, 'chat:telegram')).length).toBe(3);

    expect((await jobs(event, ledger, new Date(due.getTime() + 2 * hour)).runOnce()).reminders).toBe(0);
    expect((await reminders(ledger)).length).toBe(3);
  });

  it('reminds someone confirmed later (promoted off the waiting list) in a later pass, and nobody once the event has started', async () => {
    const ledger = new MemorySeatLedger(event);
    const { waitingId } = await fill(ledger);
    await jobs(event, ledger, due).runOnce();
    await ledger.setVenueCap({ key: 'v4', at: due, cap: 4 });
    expect((await ledger.get(waitingId))?.status).toBe('confirmed');
    const started = new Date(Date.parse('2020-10-29T11:15:00Z'));
    expect((await jobs(event, ledger, started).runOnce()).reminders).toBe(0);
    expect((await jobs(event, ledger, new Date(due.getTime() + hour)).runOnce()).reminders).toBe(1);
  });
});

if (requireRedisServer()) {
  const server = useRedisServer();
  const open: RedisStores[] = [];
  const connect = async (id: string) => {
    const stores = await createRedisStores({ url: server().url, event: eventWith({ venue: 4, id }), chatChannels: ['telegram'] });
    open.push(stores);
    return stores;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  describe('reminders in Redis: two processes, a restart', () => {
    it('two processes passing at once write each reminder once; after a restart nothing is written again', async () => {
      const id = 'reminders-two';
      const [a, b] = [await connect(id), await connect(id)];
      const ev = eventWith({ venue: 4, id });
      const { cancelledId, waitingId } = await fill(a.ledger);
      const at = new Date(due.getTime() + hour);
      const passes = await Promise.all([jobs(ev, a.ledger, at).runOnce(), jobs(ev, b.ledger, at).runOnce(), jobs(ev, a.ledger, at).runOnce()]);
      expect(passes.reduce((sum, p) => sum + p.reminders, 0)).toBe(3);
      const mails = await reminders(a.ledger);
      expect(mails.length).toBe(3);
      expect(new Set(mails.map((e) => e.registration.id)).size).toBe(3);
      expect(mails.map((e) => e.registration.id)).not.toContain(cancelledId);
      expect(mails.map((e) => e.registration.id)).not.toContain(waitingId);
      expect(mails[0]?.registration.email).toMatch(/^persoon\d@example\.be$/);
      expect((await reminders(b.ledger, 'chat:telegram')).length).toBe(3);

      // A worker of process b sends them; then both processes stop and one starts again.
      const queue = b.ledger.lane('mail');
      for (const entry of await queue.claim('worker-b', 100, 60_000, new Date())) if (entry.kind === 'reminder') await queue.markSent(entry.id, 'worker-b', new Date());
      await Promise.all(open.splice(0).map((s) => s.close()));
      const restarted = await connect(id);
      expect((await jobs(ev, restarted.ledger, new Date(at.getTime() + hour)).runOnce()).reminders).toBe(0);
      expect((await restarted.ledger.list('sent', 'mail')).filter((e) => e.kind === 'reminder').length).toBe(3);
      expect(await reminders(restarted.ledger)).toEqual([]);
    });
  });
}

describe('a reminder to someone who cancelled after it was written', () => {
  it('is withdrawn by the mail worker instead of sent; the others go', async () => {
    const { MailWorker } = await import('../../src/mail/index.ts');
    const { reminderWithdrawn } = await import('../../src/app/privacy-jobs.ts');
    const ledger = new MemorySeatLedger(event);
    await fill(ledger);
    await jobs(event, ledger, due).runOnce();
    const [first] = await reminders(ledger);
    if (!first) throw new Error('no reminder');
    const cancelled = await ledger.cancel({ key: 'late', at: due, registrationId: first.registration.id });
    expect(cancelled.ok).toBe(true);
    const sent: string[] = [];
    const sender = { description: 'test', close: () => undefined, send: async (mail: { subject: string; to: { address: string } }) => (sent.push(`${mail.to.address} ${mail.subject}`), { ok: true as const }) };
    const worker = new MailWorker({ outbox: ledger, event, sender, batchSize: 100, withdrawn: reminderWithdrawn(ledger) });
    const report = await worker.drain();
    expect(report.failed).toBe(1);
    const remindersSent = sent.filter((line) => line.includes('Herinnering'));
    expect(remindersSent.length).toBe(2);
    expect(remindersSent.join('\n')).not.toContain(first.registration.email);
    expect((await ledger.list('failed', 'mail')).map((e) => [e.kind, e.lastError])).toEqual([['reminder', 'withdrawn: no longer confirmed when the reminder was to go']]);
  });
});
