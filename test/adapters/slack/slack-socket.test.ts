import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { startSlackHost, type SlackHost } from '../../helpers/slack-host.ts';

// Socket Mode: Balie asks apps.connections.open for a URL and connects to the stand-in's WebSocket; envelopes come in, acks go back.
describe('Slack over Socket Mode (a real WebSocket to the stand-in)', { timeout: 60_000 }, () => {
  let h: SlackHost;
  beforeAll(async () => {
    h = await startSlackHost('socket', { BALIE_NOW: '2020-10-15T09:00' });
  }, 60_000);
  afterAll(() => h?.close());

  it('connects with the app token and mounts no HTTP route', async () => {
    expect(h.standIn.callsOf('apps.connections.open').map((c) => c.token)).toEqual([h.standIn.appToken]);
    expect(h.standIn.socketConnections).toBe(1);
    expect((await fetch(`${h.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(String(h.logs.find((l) => String(l.msg).startsWith('Balie starting'))?.msg)).toContain('slack (Socket Mode)');
  });

  it('registers a person through envelopes: DMs and button presses, each acknowledged', async () => {
    const chat = h.chat({ id: 'U0SOC1201', locale: 'nl-BE' });
    const result = await chat.register(personNumber(1201, [2, 6], true));
    expect(result.waitlisted).toBe(false);
    expect(chat.botMessages.map((m) => m.text).join('\n')).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ann.peeters.1201@example.org.');
    expect(chat.botMessages.filter((m) => m.edits > 0).every((m) => m.controls.length === 0)).toBe(true);
    expect(await h.stores.ledger.findAllByOwner(`slack:${chat.userId}`)).toMatchObject([{ status: 'confirmed', sessions: [2, 6] }]);
  });

  it('handles an envelope Slack redelivers (retry_attempt 1 and 2) once', async () => {
    const chat = h.chat({ id: 'U0SOC1202' });
    const body = h.standIn.messageEvent(chat.userId, 'hallo');
    for (const retry of [0, 1, 2]) {
      expect((await chat.deliver('events_api', body, retry)).status).toBe(200);
      await h.done.wait(String(body.event_id));
    }
    expect(chat.botMessages.length).toBeGreaterThan(0);
    expect(h.standIn.callsOf('chat.postMessage').filter((c) => c.body.channel === chat.channel)).toHaveLength(chat.botMessages.length);
  });

  it('sends a refused modal back with the errors in the ack', async () => {
    const chat = h.chat({ id: 'U0SOC1203', firstName: 'Lies', lastName: 'Wouters', email: 'lies@example.org' });
    const body = h.standIn.commandBody(chat.userId, 'formulier');
    await chat.send('slash_commands', body);
    const modal = h.standIn.modals.get(body.trigger_id!);
    expect(modal).toBeDefined();
    const submission = h.standIn.submissionPayload(chat.userId, modal!, { firstName: 'Lies', lastName: 'Wouters', email: 'lies@example.org', phone: 'twaalf' });
    const answer = await chat.deliver('interactive', submission);
    expect(answer.payload).toMatchObject({ response_action: 'errors', errors: { phone: expect.any(String), organisation: expect.any(String) } });
    expect(await h.stores.ledger.findAllByOwner(`slack:${chat.userId}`)).toEqual([]);
  });
});
