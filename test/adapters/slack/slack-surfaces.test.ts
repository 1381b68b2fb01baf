import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { SlackStandIn } from '../../helpers/slack-api.ts';
import { controlsOf, readableText } from '../../helpers/slack-blocks.ts';
import { startSlackHost, type SlackHost } from '../../helpers/slack-host.ts';

describe('Slack: /balie, App Home, mentions and notices', { timeout: 60_000 }, () => {
  let h: SlackHost;
  beforeAll(async () => {
    h = await startSlackHost('http', { BALIE_NOW: '2020-10-15T09:00' });
  }, 60_000);
  afterAll(() => h?.close());

  it('answers /balie programma in a channel in the DM, and says so only to the person', async () => {
    const chat = h.chat({ id: 'U0CMD1001' });
    const body = h.standIn.commandBody(chat.userId, 'programma', 'C0GENERAL1');
    const answer = await chat.deliver('slash_commands', body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ response_type: 'ephemeral', text: 'Ik antwoord je in ons rechtstreeks gesprek.' });
    await h.done.wait(body.trigger_id!);
    expect(chat.botMessages.map((m) => m.text).join('\n')).toContain('Reeks 1');
    expect(h.standIn.callsOf('conversations.open').some((c) => c.body.users === chat.userId)).toBe(true);
    expect(h.standIn.conversation('C0GENERAL1')).toEqual([]);
  });

  it('answers /balie help and /balie in the DM itself', async () => {
    const chat = h.chat({ id: 'U0CMD1002' });
    const help = await chat.command('help');
    expect(help.length).toBeGreaterThan(0);
    const menu = await chat.command('');
    expect(menu.at(-1)?.controls.map((c) => c.value)).toContain('register');
  });

  it('answers a mention in a channel with one line in its thread and a button that opens the DM, once when Slack retries', async () => {
    const body = h.standIn.eventBody({ type: 'app_mention', user: 'U0MEN1003', channel: 'C0GENERAL1', text: '<@UBALIEBOT> inschrijven?', ts: '1600000000.000100' });
    for (const retry of [0, 1]) {
      expect((await h.standIn.deliverHttp('events_api', body, { retryNum: retry })).status).toBe(200);
      await h.done.wait(String(body.event_id));
    }
    expect(h.standIn.conversation('C0GENERAL1')).toHaveLength(1);
    const [line] = h.standIn.conversation('C0GENERAL1');
    expect(line).toMatchObject({ threadTs: '1600000000.000100', text: 'Ik help je graag verder in een rechtstreeks bericht.' });
    expect(line?.controls).toEqual([{ actionId: 'balie-open-dm', label: 'Open ons gesprek', value: '', kind: 'button', url: 'https://slack.com/app_redirect?app=A0BALIE01&team=T0BALIE01' }]);
    expect(h.standIn.conversation(SlackStandIn.dmOf('U0MEN1003'))).toEqual([]);
  });

  it('publishes the home tab: an invitation to register, then the registration at a glance with change and cancel', async () => {
    const chat = h.chat({ id: 'U0HOM1004' });
    const opened = () => h.standIn.eventBody({ type: 'app_home_opened', user: chat.userId, channel: chat.channel, tab: 'home' });
    const first = opened();
    await h.standIn.deliverHttp('events_api', first);
    await h.done.wait(String(first.event_id));
    const before = h.standIn.homes.get(chat.userId);
    expect(readableText(before?.blocks)).toContain('Je bent nog niet ingeschreven voor de *Netwerkdag sociale economie*.');
    expect(readableText(before?.blocks)).toMatch(/Plaatsen per sessie[\s\S]+3\. .+ – Zaal 2\+3, nog 15 plaatsen vrij/);
    expect(controlsOf(before?.blocks).map((c) => c.label)).toEqual(['Inschrijven', 'Formulier invullen']);

    await chat.register(personNumber(1004, [3, 7], false));
    const second = opened();
    await h.standIn.deliverHttp('events_api', second);
    await h.done.wait(String(second.event_id));
    const after = h.standIn.homes.get(chat.userId);
    expect(readableText(after?.blocks)).toContain('Je bent ingeschreven voor de *Netwerkdag sociale economie*');
    expect(readableText(after?.blocks)).toContain('ann.peeters.1004@example.org');
    expect(readableText(after?.blocks)).toMatch(/3\. .+ – Zaal 2\+3, nog 14 plaatsen vrij/);
    expect(controlsOf(after?.blocks).map((c) => c.value)).toEqual(['change-session', 'cancel-registration', 'my-registration']);

    // A button on the home tab is a choice like any other; its answer arrives in the DM.
    const replies = await chat.send('interactive', h.standIn.pressPayload(chat.userId, controlsOf(after?.blocks)[1]!.label));
    expect(replies.at(-1)?.controls.map((c) => c.value)).toEqual(['cancel:yes', 'cancel:no']);
  });

  it('tells a bumped person in their DM (conversations.open + chat.postMessage)', async () => {
    const chat = h.chat({ id: 'U0BUM1005' });
    await chat.register(personNumber(1005, [4, 8], false));
    const [record] = await h.stores.ledger.findAllByOwner(`slack:${chat.userId}`);
    expect(record?.status).toBe('confirmed');
    const opens = h.standIn.callsOf('conversations.open').filter((c) => c.body.users === chat.userId).length;
    // Session 4 loses every seat: the latest registration (this one) is bumped.
    const result = await h.stores.ledger.setSessionCap({ key: 'cap-4-to-0', at: new Date(), sessionNumber: 4, cap: 0 });
    expect(result.ok).toBe(true);
    await h.standIn.until(() => chat.botMessages.some((m) => m.text.startsWith('Slecht nieuws')), 15_000, 'no bumped notice in the DM');
    expect(h.standIn.callsOf('conversations.open').filter((c) => c.body.users === chat.userId).length).toBeGreaterThan(opens);
    const notice = chat.botMessages.find((m) => m.text.startsWith('Slecht nieuws'));
    expect(notice?.text).toContain('*wachtlijst*');
    expect(notice?.controls.length).toBeGreaterThan(0);
  });
});
