import { afterEach, describe, expect, it } from 'vitest';
import type { Outbox, SeatLedger } from '../../src/core/index.ts';
import { eventWith, person, ticker, type MakeLedger } from './seat-ledger.fixtures.ts';

type Ledger = SeatLedger & Outbox;

/** One command sent under a key, and other commands that reuse its key. */
interface Case {
  name: string;
  first: (ledger: Ledger, at: Date, ids: string[]) => Promise<unknown>;
  others: Array<(ledger: Ledger, at: Date, ids: string[]) => Promise<unknown>>;
}

const conflict = { ok: false, reason: 'idempotency_conflict' };
// Four registered (sessions 1 and 5), session 4 and 8 with one seat, so that refusals happen too.
const event = eventWith({ venue: 6, sessions: { 4: 1, 8: 1 } });

/**
 * Rule 4 for every command: a retry of the same command, however late, gets the first result (also
 * a refusal); the key sent with another command gets `idempotency_conflict` and changes nothing,
 * and the first command's retry still gets its own result afterwards.
 */
export function describeIdempotencyContract(name: string, makeLedger: MakeLedger): void {
  describe(`${name}: idempotency keys`, () => {
    const open: Array<() => Promise<void>> = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    async function setup() {
      const { ledger, close } = await makeLedger(event);
      open.push(close);
      const at = ticker();
      const ids: string[] = [];
      for (let n = 1; n <= 4; n++) {
        const result = await ledger.register({ key: `setup-${n}`, at: at(), registrant: person(n, n === 4 ? [4, 8] : [1, 5]), waitlistIfFull: false });
        if (!result.ok) throw new Error(`setup registration refused: ${result.reason}`);
        ids.push(result.registration.id);
      }
      return { ledger, at, ids };
    }

    // ids[n - 1]: the registration of person n.
    const id = (ids: string[], n: number) => ids[n - 1] ?? 'missing';
    const cases: Case[] = [
      {
        name: 'register',
        first: (l, at) => l.register({ key: 'k', at, registrant: person(5), waitlistIfFull: false }),
        others: [
          // Another person under the same key: the case of a lost conversation replaying its key.
          (l, at) => l.register({ key: 'k', at, registrant: person(6), waitlistIfFull: false }),
          (l, at) => l.register({ key: 'k', at, registrant: person(5, [1, 5], { owner: 'test:someone-else' }), waitlistIfFull: false }),
          (l, at) => l.register({ key: 'k', at, registrant: person(5, [2, 6]), waitlistIfFull: false }),
          (l, at) => l.register({ key: 'k', at, registrant: person(5), waitlistIfFull: true }),
        ],
      },
      {
        name: 'register refused',
        first: (l, at) => l.register({ key: 'k', at, registrant: person(5, [4, 6]), waitlistIfFull: false }),
        others: [(l, at) => l.register({ key: 'k', at, registrant: person(6, [2, 6]), waitlistIfFull: false })],
      },
      {
        name: 'changeSession',
        first: (l, at, ids) => l.changeSession({ key: 'k', at, registrationId: id(ids, 1), sessionNumber: 2 }),
        others: [
          (l, at, ids) => l.changeSession({ key: 'k', at, registrationId: id(ids, 1), sessionNumber: 3 }),
          (l, at, ids) => l.changeSession({ key: 'k', at, registrationId: id(ids, 2), sessionNumber: 2 }),
        ],
      },
      {
        name: 'changeSession refused',
        first: (l, at, ids) => l.changeSession({ key: 'k', at, registrationId: id(ids, 1), sessionNumber: 4 }),
        others: [(l, at, ids) => l.changeSession({ key: 'k', at, registrationId: id(ids, 1), sessionNumber: 3 })],
      },
      {
        name: 'changeSeries',
        first: (l, at, ids) => l.changeSeries({ key: 'k', at, registrationId: id(ids, 1), seriesId: 1, hold: 1, wait: 4 }),
        others: [
          (l, at, ids) => l.changeSeries({ key: 'k', at, registrationId: id(ids, 1), seriesId: 1, hold: null, wait: 4 }),
          (l, at, ids) => l.changeSeries({ key: 'k', at, registrationId: id(ids, 2), seriesId: 1, hold: 1, wait: 4 }),
        ],
      },
      {
        name: 'register with a wait',
        first: (l, at) => l.register({ key: 'k', at, registrant: person(5, [1, 5], { waitingFor: [4] }), waitlistIfFull: false }),
        others: [(l, at) => l.register({ key: 'k', at, registrant: person(5, [1, 5]), waitlistIfFull: false })],
      },
      {
        name: 'cancel',
        first: (l, at, ids) => l.cancel({ key: 'k', at, registrationId: id(ids, 1) }),
        others: [(l, at, ids) => l.cancel({ key: 'k', at, registrationId: id(ids, 2) })],
      },
      {
        name: 'setVenueCap',
        first: (l, at) => l.setVenueCap({ key: 'k', at, cap: 3 }),
        others: [(l, at) => l.setVenueCap({ key: 'k', at, cap: 2 }), (l, at) => l.setVenueCap({ key: 'k', at, cap: 100 })],
      },
      {
        name: 'setSessionCap',
        first: (l, at) => l.setSessionCap({ key: 'k', at, sessionNumber: 1, cap: 2 }),
        others: [(l, at) => l.setSessionCap({ key: 'k', at, sessionNumber: 1, cap: 1 }), (l, at) => l.setSessionCap({ key: 'k', at, sessionNumber: 5, cap: 2 })],
      },
    ];

    it.each(cases)('$name: a retry gets the first result, another command under its key idempotency_conflict', async ({ first, others }) => {
      const { ledger, at, ids } = await setup();
      const result = await first(ledger, at(), ids);
      const snapshot = await ledger.snapshot();
      const pending = await ledger.list('pending');
      for (const other of others) {
        expect(await other(ledger, at(), ids)).toEqual(conflict);
        expect(await ledger.snapshot()).toEqual(snapshot);
        expect(await ledger.list('pending')).toEqual(pending);
      }
      expect(await first(ledger, at(), ids)).toEqual(result);
      expect(await ledger.snapshot()).toEqual(snapshot);
    });

    it('keeps keys of different commands apart: the same key for a register and a cancel is no conflict', async () => {
      const { ledger, at, ids } = await setup();
      expect(await ledger.cancel({ key: 'shared', at: at(), registrationId: ids[0]! })).toMatchObject({ ok: true });
      expect(await ledger.register({ key: 'shared', at: at(), registrant: person(7), waitlistIfFull: false })).toMatchObject({ ok: true });
    });
  });
}
