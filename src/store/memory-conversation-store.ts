import { randomUUID } from 'node:crypto';
import type { ConversationStore, TurnLock, VersionedState } from '../core/index.ts';

/** Conversation state in this process's memory: the embedded default (one process, lost on exit). */
export class MemoryConversationStore implements ConversationStore {
  private readonly states = new Map<string, { json: string; version: number }>();

  async read(userKey: string): Promise<VersionedState | null> {
    const stored = this.states.get(userKey);
    // Stored as JSON so that memory behaves like Redis: no shared references between turns.
    return stored ? { state: JSON.parse(stored.json) as unknown, version: stored.version } : null;
  }

  async write(userKey: string, state: unknown, expectedVersion: number | null): Promise<number | null> {
    const current = this.states.get(userKey)?.version ?? null;
    if (current !== expectedVersion) return null;
    const version = (current ?? 0) + 1;
    this.states.set(userKey, { json: JSON.stringify(state), version });
    return version;
  }

  async delete(userKey: string): Promise<void> {
    this.states.delete(userKey);
  }

  /** Drops every state (the purge after the event); returns how many there were. */
  clear(): number {
    const count = this.states.size;
    this.states.clear();
    return count;
  }
}

/** Per-user turn lock within one process. */
export class MemoryTurnLock implements TurnLock {
  private readonly held = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async tryAcquire(userKey: string, ttlMs: number): Promise<string | null> {
    const current = this.held.get(userKey);
    if (current && current.expiresAt > this.now()) return null;
    const token = randomUUID();
    this.held.set(userKey, { token, expiresAt: this.now() + ttlMs });
    return token;
  }

  async release(userKey: string, token: string): Promise<void> {
    if (this.held.get(userKey)?.token === token) this.held.delete(userKey);
  }
}
