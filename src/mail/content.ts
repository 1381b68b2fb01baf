import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { findSession, movedEmail, seriesOf, sessionInSeries, sessionTitle, type EventData, type OutboxEntry, type RegistrantDetails, type RegistrationRecord } from '../core/index.ts';
import type { MailCatalogue } from './catalogue.ts';
import { oneLine, type MailBlock } from './layout.ts';

/** The words of one mail: its subject and its blocks, before they become text and HTML. */
export interface MailContent {
  subject: string;
  blocks: MailBlock[];
}

/** "13:30–15:00": series times are wall-clock times of the event's zone, shown as they are. */
function timeRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/** One session as a fact row: the series label and "session 1, title (13:30–15:00, room)". */
function sessionRow(event: EventData, c: MailCatalogue, sessionNumber: number): [string, string] {
  const session = findSession(event, sessionNumber);
  if (!session) return [c.seriesLabel(0), String(sessionNumber)];
  const series = seriesOf(event, session);
  return [
    c.seriesLabel(series.id),
    c.session({ number: session.number, title: sessionTitle(session, c.lang), time: timeRange(series.start, series.end), room: session.room }),
  ];
}

/**
 * Every series of the event as a row: the session held, the one waited for (with the one held
 * meanwhile), or none. Series order; rows of sessions the event no longer has come last.
 */
function seriesRows(event: EventData, c: MailCatalogue, r: RegistrationRecord, places?: WaitlistPlaces): Array<[string, string]> {
  const text = (n: number) => sessionRow(event, c, n)[1];
  return event.series.map((series): [string, string] => {
    const held = sessionInSeries(event, r.sessions, series.id);
    const waited = sessionInSeries(event, r.waitingFor, series.id);
    if (waited !== undefined) return [c.seriesLabel(series.id), c.waitingFor(text(waited), held === undefined ? null : text(held), places?.get(waited) ?? null)];
    return held === undefined ? [c.seriesLabel(series.id), c.noSession] : sessionRow(event, c, held);
  });
}

function formatPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}

function formatCountry(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function formatEur(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
}

/** "donderdag 29 oktober 2020" in the event's zone. */
function formatEventDate(event: EventData, locale: string): string {
  const [y, m, d] = event.date.split('-').map(Number) as [number, number, number];
  // Noon UTC is the same calendar day in every zone Balie's events use.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

function bookRows(event: EventData, c: MailCatalogue, book: RegistrantDetails['book']): Array<[string, string]> {
  if (!book || !event.book) return [[c.fields.book, c.noBook]];
  const a = book.shippingAddress;
  return [
    [c.fields.book, c.bookOrdered(event.book.title, formatEur(event.book.priceEur, c.locale))],
    [c.fields.shippingAddress, `${oneLine(a.street)}, ${oneLine(a.postalCode)} ${oneLine(a.city)}, ${formatCountry(a.country, c.locale)}`],
  ];
}

function overviewRows(event: EventData, c: MailCatalogue, r: RegistrationRecord, places?: WaitlistPlaces): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [c.fields.name, `${oneLine(r.firstName)} ${oneLine(r.lastName)}`],
    [c.fields.email, oneLine(r.email)],
    [c.fields.phone, formatPhone(r.phone)],
    [c.fields.organisation, oneLine(r.organisation)],
    [c.fields.organisationType, c.organisationTypes[r.organisationType]],
    ...seriesRows(event, c, r, places),
    ...bookRows(event, c, r.book),
  ];
  rows.push([c.fields.reference, r.id]);
  return rows;
}

