import { findSession, seriesOf, type Availability, type EventData, type Language, type Session } from '../../core/index.ts';
import type { Choice, Reply } from '../types.ts';
import { phrases, type QaPhrases } from './catalogue.ts';
import { summarise, type Abbreviation, type OrgInfo, type ProgrammeFacts, type SpeakerInfo } from './programme.ts';

/** Everything an answer is built from: the event file, the live counters, the language. */
export interface AnswerScope {
  event: EventData;
  facts: ProgrammeFacts;
  lang: Language;
  availability: Availability;
  now: Date;
  /** Whether registering is still possible at `now`. */
  open: boolean;
}

/** Details a session line can carry. */
export interface LineParts {
  time?: boolean;
  room?: boolean;
  seats?: boolean;
  speakers?: boolean;
  /** The session's cap ("max. 40"). */
  cap?: boolean;
}

const say = (scope: AnswerScope): QaPhrases => phrases[scope.lang];

// Building an Intl.DateTimeFormat costs more than answering a question; an event has few dates.
const dateCache = new Map<string, string>();

/** "donderdag 29 oktober 2020" / "Thursday 29 October 2020" for a YYYY-MM-DD date. */
export function longDate(isoDate: string, lang: Language, weekday = true): string {
  const key = `${isoDate}|${lang}|${weekday}`;
  const cached = dateCache.get(key);
  if (cached !== undefined) return cached;
  const formatted = formatDate(isoDate, lang, weekday);
  if (dateCache.size < 100) dateCache.set(key, formatted);
  return formatted;
}

