import { fixedClock, type Clock } from '../core/index.ts';
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
