import type { Router } from 'express';
import { field, sessionOf, type DeskDeps } from './desk-context.ts';
import { matchesSearch, readDesk } from './desk-data.ts';
import { html, page } from './html.ts';
import { buildTable, formatMoment, tableNames, type Cell } from './tables.ts';

const listLabel = (name: string) =>
  name === 'registrations' ? 'Alle' : name === 'venue' ? 'Locatie' : name === 'waiting' ? 'Wachtlijst' : name === 'books' ? 'Boeken' : name === 'checkins' ? 'Check-ins' : name.replace('session-', 'Sessie ').replace('waiting-', 'Wachtlijst ');

/** GET /organiser/lists/<list>?q=: one list, searchable by name, organisation or e-mail; and the exports page. */
export function mountLists(router: Router, deps: DeskDeps): void {
  const cellHtml = (cell: Cell) => (cell === null ? '' : typeof cell === 'object' ? formatMoment(cell.at, deps.event.timezone) : cell);
  router.get('/lists/:name', async (req, res) => {
    const table = buildTable(req.params.name, await readDesk(deps), deps.event);
    if (!table) {
      res.status(404).type('html').send(page('Geen lijst', html`<p>Die lijst bestaat niet.</p>`, sessionOf(res)));
      return;
    }
    const query = field(req.query, 'q').slice(0, 100);
    const rows = query === '' ? table.rows : table.rows.filter((row) => matchesSearch(row.record, query));
    const body = html`<p>${tableNames(deps.event).map((name) => html`<a href="/organiser/lists/${name}">${listLabel(name)}</a> `)}</p>
<form method="get" action="/organiser/lists/${table.name}" role="search"><label>Zoek op naam, organisatie of e-mail <input type="search" name="q" value="${query}"></label><button type="submit">Zoek</button></form>
<p><span data-rows>${rows.length}</span> van ${table.rows.length} · download <a href="/organiser/exports/${table.name}.csv">CSV</a> · <a href="/organiser/exports/${table.name}.xlsx">Excel</a></p>
<table><thead><tr>${table.columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
${rows.map((row) => html`<tr data-seq="${row.record.seq}">${row.cells.map((c) => html`<td>${cellHtml(c)}</td>`)}</tr>`)}
</tbody></table>`;
    res.type('html').send(page(table.title, body, sessionOf(res)));
  });
  router.get('/exports', (_req, res) => {
    const body = html`<p>CSV opent rechtstreeks in Excel (puntkomma's, UTF-8, datums dd/mm/jjjj uu:mm Brusselse tijd); Excel-bestanden voor wie liever filtert.</p>
<table><thead><tr><th>Lijst</th><th>CSV</th><th>Excel</th></tr></thead><tbody>
${tableNames(deps.event).map((name) => html`<tr><td>${listLabel(name)}</td><td><a href="/organiser/exports/${name}.csv">${name}.csv</a></td><td><a href="/organiser/exports/${name}.xlsx">${name}.xlsx</a></td></tr>`)}
</tbody></table>`;
    res.type('html').send(page('Exports', body, sessionOf(res)));
  });
}
