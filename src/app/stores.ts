import type { ConversationStore, EventData, Outbox, SeatLedger, TurnLock } from '../core/index.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../store/memory-seat-ledger.ts';
import type { AppConfig } from './config.ts';

/** Every port the Bot and the mail worker need, from one store, and how to let go of it. */
export interface AppStores {
  ledger: SeatLedger;
  outbox: Outbox;
  conversations: ConversationStore;
  lock: TurnLock;
  /** For the banner and the log, without credentials: "in-memory (...)" or "Redis at redis://host:port". */
  description: string;
  close(): Promise<void>;
}

/** Where the stores report connection trouble after start-up (never with personal data). */
export interface StoreLogger {
  error(fields: object, message: string): void;
}

/** In memory by default (one process, lost on exit); in Redis when REDIS_URL is set. */
export async function openStores(config: AppConfig, event: EventData, logger: StoreLogger): Promise<AppStores> {
  if (config.redisUrl) return openRedisStores(config.redisUrl, config.stateTtlDays, event, logger);
  const ledger = new MemorySeatLedger(event);
  return {
    ledger,
    outbox: ledger,
    conversations: new MemoryConversationStore(),
    lock: new MemoryTurnLock(),
    description: 'in-memory (this process only; everything is lost when it stops)',
    close: async () => {},
  };
}

async function openRedisStores(url: string, stateTtlDays: number, event: EventData, logger: StoreLogger): Promise<AppStores> {
  // Imported only here, so that the in-memory default never loads the Redis client.
  const { createRedisStores } = await import('../store/redis-stores.ts');
  const stores = await createRedisStores({ url, event, stateTtlDays, onError: (error) => logger.error({ err: error }, 'redis connection problem') });
  return { ...stores, outbox: stores.ledger };
}
