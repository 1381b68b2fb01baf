import { findSession, type EventData, type OutboxEntry, type RegistrationRecord } from '../core/index.ts';
import { showSeriesChoice } from './form-fields.ts';
import { eventWhen, seriesName, speech, type Speech } from './render.ts';
import { recordChoice } from './series-choice.ts';
import type { Choice, Fact, Reply } from './types.ts';

// Notices do not show seats, so they speak without live counters.
const noSeats = { venueCap: 0, venueTaken: 0, sessions: [], waitlistLength: 0 };

/** The registration as facts: the name, the status, and the session held (or waited for) in each series. */
function registrationFacts(r: RegistrationRecord, s: Speech): Fact[] {
  const { m, event } = s;
  const facts: Fact[] = [
    { label: m.factName, value: `${r.firstName} ${r.lastName}` },
    { label: m.factStatus, value: r.status === 'confirmed' ? m.statusConfirmed : m.statusWaitlisted },
  ];
  for (const series of event.series) {
    const choice = recordChoice(event, r, series.id);
    facts.push({ label: m.seriesFieldName(seriesName(series, s)), value: showSeriesChoice(choice, s, null) });
  }
  return facts;
}

/** "sessie 4 in plaats van sessie 3", for each series whose session changed. */
function sessionChanges(entry: OutboxEntry, s: Speech): string[] {
  const before = entry.previousSessions ?? [];
  const seriesOf = (n: number) => findSession(s.event, n)?.series;
  return entry.registration.sessions
    .map((now) => ({ now, previous: before.find((p) => seriesOf(p) === seriesOf(now)) }))
    .filter((c): c is { now: number; previous: number } => c.previous !== undefined && c.previous !== c.now)
    .map((c) => s.m.notices.sessionChange(c.previous, c.now));
}

/**
 * The chat notice for an outbox entry, in the registrant's language: what happened, the
 * registration as it stands, and the useful next step as choices (every id is one the dialogs
 * understand at any point: `my-registration`, `cancel-registration`, `register`). Pure.
 */
export function renderNotice(entry: OutboxEntry, event: EventData): Reply[] {
  const r = entry.registration;
  const s = speech(event, noSeats, r.language);
  const { m } = s;
  const n = m.notices;
  const when = `${eventWhen(s)}, ${event.venue.shortName}`;
  const mine: Choice = { id: 'my-registration', label: m.menu.myRegistration };
  const leave: Choice = { id: 'cancel-registration', label: n.leaveWaitlist };
  const facts = registrationFacts(r, s);
  switch (entry.kind) {
    case 'confirmation':
      return [{ text: n.confirmation(event.title, when), facts, choices: [mine] }];
    case 'waitlisted':
      return [{ text: n.waitlisted(event.title), facts, choices: [mine, leave] }];
    case 'session_changed': {
      const changes = sessionChanges(entry, s);
      return [{ text: changes.length > 0 ? n.sessionChanged(event.title, changes) : n.updated(event.title), facts, choices: [mine] }];
    }
    case 'cancelled':
      return [{ text: n.cancelled(event.title), choices: [{ id: 'register', label: n.registerAgain }] }];
    case 'bumped':
      if (entry.sessionNumber !== undefined) return [{ text: m.seats.bumpedFromSession(entry.sessionNumber, event.title), facts, choices: [mine] }];
      return [{ text: n.bumped(event.title), facts, choices: [mine, leave] }];
    case 'promoted':
      if (entry.sessionNumber !== undefined) return [{ text: m.seats.promotedToSession(entry.sessionNumber, event.title), facts, choices: [mine] }];
      return [{ text: n.promoted(event.title, when), facts, choices: [mine] }];
    case 'reminder':
      // The cancel flow asks once more before it frees the seats.
      return [{ text: n.reminder(event.title, when), facts, choices: [mine, { id: 'cancel-registration', label: n.cannotCome }] }];
    case 'organiser_message':
      return [{ text: n.organiserMessage(event.title, entry.message?.[r.language] || entry.message?.nl || ''), choices: [mine] }];
    default:
      // A kind without a text of its own (added after this one): what it holds now.
      return [{ text: n.updated(event.title), facts, choices: r.status === 'waitlisted' ? [mine, leave] : [mine] }];
  }
}
