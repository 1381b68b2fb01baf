import { randomUUID } from 'node:crypto';
import {
  findInvariantViolations,
  findSession,
  laneChannel,
  outboxRecipient,
  type DeliveryEntry,
  type EventData,
  type Outbox,
  type RegistrationRecord,
  type SeatLedger,
  type SetCapResult,
  type PersonalDataLedger,
} from '../core/index.ts';
import { purgeCommand } from './admin-purge.ts';
import type { ClearableStore } from './privacy-jobs.ts';

export const adminUsage = `usage: npm run --silent admin -- <command>
  status                          seats of the venue and every session, the waiting list, and the invariant check
  venue-cap <seats>               set the venue cap; lowering it moves the latest registrations to the waiting list
  session-cap <session> <seats>   the same for one session
  outbox <pending|sent|failed>    the mails and chat notices in that state, with their attempts and last error
  purge [--dry-run | --yes]       removes all personal data of the event now, keeping anonymous counts; shows what goes
                                  first and asks (--dry-run: only show; --yes: no question, for scripts)
  hash-password [name]            reads a password (terminal or stdin) and prints name:hash for BALIE_ORGANISERS
Needs REDIS_URL (hash-password does not): without it every bot process has its own in-memory ledger.`;

/** What an organiser command works on; `print` (results) and `warn` (problems) get one line at a time. */
export interface AdminContext {
  event: EventData;
  ledger: SeatLedger;
  outbox: Outbox;
  now: Date;
  print: (line: string) => void;
  warn: (line: string) => void;
  /** The ledger's privacy half and the in-memory stores to empty, for `purge`. */
  privacy?: PersonalDataLedger;
  chatStores?: readonly ClearableStore[];
  /** Asks the organiser a yes/no question (a terminal); absent: `purge` needs --yes or --dry-run. */
  confirm?: (question: string) => Promise<boolean>;
}

/** A command line that cannot be run, with the reason (exit code 2). */
export class UsageError extends Error {}

/** The highest cap Balie accepts from the command line (the ledger takes any whole number). */
const maxSeats = 100_000;

