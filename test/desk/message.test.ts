import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { DeskClient, formValues, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

describe('a message to participants', { timeout: 60_000 }, () => {
  let desk: DeskHost;
  let client: DeskClient;
  beforeAll(async () => {
    desk = await startDeskHost();
    await desk.register('telegram:501', formValues({ firstName: 'Tom', email: 'tom@example.org', 'session:1': '2' }));
    await desk.register('jsonl:502', formValues({ firstName: 'Emma', email: 'emma@example.org', 'session:1': '2' }), 'en-GB');
    await desk.register('jsonl:503', formValues({ firstName: 'Kim', email: 'kim@example.org', 'session:1': '1' }));
    client = new DeskClient(desk.url);
    expect(await client.login()).toBe(303);
  });
  afterAll(() => desk?.close());

  const messageEntries = async () => [...(await desk.stores.outbox.list('pending')), ...(await desk.stores.outbox.list('sent'))].filter((e) => e.kind === 'organiser_message');

  it('says first how many people it reaches by mail and in their chat, then sends it once through the outbox', async () => {
    const text = { to: 'session-2', nl: 'Sessie 2 begint een kwartier later, om 13:45.', en: 'Session 2 starts fifteen minutes late, at 13:45.' };
    const preview = await client.post('/organiser/message/preview', text);
    expect(preview.status).toBe(200);
    expect(preview.text).toMatch(/data-reach="people">2</);
    expect(preview.text).toMatch(/data-reach="chat-telegram">1</);
    expect(await messageEntries()).toEqual([]);
    const key = /name="key" value="([^"]+)"/.exec(preview.text)?.[1] as string;
    const sent = await client.post('/organiser/message/send', { ...text, key });
    expect(sent.text).toContain('data-written="2"');
    const again = await client.post('/organiser/message/send', { ...text, key });
    expect(again.text).toContain('data-written="0"');
    const entries = await messageEntries();
    expect(entries.map((e) => `${e.lane} ${e.registration.email}`).sort()).toEqual(['chat:telegram tom@example.org', 'mail emma@example.org', 'mail tom@example.org']);
    expect(entries[0]?.message).toEqual({ nl: text.nl, en: text.en });
    expect((await desk.stores.audit.recent(20)).filter((e) => e.action === 'message').map((e) => e.detail)).toEqual([`aan session-2: 2 mensen (${text.nl.length} tekens)`]);

    // Each in their own language.
    expect(await eventually(async () => (await readdir(desk.mailDir)).length >= 5, 10_000)).toBe(true);
    const mails = await Promise.all((await readdir(desk.mailDir)).map(async (f) => simpleParser(await readFile(join(desk.mailDir, f)))));
    const about = (address: string) => mails.filter((m) => m.subject?.includes('organis') && JSON.stringify(m.to).includes(address)).map((m) => m.text ?? '');
    expect(about('emma@example.org')).toEqual([expect.stringContaining('Session 2 starts fifteen minutes late')]);
    expect(about('tom@example.org')).toEqual([expect.stringContaining('Sessie 2 begint een kwartier later')]);
  });

  it('refuses a message without both languages or without an audience', async () => {
    expect((await client.post('/organiser/message/preview', { to: 'all', nl: 'Alleen Nederlands', en: '' })).status).toBe(400);
    expect((await client.post('/organiser/message/preview', { to: 'session-77', nl: 'x', en: 'y' })).status).toBe(400);
  });
});
