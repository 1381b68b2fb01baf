import type { Router } from 'express';
import type { RegistrationRecord } from '../core/index.ts';
import { CheckinCodes } from './checkin-code.ts';
import { audit, field, sessionOf, type DeskDeps } from './desk-context.ts';
import { bySeq, fullName, matchesSearch, readDesk, sessionLabel } from './desk-data.ts';
import { csrfField, html, page, type SafeHtml } from './html.ts';
import type { DeskSession } from './desk-session.ts';

/** What the door is told about one code or person. */
type Lookup = { kind: 'unknown' } | { kind: 'gone' } | { kind: 'found'; record: RegistrationRecord };

function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-BE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** GET /organiser/checkin (scan, type a code or search a name), POST .../checkin (marks once). */
export function mountCheckin(router: Router, deps: DeskDeps): void {
  const forms = (session: DeskSession, query = '') => html`<form method="post" action="/organiser/checkin" data-scan class="checkin">${csrfField(session)}
<label>Code <input name="code" autocomplete="off" autocapitalize="characters" placeholder="12-ABCD2345" autofocus></label><button type="submit">Check in</button></form>
<form method="get" action="/organiser/checkin"><label>Of zoek een naam <input type="search" name="q" value="${query}"></label><button type="submit">Zoek</button></form>`;

  const sessionsOf = (r: RegistrationRecord) => html`<ul>${r.sessions.map((n) => html`<li>${sessionLabel(deps.event, n)}</li>`)}</ul>`;

  router.get('/checkin', async (req, res) => {
    const session = sessionOf(res);
    const query = field(req.query, 'q').trim().slice(0, 100);
    let found: SafeHtml = html``;
    if (query !== '') {
      const matches = (await readDesk(deps)).snapshot.registrations.filter((r) => matchesSearch(r, query)).slice(0, 20);
      found = html`<h2>${matches.length === 0 ? 'Niemand gevonden' : 'Gevonden'}</h2>${matches.map(
        (r) => html`<form method="post" action="/organiser/checkin">${csrfField(session)}<input type="hidden" name="registration" value="${r.seq}">
<p><strong>${fullName(r)}</strong> (${r.organisation}) · ${r.status === 'confirmed' ? 'ingeschreven' : 'WACHTLIJST'} <button type="submit">Check in</button></p></form>`,
      )}`;
    }
    res.type('html').send(page('Check-in', html`${forms(session, query)}${found}`, session));
  });

  router.post('/checkin', async (req, res) => {
    const session = sessionOf(res);
    const data = await readDesk(deps);
    const typed = field(req.body, 'code');
    const number = field(req.body, 'registration');
    let lookup: Lookup = { kind: 'unknown' };
    if (/^\d{1,7}$/.test(number)) {
      const record = bySeq(data, Number(number));
      lookup = record ? { kind: 'found', record } : { kind: 'gone' };
    } else {
      const parsed = CheckinCodes.parse(typed);
      const record = parsed ? bySeq(data, parsed.seq) : null;
      if (parsed && record && deps.codes.matches(parsed.code, record)) lookup = { kind: 'found', record };
      // A well-formed code of a number the ledger no longer holds: a cancelled registration (or a typo).
      else if (parsed && !record) lookup = { kind: 'gone' };
    }
    let outcome: SafeHtml;
    if (lookup.kind !== 'found') {
      await audit(deps, res, 'checkin', lookup.kind === 'gone' ? 'geweigerd: geen inschrijving (meer) met die code' : 'geweigerd: onbekende code');
      outcome = html`<div class="refused" data-outcome="refused"><strong>NIET TOEGELATEN</strong><br>${
        lookup.kind === 'gone' ? 'Geen inschrijving (meer) met deze code: geannuleerd.' : 'Deze code kennen we niet. Controleer hem, of zoek op naam.'
      }</div>`;
    } else if (lookup.record.status !== 'confirmed') {
      const r = lookup.record;
      await audit(deps, res, 'checkin', `geweigerd: #${r.seq} staat op de wachtlijst`);
      outcome = html`<div class="refused" data-outcome="waitlisted"><strong>NIET TOEGELATEN</strong>: ${fullName(r)} (${r.organisation}) staat op de wachtlijst en heeft geen plaats.</div>`;
    } else {
      const r = lookup.record;
      const mark = await deps.checkins.mark(r.id, deps.clock.now());
      const at = clockTime(mark.at, deps.event.timezone);
      await audit(deps, res, 'checkin', mark.first ? `#${r.seq} ingecheckt` : `#${r.seq} al ingecheckt`);
      outcome = mark.first
        ? html`<div class="admitted" data-outcome="admitted"><strong>Welkom, ${fullName(r)}</strong> (${r.organisation})<br>Ingecheckt om ${at}.${sessionsOf(r)}</div>`
        : html`<div class="refused" data-outcome="already"><strong>${fullName(r)}</strong> (${r.organisation}) is al ingecheckt om ${at}.${sessionsOf(r)}</div>`;
    }
    res.type('html').send(page('Check-in', html`${outcome}${forms(session)}`, session));
  });
}
