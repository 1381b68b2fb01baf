import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEvent, type EventData, type Outbox, type Registrant, type SeatLedger } from '../../src/core/index.ts';

/** What a ledger contract or property suite needs from an implementation; `chatChannels` as the ledgers take them. */
export type MakeLedger = (event: EventData, options?: { chatChannels?: string[] }) => Promise<{ ledger: SeatLedger & Outbox; close(): Promise<void> }>;

const eventPath = fileURLToPath(new URL('../../events/netwerkdag-2020.yaml', import.meta.url));

/** The real Netwerkdag event, parsed once. */
export const netwerkdag: EventData = parseEvent(readFileSync(eventPath, 'utf8'), eventPath);

/** The real event with lowered caps, so that small tests reach "full". */
export function eventWith(caps: { venue?: number; sessions?: Record<number, number>; id?: string }): EventData {
  return {
    ...netwerkdag,
    id: caps.id ?? netwerkdag.id,
    venueCap: caps.venue ?? netwerkdag.venueCap,
    sessions: netwerkdag.sessions.map((s) => ({ ...s, capacity: caps.sessions?.[s.number] ?? s.capacity })),
  };
}

/** A registrant numbered `n`, choosing `sessions` (series 1, series 2). */
export function person(n: number, sessions: number[] = [1, 5], extra: Partial<Registrant> = {}): Registrant {
  return {
    firstName: 'Persoon',
    lastName: `Nummer ${n}`,
    email: `persoon${n}@example.be`,
    phone: '+32470123456',
    organisation: 'Gemeente Voorbeeld',
    organisationType: 'local_government',
    sessions,
    book: null,
    language: 'nl',
    owner: `test:user-${n}`,
    ...extra,
  };
}

/** A clock for commands: every call is one second later than the previous one. */
export function ticker(start = '2020-10-15T07:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    t += 1000;
    return new Date(t);
  };
}
