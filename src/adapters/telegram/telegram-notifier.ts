import { GrammyError, HttpError, type Api } from 'grammy';
import type { Reply } from '../../dialogs/types.ts';
import type { ChannelNotifier, NotifyOutcome } from '../channel.ts';
import { callbackDataFor, type CallbackIds } from './callback-data.ts';
import { renderTelegram } from './render-telegram.ts';

/** The Bot API methods Balie calls to send (grammY's Api fits). */
export type TelegramApi = Pick<Api, 'sendMessage' | 'editMessageText' | 'editMessageReplyMarkup' | 'answerCallbackQuery'>;

/**
 * What a failed Bot API call means for a notice. The platform said no for good: 403 (the person
 * blocked the bot, or deleted their account) and 400 (no such chat, a message Telegram will never
 * take): permanent. The platform asked to wait (429, with `retry_after`), failed (5xx), refused
 * the token (401: the organiser's configuration, kept until fixed), or the network failed
 * (grammY's HttpError): temporary. Anything else is a bug and is thrown.
 */
export function classifyTelegramError(error: unknown): Exclude<NotifyOutcome, { ok: true }> {
  if (error instanceof GrammyError) {
    const code = String(error.error_code);
    const text = `${error.error_code} ${error.description}`.slice(0, 500);
    if (error.error_code === 429) {
      const seconds = Number(error.parameters.retry_after ?? 1);
      return { ok: false, reason: 'temporary', error: text, code, retryAfterMs: Math.max(1, seconds) * 1000 };
    }
    if (error.error_code === 403 || error.error_code === 400) return { ok: false, reason: 'permanent', error: text, code };
    return { ok: false, reason: 'temporary', error: text, code };
  }
  if (error instanceof HttpError) return { ok: false, reason: 'temporary', error: `network: ${error.message}`.slice(0, 500), code: 'network' };
  throw error;
}

/**
 * Sends replies to a Telegram chat: each reply as one or more HTML messages (render-telegram.ts),
 * in order, the choices as inline keyboards. Used for a turn's replies (the connector) and for
 * notices to a chat id from the address book.
 */
export class TelegramNotifier implements ChannelNotifier {
  constructor(
    private readonly api: TelegramApi,
    private readonly callbacks: CallbackIds,
  ) {}

  async notify(address: string, replies: readonly Reply[]): Promise<NotifyOutcome> {
    const chatId = Number(address);
    if (!/^-?\d{1,20}$/.test(address) || !Number.isSafeInteger(chatId)) return { ok: false, reason: 'permanent', error: 'not a Telegram chat id', code: 'address' };
    try {
      await this.callbacks.prepare(replies);
    } catch (error) {
      // The shared values that hold long button ids could not be written: try again later.
      return { ok: false, reason: 'temporary', error: `store: ${String(error)}`.slice(0, 500), code: 'store' };
    }
    try {
      for (const reply of replies) {
        for (const message of renderTelegram(reply, callbackDataFor)) {
          const send = () =>
            this.api.sendMessage(chatId, message.text, {
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
            });
          // A kept-alive connection the server closed just then fails before any answer: one more
          // try on a fresh one (at worst the message shows twice, better than not at all).
          await send().catch((error: unknown) => {
            if (error instanceof HttpError) return send();
            throw error;
          });
        }
      }
      return { ok: true };
    } catch (error) {
      return classifyTelegramError(error);
    }
  }
}
