import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { endOfDay, zonedTime } from './clock.ts';
import { BalieError } from './errors.ts';

const positiveInt = z.number({ error: 'expected a positive integer' }).int({ error: 'expected a positive integer' }).positive({ error: 'expected a positive integer' });
const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected text' });
// A real calendar date of that shape: 2020-10-32 is refused too.
const isoDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), { error: 'expected a date YYYY-MM-DD' });
const clockTime = z.string({ error: 'expected a time HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time HH:MM' });

const speakerSchema = z.object({ name: text, organisation: text });

/** A session's English title and summary (one or two sentences), shown when the conversation is in English. */
const englishSessionSchema = z.object({ title: text, summary: text });

const sessionSchema = z.object({
  number: positiveInt,
  series: positiveInt,
  title: text,
  en: englishSessionSchema.optional(),
  description: text,
  bullets: z.array(text).default([]),
  closing: text.optional(),
  speakers: z.array(speakerSchema).min(1, { error: 'expected at least one speaker' }),
  room: text,
  capacity: positiveInt,
});

/** A series; `required: true` means everyone takes (or waits for) one of its sessions, else it may be skipped. */
const seriesSchema = z.object({ id: positiveInt, name: text, start: clockTime, end: clockTime, required: z.boolean().default(false) });

/** The schema of an event file: everything the event page says, validated at start-up. */
export const eventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case id (letters, digits, dashes)' }),
    title: text,
    tagline: text,
    date: isoDate,
    timezone: text,
    hours: z.object({ start: clockTime, end: clockTime }),
    venue: z.object({ name: text, shortName: text, street: text, postalCode: text, city: text, country: text }),
    venueCap: positiveInt,
    price: z.union([z.literal('free'), z.object({ eur: z.number().nonnegative() })]),
    registrationCloses: isoDate,
    audiences: z.array(text).min(1),
    capacityPolicy: text,
    capacityLoweredRule: z.literal('lifo'),
    presentationsAfterwards: text,
    contact: z.email({ error: 'expected an e-mail address' }),
    partners: z.array(text),
    channel: text.optional(),
    /** English texts of the day itself; the Dutch ones stay the source. */
    en: z.object({ tagline: text }).optional(),
    book: z.object({ title: text, priceEur: z.number().positive(), shippingAddressRequired: z.boolean() }).nullable().default(null),
    series: z.array(seriesSchema).min(1),
    sessions: z.array(sessionSchema).min(1),
  })
  .superRefine((event, ctx) => {
    const seriesIds = new Set(event.series.map((s) => s.id));
    const seen = new Set<number>();
    event.sessions.forEach((session, index) => {
      if (seen.has(session.number)) {
        ctx.addIssue({ code: 'custom', path: ['sessions', index, 'number'], message: `session number ${session.number} appears twice` });
      }
      seen.add(session.number);
      if (!seriesIds.has(session.series)) {
        ctx.addIssue({ code: 'custom', path: ['sessions', index, 'series'], message: `no series with id ${session.series}` });
      }
    });
    event.series.forEach((series, index) => {
      if (!event.sessions.some((s) => s.series === series.id)) {
        ctx.addIssue({ code: 'custom', path: ['series', index], message: 'a series needs at least one session' });
      }
    });
    try {
      Intl.DateTimeFormat('en', { timeZone: event.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'expected an IANA time zone such as Europe/Brussels' });
    }
  });

/** An event as the rest of Balie sees it: validated, immutable data. */
export type EventData = z.infer<typeof eventSchema>;
/** One parallel session ("workshop", "infosessie") of the event. */
export type Session = EventData['sessions'][number];
/** A block of parallel sessions; everyone picks one session per series. */
export type Series = EventData['series'][number];
/** A speaker with their organisation. */
export type Speaker = Session['speakers'][number];

/** "sessions[3].capacity" from a zod path. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/**
 * Parses and validates an event file's text. A bad file throws a BalieError naming the source
 * and every bad field, e.g. `events/x.yaml: sessions[3].capacity: expected a positive integer`.
 */
export function parseEvent(yamlText: string, source: string): EventData {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new BalieError('event_file_invalid', `${source}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    throw new BalieError('event_file_invalid', `${source}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The sessions of one series, in programme order. */
export function sessionsOfSeries(event: EventData, seriesId: number): Session[] {
  return event.sessions.filter((s) => s.series === seriesId).sort((a, b) => a.number - b.number);
}

/** A session by its number, or null. */
/** A session's title in a conversation's language: the English title where the event file gives one. */
export function sessionTitle(session: Session, lang: 'nl' | 'en'): string {
  return lang === 'en' ? (session.en?.title ?? session.title) : session.title;
}

export function findSession(event: EventData, sessionNumber: number): Session | null {
  return event.sessions.find((s) => s.number === sessionNumber) ?? null;
}

/** The series a session belongs to. */
export function seriesOf(event: EventData, session: Session): Series {
  const series = event.series.find((s) => s.id === session.series);
  if (!series) throw new BalieError('internal', `session ${session.number} has no series`);
  return series;
}

// Every turn asks whether registration is open; the time-zone arithmetic is done once per event.
const deadlines = new WeakMap<EventData, number>();

/** The first instant at which registration is closed (the whole closing day still counts). */
export function registrationDeadline(event: EventData): Date {
  let deadline = deadlines.get(event);
  if (deadline === undefined) {
    deadline = endOfDay(event.registrationCloses, event.timezone).getTime();
    deadlines.set(event, deadline);
  }
  return new Date(deadline);
}

/** Whether registering, changing and cancelling are still possible at `now`. */
export function isRegistrationOpen(event: EventData, now: Date): boolean {
  return now.getTime() < registrationDeadline(event).getTime();
}

/** Start and end of a session as UTC instants. */
export function sessionTimes(event: EventData, session: Session): { start: Date; end: Date } {
  const series = seriesOf(event, session);
  return { start: zonedTime(event.date, series.start, event.timezone), end: zonedTime(event.date, series.end, event.timezone) };
}
