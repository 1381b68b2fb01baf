import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkedKeyboard, checkedText, fail, type ApiError, type Button, type Entity } from './telegram-html.ts';

export type { ApiError, Button } from './telegram-html.ts';

/** A message in a chat, as it reads now (after any edits). */
export interface ChatMessage {
  chatId: number;
  messageId: number;
  from: 'bot' | 'user';
  text: string;
  entities: Entity[];
  keyboard: Button[][];
  edits: number;
}

/** Every Bot API call the bot made, in order. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  status: number;
  /** performance.now() when it arrived. */
  at: number;
}


/** Someone writing to the bot. */
export interface TelegramPerson {
  id: number;
  firstName?: string;
  languageCode?: string;
}

type Handler = (body: Record<string, unknown>, call: RecordedCall) => unknown;
interface Held {
  release(): void;
  /** Resolves when the held call arrived. */
  reached: Promise<void>;
}

const botUser = { id: 7_000_000_001, is_bot: true, first_name: 'Balie', username: 'balie_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };


/**
 * A local stand-in of the Telegram Bot API (https://core.telegram.org/bots/api) on 127.0.0.1: it
 * answers what Balie calls (getMe, setWebhook, deleteWebhook, getUpdates with long polling,
 * sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, setMyCommands),
 * checks the token (401), HTML and the 4,096-character limit, callback data of 1-64 bytes (400),
 * refuses chats that blocked the bot (403), records every call, and posts updates to the webhook
 * with or without the right secret.
 */
export class TelegramStandIn {
  readonly calls: RecordedCall[] = [];
  webhook: { url: string; secret: string | null; allowedUpdates: unknown } | null = null;
  readonly apiRoot: string;
  readonly #server: Server;
  readonly #chats = new Map<number, ChatMessage[]>();
  readonly #blocked = new Set<number>();
  readonly #failures = new Map<string, ApiError[]>();
  readonly #held = new Map<string, Array<() => Promise<void>>>();
  readonly #queue: Array<{ update_id: number }> = [];
  readonly #pollers = new Set<() => void>();
  readonly #watchers = new Set<() => void>();
  readonly #byChat = new Map<number, RecordedCall[]>();
  #updateId = 100_000;
  #pollOffset = 0;

  private constructor(
    readonly token: string,
    server: Server,
  ) {
    this.#server = server;
    this.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Starts the stand-in on a free loopback port; the bot must use `token`. */
  static async start(token = '123456789:TEST_token_for_the_stand_in_0123'): Promise<TelegramStandIn> {
    const made: { standIn?: TelegramStandIn } = {};
    const server = createServer((req, res) => void made.standIn?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    made.standIn = new TelegramStandIn(token, server);
    return made.standIn;
  }

  /** Calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The calls about one chat (those with a chat_id), in order. */
  callsTo(chatId: number): RecordedCall[] {
    return this.#byChat.get(chatId) ?? [];
  }

  /** The messages of a chat, in order, as they read now. */
  chat(chatId: number): ChatMessage[] {
    return this.#chats.get(chatId) ?? [];
  }

  /** The next `count` calls of `method` get `error` instead. */
  failNext(method: string, error: ApiError, count = 1): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), ...Array.from({ length: count }, () => error)]);
  }

  /** The person blocked the bot: sending to their chat is refused with 403. */
  block(chatId: number): void {
    this.#blocked.add(chatId);
  }

  /** Holds the next call of `method` until released. */
  hold(method: string): Held {
    let release!: () => void;
    let reached!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    this.#held.set(method, [
      ...(this.#held.get(method) ?? []),
      async () => {
        reached();
        await released;
      },
    ]);
    return { release, reached: arrived };
  }

  /** A private text message from `person`; it is also written into their chat. */
  textUpdate(person: TelegramPerson, text: string, chat: { id: number; type: string } = { id: person.id, type: 'private' }): Record<string, unknown> {
    const message_id = this.#add({ chatId: chat.id, from: 'user', text, entities: [], keyboard: [] }).messageId;
    return {
      update_id: ++this.#updateId,
      message: { message_id, date: Math.floor(Date.now() / 1000), chat: { ...chat, first_name: person.firstName ?? 'Ann' }, from: this.#from(person), text },
    };
  }

  /** `person` presses the button labelled `label` under the bot's `message`. */
  pressUpdate(person: TelegramPerson, message: ChatMessage, label: string): Record<string, unknown> {
    const button = message.keyboard.flat().find((b) => b.text === label);
    if (!button) throw new Error(`no button "${label}" under message ${message.messageId}: ${message.keyboard.flat().map((b) => b.text).join(', ')}`);
    return {
      update_id: ++this.#updateId,
      callback_query: {
        id: `cq${this.#updateId}`,
        from: this.#from(person),
        chat_instance: '1',
        data: button.callback_data,
        message: {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: message.chatId, type: 'private' },
          from: botUser,
          text: message.text,
          ...(message.entities.length > 0 ? { entities: message.entities } : {}),
          reply_markup: { inline_keyboard: message.keyboard },
        },
      },
    };
  }

  /** Posts an update to the webhook, with the registered secret unless another (or none: null) is given. */
  async deliver(update: unknown, options: { secret?: string | null; body?: string } = {}): Promise<{ status: number; text: string }> {
    if (!this.webhook) throw new Error('no webhook is set');
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: options.body ?? JSON.stringify(update),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Queues an update for getUpdates (long polling). */
  queue(update: Record<string, unknown>): void {
    this.#queue.push(update as { update_id: number });
    for (const wake of [...this.#pollers]) wake();
  }

  /** Resolves once the bot asked for updates past `updateId`: it has handled that update (grammY confirms a batch after handling it). */
  async consumed(updateId: number, timeoutMs = 15_000): Promise<void> {
    await this.until(() => this.#pollOffset > updateId, timeoutMs, `update ${updateId} was not consumed`);
  }

  /** Resolves once `condition` holds (checked on every call), or fails after `timeoutMs`. */
  async until(condition: () => boolean, timeoutMs = 15_000, what = 'the condition did not hold'): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.#watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(check);
        reject(new Error(`${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#watchers.add(check);
    });
  }

  async close(): Promise<void> {
    for (const wake of [...this.#pollers]) wake();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #from(person: TelegramPerson) {
    return { id: person.id, is_bot: false, first_name: person.firstName ?? 'Ann', ...(person.languageCode ? { language_code: person.languageCode } : {}) };
  }

  #add(message: Omit<ChatMessage, 'messageId' | 'edits'>): ChatMessage {
    const chat = this.#chats.get(message.chatId) ?? [];
    const added: ChatMessage = { ...message, messageId: chat.length + 1, edits: 0 };
    chat.push(added);
    this.#chats.set(message.chatId, chat);
    return added;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const call: RecordedCall = { method: match?.[2] ?? '?', body: {}, status: 200, at: performance.now() };
    let reply: { ok: true; result: unknown } | ({ ok: false } & ApiError);
    try {
      call.body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      if (!match || match[1] !== this.token) reply = { ok: false, ...fail(401, 'Unauthorized') };
      else {
        await this.#held.get(call.method)?.shift()?.();
        const injected = this.#failures.get(call.method)?.shift();
        reply = injected ? { ok: false, ...injected } : await this.#run(call, req);
      }
    } catch (error) {
      reply = { ok: false, ...fail(400, `Bad Request: ${String(error)}`) };
    }
    call.status = reply.ok ? 200 : reply.error_code;
    this.calls.push(call);
    if (call.body.chat_id !== undefined) {
      const chatId = Number(call.body.chat_id);
      const calls = this.#byChat.get(chatId) ?? [];
      calls.push(call);
      this.#byChat.set(chatId, calls);
    }
    if (!res.destroyed) res.writeHead(call.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    for (const check of [...this.#watchers]) check();
  }

  async #run(call: RecordedCall, req: IncomingMessage): Promise<{ ok: true; result: unknown } | ({ ok: false } & ApiError)> {
    const handler = this.#methods[call.method];
    if (!handler) return { ok: false, ...fail(404, 'Not Found') };
    if (call.method === 'getUpdates') return this.#getUpdates(call.body, req);
    const result = handler(call.body, call);
    return result && typeof result === 'object' && 'error_code' in result ? { ok: false, ...(result as ApiError) } : { ok: true, result };
  }

  async #getUpdates(body: Record<string, unknown>, req: IncomingMessage): Promise<{ ok: true; result: unknown } | ({ ok: false } & ApiError)> {
    if (this.webhook) return { ok: false, ...fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first") };
    const offset = Number(body.offset ?? 0);
    this.#pollOffset = Math.max(this.#pollOffset, offset);
    for (const check of [...this.#watchers]) check();
    const ready = () => this.#queue.filter((u) => u.update_id >= offset).slice(0, Number(body.limit ?? 100));
    this.#queue.splice(0, this.#queue.length, ...this.#queue.filter((u) => u.update_id >= offset));
    if (ready().length === 0 && Number(body.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#pollers.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Number(body.timeout) * 1000);
        this.#pollers.add(wake);
        req.once('close', wake);
      });
    }
    return { ok: true, result: ready() };
  }

  #botMessage(body: Record<string, unknown>): ChatMessage | ApiError {
    const message = this.chat(Number(body.chat_id)).find((m) => m.messageId === Number(body.message_id) && m.from === 'bot');
    return message ?? fail(400, 'Bad Request: message to edit not found');
  }

  readonly #methods: Record<string, Handler> = {
    getMe: () => botUser,
    setWebhook: (body) => {
      this.webhook = { url: String(body.url), secret: typeof body.secret_token === 'string' ? body.secret_token : null, allowedUpdates: body.allowed_updates };
      return true;
    },
    deleteWebhook: () => {
      this.webhook = null;
      return true;
    },
    getUpdates: () => [],
    setMyCommands: () => true,
    answerCallbackQuery: () => true,
    sendMessage: (body) => {
      const chatId = Number(body.chat_id);
      if (this.#blocked.has(chatId)) return fail(403, 'Forbidden: bot was blocked by the user');
      const text = checkedText(body);
      if ('error_code' in text) return text;
      const keyboard = checkedKeyboard(body.reply_markup);
      if ('error_code' in keyboard) return keyboard;
      const message = this.#add({ chatId, from: 'bot', text: text.text, entities: text.entities, keyboard });
      return { message_id: message.messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: botUser, text: text.text };
    },
    editMessageText: (body) => {
      const message = this.#botMessage(body);
      if ('error_code' in message) return message;
      const text = checkedText(body);
      if ('error_code' in text) return text;
      const keyboard = checkedKeyboard(body.reply_markup);
      if ('error_code' in keyboard) return keyboard;
      if (text.text === message.text && JSON.stringify(keyboard) === JSON.stringify(message.keyboard)) return fail(400, 'Bad Request: message is not modified');
      Object.assign(message, { text: text.text, entities: text.entities, keyboard, edits: message.edits + 1 });
      return true;
    },
    editMessageReplyMarkup: (body) => {
      const message = this.#botMessage(body);
      if ('error_code' in message) return message;
      const keyboard = checkedKeyboard(body.reply_markup);
      if ('error_code' in keyboard) return keyboard;
      if (JSON.stringify(keyboard) === JSON.stringify(message.keyboard)) return fail(400, 'Bad Request: message is not modified');
      Object.assign(message, { keyboard, edits: message.edits + 1 });
      return true;
    },
  };
}
