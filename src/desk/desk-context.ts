import type { Request, Response } from 'express';
import type { AuditLog, CheckinBook, Clock, EventData, Outbox, ParticipantMessages, PersonalDataLedger, PurgeReport, SeatLedger } from '../core/index.ts';
import type { CheckinCodes } from './checkin-code.ts';
import type { DeskSession } from './desk-session.ts';

/** What the desk's pages work on; the composition root gives the host's stores. */
export interface DeskDeps {
  event: EventData;
  ledger: SeatLedger;
  outbox: Outbox;
  messages: ParticipantMessages;
  /** The purge's preview and counts (the ledger's privacy half). */
  privacy: Pick<PersonalDataLedger, 'purgePreview' | 'purgedCounts'>;
  /** Runs the purge of all personal data (privacy-jobs.ts purgePersonalData: the ledger and the chat stores). */
  purge: (at: Date) => Promise<PurgeReport>;
  audit: AuditLog;
  checkins: CheckinBook;
  codes: CheckinCodes;
  /** The real time (check-ins, the audit log), also when the bot's clock is pinned. */
  clock: Clock;
  /** The bot's clock: what a ledger command is stamped with. */
  ledgerClock: Clock;
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

/** The logged-in organiser of a request (set by the desk's guard). */
export function sessionOf(res: Response): DeskSession {
  return res.locals.deskSession as DeskSession;
}

/** Writes one audit entry for the request's organiser (never personal data in `detail`). */
export async function audit(deps: DeskDeps, res: Response, action: string, detail: string): Promise<void> {
  await deps.audit.append({ at: deps.clock.now().toISOString(), organiser: sessionOf(res).organiser, action, detail });
}

/** A string field of a form or query, or '' (express's parsers hand out strings, arrays or nothing). */
export function field(source: Request['body'] | Request['query'], name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
