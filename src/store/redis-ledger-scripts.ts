import { readFileSync } from 'node:fs';
import { defineScript } from 'redis';
import { BalieError } from '../core/index.ts';

// The ledger's Lua scripts, one file per operation in ./lua, each with records.lua and common.lua in
// front; register.lua, the hot path, only with records.lua (every local function costs a closure per call).
const records = readLua('records');
const common = readLua('common');
// The personal-data helpers of the privacy-*.lua scripts.
const privacy = `${readLua('privacy')}\n`;

function readLua(name: string): string {
  return readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');
}

/**
 * One script: `keys` go into KEYS (Cluster routing), `args` into ARGV; the base key is ARGV[1].
 * The `#!lua` line makes Redis Cluster refuse a script that touches a key of another slot;
 * read-only scripts say `no-writes`, so they also run on replicas and when memory is full.
 * `numberOfKeys` undefined: as many as passed (register.lua takes a batch).
 */
function ledgerScript(name: string, numberOfKeys: number | undefined, flags: 'no-writes' | '' = '', withCommon = true, helpers = '') {
  return defineScript({
    SCRIPT: `#!lua${flags ? ` flags=${flags}` : ''}\n${records}\n${withCommon ? `${common}\n` : ''}${helpers}${readLua(name)}`,
    NUMBER_OF_KEYS: numberOfKeys,
    parseCommand(parser, keys: string[], args: string[]) {
      if (numberOfKeys === undefined) parser.pushKeysLength(keys);
      else for (const key of keys) parser.pushKey(key);
      parser.push(...args);
    },
    transformReply: (reply: unknown) => reply,
  });
}

/** The scripts a client must carry for RedisSeatLedger: `createClient({ scripts: { ...ledgerScripts } })`. */
export const ledgerScripts = {
  balieLedgerInit: ledgerScript('init', 1),
  balieLedgerRegister: ledgerScript('register', undefined, '', false),
  balieLedgerChange: ledgerScript('change', 2),
  balieLedgerCancel: ledgerScript('cancel', 2),
  balieLedgerDetails: ledgerScript('details', 2),
  balieLedgerVenueCap: ledgerScript('venue-cap', 2),
  balieLedgerSessionCap: ledgerScript('session-cap', 2),
  balieLedgerRead: ledgerScript('read', 1, 'no-writes'),
  balieLedgerSnapshot: ledgerScript('snapshot', 1, 'no-writes'),
  balieOutboxClaim: ledgerScript('outbox-claim', 1),
  balieOutboxSettle: ledgerScript('outbox-settle', 1),
  balieOutboxList: ledgerScript('outbox-list', 1, 'no-writes'),
  balieOutboxCounts: ledgerScript('outbox-counts', 1, 'no-writes'),
  balieReminders: ledgerScript('privacy-reminders', 1),
  balieDataExport: ledgerScript('privacy-export', 1),
  balieForget: ledgerScript('privacy-forget', 1, '', true, privacy),
  baliePurge: ledgerScript('privacy-purge', 1, '', true, privacy),
  baliePurgedCounts: ledgerScript('privacy-counts', 1, 'no-writes'),
  balieDeskMessage: ledgerScript('desk-message', 1),
};

/** The scripts of the ledger, for typing a client created with them. */
export type LedgerScripts = typeof ledgerScripts;

type ScriptCall = (keys: string[], args: string[]) => Promise<unknown>;

/**
 * The slice of a node-redis client the ledger uses: its scripts, and `withCommandOptions` when the
 * client has it (CallDeadline). Structural, so that one client created with the ledger's and the
 * conversation stores' scripts serves both.
 */
export type LedgerRedisClient = { [name in keyof LedgerScripts]: ScriptCall } & {
  withCommandOptions?: (options: { timeout?: number }) => unknown;
};

interface Pending {
  due: number;
  reject: (error: Error) => void;
}

/**
 * A bound on how long a ledger call may take, with one timer for all the calls in flight: the
 * per-command timeout of node-redis costs an AbortSignal, two listeners and a 5 s timer for every
 * command, about a tenth of the Node CPU of a register. A late call is rejected; like any call
 * whose reply is lost it may still have run, and a retry with the same key returns its result.
 */
export class CallDeadline {
  readonly #ms: number;
  readonly #pending = new Set<Pending>();
  #timer: ReturnType<typeof setInterval> | null = null;

  /** `ms` of 0 sets no bound. */
  constructor(ms: number) {
    this.#ms = ms;
  }

  run<T>(call: Promise<T>): Promise<T> {
    if (!(this.#ms > 0)) return call;
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { due: performance.now() + this.#ms, reject };
      this.#pending.add(pending);
      this.#timer ??= setInterval(this.#sweep, Math.max(10, this.#ms / 4)).unref();
      call.then(
        (value) => {
          this.#pending.delete(pending);
          resolve(value);
        },
        (error: unknown) => {
          this.#pending.delete(pending);
          reject(error);
        },
      );
    });
  }

  readonly #sweep = (): void => {
    const now = performance.now();
    for (const pending of this.#pending) {
      if (pending.due > now) continue;
      this.#pending.delete(pending);
      pending.reject(new BalieError('store_unavailable', `Redis did not answer a ledger call within ${this.#ms} ms`));
    }
    if (this.#pending.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  };
}
