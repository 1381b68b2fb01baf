import { createClient, createCluster } from 'redis';
import { z } from 'zod';
import { BalieError, type ConversationStore, type EventData, type InboundDedupe, type Outbox, type SeatLedger, type TurnLock } from '../core/index.ts';
import {
  conversationScripts,
  RedisConversationStore,
  RedisInboundDedupe,
  RedisTurnLock,
  type ConversationRedisClient,
} from './redis-conversation-store.ts';
import { ledgerScripts, RedisSeatLedger, type LedgerRedisClient } from './redis-seat-ledger.ts';

/** Where the Redis stores live and how long an idle conversation is kept. */
export interface RedisStoresOptions {
  url: string;
  event: EventData;
  /** Days an untouched conversation state is kept (default 30); every write starts the count again. */
  stateTtlDays?: number;
  /** Put in front of `balie:{<eventId>}:` when several deployments share one Redis (no braces). */
  keyPrefix?: string;
  /** Connection errors after start-up (the client reconnects by itself); never carries personal data. */
  onError?: (error: Error) => void;
}

/** Every Redis-backed port of one event, sharing one client, and how to let go of it. */
export interface RedisStores {
  ledger: SeatLedger & Outbox;
  conversations: ConversationStore;
  lock: TurnLock;
  dedupe: InboundDedupe;
  close(): Promise<void>;
}

const optionsSchema = z.object({
  url: z.string().regex(/^rediss?:\/\//, { error: 'expected a redis:// or rediss:// URL' }),
  stateTtlDays: z.number().positive().max(3650).optional(),
  keyPrefix: z
    .string()
    .regex(/^[^{}]*$/, { error: 'must not contain { or }' })
    .optional(),
});

// Connecting at start-up gives up after this many attempts, so a wrong REDIS_URL fails fast.
const startupAttempts = 5;

/**
 * Connects one node-redis client carrying the ledger's and the conversation stores' scripts and
 * builds every port on it. All keys share the event's hash tag, `<keyPrefix>balie:{<eventId>}:`.
 */
export async function createRedisStores(options: RedisStoresOptions): Promise<RedisStores> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BalieError('config_invalid', `Redis store options: ${problems}`);
  }
  const { url, stateTtlDays = 30, keyPrefix = '' } = parsed.data;
  const connection = await connect(url, options.onError);

  const base = `${keyPrefix}balie:{${options.event.id}}:`;
  return {
    ledger: new RedisSeatLedger(connection.client, options.event, { keyPrefix }),
    conversations: new RedisConversationStore(connection.client, base, Math.round(stateTtlDays * 24 * 3600_000)),
    lock: new RedisTurnLock(connection.client, base),
    dedupe: new RedisInboundDedupe(connection.client, base),
    close: connection.close,
  };
}

/** What every store needs from the connection: the commands and scripts of both Redis stores. */
type StoreClient = ConversationRedisClient & LedgerRedisClient;

const scripts = { ...ledgerScripts, ...conversationScripts };

/**
 * Connects to the Redis at `url`; when that node runs in cluster mode, switches to a cluster
 * client that discovers the other nodes from it (every key of one event is in one slot).
 */
async function connect(url: string, onError: ((error: Error) => void) | undefined): Promise<{ client: StoreClient; close(): Promise<void> }> {
  let connected = false;
  let startupError: Error | null = null;
  const reportError = (error: Error) => {
    if (!connected) startupError = error;
    else onError?.(error);
  };
  const socket = {
    connectTimeout: 5_000,
    reconnectStrategy: (retries: number, cause: Error) => (!connected && retries >= startupAttempts ? cause : Math.min(50 * 2 ** retries, 2_000)),
  };
  // A turn fails at once while Redis is away (the user is told to try again) instead of queueing.
  const client = createClient({ url, scripts, disableOfflineQueue: true, socket });
  client.on('error', reportError);
  try {
    await client.connect();
    if (!/^cluster_enabled:1\b/m.test(await client.info('cluster'))) {
      connected = true;
      return {
        client,
        close: async () => {
          if (client.isOpen) await client.close();
        },
      };
    }
  } catch (error) {
    client.destroy();
    throw unavailable(startupError ?? (error as Error));
  }
  client.destroy();

  const { username, password, protocol } = new URL(url);
  const defaults = {
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    disableOfflineQueue: true,
    socket: { ...socket, ...(protocol === 'rediss:' ? { tls: true as const } : {}) },
  };
  const cluster = createCluster({ rootNodes: [{ url }], defaults, scripts });
  cluster.on('error', reportError);
  try {
    await cluster.connect();
  } catch (error) {
    cluster.destroy();
    throw unavailable(startupError ?? (error as Error));
  }
  connected = true;
  return {
    client: cluster,
    close: async () => {
      if (cluster.isOpen) await cluster.close();
    },
  };
}

function unavailable(cause: Error): BalieError {
  return new BalieError('store_unavailable', `cannot connect to Redis: ${cause.message}`, { cause });
}
