import { describe, expect, it } from 'vitest';
import type { RegistrationRecord } from '../../src/core/index.ts';
import { escapeHtml, isSafeAddress, MailWorker, messageIdFor, renderMail, smtpSender } from '../../src/mail/index.ts';
import { MemoryOutbox } from '../../src/store/memory-outbox.ts';
import { useSmtpServer, type CapturedMail } from '../helpers/smtp-server.ts';
import { loadEvent, manualClock, outboxEntry, recordingLogger } from './fixtures.ts';

const event = loadEvent();
const smtp = useSmtpServer();


/** Delivers one confirmation for a registration with these fields; returns what the server got and the outbox. */
async function deliver(overrides: Partial<RegistrationRecord>, id: string) {
  const outbox = new MemoryOutbox();
  outbox.add(outboxEntry('confirmation', overrides, { id }));
  const before = smtp().messages.length;
  const sender = smtpSender(smtp().url, { name: event.title, address: 'balie@example.org' });
  const logger = recordingLogger();
  const report = await new MailWorker({ outbox, event, sender, clock: manualClock(), logger }).drain();
  sender.close();
  const captured: CapturedMail[] = report.sent > 0 ? (await smtp().waitForMessages(before + report.sent)).slice(before) : [];
  return { report, captured, outbox, logger };
}

describe('markup in names and organisations', { timeout: 30_000 }, () => {
  it('is escaped in the HTML part and kept as typed in the text part', async () => {
    const { captured } = await deliver(
      {
        firstName: '<script>alert(1)</script>',
        lastName: 'O\'Brien & "Zonen"',
        organisation: '<img src=x onerror=alert(1)> vzw',
        book: { shippingAddress: { street: '<b>Kerkstraat</b> 12', postalCode: '3020', city: 'Herent</td>', country: 'BE' } },
      },
      'markup',
    );
    const mail = captured[0];
    const html = typeof mail?.parsed.html === 'string' ? mail.parsed.html : '';
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>|Herent<\/td>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &amp; &quot;Zonen&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; vzw');
    expect(html).toContain('&lt;b&gt;Kerkstraat&lt;/b&gt; 12');
    expect(mail?.parsed.text).toContain('<script>alert(1)</script>');
    expect(mail?.parsed.text).toContain('Organisatie: <img src=x onerror=alert(1)> vzw');
  });

  it('escapes every character that matters in HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('header injection', { timeout: 30_000 }, () => {
  it('through a name: CR/LF are stripped, no extra header or recipient appears', async () => {
    const { captured } = await deliver(
      { firstName: 'Anna\r\nBcc: victim@evil.example', lastName: 'Peeters\nSubject: hacked\r\n\r\n<h1>body</h1>' },
      'name-injection',
    );
    const mail = captured[0];
    expect(mail?.envelope.to).toEqual(['anna.peeters@example.org']);
    expect(mail?.parsed.headers.has('bcc')).toBe(false);
    expect(mail?.parsed.subject).toBe('Bevestiging van je inschrijving: Netwerkdag sociale economie');
    expect(mail?.raw).not.toMatch(/^(Bcc|Subject: hacked)/im);
    const to = mail?.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value : [];
    expect(to).toHaveLength(1);
    expect(to[0]?.address).toBe('anna.peeters@example.org');
    expect(to[0]?.name).not.toMatch(/[\r\n]/);
    expect(mail?.parsed.text).toContain('Beste Anna Bcc: victim@evil.example,');
  });

  for (const [label, email] of [
    ['CR/LF and a Bcc header', 'anna@example.org\r\nBcc: victim@evil.example'],
    ['a second address after a comma', 'anna@example.org, victim@evil.example'],
    ['a display name with brackets', 'Anna <victim@evil.example>'],
    ['a bare LF', 'anna@example.org\nX-Injected: 1'],
    ['a quoted local part', '"anna\\r\\n"@example.org'],
  ] as const) {
    it(`through the e-mail field (${label}): nothing is sent, the entry is recorded as failed`, async () => {
      const { report, captured, outbox, logger } = await deliver({ email: email }, `mail-injection-${label}`);
      expect(report).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect(captured).toEqual([]);
      expect(await outbox.list('failed')).toHaveLength(1);
      expect(logger.lines.join('\n')).not.toContain('evil.example');
    });
  }

  it('accepts only plain single addresses', () => {
    expect(isSafeAddress('anna.peeters+netwerkdag@example.org')).toBe(true);
    expect(isSafeAddress('ANNA@Example.ORG')).toBe(true);
    expect(isSafeAddress(' anna@example.org')).toBe(false);
    expect(isSafeAddress('anna@example')).toBe(false);
    expect(isSafeAddress('anna@example.org\r\n')).toBe(false);
  });
});

describe('Message-ID', { timeout: 30_000 }, () => {
  it('is stable per entry, distinct between entries, and holds only msg-id characters', () => {
    const ids = ['register:key-1:confirmation:abc', 'register:key=3a1:confirmation:abc', 'x y<z>@"w"', 'é', 'a'.repeat(500)];
    const made = ids.map((id) => messageIdFor(id, 'netwerkdag-2020'));
    expect(new Set(made).size).toBe(ids.length);
    expect(made.map((id, i) => messageIdFor(ids[i] ?? '', 'netwerkdag-2020') === id)).toEqual(ids.map(() => true));
    for (const id of made) expect(id).toMatch(/^<[A-Za-z0-9_=.-]{1,200}@balie\.netwerkdag-2020>$/);
  });

  it('is the same in every attempt at the same entry', () => {
    const entry = outboxEntry('confirmation', {}, { id: 'register:k:confirmation:r1' });
    const first = renderMail(entry, event);
    const second = renderMail(structuredClone(entry), event);
    expect(first.ok && second.ok && first.mail.messageId === second.mail.messageId).toBe(true);
  });
});
