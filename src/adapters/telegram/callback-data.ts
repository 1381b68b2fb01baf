import { createHash } from 'node:crypto';
import type { ExpiringValues } from '../../core/index.ts';
import type { Reply } from '../../dialogs/types.ts';

/** Telegram's limit on a button's callback data, in bytes. */
export const maxCallbackDataBytes = 64;

// A button outlives its conversation turn by days; the token's value must too.
const tokenTtlMs = 30 * 24 * 3600_000;
const tokenMark = '~';

/**
 * The callback data of a choice id: the id itself when it fits in 64 bytes, else a short token
 * (`~` and 32 characters of its SHA-256) that the server maps back. Deterministic, so every
 * process gives one id the same token.
 */
export function callbackDataFor(choiceId: string): string {
  if (Buffer.byteLength(choiceId, 'utf8') <= maxCallbackDataBytes && !choiceId.startsWith(tokenMark)) return choiceId;
  return `${tokenMark}${createHash('sha256').update(choiceId).digest('base64url').slice(0, 32)}`;
}

/**
 * Keeps the choice ids behind tokens in the values all processes share, so that a press reaches
 * whichever process Telegram calls. A token written by this process in the last day is not
 * written again.
 */
export class CallbackIds {
  readonly #values: ExpiringValues;
  readonly #written = new Map<string, number>();

  constructor(values: ExpiringValues) {
    this.#values = values;
  }

  /** Stores the tokens the replies' choices need, before the replies are sent. */
  async prepare(replies: readonly Reply[]): Promise<void> {
    const now = Date.now();
    const writes: Array<Promise<void>> = [];
    for (const choice of replies.flatMap((r) => r.choices ?? [])) {
      const data = callbackDataFor(choice.id);
      if (data === choice.id || (this.#written.get(data) ?? 0) > now - 24 * 3600_000) continue;
      writes.push(this.#values.set(`telegram:cb:${data}`, choice.id, tokenTtlMs).then(() => void this.#written.set(data, now)));
    }
    if (this.#written.size > 10_000) this.#written.clear();
    await Promise.all(writes);
  }

  /** The choice id a button's callback data stands for, or null for a token nobody knows (expired). */
  async resolve(data: string): Promise<string | null> {
    if (!data.startsWith(tokenMark)) return data;
    return this.#values.get(`telegram:cb:${data}`);
  }
}
