import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackNotifier } from '../../../src/adapters/slack/index.ts';
import { freePort } from '../../helpers/balie-host.ts';
import { SlackStandIn } from '../../helpers/slack-api.ts';

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await SlackStandIn.start();
});
afterAll(() => standIn?.close());

const client = (apiUrl = standIn.apiUrl, token = standIn.botToken) => new webApi.WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
const notice = [{ text: 'Goed nieuws: er kwam een plaats vrij.', choices: [{ id: 'my-registration', label: 'Mijn inschrijving' }] }];

describe('SlackNotifier against the stand-in', { timeout: 30_000 }, () => {
  it('opens the DM and posts the notice as blocks with its next step as a button', async () => {
    expect(await new SlackNotifier(client()).notify('U0NOT1101', notice)).toEqual({ ok: true });
    const [message] = standIn.conversation(SlackStandIn.dmOf('U0NOT1101'));
    expect(message).toMatchObject({ text: 'Goed nieuws: er kwam een plaats vrij.', controls: [{ label: 'Mijn inschrijving', value: 'my-registration' }] });
    expect(standIn.callsOf('conversations.open').at(-1)?.body.users).toBe('U0NOT1101');
  });

  it('keeps "Slack said no for good" apart from "try again later"', async () => {
    standIn.failNext('conversations.open', 'user_not_found');
    expect(await new SlackNotifier(client()).notify('U0NOT1102', notice)).toMatchObject({ ok: false, reason: 'permanent', code: 'user_not_found' });
    standIn.failNext('chat.postMessage', 'internal_error');
    expect(await new SlackNotifier(client()).notify('U0NOT1103', notice)).toMatchObject({ ok: false, reason: 'temporary', code: 'internal_error' });
    // A refused token is the organiser's configuration: kept and tried again once fixed.
    expect(await new SlackNotifier(client(standIn.apiUrl, 'xoxb-wrong-token-000')).notify('U0NOT1104', notice)).toMatchObject({ ok: false, reason: 'temporary', code: 'invalid_auth' });
    const closed = `http://127.0.0.1:${await freePort()}/api/`;
    expect(await new SlackNotifier(client(closed)).notify('U0NOT1105', notice)).toMatchObject({ ok: false, reason: 'temporary', code: 'network' });
    expect(await new SlackNotifier(client()).notify('not-a-user', notice)).toMatchObject({ ok: false, reason: 'permanent', code: 'address' });
  });
});
