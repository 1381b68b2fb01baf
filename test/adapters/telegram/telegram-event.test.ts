import { describe, expect, it } from 'vitest';
import { commandChoice, parseTelegramUpdate } from '../../../src/adapters/telegram/telegram-event.ts';

const from = { id: 4242, is_bot: false, first_name: 'Ann', language_code: 'en-GB' };
const privateChat = { id: 4242, type: 'private', first_name: 'Ann' };

describe('parseTelegramUpdate', () => {
  it('reads a private text message, keeping the ids, the text and the locale; unknown fields are allowed', () => {
    const parsed = parseTelegramUpdate({ update_id: 7, message: { message_id: 3, date: 1, chat: privateChat, from, text: 'Hallo', via_bot: { x: 1 }, new_field: true }, another: [] });
    expect(parsed).toEqual({ ok: true, event: { kind: 'message', updateId: 7, chatId: 4242, userId: 4242, messageId: 3, text: 'Hallo', locale: 'en-GB' } });
  });

  it('reads a button press with the message it was under', () => {
    const parsed = parseTelegramUpdate({
      update_id: 8,
      callback_query: {
        id: 'cq1',
        from: { id: 4242, is_bot: false },
        data: 'register',
        message: { message_id: 9, chat: privateChat, text: 'Waarmee?', entities: [{ type: 'bold', offset: 0, length: 3 }], reply_markup: { inline_keyboard: [[{ text: 'Inschrijven', callback_data: 'register' }]] } },
      },
    });
    expect(parsed).toEqual({
      ok: true,
      event: {
        kind: 'press',
        updateId: 8,
        callbackQueryId: 'cq1',
        chatId: 4242,
        userId: 4242,
        data: 'register',
        message: { messageId: 9, text: 'Waarmee?', entities: [{ type: 'bold', offset: 0, length: 3 }], buttons: [{ text: 'Inschrijven', callback_data: 'register' }] },
      },
    });
  });

  it('turns a message in a group into one line to send back, and a sticker into an empty message', () => {
    expect(parseTelegramUpdate({ update_id: 1, message: { message_id: 1, chat: { id: -100123, type: 'supergroup' }, from, text: '/start' } })).toMatchObject({ ok: true, event: { kind: 'group', chatId: -100123, locale: 'en-GB' } });
    expect(parseTelegramUpdate({ update_id: 2, message: { message_id: 2, chat: privateChat, from, sticker: { file_id: 'x' } } })).toMatchObject({ ok: true, event: { kind: 'message', text: '' } });
    expect(parseTelegramUpdate({ update_id: 3, message: { message_id: 3, chat: privateChat, from, photo: [], caption: 'mijn foto' } })).toMatchObject({ ok: true, event: { kind: 'message', text: 'mijn foto' } });
  });

  it('ignores edits, other update kinds, bots and presses without data', () => {
    expect(parseTelegramUpdate({ update_id: 4, edited_message: { message_id: 1 } })).toMatchObject({ ok: true, event: { kind: 'ignored' } });
    expect(parseTelegramUpdate({ update_id: 5, message: { message_id: 1, chat: privateChat, from: { id: 9, is_bot: true }, text: 'x' } })).toMatchObject({ ok: true, event: { kind: 'ignored' } });
    expect(parseTelegramUpdate({ update_id: 6, callback_query: { id: 'cq', from, game_short_name: 'x' } })).toMatchObject({ ok: true, event: { kind: 'ignored', callbackQueryId: 'cq' } });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', [1, 2]],
    ['no update_id', { message: {} }],
    ['a fractional id', { update_id: 1.5 }],
    ['a user id beyond the safe integers', { update_id: 1, message: { message_id: 1, chat: privateChat, from: { id: 2 ** 60 }, text: 'x' } }],
    ['a negative user id', { update_id: 1, message: { message_id: 1, chat: privateChat, from: { id: -5 }, text: 'x' } }],
    ['a text that is no string', { update_id: 1, message: { message_id: 1, chat: privateChat, from, text: { x: 1 } } }],
  ])('refuses %s, saying why', (_what, body) => {
    const parsed = parseTelegramUpdate(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^not a Telegram update: /);
  });

  it('drops a locale that is not a language tag', () => {
    const parsed = parseTelegramUpdate({ update_id: 1, message: { message_id: 1, chat: privateChat, from: { ...from, language_code: 'nl; DROP' }, text: 'x' } });
    expect(parsed.ok && parsed.event.kind === 'message' && parsed.event.locale).toBeUndefined();
  });
});

describe('commandChoice', () => {
  it.each([
    ['/start', 'menu'],
    ['/start abc123', 'menu'],
    ['/inschrijven', 'register'],
    ['/mijninschrijving', 'my-registration'],
    ['/programma@balie_bot', 'programme'],
    ['/help', 'help'],
    ['/english', 'lang:en'],
    ['/nederlands', 'lang:nl'],
  ])('reads %s as the choice %s', (text, choice) => {
    expect(commandChoice(text)).toBe(choice);
  });

  it('leaves other text alone', () => {
    expect(commandChoice('/onbekend')).toBeNull();
    expect(commandChoice('ik wil /help')).toBeNull();
    expect(commandChoice('help')).toBeNull();
  });
});
