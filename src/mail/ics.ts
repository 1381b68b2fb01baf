import ical, { ICalCalendarMethod } from 'ical-generator';
import { findSession, seriesIndexOf, sessionTimes, sessionTitle, zonedTime, type EventData, type RegistrationRecord } from '../core/index.ts';
import type { MailCatalogue } from './catalogue.ts';

/**
 * The calendar file of a registration: the whole day and one event per session held. Times are
 * written in UTC (computed from the event's zone by the core helpers), so every calendar shows
 * them right without a VTIMEZONE block; UIDs are stable per registration so a later file
 * (after a change of session) updates the same calendar items.
 */
export function buildIcs(event: EventData, registration: RegistrationRecord, c: MailCatalogue, stamp: Date): string {
  const uidDomain = `balie.${event.id}`;
  const where = `${event.venue.name}, ${event.venue.street}, ${event.venue.postalCode} ${event.venue.city}`;
  // Grows with every change of the registration, so calendars take the newer file.
  const sequence = Math.max(0, Math.floor((Date.parse(registration.updatedAt) - Date.parse(registration.registeredAt)) / 1000));
  const calendar = ical({
    prodId: { company: 'Balie', product: event.id, language: c.locale.slice(0, 2).toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: event.title,
  });
  calendar.createEvent({
    id: `${registration.id}-day@${uidDomain}`,
    start: zonedTime(event.date, event.hours.start, event.timezone),
    end: zonedTime(event.date, event.hours.end, event.timezone),
    stamp,
    sequence,
    summary: c.icsDayTitle(event.title),
    location: where,
    description: c.contact(event.contact),
  });
  registration.sessions.forEach((sessionNumber) => {
    const session = findSession(event, sessionNumber);
    if (!session) return;
    const index = seriesIndexOf(event, sessionNumber);
    const { start, end } = sessionTimes(event, session);
    calendar.createEvent({
      // Keyed by series, not session: a change of session replaces the item instead of adding one.
      id: `${registration.id}-series-${index + 1}@${uidDomain}`,
      start,
      end,
      stamp,
      sequence,
      summary: c.icsSessionTitle(session.number, sessionTitle(session, c.lang)),
      location: `${session.room}, ${where}`,
      description: session.description,
    });
  });
  return calendar.toString();
}
