import { z } from 'zod';
import { BalieError, readEnvironment, type Environment } from '../../core/index.ts';

/** Slack's own Web API, when SLACK_API_URL is not set. */
export const defaultApiUrl = 'https://slack.com/api/';

const environment = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[A-Za-z0-9-]{10,250}$/, { error: 'expected the bot token of the installed app, such as xoxb-123-456-abc' })
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]{10,250}$/, { error: 'expected an app-level token with connections:write, such as xapp-1-A123-456-abc' })
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,128}$/, { error: 'expected the signing secret of the app (Basic Information), letters and digits' })
    .optional(),
  SLACK_API_URL: z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
        } catch {
          return false;
        }
      },
      { error: `expected an http(s) URL without query, such as ${defaultApiUrl}` },
    )
    .optional(),
});

/** How Balie talks to Slack, read from the SLACK_* variables. */
export interface SlackSettings {
  botToken: string;
  /** Socket Mode's app-level token, or null for HTTP (`POST /slack/events`). */
  appToken: string | null;
  /** Checks the signature of HTTP requests; null in Socket Mode (nothing arrives over HTTP). */
  signingSecret: string | null;
  /** The Web API base, ending in a slash (Bolt's WebClient appends the method name). */
  apiUrl: string;
}

/**
 * The Slack settings, or null when SLACK_BOT_TOKEN is not set (then no other SLACK_* may be). HTTP
 * mode needs SLACK_SIGNING_SECRET; Socket Mode (SLACK_APP_TOKEN) does not.
 */
export function slackSettings(env: Environment): SlackSettings | null {
  const values = readEnvironment(environment, env);
  const botToken = values.SLACK_BOT_TOKEN;
  if (!botToken) {
    const stray = Object.keys(environment.shape).filter((name) => name !== 'SLACK_BOT_TOKEN' && values[name as keyof typeof values] !== undefined);
    if (stray.length > 0) throw new BalieError('config_invalid', `Invalid configuration: SLACK_BOT_TOKEN: required when ${stray.join(' or ')} is set`);
    return null;
  }
  const appToken = values.SLACK_APP_TOKEN ?? null;
  const signingSecret = values.SLACK_SIGNING_SECRET ?? null;
  if (appToken === null && signingSecret === null) {
    throw new BalieError('config_invalid', 'Invalid configuration: SLACK_SIGNING_SECRET: required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return { botToken, appToken, signingSecret, apiUrl: (values.SLACK_API_URL ?? defaultApiUrl).replace(/\/*$/, '/') };
}
