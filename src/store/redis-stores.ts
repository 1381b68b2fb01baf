import { z } from 'zod';
import {
  BalieError,
  type AddressBook,
  type AuditLog,
  type CheckinBook,
  type ConversationStore,
  type EventData,
  type ExpiringValues,
  type Outbox,
  type ParticipantMessages,
  type PersonalDataLedger,
  type SeatLedger,
  type TurnLock,
} from '../core/index.ts';
import { RedisAddressBook, RedisExpiringValues } from './redis-channel-stores.ts';
import { connectRedis, isRedisUrl } from './redis-connection.ts';
import { RedisConversationStore, RedisTurnLock } from './redis-conversation-store.ts';
import { RedisAuditLog, RedisCheckinBook } from './redis-desk-stores.ts';
import { RedisSeatLedger } from './redis-seat-ledger.ts';

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
  /** Channels with a notifier: their users' outbox entries get a chat lane (RedisSeatLedger). */
  chatChannels?: readonly string[];
}

/** Every Redis-backed port of one event, sharing one client, and how to let go of it. */
export interface RedisStores {
  ledger: SeatLedger & Outbox & ParticipantMessages & { privacy: PersonalDataLedger };
  conversations: ConversationStore;
  lock: TurnLock;
  addresses: AddressBook;
  values: ExpiringValues;
  /** The organiser desk's audit log and the check-ins at the door. */
  audit: AuditLog;
  checkins: CheckinBook;
  /** Which Redis this is (single node, Cluster or Sentinel), without credentials. */
  description: string;
  /** Resolves when Redis answers for this event's keys (the readiness check); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const optionsSchema = z.object({
  url: z.string().refine(isRedisUrl, { error: 'expected redis://, rediss:// or redis+sentinel://host:port[,host:port]/<primary name>' }),
  stateTtlDays: z.number().positive().max(3650).optional(),
  keyPrefix: z
    .string()
    .regex(/^[^{}]*$/, { error: 'must not contain { or }' })
    .optional(),
});

/**
 * Connects one node-redis client (single node, Cluster or Sentinel, see connectRedis) carrying
 * every store's scripts and builds every port on it. All keys share the event's hash tag,
 * `<keyPrefix>balie:{<eventId>}:`.
 */
export async function createRedisStores(options: RedisStoresOptions): Promise<RedisStores> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BalieError('config_invalid', `Redis store options: ${problems}`);
  }
  const { url, stateTtlDays = 30, keyPrefix = '' } = parsed.data;
  const connection = await connectRedis(url, options.onError);

  const base = `${keyPrefix}balie:{${options.event.id}}:`;
  return {
    ledger: new RedisSeatLedger(connection.client, options.event, { keyPrefix, chatChannels: options.chatChannels ?? [] }),
    conversations: new RedisConversationStore(connection.client, base, Math.round(stateTtlDays * 24 * 3600_000)),
    lock: new RedisTurnLock(connection.client, base),
    addresses: new RedisAddressBook(connection.client, base),
    values: new RedisExpiringValues(connection.client, base),
    audit: new RedisAuditLog(connection.client, base),
    checkins: new RedisCheckinBook(connection.client, base),
    description: connection.description,
    ping: async () => {
      await connection.client.exists(`${base}seats`);
    },
    close: connection.close,
  };
}
