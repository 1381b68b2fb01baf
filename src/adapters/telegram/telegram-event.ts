import { z } from 'zod';
import type { Result } from '../../core/index.ts';

// The parts of a Telegram Update that Balie reads (https://core.telegram.org/bots/api#update),
// checked at the boundary. Unknown fields are allowed (Telegram adds fields all the time); a
// payload that is not an update is refused. Ids are whole numbers within JavaScript's safe
// range, so `telegram:<user id>` is always plain digits.

const safeId = z.number().int().refine(Number.isSafeInteger, { error: 'not a safe integer' });
const positiveId = safeId.refine((n) => n > 0, { error: 'must be positive' });

const user = z.looseObject({ id: positiveId, is_bot: z.boolean().optional(), language_code: z.string().optional() });
const chat = z.looseObject({ id: safeId, type: z.string() });
const entity = z.looseObject({ type: z.string(), offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });
const button = z.looseObject({ text: z.string(), callback_data: z.string().optional() });
const keyboard = z.looseObject({ inline_keyboard: z.array(z.array(button)) });

const message = z.looseObject({
  message_id: positiveId,
  from: user.optional(),
  chat,
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entity).optional(),
  reply_markup: keyboard.optional(),
});

const callbackQuery = z.looseObject({
  id: z.string().min(1).max(256),
  from: user,
  // Absent or without text for messages too old to be read (Telegram's InaccessibleMessage).
  message: z.looseObject({ message_id: positiveId, chat, text: z.string().optional(), entities: z.array(entity).optional(), reply_markup: keyboard.optional() }).optional(),
  data: z.string().max(256).optional(),
});

const update = z.looseObject({ update_id: z.number().int().nonnegative(), message: message.optional(), callback_query: callbackQuery.optional() });

/** A message entity (bold, code, ...) as Telegram reports it, in UTF-16 code units. */
export type TelegramEntity = z.infer<typeof entity>;

/** A button of an inline keyboard as Telegram reports it back. */
export type TelegramButton = z.infer<typeof button>;

/** The bot's message a button was pressed under, as the callback query carries it. */
export interface PressedMessage {
  messageId: number;
  /** The message's text and formatting, when Telegram still gives them. */
  text?: string;
  entities?: TelegramEntity[];
  buttons: TelegramButton[];
}

/** One Telegram update as Balie sees it. */
export type TelegramEvent =
  | { kind: 'message'; updateId: number; chatId: number; userId: number; messageId: number; text: string; locale?: string }
  | { kind: 'press'; updateId: number; callbackQueryId: string; chatId: number; userId: number; data: string; message: PressedMessage; locale?: string }
  /** Anything sent in a group, supergroup or channel: Balie only talks in private chats. */
  | { kind: 'group'; updateId: number; chatId: number; callbackQueryId?: string; locale?: string }
  /** An update of a kind Balie does not handle (an edit, a bot's message, a press without data). */
  | { kind: 'ignored'; updateId: number; callbackQueryId?: string; why: string };

/** Why a payload could not be read as an update (answered 400). */
export type TelegramEventProblem = { reason: 'malformed'; message: string };

// A BCP 47-ish tag ('nl', 'en-GB'): anything else is dropped rather than passed to the dialogs.
const localePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
const localeOf = (from: { language_code?: string | undefined } | undefined) => {
  const code = from?.language_code;
  return code !== undefined && localePattern.test(code) ? { locale: code } : {};
};

/** Reads one webhook body or long-polling update (a boundary: anything may arrive). */
export function parseTelegramUpdate(raw: unknown): Result<{ event: TelegramEvent }, TelegramEventProblem> {
  const parsed = update.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'malformed', message: `not a Telegram update: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid'}` };
  }
  const { update_id: updateId, message: m, callback_query: q } = parsed.data;
  if (q) {
    const chatOfPress = q.message?.chat;
    if (chatOfPress && chatOfPress.type !== 'private') return { ok: true, event: { kind: 'group', updateId, chatId: chatOfPress.id, callbackQueryId: q.id, ...localeOf(q.from) } };
    if (!q.message || q.data === undefined || q.from.is_bot === true) return { ok: true, event: { kind: 'ignored', updateId, callbackQueryId: q.id, why: 'press without a message or data' } };
    const pressed: PressedMessage = {
      messageId: q.message.message_id,
      ...(q.message.text !== undefined ? { text: q.message.text } : {}),
      ...(q.message.entities ? { entities: q.message.entities } : {}),
      buttons: q.message.reply_markup?.inline_keyboard.flat() ?? [],
    };
    return { ok: true, event: { kind: 'press', updateId, callbackQueryId: q.id, chatId: q.message.chat.id, userId: q.from.id, data: q.data, message: pressed, ...localeOf(q.from) } };
  }
  if (m) {
    if (m.chat.type !== 'private') return { ok: true, event: { kind: 'group', updateId, chatId: m.chat.id, ...localeOf(m.from) } };
    if (!m.from || m.from.is_bot === true) return { ok: true, event: { kind: 'ignored', updateId, why: 'message without a person' } };
    // A sticker or photo without a caption reaches the dialogs as an empty message, which they answer.
    const text = m.text ?? m.caption ?? '';
    return { ok: true, event: { kind: 'message', updateId, chatId: m.chat.id, userId: m.from.id, messageId: m.message_id, text, ...localeOf(m.from) } };
  }
  return { ok: true, event: { kind: 'ignored', updateId, why: 'an update of another kind' } };
}

/** The bot commands of the menu (setMyCommands) and the dialog choice each one stands for. */
export const telegramCommands = {
  start: 'menu',
  inschrijven: 'register',
  mijninschrijving: 'my-registration',
  programma: 'programme',
  help: 'help',
  english: 'lang:en',
} as const;

// Understood, not advertised: the way back from /english.
const extraCommands: Record<string, string> = { nederlands: 'lang:nl', dutch: 'lang:nl', menu: 'menu' };

/** A `/command` (maybe `/command@balie_bot payload`) as the dialog choice it stands for, or null. */
export function commandChoice(text: string): string | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s|$)/.exec(text.trim());
  if (!match) return null;
  const name = (match[1] as string).toLowerCase();
  return (telegramCommands as Record<string, string>)[name] ?? extraCommands[name] ?? null;
}
