import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { startTelegramHost, type TelegramHost } from '../helpers/telegram-host.ts';
import { person } from '../store/seat-ledger.fixtures.ts';

// The host as `npm start` runs it, with its clock at two days before the event (BALIE_NOW): the
// privacy loop writes the reminders, the mail worker sends them with the signed link, the chat
// worker sends the notice with its button, and both ways out cancel and free the seat.
const secret = 'host-test-secret-of-at-least-32-characters';
let balie: TelegramHost;
let ownId = '';
let waitingId = '';

async function mails(): Promise<string[]> {
  const names = (await readdir(balie.mailDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml'));
  return Promise.all(names.map((n) => readFile(join(balie.mailDir, n), 'utf8')));
}

/** The quoted-printable mail text as it reads: soft line breaks joined, `=3D` as `=`. */
function readable(eml: string): string {
  return eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

beforeAll(async () => {
  balie = await startTelegramHost('webhook', { BALIE_NOW: '2020-10-27T13:00', BALIE_PUBLIC_URL: 'https://balie.example.org', BALIE_LINK_SECRET: secret }, { privacyPollMs: 50 });
  // Telegram user 5151 writes first (the address book learns the chat), then holds a registration.
  await balie.chat(5151).say('hallo');
  const { ledger } = balie.stores;
  const at = new Date('2020-10-15T07:00:00Z');
  const own = await ledger.register({ key: 'own', at, waitlistIfFull: false, registrant: person(1, [3, 7], { owner: 'telegram:5151', email: 'telegram.persoon@example.be' }) });
  const mail = await ledger.register({ key: 'mail', at, waitlistIfFull: false, registrant: person(2, [4, 8], { owner: 'console:mail', email: 'mail.persoon@example.be' }) });
  if (!own.ok || !mail.ok) throw new Error('registering failed');
  ownId = own.registration.id;
  await ledger.setSessionCap({ key: 'cap3', at, sessionNumber: 3, cap: 1 });
  const waiting = await ledger.register({ key: 'waiting', at, waitlistIfFull: true, registrant: person(3, [3, 7], { owner: 'console:wait' }) });
  if (!waiting.ok || !waiting.registration.waitingFor?.includes(3)) throw new Error('expected a registration waiting for session 3');
  waitingId = waiting.registration.id;
}, 30_000);

afterAll(async () => {
  await balie?.close();
});

describe('reminders from a running host, the clock at two days before the event', { timeout: 30_000 }, () => {
  it('mails each confirmed person once with the .ics and a signed link, and sends the chat notice with its button', async () => {
    const reminderMails = async () => (await mails()).filter((m) => /^Subject: .*Herinnering/m.test(m));
    // Person 3 waits for session 3 but holds the day and session 7: reminded too.
    expect(await eventually(async () => (await reminderMails()).length === 3, 10_000)).toBe(true);
    const texts = (await reminderMails()).map(readable);
    expect(texts.filter((m) => m.includes('To: Persoon Nummer 3'))).toHaveLength(1);
    expect(texts.every((m) => /Content-Type: text\/calendar/.test(m))).toBe(true);
    expect(texts.join('\n')).toMatch(/https:\/\/balie\.example\.org\/cancel\/\S+/);
    const chat = balie.chat(5151);
    expect(await eventually(async () => chat.botMessages.some((m) => m.text.includes('Nog even en het is zover')), 10_000)).toBe(true);
    expect(chat.withButton('Ik kan toch niet komen')).toBeDefined();
  });

  it('the link in the mail cancels after its one confirmation', async () => {
    const text = (await mails()).map(readable).find((m) => m.includes('mail.persoon@example.be') && m.includes('Herinnering'));
    const path = /https:\/\/balie\.example\.org(\/cancel\/[^\s"<]+)/.exec(text ?? '')?.[1];
    expect(path).toBeDefined();
    const page = await fetch(`${balie.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ja, annuleer mijn inschrijving');
    const done = await fetch(`${balie.url}${path}`, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await balie.stores.ledger.findByEmail('mail.persoon@example.be')).toBeNull();
  });

  it('the chat button asks once, then cancels and frees the seat for the waiting list', async () => {
    const chat = balie.chat(5151);
    await chat.press('Ik kan toch niet komen');
    expect(chat.botMessages.at(-1)?.text).toMatch(/echt annuleren/);
    const yes = chat.botMessages.at(-1)?.keyboard.flat().find((b) => /annuleer|ja/i.test(b.text));
    expect(yes).toBeDefined();
    await chat.press(yes!.text);
    expect(await balie.stores.ledger.get(ownId)).toBeNull();
    expect((await balie.stores.ledger.get(waitingId))?.sessions).toContain(3);
    // The promoted person was not confirmed when the reminders went: the next pass reminds them, once.
    expect(await eventually(async () => (await mails()).filter((m) => /^Subject: .*Herinnering/m.test(m) && m.includes('persoon3@example.be')).length === 1, 10_000)).toBe(true);
  });
});
