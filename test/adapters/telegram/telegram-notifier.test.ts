import { Api } from 'grammy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage, MessageHandler } from '../../../src/adapters/channel.ts';
import { noticeDeliverer } from '../../../src/adapters/notice-delivery.ts';
import { CallbackIds } from '../../../src/adapters/telegram/callback-data.ts';
import { TelegramConnector } from '../../../src/adapters/telegram/telegram-connector.ts';
import { TelegramNotifier } from '../../../src/adapters/telegram/telegram-notifier.ts';
import { DeliveryWorker } from '../../../src/delivery/index.ts';
import type { Reply } from '../../../src/dialogs/types.ts';
import { MemoryAddressBook, MemoryExpiringValues } from '../../../src/store/memory-channel-stores.ts';
import { MemorySeatLedger } from '../../../src/store/memory-seat-ledger.ts';
import { freePort } from '../../helpers/balie-host.ts';
import { TelegramStandIn } from '../../helpers/telegram-api.ts';
import { loadEvent, manualClock, recordingLogger, registrant } from '../../mail/fixtures.ts';

const event = loadEvent();
let standIn: TelegramStandIn;
beforeAll(async () => {
  standIn = await TelegramStandIn.start();
});
afterAll(() => standIn?.close());
afterEach(() => void standIn.calls.splice(0));

const api = (apiRoot = standIn.apiRoot, token = standIn.token) => new Api(token, { apiRoot, timeoutSeconds: 5 });

/** A ledger with one Telegram registrant whose chat is `chatId`, a notice worker for its chat lane, and a manual clock. */
async function noticeLane(chatId: number, notifierApi = api()) {
  const clock = manualClock();
  const ledger = new MemorySeatLedger(event, { chatChannels: ['telegram'] });
  const addresses = new MemoryAddressBook();
  await addresses.remember(`telegram:${chatId}`, String(chatId));
  await ledger.register({ key: `r${chatId}`, at: clock.now(), registrant: registrant({ email: `p${chatId}@example.org`, owner: `telegram:${chatId}` }), waitlistIfFull: false });
  const notifier = new TelegramNotifier(notifierApi, new CallbackIds(new MemoryExpiringValues()));
  const logger = recordingLogger();
  const worker = new DeliveryWorker({ queue: ledger.lane('chat:telegram'), deliver: noticeDeliverer({ event, addresses, notifier }), noun: 'chat notice', clock, logger, workerId: 'n1' });
  return { clock, ledger, worker, logger };
}