/** What a details change changed: the e-mail address, the book and its shipping address, each before and now where it differs. */
function detailsChangedRows(event: EventData, c: MailCatalogue, before: RegistrantDetails, r: RegistrationRecord): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const compare = (label: string, was: string, is: string) => {
    if (was !== is) rows.push([`${label}, ${c.previously.toLowerCase()}`, was], [`${label}, ${c.now.toLowerCase()}`, is]);
  };
  const [was, is] = [bookRows(event, c, before.book), bookRows(event, c, r.book)];
  compare(c.fields.email, oneLine(before.email), oneLine(r.email));
  compare(c.fields.book, was[0]?.[1] ?? '', is[0]?.[1] ?? '');
  compare(c.fields.shippingAddress, was[1]?.[1] ?? '–', is[1]?.[1] ?? '–');
  return rows;
}

function holdingRows(event: EventData, c: MailCatalogue, r: RegistrationRecord, cancelled: boolean, places?: WaitlistPlaces): Array<[string, string]> {
  const status = cancelled ? c.status.cancelled : c.status[r.status];
  const rows: Array<[string, string]> = [[c.fields.status, status]];
  if (!cancelled) rows.push(...seriesRows(event, c, r, places));
  rows.push([c.fields.reference, r.id]);
  return rows;
}

function changedRows(event: EventData, c: MailCatalogue, before: number[], now: number[]): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  now.forEach((sessionNumber, index) => {
    const previous = before[index];
    if (previous === undefined || previous === sessionNumber) return;
    const [label, was] = sessionRow(event, c, previous);
    const [, is] = sessionRow(event, c, sessionNumber);
    rows.push([`${label}, ${c.previously.toLowerCase()}`, was], [`${label}, ${c.now.toLowerCase()}`, is]);
  });
  return rows;
}

function practicalRows(event: EventData, c: MailCatalogue): Array<[string, string]> {
  const v = event.venue;
  return [
    [c.eventWhenLabel, c.eventWhen(formatEventDate(event, c.locale), timeRange(event.hours.start, event.hours.end))],
    [c.eventWhere, `${v.name}, ${v.street}, ${v.postalCode} ${v.city}`],
  ];
}

/** Whether a mail of this kind carries the calendar file: when the person holds seats after it (and, after a details change, only at a new address). */
export function carriesCalendar(entry: OutboxEntry): boolean {
  if (entry.registration.status !== 'confirmed') return false;
  return ['confirmation', 'session_changed', 'promoted', 'reminder'].includes(entry.kind) || (entry.kind === 'details_changed' && movedEmail(entry));
}

/** Links a mail may carry, made by the host (a signed URL); absent when Balie has no public URL. */
export interface MailLinks {
  /** The page where the person says "ik kan toch niet komen" (one confirmation, then cancelled). */
  cancelUrl?: string;
}

/** A registration's place on each session waiting list it is on (session number -> 1-based place), read when the mail is sent. */
export type WaitlistPlaces = ReadonlyMap<number, number>;

/** The reminder: the sessions with their rooms, the day, the calendar file, and the one-step way out. */
function reminder(entry: OutboxEntry, event: EventData, c: MailCatalogue, links: MailLinks): MailContent {
  const r = entry.registration;
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: c.greeting(oneLine(r.firstName)) },
    { kind: 'paragraph', text: c.intro.reminder },
    { kind: 'facts', heading: c.nowHoldingHeading, rows: holdingRows(event, c, r, false) },
    { kind: 'facts', heading: c.eventHeading, rows: practicalRows(event, c) },
    { kind: 'paragraph', text: c.calendarHint },
    { kind: 'heading', text: c.cannotComeHeading },
    links.cancelUrl ? { kind: 'link', text: c.cannotComeLink, label: c.cannotComeLinkLabel, url: links.cancelUrl } : { kind: 'paragraph', text: c.cannotComeChat },
    { kind: 'paragraph', text: c.contact(event.contact) },
    { kind: 'paragraph', text: c.signOff.reminder },
  ];
  return { subject: c.subject.reminder(event.title), blocks };
}

