import { GrammyError } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import { messages } from '../../dialogs/i18n/index.ts';
import type { Reply, UserInput } from '../../dialogs/types.ts';
import type { ChannelLogger, InboundRefusal, MessageHandler } from '../channel.ts';
import type { CallbackIds } from './callback-data.ts';
import { renderPressed } from './render-telegram.ts';
import { commandChoice, parseTelegramUpdate, type TelegramEvent } from './telegram-event.ts';
import type { TelegramApi, TelegramNotifier } from './telegram-notifier.ts';

/** The channel part of every Telegram user key: `telegram:<user id>`. */
export const telegramChannelName = 'telegram';

/** What the connector works with; the app gives the handler, the logger and the counter (ChannelContext). */
export interface TelegramConnectorDeps {
  handler: MessageHandler;
  api: TelegramApi;
  notifier: TelegramNotifier;
  callbacks: CallbackIds;
  logger: ChannelLogger;
  count(outcome: InboundRefusal): void;
}

/** What became of an update: a turn (or a group's one line) ran, nothing was to be done, or it was no update. */
export type UpdateOutcome = 'handled' | 'ignored' | 'rejected';

/** An update whose turn is saved, and the sending it still does (its replies, the pressed message's edit). */
export interface HandledUpdate {
  outcome: UpdateOutcome;
  /** Settles once everything is sent (never rejects: failures are logged). */
  sent: Promise<void>;
}

const nothingToSend: Promise<void> = Promise.resolve();

type Message = Extract<TelegramEvent, { kind: 'message' }>;
type Press = Extract<TelegramEvent, { kind: 'press' }>;
type Group = Extract<TelegramEvent, { kind: 'group' }>;

/**
 * Turns Telegram updates (webhook bodies or long-polling results) into turns: a private message
 * or a `/command` becomes an InboundMessage (`telegram:<user id>`, the message id as `messageId`,
 * `language_code` as the locale, the chat id as the address), a button press too (its message's id
 * as `messageId`, so a redelivery or a second press on the same message is dropped by the Bot).
 * Every press is answered (answerCallbackQuery) and its message edited to show the choice without
 * buttons. A group gets one line asking for a private chat. `handleUpdate` resolves once the turn's
 * state is saved (the webhook may then answer) and hands back the sending still to do, which runs
 * in order per chat. Never throws: a failure is logged and the update counts as handled, so
 * Telegram does not redeliver it in a storm.
 */
export class TelegramConnector {
  /** The sending of each chat, chained, so that the replies of one turn never overtake those of the turn before. */
  readonly #sending = new Map<number, Promise<void>>();

  constructor(private readonly deps: TelegramConnectorDeps) {}

  /** The user key of a Telegram user. */
  static userKey(userId: number): string {
    return `${telegramChannelName}:${userId}`;
  }

  /** Runs the turn of one update; resolves once its state is saved, with the sending still to do. */
  async handleUpdate(raw: unknown): Promise<HandledUpdate> {
    const parsed = parseTelegramUpdate(raw);
    if (!parsed.ok) {
      this.deps.count('rejected');
      this.deps.logger.warn({ problem: parsed.message }, 'telegram: not an update');
      return { outcome: 'rejected', sent: nothingToSend };
    }
    const { event } = parsed;
    const handled = await this.#handle(event);
    // The line the drivers of the tests wait for (an update id, no personal data).
    void handled.sent.then(() => this.deps.logger.debug({ updateId: event.updateId }, 'telegram: update done'));
    return handled;
  }

