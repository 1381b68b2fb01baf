import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findInvariantViolations,
  type Movements,
  type Outbox,
  type RegistrationRecord,
  type SeatLedger,
} from '../../src/core/index.ts';
import { eventWith, person, ticker, type MakeLedger } from './seat-ledger.fixtures.ts';
import { LedgerModel, type Outcome } from './seat-ledger.model.ts';

type Op =
  | { kind: 'register'; user: number; sessions: number[]; waitingFor: number[]; waitlist: boolean; shout: boolean }
  | { kind: 'change'; user: number; session: number }
  | { kind: 'series'; user: number; series: number; hold: number | null; wait: number | null }
  | { kind: 'cancel'; user: number }
  | { kind: 'details'; user: number; to: number | null; book: boolean | null }
  | { kind: 'venueCap'; cap: number }
  | { kind: 'sessionCap'; session: number; cap: number }
  | { kind: 'retry'; pick: number }
  | { kind: 'reuse'; pick: number };

const users = 9;
const user = fc.integer({ min: 0, max: users - 1 });
/** One series' choice: hold a session, skip the series, or wait for one with or without a fallback. */
function seriesChoice(min: number, max: number): fc.Arbitrary<{ hold: number | null; wait: number | null }> {
  const session = fc.integer({ min, max });
  return fc.oneof(
    { weight: 6, arbitrary: session.map((hold) => ({ hold, wait: null })) },
    { weight: 1, arbitrary: fc.constant({ hold: null, wait: null }) },
    { weight: 3, arbitrary: fc.tuple(session, fc.option(session)).map(([wait, hold]) => ({ wait, hold: hold === wait ? null : hold })) },
  );
}
const validChoice = fc.tuple(seriesChoice(1, 4), seriesChoice(5, 9)).map((choices) => ({
  sessions: choices.flatMap((c) => (c.hold === null ? [] : [c.hold])),
  waitingFor: choices.flatMap((c) => (c.wait === null ? [] : [c.wait])),
}));
const anyChoice = fc.record({
  sessions: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 0, maxLength: 3 }),
  waitingFor: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 0, maxLength: 2 }),
});

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ kind: fc.constant('register' as const), choice: fc.oneof({ weight: 9, arbitrary: validChoice }, { weight: 1, arbitrary: anyChoice }), user, waitlist: fc.boolean(), shout: fc.boolean() })
      .map(({ choice, ...op }) => ({ ...op, ...choice })),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), user, session: fc.integer({ min: 1, max: 10 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('series' as const), user, series: fc.integer({ min: 1, max: 3 }), hold: fc.option(fc.integer({ min: 1, max: 9 })), wait: fc.option(fc.integer({ min: 1, max: 9 })) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), user }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ kind: fc.constant('details' as const), user, to: fc.option(user), book: fc.option(fc.boolean()) })
      .filter((op) => op.to !== null || op.book !== null),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('venueCap' as const), cap: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sessionCap' as const), session: fc.integer({ min: 1, max: 10 }), cap: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reuse' as const), pick: fc.nat() }) },
);

const shippingAddress = { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' };

/** The details a `details` op asks for: the address of person `to` (own, someone else's or a free one) and/or the book. */
function detailsOf(op: Extract<Op, { kind: 'details' }>): { email?: string; book?: { shippingAddress: typeof shippingAddress } | null } {
  return { ...(op.to === null ? {} : { email: person(op.to).email }), ...(op.book === null ? {} : { book: op.book ? { shippingAddress } : null }) };
}

// Small caps so that full sessions, a full venue, bumps and promotions happen in short runs.
const event = eventWith({ venue: 5, sessions: { 1: 2, 2: 3, 3: 1, 4: 2, 5: 2, 6: 3, 7: 1, 8: 2, 9: 2 } });

type AnyResult = { ok: boolean; reason?: string } & Partial<Movements> & Record<string, unknown>;
const emailsOf = (records: RegistrationRecord[] | undefined) => (records ?? []).map((r) => r.email.toLowerCase());

/** The ledger's result in the model's terms. */
function outcomeOf(result: AnyResult): Outcome {
  if (!result.ok) {
    const sessionNumbers = result.sessionNumbers as number[] | undefined;
    return { ok: false, reason: String(result.reason), ...(sessionNumbers ? { sessionNumbers } : {}) };
  }
  const registration = result.registration as RegistrationRecord | undefined;
  return { ok: true, ...(registration ? { status: registration.status } : {}), bumped: emailsOf(result.bumped), promoted: emailsOf(result.promoted) };
}

/** Outbox entries a successful command must write, from its result. */
function expectedEntries(kind: Op['kind'], result: AnyResult): number {
  if (!result.ok) return 0;
  const moved = (result.bumped?.length ?? 0) + (result.promoted?.length ?? 0);
  if (kind === 'details') {
    const { previousDetails, registration } = result as unknown as { previousDetails: { email: string }; registration: RegistrationRecord };
    return previousDetails.email.toLowerCase() === registration.email.toLowerCase() ? 1 : 2;
  }
  return kind === 'venueCap' || kind === 'sessionCap' ? moved : 1 + moved;
}

/** Random interleavings of every command by many users, checked after every step. */
export function describeSeatLedgerProperties(name: string, makeLedger: MakeLedger, options: { numRuns?: number } = {}): void {
  describe(`${name}: seat ledger properties`, () => {
    it('keeps the invariants and agrees with a naive model after every step, retries and reused keys included', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArbitrary, { minLength: 10, maxLength: 40, size: 'max' }), async (ops) => {
          const { ledger, close } = await makeLedger(event);
          try {
            await runAgainstModel(ledger, ops);
          } finally {
            await close();
          }
        }),
        { numRuns: options.numRuns ?? 60 },
      );
    });

    it('never confirms beyond a cap when commands arrive at the same time', async () => {
      const batches = fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 8, size: 'max' });
      await fc.assert(
        fc.asyncProperty(batches, async (rounds) => {
          const { ledger, close } = await makeLedger(event);
          try {
            await runConcurrently(ledger, rounds);
          } finally {
            await close();
          }
        }),
        { numRuns: Math.ceil((options.numRuns ?? 60) / 3) },
      );
    });
  });
}

