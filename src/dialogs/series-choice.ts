import type { Availability, EventData, RegistrationRecord, Waitlists } from '../core/index.ts';
import type { Speech } from './render.ts';
import { findSession, sessionInSeries, waitlistPlace } from '../core/index.ts';

// What a person has in one series, as the form stores it in the value of `session:<series id>`:
// "4" holds session 4, "none" skips the series, "w4" waits for session 4 without another session,
// "w4+2" waits for 4 and holds 2 meanwhile (the fallback).

/** One series: the session held (or null) and the one waited for (or null); both null skips it. */
export interface SeriesChoice {
  hold: number | null;
  wait: number | null;
}

const valuePattern = /^(?:(\d{1,4})|none|w(\d{1,4})(?:\+(\d{1,4}))?)$/;

/** A stored value as a choice, or null when it is not one. */
export function parseSeriesValue(value: string | undefined): SeriesChoice | null {
  const match = value === undefined ? null : valuePattern.exec(value);
  if (!match) return null;
  if (match[1] !== undefined) return { hold: Number(match[1]), wait: null };
  if (match[2] === undefined) return { hold: null, wait: null };
  return { wait: Number(match[2]), hold: match[3] === undefined ? null : Number(match[3]) };
}

/** A choice as the form stores it. */
export function seriesValue(choice: SeriesChoice): string {
  if (choice.wait !== null) return choice.hold === null ? `w${choice.wait}` : `w${choice.wait}+${choice.hold}`;
  return choice.hold === null ? 'none' : String(choice.hold);
}

/** Whether a choice fits a series of the event: its sessions in that series, not the same one twice, nothing only where skipping is allowed. */
export function isSeriesChoiceOf(event: EventData, seriesId: number, choice: SeriesChoice): boolean {
  const inSeries = (n: number | null) => n === null || findSession(event, n)?.series === seriesId;
  if (!inSeries(choice.hold) || !inSeries(choice.wait) || (choice.hold !== null && choice.hold === choice.wait)) return false;
  return choice.hold !== null || choice.wait !== null || !isRequired(event, seriesId);
}

/** Whether a series must be chosen (the event file's `required`); else "Geen sessie in deze reeks" is offered. */
export function isRequired(event: EventData, seriesId: number): boolean {
  return event.series.find((s) => s.id === seriesId)?.required === true;
}

/** What a registration has in a series. */
export function recordChoice(event: EventData, record: Pick<RegistrationRecord, 'sessions' | 'waitingFor'>, seriesId: number): SeriesChoice {
  return { hold: sessionInSeries(event, record.sessions, seriesId) ?? null, wait: sessionInSeries(event, record.waitingFor, seriesId) ?? null };
}

/** The 1-based place of a registration on a session's waiting list, when the lists are known. */
export function placeOf(waitlists: Waitlists | undefined, registrationId: string, sessionNumber: number): number | null {
  return waitlists ? waitlistPlace(waitlists, registrationId, sessionNumber) : null;
}

/** "sessie 4 (plaats 2), intussen sessie 2" for every session a registration waits for. */
export function waitLines(registration: RegistrationRecord, live: { waitlists?: Waitlists | undefined; availability: Availability }, s: Speech): string[] {
  return (registration.waitingFor ?? []).map((n) => {
    const seriesId = findSession(s.event, n)?.series ?? 0;
    const meanwhile = recordChoice(s.event, registration, seriesId).hold;
    // Without the lists, a new registration is the last on the list it joined.
    const place = placeOf(live.waitlists, registration.id, n) ?? live.availability.sessions.find((x) => x.sessionNumber === n)?.waiting ?? null;
    return s.m.seats.waitLine(n, place, meanwhile);
  });
}
