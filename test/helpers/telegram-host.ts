import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredChannels, notifyingChannels } from '../../src/app/channels.ts';
import { defaultEventPath, loadConfig } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startHost, type RunningHost } from '../../src/app/run-host.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { freePort } from './balie-host.ts';
import { TelegramStandIn } from './telegram-api.ts';
import { TelegramChat, type Transport } from './telegram-chat.ts';

/** The host in this process (startHost, as `npm start` runs it) with Telegram against a fresh stand-in, on memory stores. */
export interface TelegramHost {
  standIn: TelegramStandIn;
  host: RunningHost;
  stores: AppStores;
  url: string;
  chat(id: number, languageCode?: string): TelegramChat;
  close(): Promise<void>;
}

export async function startTelegramHost(transport: Transport = 'webhook', env: Record<string, string> = {}): Promise<TelegramHost> {
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
  const logger = createLogger('silent');
  const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
  const host = await startHost({ config, event, stores, logger }, configuredChannels(variables), { pollMs: 50 });
  return {
    standIn,
    host,
    stores,
    url: `http://127.0.0.1:${host.port}`,
    chat: (id, languageCode) => new TelegramChat(standIn, { id, ...(languageCode ? { languageCode } : {}) }, transport),
    close: async () => {
      await host.shutdown();
      await standIn.close();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
