import type { EventData, RegistrationRecord } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import { bookOrders, confirmed, fullName, holdersOf, organisationTypeLabel, waitingFor, waitingList, type DeskData } from './desk-data.ts';

/** A cell: text, a whole number, or a moment (shown dd/mm/yyyy hh:mm in the event's zone). */
export type Cell = string | number | { at: string } | null;

/** One list of the desk, as the page, the CSV and the spreadsheet show it. */
export interface DeskTable {
  name: string;
  title: string;
  columns: string[];
  rows: Array<{ record: RegistrationRecord; cells: Cell[] }>;
}

/** The names of every list: `registrations`, `venue`, `session-<n>`, `waiting`, `waiting-<n>`, `books`, `checkins`. */
export function tableNames(event: EventData): string[] {
  return ['registrations', 'venue', ...event.sessions.map((s) => `session-${s.number}`), 'waiting', ...event.sessions.map((s) => `waiting-${s.number}`), 'books', 'checkins'];
}

const statusLabel = (r: RegistrationRecord) => (r.status === 'confirmed' ? 'ingeschreven' : 'wachtlijst');
const checkedIn = (data: DeskData, r: RegistrationRecord): Cell => {
  const at = data.checkins.get(r.id);
  return at ? { at } : null;
};

/** The list `name`, or null when there is none of that name. */
export function buildTable(name: string, data: DeskData, event: EventData): DeskTable | null {
  const seriesColumns = event.series.map((s) => `Sessie ${s.name.toLowerCase()}`);
  // A registration may hold nothing in a series (it waits for a session there, or skips it).
  const sessionCells = (r: RegistrationRecord) => event.series.map((series) => r.sessions.find((n) => findSession(event, n)?.series === series.id) ?? null);
  const person = (r: RegistrationRecord) => [r.seq, r.firstName, r.lastName, r.organisation];
  const number = /^(session|waiting)-(\d+)$/.exec(name);
  if (number) {
    const session = findSession(event, Number(number[2]));
    if (!session) return null;
    if (number[1] === 'session') {
      return {
        name,
        title: `Sessie ${session.number}: ${session.title} (${session.room})`,
        columns: ['Nr', 'Voornaam', 'Naam', 'Organisatie', 'Ingecheckt'],
        rows: holdersOf(data, session.number).map((r) => ({ record: r, cells: [...person(r), checkedIn(data, r)] })),
      };
    }
    return {
      name,
      title: `Wachtlijst sessie ${session.number}: ${session.title}`,
      columns: ['Plaats', 'Nr', 'Voornaam', 'Naam', 'Organisatie', 'E-mail', 'Ingeschreven op'],
      rows: waitingFor(data, session.number).map((r, i) => ({ record: r, cells: [i + 1, ...person(r), r.email, { at: r.registeredAt }] })),
    };
  }
  switch (name) {
    case 'registrations':
      return {
        name,
        title: 'Alle inschrijvingen',
        columns: ['Nr', 'Voornaam', 'Naam', 'Organisatie', 'Soort organisatie', 'E-mail', 'Telefoon', 'Status', ...seriesColumns, 'Wacht op', 'Boek', 'Ingeschreven op', 'Ingecheckt'],
        rows: data.snapshot.registrations.map((r) => ({
          record: r,
          cells: [...person(r), organisationTypeLabel(r.organisationType), r.email, r.phone, statusLabel(r), ...sessionCells(r), (r.waitingFor ?? []).join(', '), r.book ? 'ja' : 'nee', { at: r.registeredAt }, checkedIn(data, r)],
        })),
      };
    case 'venue':
      return {
        name,
        title: `Lijst van de locatie (${event.venue.name})`,
        columns: ['Nr', 'Voornaam', 'Naam', 'Organisatie', ...seriesColumns, 'Ingecheckt'],
        rows: confirmed(data).map((r) => ({ record: r, cells: [...person(r), ...sessionCells(r), checkedIn(data, r)] })),
      };
    case 'waiting':
      return {
        name,
        title: 'Wachtlijst van de locatie (wie nog geen plaats op de dag heeft)',
        columns: ['Plaats', 'Nr', 'Voornaam', 'Naam', 'Organisatie', 'E-mail', ...seriesColumns, 'Ingeschreven op'],
        rows: waitingList(data).map((r, i) => ({ record: r, cells: [i + 1, ...person(r), r.email, ...sessionCells(r), { at: r.registeredAt }] })),
      };
    case 'books':
      return {
        name,
        title: 'Boekbestellingen',
        columns: ['Nr', 'Voornaam', 'Naam', 'Organisatie', 'E-mail', 'Straat en nummer', 'Postcode', 'Gemeente', 'Land', 'Besteld op'],
        rows: bookOrders(data).map((r) => {
          const a = r.book?.shippingAddress;
          return { record: r, cells: [...person(r), r.email, a?.street ?? '', a?.postalCode ?? '', a?.city ?? '', a?.country ?? '', { at: r.registeredAt }] };
        }),
      };
    case 'checkins':
      return {
        name,
        title: 'Check-ins',
        columns: ['Nr', 'Voornaam', 'Naam', 'Organisatie', 'Status', 'Ingecheckt'],
        rows: data.snapshot.registrations
          .filter((r) => data.checkins.has(r.id))
          .sort((a, b) => (data.checkins.get(a.id) ?? '').localeCompare(data.checkins.get(b.id) ?? ''))
          .map((r) => ({ record: r, cells: [...person(r), statusLabel(r), checkedIn(data, r)] })),
      };
    default:
      return null;
  }
}

/** A person's name for a heading. */
export const personLine = (r: RegistrationRecord) => `#${r.seq} ${fullName(r)} (${r.organisation})`;

/** "29/10/2020 12:31" in `timeZone`. */
export function formatMoment(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
