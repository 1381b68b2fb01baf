import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { configuredChannels, notifyingChannels } from '../../src/app/channels.ts';
import { defaultEventPath, loadConfig } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { startHost, type RunningHost } from '../../src/app/run-host.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { freePort } from './balie-host.ts';
import { SlackStandIn, type SlackPerson, type SlackTransport } from './slack-api.ts';
import { DeliveryDoneWatcher, SlackChat } from './slack-chat.ts';

/** The host in this process (startHost, as `npm start` runs it) with Slack against a fresh stand-in, on memory stores unless `env` says otherwise. */
export interface SlackHost {
  standIn: SlackStandIn;
  host: RunningHost;
  stores: AppStores;
  url: string;
  done: DeliveryDoneWatcher;
  /** Where the mails go (.eml files). */
  mailDir: string;
  /** The log lines Balie wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  chat(person: SlackPerson): SlackChat;
  close(): Promise<void>;
}

export async function startSlackHost(transport: SlackTransport = 'http', env: Record<string, string> = {}): Promise<SlackHost> {
  const standIn = await SlackStandIn.start();
  const port = await freePort();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-slack-'));
  const variables = {
    SLACK_BOT_TOKEN: standIn.botToken,
    SLACK_API_URL: standIn.apiUrl,
    ...(transport === 'http' ? { SLACK_SIGNING_SECRET: standIn.signingSecret } : { SLACK_APP_TOKEN: standIn.appToken }),
    PORT: String(port),
    HOST: '127.0.0.1',
    BALIE_MAIL_DIR: mailDir,
    ...env,
  };
  const config = loadConfig(variables);
  const event = await loadEvent(defaultEventPath);
  const done = new DeliveryDoneWatcher();
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        done.feed(line);
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
  const host = await startHost({ config, event, stores, logger }, configuredChannels(variables), { pollMs: 50 });
  standIn.eventsUrl = `http://127.0.0.1:${host.port}/slack/events`;
  if (transport === 'socket') await standIn.until(() => standIn.socketConnections > 0, 10_000, 'Balie did not connect over Socket Mode');
  return {
    standIn,
    host,
    stores,
    url: `http://127.0.0.1:${host.port}`,
    done,
    mailDir,
    logs,
    chat: (person) => {
      standIn.people.set(person.id, person);
      return new SlackChat(standIn, person.id, transport, (id) => done.wait(id));
    },
    close: async () => {
      await host.shutdown();
      await standIn.close();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