/** Runs each round's commands all at once; after each round the invariants hold and every confirmation fits its caps. */
async function runConcurrently(ledger: SeatLedger & Outbox, rounds: Op[][]): Promise<void> {
  const now = ticker();
  let keys = 0;
  const idOf = async (n: number) => (await ledger.findByEmail(person(n).email))?.id ?? `missing-${n}`;
  for (const round of rounds) {
    const ids = await Promise.all(round.map((op) => ('user' in op ? idOf(op.user) : Promise.resolve(''))));
    await Promise.all(
      round.map((op, i) => {
        const key = `k${++keys}`;
        const registrationId = ids[i] ?? '';
        switch (op.kind) {
          case 'register':
            return ledger.register({ key, at: now(), registrant: person(op.user, op.sessions, waitsOf(op)), waitlistIfFull: op.waitlist });
          case 'change':
            return ledger.changeSession({ key, at: now(), registrationId, sessionNumber: op.session });
          case 'series':
            return ledger.changeSeries({ key, at: now(), registrationId, seriesId: op.series, hold: op.hold, wait: op.wait });
          case 'cancel':
            return ledger.cancel({ key, at: now(), registrationId });
          case 'details':
            return ledger.updateDetails({ key, at: now(), registrationId, details: detailsOf(op) });
          case 'venueCap':
            return ledger.setVenueCap({ key, at: now(), cap: op.cap });
          case 'sessionCap':
            return ledger.setSessionCap({ key, at: now(), sessionNumber: op.session, cap: op.cap });
          case 'retry':
          case 'reuse':
            // An earlier key (of any command) with a register: the same one again, or a conflict.
            return ledger.register({ key: `k${1 + (op.pick % keys)}`, at: now(), registrant: person(op.pick % users), waitlistIfFull: true });
        }
      }),
    );
    const snapshot = await ledger.snapshot();
    expect(findInvariantViolations(event, snapshot)).toEqual([]);
    const { venueCap, sessions } = snapshot.availability;
    const confirmed = snapshot.registrations.filter((r) => r.status === 'confirmed');
    expect(confirmed.length).toBeLessThanOrEqual(venueCap);
    for (const seats of sessions) {
      expect(confirmed.filter((r) => r.sessions.includes(seats.sessionNumber)).length).toBeLessThanOrEqual(seats.cap);
    }
    const waiting = snapshot.registrations.filter((r) => r.status === 'waitlisted');
    if (snapshot.availability.venueTaken < venueCap) expect(waiting.map((r) => r.email)).toEqual([]);
    for (const r of confirmed) {
      const free = (r.waitingFor ?? []).filter((n) => sessions.some((s) => s.sessionNumber === n && s.taken < s.cap));
      expect(free).toEqual([]);
    }
  }
}

/** The `waitingFor` of a registrant, left out when there is nothing to wait for (as the ledgers store it). */
function waitsOf(op: { waitingFor: number[] }): Partial<RegistrationRecord> {
  return op.waitingFor.length > 0 ? { waitingFor: op.waitingFor } : {};
}

