import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredChannels, notifyingChannels } from '../../src/app/channels.ts';
import { defaultEventPath, loadConfig } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startHost, type HostTuning, type RunningHost } from '../../src/app/run-host.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { freePort } from './balie-host.ts';
import { TelegramStandIn } from './telegram-api.ts';
import { TelegramChat, type Transport } from './telegram-chat.ts';
import { UpdateDoneWatcher } from './update-done.ts';

/** The host in this process (startHost, as `npm start` runs it) with Telegram against a fresh stand-in, on memory stores. */
export interface TelegramHost {
  standIn: TelegramStandIn;
  host: RunningHost;
  stores: AppStores;
  url: string;
  /** Where the mails are written (.eml files). */
  mailDir: string;
  chat(id: number, languageCode?: string): TelegramChat;
  /** Posts an update to the webhook and waits until Balie has sent everything for it. */
  deliver(update: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

export async function startTelegramHost(transport: Transport = 'webhook', env: Record<string, string> = {}, tuning: HostTuning = {}): Promise<TelegramHost> {
  const standIn = await TelegramStandIn.start();
  const port = await freePort();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-telegram-'));
  const variables = {
    TELEGRAM_BOT_TOKEN: standIn.token,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    ...(transport === 'webhook' ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}` } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    BALIE_MAIL_DIR: mailDir,
    ...env,
  };
  const config = loadConfig(variables);
  const event = await loadEvent(defaultEventPath);
  // Debug lines go nowhere but to the watcher the chats wait on.
  const updates = new UpdateDoneWatcher();
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _encoding, callback) => (String(chunk).split('\n').forEach((line) => updates.feed(line)), callback()) }));
  const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
  const host = await startHost({ config, event, stores, logger }, configuredChannels(variables), { pollMs: 50, ...tuning });
  return {
    standIn,
    host,
    stores,
    url: `http://127.0.0.1:${host.port}`,
    mailDir,
    chat: (id, languageCode) => new TelegramChat(standIn, { id, ...(languageCode ? { languageCode } : {}) }, transport, undefined, undefined, (updateId) => updates.wait(updateId)),
    deliver: async (update) => {
      const { status } = await standIn.deliver(update);
      if (status === 200) await updates.wait(update.update_id as number);
      return status;
    },
    close: async () => {
      await host.shutdown();
      await standIn.close();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
