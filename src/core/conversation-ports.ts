/** A stored conversation state with the version it was read at (for compare-and-set). */
export interface VersionedState {
  state: unknown;
  version: number;
}

/**
 * Conversation state per user key (`<channel>:<user id>`). Narrow on purpose (grammY's
 * StorageAdapter): read, compare-and-set write, delete. A write with a stale version fails and
 * the caller retries the turn; it never silently overwrites.
 */
export interface ConversationStore {
  read(userKey: string): Promise<VersionedState | null>;
  /** Writes when the stored version equals `expectedVersion` (null: nothing stored yet); returns the new version or null on conflict. */
  write(userKey: string, state: unknown, expectedVersion: number | null): Promise<number | null>;
  delete(userKey: string): Promise<void>;
}

/** Turns of one user run one at a time, also across processes: a short lock with an owner token. */
export interface TurnLock {
  /** Returns an owner token, or null when someone else holds the lock. */
  tryAcquire(userKey: string, ttlMs: number): Promise<string | null>;
  release(userKey: string, token: string): Promise<void>;
}
