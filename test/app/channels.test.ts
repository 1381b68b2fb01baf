import { describe, expect, it } from 'vitest';
import { derivedWebhookSecret, telegramSettings } from '../../src/adapters/telegram/index.ts';
import { channelDefinitions, configuredChannels, notifyingChannels } from '../../src/app/channels.ts';
import { loadConfig } from '../../src/app/config.ts';
import { BalieError } from '../../src/core/index.ts';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof BalieError) return error.message;
    throw error;
  }
  return null;
};

describe('the channel registry', () => {
  it('runs no channel without credentials, and Telegram once its token is set', () => {
    expect(configuredChannels({})).toEqual([]);
    expect(configuredChannels({ TELEGRAM_BOT_TOKEN: '' })).toEqual([]);
    expect(configuredChannels({ TELEGRAM_BOT_TOKEN: token }).map((c) => [c.name, c.configured.mode])).toEqual([['telegram', 'long polling']]);
    expect(configuredChannels({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'https://balie.example.org/' })[0]?.configured.mode).toBe('webhook https://balie.example.org/telegram');
  });

  it('gives every channel with a notifier a chat lane, run here or not', () => {
    expect(notifyingChannels()).toEqual(['telegram', 'slack', 'teams']);
    expect(channelDefinitions.map((d) => d.name)).toEqual(['telegram', 'slack', 'teams']);
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, /^Invalid configuration: TELEGRAM_BOT_TOKEN: expected the token BotFather gave/],
    [{ TELEGRAM_WEBHOOK_URL: 'https://balie.example.org' }, /TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_URL is set/],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'ftp://x' }, /TELEGRAM_WEBHOOK_URL: expected an http\(s\) URL/],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: 'has spaces' }, /TELEGRAM_WEBHOOK_SECRET: expected 1 to 256 characters/],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: 'localhost:8081' }, /TELEGRAM_API_ROOT: expected an http\(s\) URL/],
  ])('stops start-up naming the variable: %o', (env, message) => {
    expect(refusal(() => configuredChannels(env))).toMatch(message);
  });

  it('keeps a webhook secret every process agrees on without storing it, unless one is given', () => {
    const settings = telegramSettings({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' });
    expect(settings).toMatchObject({ apiRoot: 'http://127.0.0.1:8081', webhookUrl: null, webhookSecret: derivedWebhookSecret(token) });
    expect(settings?.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(derivedWebhookSecret(`${token}x`)).not.toBe(settings?.webhookSecret);
    expect(telegramSettings({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: 'my-secret_1' })?.webhookSecret).toBe('my-secret_1');
  });
});

describe('PORT and HOST', () => {
  it('default to 3978 on every interface', () => {
    expect(loadConfig({})).toMatchObject({ port: 3978, host: '0.0.0.0' });
    expect(loadConfig({ PORT: '8080', HOST: '127.0.0.1' })).toMatchObject({ port: 8080, host: '127.0.0.1' });
  });

  it.each([['PORT', 'eighty'], ['PORT', '70000'], ['PORT', '-1'], ['HOST', 'my host']])('refuses %s=%s naming it', (name, value) => {
    expect(refusal(() => loadConfig({ [name]: value }))).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
  });
});
