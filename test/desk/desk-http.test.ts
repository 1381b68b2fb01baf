import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/desk/exports.ts';
import { DeskClient, formValues, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

const people = [
  { firstName: 'Bart', lastName: 'Claes', email: 'bart.claes@example.org', phone: '0470 11 22 33', organisation: 'Gemeente Bierbeek' },
  { firstName: 'Chloé', lastName: 'Dewit', email: 'chloe.dewit@example.org', phone: '0470 44 55 66', organisation: 'Vzw De Kringwinkel' },
  { firstName: 'Dries', lastName: 'Goossens', email: 'dries.goossens@example.org', phone: '0470 77 88 99', organisation: 'Maatwerkbedrijf Lovo' },
];

describe('the organiser desk over HTTP', { timeout: 60_000 }, () => {
  let desk: DeskHost;
  let client: DeskClient;
  beforeAll(async () => {
    desk = await startDeskHost();
    for (const [i, p] of people.entries()) {
      await desk.register(`jsonl:h${i}`, formValues({ ...p, 'session:1': '4', 'session:2': '8', ...(i === 0 ? { book: 'yes', street: 'Kerkstraat 12', postalCode: '3360', city: 'Bierbeek', country: 'BE' } : {}) }));
    }
    client = new DeskClient(desk.url);
    expect(await client.login()).toBe(303);
  });
  afterAll(() => desk?.close());

  it('shows the figures: seats, waiting lists, books in euro, organisation types', async () => {
    const figures = JSON.parse((await client.get('/organiser/api/overview')).text);
    expect(figures.venue).toEqual({ taken: 3, cap: 100, waiting: 0 });
    expect(figures.sessions.find((s: { number: number }) => s.number === 4)).toMatchObject({ taken: 3, cap: 11, waiting: 0 });
    expect(figures.books).toEqual({ count: 1, totalEur: 33 });
    expect(figures.organisationTypes).toContainEqual({ type: 'local_government', confirmed: 3, waiting: 0 });
  });

  it('confirms a cap change once, whatever the number of submits of its form, and audits it once', async () => {
    const preview = await client.post('/organiser/caps/preview', { target: 'session-4', cap: '1' });
    expect(preview.status).toBe(200);
    const key = /name="key" value="([^"]+)"/.exec(preview.text)?.[1] as string;
    const seqs = [...preview.text.matchAll(/data-moves="bumped">([\s\S]*?)<\/ul>/g)].flatMap((m) => [...(m[1] as string).matchAll(/data-seq="(\d+)"/g)].map((x) => Number(x[1])));
    expect(seqs).toEqual([3, 2]);
    const expected = /name="expected" value="([^"]+)"/.exec(preview.text)?.[1] as string;
    expect(expected).toBe('b:3,2;p:');
    const first = await client.post('/organiser/caps/confirm', { target: 'session-4', cap: '1', key, expected });
    const second = await client.post('/organiser/caps/confirm', { target: 'session-4', cap: '1', key, expected });
    expect(first.status).toBe(200);
    expect(second.text).toContain('Dries Goossens');
    expect(first.text).not.toContain('data-changed');
    const snapshot = await desk.stores.ledger.snapshot();
    expect(snapshot.registrations.filter((r) => (r.waitingFor ?? []).includes(4)).map((r) => r.seq)).toEqual([2, 3]);
    expect(snapshot.registrations.filter((r) => r.sessions.includes(4)).map((r) => r.seq)).toEqual([1]);
    const entries = [...(await desk.stores.outbox.list('pending')), ...(await desk.stores.outbox.list('sent'))].filter((e) => e.kind === 'bumped');
    expect(entries).toHaveLength(2);
    expect((await desk.stores.audit.recent(50)).filter((e) => e.action === 'cap_change').map((e) => e.detail)).toEqual(['session-4 → 1: 2 naar de wachtlijst, 0 van de wachtlijst']);
    expect((await client.post('/organiser/caps/preview', { target: 'session-99', cap: '1' })).status).toBe(400);
    // A confirm whose preview no longer holds says so, and shows who really moved.
    const stale = await client.post('/organiser/caps/confirm', { target: 'session-4', cap: '1', key: 'stale-preview-1', expected: 'b:1;p:' });
    expect(stale.text).toMatch(/data-changed[\s\S]*Niemand verschoof/);
  });

  it('lists a session for the room, the waiting list in order, and finds people by name, organisation or e-mail', async () => {
    const waiting = await client.get('/organiser/lists/waiting-4');
    expect([...waiting.text.matchAll(/<tr data-seq="(\d+)">/g)].map((m) => m[1])).toEqual(['2', '3']);
    expect((await client.get('/organiser/lists/registrations?q=kringwinkel')).text).toMatch(/<span data-rows>1<\/span>[\s\S]*Chloé/);
    expect((await client.get('/organiser/lists/registrations?q=chloe')).text).toMatch(/<span data-rows>1<\/span>/);
    expect((await client.get('/organiser/lists/registrations?q=dries.goossens@')).text).toMatch(/<span data-rows>1<\/span>/);
    expect((await client.get('/organiser/lists/books')).text).toContain('Kerkstraat 12');
    expect((await client.get('/organiser/lists/nothing')).status).toBe(404);
  });

  it('exports .xlsx with text kept as text and moments as dates, and a session CSV; an unknown list is 404', async () => {
    const response = await fetch(`${desk.url}/organiser/exports/registrations.xlsx`, { headers: { cookie: `balie_desk=${client.jar.get('balie_desk')}` } });
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('Voornaam');
    expect(sheet?.getRow(3).getCell(2).value).toBe('Chloé');
    const headers = (sheet?.getRow(1).values as unknown[]) ?? [];
    const registeredAt = sheet?.getRow(2).getCell(headers.indexOf('Ingeschreven op')).value;
    expect(registeredAt).toBeInstanceOf(Date);
    expect((registeredAt as Date).toISOString()).toBe('2020-10-15T09:00:00.000Z');
    const csv = await client.get('/organiser/exports/session-4.csv');
    // (fetch's text() drops the BOM; the browser test checks the bytes.)
    expect(csv.text).toBe('Nr;Voornaam;Naam;Organisatie;Ingecheckt\r\n1;Bart;Claes;Gemeente Bierbeek;\r\n');
    expect((await client.get('/organiser/exports/nothing.csv')).status).toBe(404);
  });

  it('neutralises every formula start in a CSV field and quotes what needs quotes', () => {
    expect(['=1+1', '+32 470', '-2', '@SUM(A1)', '\tx', 'Stad Leuven', 'a;b', 'zei "ja"'].map((v) => csvField(v, 'Europe/Brussels'))).toEqual([
      `"'=1+1"`,
      `"'+32 470"`,
      `"'-2"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      'Stad Leuven',
      '"a;b"',
      '"zei ""ja"""',
    ]);
    expect(csvField({ at: '2020-10-29T11:31:00Z' }, 'Europe/Brussels')).toBe('29/10/2020 12:31');
    expect(csvField({ at: '2020-10-15T07:00:00Z' }, 'Europe/Brussels')).toBe('15/10/2020 09:00');
  });

  it('writes every action to the audit log the desk shows, without personal data; and no log line holds any', async () => {
    await client.post('/organiser/checkin', { registration: '1' });
    await client.get('/organiser/exports/books.csv');
    const page = await client.get('/organiser/audit');
    for (const action of ['login', 'cap_change', 'export', 'checkin']) expect(page.text).toContain(`data-action="${action}"`);
    const entries = await desk.stores.audit.recent(100);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'cap_change', 'export', 'checkin']));
    expect(entries.every((e) => e.organiser === 'anna')).toBe(true);
    const personal = people.flatMap((p) => [p.firstName, p.lastName, p.email, p.organisation, p.phone.replace(/\s/g, '').slice(1)]).concat(['Kerkstraat']);
    const audited = JSON.stringify(entries);
    const logged = desk.logs.join('\n');
    expect(logged).toMatch(/Balie serving on/);
    for (const value of personal) {
      expect(audited).not.toContain(value);
      expect(logged).not.toContain(value);
    }
  });

  it('shows failed deliveries with their reason on the overview', async () => {
    await desk.register('telegram:900', formValues({ firstName: 'Fien', lastName: 'Wouters', email: 'fien@example.org', 'session:1': '1', 'session:2': '5' }));
    const lane = desk.stores.outbox.lane('chat:telegram');
    const [claimed] = await lane.claim('test-worker', 10, 60_000, new Date());
    expect(claimed?.registration.email).toBe('fien@example.org');
    await lane.markFailed(claimed?.id as string, 'test-worker', 'Forbidden: bot was blocked by the user', new Date());
    const fragment = (await client.get('/organiser/overview.frag')).text;
    expect(fragment).toMatch(/data-figure="outbox-chat:telegram-failed">1</);
    expect(fragment).toMatch(/#4<\/td><td>confirmation<\/td><td>chat \(telegram\)<\/td><td class="num">1<\/td><td>Forbidden: bot was blocked by the user/);
  });
});
