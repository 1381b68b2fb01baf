import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Availability, EventData, Language, Series, Session } from '../core/index.ts';
import { sessionsOfSeries, sessionTitle } from '../core/index.ts';
import { toChoices, type Option } from './choices.ts';
import { messages, type Messages } from './i18n/index.ts';
import type { Choice, Reply } from './types.ts';

/** What every dialog function needs to speak: the event, the live counters and the catalogue. */
export interface Speech {
  event: EventData;
  availability: Availability;
  lang: Language;
  m: Messages;
}

/** A Speech for a language. */
export function speech(event: EventData, availability: Availability, lang: Language): Speech {
  return { event, availability, lang, m: messages(lang) };
}

// Intl formatters cost far more to build than to use, and most turns format a date or a price.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cachedFormat<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = build();
    formats.set(key, format);
  }
  return format;
}

/** "donderdag 29 oktober 2020" from "2020-10-29". */
export function formatDate(isoDate: string, s: Speech): string {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const format = cachedFormat(`date:${s.m.locale}`, () => new Intl.DateTimeFormat(s.m.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return format.format(new Date(Date.UTC(y, mo - 1, d)));
}

/** "€ 33" / "€ 33,50". */
export function formatPrice(eur: number, s: Speech): string {
  const digits = Number.isInteger(eur) ? 0 : 2;
  const format = cachedFormat(`price:${s.m.locale}:${digits}`, () => new Intl.NumberFormat(s.m.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return `€ ${format.format(eur)}`;
}

/** "+32 470 12 34 56" from E.164. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function seriesTime(series: Series): string {
  return `${series.start}–${series.end}`;
}

export function seriesName(series: Series, s: Speech): string {
  return s.m.seriesName(series.id, series.name);
}

/** Seats left in a session (never negative). */
export function seatsLeft(session: Session, s: Speech): number {
  const seats = s.availability.sessions.find((x) => x.sessionNumber === session.number);
  return seats ? Math.max(0, seats.cap - seats.taken) : session.capacity;
}

export function isVenueFull(s: Speech): boolean {
  return s.availability.venueTaken >= s.availability.venueCap;
}

function seatsText(session: Session, s: Speech): string {
  const left = seatsLeft(session, s);
  return left > 0 ? s.m.seatsLeft(left) : s.m.full;
}

/** One session as an option: title as label, number, room and seats as hint, disabled when full. */
export function sessionOption(session: Session, s: Speech, opts: { current?: boolean; allowFull?: boolean } = {}): Option {
  const full = seatsLeft(session, s) === 0;
  const hint = s.m.sessionHint(session.number, session.room, seatsText(session, s)) + (opts.current ? ` · ${s.m.currentChoice}` : '');
  return {
    id: `session:${session.number}`,
    label: sessionTitle(session, s.lang),
    hint,
    ...(full && !opts.allowFull ? { disabled: true } : {}),
    // A bare number is the session's own number (channels show it in the hint; the console maps its
    // own option numbers to ids before they reach the dialog).
    aliases: [String(session.number)],
    keywords: [`sessie ${session.number}`, `session ${session.number}`, `workshop ${session.number}`, `infosessie ${session.number}`, `nr ${session.number}`],
  };
}

/** The options for one series: its sessions in programme order. */
export function sessionOptions(seriesId: number, s: Speech, opts: { current?: number; allowFull?: boolean } = {}): Option[] {
  return sessionsOfSeries(s.event, seriesId).map((session) =>
    sessionOption(session, s, { current: session.number === opts.current, ...(opts.allowFull ? { allowFull: true } : {}) }),
  );
}

/**
 * "#3 Samenwerken werkt! … · Zaal 2+3" for a summary row: no brackets (a title may hold its own, and
 * a channel may bracket the whole as a hint), and a number that does not read as an option's "3.".
 */
export function sessionFact(session: Session, lang: Language = 'nl'): string {
  return `#${session.number} ${sessionTitle(session, lang)} · ${session.room}`;
}

/** The title of session `number` in the conversation's language ('' for an unknown number). */
export function sessionTitleOf(number: number, s: Speech): string {
  const session = s.event.sessions.find((x) => x.number === number);
  return session ? sessionTitle(session, s.lang) : '';
}

/** The idle menu as options. */
export function menuOptions(s: Speech): Option[] {
  const other = s.lang === 'nl' ? 'en' : 'nl';
  return [
    { id: 'register', label: s.m.menu.register, aliases: ['inschrijven', 'register', 'registreren'] },
    { id: 'my-registration', label: s.m.menu.myRegistration, aliases: ['mijn inschrijving', 'my registration'] },
    { id: 'programme', label: s.m.menu.programme },
    { id: 'help', label: s.m.menu.help },
    { id: `lang:${other}`, label: s.m.menu.otherLanguage },
  ];
}

/** A reply that carries options (their aliases stay behind). */
export function ask(text: string, options: readonly Option[] = [], facts?: Reply['facts']): Reply {
  const choices: Choice[] = toChoices(options);
  return { text, ...(choices.length > 0 ? { choices } : {}), ...(facts && facts.length > 0 ? { facts } : {}) };
}

/** "donderdag 29 oktober 2020" and "Provinciehuis Leuven": how the event is named in one line. */
export function eventWhen(s: Speech): string {
  return formatDate(s.event.date, s);
}

/** The programme in short: both series with their sessions, rooms and seats left. */
export function programmeReply(s: Speech): Reply {
  const { event, m } = s;
  const lines = [m.programmeIntro(event.title, eventWhen(s), `${event.hours.start}–${event.hours.end}`, event.venue.shortName)];
  for (const series of event.series) {
    lines.push('', m.programmeSeries(seriesName(series, s), seriesTime(series)));
    for (const session of sessionsOfSeries(event, series.id)) lines.push(m.programmeSession(session.number, sessionTitle(session, s.lang), session.room, seatsText(session, s)));
  }
  lines.push('', m.programmeOutro);
  const options: Option[] = [
    { id: 'register', label: m.menu.register },
    ...event.sessions.map((session) => ({ id: `ask:${m.askSessionQuestion(session.number)}`, label: m.askSession(session.number), hint: sessionTitle(session, s.lang) })),
  ];
  return ask(lines.join('\n'), options);
}
