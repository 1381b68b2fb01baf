import { randomBytes } from 'node:crypto';
import { defineScript, type RedisClientType } from 'redis';
import type { ConversationStore, TurnLock, VersionedState } from '../core/index.ts';

// One hash per user: `v` the version, `s` the state as JSON. Deleting removes `s` and keeps `v`, so
// versions never restart and a turn that read version n before a delete cannot write over a newer state.
const writeStateLua = `
local current = redis.call('HGET', KEYS[1], 'v')
local hasState = redis.call('HEXISTS', KEYS[1], 's') == 1
if ARGV[1] == '' then
  if hasState then return -1 end
elseif not hasState or current ~= ARGV[1] then
  return -1
end
local version = (tonumber(current) or 0) + 1
redis.call('HSET', KEYS[1], 'v', version, 's', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return version
`;

const releaseLockLua = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** The Lua scripts of the conversation stores; give them to `createClient({ scripts })` next to the ledger's. */
export const conversationScripts = {
  balieWriteState: defineScript({
    SCRIPT: writeStateLua,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser, key: string, expectedVersion: string, stateJson: string, ttlMs: string) {
      parser.pushKey(key);
      parser.push(expectedVersion, stateJson, ttlMs);
    },
    transformReply: (reply: unknown) => Number(reply),
  }),
  balieReleaseLock: defineScript({
    SCRIPT: releaseLockLua,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser, key: string, token: string) {
      parser.pushKey(key);
      parser.push(token);
    },
    transformReply: (reply: unknown) => Number(reply),
  }),
};

/** The scripts a client must carry for the conversation stores. */
export type ConversationScripts = typeof conversationScripts;

/**
 * The slice of a node-redis client the conversation stores use. Structural, so that one client
 * created with the ledger's scripts and these serves both.
 */
export interface ConversationRedisClient {
  hmGet: RedisClientType['hmGet'];
  hDel: RedisClientType['hDel'];
  set: RedisClientType['set'];
  balieWriteState(key: string, expectedVersion: string, stateJson: string, ttlMs: string): Promise<number>;
  balieReleaseLock(key: string, token: string): Promise<number>;
}

/** Thirty days: a conversation left half-way is forgotten after this (refreshed by every write). */
export const defaultStateTtlMs = 30 * 24 * 3600_000;

/**
 * Conversation state in Redis under `<prefix>conv:<userKey>`: JSON plus a version, written only
 * by compare-and-set (a Lua script), with a TTL refreshed on every write.
 */
export class RedisConversationStore implements ConversationStore {
  constructor(
    private readonly client: ConversationRedisClient,
    private readonly keyPrefix: string,
    private readonly stateTtlMs: number = defaultStateTtlMs,
  ) {
    if (!Number.isInteger(stateTtlMs) || stateTtlMs <= 0) throw new RangeError('stateTtlMs must be a positive integer');
  }

  async read(userKey: string): Promise<VersionedState | null> {
    const [version, json] = await this.client.hmGet(this.key(userKey), ['v', 's']);
    if (version == null || json == null) return null;
    return { state: JSON.parse(String(json)) as unknown, version: Number(version) };
  }

  async write(userKey: string, state: unknown, expectedVersion: number | null): Promise<number | null> {
    const json = JSON.stringify(state);
    if (json === undefined) throw new TypeError('conversation state must be JSON');
    const expected = expectedVersion === null ? '' : String(expectedVersion);
    const version = await this.client.balieWriteState(this.key(userKey), expected, json, String(this.stateTtlMs));
    return version > 0 ? version : null;
  }

  async delete(userKey: string): Promise<void> {
    await this.client.hDel(this.key(userKey), 's');
  }

  private key(userKey: string): string {
    return `${this.keyPrefix}conv:${userKey}`;
  }
}

/** The per-user turn lock: `SET NX PX` with a random owner token; only the owner releases it. */
export class RedisTurnLock implements TurnLock {
  constructor(
    private readonly client: ConversationRedisClient,
    private readonly keyPrefix: string,
  ) {}

  async tryAcquire(userKey: string, ttlMs: number): Promise<string | null> {
    const token = randomBytes(16).toString('base64url');
    const reply = await this.client.set(this.key(userKey), token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return reply === 'OK' ? token : null;
  }

  async release(userKey: string, token: string): Promise<void> {
    await this.client.balieReleaseLock(this.key(userKey), token);
  }

  private key(userKey: string): string {
    return `${this.keyPrefix}lock:${userKey}`;
  }
}