/** The mail with a person's data attached (the attachment is made by renderMail). */
function dataExport(entry: OutboxEntry, event: EventData, c: MailCatalogue): MailContent {
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: c.greeting(oneLine(entry.registration.firstName)) },
    { kind: 'paragraph', text: c.intro.data_export },
    { kind: 'paragraph', text: c.dataExportHint },
    { kind: 'paragraph', text: c.contact(event.contact) },
    { kind: 'paragraph', text: c.signOff.data_export },
  ];
  return { subject: c.subject.data_export(event.title), blocks };
}

/** The notice to the address a registration left: no new address and no details, in case the old one was never theirs. */
function oldEmailNotice(entry: OutboxEntry, event: EventData, c: MailCatalogue): MailContent {
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: c.greeting(oneLine(entry.registration.firstName)) },
    { kind: 'paragraph', text: c.intro.old_email_notice },
    { kind: 'paragraph', text: c.notYou(event.contact) },
    { kind: 'paragraph', text: c.signOff.old_email_notice },
  ];
  return { subject: c.subject.old_email_notice(event.title), blocks };
}

/** The words of the mail for one outbox entry, in the catalogue's language. */
export function mailContent(entry: OutboxEntry, event: EventData, c: MailCatalogue, links: MailLinks = {}, places?: WaitlistPlaces): MailContent {
  if (entry.kind === 'old_email_notice') return oldEmailNotice(entry, event, c);
  if (entry.kind === 'reminder') return reminder(entry, event, c, links);
  if (entry.kind === 'data_export') return dataExport(entry, event, c);
  const r = entry.registration;
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: c.greeting(oneLine(r.firstName)) },
    { kind: 'paragraph', text: sessionKind(entry) ? c.sessionIntro[sessionKind(entry)!](entry.sessionNumber!) : c.intro[entry.kind] },
  ];
  if (entry.kind === 'organiser_message' && entry.message) blocks.push({ kind: 'paragraph', text: entry.message[r.language] || entry.message.nl });
  if (entry.kind === 'confirmation') {
    blocks.push({ kind: 'facts', heading: c.overviewHeading, rows: overviewRows(event, c, r, places) });
  } else if (entry.kind === 'details_changed') {
    const rows = entry.previousDetails ? detailsChangedRows(event, c, entry.previousDetails, r) : [];
    if (rows.length > 0) blocks.push({ kind: 'facts', heading: c.changedHeading, rows });
    const overview = overviewRows(event, c, r, places);
    overview.splice(-1, 0, [c.fields.status, c.status[r.status]]);
    blocks.push({ kind: 'facts', heading: c.overviewHeading, rows: overview });
  } else {
    if (entry.kind === 'session_changed' && entry.previousSessions) {
      const rows = changedRows(event, c, entry.previousSessions, r.sessions);
      if (rows.length > 0) blocks.push({ kind: 'facts', heading: c.changedHeading, rows });
    }
    blocks.push({ kind: 'facts', heading: c.nowHoldingHeading, rows: holdingRows(event, c, r, entry.kind === 'cancelled', places) });
  }
  if (entry.kind !== 'cancelled') blocks.push({ kind: 'facts', heading: c.eventHeading, rows: practicalRows(event, c) });
  if (carriesCalendar(entry)) blocks.push({ kind: 'paragraph', text: c.calendarHint });
  if (entry.kind !== 'cancelled') {
    blocks.push({ kind: 'heading', text: c.manageHeading }, { kind: 'paragraph', text: r.forSomeoneElse ? c.manageByOther : c.manage });
  }
  blocks.push({ kind: 'paragraph', text: c.contact(event.contact) }, { kind: 'paragraph', text: c.signOff[entry.kind] });
  const kind = sessionKind(entry);
  return { subject: kind ? c.sessionSubject[kind](entry.sessionNumber!, event.title) : c.subject[entry.kind](event.title), blocks };
}

/** A promotion off, or a bump from, one session's waiting list (the entry names the session). */
function sessionKind(entry: OutboxEntry): 'promoted' | 'bumped' | null {
  return entry.sessionNumber !== undefined && (entry.kind === 'promoted' || entry.kind === 'bumped') ? entry.kind : null;
}
