import type { Router } from 'express';
import { organisationTypes } from '../core/index.ts';
import { sessionOf, type DeskDeps } from './desk-context.ts';
import { bookOrders, confirmed, holdersOf, organisationTypeLabel, readDesk, readOutbox, waitingFor, waitingList, type DeskData } from './desk-data.ts';
import { html, page, type SafeHtml } from './html.ts';

/** The overview's figures, also as JSON for scripts and tests. */
export interface OverviewFigures {
  venue: { taken: number; cap: number; waiting: number };
  sessions: Array<{ number: number; title: string; room: string; taken: number; cap: number; waiting: number }>;
  books: { count: number; totalEur: number };
  organisationTypes: Array<{ type: string; confirmed: number; waiting: number }>;
  outbox: Array<{ lane: string; state: string; count: number }>;
  failures: Array<{ registration: number; kind: string; lane: string; attempts: number; error: string }>;
  checkins: { count: number; of: number };
}

export async function overviewFigures(deps: DeskDeps): Promise<OverviewFigures> {
  const [data, outbox] = await Promise.all([readDesk(deps), readOutbox(deps)]);
  return figures(deps, data, outbox);
}

function figures(deps: DeskDeps, data: DeskData, outbox: Awaited<ReturnType<typeof readOutbox>>): OverviewFigures {
  const { availability, registrations } = data.snapshot;
  const price = deps.event.book?.priceEur ?? 0;
  const books = bookOrders(data).length;
  const holding = confirmed(data);
  return {
    venue: { taken: availability.venueTaken, cap: availability.venueCap, waiting: waitingList(data).length },
    sessions: deps.event.sessions.map((s) => {
      const seats = availability.sessions.find((x) => x.sessionNumber === s.number);
      return { number: s.number, title: s.title, room: s.room, taken: seats?.taken ?? holdersOf(data, s.number).length, cap: seats?.cap ?? s.capacity, waiting: waitingFor(data, s.number).length };
    }),
    books: { count: books, totalEur: books * price },
    organisationTypes: organisationTypes.map((type) => ({
      type,
      confirmed: holding.filter((r) => r.organisationType === type).length,
      waiting: registrations.filter((r) => r.status === 'waitlisted' && r.organisationType === type).length,
    })),
    outbox: outbox.counts.map((c) => ({ lane: c.lane, state: c.state, count: c.count })),
    failures: outbox.failed.map((e) => ({ registration: e.registration.seq, kind: e.kind, lane: e.lane, attempts: e.attempts, error: e.lastError ?? '' })),
    checkins: { count: holding.filter((r) => data.checkins.has(r.id)).length, of: holding.length },
  };
}

const eur = (amount: number) => new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }).format(amount);
const laneName = (lane: string) => (lane === 'mail' ? 'e-mail' : `chat (${lane.slice('chat:'.length)})`);
const stateName: Record<string, string> = { pending: 'wacht', sent: 'verstuurd', failed: 'mislukt' };

/** The overview's body: the part the script (or the <noscript> refresh) renews. */
export function overviewFragment(f: OverviewFigures): SafeHtml {
  const lanes = [...new Set(f.outbox.map((c) => c.lane))];
  const count = (lane: string, state: string) => f.outbox.find((c) => c.lane === lane && c.state === state)?.count ?? 0;
  return html`<section><h2>Locatie</h2>
<p><strong data-figure="venue-taken">${f.venue.taken}</strong> van <span data-figure="venue-cap">${f.venue.cap}</span> plaatsen bezet
· <span data-figure="venue-waiting">${f.venue.waiting}</span> op de wachtlijst
· <span data-figure="checkins">${f.checkins.count}</span> van ${f.checkins.of} ingecheckt</p></section>
<section><h2>Sessies</h2><table><thead><tr><th>Sessie</th><th>Zaal</th><th class="num">Bezet</th><th class="num">Capaciteit</th><th class="num">Wachtlijst</th></tr></thead><tbody>
${f.sessions.map(
  (s) => html`<tr data-session="${s.number}"><td><a href="/organiser/lists/session-${s.number}">${s.number} · ${s.title}</a></td><td>${s.room}</td>
<td class="num${s.taken >= s.cap ? ' full' : ''}" data-figure="session-${s.number}-taken">${s.taken}</td><td class="num" data-figure="session-${s.number}-cap">${s.cap}</td>
<td class="num"><a href="/organiser/lists/waiting-${s.number}" data-figure="session-${s.number}-waiting">${s.waiting}</a></td></tr>`,
)}</tbody></table></section>
<section><h2>Boeken</h2><p><a href="/organiser/lists/books"><span data-figure="books">${f.books.count}</span> besteld</a>, samen <span data-figure="books-eur">${eur(f.books.totalEur)}</span></p></section>
<section><h2>Per soort organisatie</h2><table><thead><tr><th>Soort</th><th class="num">Ingeschreven</th><th class="num">Wachtlijst</th></tr></thead><tbody>
${f.organisationTypes.map((o) => html`<tr><td>${organisationTypeLabel(o.type as never)}</td><td class="num" data-figure="type-${o.type}">${o.confirmed}</td><td class="num">${o.waiting}</td></tr>`)}
</tbody></table></section>
<section><h2>Berichten (outbox)</h2><table><thead><tr><th>Kanaal</th>${Object.values(stateName).map((s) => html`<th class="num">${s}</th>`)}</tr></thead><tbody>
${lanes.map((lane) => html`<tr><td>${laneName(lane)}</td>${Object.keys(stateName).map((state) => html`<td class="num" data-figure="outbox-${lane}-${state}">${count(lane, state)}</td>`)}</tr>`)}
</tbody></table>
${f.failures.length === 0 ? html`<p>Geen mislukte berichten.</p>` : html`<table><thead><tr><th>Inschrijving</th><th>Soort</th><th>Kanaal</th><th class="num">Pogingen</th><th>Reden</th></tr></thead><tbody>
${f.failures.map((x) => html`<tr><td>#${x.registration}</td><td>${x.kind}</td><td>${laneName(x.lane)}</td><td class="num">${x.attempts}</td><td>${x.error}</td></tr>`)}</tbody></table>`}</section>`;
}

/** GET /organiser (the overview, refreshing itself), its fragment, and its figures as JSON. */
export function mountOverview(router: Router, deps: DeskDeps): void {
  router.get('/', async (_req, res) => {
    const body = html`<p>${deps.event.title}: het overzicht vernieuwt zichzelf om de paar seconden.</p>
<div data-live="/organiser/overview.frag" data-every="3000">${overviewFragment(await overviewFigures(deps))}</div>`;
    res.type('html').send(page('Overzicht', body, sessionOf(res), { refreshSeconds: 10 }));
  });
  router.get('/overview.frag', async (_req, res) => {
    res.type('html').send(overviewFragment(await overviewFigures(deps)).value);
  });
  router.get('/api/overview', async (_req, res) => {
    res.json(await overviewFigures(deps));
  });
}
