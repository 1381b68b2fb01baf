import type { EventData, RegistrationRecord } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import { MemorySeatLedger } from '../store/memory-seat-ledger.ts';
import type { DeskData } from './desk-data.ts';

/** What a cap change is about: the venue, or one session. */
export type CapTarget = { kind: 'venue' } | { kind: 'session'; sessionNumber: number };

/** Who a cap change would move, before it happens. */
export interface CapPreview {
  target: CapTarget;
  currentCap: number;
  taken: number;
  newCap: number;
  /** Who would lose their place, latest registration first (LIFO). */
  bumped: RegistrationRecord[];
  /** Who would come off the waiting list, in order. */
  promoted: RegistrationRecord[];
}

/** `venue` or `session-<n>` of a session the event has, else null. */
export function parseCapTarget(raw: string, event: EventData): CapTarget | null {
  if (raw === 'venue') return { kind: 'venue' };
  const match = /^session-(\d{1,3})$/.exec(raw);
  return match && findSession(event, Number(match[1])) ? { kind: 'session', sessionNumber: Number(match[1]) } : null;
}

export const capTargetName = (t: CapTarget) => (t.kind === 'venue' ? 'venue' : `session-${t.sessionNumber}`);

/**
 * The outcome of setting `target`'s cap to `newCap` on the ledger as it stands, by the ledger's own
 * rules: the command runs on a memory replica of the snapshot (MemorySeatLedger.replica), which the
 * Redis ledger mirrors. Lowering moves the most recent holders (LIFO) to the waiting list (a
 * session's own, or the venue's), then whoever fits is promoted in order.
 */
export async function previewCap(data: DeskData, event: EventData, target: CapTarget, newCap: number): Promise<CapPreview> {
  const { availability } = data.snapshot;
  const replica = MemorySeatLedger.replica(event, data.snapshot);
  const command = { key: 'preview', at: new Date(0), cap: newCap };
  const session = target.kind === 'session' ? availability.sessions.find((s) => s.sessionNumber === target.sessionNumber) : undefined;
  const result = target.kind === 'venue' ? await replica.setVenueCap(command) : await replica.setSessionCap({ ...command, sessionNumber: target.sessionNumber });
  const [currentCap, taken] = target.kind === 'venue' ? [availability.venueCap, availability.venueTaken] : [session?.cap ?? 0, session?.taken ?? 0];
  return { target, currentCap, taken, newCap, bumped: result.ok ? result.bumped : [], promoted: result.ok ? result.promoted : [] };
}
