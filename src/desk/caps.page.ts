import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { RegistrationRecord } from '../core/index.ts';
import { audit, field, sessionOf, type DeskDeps } from './desk-context.ts';
import { readDesk, sessionLabel } from './desk-data.ts';
import { capTargetName, parseCapTarget, previewCap, type CapTarget } from './cap-preview.ts';
import type { DeskSession } from './desk-session.ts';
import { csrfField, html, page, type SafeHtml } from './html.ts';
import { personLine } from './tables.ts';

const maxCap = 100_000;

/** Who moved, as registration numbers (`b:12,11;p:4`): what the preview promised, compared after the confirm. */
const movedLine = (bumped: readonly RegistrationRecord[], promoted: readonly RegistrationRecord[]) => `b:${bumped.map((r) => r.seq).join(',')};p:${promoted.map((r) => r.seq).join(',')}`;

function people(title: string, records: readonly RegistrationRecord[], kind: 'bumped' | 'promoted'): SafeHtml {
  if (records.length === 0) return html``;
  return html`<h2>${title} (${records.length})</h2><ul data-moves="${kind}">${records.map((r) => html`<li data-seq="${r.seq}">${personLine(r)}</li>`)}</ul>`;
}

/** GET /organiser/caps, POST .../preview (who would move), POST .../confirm (the ledger command, idempotent by the form's key). */
export function mountCaps(router: Router, deps: DeskDeps): void {
  const targetLabel = (t: CapTarget) => (t.kind === 'venue' ? 'de locatie' : `sessie ${sessionLabel(deps.event, t.sessionNumber)}`);
  // The confirm keys this process audited already, so a double submit is written down once.
  const audited = new Set<string>();

  const form = async (session: DeskSession, problem: string | null) => {
    const { availability } = (await readDesk(deps)).snapshot;
    return html`${problem ? html`<p class="refused">${problem}</p>` : ''}
<form method="post" action="/organiser/caps/preview">${csrfField(session)}
<label>Wat <select name="target"><option value="venue">Locatie (${availability.venueTaken} van ${availability.venueCap})</option>
${availability.sessions.map((s) => html`<option value="session-${s.sessionNumber}">Sessie ${sessionLabel(deps.event, s.sessionNumber)} (${s.taken} van ${s.cap})</option>`)}</select></label>
<label>Nieuwe capaciteit <input name="cap" type="number" min="0" max="${maxCap}" required></label>
<button type="submit">Toon wie er zou verschuiven</button></form>`;
  };

  router.get('/caps', async (_req, res) => {
    const body = html`<p>Eerst zie je precies wie zijn plaats verliest (laatst ingeschreven eerst) of van de wachtlijst komt; pas na bevestigen verandert er iets.</p>${await form(sessionOf(res), null)}`;
    res.type('html').send(page('Capaciteit wijzigen', body, sessionOf(res)));
  });

  const read = (body: unknown) => {
    const target = parseCapTarget(field(body, 'target'), deps.event);
    const raw = field(body, 'cap');
    const cap = /^\d{1,6}$/.test(raw) && Number(raw) <= maxCap ? Number(raw) : null;
    return { target, cap };
  };

  router.post('/caps/preview', async (req, res) => {
    const session = sessionOf(res);
    const { target, cap } = read(req.body);
    if (!target || cap === null) {
      res.status(400).type('html').send(page('Capaciteit wijzigen', await form(session, `Kies de locatie of een sessie en een capaciteit van 0 tot ${maxCap}.`), session));
      return;
    }
    const preview = await previewCap(await readDesk(deps), deps.event, target, cap);
    const nothing = preview.bumped.length + preview.promoted.length === 0;
    const body = html`<p class="notice">Capaciteit van ${targetLabel(target)}: ${preview.currentCap} → ${cap} (nu ${preview.taken} bezet).
${nothing ? 'Niemand verschuift.' : ''}</p>
${people(target.kind === 'venue' ? 'Verliest de plaats op de dag (naar de wachtlijst van de locatie)' : 'Verliest de plaats in deze sessie (en wacht erop; de dag en de andere sessie blijven)', preview.bumped, 'bumped')}
${people('Komt van de wachtlijst', preview.promoted, 'promoted')}
<form method="post" action="/organiser/caps/confirm">${csrfField(session)}
<input type="hidden" name="target" value="${capTargetName(target)}"><input type="hidden" name="cap" value="${cap}"><input type="hidden" name="key" value="${randomUUID()}">
<input type="hidden" name="expected" value="${movedLine(preview.bumped, preview.promoted)}">
<button type="submit">Bevestig: capaciteit ${cap}</button> <a href="/organiser/caps">Annuleren</a></form>
<p>Wie verschuift, krijgt een e-mail en een bericht in de eigen chat.</p>`;
    res.type('html').send(page('Voorbeeld van de wijziging', body, session));
  });

  router.post('/caps/confirm', async (req, res) => {
    const session = sessionOf(res);
    const { target, cap } = read(req.body);
    const key = field(req.body, 'key');
    if (!target || cap === null || !/^[A-Za-z0-9-]{8,64}$/.test(key)) {
      res.status(400).type('html').send(page('Capaciteit wijzigen', await form(session, 'Dat formulier klopt niet; begin opnieuw.'), session));
      return;
    }
    const command = { key: `desk:${key}`, at: deps.ledgerClock.now(), cap };
    const result = target.kind === 'venue' ? await deps.ledger.setVenueCap(command) : await deps.ledger.setSessionCap({ ...command, sessionNumber: target.sessionNumber });
    if (!result.ok) {
      res.status(409).type('html').send(page('Capaciteit wijzigen', await form(session, `De wijziging is geweigerd (${result.reason}); er veranderde niets.`), session));
      return;
    }
    if (!audited.has(key)) {
      audited.add(key);
      await audit(deps, res, 'cap_change', `${capTargetName(target)} → ${cap}: ${result.bumped.length} naar de wachtlijst, ${result.promoted.length} van de wachtlijst`);
    }
    // Someone registered or cancelled between the preview and the confirm: say that others moved than shown.
    const changed = field(req.body, 'expected') !== movedLine(result.bumped, result.promoted);
    const body = html`${changed ? html`<p class="refused" data-changed>Let op: sinds het voorbeeld veranderde er iets. Hieronder staat wie echt verschoof.</p>` : ''}<p class="notice">De capaciteit van ${targetLabel(target)} is nu ${cap}.
${result.bumped.length + result.promoted.length === 0 ? 'Niemand verschoof.' : 'Iedereen die verschoof krijgt een e-mail en een bericht in de eigen chat.'}</p>
${people(target.kind === 'venue' ? 'Verloor de plaats op de dag (nu op de wachtlijst)' : 'Verloor de plaats in deze sessie (wacht er nu op)', result.bumped, 'bumped')}
${people('Kwam van de wachtlijst', result.promoted, 'promoted')}
<p><a href="/organiser">Naar het overzicht</a></p>`;
    res.type('html').send(page('Capaciteit gewijzigd', body, session));
  });
}
