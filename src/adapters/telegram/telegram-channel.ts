import { setTimeout as sleep } from 'node:timers/promises';
import { Api, Bot, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { BalieError } from '../../core/index.ts';
import { messages } from '../../dialogs/i18n/index.ts';
import type { ChannelContext, RunningChannel } from '../channel.ts';
import { CallbackIds } from './callback-data.ts';
import { TelegramConnector } from './telegram-connector.ts';
import { telegramCommands } from './telegram-event.ts';
import { TelegramNotifier } from './telegram-notifier.ts';
import type { TelegramSettings } from './telegram-settings.ts';
import { mountTelegramWebhook } from './telegram-webhook.ts';

// The updates Balie handles; Telegram sends no others.
const allowedUpdates = ['message', 'callback_query'] as const;
// Well inside the time Telegram waits for a webhook answer; a turn takes milliseconds.
const webhookBudgetMs = 8_000;

/** Telegram's answer to a start-up call as a BalieError naming the variable to look at. */
function startupError(error: unknown, variable: string, what: string): BalieError {
  if (error instanceof GrammyError) return new BalieError('config_invalid', `Invalid configuration: ${variable}: ${what}: Telegram said ${error.error_code} ${error.description}`);
  // grammY's own message only: the underlying fetch error names the URL, which holds the token.
  const why = error instanceof HttpError ? error.message : 'unexpected error';
  return new BalieError('config_invalid', `Invalid configuration: TELEGRAM_API_ROOT: ${what}: cannot reach the Telegram Bot API (${why})`);
}

/** The command menu in Dutch (also the default) and English, for private chats. */
async function setCommands(api: Api, context: ChannelContext): Promise<void> {
  const menu = (lang: 'nl' | 'en') => Object.keys(telegramCommands).map((command) => ({ command, description: messages(lang).channel.commands[command as keyof typeof telegramCommands] }));
  const scope = { type: 'all_private_chats' as const };
  const calls = [api.setMyCommands(menu('nl'), { scope }), api.setMyCommands(menu('nl'), { scope, language_code: 'nl' }), api.setMyCommands(menu('en'), { scope, language_code: 'en' })];
  const failed = (await Promise.allSettled(calls)).filter((c) => c.status === 'rejected');
  if (failed.length > 0) context.logger.warn({ failed: failed.length }, 'telegram: the command menu was not set');
}

/** Long polling with grammY's `bot.start()`, started again after a failure (a 409 while another poller runs) until stopped. */
function longPolling(settings: TelegramSettings, me: UserFromGetMe, connector: TelegramConnector, context: ChannelContext): Pick<RunningChannel, 'start' | 'stop'> {
  const bot = new Bot(settings.token, { botInfo: me, client: { apiRoot: settings.apiRoot, timeoutSeconds: 60 } });
  // The next getUpdates confirms the batch, so the sending is waited for too.
  bot.use(async (ctx) => {
    await (await connector.handleUpdate(ctx.update)).sent;
  });
  bot.catch((error) => context.logger.error({ err: String(error.error) }, 'telegram: update failed'));
  const stopping = new AbortController();
  let loop: Promise<void> | null = null;
  return {
    start: async () => {
      loop = (async () => {
        while (!stopping.signal.aborted) {
          try {
            await bot.start({ allowed_updates: allowedUpdates });
          } catch (error) {
            if (stopping.signal.aborted) return;
            context.logger.error({ code: error instanceof GrammyError ? error.error_code : 'network' }, 'telegram: long polling failed; trying again in 10 s');
            await sleep(10_000, undefined, { signal: stopping.signal }).catch(() => undefined);
          }
        }
      })();
    },
    stop: async () => {
      stopping.abort();
      // The batch of updates in hand is finished; bot.start() resolves once it is.
      await bot.stop().catch(() => undefined);
      await loop;
    },
  };
}

/**
 * Opens the channel: checks the token (getMe), sets the command menu, builds the connector and the
 * notifier; `start` then sets the webhook or starts long polling.
 */
export async function openTelegram(settings: TelegramSettings, context: ChannelContext): Promise<RunningChannel> {
  const api = new Api(settings.token, { apiRoot: settings.apiRoot, timeoutSeconds: 10 });
  let me: UserFromGetMe;
  try {
    me = await api.getMe();
  } catch (error) {
    throw startupError(error, 'TELEGRAM_BOT_TOKEN', 'checking the token');
  }
  await setCommands(api, context);
  const callbacks = new CallbackIds(context.values);
  const notifier = new TelegramNotifier(api, callbacks);
  const connector = new TelegramConnector({ handler: context.handler, api, notifier, callbacks, logger: context.logger, count: context.count });
  context.logger.info({ bot: me.username }, 'telegram: token accepted');
  if (settings.webhookUrl === null) return { notifier, ...longPolling(settings, me, connector, context) };
  const webhookUrl = settings.webhookUrl;
  return {
    notifier,
    mount: (router) =>
      mountTelegramWebhook(router, {
        secret: settings.webhookSecret,
        handleUpdate: (body) => connector.handleUpdate(body),
        count: context.count,
        track: context.track,
        budgetMs: webhookBudgetMs,
      }),
    start: async () => {
      try {
        await api.setWebhook(webhookUrl, { secret_token: settings.webhookSecret, allowed_updates: allowedUpdates, drop_pending_updates: false });
      } catch (error) {
        throw startupError(error, 'TELEGRAM_WEBHOOK_URL', `setting the webhook to ${webhookUrl}`);
      }
    },
    stop: async () => {},
  };
}