async function runAgainstModel(ledger: SeatLedger & Outbox, ops: Op[]): Promise<void> {
  const model = new LedgerModel(event);
  const now = ticker();
  const lastId = new Map<number, string>();
  // Every command run so far: how to run it again, and another command under the same key.
  const done: Array<{ kind: Op['kind']; run: () => Promise<unknown>; other: () => Promise<unknown>; first: unknown }> = [];
  const email = (n: number) => person(n).email;
  // The id of a registration the user made that is gone (cancelled), so that commands meet not_found;
  // one that moved to another address is still there and is not used.
  const goneId = async (n: number) => {
    const id = lastId.get(n);
    return id && !(await ledger.get(id)) ? id : `missing-${n}`;
  };
  let keys = 0;

  // Outbox entries written so far; nothing here claims them, so they all stay pending.
  let pendingBefore = 0;
  for (const op of ops) {
    if (op.kind === 'retry' || op.kind === 'reuse') {
      const earlier = done[op.pick % Math.max(done.length, 1)];
      if (!earlier) continue;
      const before = await ledger.snapshot();
      if (op.kind === 'retry') expect(await earlier.run()).toEqual(earlier.first);
      else expect(await earlier.other()).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(await ledger.snapshot()).toEqual(before);
      expect((await ledger.list('pending')).length).toBe(pendingBefore);
      continue;
    }
    const key = `k${++keys}`;
    let run: () => Promise<unknown>;
    let other: () => Promise<unknown>;
    let expected: Outcome;
    if (op.kind === 'register') {
      const registrant = person(op.user, op.sessions, { ...waitsOf(op), ...(op.shout ? { email: email(op.user).toUpperCase() } : {}) });
      run = () => ledger.register({ key, at: now(), registrant, waitlistIfFull: op.waitlist });
      other = () => ledger.register({ key, at: now(), registrant: { ...registrant, owner: 'test:another-user' }, waitlistIfFull: op.waitlist });
      expected = model.register(registrant.email, op.sessions, op.waitlist, op.waitingFor);
    } else if (op.kind === 'details') {
      const current = await ledger.findByEmail(email(op.user));
      const registrationId = current?.id ?? (await goneId(op.user));
      const details = detailsOf(op);
      run = () => ledger.updateDetails({ key, at: now(), registrationId, details });
      other = () => ledger.updateDetails({ key, at: now(), registrationId: `${registrationId}-other`, details });
      expected = model.updateDetails(current ? email(op.user) : null, { ...(details.email ? { email: details.email } : {}), ...(op.book === null ? {} : { book: op.book }) });
    } else if (op.kind === 'series') {
      const current = await ledger.findByEmail(email(op.user));
      const registrationId = current?.id ?? (await goneId(op.user));
      run = () => ledger.changeSeries({ key, at: now(), registrationId, seriesId: op.series, hold: op.hold, wait: op.wait });
      other = () => ledger.changeSeries({ key, at: now(), registrationId, seriesId: op.series + 1, hold: op.hold, wait: op.wait });
      expected = model.changeSeries(current ? email(op.user) : null, op.series, op.hold, op.wait);
    } else if (op.kind === 'change' || op.kind === 'cancel') {
      const current = await ledger.findByEmail(email(op.user));
      const registrationId = current?.id ?? (await goneId(op.user));
      const modelEmail = current ? email(op.user) : null;
      if (op.kind === 'change') {
        run = () => ledger.changeSession({ key, at: now(), registrationId, sessionNumber: op.session });
        other = () => ledger.changeSession({ key, at: now(), registrationId, sessionNumber: op.session + 1 });
        expected = model.change(modelEmail, op.session);
      } else {
        run = () => ledger.cancel({ key, at: now(), registrationId });
        other = () => ledger.cancel({ key, at: now(), registrationId: `${registrationId}-other` });
        expected = model.cancel(modelEmail);
      }
    } else if (op.kind === 'venueCap') {
      run = () => ledger.setVenueCap({ key, at: now(), cap: op.cap });
      other = () => ledger.setVenueCap({ key, at: now(), cap: op.cap + 1 });
      expected = model.setVenueCap(op.cap);
    } else {
      run = () => ledger.setSessionCap({ key, at: now(), sessionNumber: op.session, cap: op.cap });
      other = () => ledger.setSessionCap({ key, at: now(), sessionNumber: op.session, cap: op.cap + 1 });
      expected = model.setSessionCap(op.session, op.cap);
    }
    const result = (await run()) as AnyResult;
    done.push({ kind: op.kind, run, other, first: result });
    expect(outcomeOf(result)).toEqual(expected);
    if (op.kind === 'register' && result.ok) lastId.set(op.user, (result.registration as RegistrationRecord).id);

    const snapshot = await ledger.snapshot();
    expect(findInvariantViolations(event, snapshot)).toEqual([]);
    expect(snapshot.registrations.map((r) => `${r.email.toLowerCase()}:${r.status}:${r.sessions.join(',')}:${(r.waitingFor ?? []).join(',')}:${r.book !== null}`)).toEqual(model.lines());
    expect(snapshot.registrations.filter((r) => r.waitingFor?.length === 0)).toEqual([]);
    expect(snapshot.availability.venueCap).toBe(model.venueCap);
    expect(snapshot.availability.sessions.map((s) => s.cap)).toEqual([...model.caps.values()]);
    const pendingAfter = (await ledger.list('pending')).length;
    expect(pendingAfter).toBe(pendingBefore + expectedEntries(op.kind, result));
    pendingBefore = pendingAfter;
  }
}
