import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieHost } from '../../helpers/balie-host.ts';
import { SlackStandIn } from '../../helpers/slack-api.ts';
import { SlackChat } from '../../helpers/slack-chat.ts';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The real process (node with tsx, as `npm start` runs it) with Slack over HTTP against the stand-in.
describe('the real process with Slack over HTTP', { timeout: 120_000 }, () => {
  let standIn: SlackStandIn;
  let host: BalieHost;
  let mailDir: string;
  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    mailDir = await mkdtemp(join(tmpdir(), 'balie-slack-process-'));
    host = await BalieHost.start({ SLACK_BOT_TOKEN: standIn.botToken, SLACK_SIGNING_SECRET: standIn.signingSecret, SLACK_API_URL: standIn.apiUrl, BALIE_MAIL_DIR: mailDir });
    standIn.eventsUrl = `${host.url}/slack/events`;
  }, 120_000);
  afterAll(async () => {
    host?.kill();
    await standIn?.close();
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  it('says how Slack runs, answers a signed DM, refuses an unsigned one, and stops on SIGTERM', async () => {
    expect(host.logs[0]?.msg).toMatch(/^Balie starting: slack \(HTTP \/slack\/events\) on 127\.0\.0\.1:\d+; store in-memory/);
    const done = (id: string) => host.waitForLog(new RegExp(`"delivery":"${escaped(id)}","msg":"slack: delivery done"`));
    const chat = new SlackChat(standIn, 'U0PRO1301', 'http', done);
    const replies = await chat.say('hallo');
    expect(replies.at(-1)?.controls.map((c) => c.value)).toContain('register');
    expect((await standIn.deliverHttp('events_api', standIn.messageEvent('U0PRO1301', 'hallo'), { signature: null })).status).toBe(401);
    expect(await host.stop('SIGTERM')).toBe(0);
    // Nothing written to the logs names the person or repeats what they wrote.
    expect(host.stderr).not.toContain('U0PRO1301');
    expect(host.stderr).not.toContain('hallo');
  });
});
