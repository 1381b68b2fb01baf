/**
 * How to reach each person unprompted on their own channel: per user key (`telegram:123`), the
 * channel's own address for them (a Telegram chat id; a Slack DM channel; a Teams conversation
 * reference as JSON), opaque outside that channel. Written on every inbound message that carries one.
 */
export interface AddressBook {
  remember(userKey: string, address: string): Promise<void>;
  /** The address last remembered for `userKey`, or null. */
  find(userKey: string): Promise<string | null>;
  /** Forgets the address of `userKey` (the person asked to delete their data). */
  forget(userKey: string): Promise<void>;
}

/**
 * Small values every process can read back for a while (memory: this process only): what a channel
 * must keep between a message it sent and the answer to it, e.g. a button id too long for
 * Telegram's 64-byte callback data, behind a short token.
 */
export interface ExpiringValues {
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value, or null once it expired or was never set. */
  get(key: string): Promise<string | null>;
}
