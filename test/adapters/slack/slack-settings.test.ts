import { describe, expect, it } from 'vitest';
import { slackSettings } from '../../../src/adapters/slack/index.ts';
import { configuredChannels } from '../../../src/app/channels.ts';
import { BalieError } from '../../../src/core/index.ts';

const bot = 'xoxb-1234-5678-abcdefghijkl';
const app = 'xapp-1-A0123-456-abcdefghij';
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof BalieError) return error.message;
    throw error;
  }
  return null;
};

describe('the Slack settings', () => {
  it('run Slack over HTTP with a signing secret, or over Socket Mode with an app token', () => {
    expect(configuredChannels({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret }).map((c) => [c.name, c.configured.mode])).toEqual([['slack', 'HTTP /slack/events']]);
    expect(configuredChannels({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app }).map((c) => c.configured.mode)).toEqual(['Socket Mode']);
    expect(slackSettings({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app })).toEqual({ botToken: bot, appToken: app, signingSecret: null, apiUrl: 'https://slack.com/api/' });
    expect(slackSettings({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: 'http://127.0.0.1:9/api' })?.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(slackSettings({})).toBeNull();
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token-0000' }, /^Invalid configuration: SLACK_BOT_TOKEN: expected the bot token/],
    [{ SLACK_BOT_TOKEN: bot }, /SLACK_SIGNING_SECRET: required for HTTP mode/],
    [{ SLACK_APP_TOKEN: app }, /SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set/],
    [{ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' }, /SLACK_APP_TOKEN: expected an app-level token/],
    [{ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: 'short' }, /SLACK_SIGNING_SECRET: expected the signing secret/],
    [{ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: 'slack.com' }, /SLACK_API_URL: expected an http\(s\) URL/],
  ])('stops start-up naming the variable: %o', (env, message) => {
    expect(refusal(() => configuredChannels(env))).toMatch(message);
  });
});
