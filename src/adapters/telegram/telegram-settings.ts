import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { BalieError, readEnvironment, type Environment } from '../../core/index.ts';

/** Telegram's own Bot API server, when TELEGRAM_API_ROOT is not set. */
export const defaultApiRoot = 'https://api.telegram.org';

const httpUrl = (example: string) =>
  z.string().refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
      } catch {
        return false;
      }
    },
    { error: `expected an http(s) URL without query, such as ${example}` },
  );

const environment = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,200}$/, { error: 'expected the token BotFather gave, such as 123456789:AAH4...' })
    .optional(),
  TELEGRAM_WEBHOOK_URL: httpUrl('https://balie.example.org').optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'expected 1 to 256 characters of A-Z, a-z, 0-9, _ and -' })
    .optional(),
  TELEGRAM_API_ROOT: httpUrl(defaultApiRoot).optional(),
});

/** How Balie talks to Telegram, read from the TELEGRAM_* variables. */
export interface TelegramSettings {
  token: string;
  /** Where Telegram posts updates (`<TELEGRAM_WEBHOOK_URL>/telegram`), or null for long polling. */
  webhookUrl: string | null;
  /** What Telegram must send in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret: string;
  /** The Bot API server, without a trailing slash. */
  apiRoot: string;
}

/**
 * The webhook secret when TELEGRAM_WEBHOOK_SECRET is not set: derived from the bot token (an
 * HMAC), so every process of the bot computes the same one and nothing has to be stored; only
 * who knows the token can know it, and who knows the token controls the bot anyway.
 */
export function derivedWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('balie telegram webhook secret').digest('base64url');
}

/** The Telegram settings, or null when TELEGRAM_BOT_TOKEN is not set (then no other TELEGRAM_* may be). */
export function telegramSettings(env: Environment): TelegramSettings | null {
  const values = readEnvironment(environment, env);
  const token = values.TELEGRAM_BOT_TOKEN;
  if (!token) {
    const stray = Object.keys(environment.shape).filter((name) => name !== 'TELEGRAM_BOT_TOKEN' && values[name as keyof typeof values] !== undefined);
    if (stray.length > 0) throw new BalieError('config_invalid', `Invalid configuration: TELEGRAM_BOT_TOKEN: required when ${stray.join(' or ')} is set`);
    return null;
  }
  return {
    token,
    webhookUrl: values.TELEGRAM_WEBHOOK_URL ? `${values.TELEGRAM_WEBHOOK_URL.replace(/\/+$/, '')}/telegram` : null,
    webhookSecret: values.TELEGRAM_WEBHOOK_SECRET ?? derivedWebhookSecret(token),
    apiRoot: (values.TELEGRAM_API_ROOT ?? defaultApiRoot).replace(/\/+$/, ''),
  };
}
