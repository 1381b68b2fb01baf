import { z } from 'zod';
import { BalieError, readEnvironment, zonedTime, type Environment } from '../core/index.ts';
import { organisersSchema, type OrganiserAccount } from '../desk/organisers.ts';

/** The shipped event file, used when BALIE_EVENT is not set. */
export const defaultEventPath = 'events/netwerkdag-2020.yaml';

/**
 * Where the console's clock stands when BALIE_NOW is not set: a week before the shipped
 * event's deadline (22 October 2020), so that `npm start` can register for the 2020 event.
 */
export const defaultConsoleNow = zonedTime('2020-10-15', '09:00', 'Europe/Brussels');

/** Log levels pino knows, plus `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

// An ISO time with an offset ("2020-10-15T09:00:00Z", "...+02:00"), or without one, which is read
// as Brussels time ("2020-10-15T09:00", the time zone of the event).
const localIso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const instantSchema = z
  .string()
  .refine((value) => localIso.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
    error: 'expected an ISO time such as 2020-10-15T09:00 (Brussels time) or 2020-10-15T07:00:00Z',
  })
  .transform((value) => {
    const local = localIso.exec(value);
    if (!local) return new Date(value);
    const at = zonedTime(local[1] as string, local[2] as string, 'Europe/Brussels');
    return new Date(at.getTime() + Number(local[3] ?? 0) * 1000);
  });

const urlWithProtocol = (protocols: string[], example: string) =>
  z
    .string()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      { error: `expected a URL such as ${example}` },
    );

// The sender of Balie's mails: "Name <address>" or a bare address (the name is then the event's title).
const mailboxPattern = /^(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;
const mailFromSchema = z.string().transform((value, context) => {
  const match = mailboxPattern.exec(value);
  const address = match?.[2] ?? match?.[3];
  if (!address || !z.email().safeParse(address).success) {
    context.addIssue({ code: 'custom', message: 'expected an e-mail address, optionally with a name: Netwerkdag <noreply@example.org>' });
    return z.NEVER;
  }
  const name = (match?.[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  return { name: name === '' ? null : name, address };
});

const wholeDays = (what: string) =>
  z.coerce
    .number({ error: `expected a whole number of days ${what}, 0 or more` })
    .int({ error: `expected a whole number of days ${what}, 0 or more` })
    .min(0, { error: `expected a whole number of days ${what}, 0 or more` })
    .max(3650, { error: `expected a whole number of days ${what}, at most 3650` });

const configSchema = z.object({
  BALIE_EVENT: z.string().default(defaultEventPath),
  BALIE_NOW: instantSchema.optional(),
  // redis+sentinel://host:port[,host:port]/<primary name> is no WHATWG URL (several hosts); the store checks it fully.
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?\+sentinel:\/\/[^/]+\/[^/]+$/.test(value) || urlWithProtocol(['redis', 'rediss'], '').safeParse(value).success, {
      error: 'expected a URL such as redis://127.0.0.1:6379 (or redis+sentinel://host:26379/<primary name>)',
    })
    .optional(),
  SMTP_URL: urlWithProtocol(['smtp', 'smtps'], 'smtp://user:pass@mail.example.org:587').optional(),
  BALIE_MAIL_DIR: z.string().default('outbox'),
  BALIE_MAIL_FROM: mailFromSchema.optional(),
  BALIE_STATE_TTL_DAYS: z.coerce
    .number({ error: 'expected a whole number of days, at least 1' })
    .int({ error: 'expected a whole number of days, at least 1' })
    .min(1, { error: 'expected a whole number of days, at least 1' })
    .default(30),
  BALIE_REMINDER_DAYS: wholeDays('before the event').default(2),
  BALIE_PURGE_DAYS_AFTER: wholeDays('after the event').default(30),
  BALIE_PUBLIC_URL: urlWithProtocol(['http', 'https'], 'https://balie.example.org').optional(),
  BALIE_LINK_SECRET: z.string().min(32, { error: 'expected at least 32 characters (e.g. openssl rand -base64 32)' }).optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).optional(),
  PORT: z.coerce
    .number({ error: 'expected a port number from 0 to 65535' })
    .int({ error: 'expected a port number from 0 to 65535' })
    .min(0, { error: 'expected a port number from 0 to 65535' })
    .max(65535, { error: 'expected a port number from 0 to 65535' })
    .default(3978),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]_-]+$/, { error: 'expected an address to listen on, such as 0.0.0.0, 127.0.0.1 or ::' })
    .default('0.0.0.0'),
  BALIE_ORGANISERS: organisersSchema.optional(),
  BALIE_DESK_SECRET: z.string().min(32, { error: 'expected at least 32 characters (e.g. openssl rand -base64 32)' }).optional(),
  BALIE_CHECKIN_SECRET: z.string().min(32, { error: 'expected at least 32 characters (e.g. openssl rand -base64 32)' }).optional(),
  BALIE_TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|loopback|uniquelocal|linklocal|[0-9a-f.:/,\s]+)$/i, { error: 'expected a number of proxies, loopback, or addresses/subnets (Express "trust proxy")' })
    .optional(),
});

/** Balie's configuration, read once from the environment at start-up. */
export interface AppConfig {
  eventPath: string;
  /** The pinned "now" from BALIE_NOW, or null when the caller picks the clock. */
  now: Date | null;
  redisUrl: string | null;
  smtpUrl: string | null;
  /** Where e-mails are written as .eml files when SMTP_URL is not set. */
  mailDir: string;
  /** BALIE_MAIL_FROM: the sender of every mail (no name: the event's title), or null for the event's contact address. */
  mailFrom: { name: string | null; address: string } | null;
  stateTtlDays: number;
  /** BALIE_REMINDER_DAYS: the reminder goes out this many days before the event starts. */
  reminderDays: number;
  /** BALIE_PURGE_DAYS_AFTER: personal data is purged this many days after the event ended. */
  purgeDaysAfter: number;
  /** BALIE_PUBLIC_URL and BALIE_LINK_SECRET: where the host is reached from a mail, and the key its links are signed with; null without a public URL. */
  links: { publicUrl: string; secret: string } | null;
  /** LOG_LEVEL, or null when unset: `info`, except in the interactive chat (`warn`, so log lines do not run through the conversation). */
  logLevel: LogLevel | null;
  /** Where the HTTP host listens when a channel runs (PORT, HOST). */
  port: number;
  host: string;
  /** BALIE_ORGANISERS: who may log in to the organiser desk (none: no desk). */
  organisers: OrganiserAccount[];
  /** BALIE_DESK_SECRET: signs desk sessions, so every process accepts them; null: a random one per process. */
  deskSecret: string | null;
  /** BALIE_CHECKIN_SECRET: makes the check-in codes; null: the embedded development secret (the terminal only). */
  checkinSecret: string | null;
  /** BALIE_TRUST_PROXY: Express's "trust proxy" (the client's address and https from X-Forwarded-*), or null. */
  trustProxy: string | null;
}

