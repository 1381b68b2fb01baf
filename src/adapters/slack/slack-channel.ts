import { App, ExpressReceiver, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import express from 'express';
import { BalieError } from '../../core/index.ts';
import type { ChannelContext, ChannelLogger, RunningChannel } from '../channel.ts';
import { SlackConnector, type HandledDelivery } from './slack-connector.ts';
import { parseSlackAction, parseSlackCommand, parseSlackEvent, parseSlackSubmission, type SlackEvent, type SlackEventProblem } from './slack-event.ts';
import { SlackNotifier } from './slack-notifier.ts';
import { SlackPeople } from './slack-people.ts';
import type { SlackSettings } from './slack-settings.ts';
import type { Result } from '../../core/index.ts';

/** The route Slack posts events, interactions and the slash command to (HTTP mode). */
export const eventsPath = '/slack/events';

/**
 * How long a delivery may wait for its turn before Balie answers Slack anyway (the turn goes on
 * and its replies follow): inside Slack's 3 seconds, so a slow turn (waiting for the same
 * person's previous one) never makes Slack retry.
 */
export const ackBudgetMs = 2_500;

/** The slash command the manifest declares. */
export const slashCommand = '/balie';

/**
 * Bolt's log lines, reduced to warnings and errors without their arguments' objects: Bolt's debug
 * lines carry payloads, which hold personal data.
 */
function boltLogger(logger: ChannelLogger): Logger {
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : '')).join(' ').slice(0, 300);
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => logger.warn({ source: 'bolt' }, `slack: ${line(parts)}`),
    error: (...parts: unknown[]) => logger.error({ source: 'bolt' }, `slack: ${line(parts)}`),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** The Web API options: the stand-in's URL in tests; no retries inside a turn (the outbox retries notices). */
function clientOptions(settings: SlackSettings, logger: Logger): webApi.WebClientOptions {
  return { slackApiUrl: settings.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger, timeout: 10_000 };
}

/** Slack's answer to the token check as a BalieError naming the variable to look at. */
function startupError(error: unknown): BalieError {
  const e = error as { code?: unknown; data?: { error?: unknown } };
  if (e?.code === webApi.ErrorCode.PlatformError) return new BalieError('config_invalid', `Invalid configuration: SLACK_BOT_TOKEN: checking the token: Slack said ${String(e.data?.error)}`);
  return new BalieError('config_invalid', `Invalid configuration: SLACK_API_URL: checking the token: cannot reach the Slack Web API (${String(e?.code ?? 'unexpected error')})`);
}

/**
 * Opens the channel: checks the bot token (auth.test), builds Bolt's App on the HTTP receiver
 * (`POST /slack/events` on the shared host, signatures checked by Bolt, answered after the turn is
 * saved: processBeforeResponse) or on Socket Mode when SLACK_APP_TOKEN is set, and hands every
 * event, press, submission and command to the connector.
 */
export async function openSlack(settings: SlackSettings, context: ChannelContext): Promise<RunningChannel> {
  const logger = boltLogger(context.logger);
  const client = new webApi.WebClient(settings.botToken, clientOptions(settings, logger));
  let identity: { botId: string; botUserId: string };
  try {
    const auth = await client.auth.test();
    identity = { botId: String(auth.bot_id ?? ''), botUserId: String(auth.user_id ?? '') };
  } catch (error) {
    throw startupError(error);
  }
  const people = new SlackPeople(client, context.logger);
  const notifier = new SlackNotifier(client, (userId) => people.languageOf(userId));
  const connector = new SlackConnector({ handler: context.handler, views: context.views, api: client, notifier, people, values: context.values, logger: context.logger, count: context.count });

  const router = express.Router();
  let receiver: ExpressReceiver | SocketModeReceiver;
  if (settings.appToken) {
    receiver = new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions: clientOptions(settings, logger) } });
  } else {
    // A request Bolt refuses (a bad signature, a stale timestamp) counts as rejected.
    router.use(eventsPath, (_req, res, next) => {
      res.on('finish', () => {
        if (res.statusCode === 401) context.count('rejected');
      });
      next();
    });
    receiver = new ExpressReceiver({ signingSecret: settings.signingSecret ?? '', endpoints: eventsPath, processBeforeResponse: true, router, logger });
  }
  const app = new App({ token: settings.botToken, ...identity, tokenVerificationEnabled: false, receiver, logger, clientOptions: clientOptions(settings, logger) });
  app.error(async (error) => context.logger.error({ code: String((error as { code?: unknown }).code ?? 'unexpected') }, 'slack: a listener failed'));

  const run = async (parsed: Result<{ event: SlackEvent }, SlackEventProblem>): Promise<HandledDelivery | null> => {
    if (!parsed.ok) {
      context.count('rejected');
      context.logger.warn({ problem: parsed.message }, 'slack: not a delivery Balie reads');
      return null;
    }
    const handling = connector.handle(parsed.event);
    context.track(handling.then((handled) => handled.sent));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ackBudgetMs)));
    const handled = await Promise.race([handling, late]);
    clearTimeout(timer);
    if (handled !== 'late') return handled;
    // The turn's replies still reach the DM; only a modal's refused fields are lost (the modal closes).
    context.logger.warn({ kind: parsed.event.kind }, "slack: answered before the turn was done (Slack's 3 seconds)");
    return null;
  };
  app.event(/^(message|app_mention|app_home_opened)$/, async ({ body }) => void (await run(parseSlackEvent(body))));
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    await run(parseSlackAction(body));
  });
  app.view(/.*/, async ({ ack, body }) => {
    const handled = await run(parseSlackSubmission(body));
    if (handled?.ack) await ack(handled.ack);
    else await ack();
  });
  app.command(slashCommand, async ({ ack, body }) => {
    const parsed = parseSlackCommand(body);
    const note = parsed.ok && parsed.event.kind === 'command' ? await connector.commandNote(parsed.event) : undefined;
    await (note ? ack({ response_type: 'ephemeral', text: note }) : ack());
    await run(parsed);
  });

  return {
    notifier,
    ...(receiver instanceof ExpressReceiver ? { mount: (hostRouter: express.Router) => void hostRouter.use(router) } : {}),
    start: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.start();
    },
    stop: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.stop();
    },
  };
}