  async #handle(event: TelegramEvent): Promise<HandledUpdate> {
    try {
      switch (event.kind) {
        case 'message':
          return { outcome: 'handled', ...(await this.#message(event)) };
        case 'press':
          return { outcome: 'handled', ...(await this.#press(event)) };
        case 'group':
          return { outcome: 'handled', sent: this.#group(event) };
        case 'ignored':
          this.deps.count('ignored');
          return { outcome: 'ignored', sent: event.callbackQueryId ? this.#answer(event.callbackQueryId) : nothingToSend };
      }
    } catch (error) {
      this.deps.logger.error({ updateId: event.updateId, err: String(error) }, 'telegram: update failed');
      return { outcome: 'handled', sent: nothingToSend };
    }
  }

  // The sending is handed back inside an object: a promise returned from an async function would be waited for.
  async #message(event: Message): Promise<{ sent: Promise<void> }> {
    const choice = commandChoice(event.text);
    const input: UserInput = choice ? { kind: 'choice', id: choice } : { kind: 'text', text: event.text };
    const replies = await this.deps.handler.handle({
      userKey: TelegramConnector.userKey(event.userId),
      input,
      messageId: `m:${event.messageId}`,
      ...(event.locale ? { locale: event.locale } : {}),
      address: String(event.chatId),
    });
    return { sent: this.#inOrder(event.chatId, () => this.#reply(event.chatId, replies)) };
  }

  async #press(event: Press): Promise<{ sent: Promise<void> }> {
    // The spinner on the button stops at once; the turn runs meanwhile.
    const answered = this.#answer(event.callbackQueryId);
    const choiceId = await this.deps.callbacks.resolve(event.data).catch(() => null);
    const label = event.message.buttons.find((b) => b.callback_data === event.data)?.text;
    // A token nobody knows any more (expired): the button's label, typed, still says what was meant.
    const input: UserInput = choiceId !== null ? { kind: 'choice', id: choiceId } : label !== undefined ? { kind: 'text', text: label } : { kind: 'choice', id: event.data };
    const replies = await this.deps.handler.handle({
      userKey: TelegramConnector.userKey(event.userId),
      input,
      messageId: `p:${event.message.messageId}`,
      ...(event.locale ? { locale: event.locale } : {}),
      address: String(event.chatId),
    });
    // No replies: a redelivery, or a second press on a message already answered.
    if (replies.length === 0) return { sent: answered };
    const sent = this.#inOrder(event.chatId, async () => {
      await answered;
      await Promise.all([this.#markPressed(event), this.#reply(event.chatId, replies)]);
    });
    return { sent };
  }

  #group(event: Group): Promise<void> {
    this.deps.count('ignored');
    const lang = event.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
    const answered = event.callbackQueryId ? this.#answer(event.callbackQueryId) : nothingToSend;
    return this.#inOrder(event.chatId, async () => {
      await answered;
      await this.#reply(event.chatId, [{ text: messages(lang).channel.privateChatOnly }]);
    });
  }

  /** Runs `send` after the sending already queued for the chat. */
  #inOrder(chatId: number, send: () => Promise<void>): Promise<void> {
    const queued = (this.#sending.get(chatId) ?? nothingToSend).then(send).catch((error: unknown) => {
      this.deps.logger.error({ err: String(error) }, 'telegram: sending failed');
    });
    this.#sending.set(chatId, queued);
    void queued.then(() => {
      if (this.#sending.get(chatId) === queued) this.#sending.delete(chatId);
    });
    return queued;
  }

  async #reply(chatId: number, replies: readonly Reply[]): Promise<void> {
    if (replies.length === 0) return;
    const outcome = await this.deps.notifier.notify(String(chatId), replies);
    if (!outcome.ok) this.deps.logger.warn({ code: outcome.code, reason: outcome.reason }, 'telegram: reply not delivered');
  }

  async #answer(callbackQueryId: string): Promise<void> {
    try {
      await this.deps.api.answerCallbackQuery(callbackQueryId);
    } catch (error) {
      // A query answered late ("query is too old") or twice: the turn goes on.
      this.deps.logger.warn({ code: error instanceof GrammyError ? error.error_code : 'network' }, 'telegram: callback query not answered');
    }
  }

  async #markPressed(event: Press): Promise<void> {
    const edit = renderPressed(event.message, event.data);
    try {
      if (edit.kind === 'text') {
        await this.deps.api.editMessageText(event.chatId, event.message.messageId, edit.text, { entities: edit.entities as MessageEntity[], reply_markup: { inline_keyboard: [] } });
      } else {
        await this.deps.api.editMessageReplyMarkup(event.chatId, event.message.messageId, { reply_markup: { inline_keyboard: [] } });
      }
    } catch (error) {
      // "message is not modified": a redelivered press already edited it.
      if (error instanceof GrammyError && error.error_code === 400) return;
      this.deps.logger.warn({ code: error instanceof GrammyError ? error.error_code : 'network' }, 'telegram: pressed message not edited');
    }
  }
}
