import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/core/index.ts';
import { MailWorker, smtpSender } from '../../src/mail/index.ts';
import { MemoryOutbox } from '../../src/store/memory-outbox.ts';
import { useSmtpServer } from '../helpers/smtp-server.ts';
import { loadEvent, manualClock, outboxEntry } from './fixtures.ts';

const event = loadEvent();
const smtp = useSmtpServer();


interface CalendarItem {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
}

/** A small RFC 5545 reader: unfolds lines, splits VEVENTs, reads UTC DATE-TIMEs. */
function parseIcs(text: string): { method: string; items: CalendarItem[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.filter((l) => l.length > 0).at(-1)).toBe('END:VCALENDAR');
  const unescape = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
  const utc = (v: string): Date => {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
    if (!m) throw new Error(`not a UTC date-time: ${v}`);
    const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
    return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  };
  const items: CalendarItem[] = [];
  let current: Record<string, string> | null = null;
  let method = '';
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      items.push({ uid: current.UID ?? '', start: utc(current.DTSTART ?? ''), end: utc(current.DTEND ?? ''), summary: unescape(current.SUMMARY ?? ''), location: unescape(current.LOCATION ?? '') });
      current = null;
    } else {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0] ?? '';
      if (current) current[name] = line.slice(colon + 1);
      else if (name === 'METHOD') method = line.slice(colon + 1);
    }
  }
  return { method, items };
}

/** Wall-clock "HH:MM" of an instant in Europe/Brussels. */
function brussels(instant: Date): string {
  return new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

async function calendarOf(entry: OutboxEntry): Promise<{ filename: string; contentType: string; text: string }> {
  const outbox = new MemoryOutbox();
  outbox.add(entry);
  const before = smtp().messages.length;
  const sender = smtpSender(smtp().url, { name: event.title, address: 'balie@example.org' });
  await new MailWorker({ outbox, event, sender, clock: manualClock() }).drain();
  sender.close();
  const mail = (await smtp().waitForMessages(before + 1))[before];
  const attachment = mail?.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!attachment) throw new Error('no calendar attachment');
  return { filename: attachment.filename ?? '', contentType: attachment.contentType, text: attachment.content.toString('utf8') };
}

describe('the .ics attachment', { timeout: 30_000 }, () => {
  it('holds the day and both sessions at the right Europe/Brussels times (after the DST change: UTC+1)', async () => {
    const { filename, text } = await calendarOf(outboxEntry('confirmation', { sessions: [1, 6] }));
    expect(filename).toBe('netwerkdag-2020.ics');
    const { method, items } = parseIcs(text);
    expect(method).toBe('PUBLISH');
    expect(items).toHaveLength(3);
    const [day, first, second] = items;
    expect(day?.start.toISOString()).toBe('2020-10-29T11:15:00.000Z');
    expect(day?.end.toISOString()).toBe('2020-10-29T15:45:00.000Z');
    expect([brussels(day!.start), brussels(day!.end)]).toEqual(['12:15', '16:45']);
    expect(day?.location).toBe('Provinciehuis Vlaams-Brabant, Provincieplein 1, 3010 Leuven');
    expect(first?.start.toISOString()).toBe('2020-10-29T12:30:00.000Z');
    expect([brussels(first!.start), brussels(first!.end)]).toEqual(['13:30', '15:00']);
    expect(first?.summary).toBe('Sessie 1: Sociale clausules bij overheidsopdrachten');
    expect(first?.location).toContain('Spoor 95');
    expect([brussels(second!.start), brussels(second!.end)]).toEqual(['15:15', '16:45']);
    expect(second?.summary).toBe('Sessie 6: Ook getest op lokale besturen: werkplekleren');
    expect(second?.location).toContain('Provincieraadzaal');
    expect(new Set(items.map((i) => i.uid)).size).toBe(3);
  });

  it('is in English for an English registrant and keeps the UIDs per series across a change', async () => {
    const confirmation = parseIcs((await calendarOf(outboxEntry('confirmation', { language: 'en', sessions: [1, 6] }))).text);
    const changed = parseIcs(
      (
        await calendarOf(
          outboxEntry('session_changed', { language: 'en', sessions: [2, 6], updatedAt: '2020-10-02T08:00:00.000Z' }, { id: 'out-change', previousSessions: [1, 6] }),
        )
      ).text,
    );
    expect(changed.items[1]?.summary).toBe('Session 2: What is arbeidszorg (supported care work)?');
    expect(changed.items.map((i) => i.uid)).toEqual(confirmation.items.map((i) => i.uid));
    expect(changed.items[1]?.location).toContain('Provincieraadzaal');
  });
});
