import { createClient } from 'redis';
import { z } from 'zod';
import { BalieError, type ConversationStore, type EventData, type InboundDedupe, type Outbox, type SeatLedger, type TurnLock } from '../core/index.ts';
import { conversationScripts, RedisConversationStore, RedisInboundDedupe, RedisTurnLock } from './redis-conversation-store.ts';
import { ledgerScripts, RedisSeatLedger } from './redis-seat-ledger.ts';

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
  let connected = false;
  const client = createClient({
    url,
    scripts: { ...ledgerScripts, ...conversationScripts },
    // A turn fails at once while Redis is away (the user is told to try again) instead of queueing.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries, cause) => (!connected && retries >= startupAttempts ? cause : Math.min(50 * 2 ** retries, 2_000)),
    },
  });
  let startupError: Error | null = null;
  client.on('error', (error: Error) => {
    if (!connected) startupError = error;
    else options.onError?.(error);
  });
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw new BalieError('store_unavailable', `cannot connect to Redis: ${(startupError ?? (error as Error)).message}`, { cause: error });
  }
  connected = true;

  const base = `${keyPrefix}balie:{${options.event.id}}:`;
  return {
    ledger: new RedisSeatLedger(client, options.event, { keyPrefix }),
    conversations: new RedisConversationStore(client, base, Math.round(stateTtlDays * 24 * 3600_000)),
    lock: new RedisTurnLock(client, base),
    dedupe: new RedisInboundDedupe(client, base),
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
