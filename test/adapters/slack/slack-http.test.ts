import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { eventually } from '../../helpers/eventually.ts';
import { startSlackHost, type SlackHost } from '../../helpers/slack-host.ts';

// The host of `npm start` in this process, Slack over HTTP (POST /slack/events, signed) against the stand-in.
describe('Slack over HTTP: a DM conversation through signed events and button presses', { timeout: 60_000 }, () => {
  let h: SlackHost;
  beforeAll(async () => {
    h = await startSlackHost('http', { BALIE_NOW: '2020-10-15T09:00' });
  }, 60_000);
  afterAll(() => h?.close());

  it('checks the bot token with auth.test at start and says how it receives', () => {
    expect(h.standIn.callsOf('auth.test')).toHaveLength(1);
    expect(h.standIn.callsOf('auth.test')[0]?.token).toBe(h.standIn.botToken);
    expect(String(h.logs.find((l) => String(l.msg).startsWith('Balie starting'))?.msg)).toContain('slack (HTTP /slack/events)');
  });

  it('registers a person with a book in the DM, pressing buttons; each pressed message shows the choice without buttons', async () => {
    const chat = h.chat({ id: 'U0ANN0801', locale: 'nl-NL', firstName: 'Ann', lastName: 'Peeters' });
    const result = await chat.register(personNumber(801, [3, 7], true));
    expect(result.waitlisted).toBe(false);
    const texts = chat.botMessages.map((m) => m.text).join('\n');
    expect(texts).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ann.peeters.801@example.org.');
    const pressed = chat.botMessages.filter((m) => m.edits > 0);
    expect(pressed.length).toBeGreaterThanOrEqual(4);
    for (const message of pressed) {
      expect(message.controls).toEqual([]);
      expect(message.text).toMatch(/✓ [^\n]+$/);
    }
    // Every reply went to the person's DM, with Block Kit, under the bot token.
    const posts = h.standIn.callsOf('chat.postMessage');
    expect(posts.every((c) => c.token === h.standIn.botToken && Array.isArray(c.body.blocks))).toBe(true);
    expect(await eventually(async () => chat.botMessages.some((m) => m.text.includes('is bevestigd')), 15_000)).toBe(true);
    expect(await eventually(async () => (await readdir(h.mailDir)).some((f) => f.endsWith('.eml')), 15_000)).toBe(true);
  });

  it('asks users.info for the locale once and speaks English to an English-speaking person', async () => {
    const chat = h.chat({ id: 'U0BEN0802', locale: 'en-GB' });
    const replies = await chat.say('hello');
    expect(replies.map((m) => m.text).join('\n')).toContain('How can I help?');
    expect(replies.at(-1)?.controls.map((c) => c.label)).toEqual(['Register', 'My registration', 'Programme', 'Help', 'Nederlands', 'Fill in the form']);
    await chat.say('help');
    expect(h.standIn.callsOf('users.info').filter((c) => c.body.user === 'U0BEN0802')).toHaveLength(1);
  });

  it('refuses a bad, missing or stale signature with 401 and handles nothing', async () => {
    const before = h.standIn.calls.length;
    const body = h.standIn.messageEvent('U0EVE0803', 'Ik wil me inschrijven');
    expect((await h.standIn.deliverHttp('events_api', body, { signature: 'v0=' + '0'.repeat(64) })).status).toBe(401);
    expect((await h.standIn.deliverHttp('events_api', body, { signature: null })).status).toBe(401);
    expect((await h.standIn.deliverHttp('events_api', body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const press = h.standIn.pressPayload('U0ANN0801', 'Inschrijven', h.standIn.conversation('D0ANN0801').find((m) => m.controls.some((c) => c.label === 'Inschrijven')));
    expect((await h.standIn.deliverHttp('interactive', press, { signature: h.standIn.sign(Math.floor(Date.now() / 1000), 'payload=forged') })).status).toBe(401);
    expect(h.standIn.calls.length).toBe(before);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/balie_inbound_requests_total\{channel="slack",outcome="rejected"\} 4/);
    // A correctly signed one is still handled.
    const chat = h.chat({ id: 'U0EVE0803' });
    expect((await chat.send('events_api', body)).length).toBeGreaterThan(0);
  });

  it('handles an event Slack delivers three times (its retries) once', async () => {
    const chat = h.chat({ id: 'U0DAN0804' });
    const body = h.standIn.messageEvent(chat.userId, 'Wat is het programma?');
    for (const retry of [0, 1, 2]) {
      expect((await chat.deliver('events_api', body, retry)).status).toBe(200);
      await h.done.wait(String(body.event_id));
    }
    const answers = chat.botMessages.length;
    expect(answers).toBeGreaterThan(0);
    expect(h.standIn.callsOf('chat.postMessage').filter((c) => c.body.channel === chat.channel)).toHaveLength(answers);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/balie_turns_total\{channel="slack",outcome="duplicate"\} 2/);
  });

  it('handles a retried button press once: one turn, one chat.update', async () => {
    const chat = h.chat({ id: 'U0EVA0805' });
    await chat.say('hallo');
    const message = chat.withControl('Programma');
    const payload = h.standIn.pressPayload(chat.userId, 'Programma', message);
    await chat.send('interactive', payload);
    const after = chat.botMessages.length;
    expect(after).toBeGreaterThan(1);
    expect((await chat.deliver('interactive', { ...payload, trigger_id: h.standIn.trigger() }, 1)).status).toBe(200);
    await chat.say('help');
    expect(h.standIn.callsOf('chat.update').filter((c) => c.body.channel === chat.channel)).toHaveLength(1);
    expect(chat.botMessages.filter((m) => m.text.includes('Netwerkdag') && m.controls.some((c) => c.kind === 'option'))).toHaveLength(1);
  });

  it('answers Slack within its 3 seconds when a turn is slow, and the reply follows', async () => {
    const chat = h.chat({ id: 'U0SLO0806' });
    // users.info for this new person hangs: the turn cannot finish in time.
    const held = h.standIn.hold('users.info');
    const body = h.standIn.messageEvent(chat.userId, 'hallo');
    const started = performance.now();
    const answer = await chat.deliver('events_api', body);
    const took = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(took).toBeLessThan(3000);
    await held.reached;
    expect(chat.botMessages).toEqual([]);
    held.release();
    await h.done.wait(String(body.event_id));
    expect(chat.botMessages.length).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.msg === "slack: answered before the turn was done (Slack's 3 seconds)")).toBe(true);
  });
});
