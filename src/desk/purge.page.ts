import type { Router } from 'express';
import type { PurgePreview } from '../core/index.ts';
import { audit, field, sessionOf, type DeskDeps } from './desk-context.ts';
import { csrfField, html, page } from './html.ts';
import { formatMoment } from './tables.ts';

/** The word an organiser types to confirm the purge, so a stray click never erases the event. */
const confirmWord = 'WISSEN';

const counts = (p: PurgePreview) =>
  html`<ul><li data-purge="registrations">${p.registrations} inschrijvingen: naam, e-mail, telefoon, organisatie, adres en chat-account gewist (sessies, soort organisatie en boek ja/nee blijven, voor de tellingen)</li>
<li>${p.outboxEntries} berichten in de outbox: de kopieën van die gegevens gewist</li><li>${p.commandResults} bewaarde resultaten van opdrachten verwijderd</li><li>${p.chatData} gesprekken, adressen en korte waarden van de chat verwijderd</li></ul>`;

/** GET /organiser/purge (what the purge would remove) and POST .../purge (it runs, once confirmed by a typed word). */
export function mountPurge(router: Router, deps: DeskDeps): void {
  router.get('/purge', async (_req, res) => {
    const session = sessionOf(res);
    const [preview, done] = await Promise.all([deps.privacy.purgePreview(), deps.privacy.purgedCounts()]);
    const body = html`${done ? html`<p class="notice">De persoonsgegevens werden gewist op ${formatMoment(done.purgedAt, deps.event.timezone)}; de anonieme tellingen blijven.</p>` : ''}
<p>Na de dag (automatisch na BALIE_PURGE_DAYS_AFTER dagen) of nu: dit verdwijnt.</p>${counts(preview)}
<form method="post" action="/organiser/purge">${csrfField(session)}
<label>Typ ${confirmWord} om te bevestigen <input name="confirm" autocomplete="off" required></label><button type="submit">Wis alle persoonsgegevens</button></form>`;
    res.type('html').send(page('Persoonsgegevens wissen', body, session));
  });
  router.post('/purge', async (req, res) => {
    const session = sessionOf(res);
    if (field(req.body, 'confirm').trim() !== confirmWord) {
      res.status(400).type('html').send(page('Persoonsgegevens wissen', html`<p class="refused">Typ ${confirmWord} om te bevestigen; er is niets gewist.</p><p><a href="/organiser/purge">Terug</a></p>`, session));
      return;
    }
    const report = await deps.purge(deps.ledgerClock.now());
    await audit(deps, res, 'purge', `${report.registrations} inschrijvingen, ${report.outboxEntries} outbox-berichten, ${report.chatData} chatgegevens gewist`);
    res.type('html').send(page('Persoonsgegevens gewist', html`<p class="notice" data-purged>Gewist:</p>${counts(report)}<p><a href="/organiser">Naar het overzicht</a></p>`, session));
  });
}