function seats(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d{1,6}$/.test(raw) || Number(raw) > maxSeats) {
    throw new UsageError(`${what} must be a whole number from 0 to ${maxSeats}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return Number(raw);
}

const person = (r: RegistrationRecord) => {
  const waits = r.waitingFor?.length ? `; waiting for ${r.waitingFor.join(', ')}` : '';
  return `#${r.seq} ${r.firstName} ${r.lastName} <${r.email}> (sessions ${r.sessions.join(', ') || 'none'}${waits})`;
};

function printMovements(result: Extract<SetCapResult, { ok: true }>, print: (line: string) => void): void {
  print(result.bumped.length === 0 ? 'Nobody moved to the waiting list.' : `Moved to the waiting list, latest first (${result.bumped.length}):`);
  for (const r of result.bumped) print(`  ${person(r)}`);
  if (result.promoted.length > 0) print(`Confirmed from the waiting list (${result.promoted.length}):`);
  for (const r of result.promoted) print(`  ${person(r)}`);
  if (result.bumped.length + result.promoted.length > 0) print('Each of them gets an e-mail from the mail worker.');
}

async function status(context: AdminContext): Promise<number> {
  const { event, ledger, print } = context;
  const snapshot = await ledger.snapshot();
  const { availability } = snapshot;
  print(`${event.title}: venue ${availability.venueTaken} of ${availability.venueCap} seats taken; ${availability.waitlistLength} waiting.`);
  for (const s of availability.sessions) {
    const title = findSession(event, s.sessionNumber)?.title ?? '(not in the event file)';
    const waiting = s.waiting ? `, ${s.waiting} waiting` : '';
    print(`  session ${s.sessionNumber}: ${s.taken} of ${s.cap}${waiting}  ${title}`);
  }
  const purged = await context.privacy?.purgedCounts();
  if (purged) print(`Personal data purged at ${purged.purgedAt}; only anonymous counts are kept.`);
  const violations = findInvariantViolations(event, snapshot);
  if (violations.length === 0) {
    print(`Invariants hold for all ${snapshot.registrations.length} registrations.`);
    return 0;
  }
  print(`INVARIANTS BROKEN (${violations.length}):`);
  for (const v of violations) print(`  ${v}`);
  return 1;
}

async function setCap(context: AdminContext, args: string[]): Promise<number> {
  const { ledger, event, now, print } = context;
  const command = { key: `admin:${randomUUID()}`, at: now };
  if (args[0] === 'venue-cap') {
    const cap = seats(args[1], 'the venue cap');
    const result = await ledger.setVenueCap({ ...command, cap });
    if (!result.ok) throw new UsageError(`the ledger refused the venue cap: ${result.reason}`);
    print(`Venue cap set to ${cap}.`);
    printMovements(result, print);
    return 0;
  }
  const sessionNumber = seats(args[1], 'the session number');
  if (!findSession(event, sessionNumber)) {
    throw new UsageError(`there is no session ${sessionNumber}; the sessions are ${event.sessions.map((s) => s.number).join(', ')}`);
  }
  const cap = seats(args[2], 'the session cap');
  const result = await ledger.setSessionCap({ ...command, sessionNumber, cap });
  if (!result.ok) throw new UsageError(`the ledger refused the session cap: ${result.reason}`);
  print(`Session ${sessionNumber} cap set to ${cap}.`);
  printMovements(result, print);
  return 0;
}

const outboxStates = ['pending', 'sent', 'failed'] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The deliveries of one state, lane by lane: the mails, then the chat notices of each channel. */
async function listOutbox({ outbox, print }: AdminContext, state: string | undefined): Promise<number> {
  const chosen = outboxStates.find((s) => s === state);
  if (!chosen) throw new UsageError(`outbox needs one of ${outboxStates.join(', ')}`);
  const lanes = [...new Set((await outbox.counts()).map((c) => c.lane))];
  for (const lane of lanes) {
    const entries: DeliveryEntry[] = await outbox.list(chosen, lane);
    const channel = laneChannel(lane);
    print(channel === null ? `${plural(entries.length, `${chosen} mail`, `${chosen} mails`)}.` : `${plural(entries.length, `${chosen} chat notice`, `${chosen} chat notices`)} on ${channel}.`);
    for (const e of entries) {
      const tried = e.attempts > 0 ? `; ${e.attempts} failed attempt${e.attempts === 1 ? '' : 's'}, last: ${e.lastError ?? '?'}` : '';
      print(`  ${e.createdAt} ${e.kind} to ${channel === null ? outboxRecipient(e) : e.registration.owner}${tried}`);
    }
  }
  return 0;
}

/**
 * Runs one organiser command (`args` as typed after `admin --`) and returns the exit code: 0 done,
 * 1 the invariant check found a problem, 2 a command line that cannot be run (nothing changed).
 */
export async function runAdmin(args: string[], context: AdminContext): Promise<number> {
  try {
    switch (args[0]) {
      case 'status':
        return await status(context);
      case 'venue-cap':
      case 'session-cap':
        return await setCap(context, args);
      case 'outbox':
        return await listOutbox(context, args[1]);
      case 'purge':
        return await purgeCommand(context, args.slice(1), (message) => new UsageError(message));
      default:
        throw new UsageError(args[0] === undefined ? 'no command given' : `unknown command ${JSON.stringify(args[0])}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.warn(`admin: ${error.message}\n${adminUsage}`);
    return 2;
  }
}

/** Why admin cannot run without a shared store, or null when it has one (a command it cannot run: exit code 2). */
export function sharedStoreProblem(redisUrl: string | null): string | null {
  return redisUrl ? null : 'admin needs REDIS_URL: without it every bot process keeps its own in-memory ledger, which no other process can change';
}
