import type { DeliveryLogger, DeliveryReport, DeliveryWorker } from './delivery-worker.ts';

/** A running delivery loop: `drain()` delivers everything due now, `stop()` ends the polling. */
export interface DeliveryLoop {
  readonly worker: DeliveryWorker;
  drain(): Promise<DeliveryReport>;
  /** Stops polling and waits for the pass in progress (its deliveries settle). */
  stop(): Promise<void>;
}

/**
 * Runs `worker` every `pollMs`, one pass at a time (a poll that finds a pass running waits for it
 * instead of starting another). Each process may run one loop per lane; several processes on one
 * Redis share the work through the outbox's leases.
 */
export function startDeliveryLoop(worker: DeliveryWorker, options: { pollMs?: number; logger?: DeliveryLogger } = {}): DeliveryLoop {
  let running: Promise<DeliveryReport> | null = null;
  let stopped = false;
  const pass = (): Promise<DeliveryReport> => {
    running ??= worker.drain().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    pass().catch((error: unknown) => options.logger?.error({ workerId: worker.workerId, lane: worker.lane, err: String(error) }, 'delivery pass failed'));
  }, options.pollMs ?? 1000);
  timer.unref();

  return {
    worker,
    drain: async () => {
      // A pass already running may have claimed before the caller's entries existed: run one more.
      if (running) await running.catch(() => undefined);
      return pass();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}