function formatDate(isoDate: string, lang: Language, weekday: boolean): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(phrases[lang].locale, {
    timeZone: 'UTC',
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Seats of a session right now; the live cap wins over the event file's (organisers may change it). */
export function seatsOf(scope: AnswerScope, session: Session): { cap: number; free: number } {
  const live = scope.availability.sessions.find((s) => s.sessionNumber === session.number);
  const cap = live?.cap ?? session.capacity;
  return { cap, free: Math.max(0, cap - (live?.taken ?? 0)) };
}

function seatsText(scope: AnswerScope, session: Session): string {
  const { cap, free } = seatsOf(scope, session);
  return free > 0 ? say(scope).seatsLine(cap, free) : say(scope).seatsFull(cap);
}

/**
 * A session's title as the conversation reads it, bold: the Dutch title, or in English the
 * English one with the Dutch after it (the title people see in the form and at the venue).
 */
export function titleOf(scope: AnswerScope, session: Session, number = false): string {
  const prefix = number ? `${session.number}. ` : '';
  const english = scope.lang === 'en' ? session.en : undefined;
  return english ? `*${prefix}${english.title}* (${session.title})` : `*${prefix}${session.title}*`;
}

/** What a session is about in the conversation's language: the English summary, or the Dutch description's first sentences. */
export function summaryOf(scope: AnswerScope, session: Session): string {
  const english = scope.lang === 'en' ? session.en : undefined;
  return english ? english.summary : `${say(scope).summaryInDutch}${summarise(session)}`;
}

export const speakerList = (session: Session): string => session.speakers.map((p) => `${p.name} (${p.organisation})`).join(', ');

/** One line per session in lists: title plus the details the question asked for. */
export function sessionLine(scope: AnswerScope, session: Session, parts: LineParts): string {
  const series = seriesOf(scope.event, session);
  const bits: string[] = [];
  if (parts.time) bits.push(`${series.start}–${series.end}`);
  if (parts.room) bits.push(session.room);
  if (parts.speakers) bits.push(session.speakers.map((p) => p.name).join(', '));
  if (parts.cap) bits.push(`max. ${seatsOf(scope, session).cap}`);
  if (parts.seats) {
    const { free } = seatsOf(scope, session);
    bits.push(scope.lang === 'nl' ? (free > 0 ? `nog ${free} vrij` : 'volzet') : free > 0 ? `${free} left` : 'full');
  }
  // In English the Dutch title goes in front of the details: "*1. Social clauses …* (Sociale clausules …; Spoor 95)".
  const english = scope.lang === 'en' ? session.en : undefined;
  const details = [english ? session.title : '', bits.join(', ')].filter(Boolean).join('; ');
  return `• *${session.number}. ${english ? english.title : session.title}*${details ? ` (${details})` : ''}`;
}

/** The choices that follow an answer: more about the sessions it named, and registering while open. */
export function nextSteps(scope: AnswerScope, sessionNumbers: number[], includeProgramme = false): Choice[] {
  const p = say(scope);
  const choices: Choice[] = sessionNumbers.slice(0, 4).map((n) => ({ id: `ask:${p.moreAboutQuestion(n)}`, label: p.moreAbout(n) }));
  if (includeProgramme) choices.push({ id: `ask:${p.programmeQuestion}`, label: p.programmeLabel });
  if (scope.open) choices.unshift({ id: 'register', label: p.register });
  return choices;
}

/** A reply with the text lines joined and the next steps attached. */
export function reply(scope: AnswerScope, lines: string[], sessionNumbers: number[] = [], includeProgramme = false, extra: Choice[] = []): Reply {
  const choices = [...extra, ...nextSteps(scope, sessionNumbers, includeProgramme && extra.length === 0)];
  return choices.length > 0 ? { text: lines.join('\n'), choices } : { text: lines.join('\n') };
}

/** The sessions with these numbers, skipping numbers the programme does not have. */
export const sessionsOf = (scope: AnswerScope, numbers: number[]): Session[] =>
  numbers.map((n) => findSession(scope.event, n)).filter((s): s is Session => s !== null);

/** The full card of one session: when, where, who, what, seats. */
export function sessionCard(scope: AnswerScope, session: Session): string[] {
  const p = say(scope);
  const series = seriesOf(scope.event, session);
  return [
    titleOf(scope, session, true),
    `${p.timeLine(p.series(series.id), longDate(scope.event.date, scope.lang), series.start, series.end)} · ${session.room}`,
    `${session.speakers.length > 1 ? p.speakersLabel : p.speakerLabel}: ${speakerList(session)}`,
    summaryOf(scope, session),
    seatsText(scope, session),
  ];
}

export function sessionWhen(scope: AnswerScope, session: Session): string {
  const series = seriesOf(scope.event, session);
  return say(scope).whenSession(session.number, titleOf(scope, session), say(scope).series(series.id), longDate(scope.event.date, scope.lang), series.start, series.end);
}

export function sessionWhere(scope: AnswerScope, session: Session): string {
  return say(scope).whereSession(session.number, titleOf(scope, session), session.room, scope.event.venue.shortName);
}

export function sessionWho(scope: AnswerScope, session: Session): string {
  return `${say(scope).speakersOf(session.number, titleOf(scope, session))} ${speakerList(session)}.`;
}

export function sessionSeats(scope: AnswerScope, session: Session): string {
  return `${titleOf(scope, session, true)}: ${seatsText(scope, session)}`;
}

export function speakerCard(scope: AnswerScope, speaker: SpeakerInfo): string[] {
  const lines = [say(scope).speakerCard(speaker.name, speaker.organisation)];
  for (const session of sessionsOf(scope, speaker.sessions)) lines.push(sessionLine(scope, session, { time: true, room: true }));
  return lines;
}

export function orgCard(scope: AnswerScope, org: OrgInfo, parts: LineParts): string[] {
  const p = say(scope);
  const lines: string[] = [];
  if (org.speakers.length > 0) {
    lines.push(`${p.orgSpeakers(org.name)} ${org.speakers.map((s) => `${s.name} (${s.sessions.map((n) => `${scope.lang === 'nl' ? 'sessie' : 'session'} ${n}`).join(', ')})`).join(', ')}.`);
    lines.push(p.orgSessions(org.name));
    for (const session of sessionsOf(scope, org.sessions)) lines.push(sessionLine(scope, session, parts));
  } else {
    lines.push(p.orgNoSessions(org.name));
  }
  if (org.partner) lines.push(p.orgPartner(org.name));
  return lines;
}

export function abbreviationCard(scope: AnswerScope, abbreviation: Abbreviation): string[] {
  const p = say(scope);
  const session = findSession(scope.event, abbreviation.session) as Session;
  const line = abbreviation.line.replace(/[:.]$/u, '');
  const long = line !== session.title && line.length > abbreviation.long.length + 8 && line.length <= 160 ? line : abbreviation.long;
  return [p.abbreviation(abbreviation.short, long), `${p.discussedIn} ${sessionLine(scope, session, { time: true, room: true }).slice(2)}.`];
}

