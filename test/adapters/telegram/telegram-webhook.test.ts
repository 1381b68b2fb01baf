import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { startTelegramHost, type TelegramHost } from '../../helpers/telegram-host.ts';

describe('Telegram over the webhook, against the Bot API stand-in (real HTTP, in-process host)', { timeout: 30_000 }, () => {
  let t: TelegramHost;
  beforeAll(async () => {
    t = await startTelegramHost('webhook');
  });
  afterAll(() => t?.close());
  const sends = (chatId: number) => t.standIn.callsOf('sendMessage').filter((c) => c.body.chat_id === chatId).length;
  const metric = async (pattern: RegExp) => Number(pattern.exec(await (await fetch(`${t.url}/metrics`)).text())?.[1] ?? 0);

  it('sets the webhook with a secret and the command menu in Dutch and English at start', () => {
    expect(t.standIn.webhook).toMatchObject({ url: `${t.url}/telegram`, allowedUpdates: ['message', 'callback_query'] });
    expect(t.standIn.webhook?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const menus = t.standIn.callsOf('setMyCommands').map((c) => c.body as { commands: Array<{ command: string; description: string }>; language_code?: string; scope: unknown });
    expect(menus.map((m) => m.language_code)).toEqual([undefined, 'nl', 'en']);
    expect(menus.every((m) => JSON.stringify(m.scope) === '{"type":"all_private_chats"}')).toBe(true);
    expect(menus[0]?.commands.map((c) => c.command)).toEqual(['start', 'inschrijven', 'mijninschrijving', 'programma', 'help', 'english']);
    expect(menus[2]?.commands.find((c) => c.command === 'inschrijven')?.description).toBe('Register for the networking day');
  });

  it('refuses a missing or wrong secret with 401 and handles nothing', async () => {
    const before = t.standIn.calls.length;
    const rejected = await metric(/balie_inbound_requests_total\{channel="telegram",outcome="rejected"\} (\d+)/);
    const update = t.standIn.textUpdate({ id: 501 }, 'Ik wil me inschrijven');
    expect((await t.standIn.deliver(update, { secret: null })).status).toBe(401);
    expect((await t.standIn.deliver(update, { secret: `${t.standIn.webhook?.secret}x` })).status).toBe(401);
    expect((await t.standIn.deliver(update, { secret: 'short' })).status).toBe(401);
    expect(t.standIn.calls.length).toBe(before);
    expect(await metric(/balie_inbound_requests_total\{channel="telegram",outcome="rejected"\} (\d+)/)).toBe(rejected + 3);
    // The same update with the right secret is then handled as usual.
    expect(await t.deliver(update)).toBe(200);
    expect(sends(501)).toBeGreaterThan(0);
  });

  it('answers an update delivered twice once', async () => {
    const chat = t.chat(502);
    const update = t.standIn.textUpdate(chat.person, 'hallo');
    expect(await t.deliver(update)).toBe(200);
    const once = sends(502);
    expect(once).toBeGreaterThan(0);
    expect(await t.deliver(update)).toBe(200);
    expect(sends(502)).toBe(once);
    expect(await metric(/balie_inbound_requests_total\{channel="telegram",outcome="duplicate"\} (\d+)/)).toBeGreaterThanOrEqual(1);
  });

  it('answers a malformed, oversized or foreign body with 4xx and handles the next update', async () => {
    expect((await t.standIn.deliver(null, { body: '{"update_id": 1, "message": ' })).status).toBe(400);
    expect((await t.standIn.deliver(null, { body: JSON.stringify({ update_id: 2, pad: 'x'.repeat(5 * 1024 * 1024) }) })).status).toBe(413);
    expect((await t.standIn.deliver({ hello: 'world' })).status).toBe(400);
    expect((await t.standIn.deliver({ update_id: 3, message: { message_id: 1, chat: { id: 1, type: 'private' }, from: { id: 'me' }, text: 'x' } })).status).toBe(400);
    const replies = await t.chat(503).say('/start');
    expect(replies.at(-1)?.text).toContain('Waarmee kan ik je helpen?');
  });

  it('greets a new person in the language Telegram reports, and starts from a command', async () => {
    const replies = await t.chat(504, 'en-GB').say('/start');
    expect(replies.at(-1)?.text).toMatch(/^Hello! I'm Balie/);
    expect(replies.at(-1)?.keyboard.flat().map((b) => b.text)).toEqual(['Register', 'My registration', 'Programme', 'Help', 'Nederlands']);
    expect((await t.chat(504, 'en-GB').say('/programma')).map((m) => m.text).join('\n')).toContain('You pick one session per series');
  });

  it('answers every press, shows the pressed choice without buttons, and drops a second press on the same message', async () => {
    const chat = t.chat(505);
    await chat.say('/start');
    const menu = chat.withButton('Programma');
    // The message as it was when pressed (the stand-in edits its own copy).
    const asPressed = structuredClone(menu);
    const answered = t.standIn.callsOf('answerCallbackQuery').length;
    const replies = await chat.press('Programma', menu);
    expect(replies.map((m) => m.text).join('\n')).toContain('Je kiest één sessie per reeks');
    expect(t.standIn.callsOf('answerCallbackQuery').length).toBe(answered + 1);
    const edited = t.standIn.chat(505).find((m) => m.messageId === menu.messageId);
    expect(edited?.keyboard).toEqual([]);
    expect(edited?.text).toMatch(/\n\n✓ Programma$/);
    expect(edited?.entities.at(-1)).toEqual({ type: 'bold', offset: edited!.text.length - '✓ Programma'.length, length: '✓ Programma'.length });
    // The same (old) message pressed again, on another button: answered, nothing more said.
    const again = await chat.send(t.standIn.pressUpdate(chat.person, asPressed, 'Help'));
    expect(again).toEqual([]);
    expect(t.standIn.callsOf('answerCallbackQuery').length).toBe(answered + 2);
  });

  it('asks a group, once per message, to write privately', async () => {
    const update = t.standIn.textUpdate({ id: 506, languageCode: 'nl' }, '/start', { id: -100500, type: 'supergroup' });
    expect(await t.deliver(update)).toBe(200);
    expect(t.standIn.chat(-100500).filter((m) => m.from === 'bot').map((m) => m.text)).toEqual(['Ik help je graag, maar alleen in een privégesprek: stuur me een rechtstreeks bericht.']);
    expect(await metric(/balie_inbound_requests_total\{channel="telegram",outcome="ignored"\} (\d+)/)).toBeGreaterThanOrEqual(1);
  });

  it('registers with a book through typed answers and button presses, and sends the confirmation as a chat notice too', async () => {
    const chat = t.chat(507);
    const { personNumber } = await import('../../adapters/console/form-filler.ts');
    const result = await chat.register(personNumber(507, [3, 7], true));
    expect(result.waitlisted).toBe(false);
    const registration = await t.stores.ledger.findByOwner('telegram:507');
    expect(registration).toMatchObject({ status: 'confirmed', sessions: [3, 7], book: { shippingAddress: { postalCode: '3010' } } });
    expect(await t.stores.addresses.find('telegram:507')).toBe('507');
    expect(await eventually(async () => chat.botMessages.some((m) => m.text.includes('is bevestigd')), 10_000)).toBe(true);
    const notice = chat.botMessages.find((m) => m.text.includes('is bevestigd'));
    expect(notice?.keyboard.flat().map((b) => b.callback_data)).toEqual(['my-registration']);
    expect(await eventually(async () => (await t.stores.outbox.list('sent', 'chat:telegram')).some((e) => e.registration.owner === 'telegram:507'))).toBe(true);
    expect(await metric(/balie_ledger_commands_total\{command="register",result="ok"\} (\d+)/)).toBeGreaterThanOrEqual(1);
  });
});
