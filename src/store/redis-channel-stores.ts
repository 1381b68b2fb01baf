import type { RedisClientType } from 'redis';
import type { AddressBook, ExpiringValues } from '../core/index.ts';

/** The slice of a node-redis client the channel stores use (structural, like the other stores'). */
export interface ChannelRedisClient {
  hSet: RedisClientType['hSet'];
  hGet: RedisClientType['hGet'];
  hDel: RedisClientType['hDel'];
  get: RedisClientType['get'];
  set: RedisClientType['set'];
  exists: RedisClientType['exists'];
}

/**
 * The address book in one hash, `<base>addr`: user key -> address. No TTL: a registration lives
 * until the event, and a notice may be due weeks after the person last wrote. One HSET per
 * inbound message, sent together with the turn's first command (node-redis pipelines them).
 */
export class RedisAddressBook implements AddressBook {
  readonly #key: string;

  constructor(
    private readonly client: ChannelRedisClient,
    base: string,
  ) {
    this.#key = `${base}addr`;
  }

  async remember(userKey: string, address: string): Promise<void> {
    await this.client.hSet(this.#key, userKey, address);
  }

  async find(userKey: string): Promise<string | null> {
    const address = await this.client.hGet(this.#key, userKey);
    return address == null ? null : String(address);
  }

  async forget(userKey: string): Promise<void> {
    await this.client.hDel(this.#key, userKey);
  }
}

/** Expiring values as keys of their own, `<base>kv:<key>`, with `SET PX`. */
export class RedisExpiringValues implements ExpiringValues {
  constructor(
    private readonly client: ChannelRedisClient,
    private readonly base: string,
  ) {}

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(`${this.base}kv:${key}`, value, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
  }

  async get(key: string): Promise<string | null> {
    const value = await this.client.get(`${this.base}kv:${key}`);
    return value == null ? null : String(value);
  }
}
