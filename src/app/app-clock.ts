import { eventStartsAt, fixedClock, registrationDeadline, systemClock, zonedTime, type Clock, type EventData } from '../core/index.ts';
import { defaultConsoleNow } from './config.ts';

/** The clock the console runs on, and why, for the banner and the log. */
export interface ChosenClock {
  clock: Clock;
  /** The pinned instant. */
  at: Date;
  source: 'BALIE_NOW' | 'default';
}

/**
 * The console's clock: pinned to BALIE_NOW when set, else to 2020-10-15 09:00 Brussels time,
 * because the shipped event is in 2020 and its registration closed on 22 October 2020.
 */
export function consoleClock(pinned: Date | null): ChosenClock {
  const at = pinned ?? defaultConsoleNow;
  return { clock: fixedClock(at), at, source: pinned ? 'BALIE_NOW' : 'default' };
}

/** "15-10-2020 09:00 (Europe/Brussels), default: the shipped event is in 2020; BALIE_NOW changes it". */
export function describeClock(chosen: ChosenClock, timeZone: string): string {
  const shown = new Intl.DateTimeFormat('nl-BE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(chosen.at);
  const why = chosen.source === 'BALIE_NOW' ? 'from BALIE_NOW' : 'default: the shipped event is in 2020; set BALIE_NOW to change it';
  return `pinned at ${shown} (${timeZone}), ${why}`;
}

/** The clock the host runs on, and why. */
export type HostClock =
  | { clock: Clock; source: 'BALIE_NOW'; at: Date }
  | { clock: Clock; source: 'system' }
  /** Registration closed by the real clock: pinned before the deadline, so people can try it (said loudly at start). */
  | { clock: Clock; source: 'closed'; at: Date; deadline: Date };

/** A week before the deadline, 09:00 in the event's time zone (for the shipped event: 2020-10-15 09:00, as the console). */
export function pinnedBeforeDeadline(event: EventData): Date {
  const [y, m, d] = event.registrationCloses.split('-').map(Number) as [number, number, number];
  const weekBefore = new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10);
  return zonedTime(weekBefore, '09:00', event.timezone);
}

/**
 * The host's clock: BALIE_NOW when set; else the real time until the event starts (between the
 * deadline and the day, registering is refused but a cancel, the reminders and their links must run
 * on time, also after a restart); else (a past event, such as the shipped 2020 one) pinned a week
 * before the deadline, so that Telegram can be tried with it.
 */
export function hostClock(pinned: Date | null, event: EventData, realNow: Date): HostClock {
  if (pinned) return { clock: fixedClock(pinned), source: 'BALIE_NOW', at: pinned };
  if (realNow.getTime() < eventStartsAt(event).getTime()) return { clock: systemClock, source: 'system' };
  const at = pinnedBeforeDeadline(event);
  return { clock: fixedClock(at), source: 'closed', at, deadline: registrationDeadline(event) };
}
