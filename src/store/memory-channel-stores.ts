import type { AddressBook, ExpiringValues } from '../core/index.ts';

/** The address book of one process (the embedded default). */
export class MemoryAddressBook implements AddressBook {
  readonly #addresses = new Map<string, string>();

  async remember(userKey: string, address: string): Promise<void> {
    this.#addresses.set(userKey, address);
  }

  async find(userKey: string): Promise<string | null> {
    return this.#addresses.get(userKey) ?? null;
  }

  async forget(userKey: string): Promise<void> {
    this.#addresses.delete(userKey);
  }

  /** Forgets every address (the purge after the event); returns how many there were. */
  clear(): number {
    const count = this.#addresses.size;
    this.#addresses.clear();
    return count;
  }
}

/** Expiring values in this process's memory; expired ones are swept as the map grows. */
export class MemoryExpiringValues implements ExpiringValues {
  readonly #values = new Map<string, { value: string; expiresAt: number }>();
  #sweepAt = 1024;

  constructor(private readonly now: () => number = Date.now) {}

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#values.delete(key);
    this.#values.set(key, { value, expiresAt: this.now() + ttlMs });
    if (this.#values.size >= this.#sweepAt) {
      const now = this.now();
      for (const [k, v] of this.#values) if (v.expiresAt <= now) this.#values.delete(k);
      this.#sweepAt = Math.max(1024, this.#values.size * 2);
    }
  }

  async get(key: string): Promise<string | null> {
    const stored = this.#values.get(key);
    if (!stored || stored.expiresAt <= this.now()) return null;
    return stored.value;
  }

  /** Drops every value (the purge after the event); returns how many there were. */
  clear(): number {
    const count = this.#values.size;
    this.#values.clear();
    return count;
  }
}
