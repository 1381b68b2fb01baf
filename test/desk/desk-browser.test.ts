import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckinCodes } from '../../src/desk/index.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { checkinSecret, formValues, organiser, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

describe('the organiser desk in Chromium', { timeout: 120_000 }, () => {
  let desk: DeskHost;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskHost(), launchChromium()]);
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  const registered = async (email: string) => {
    const record = await desk.stores.ledger.findByEmail(email);
    if (!record) throw new Error(`${email} is not registered`);
    return record;
  };

  it('logs in through the form and lands on the page asked for', async () => {
    await page.goto(`${desk.url}/organiser/caps`);
    expect(page.url()).toBe(`${desk.url}/organiser/login?next=${encodeURIComponent('/organiser/caps')}`);
    await page.fill('input[name=name]', organiser.name);
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.refused')).toContain('Naam of wachtwoord klopt niet');
    await page.fill('input[name=name]', organiser.name);
    await page.fill('input[name=password]', organiser.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${desk.url}/organiser/caps`);
    expect(await page.textContent('h1')).toBe('Capaciteit wijzigen');
  });

  it('sees the counts move by themselves when a registration comes in through the Bot', async () => {
    await page.goto(`${desk.url}/organiser`);
    expect(await page.textContent('[data-figure="venue-taken"]')).toBe('0');
    expect(await page.textContent('[data-figure="session-3-taken"]')).toBe('0');
    const replies = await desk.register('jsonl:ann', formValues({ book: 'yes', street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' }));
    expect(replies.map((r) => r.text).join('\n')).toMatch(/Je bent ingeschreven/);
    // No reload here: the page's own script fetches the figures again every few seconds.
    await page.locator('[data-figure="venue-taken"]', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-figure="session-3-taken"]')).toBe('1');
    expect(await page.textContent('[data-figure="books"]')).toBe('1');
    expect(await page.textContent('[data-figure="books-eur"]')).toMatch(/33,00/);
    expect(await page.textContent('[data-figure="type-local_government"]')).toBe('1');
    expect(Number(await page.textContent('[data-figure="outbox-mail-pending"]')) + Number(await page.textContent('[data-figure="outbox-mail-sent"]'))).toBe(1);
  });

  it('lowers a session cap: the preview names exactly the latest holders, and confirming moves them', async () => {
    for (const [i, name] of ['Bart', 'Chris', 'Dirk'].entries()) {
      const replies = await desk.register(`jsonl:p${i}`, formValues({ firstName: name, lastName: 'Janssens', email: `${name.toLowerCase()}@example.org` }));
      expect(replies.map((r) => r.text).join('\n')).toMatch(/Je bent ingeschreven/);
    }
    const before = await desk.stores.ledger.snapshot();
    expect(before.availability.sessions.find((s) => s.sessionNumber === 3)?.taken).toBe(4);
    await page.goto(`${desk.url}/organiser/caps`);
    await page.selectOption('select[name=target]', 'session-3');
    await page.fill('input[name=cap]', '2');
    await page.click('main button[type=submit]');
    await page.waitForURL(`${desk.url}/organiser/caps/preview`);
    const dirk = await registered('dirk@example.org');
    const chris = await registered('chris@example.org');
    expect(await page.locator('[data-moves=bumped] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).toEqual([String(dirk.seq), String(chris.seq)]);
    // Nothing has changed yet.
    expect((await desk.stores.ledger.snapshot()).availability.sessions.find((s) => s.sessionNumber === 3)?.cap).toBe(15);
    await page.click('button:has-text("Bevestig")');
    await page.waitForURL(`${desk.url}/organiser/caps/confirm`);
    expect(await page.locator('[data-moves=bumped] li').allTextContents()).toEqual([expect.stringContaining('Dirk Janssens'), expect.stringContaining('Chris Janssens')]);
    // They keep their day and their other session, and wait for session 3 on its own list.
    for (const email of ['dirk@example.org', 'chris@example.org']) expect(await registered(email)).toMatchObject({ status: 'confirmed', sessions: [7], waitingFor: [3] });
    expect((await registered('bart@example.org')).sessions).toEqual([3, 7]);
    const mails = [...(await desk.stores.outbox.list('pending', 'mail')), ...(await desk.stores.outbox.list('sent', 'mail'))];
    expect(mails.filter((e) => e.kind === 'bumped').map((e) => e.registration.email).sort()).toEqual(['chris@example.org', 'dirk@example.org']);
    await page.goto(`${desk.url}/organiser/lists/waiting-3`);
    expect(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')))).toEqual([String(chris.seq), String(dirk.seq)]);
  });

  it('downloads a CSV that opens right in Flemish Excel', async () => {
    await desk.register('jsonl:zoe', formValues({ firstName: 'Zoë', lastName: 'Van den Brande', email: 'zoe@example.org', organisation: '@Werk+1', 'session:1': '1', 'session:2': '5' }));
    await page.goto(`${desk.url}/organiser/exports`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/organiser/exports/registrations.csv"]')]);
    expect(download.suggestedFilename()).toBe(`${desk.event.id}-registrations.csv`);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toMatch(/^Nr;Voornaam;Naam;Organisatie;/);
    const zoe = lines.find((l) => l.includes('Zoë')) ?? '';
    expect(zoe).toContain(';Zoë;Van den Brande;"\'@Werk+1";');
    expect(zoe).toMatch(/;15\/10\/2020 09:00;/);
  });

  it('checks someone in by code once, and says when at the second scan', async () => {
    const ann = await registered('ann@example.org');
    const code = new CheckinCodes(checkinSecret, desk.event.id).codeOf(ann);
    await page.goto(`${desk.url}/organiser/checkin`);
    await page.fill('input[name=code]', code.toLowerCase());
    await page.click('form[data-scan] button[type=submit]');
    await expect.poll(() => page.textContent('[data-outcome]')).toMatch(/Welkom, Ann Peeters[\s\S]*Ingecheckt om \d\d:\d\d/);
    const time = /om (\d\d:\d\d)/.exec((await page.textContent('[data-outcome]')) ?? '')?.[1];
    await page.fill('input[name=code]', code);
    await page.click('form[data-scan] button[type=submit]');
    await expect.poll(() => page.textContent('[data-outcome=already]')).toContain(`is al ingecheckt om ${time}`);
    // Someone on the venue's waiting list holds no place on the day.
    const venue = (await desk.stores.ledger.availability()).venueTaken;
    await desk.stores.ledger.setVenueCap({ key: 'full-venue', at: new Date(), cap: venue });
    const late = await desk.stores.ledger.register({
      key: 'late',
      at: new Date(),
      waitlistIfFull: true,
      registrant: { firstName: 'Lotte', lastName: 'Laat', email: 'lotte@example.org', phone: '+32470999999', organisation: 'Gemeente Tienen', organisationType: 'local_government', sessions: [1, 5], book: null, language: 'nl', owner: 'jsonl:late' },
    });
    expect(late.ok && late.registration.status).toBe('waitlisted');
    await page.fill('input[name=code]', new CheckinCodes(checkinSecret, desk.event.id).codeOf(await registered('lotte@example.org')));
    await page.click('form[data-scan] button[type=submit]');
    await expect.poll(() => page.textContent('[data-outcome=waitlisted]')).toMatch(/NIET TOEGELATEN[\s\S]*wachtlijst/);
    expect((await desk.stores.checkins.all()).size).toBe(1);
  });

  it('sends a message to one session after showing how many it reaches', async () => {
    await page.goto(`${desk.url}/organiser/message`);
    await page.selectOption('select[name=to]', 'session-3');
    await page.fill('textarea[name=nl]', 'Zaal 2+3 is verhuisd naar Zaal 4+5.');
    await page.fill('textarea[name=en]', 'Room 2+3 moved to room 4+5.');
    await page.click('main button[type=submit]');
    await page.waitForURL(`${desk.url}/organiser/message/preview`);
    // Ann and Bart hold session 3 (Chris and Dirk lost it).
    expect(await page.textContent('[data-reach=people]')).toBe('2');
    await page.click('button:has-text("Verstuur naar 2")');
    await page.waitForURL(`${desk.url}/organiser/message/send`);
    expect(await page.getAttribute('[data-written]', 'data-written')).toBe('2');
    const written = [...(await desk.stores.outbox.list('pending', 'mail')), ...(await desk.stores.outbox.list('sent', 'mail'))].filter((e) => e.kind === 'organiser_message');
    expect(written.map((e) => e.registration.email).sort()).toEqual(['ann@example.org', 'bart@example.org']);
  });

  it('logged none of the personal data it showed', () => {
    const logged = desk.logs.join('\n');
    expect(logged).toMatch(/organiser desk at/);
    for (const value of ['Zoë', 'Van den Brande', 'Janssens', 'Peeters', 'ann@example.org', 'zoe@example.org', '@Werk+1', 'Provincieplein 1', '470123456']) expect(logged).not.toContain(value);
  });
});
