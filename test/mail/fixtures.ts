import { readFileSync } from 'node:fs';
import { parseEvent, type EventData, type OutboxEntry, type Registrant, type RegistrationRecord } from '../../src/core/index.ts';

/** The shipped event file, as the app loads it. */
export function loadEvent(): EventData {
  const path = new URL('../../events/netwerkdag-2020.yaml', import.meta.url);
  return parseEvent(readFileSync(path, 'utf8'), 'events/netwerkdag-2020.yaml');
}

/** A registrant with every field filled, book ordered; override what a test needs. */
export function registrant(overrides: Partial<Registrant> = {}): Registrant {
  return {
    firstName: 'Anna',
    lastName: 'Peeters',
    email: 'anna.peeters@example.org',
    phone: '+32470123456',
    organisation: 'Gemeente Herent',
    organisationType: 'local_government',
    sessions: [1, 6],
    book: { shippingAddress: { street: 'Kerkstraat 12', postalCode: '3020', city: 'Herent', country: 'BE' } },
    language: 'nl',
    owner: 'console:anna',
    ...overrides,
  };
}

/** An outbox entry as a ledger would write it. */
export function outboxEntry(kind: OutboxEntry['kind'], overrides: Partial<RegistrationRecord> = {}, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const status = kind === 'waitlisted' || kind === 'bumped' ? 'waitlisted' : 'confirmed';
  const registration: RegistrationRecord = {
    ...registrant(),
    id: 'reg-0001',
    status,
    seq: 1,
    registeredAt: '2020-10-01T08:00:00.000Z',
    updatedAt: '2020-10-01T08:00:00.000Z',
    ...overrides,
  };
  return { id: `out-${kind}-0001`, kind, registration, createdAt: '2020-10-01T08:00:00.000Z', ...extra };
}

/** A clock tests move by hand: leases expire and retries fall due without sleeping. */
export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
}

export function manualClock(start = '2020-10-01T08:00:00.000Z'): ManualClock {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
  };
}

/** Collects what a worker logs, to check that no personal data reaches the log. */
export function recordingLogger(): { lines: string[]; debug: (f: object, m: string) => void; info: (f: object, m: string) => void; warn: (f: object, m: string) => void; error: (f: object, m: string) => void } {
  const lines: string[] = [];
  const log = (fields: object, message: string): void => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return { lines, debug: log, info: log, warn: log, error: log };
}
