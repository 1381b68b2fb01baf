import type { Environment } from '../../core/index.ts';
import type { ChannelDefinition } from '../channel.ts';
import { openTelegram } from './telegram-channel.ts';
import { telegramChannelName } from './telegram-connector.ts';
import { telegramSettings } from './telegram-settings.ts';

export { TelegramConnector } from './telegram-connector.ts';
export { TelegramNotifier, classifyTelegramError } from './telegram-notifier.ts';
export { telegramSettings, derivedWebhookSecret, type TelegramSettings } from './telegram-settings.ts';

/**
 * Telegram through grammY: configured by TELEGRAM_BOT_TOKEN; a webhook at
 * `<TELEGRAM_WEBHOOK_URL>/telegram` when that is set, else long polling; notices to the chat id
 * the address book keeps.
 */
export const telegramChannel: ChannelDefinition = {
  name: telegramChannelName,
  notifies: true,
  configure(env: Environment) {
    const settings = telegramSettings(env);
    if (!settings) return null;
    return {
      mode: settings.webhookUrl ? `webhook ${settings.webhookUrl}` : 'long polling',
      open: (context) => openTelegram(settings, context),
    };
  },
};
