import type { ConversationStore, EventData, InboundDedupe, Outbox, SeatLedger, TurnLock } from '../core/index.ts';
import { BalieError } from '../core/index.ts';
import { MemoryConversationStore, MemoryInboundDedupe, MemoryTurnLock } from '../store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../store/memory-seat-ledger.ts';
import type { AppConfig } from './config.ts';

/** Every port the Bot and the mail worker need, from one store, and how to let go of it. */
export interface AppStores {
  ledger: SeatLedger;
  outbox: Outbox;
  conversations: ConversationStore;
  lock: TurnLock;
  dedupe: InboundDedupe;
  /** For the banner and the log, without credentials: "in-memory (...)" or "Redis at redis://host:port". */
  description: string;
  close(): Promise<void>;
}

/** In memory by default (one process, lost on exit); in Redis when REDIS_URL is set. */
export async function openStores(config: AppConfig, event: EventData): Promise<AppStores> {
  if (config.redisUrl) return openRedisStores(config.redisUrl, config.stateTtlDays, event);
  const ledger = new MemorySeatLedger(event);
  return {
    ledger,
    outbox: ledger,
    conversations: new MemoryConversationStore(),
    lock: new MemoryTurnLock(),
    dedupe: new MemoryInboundDedupe(),
    description: 'in-memory (this process only; everything is lost when it stops)',
    close: async () => {},
  };
}

/** "redis://host:port/db" without user or password, safe to show and log. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

async function openRedisStores(url: string, _stateTtlDays: number, _event: EventData): Promise<AppStores> {
  // TODO(lead): wire `createRedisStores(...)` from src/store/redis-stores.ts (imported dynamically,
  // so the memory default never loads the Redis client) once the redis helper's module lands.
  throw new BalieError('config_invalid', `REDIS_URL is set (${redactUrl(url)}) but this build has no Redis stores yet; unset REDIS_URL to use the in-memory store`);
}
