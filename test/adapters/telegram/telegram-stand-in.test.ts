import { Api, GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramStandIn } from '../../helpers/telegram-api.ts';

describe('the Telegram Bot API stand-in refuses what Telegram refuses', () => {
  let standIn: TelegramStandIn;
  beforeAll(async () => {
    standIn = await TelegramStandIn.start();
  });
  afterAll(() => standIn?.close());
  const api = (token = standIn.token) => new Api(token, { apiRoot: standIn.apiRoot });
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (error: unknown) => (error instanceof GrammyError ? `${error.error_code} ${error.description}` : String(error)),
    );

  it('refuses a wrong token with 401 and records the call', async () => {
    expect(await refusal(api('1:not_the_token_not_the_token_x').getMe())).toBe('401 Unauthorized');
    expect(standIn.calls.at(-1)).toMatchObject({ method: 'getMe', status: 401 });
    expect((await api().getMe()).username).toBe('balie_test_bot');
  });

  it('refuses callback data over 64 bytes, invalid HTML and texts over 4,096 characters with 400', async () => {
    const button = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: data }]] } });
    expect(await refusal(api().sendMessage(1, 'ok', button('é'.repeat(33))))).toBe('400 Bad Request: BUTTON_DATA_INVALID');
    expect(await refusal(api().sendMessage(1, 'ok', button('é'.repeat(32))))).toBeNull();
    expect(await refusal(api().sendMessage(1, '<b>open', { parse_mode: 'HTML' }))).toMatch(/^400 Bad Request: can't parse entities/);
    expect(await refusal(api().sendMessage(1, 'a & b', { parse_mode: 'HTML' }))).toMatch(/^400 Bad Request: can't parse entities/);
    expect(await refusal(api().sendMessage(1, 'x'.repeat(4097)))).toBe('400 Bad Request: message is too long');
    expect(standIn.chat(1).map((m) => m.text)).toEqual(['ok']);
  });

  it('hands out queued updates by long polling and forgets the ones confirmed by the next offset', async () => {
    await api().deleteWebhook();
    const first = standIn.textUpdate({ id: 2 }, 'een');
    const second = standIn.textUpdate({ id: 2 }, 'twee');
    standIn.queue(first);
    standIn.queue(second);
    const batch = await api().getUpdates({ offset: 0, timeout: 1 });
    expect(batch.map((u) => u.update_id)).toEqual([first.update_id, second.update_id]);
    const rest = await api().getUpdates({ offset: second.update_id as number, timeout: 0 });
    expect(rest.map((u) => u.update_id)).toEqual([second.update_id]);
    await standIn.consumed(first.update_id as number, 1_000);
    const waiting = api().getUpdates({ offset: (second.update_id as number) + 1, timeout: 5 });
    const third = standIn.textUpdate({ id: 2 }, 'drie');
    standIn.queue(third);
    expect((await waiting).map((u) => u.update_id)).toEqual([third.update_id]);
  });
});
