import type { EventData, Session } from '../../core/index.ts';
import { fold, tokenize } from './text.ts';

/** A speaker with every session they speak in. */
export interface SpeakerInfo {
  name: string;
  organisation: string;
  sessions: number[];
}

/** An organisation named by the event: a speaker's employer, a partner, or both. */
export interface OrgInfo {
  key: string;
  name: string;
  speakers: SpeakerInfo[];
  sessions: number[];
  partner: boolean;
}

/** An abbreviation the programme explains, e.g. "AMA" in "Arbeidsmatige activiteiten (AMA), ...". */
export interface Abbreviation {
  short: string;
  long: string;
  /** The whole line it was explained in. */
  line: string;
  session: number;
}

/** Folded key of an organisation: "Provincie Vlaams-Brabant" and "provincie Vlaams-Brabant" are one. */
export const orgKey = (name: string): string => tokenize(name).join(' ');

/** An abbreviation the texts of the day itself explain ("LIFO-principe: Last in, first out"). */
export type DayAbbreviation = Omit<Abbreviation, 'session'>;

/** The people, organisations, rooms and abbreviations of the programme, gathered once. */
export interface ProgrammeFacts {
  speakers: SpeakerInfo[];
  orgs: OrgInfo[];
  rooms: string[];
  /** Every abbreviation a session's texts explain, once each. */
  abbreviations: Abbreviation[];
  /** Those that the day's own texts explain (the capacity policy, the tagline). */
  dayAbbreviations: DayAbbreviation[];
}

export function gatherFacts(event: EventData): ProgrammeFacts {
  const speakers = new Map<string, SpeakerInfo>();
  const orgs = new Map<string, OrgInfo>();
  const orgOf = (name: string): OrgInfo => {
    const key = orgKey(name);
    let org = orgs.get(key);
    if (!org) {
      org = { key, name, speakers: [], sessions: [], partner: false };
      orgs.set(key, org);
    } else if (/^\p{Ll}/u.test(org.name) && /^\p{Lu}/u.test(name)) {
      org.name = name;
    }
    return org;
  };
  for (const session of [...event.sessions].sort((a, b) => a.number - b.number)) {
    for (const person of session.speakers) {
      const key = fold(person.name);
      const speaker = speakers.get(key) ?? { name: person.name, organisation: person.organisation, sessions: [] };
      speakers.set(key, speaker);
      if (!speaker.sessions.includes(session.number)) speaker.sessions.push(session.number);
      const org = orgOf(person.organisation);
      if (!org.speakers.includes(speaker)) org.speakers.push(speaker);
      if (!org.sessions.includes(session.number)) org.sessions.push(session.number);
    }
  }
  for (const partner of event.partners) orgOf(partner).partner = true;
  const rooms = [...new Set(event.sessions.map((s) => s.room))];
  const abbreviations = once(event.sessions.flatMap((session) => abbreviationsIn(linesOf(session)).map((a) => ({ ...a, session: session.number }))));
  const known = new Set(abbreviations.map((a) => a.short));
  const dayTexts = [event.tagline, event.capacityPolicy, event.presentationsAfterwards].flatMap((text) => text.split(/(?<=[.!?])\s+/u));
  const dayAbbreviations = once(abbreviationsIn(dayTexts)).filter((a) => !known.has(a.short));
  return { speakers: [...speakers.values()], orgs: [...orgs.values()], rooms, abbreviations, dayAbbreviations };
}

/** The first explanation of each abbreviation. */
function once<T extends { short: string }>(list: T[]): T[] {
  return list.filter((a, i) => list.findIndex((b) => b.short === a.short) === i);
}

/** The lines of a session in which an abbreviation may be explained. */
function linesOf(session: Session): string[] {
  return [session.title, ...session.description.split(/(?<=[.:!?])\s+/u), ...session.bullets, session.closing ?? ''];
}

// "Long form (ABBR)", "ABBR (Long form)" or "ABBR-principe: Long form"; the long form is checked against the letters.
const afterForm = /([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,5})\s*\(([\p{Lu}]{2,6})\)/gu;
const beforeForm = /\b([\p{Lu}]{2,6})\s*\(([^)]+)\)/gu;
const colonForm = /\b([\p{Lu}]{2,6})(?:-\p{L}+)?:\s*(\p{L}[^.;:()]*)/gu;

function abbreviationsIn(lines: string[]): DayAbbreviation[] {
  const found: DayAbbreviation[] = [];
  for (const line of lines) {
    for (const match of line.matchAll(afterForm)) {
      const short = match[2] as string;
      const long = shortestLongForm((match[1] as string).split(/\s+/u), short);
      if (long) found.push({ short, long, line });
    }
    for (const form of [beforeForm, colonForm]) {
      for (const match of line.matchAll(form)) {
        const short = match[1] as string;
        const long = (match[2] as string).trim();
        if (fits(long, short)) found.push({ short, long, line });
      }
    }
  }
  return found;
}

/** The fewest trailing words whose initial is the abbreviation's and that contain its letters in order. */
function shortestLongForm(words: string[], short: string): string | null {
  for (let take = 1; take <= words.length; take += 1) {
    const candidate = words.slice(words.length - take).join(' ');
    if (fits(candidate, short)) return candidate;
  }
  return null;
}

function fits(long: string, short: string): boolean {
  const letters = fold(long).replace(/[^\p{L}]/gu, '');
  const wanted = fold(short);
  if (letters[0] !== wanted[0]) return false;
  let at = 0;
  for (const ch of letters) if (ch === wanted[at]) at += 1;
  return at >= wanted.length;
}

/** A session's description in a few sentences, with its bullet points when it leads into them. */
export function summarise(session: Session, maxChars = 340): string {
  const sentences = session.description.replace(/\s+/gu, ' ').trim().split(/(?<=[.!?:])\s+/u);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + sentence.length > maxChars) break;
    out = out ? `${out} ${sentence}` : sentence;
    if (sentence.endsWith(':')) break;
  }
  if (out.endsWith(':') && session.bullets.length > 0) {
    out = `${out}\n${session.bullets.map((b) => `• ${b}`).join('\n')}`;
  } else if (out.endsWith(':')) {
    out = `${out.slice(0, -1)}.`;
  }
  return out;
}
