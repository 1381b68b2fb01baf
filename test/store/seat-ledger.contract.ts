import { afterEach, describe, expect, it } from 'vitest';
import { findInvariantViolations, type EventData, type Outbox, type Registrant, type SeatLedger } from '../../src/core/index.ts';
import { eventWith, person, ticker, type MakeLedger } from './seat-ledger.fixtures.ts';
import { describeOutboxContract } from './outbox.contract.ts';

/** The contract every SeatLedger & Outbox implementation passes (memory and Redis). */
export function describeSeatLedgerContract(name: string, makeLedger: MakeLedger): void {
  describe(`${name}: seat ledger contract`, () => {
    const open: Array<() => Promise<void>> = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    async function setup(event: EventData) {
      const { ledger, close } = await makeLedger(event);
      open.push(close);
      const now = ticker();
      let keys = 0;
      const key = (prefix: string) => `${prefix}-${++keys}`;
      const register = (registrant: Registrant, waitlistIfFull = false, k = key('reg')) =>
        ledger.register({ key: k, at: now(), registrant, waitlistIfFull });
      const registered = async (registrant: Registrant, waitlistIfFull = false) => {
        const result = await register(registrant, waitlistIfFull);
        if (!result.ok) throw new Error(`setup registration refused: ${result.reason}`);
        return result.registration;
      };
      const expectInvariants = async () => expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
      const taken = async (sessionNumber: number) =>
        (await ledger.availability()).sessions.find((s) => s.sessionNumber === sessionNumber)?.taken;
      const kinds = async () => (await ledger.list('pending')).map((e) => `${e.kind}:${e.registration.email}`);
      return { ledger, now, key, register, registered, expectInvariants, taken, kinds };
    }

    describe('register', () => {
      it('confirms, takes a venue seat and one seat per series, and writes a confirmation', async () => {
        const { ledger, now, registered, expectInvariants, taken } = await setup(eventWith({}));
        const at = now();
        const result = await ledger.register({ key: 'k1', at, registrant: person(1, [3, 7]), waitlistIfFull: false });
        expect(result).toMatchObject({ ok: true, registration: { ...person(1, [3, 7]), status: 'confirmed', registeredAt: at.toISOString(), updatedAt: at.toISOString() } });
        if (!result.ok) return;
        const availability = await ledger.availability();
        expect(availability.venueTaken).toBe(1);
        expect(availability.venueCap).toBe(100);
        expect(availability.sessions.map((s) => [s.sessionNumber, s.cap])).toEqual([[1, 40], [2, 58], [3, 15], [4, 11], [5, 40], [6, 58], [7, 15], [8, 11], [9, 11]]);
        expect([await taken(3), await taken(7), await taken(1)]).toEqual([1, 1, 0]);
        expect(await ledger.get(result.registration.id)).toEqual(result.registration);
        expect(await ledger.findByEmail('PERSOON1@Example.BE')).toEqual(result.registration);
        expect(await ledger.findByOwner('test:user-1')).toEqual(result.registration);
        const pending = await ledger.list('pending');
        expect(pending).toHaveLength(1);
        expect(pending[0]).toMatchObject({ kind: 'confirmation', registration: result.registration, createdAt: at.toISOString() });
        const second = await registered(person(2));
        expect(second.seq).toBeGreaterThan(result.registration.seq);
        expect(second.id).not.toBe(result.registration.id);
        await expectInvariants();
      });

      it('returns null for unknown ids, e-mails and owners', async () => {
        const { ledger } = await setup(eventWith({}));
        expect(await ledger.get('nope')).toBeNull();
        expect(await ledger.findByEmail('nobody@example.be')).toBeNull();
        expect(await ledger.findByOwner('test:nobody')).toBeNull();
      });

      it('finds the latest registration of an owner', async () => {
        const { ledger, registered } = await setup(eventWith({}));
        await registered(person(1, [1, 5], { owner: 'test:same' }));
        const later = await registered(person(2, [1, 5], { owner: 'test:same' }));
        expect((await ledger.findByOwner('test:same'))?.id).toBe(later.id);
        await ledger.cancel({ key: 'x', at: new Date('2020-10-16T07:00:00Z'), registrationId: later.id });
        expect((await ledger.findByOwner('test:same'))?.email).toBe('persoon1@example.be');
      });

      it('allows one registration per e-mail, case-insensitively, also while waitlisted', async () => {
        const { ledger, register, registered, expectInvariants } = await setup(eventWith({ venue: 1 }));
        const first = await registered(person(1));
        const before = await ledger.snapshot();
        expect(await register(person(2, [2, 6], { email: ' Persoon1@EXAMPLE.be ' }))).toEqual({ ok: false, reason: 'email_taken', registrationId: first.id });
        expect(await ledger.snapshot()).toEqual(before);
        const waiting = await registered(person(3), true);
        expect(waiting.status).toBe('waitlisted');
        expect(await register(person(4, [1, 5], { email: 'PERSOON3@example.be' }), true)).toEqual({ ok: false, reason: 'email_taken', registrationId: waiting.id });
        expect(await ledger.list('pending')).toHaveLength(2);
        await expectInvariants();
      });

      it('refuses sessions that are not at most one per series in series order, or held and waited for at once', async () => {
        const { ledger, register } = await setup(eventWith({}));
        for (const sessions of [[1, 2], [5, 1], [1, 5, 6], [1, 42], [0]]) {
          expect(await register(person(1, sessions))).toEqual({ ok: false, reason: 'invalid_sessions' });
        }
        for (const waitingFor of [[1], [2, 3], [9, 4], [10]]) {
          expect(await register(person(1, [1, 5], { waitingFor }))).toEqual({ ok: false, reason: 'invalid_sessions' });
        }
        expect((await ledger.snapshot()).registrations).toEqual([]);
        expect(await ledger.list('pending')).toEqual([]);
      });

      it('names every full session and changes nothing', async () => {
        const { ledger, register, registered, expectInvariants } = await setup(eventWith({ sessions: { 3: 1, 7: 1 } }));
        await registered(person(1, [3, 7]));
        const before = await ledger.snapshot();
        expect(await register(person(2, [3, 7]))).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [3, 7] });
        expect(await register(person(3, [1, 7]))).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [7] });
        expect(await ledger.snapshot()).toEqual(before);
        expect(await ledger.list('pending')).toHaveLength(1);
        await expectInvariants();
      });

      it('says the venue is full before naming full sessions', async () => {
        const { register, registered } = await setup(eventWith({ venue: 1, sessions: { 3: 1 } }));
        await registered(person(1, [3, 7]));
        expect(await register(person(2, [3, 7]))).toEqual({ ok: false, reason: 'venue_full' });
        expect(await register(person(3, [1, 5]))).toEqual({ ok: false, reason: 'venue_full' });
      });

      it('asked to wait, holds the venue and what is free and waits only for the full session', async () => {
        const { ledger, registered, expectInvariants, taken, kinds } = await setup(eventWith({ sessions: { 4: 1 } }));
        await registered(person(1, [4, 8]));
        const waiting = await registered(person(2, [4, 5]), true);
        expect(waiting).toMatchObject({ status: 'confirmed', sessions: [5], waitingFor: [4] });
        const availability = await ledger.availability();
        expect([availability.venueTaken, availability.waitlistLength, await taken(4), await taken(5)]).toEqual([2, 0, 1, 1]);
        expect(availability.sessions.find((s) => s.sessionNumber === 4)?.waiting).toBe(1);
        expect((await ledger.waitlists()).sessions.find((s) => s.sessionNumber === 4)?.registrationIds).toEqual([waiting.id]);
        expect(await kinds()).toEqual(['confirmation:persoon1@example.be', 'confirmation:persoon2@example.be']);
        const fits = await registered(person(3, [1, 5]), true);
        expect(fits.status).toBe('confirmed');
        await expectInvariants();
      });

      it('is idempotent by key: a retry returns the first result and changes nothing', async () => {
        const { ledger, now, expectInvariants } = await setup(eventWith({ sessions: { 4: 1 } }));
        const first = await ledger.register({ key: 'same', at: now(), registrant: person(1, [4, 8]), waitlistIfFull: false });
        const again = await ledger.register({ key: 'same', at: now(), registrant: person(1, [4, 8]), waitlistIfFull: false });
        const other = await ledger.register({ key: 'same', at: now(), registrant: person(2, [1, 5]), waitlistIfFull: false });
        expect(again).toEqual(first);
        expect(other).toEqual({ ok: false, reason: 'idempotency_conflict' });
        expect((await ledger.snapshot()).registrations).toHaveLength(1);
        expect(await ledger.list('pending')).toHaveLength(1);

        const refused = await ledger.register({ key: 'full', at: now(), registrant: person(3, [4, 8]), waitlistIfFull: false });
        expect(refused).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [4] });
        await ledger.setSessionCap({ key: 'raise', at: now(), sessionNumber: 4, cap: 5 });
        expect(await ledger.register({ key: 'full', at: now(), registrant: person(3, [4, 8]), waitlistIfFull: false })).toEqual(refused);
        expect((await ledger.snapshot()).registrations).toHaveLength(1);
        await expectInvariants();
      });

      it('scopes keys by command, so a cancel key never answers a register', async () => {
        const { ledger, now, registered } = await setup(eventWith({}));
        const record = await registered(person(1));
        await ledger.cancel({ key: 'shared-key', at: now(), registrationId: record.id });
        const result = await ledger.register({ key: 'shared-key', at: now(), registrant: person(2), waitlistIfFull: false });
        expect(result).toMatchObject({ ok: true, registration: { email: 'persoon2@example.be' } });
      });

      it('returns copies: changing a returned record changes nothing in the ledger', async () => {
        const { ledger, registered } = await setup(eventWith({}));
        const record = await registered(person(1));
        record.sessions.push(9);
        record.status = 'waitlisted';
        expect(await ledger.get(record.id)).toMatchObject({ sessions: [1, 5], status: 'confirmed' });
      });
    });

    describe('changeSession', () => {
      it('swaps a session within its series and writes session_changed', async () => {
        const { ledger, now, registered, expectInvariants, taken } = await setup(eventWith({}));
        const record = await registered(person(1, [1, 5]));
        const at = now();
        const result = await ledger.changeSession({ key: 'c1', at, registrationId: record.id, sessionNumber: 7 });
        expect(result).toMatchObject({ ok: true, previousSessions: [1, 5], bumped: [], promoted: [], registration: { id: record.id, sessions: [1, 7], status: 'confirmed', seq: record.seq, updatedAt: at.toISOString(), registeredAt: record.registeredAt } });
        expect([await taken(1), await taken(5), await taken(7)]).toEqual([1, 0, 1]);
        expect((await ledger.availability()).venueTaken).toBe(1);
        const entry = (await ledger.list('pending')).find((e) => e.kind === 'session_changed');
        expect(entry).toMatchObject({ previousSessions: [1, 5], registration: { sessions: [1, 7] }, createdAt: at.toISOString() });
        await expectInvariants();
      });

      it('takes the new seat before releasing the old: a full target changes nothing, a last seat works with a full venue', async () => {
        const { ledger, key, now, registered, expectInvariants, taken } = await setup(eventWith({ venue: 2, sessions: { 3: 1 } }));
        const a = await registered(person(1, [1, 5]));
        await registered(person(2, [3, 6]));
        const before = await ledger.snapshot();
        expect(await ledger.changeSession({ key: key('c'), at: now(), registrationId: a.id, sessionNumber: 3 })).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [3] });
        expect(await ledger.snapshot()).toEqual(before);
        const swapped = await ledger.changeSession({ key: key('c'), at: now(), registrationId: a.id, sessionNumber: 4 });
        expect(swapped).toMatchObject({ ok: true, registration: { sessions: [4, 5] } });
        expect([await taken(1), await taken(4)]).toEqual([0, 1]);
        await expectInvariants();
      });

      it('refuses unknown registrations, unknown sessions and no change', async () => {
        const { ledger, key, now, registered } = await setup(eventWith({}));
        const record = await registered(person(1, [1, 5]));
        expect(await ledger.changeSession({ key: key('c'), at: now(), registrationId: 'nope', sessionNumber: 2 })).toEqual({ ok: false, reason: 'not_found' });
        expect(await ledger.changeSession({ key: key('c'), at: now(), registrationId: record.id, sessionNumber: 42 })).toEqual({ ok: false, reason: 'invalid_session' });
        expect(await ledger.changeSession({ key: key('c'), at: now(), registrationId: record.id, sessionNumber: 5 })).toEqual({ ok: false, reason: 'unchanged' });
        expect(await ledger.list('pending')).toHaveLength(1);
      });

      it('promotes the waiting list with the seat it frees', async () => {
        const { ledger, now, registered, expectInvariants, kinds } = await setup(eventWith({ sessions: { 4: 1 } }));
        const holder = await registered(person(1, [4, 5]));
        const waiting = await registered(person(2, [4, 6]), true);
        const result = await ledger.changeSession({ key: 'c', at: now(), registrationId: holder.id, sessionNumber: 1 });
        expect(result).toMatchObject({ ok: true, promoted: [{ id: waiting.id, status: 'confirmed', sessions: [4, 6] }] });
        expect(await ledger.get(waiting.id)).not.toHaveProperty('waitingFor');
        expect(await kinds()).toEqual(['confirmation:persoon1@example.be', 'confirmation:persoon2@example.be', 'session_changed:persoon1@example.be', 'promoted:persoon2@example.be']);
        expect((await ledger.list('pending')).at(-1)).toMatchObject({ kind: 'promoted', sessionNumber: 4, id: `change:c:promoted:${waiting.id}:4` });
        await expectInvariants();
      });

      it('lets a registration on the venue waiting list change what it wants, and seats it by that when promoted', async () => {
        const { ledger, key, now, registered, expectInvariants, taken } = await setup(eventWith({ venue: 2, sessions: { 3: 1, 4: 1 } }));
        await registered(person(1, [3, 5]));
        const second = await registered(person(2, [4, 5]));
        const waiting = await registered(person(3, [3, 5]), true);
        const toFull = await ledger.changeSession({ key: key('c'), at: now(), registrationId: waiting.id, sessionNumber: 4 });
        expect(toFull).toMatchObject({ ok: true, registration: { status: 'waitlisted', sessions: [4, 5] }, promoted: [] });
        expect(await taken(4)).toBe(1);
        const toSeven = await ledger.changeSession({ key: key('c'), at: now(), registrationId: waiting.id, sessionNumber: 7 });
        expect(toSeven).toMatchObject({ ok: true, previousSessions: [4, 5], registration: { status: 'waitlisted', sessions: [4, 7] }, promoted: [] });
        const cancelled = await ledger.cancel({ key: key('x'), at: now(), registrationId: second.id });
        expect(cancelled).toMatchObject({ ok: true, promoted: [{ id: waiting.id, status: 'confirmed', sessions: [4, 7] }] });
        expect((await ledger.list('pending')).filter((e) => e.registration.id === waiting.id).map((e) => e.kind)).toEqual(['waitlisted', 'session_changed', 'session_changed', 'promoted']);
        await expectInvariants();
      });

      it('is idempotent by key', async () => {
        const { ledger, now, registered, taken } = await setup(eventWith({}));
        const record = await registered(person(1, [1, 5]));
        const first = await ledger.changeSession({ key: 'c', at: now(), registrationId: record.id, sessionNumber: 2 });
        const again = await ledger.changeSession({ key: 'c', at: now(), registrationId: record.id, sessionNumber: 2 });
        expect(again).toEqual(first);
        expect(await taken(2)).toBe(1);
        expect(await ledger.list('pending')).toHaveLength(2);
      });
    });

    describe('cancel', () => {
      it('releases every seat, forgets the registration and writes cancelled', async () => {
        const { ledger, now, registered, register, expectInvariants, taken } = await setup(eventWith({}));
        const record = await registered(person(1, [2, 6]));
        const at = now();
        const result = await ledger.cancel({ key: 'x', at, registrationId: record.id });
        expect(result).toMatchObject({ ok: true, cancelled: { id: record.id, email: record.email, updatedAt: at.toISOString() }, bumped: [], promoted: [] });
        expect([(await ledger.availability()).venueTaken, await taken(2), await taken(6)]).toEqual([0, 0, 0]);
        expect(await ledger.get(record.id)).toBeNull();
        expect(await ledger.findByEmail(record.email)).toBeNull();
        expect(await ledger.findByOwner(record.owner)).toBeNull();
        expect((await ledger.list('pending')).map((e) => e.kind)).toEqual(['confirmation', 'cancelled']);
        expect(await ledger.cancel({ key: 'x', at: now(), registrationId: record.id })).toEqual(result);
        expect(await ledger.cancel({ key: 'y', at: now(), registrationId: record.id })).toEqual({ ok: false, reason: 'not_found' });
        expect(await ledger.list('pending')).toHaveLength(2);
        expect((await register(person(1, [2, 6]))).ok).toBe(true);
        await expectInvariants();
      });

      it('gives the freed venue seat to the first on the venue list, who then waits for the session that is full', async () => {
        const { ledger, now, registered, expectInvariants, kinds } = await setup(eventWith({ venue: 2, sessions: { 3: 1 } }));
        const a = await registered(person(1, [1, 5]));
        await registered(person(2, [3, 5]));
        const w1 = await registered(person(3, [3, 6]), true);
        const w2 = await registered(person(4, [2, 6]), true);
        const w3 = await registered(person(5, [1, 7]), true);
        const result = await ledger.cancel({ key: 'x', at: now(), registrationId: a.id });
        expect(result.ok && result.promoted.map((r) => r.id)).toEqual([w1.id]);
        expect(await ledger.get(w1.id)).toMatchObject({ status: 'confirmed', sessions: [6], waitingFor: [3] });
        expect((await ledger.get(w2.id))?.status).toBe('waitlisted');
        expect((await ledger.get(w3.id))?.status).toBe('waitlisted');
        expect(await ledger.waitlists()).toMatchObject({ venue: [w2.id, w3.id] });
        expect((await kinds()).slice(-2)).toEqual(['cancelled:persoon1@example.be', 'promoted:persoon3@example.be']);
        await expectInvariants();
      });

      it('takes a waitlisted registration off the list without touching seats', async () => {
        const { ledger, now, registered, expectInvariants } = await setup(eventWith({ venue: 1 }));
        await registered(person(1));
        const waiting = await registered(person(2), true);
        const result = await ledger.cancel({ key: 'x', at: now(), registrationId: waiting.id });
        expect(result).toMatchObject({ ok: true, cancelled: { id: waiting.id, status: 'waitlisted' }, promoted: [] });
        expect(await ledger.availability()).toMatchObject({ venueTaken: 1, waitlistLength: 0 });
        await expectInvariants();
      });
    });

    describe('setVenueCap', () => {
      it('lowering moves exactly the latest confirmed (LIFO) to the waiting list, each once, and tells them', async () => {
        const { ledger, now, registered, expectInvariants } = await setup(eventWith({}));
        const people = [];
        for (let n = 1; n <= 6; n++) people.push(await registered(person(n, [1 + (n % 4), 5 + (n % 5)])));
        const result = await ledger.setVenueCap({ key: 'v', at: now(), cap: 4 });
        expect(result.ok && result.bumped.map((r) => r.id)).toEqual([people[5]?.id, people[4]?.id]);
        expect(result.ok && result.bumped.every((r) => r.status === 'waitlisted')).toBe(true);
        expect(result.ok && result.promoted).toEqual([]);
        const bumpedEntries = (await ledger.list('pending')).filter((e) => e.kind === 'bumped');
        expect(bumpedEntries.map((e) => e.registration.id).sort()).toEqual([people[4]?.id, people[5]?.id].sort());
        expect(await ledger.get(people[5]?.id ?? '')).toMatchObject({ status: 'waitlisted', seq: people[5]?.seq });
        expect(await ledger.availability()).toMatchObject({ venueCap: 4, venueTaken: 4, waitlistLength: 2 });

        const again = await ledger.setVenueCap({ key: 'v', at: now(), cap: 4 });
        expect(again).toEqual(result);
        const lower = await ledger.setVenueCap({ key: 'v2', at: now(), cap: 3 });
        expect(lower.ok && lower.bumped.map((r) => r.id)).toEqual([people[3]?.id]);
        expect((await ledger.list('pending')).filter((e) => e.kind === 'bumped')).toHaveLength(3);
        await expectInvariants();
      });

      it('raising promotes the waiting list in arrival order, bumped ones by their original seq', async () => {
        const { ledger, now, registered, expectInvariants } = await setup(eventWith({ venue: 3 }));
        const a = await registered(person(1));
        const b = await registered(person(2));
        const c = await registered(person(3));
        const late = await registered(person(4), true);
        await ledger.setVenueCap({ key: 'low', at: now(), cap: 1 });
        expect((await ledger.snapshot()).registrations.filter((r) => r.status === 'waitlisted').map((r) => r.id)).toEqual([b.id, c.id, late.id]);
        const raised = await ledger.setVenueCap({ key: 'up', at: now(), cap: 3 });
        expect(raised.ok && raised.promoted.map((r) => r.id)).toEqual([b.id, c.id]);
        expect(raised.ok && raised.bumped).toEqual([]);
        expect((await ledger.get(late.id))?.status).toBe('waitlisted');
        expect((await ledger.get(a.id))?.status).toBe('confirmed');
        expect((await ledger.list('pending')).filter((e) => e.kind === 'promoted').map((e) => e.registration.id)).toEqual([b.id, c.id]);
        await expectInvariants();
      });

      it('can go to zero and back', async () => {
        const { ledger, now, registered, expectInvariants } = await setup(eventWith({}));
        const ids = [];
        for (let n = 1; n <= 3; n++) ids.push((await registered(person(n))).id);
        const zero = await ledger.setVenueCap({ key: 'zero', at: now(), cap: 0 });
        expect(zero.ok && zero.bumped.map((r) => r.id)).toEqual([...ids].reverse());
        await expectInvariants();
        const back = await ledger.setVenueCap({ key: 'back', at: now(), cap: 100 });
        expect(back.ok && back.promoted.map((r) => r.id)).toEqual(ids);
        await expectInvariants();
      });

      it('refuses a cap that is not a whole number of seats', async () => {
        const { ledger, now } = await setup(eventWith({}));
        expect(await ledger.setVenueCap({ key: 'a', at: now(), cap: -1 })).toEqual({ ok: false, reason: 'invalid_cap' });
        expect(await ledger.setVenueCap({ key: 'b', at: now(), cap: 2.5 })).toEqual({ ok: false, reason: 'invalid_cap' });
        expect((await ledger.availability()).venueCap).toBe(100);
      });
    });

    describe('setSessionCap', () => {
      it('lowering moves the latest holders of that session only to its waiting list, keeping their venue seat and other session', async () => {
        const { ledger, now, registered, expectInvariants, taken } = await setup(eventWith({ sessions: { 7: 2 } }));
        const a = await registered(person(1, [3, 5]));
        const other = await registered(person(2, [1, 5]));
        const b = await registered(person(3, [3, 7]));
        const c = await registered(person(4, [3, 7]));
        const waiting = await registered(person(5, [1, 7]), true);
        const result = await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 3, cap: 1 });
        expect(result.ok && result.bumped.map((r) => r.id)).toEqual([c.id, b.id]);
        expect(result.ok && result.promoted).toEqual([]);
        expect([await taken(3), await taken(7), (await ledger.availability()).venueTaken]).toEqual([1, 2, 5]);
        expect(await ledger.get(c.id)).toMatchObject({ status: 'confirmed', sessions: [7], waitingFor: [3] });
        expect(await ledger.get(waiting.id)).toMatchObject({ status: 'confirmed', sessions: [1], waitingFor: [7] });
        expect(await ledger.get(a.id)).toMatchObject({ status: 'confirmed', sessions: [3, 5] });
        expect((await ledger.get(other.id))?.status).toBe('confirmed');
        expect((await ledger.availability()).sessions.find((s) => s.sessionNumber === 3)).toMatchObject({ cap: 1, waiting: 2 });
        expect((await ledger.waitlists()).sessions.find((s) => s.sessionNumber === 3)?.registrationIds).toEqual([b.id, c.id]);
        const entries = (await ledger.list('pending')).slice(-2);
        expect(entries.map((e) => `${e.kind}:${e.registration.id}:${e.sessionNumber}`)).toEqual([`bumped:${c.id}:3`, `bumped:${b.id}:3`]);
        await expectInvariants();
      });

      it('raising promotes first come, first served, as far as seats go', async () => {
        const { ledger, now, registered, expectInvariants } = await setup(eventWith({ sessions: { 8: 1 } }));
        await registered(person(1, [1, 8]));
        const w1 = await registered(person(2, [2, 8]), true);
        const w2 = await registered(person(3, [3, 8]), true);
        const w3 = await registered(person(4, [4, 8]), true);
        const result = await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 8, cap: 3 });
        expect(result.ok && result.promoted.map((r) => r.id)).toEqual([w1.id, w2.id]);
        expect(await ledger.get(w1.id)).toMatchObject({ status: 'confirmed', sessions: [2, 8] });
        expect(await ledger.get(w3.id)).toMatchObject({ status: 'confirmed', sessions: [4], waitingFor: [8] });
        await expectInvariants();
      });

      it('refuses unknown sessions and bad caps', async () => {
        const { ledger, now } = await setup(eventWith({}));
        expect(await ledger.setSessionCap({ key: 'a', at: now(), sessionNumber: 10, cap: 5 })).toEqual({ ok: false, reason: 'invalid_session' });
        expect(await ledger.setSessionCap({ key: 'b', at: now(), sessionNumber: 1, cap: -3 })).toEqual({ ok: false, reason: 'invalid_cap' });
      });

      it('is idempotent by key: a retried lowering bumps nobody else', async () => {
        const { ledger, now, registered } = await setup(eventWith({}));
        for (let n = 1; n <= 4; n++) await registered(person(n, [4, 9]));
        const first = await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 4, cap: 2 });
        await ledger.setSessionCap({ key: 'up', at: now(), sessionNumber: 4, cap: 11 });
        const again = await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 4, cap: 2 });
        expect(again).toEqual(first);
        expect((await ledger.availability()).sessions.find((s) => s.sessionNumber === 4)).toMatchObject({ cap: 11, taken: 4 });
      });
    });

    describe('outbox entry ids', () => {
      it('are unique across commands and stable for a retried command', async () => {
        const { ledger, now, registered } = await setup(eventWith({ venue: 2 }));
        const a = await registered(person(1));
        await registered(person(2));
        await registered(person(3), true);
        await ledger.changeSession({ key: 'c', at: now(), registrationId: a.id, sessionNumber: 2 });
        await ledger.setVenueCap({ key: 'v', at: now(), cap: 1 });
        await ledger.setVenueCap({ key: 'v2', at: now(), cap: 3 });
        await ledger.cancel({ key: 'x', at: now(), registrationId: a.id });
        const ids = (await ledger.list('pending')).map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        await ledger.cancel({ key: 'x', at: now(), registrationId: a.id });
        await ledger.setVenueCap({ key: 'v', at: now(), cap: 1 });
        expect((await ledger.list('pending')).map((e) => e.id)).toEqual(ids);
      });
    });

    for (const lane of ['mail', 'chat:test'] as const) {
      describeOutboxContract(async () => {
        const made = await makeLedger(eventWith({}), { chatChannels: ['test'] });
        open.push(made.close);
        return made.ledger satisfies SeatLedger & Outbox;
      }, lane);
    }
  });
}
