import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { channelOfUserKey, findSession, laneChannel, type RegistrationRecord } from '../core/index.ts';
import { audit, field, sessionOf, type DeskDeps } from './desk-context.ts';
import { holdersOf, readDesk, sessionLabel, waitingFor, waitingList, type DeskData } from './desk-data.ts';
import type { DeskSession } from './desk-session.ts';
import { csrfField, html, page } from './html.ts';

const maxLength = 1000;

/** Who a message goes to: `all`, `session-<n>` (its holders), `waiting` or `waiting-<n>`; null for anything else. */
function audience(name: string, data: DeskData, deps: DeskDeps): { label: string; people: RegistrationRecord[] } | null {
  if (name === 'all') return { label: 'iedereen (ingeschreven en wachtlijst)', people: data.snapshot.registrations };
  if (name === 'waiting') return { label: 'de hele wachtlijst', people: waitingList(data) };
  const match = /^(session|waiting)-(\d{1,3})$/.exec(name);
  if (!match || !findSession(deps.event, Number(match[2]))) return null;
  const n = Number(match[2]);
  return match[1] === 'session' ? { label: `wie sessie ${sessionLabel(deps.event, n)} volgt`, people: holdersOf(data, n) } : { label: `de wachtlijst van sessie ${n}`, people: waitingFor(data, n) };
}

/** GET /organiser/message, POST .../preview (how many it reaches, by mail and by chat), POST .../send (through the outbox, once per form). */
export function mountMessage(router: Router, deps: DeskDeps): void {
  const form = (session: DeskSession, values: { to: string; nl: string; en: string }, problem: string | null) => html`${problem ? html`<p class="refused">${problem}</p>` : ''}
<form method="post" action="/organiser/message/preview">${csrfField(session)}
<label>Aan <select name="to"><option value="all">Iedereen</option>${deps.event.sessions.map(
    (s) => html`<option value="session-${s.number}"${values.to === `session-${s.number}` ? html` selected` : ''}>Sessie ${s.number}: wie ze volgt</option>`,
  )}<option value="waiting"${values.to === 'waiting' ? html` selected` : ''}>De hele wachtlijst</option>${deps.event.sessions.map(
    (s) => html`<option value="waiting-${s.number}"${values.to === `waiting-${s.number}` ? html` selected` : ''}>Wachtlijst van sessie ${s.number}</option>`,
  )}</select></label>
<label>Bericht (Nederlands) <textarea name="nl" rows="4" cols="60" maxlength="${maxLength}" required>${values.nl}</textarea></label>
<label>Message (English) <textarea name="en" rows="4" cols="60" maxlength="${maxLength}" required>${values.en}</textarea></label>
<button type="submit">Toon hoeveel mensen het bereikt</button></form>`;

  const read = (body: unknown) => ({ to: field(body, 'to'), nl: field(body, 'nl').trim(), en: field(body, 'en').trim() });
  const problemOf = (v: { nl: string; en: string }) => (v.nl === '' || v.en === '' ? 'Schrijf het bericht in het Nederlands en in het Engels.' : v.nl.length > maxLength || v.en.length > maxLength ? `Hou het bericht kort: hoogstens ${maxLength} tekens.` : null);

  router.get('/message', (_req, res) => {
    const body = html`<p>Een kort bericht aan deelnemers, per e-mail en in hun eigen chat, elk in hun taal. Eerst zie je hoeveel mensen het bereikt.</p>${form(sessionOf(res), { to: 'all', nl: '', en: '' }, null)}`;
    res.type('html').send(page('Bericht aan deelnemers', body, sessionOf(res)));
  });

  router.post('/message/preview', async (req, res) => {
    const session = sessionOf(res);
    const values = read(req.body);
    const [data, counts] = await Promise.all([readDesk(deps), deps.outbox.counts()]);
    const to = audience(values.to, data, deps);
    const problem = to ? problemOf(values) : 'Kies wie het bericht krijgt.';
    if (!to || problem) {
      res.status(400).type('html').send(page('Bericht aan deelnemers', form(session, values, problem), session));
      return;
    }
    const chats = new Set(counts.map((c) => laneChannel(c.lane)).filter((c) => c !== null));
    const byChat = new Map<string, number>();
    for (const r of to.people) {
      const channel = channelOfUserKey(r.owner);
      if (channel !== null && chats.has(channel)) byChat.set(channel, (byChat.get(channel) ?? 0) + 1);
    }
    const body = html`<p class="notice">Aan ${to.label}: <strong data-reach="people">${to.people.length}</strong> ${to.people.length === 1 ? 'persoon' : 'mensen'},
alle ${to.people.length} per e-mail${[...byChat].map(([channel, n]) => html`, <span data-reach="chat-${channel}">${n}</span> ook in hun chat (${channel})`)}.</p>
<blockquote lang="nl">${values.nl}</blockquote><blockquote lang="en">${values.en}</blockquote>
<form method="post" action="/organiser/message/send">${csrfField(session)}
<input type="hidden" name="to" value="${values.to}"><input type="hidden" name="nl" value="${values.nl}"><input type="hidden" name="en" value="${values.en}"><input type="hidden" name="key" value="${randomUUID()}">
<button type="submit"${to.people.length === 0 ? html` disabled` : ''}>Verstuur naar ${to.people.length}</button> <a href="/organiser/message">Annuleren</a></form>`;
    res.type('html').send(page('Voorbeeld van het bericht', body, session));
  });

  router.post('/message/send', async (req, res) => {
    const session = sessionOf(res);
    const values = read(req.body);
    const key = field(req.body, 'key');
    const to = audience(values.to, await readDesk(deps), deps);
    const problem = !to || !/^[A-Za-z0-9-]{8,64}$/.test(key) ? 'Dat formulier klopt niet; begin opnieuw.' : problemOf(values);
    if (!to || problem) {
      res.status(400).type('html').send(page('Bericht aan deelnemers', form(session, values, problem), session));
      return;
    }
    const written = await deps.messages.writeMessage(
      to.people.map((r) => r.id),
      { nl: values.nl, en: values.en },
      `desk-${key}`,
      deps.clock.now(),
    );
    // A resent form writes nothing (the entry ids carry the key): audited when it wrote something.
    if (written > 0) await audit(deps, res, 'message', `aan ${values.to}: ${written} mensen (${values.nl.length} tekens)`);
    const body = html`<p class="notice" data-written="${written}">${
      written > 0 ? `Het bericht gaat naar ${written} ${written === 1 ? 'persoon' : 'mensen'}: per e-mail en in hun eigen chat.` : 'Dit bericht was al verstuurd; er ging niets opnieuw weg.'
    }</p><p><a href="/organiser">Naar het overzicht</a> (de berichten staan bij de outbox)</p>`;
    res.type('html').send(page('Bericht verstuurd', body, session));
  });
}
