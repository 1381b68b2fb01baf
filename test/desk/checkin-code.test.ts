import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckinCodes } from '../../src/desk/index.ts';
import { eventually } from '../helpers/eventually.ts';
import { checkinSecret, DeskClient, formValues, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

describe('check-in codes', { timeout: 60_000 }, () => {
  let desk: DeskHost;
  beforeAll(async () => {
    desk = await startDeskHost();
  });
  afterAll(() => desk?.close());

  it('are personal: another secret, event or registration gives another code; typing is forgiving', () => {
    const codes = new CheckinCodes(checkinSecret, 'netwerkdag-2020');
    const code = codes.codeOf({ id: 'a', seq: 7 });
    expect(code).toMatch(/^7-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(new CheckinCodes(`${checkinSecret}x`, 'netwerkdag-2020').codeOf({ id: 'a', seq: 7 })).not.toBe(code);
    expect(new CheckinCodes(checkinSecret, 'other').codeOf({ id: 'a', seq: 7 })).not.toBe(code);
    expect(codes.codeOf({ id: 'b', seq: 7 })).not.toBe(code);
    expect(CheckinCodes.parse(` ${code.toLowerCase()} `)).toEqual({ code, seq: 7 });
    expect(CheckinCodes.parse('hello')).toBeNull();
  });

  it('comes as a QR code with the code printed below it in the confirmation mail, and in "mijn inschrijving"', async () => {
    await desk.register('jsonl:qr', formValues({ email: 'qr@example.org', language: 'nl' }));
    const record = await desk.stores.ledger.findByEmail('qr@example.org');
    const code = new CheckinCodes(checkinSecret, desk.event.id).codeOf(record as NonNullable<typeof record>);
    expect(await eventually(async () => (await readdir(desk.mailDir)).some((f) => f.endsWith('.eml')), 10_000)).toBe(true);
    const [file] = (await readdir(desk.mailDir)).filter((f) => f.endsWith('.eml'));
    const mail = await simpleParser(await readFile(join(desk.mailDir, file as string)), { keepCidLinks: true });
    const qr = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(qr?.cid).toBe('checkin-qr@balie');
    expect(qr?.content.equals(await QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 2, scale: 6, type: 'png' }))).toBe(true);
    expect(mail.text).toContain(`Code: ${code}`);
    expect(String(mail.html)).toMatch(new RegExp(`<img src="cid:checkin-qr@balie"[^>]*>[\\s\\S]*${code}`));

    const replies = await desk.bot.handle({ userKey: 'jsonl:qr', input: { kind: 'text', text: 'mijn inschrijving' }, messageId: 'mine-1' });
    expect(replies.flatMap((r) => r.facts ?? []).find((f) => /Check-in code/.test(f.label))?.value).toBe(code);
  });

  it('checks in by name search too, and refuses an unknown code and a cancelled registration', async () => {
    const client = new DeskClient(desk.url);
    expect(await client.login()).toBe(303);
    await desk.register('jsonl:lies', formValues({ firstName: 'Lies', lastName: 'Maes', email: 'lies@example.org' }));
    const lies = await desk.stores.ledger.findByEmail('lies@example.org');
    const found = await client.get('/organiser/checkin?q=maes');
    expect(found.text).toContain('Lies Maes');
    const byName = await client.post('/organiser/checkin', { registration: String(lies?.seq) });
    expect(byName.text).toMatch(/data-outcome="admitted"[\s\S]*Welkom, Lies Maes/);
    expect((await client.post('/organiser/checkin', { code: `${lies?.seq}-AAAAAAAA` })).text).toContain('data-outcome="refused"');
    const code = new CheckinCodes(checkinSecret, desk.event.id).codeOf(lies as NonNullable<typeof lies>);
    await desk.stores.ledger.cancel({ key: 'cancel-lies', at: new Date(), registrationId: lies?.id as string });
    const gone = await client.post('/organiser/checkin', { code });
    expect(gone.text).toMatch(/data-outcome="refused"[\s\S]*NIET TOEGELATEN[\s\S]*geannuleerd/);
  });
});