/**
 * Reads the configuration from `env`. An empty variable counts as unset (docker-compose and
 * shells often leave them empty). A bad value throws a BalieError naming the variable.
 */
export function loadConfig(env: Environment): AppConfig {
  const c = readEnvironment(configSchema, env);
  if (c.BALIE_PUBLIC_URL && !c.BALIE_LINK_SECRET) {
    throw new BalieError('config_invalid', 'Invalid configuration: BALIE_LINK_SECRET: needed with BALIE_PUBLIC_URL, to sign the links in mails (at least 32 characters)');
  }
  return {
    eventPath: c.BALIE_EVENT,
    now: c.BALIE_NOW ?? null,
    redisUrl: c.REDIS_URL ?? null,
    smtpUrl: c.SMTP_URL ?? null,
    mailDir: c.BALIE_MAIL_DIR,
    mailFrom: c.BALIE_MAIL_FROM ?? null,
    stateTtlDays: c.BALIE_STATE_TTL_DAYS,
    reminderDays: c.BALIE_REMINDER_DAYS,
    purgeDaysAfter: c.BALIE_PURGE_DAYS_AFTER,
    links: c.BALIE_PUBLIC_URL && c.BALIE_LINK_SECRET ? { publicUrl: c.BALIE_PUBLIC_URL.replace(/\/+$/, ''), secret: c.BALIE_LINK_SECRET } : null,
    logLevel: c.LOG_LEVEL ?? null,
    port: c.PORT,
    host: c.HOST,
    organisers: c.BALIE_ORGANISERS ?? [],
    deskSecret: c.BALIE_DESK_SECRET ?? null,
    checkinSecret: c.BALIE_CHECKIN_SECRET ?? null,
    trustProxy: c.BALIE_TRUST_PROXY ?? null,
  };
}
