import type { Router } from 'express';
import { sessionOf, type DeskDeps } from './desk-context.ts';
import { html, page } from './html.ts';
import { formatMoment } from './tables.ts';

/** GET /organiser/audit: the latest organiser actions, newest first. */
export function mountAudit(router: Router, deps: DeskDeps): void {
  router.get('/audit', async (_req, res) => {
    const entries = await deps.audit.recent(200);
    const body = html`<p>Wie deed wat en wanneer (de laatste ${entries.length}); zonder persoonsgegevens: een inschrijving heet hier #nummer.</p>
<table><thead><tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Details</th></tr></thead><tbody>
${entries.map((e) => html`<tr data-action="${e.action}"><td>${formatMoment(e.at, deps.event.timezone)}</td><td>${e.organiser}</td><td>${e.action}</td><td>${e.detail}</td></tr>`)}
</tbody></table>`;
    res.type('html').send(page('Logboek', body, sessionOf(res)));
  });
}