describe('Telegram notices through the chat lane, against the stand-in', { timeout: 30_000 }, () => {
  it('sends the notice as HTML with its next step as a button, and records it sent', async () => {
    const { ledger, worker } = await noticeLane(601);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [call] = standIn.callsOf('sendMessage');
    expect(call?.body).toMatchObject({ chat_id: 601, parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: 'Mijn inschrijving', callback_data: 'my-registration' }]] } });
    expect(String(call?.body.text)).toContain('<pre>Naam');
    expect((await ledger.list('sent', 'chat:telegram')).map((e) => e.kind)).toEqual(['confirmation']);
    expect(await ledger.list('pending', 'mail')).toHaveLength(1);
  });

  it('records a person who blocked the bot (403) as failed once, with the reason, and never tries again', async () => {
    standIn.block(602);
    const { clock, ledger, worker, logger } = await noticeLane(602);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    clock.advance(30 * 24 * 3600_000);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(standIn.callsOf('sendMessage').map((c) => c.status)).toEqual([403]);
    expect(await ledger.list('failed', 'chat:telegram')).toMatchObject([{ attempts: 1, lastError: '403 Forbidden: bot was blocked by the user' }]);
    expect(logger.lines.some((l) => l.includes('chat notice failed for good') && l.includes('"code":"403"'))).toBe(true);
    // The mail lane is untouched by the chat lane's failure.
    expect(await ledger.list('pending', 'mail')).toHaveLength(1);
  });

  it('waits as long as Telegram says after a 429, and retries 5xx and network failures', async () => {
    const { clock, worker } = await noticeLane(603);
    standIn.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 90', parameters: { retry_after: 90 } });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(89_999);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    standIn.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(60_000);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });

    const offline = await noticeLane(604, api(`http://127.0.0.1:${await freePort()}`));
    expect(await offline.worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await offline.ledger.list('pending', 'chat:telegram'))[0]?.lastError).toMatch(/^network: /);
  });

  it('fails a notice for good when the chat does not exist (400) or nobody left an address', async () => {
    const { ledger, worker } = await noticeLane(605);
    standIn.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await ledger.list('failed', 'chat:telegram'))[0]?.lastError).toBe('400 Bad Request: chat not found');

    const clock = manualClock();
    const alone = new MemorySeatLedger(event, { chatChannels: ['telegram'] });
    await alone.register({ key: 'x', at: clock.now(), registrant: registrant({ owner: 'telegram:606' }), waitlistIfFull: false });
    const notifier = new TelegramNotifier(api(), new CallbackIds(new MemoryExpiringValues()));
    const worker2 = new DeliveryWorker({ queue: alone.lane('chat:telegram'), deliver: noticeDeliverer({ event, addresses: new MemoryAddressBook(), notifier }), noun: 'chat notice', clock });
    expect(await worker2.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await alone.list('failed', 'chat:telegram'))[0]?.lastError).toBe('no chat address for the owner');
  });

  it('keeps a refused token (401) for later: the configuration, not the person', async () => {
    const { worker } = await noticeLane(607, api(standIn.apiRoot, '1:wrong_token_wrong_token_wrong'));
    expect(await worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
  });
});

/** The app's side of a turn, recorded: replies with a button whose id is longer than Telegram's 64 bytes. */
class RecordingHandler implements MessageHandler {
  readonly received: InboundMessage[] = [];
  constructor(private readonly replies: Reply[]) {}
  async handle(message: InboundMessage): Promise<Reply[]> {
    this.received.push(message);
    return this.replies;
  }
}

describe('long choice ids behind short tokens', { timeout: 30_000 }, () => {
  const longId = `ask:${'Welke spreker van sessie drie werkt bij de VDAB en wat doet die precies? '.repeat(2)}`;

  it('maps a long id to a token every process resolves, and a forgotten token to the button’s label', async () => {
    const values = new MemoryExpiringValues();
    const handler = new RecordingHandler([{ text: 'Nog een vraag?', choices: [{ id: longId, label: 'Meer over de spreker' }] }]);
    const connector = (callbacks: CallbackIds) =>
      new TelegramConnector({ handler, api: api(), notifier: new TelegramNotifier(api(), callbacks), callbacks, logger: recordingLogger(), count: () => {} });
    const one = connector(new CallbackIds(values));
    const handled = await one.handleUpdate(standIn.textUpdate({ id: 608 }, 'hallo'));
    expect(handled.outcome).toBe('handled');
    await handled.sent;
    const [message] = standIn.chat(608).filter((m) => m.from === 'bot');
    const data = message?.keyboard.flat()[0]?.callback_data ?? '';
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data).not.toBe(longId);
    // Another process (its own CallbackIds, the same shared values) gets the press.
    const pressed = structuredClone(message!);
    await (await connector(new CallbackIds(values)).handleUpdate(standIn.pressUpdate({ id: 608 }, pressed, 'Meer over de spreker'))).sent;
    expect(handler.received.at(-1)?.input).toEqual({ kind: 'choice', id: longId });
    expect(handler.received.at(-1)).toMatchObject({ userKey: 'telegram:608', messageId: `p:${message!.messageId}`, address: '608' });
    // A process whose values never held the token: the label, as if typed.
    await (await connector(new CallbackIds(new MemoryExpiringValues())).handleUpdate(standIn.pressUpdate({ id: 608 }, pressed, 'Meer over de spreker'))).sent;
    expect(handler.received.at(-1)?.input).toEqual({ kind: 'text', text: 'Meer over de spreker' });
  });
});
