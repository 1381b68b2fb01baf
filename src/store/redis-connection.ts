import { createClient, createCluster, createSentinel } from 'redis';
import { BalieError } from '../core/index.ts';
import type { ChannelRedisClient } from './redis-channel-stores.ts';
import { conversationScripts, type ConversationRedisClient } from './redis-conversation-store.ts';
import { ledgerScripts, type LedgerRedisClient } from './redis-seat-ledger.ts';
import type { DeskRedisClient } from './redis-desk-stores.ts';

/** What every Redis store needs from the connection: the commands and scripts of all of them. */
export type StoreClient = ConversationRedisClient & LedgerRedisClient & ChannelRedisClient & DeskRedisClient;

/** An open connection (one node, a cluster or a Sentinel-managed primary) and how to close it. */
export interface RedisConnection {
  client: StoreClient;
  /** "Redis at …", "Redis Cluster via …", "Redis Sentinel …": without credentials, safe to log. */
  description: string;
  close(): Promise<void>;
}

/** A Sentinel address: `redis+sentinel://[user:password@]host:port[,host:port...]/<primary name>`. */
export interface SentinelAddress {
  tls: boolean;
  username?: string;
  password?: string;
  sentinels: Array<{ host: string; port: number }>;
  primaryName: string;
}

const scripts = { ...ledgerScripts, ...conversationScripts };
// Connecting at start-up gives up after this many attempts, so a wrong REDIS_URL fails fast.
const startupAttempts = 5;
const sentinelUrl = /^(rediss?)\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+)\/([^/?#]+)$/;

/** Whether `url` has one of the schemes Balie's Redis stores accept. */
export function isRedisUrl(url: string): boolean {
  return /^rediss?:\/\//.test(url) || sentinelUrl.test(url);
}

/** Parses a `redis+sentinel://` (or `rediss+sentinel://`) URL; null when it is not one. */
export function parseSentinelUrl(url: string): SentinelAddress | null {
  const match = sentinelUrl.exec(url);
  if (!match) return null;
  const [, scheme, username, password, hosts, primaryName] = match as unknown as [string, string, string | undefined, string | undefined, string, string];
  const sentinels: SentinelAddress['sentinels'] = [];
  for (const hostPort of hosts.split(',')) {
    const parsed = /^([^:,]+)(?::(\d{1,5}))?$/.exec(hostPort);
    if (!parsed) return null;
    sentinels.push({ host: parsed[1]!, port: parsed[2] ? Number(parsed[2]) : 26379 });
  }
  return {
    tls: scheme === 'rediss',
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    sentinels,
    primaryName: decodeURIComponent(primaryName),
  };
}

/**
 * Connects with the ledger's and the conversation stores' scripts. A `redis+sentinel://` URL asks
 * the Sentinels for the current primary (and follows failovers); a plain URL that turns out to be
 * a cluster node switches to a cluster client discovering the others (one event is one slot).
 */
export async function connectRedis(url: string, onError?: (error: Error) => void): Promise<RedisConnection> {
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
  const open = async <C extends StoreClient & { connect(): Promise<unknown>; destroy(): void; close(): Promise<void>; isOpen: boolean }>(
    client: C,
    description: string,
  ): Promise<RedisConnection> => {
    try {
      await client.connect();
    } catch (error) {
      client.destroy();
      throw unavailable(startupError ?? (error as Error));
    }
    connected = true;
    return {
      client,
      description,
      close: async () => {
        if (client.isOpen) await client.close();
      },
    };
  };

  const sentinel = parseSentinelUrl(url);
  if (sentinel) {
    const credentials = { ...(sentinel.username ? { username: sentinel.username } : {}), ...(sentinel.password ? { password: sentinel.password } : {}) };
    const nodeSocket = { ...socket, ...(sentinel.tls ? { tls: true as const } : {}) };
    const client = createSentinel({
      name: sentinel.primaryName,
      sentinelRootNodes: sentinel.sentinels,
      scripts,
      nodeClientOptions: { ...credentials, disableOfflineQueue: true, socket: nodeSocket },
      sentinelClientOptions: { socket: nodeSocket },
      passthroughClientErrorEvents: true,
    });
    client.on('error', reportError);
    const where = sentinel.sentinels.map((s) => `${s.host}:${s.port}`).join(',');
    return open(client, `Redis Sentinel primary "${sentinel.primaryName}" via ${where}`);
  }

  // A turn fails at once while Redis is away (the user is told to try again) instead of queueing.
  const single = createClient({ url, scripts, disableOfflineQueue: true, socket });
  single.on('error', reportError);
  const singleConnection = await open(single, `Redis at ${redactUrl(url)}`);
  let clusterEnabled: boolean;
  try {
    clusterEnabled = /^cluster_enabled:1\b/m.test(await single.info('cluster'));
  } catch (error) {
    single.destroy();
    throw unavailable(error as Error);
  }
  if (!clusterEnabled) return singleConnection;
  single.destroy();
  connected = false;

  const { username, password, protocol } = new URL(url);
  const cluster = createCluster({
    rootNodes: [{ url }],
    defaults: {
      ...(username ? { username: decodeURIComponent(username) } : {}),
      ...(password ? { password: decodeURIComponent(password) } : {}),
      disableOfflineQueue: true,
      socket: { ...socket, ...(protocol === 'rediss:' ? { tls: true as const } : {}) },
    },
    scripts,
  });
  cluster.on('error', reportError);
  return open(cluster, `Redis Cluster via ${redactUrl(url)}`);
}

/** "redis://host:port/db" without user or password. */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

function unavailable(cause: Error): BalieError {
  return new BalieError('store_unavailable', `cannot connect to Redis: ${cause.message}`, { cause });
}
