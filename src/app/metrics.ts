import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InboundRefusal } from '../adapters/channel.ts';
import { channelOfUserKey, type Outbox, type SeatLedger } from '../core/index.ts';
import type { TurnObservation } from './bot.ts';

// The seat commands whose results are counted.
const commands = ['register', 'changeSession', 'changeSeries', 'cancel', 'setVenueCap', 'setSessionCap'];

/**
 * What `GET /metrics` shows (prom-client, its own registry): turns per channel and outcome, the
 * turn duration, inbound requests per channel and outcome (handled, duplicate, rejected,
 * ignored), ledger commands by result, the outbox's deliveries per lane and state, and the
 * process metrics (CPU, memory, event loop lag).
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly #turns: Counter<'channel' | 'outcome'>;
  readonly #turnSeconds: Histogram<'channel'>;
  readonly #inbound: Counter<'channel' | 'outcome'>;
  readonly #ledger: Counter<'command' | 'result'>;

  constructor(outbox: Outbox, onError: (error: unknown) => void = () => {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'balie_' });
    this.#turns = new Counter({ name: 'balie_turns_total', help: 'Turns by channel and outcome (answered, duplicate, busy, failed).', labelNames: ['channel', 'outcome'], registers });
    this.#turnSeconds = new Histogram({
      name: 'balie_turn_duration_seconds',
      help: 'Time from an inbound message to its replies, state saved.',
      labelNames: ['channel'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.#inbound = new Counter({
      name: 'balie_inbound_requests_total',
      help: 'Inbound messages and requests by channel and outcome (handled, duplicate, rejected, ignored).',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.#ledger = new Counter({ name: 'balie_ledger_commands_total', help: 'Seat ledger commands by command and result (ok, or the reason).', labelNames: ['command', 'result'], registers });
    new Gauge({
      name: 'balie_outbox_deliveries',
      help: 'Outbox deliveries by lane (mail, chat:<channel>) and state (pending, sent, failed).',
      labelNames: ['lane', 'state'],
      registers,
      async collect() {
        try {
          for (const c of await outbox.counts()) this.set({ lane: c.lane, state: c.state }, c.count);
        } catch (error) {
          // The store is away: the last counts stay, /readyz says what is wrong.
          onError(error);
        }
      },
    });
  }

  /** Counts a turn the Bot ran (Bot's `observe`). */
  observeTurn(turn: TurnObservation): void {
    const channel = channelOfUserKey(turn.userKey) ?? 'unknown';
    this.#turns.inc({ channel, outcome: turn.outcome });
    this.#inbound.inc({ channel, outcome: turn.outcome === 'duplicate' ? 'duplicate' : 'handled' });
    if (turn.outcome !== 'duplicate') this.#turnSeconds.observe({ channel }, turn.seconds);
  }

  /** Counts an inbound request a channel refused or had no turn for. */
  countInbound(channel: string, outcome: InboundRefusal): void {
    this.#inbound.inc({ channel, outcome });
  }

  /**
   * The ledger, counting the result of every seat command; everything else passes through (a
   * Proxy, so a method added to the port later needs nothing here).
   */
  instrumentLedger(ledger: SeatLedger): SeatLedger {
    const counter = this.#ledger;
    return new Proxy(ledger, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = (value as (...args: unknown[]) => unknown).bind(target);
        if (!(commands as readonly PropertyKey[]).includes(property)) return method;
        return async (...args: unknown[]) => {
          const result = (await method(...args)) as { ok: boolean; reason?: string };
          counter.inc({ command: String(property), result: result.ok ? 'ok' : (result.reason ?? 'refused') });
          return result;
        };
      },
    });
  }
}
