import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelLinkRoutes, cancelToken, cancelUrl, verifyCancelToken } from '../../src/app/cancel-link.ts';
import { createHostApp, listen, type ListeningHost } from '../../src/app/host.ts';
import { AppMetrics } from '../../src/app/metrics.ts';
import { fixedClock } from '../../src/core/index.ts';
import { renderMail } from '../../src/mail/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { eventWith, person, ticker } from '../store/seat-ledger.fixtures.ts';

const secret = 'test-secret-of-at-least-thirty-two-chars';
const event = eventWith({ venue: 2 });
const ledger = new MemorySeatLedger(event);
let host: ListeningHost;
let base: string;
const ids: string[] = [];

beforeAll(async () => {
  const at = ticker();
  for (let n = 1; n <= 3; n++) {
    const result = await ledger.register({ key: `r${n}`, at: at(), registrant: person(n), waitlistIfFull: true });
    if (!result.ok) throw new Error(result.reason);
    ids.push(result.registration.id);
  }
  const app = createHostApp({
    channels: [cancelLinkRoutes({ event, ledger, secret, clock: fixedClock(new Date('2020-10-27T12:00:00Z')) })],
    ready: async () => [],
    metrics: new AppMetrics(ledger, () => undefined),
    logger: { error: () => undefined },
  });
  host = await listen(app.app, 0, '127.0.0.1');
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close(1_000);
});

describe('the reminder\'s "ik kan toch niet komen" link', () => {
  it('signs the registration id, and no other id passes', () => {
    const token = cancelToken(secret, 'reg-1');
    expect(verifyCancelToken(secret, token)).toBe('reg-1');
    expect(verifyCancelToken(secret, token.replace('reg-1', 'reg-2'))).toBeNull();
    expect(verifyCancelToken('another-secret-of-thirty-two-chars!!', token)).toBeNull();
    expect(verifyCancelToken(secret, 'reg-1')).toBeNull();
  });

  it('is in the reminder mail; opening it changes nothing, its one button cancels and the first on the waiting list gets the seat', async () => {
    const own = ids[0] as string;
    const record = await ledger.get(own);
    if (!record) throw new Error('no registration');
    const rendered = renderMail({ id: 'reminder:x', kind: 'reminder', registration: record, createdAt: '2020-10-27T10:00:00.000Z' }, event, { cancelUrl: cancelUrl(base, secret, own) });
    if (!rendered.ok) throw new Error(rendered.reason);
    const url = /http:\/\/127\.0\.0\.1:\d+\/cancel\/\S+/.exec(rendered.mail.text)?.[0];
    expect(url).toBeDefined();
    expect(rendered.mail.attachments.map((a) => a.contentType)).toEqual([expect.stringMatching(/^text\/calendar/)]);
    expect(rendered.mail.html).toContain(`<a href="${url as string}">ik kan toch niet komen</a>`);

    const shown = await fetch(url as string);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await shown.text();
    expect(page).toContain('Kan je toch niet naar de Netwerkdag sociale economie komen?');
    expect(page).toContain('sessie 1, Sociale clausules bij overheidsopdrachten (Spoor 95)');
    expect(page).toContain('<form method="post"');
    expect((await ledger.get(own))?.status).toBe('confirmed');

    // The button posts to the form's action, resolved against the page (relative: works under a path prefix too).
    const action = new URL(/<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? 'missing', url as string).href;
    expect(action).toBe(url);
    const confirmed = await fetch(action, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('is geannuleerd');
    expect(await ledger.get(own)).toBeNull();
    expect((await ledger.get(ids[2] as string))?.status).toBe('confirmed');
    const kinds = (await ledger.list('pending')).map((e) => e.kind);
    expect(kinds).toContain('cancelled');
    expect(kinds).toContain('promoted');

    // A second press (or a reload) answers the same and cancels nothing else.
    const again = await fetch(url as string, { method: 'POST' });
    expect(again.status).toBe(200);
    expect((await ledger.availability()).venueTaken).toBe(2);
    expect((await fetch(url as string)).status).toBe(404);
  });

  it('refuses a link whose signature does not hold, changing nothing', async () => {
    const forged = `${base}/cancel/${encodeURIComponent(`${ids[1] as string}.AAAA`)}`;
    expect((await fetch(forged, { method: 'POST' })).status).toBe(404);
    expect((await ledger.get(ids[1] as string))?.status).toBe('confirmed');
  });
});
