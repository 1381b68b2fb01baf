import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Bot } from '../../src/app/bot.ts';
import { notifyingChannels } from '../../src/app/channels.ts';
import { defaultEventPath, loadConfig } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { startHost, type RunningHost } from '../../src/app/run-host.ts';
import { openStores, type AppStores } from '../../src/app/stores.ts';
import { fixedClock, type EventData } from '../../src/core/index.ts';
import { CheckinCodes, hashPassword } from '../../src/desk/index.ts';
import type { Reply } from '../../src/dialogs/types.ts';
import { FakeAnswerer } from './fake-answerer.ts';

/** The organiser every desk test logs in as, and a second one. */
export const organiser = { name: 'anna', password: 'correct horse battery' };
export const checkinSecret = 'test-checkin-secret-0123456789abcdef';

/** A one-screen registration as a Teams card or the JSONL form line sends it. */
export function formValues(patch: Record<string, string> = {}): Record<string, string> {
  return {
    firstName: 'Ann',
    lastName: 'Peeters',
    email: 'ann@example.org',
    phone: '0470 12 34 56',
    organisation: 'Stad Leuven',
    organisationType: 'local_government',
    'session:1': '3',
    'session:2': '7',
    book: 'no',
    ...patch,
  };
}

/** The host in this process with the organiser desk and no chat channel, and a Bot on the same stores. */
export interface DeskHost {
  url: string;
  host: RunningHost;
  stores: AppStores;
  event: EventData;
  bot: Bot;
  mailDir: string;
  /** Every log line the host wrote. */
  logs: string[];
  /** Registers through the Bot (a one-screen form); the replies. */
  register(userKey: string, values: Record<string, string>, locale?: string): Promise<Reply[]>;
  close(): Promise<void>;
}

let messageCounter = 0;

// A cheap scrypt cost keeps the many logins of the tests fast; the format is the real one. Made once,
// so that hosts started by one test file share the accounts (and, with one BALIE_DESK_SECRET, sessions).
let accounts: Promise<{ hash: string; other: string }> | undefined;
async function makeAccounts(): Promise<{ hash: string; other: string }> {
  return { hash: await hashPassword(organiser.password, { log2N: 10, r: 8, p: 1 }), other: await hashPassword('another long password', { log2N: 10, r: 8, p: 1 }) };
}

export async function startDeskHost(env: Record<string, string> = {}): Promise<DeskHost> {
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-desk-'));
  const { hash, other } = await (accounts ??= makeAccounts());
  const variables = {
    PORT: '0',
    HOST: '127.0.0.1',
    BALIE_MAIL_DIR: mailDir,
    BALIE_NOW: '2020-10-15T09:00',
    BALIE_ORGANISERS: `${organiser.name}:${hash},bert:${other}`,
    BALIE_CHECKIN_SECRET: checkinSecret,
    ...env,
  };
  const config = loadConfig(variables);
  const event = await loadEvent(defaultEventPath);
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _encoding, callback) => (logs.push(...String(chunk).split('\n').filter((l) => l !== '')), callback()) }));
  const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
  const host = await startHost({ config, event, stores, logger }, [], { pollMs: 50 });
  const bot = new Bot({
    event,
    ledger: stores.ledger,
    conversations: stores.conversations,
    lock: stores.lock,
    clock: fixedClock(config.now ?? new Date()),
    answerer: new FakeAnswerer(event),
    addresses: stores.addresses,
    onError: (error) => logger.error({ err: String(error) }, 'turn failed'),
    checkinCode: (r) => new CheckinCodes(checkinSecret, event.id).codeOf(r),
  });
  return {
    url: `http://127.0.0.1:${host.port}`,
    host,
    stores,
    event,
    bot,
    mailDir,
    logs,
    register: (userKey, values, locale) => bot.handle({ userKey, input: { kind: 'form', values }, messageId: `form-${++messageCounter}`, ...(locale ? { locale } : {}) }),
    close: async () => {
      await host.shutdown();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}

/** A browser-less desk client: keeps cookies, finds the CSRF token on the pages it reads. */
export class DeskClient {
  readonly jar = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  #remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq);
      const value = (pair ?? '').slice(eq + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  #cookieHeader(): Record<string, string> {
    return this.jar.size === 0 ? {} : { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(path: string): Promise<{ status: number; text: string; response: Response }> {
    const response = await fetch(`${this.base}${path}`, { headers: this.#cookieHeader(), redirect: 'manual' });
    this.#remember(response);
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, text, response };
  }

  async post(path: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<{ status: number; text: string; response: Response }> {
    const body = new URLSearchParams({ ...(options.csrf === false ? {} : { _csrf: this.csrf }), ...fields });
    const response = await fetch(`${this.base}${path}`, { method: 'POST', headers: { ...this.#cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
    this.#remember(response);
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, text, response };
  }

  /** Logs in through the form; the status of the login POST (303 when it worked). */
  async login(name = organiser.name, password = organiser.password): Promise<number> {
    const form = await this.get('/organiser/login');
    const token = /name="_login" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const { status } = await this.post('/organiser/login', { _login: token, name, password, next: '/organiser' }, { csrf: false });
    if (status === 303) await this.get('/organiser');
    return status;
  }
}
