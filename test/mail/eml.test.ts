import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { emlFileName, emlFileSender, messageIdFor, renderMail, startMailWorker } from '../../src/mail/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { loadEvent, outboxEntry, registrant } from './fixtures.ts';

const event = loadEvent();
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'balie-eml-'));
  dirs.push(dir);
  return join(dir, 'outbox');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('without SMTP_URL: .eml files', { timeout: 30_000 }, () => {
  it('writes every mail as a complete .eml file, named by its Message-ID, and says where on start', async () => {
    const dir = tempDir();
    const ledger = new MemorySeatLedger(event);
    const notices: string[] = [];
    const handle = startMailWorker({ outbox: ledger, event, outboxDir: dir, pollMs: 60_000, notice: (line) => notices.push(line) });
    try {
      expect(notices).toEqual([`E-mail: no SMTP_URL set, mails are written as .eml files to ${resolve(dir)}`]);
      const at = new Date('2020-10-01T08:00:00Z');
      await ledger.register({ key: 'k1', at, registrant: registrant(), waitlistIfFull: false });
      await ledger.register({ key: 'k2', at, registrant: registrant({ email: 'bert@example.org', firstName: 'Bert', language: 'en', book: null }), waitlistIfFull: false });
      expect(await handle.drain()).toEqual({ sent: 2, retried: 0, failed: 0 });
    } finally {
      await handle.stop();
    }
    const sent = await ledger.list('sent');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(sent.map((e) => emlFileName(messageIdFor(e.id, event.id))).sort());
    const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
    const byAddress = new Map(parsed.map((p) => [p.to && !Array.isArray(p.to) ? p.to.value[0]?.address : '', p]));
    const anna = byAddress.get('anna.peeters@example.org');
    expect(anna?.subject).toBe('Bevestiging van je inschrijving: Netwerkdag sociale economie');
    expect(anna?.text).toContain('Kerkstraat 12, 3020 Herent, België');
    expect(anna?.attachments.map((a) => a.filename)).toEqual(['netwerkdag-2020.ics']);
    expect(anna?.from?.value[0]).toEqual({ name: 'Netwerkdag sociale economie', address: 'sociale.economie@vlaamsbrabant.be' });
    const bert = byAddress.get('bert@example.org');
    expect(bert?.subject).toBe('Your registration is confirmed: Netwerkdag sociale economie');
    expect(bert?.messageId).toBe(messageIdFor(sent.find((e) => e.registration.email === 'bert@example.org')?.id ?? '', event.id));
  });

  it('overwrites the file of a mail written again after a crash, and leaves no partial file', async () => {
    const dir = tempDir();
    const sender = emlFileSender(dir, { name: 'Balie', address: 'balie@example.org' });
    const rendered = renderMail(outboxEntry('confirmation'), event);
    if (!rendered.ok) throw new Error('render failed');
    expect((await sender.send(rendered.mail)).ok).toBe(true);
    expect((await sender.send(rendered.mail)).ok).toBe(true);
    expect(readdirSync(dir)).toEqual([emlFileName(rendered.mail.messageId)]);
    sender.close();
  });

  it('reports a directory it cannot write as a temporary failure, so nothing is lost', async () => {
    const dir = tempDir();
    const blocker = join(dir, '..', 'file');
    rmSync(blocker, { force: true });
    writeFileSync(blocker, 'not a directory');
    const sender = emlFileSender(join(blocker, 'outbox'), { name: 'Balie', address: 'balie@example.org' });
    const rendered = renderMail(outboxEntry('confirmation'), event);
    if (!rendered.ok) throw new Error('render failed');
    const outcome = await sender.send(rendered.mail);
    expect(outcome).toMatchObject({ ok: false, reason: 'temporary' });
  });

  it('defaults to ./outbox', async () => {
    const handle = startMailWorker({ outbox: new MemorySeatLedger(event), event, notice: () => {} });
    await handle.stop();
    expect(handle.destination).toBe(resolve('outbox'));
  });
});
