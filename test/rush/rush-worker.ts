import { createClient } from 'redis';
import type { EventData, RegisterResult } from '../../src/core/index.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { person } from '../store/seat-ledger.fixtures.ts';

/** What the rush test hands one worker process over IPC. */
export interface RushTask {
  url: string;
  keyPrefix: string;
  event: EventData;
  /** Sequences of registrants; each lane registers its own one after the other. */
  lanes: Array<Array<{ n: number; sessions: number[]; waitlistIfFull: boolean }>>;
}

/** What a worker reports for every registrant: the answer a real user would have been given. */
export interface RushResult {
  n: number;
  lane: string;
  order: number;
  ok: boolean;
  id?: string;
  seq?: number;
  status?: 'confirmed' | 'waitlisted';
  reason?: string;
  sessionNumbers?: number[];
  attempts: number;
}

// A simulated bot process: retries a command with the same idempotency key until Redis answers,
// as the Bot does after a lost connection, so a crash in the middle loses no answer.
async function retried(run: () => Promise<RegisterResult>): Promise<{ result: RegisterResult; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    try {
      return { result: await run(), attempts };
    } catch (error) {
      if (attempts >= 400) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * attempts, 100)));
    }
  }
}

async function runTask(task: RushTask, worker: string): Promise<void> {
  const client = createClient({
    url: task.url,
    scripts: ledgerScripts,
    socket: { reconnectStrategy: (retries) => Math.min(10 * (retries + 1), 100) },
  });
  client.on('error', () => undefined);
  await client.connect();
  const ledger = new RedisSeatLedger(client, task.event, { keyPrefix: task.keyPrefix });
  await Promise.all(
    task.lanes.map(async (lane, laneIndex) => {
      for (const [order, entry] of lane.entries()) {
        const command = { key: `rush-${entry.n}`, at: new Date(), registrant: person(entry.n, entry.sessions), waitlistIfFull: entry.waitlistIfFull };
        const { result, attempts } = await retried(() => ledger.register(command));
        const report: RushResult = result.ok
          ? { n: entry.n, lane: `${worker}/${laneIndex}`, order, ok: true, id: result.registration.id, seq: result.registration.seq, status: result.registration.status, attempts }
          : { n: entry.n, lane: `${worker}/${laneIndex}`, order, ok: false, reason: result.reason, ...('sessionNumbers' in result ? { sessionNumbers: result.sessionNumbers } : {}), attempts };
        process.send?.({ type: 'result', result: report });
      }
    }),
  );
  client.destroy();
}

process.once('message', (message: { task: RushTask; worker: string }) => {
  runTask(message.task, message.worker).then(
    () => process.send?.({ type: 'done' }, () => process.exit(0)),
    (error: unknown) => process.send?.({ type: 'error', message: String(error) }, () => process.exit(1)),
  );
});
