import { createHash } from 'node:crypto';
import { checkEmail, outboxRecipient, type EventData, type OutboxEntry, type Result } from '../core/index.ts';
import { mailCatalogues } from './catalogue.ts';
import { checkinCid, checkinTexts, type CheckinImage } from './checkin-block.ts';
import { carriesCalendar, mailContent, type MailLinks, type WaitlistPlaces } from './content.ts';
import { buildIcs } from './ics.ts';
import { oneLine, renderHtml, renderText } from './layout.ts';

/** A mail ready for any transport: structured fields only, so the transport builds the headers. */
export interface RenderedMail {
  /** `<entryId@balie.eventId>`: the same for every attempt, so a resend is recognisable. */
  messageId: string;
  to: { name: string; address: string };
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** The calendar file; the check-in QR code as an inline image (`cid`). */
  attachments: Array<{ filename: string; content: string | Buffer; contentType: string; cid?: string }>;
}

/** Why an entry cannot become a mail at all; retrying would not help. */
export type RenderProblem = { reason: 'invalid_recipient' };

// Local part and domain of the addresses Balie sends to: no quotes, spaces, brackets or commas.
const plainAddress = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Whether `address` is one plain address that cannot smuggle a header or a second recipient. */
export function isSafeAddress(address: string): boolean {
  const checked = checkEmail(address);
  return checked.ok && checked.value === address && plainAddress.test(address);
}

/**
 * A Message-ID for an outbox entry, stable per entry. Characters other than letters, digits,
 * underscore and dash are written as `=` and their UTF-8 hex (so distinct ids stay distinct); a very
 * long id is replaced by its SHA-256.
 */
export function messageIdFor(entryId: string, eventId: string): string {
  const encoded = [...Buffer.from(entryId, 'utf8')]
    .map((byte) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `=${byte.toString(16).padStart(2, '0')}`))
    .join('');
  const left = encoded.length <= 160 ? encoded : `sha256.${createHash('sha256').update(entryId).digest('hex')}`;
  return `<${left}@balie.${eventId}>`;
}

/**
 * Renders one outbox entry as a mail in the registrant's language: plain text, HTML and, when
 * the person holds seats, the calendar file. Pure: no clock, no I/O (the entry's time stamps it).
 */
export function renderMail(entry: OutboxEntry, event: EventData, links: MailLinks = {}, checkin: CheckinImage | null = null, places?: WaitlistPlaces): Result<{ mail: RenderedMail }, RenderProblem> {
  const registration = entry.registration;
  const address = outboxRecipient(entry).trim();
  if (!isSafeAddress(address)) return { ok: false, reason: 'invalid_recipient' };
  const catalogue = mailCatalogues[registration.language] ?? mailCatalogues.nl;
  const content = mailContent(entry, event, catalogue, links, places);
  const subject = oneLine(content.subject);
  const attachments: RenderedMail['attachments'] = [];
  if (checkin) {
    const texts = checkinTexts[registration.language] ?? checkinTexts.nl;
    // Before the contact line and the sign-off, the last two blocks of every mail.
    content.blocks.splice(Math.max(0, content.blocks.length - 2), 0, { kind: 'checkin', heading: texts.heading, hint: texts.hint, label: texts.code, code: checkin.code, cid: checkinCid });
    attachments.push({ filename: 'check-in.png', content: checkin.png, contentType: 'image/png', cid: checkinCid });
  }
  if (carriesCalendar(entry)) {
    attachments.push({
      filename: `${event.id}.ics`,
      content: buildIcs(event, registration, catalogue, new Date(entry.createdAt)),
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    });
  }
  if (entry.kind === 'data_export' && entry.dataExport) {
    attachments.push({ filename: `${event.id}-${catalogue.locale.startsWith('nl') ? 'mijn-gegevens' : 'my-data'}.json`, content: entry.dataExport, contentType: 'application/json; charset=utf-8' });
  }
  return {
    ok: true,
    mail: {
      messageId: messageIdFor(entry.id, event.id),
      to: { name: oneLine(`${registration.firstName} ${registration.lastName}`), address },
      replyTo: event.contact,
      subject,
      text: renderText(content.blocks),
      html: renderHtml(content.blocks, subject, registration.language),
      attachments,
    },
  };
}
