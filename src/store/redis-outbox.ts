import { z } from 'zod';
import {
  BalieError,
  channelOfUserKey,
  chatLane,
  deliveryStates,
  laneChannel,
  type DeliveryCount,
  type DeliveryEntry,
  type DeliveryLane,
  type DeliveryQueue,
  type DeliveryState,
  type Outbox,
} from '../core/index.ts';
import type { LedgerScripts } from './redis-ledger-scripts.ts';

/** A channel name as it may appear in a key and in register.lua's flags (common.lua matches `[%w_-]+`). */
const channelName = /^[a-z][a-z0-9_-]{0,31}$/;

/** The key prefix of a lane after the event's base: `ob:` for mail (the keys Balie always had), `ob:chat:<channel>:` for a chat lane. */
function lanePrefix(lane: DeliveryLane): string {
  const channel = laneChannel(lane);
  if (channel === null) return 'ob:';
  if (!channelName.test(channel)) throw new BalieError('internal', `not a channel name: ${JSON.stringify(channel)}`);
  return `ob:chat:${channel}:`;
}

/** How the outbox runs a ledger script (RedisSeatLedger's bounded call, after the counters exist). */
type ScriptCall = (script: keyof LedgerScripts, keys: string[], args: string[]) => Promise<unknown>;

/**
 * The outbox half of RedisSeatLedger: the lanes over the entries the ledger's scripts write
 * (`ob:entry`, shared by all lanes), each lane under its own key prefix (outbox-*.lua). Rules as
 * in memory-outbox.ts.
 */
export class RedisOutbox implements Outbox {
  readonly chatChannels: readonly string[];
  /** The chat lanes' `fresh` lists, in the order of their digits, sent after every register batch's arguments. */
  readonly chatFresh: readonly string[];
  readonly #base: string;
  readonly #call: ScriptCall;
  readonly #toEntry: (json: string, lane: DeliveryLane) => DeliveryEntry;
  /** The digit register.lua's flags carry for an owner's chat lane, by channel. */
  readonly #chatDigit = new Map<string, string>();

  /** `toEntry` checks one entry a script returned (the ledger knows the shape of its records). */
  constructor(base: string, chatChannels: readonly string[], call: ScriptCall, toEntry: (json: string, lane: DeliveryLane) => DeliveryEntry) {
    this.chatChannels = [...new Set(chatChannels)];
    if (this.chatChannels.length > 9 || !this.chatChannels.every((c) => channelName.test(c))) {
      throw new BalieError('config_invalid', 'chat channels: at most 9 names of lower-case letters, digits, _ and -');
    }
    this.chatChannels.forEach((channel, i) => this.#chatDigit.set(channel, String(i + 1)));
    this.chatFresh = this.chatChannels.map((channel) => `${base}${lanePrefix(chatLane(channel))}fresh`);
    this.#base = base;
    this.#call = call;
    this.#toEntry = toEntry;
  }

  /** The digit of `owner`'s chat lane for register.lua's flags, or '' when its channel has none. */
  chatFlag(owner: string): string {
    const channel = channelOfUserKey(owner);
    return (channel !== null && this.#chatDigit.get(channel)) || '';
  }

  lane(lane: DeliveryLane): DeliveryQueue {
    const prefix = lanePrefix(lane);
    const ready = [`${this.#base}${prefix}ready`];
    const settle = (mode: 'sent' | 'retry' | 'failed', entryId: string, workerId: string, retryAt: string, error: string) =>
      this.#call('balieOutboxSettle', ready, [prefix, mode, entryId, workerId, retryAt, error]).then(() => undefined);
    return {
      lane,
      claim: async (workerId, limit, leaseMs, now) =>
        this.#toEntries(lane, await this.#call('balieOutboxClaim', ready, [prefix, workerId, String(limit), String(leaseMs), String(now.getTime())])),
      markSent: (entryId, workerId) => settle('sent', entryId, workerId, '', ''),
      markRetry: (entryId, workerId, retryAt, error) => settle('retry', entryId, workerId, String(retryAt.getTime()), error),
      markFailed: (entryId, workerId, error) => settle('failed', entryId, workerId, '', error),
    };
  }

  async list(state: DeliveryState, lane?: DeliveryLane): Promise<DeliveryEntry[]> {
    const lanes = lane ? [lane] : this.#lanes();
    const lists = await Promise.all(
      lanes.map(async (name) => {
        const prefix = lanePrefix(name);
        return this.#toEntries(name, await this.#call('balieOutboxList', [`${this.#base}${prefix}ready`], [prefix, state]));
      }),
    );
    return lists.flat();
  }

  async counts(): Promise<DeliveryCount[]> {
    const lanes = this.#lanes();
    const reply = z
      .array(z.number().int())
      .length(lanes.length * 3)
      .parse(await this.#call('balieOutboxCounts', [`${this.#base}seats`], lanes.map(lanePrefix)));
    return lanes.flatMap((lane, i) => deliveryStates.map((state, k) => ({ lane, state, count: reply[i * 3 + k] ?? 0 })));
  }

  /** The lanes this outbox has: mail, and the chat lane of every chat channel. */
  #lanes(): DeliveryLane[] {
    return ['mail', ...this.chatChannels.map(chatLane)];
  }

  #toEntries(lane: DeliveryLane, reply: unknown): DeliveryEntry[] {
    return z
      .array(z.string())
      .parse(reply)
      .map((json) => this.#toEntry(json, lane));
  }
}
