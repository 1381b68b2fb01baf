import type { AddressBook, AuditLog, CheckinBook, ConversationStore, EventData, ExpiringValues, Outbox, ParticipantMessages, PersonalDataLedger, SeatLedger, TurnLock } from '../core/index.ts';
import { MemoryAddressBook, MemoryExpiringValues } from '../store/memory-channel-stores.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../store/memory-conversation-store.ts';
import { MemoryAuditLog, MemoryCheckinBook } from '../store/memory-desk-stores.ts';
import { MemorySeatLedger } from '../store/memory-seat-ledger.ts';
import type { AppConfig } from './config.ts';
import type { ClearableStore } from './privacy-jobs.ts';

/** Every port the Bot, the channels and the delivery workers need, from one store, and how to let go of it. */
export interface AppStores {
  ledger: SeatLedger;
  outbox: Outbox;
  conversations: ConversationStore;
  lock: TurnLock;
  addresses: AddressBook;
  values: ExpiringValues;
  /** Reminders, a person's data, forgetting and the purge (the ledger's privacy half). */
  privacy: PersonalDataLedger;
  /** What the purge empties besides the ledger: the in-memory chat stores; none with Redis (its purge script deletes the event's keys). */
  chatStores: ClearableStore[];
  /** The organiser desk's audit log and the check-ins at the door. */
  audit: AuditLog;
  checkins: CheckinBook;
  /** The organisers' messages to participants, written into the outbox. */
  messages: ParticipantMessages;
  /** For the banner and the log, without credentials: "in-memory (...)" or "Redis at redis://host:port". */
  description: string;
  /** Resolves when the store answers (readiness); rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What choosing the store reads from the configuration. */
export type StoreConfig = Pick<AppConfig, 'redisUrl' | 'stateTtlDays'>;

/** What the stores are told about the channels: which have a notifier (their users get a chat lane in the outbox). */
export interface StoreOptions {
  chatChannels?: readonly string[];
}

/** Where the stores report connection trouble after start-up (never with personal data). */
export interface StoreLogger {
  error(fields: object, message: string): void;
}

/** In memory by default (one process, lost on exit); in Redis when REDIS_URL is set. */
export async function openStores(config: StoreConfig, event: EventData, logger: StoreLogger, options: StoreOptions = {}): Promise<AppStores> {
  const chatChannels = options.chatChannels ?? [];
  if (config.redisUrl) return openRedisStores(config.redisUrl, config.stateTtlDays, event, logger, chatChannels);
  const ledger = new MemorySeatLedger(event, { chatChannels });
  const [conversations, addresses, values] = [new MemoryConversationStore(), new MemoryAddressBook(), new MemoryExpiringValues()];
  return {
    ledger,
    outbox: ledger,
    messages: ledger,
    conversations,
    lock: new MemoryTurnLock(),
    addresses,
    values,
    privacy: ledger.privacy,
    chatStores: [conversations, addresses, values],
    audit: new MemoryAuditLog(),
    checkins: new MemoryCheckinBook(),
    description: 'in-memory (this process only; everything is lost when it stops)',
    ping: async () => {},
    close: async () => {},
  };
}

async function openRedisStores(url: string, stateTtlDays: number, event: EventData, logger: StoreLogger, chatChannels: readonly string[]): Promise<AppStores> {
  // Imported only here, so that the in-memory default never loads the Redis client.
  const { createRedisStores } = await import('../store/redis-stores.ts');
  const stores = await createRedisStores({ url, event, stateTtlDays, chatChannels, onError: (error) => logger.error({ err: error }, 'redis connection problem') });
  return { ...stores, outbox: stores.ledger, messages: stores.ledger, privacy: stores.ledger.privacy, chatStores: [] };
}
