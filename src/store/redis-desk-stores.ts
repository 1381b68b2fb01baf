import type { RedisClientType } from 'redis';
import { z } from 'zod';
import type { AuditEntry, AuditLog, CheckinBook, CheckinMark } from '../core/index.ts';
import { auditKept } from './memory-desk-stores.ts';

/** The slice of a node-redis client the desk stores use. */
export interface DeskRedisClient {
  lPush: RedisClientType['lPush'];
  lTrim: RedisClientType['lTrim'];
  lRange: RedisClientType['lRange'];
  hSetNX: RedisClientType['hSetNX'];
  hGet: RedisClientType['hGet'];
  hGetAll: RedisClientType['hGetAll'];
}

const auditEntry = z.object({ at: z.string(), organiser: z.string(), action: z.string(), detail: z.string() });

/** The audit log as one list, `<base>audit`, newest first, trimmed to the latest auditKept entries. */
export class RedisAuditLog implements AuditLog {
  readonly #key: string;

  constructor(
    private readonly client: DeskRedisClient,
    base: string,
  ) {
    this.#key = `${base}audit`;
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.client.lPush(this.#key, JSON.stringify(entry));
    await this.client.lTrim(this.#key, 0, auditKept - 1);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const lines = await this.client.lRange(this.#key, 0, Math.max(0, limit - 1));
    return lines.flatMap((line) => {
      const parsed = auditEntry.safeParse(JSON.parse(String(line)));
      return parsed.success ? [parsed.data] : [];
    });
  }
}

/** Check-ins in one hash, `<base>checkins`: registration id -> ISO time; HSETNX keeps the first. */
export class RedisCheckinBook implements CheckinBook {
  readonly #key: string;

  constructor(
    private readonly client: DeskRedisClient,
    base: string,
  ) {
    this.#key = `${base}checkins`;
  }

  async mark(registrationId: string, at: Date): Promise<CheckinMark> {
    const iso = at.toISOString();
    if (await this.client.hSetNX(this.#key, registrationId, iso)) return { first: true, at: iso };
    const before = await this.client.hGet(this.#key, registrationId);
    return { first: false, at: before == null ? iso : String(before) };
  }

  async all(): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.client.hGetAll(this.#key)).map(([id, at]) => [id, String(at)]));
  }
}
