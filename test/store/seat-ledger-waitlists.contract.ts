import { afterEach, describe, expect, it } from 'vitest';
import { findInvariantViolations, waitlistPlace, type EventData, type Registrant } from '../../src/core/index.ts';
import { eventWith, person, ticker, type MakeLedger } from './seat-ledger.fixtures.ts';

/** The contract of per-series choices and per-session waiting lists (issue 13), for every SeatLedger. */
export function describeWaitlistContract(name: string, makeLedger: MakeLedger): void {
  describe(`${name}: per-session waiting lists`, () => {
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
      const register = (registrant: Registrant, waitlistIfFull = false) => ledger.register({ key: key('reg'), at: now(), registrant, waitlistIfFull });
      const registered = async (registrant: Registrant, waitlistIfFull = false) => {
        const result = await register(registrant, waitlistIfFull);
        if (!result.ok) throw new Error(`setup registration refused: ${result.reason}`);
        return result.registration;
      };
      const expectInvariants = async () => expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
      const seats = async (n: number) => (await ledger.availability()).sessions.find((s) => s.sessionNumber === n);
      const series = (registrationId: string, seriesId: number, hold: number | null, wait: number | null) =>
        ledger.changeSeries({ key: key('series'), at: now(), registrationId, seriesId, hold, wait });
      return { ledger, now, key, register, registered, expectInvariants, seats, series };
    }

    it('holds session 9 and a fallback while waiting for full session 4; a cancel swaps the fallback for 4 in one step and names 4', async () => {
      const { ledger, now, registered, expectInvariants, seats } = await setup(eventWith({ sessions: { 4: 1 } }));
      const holder = await registered(person(1, [4, 8]));
      const twelfth = await registered(person(2, [2, 9], { waitingFor: [4] }));
      expect(twelfth).toMatchObject({ status: 'confirmed', sessions: [2, 9], waitingFor: [4] });
      expect(await seats(2)).toMatchObject({ taken: 1 });
      expect(await seats(4)).toMatchObject({ taken: 1, waiting: 1 });
      const cancelled = await ledger.cancel({ key: 'x', at: now(), registrationId: holder.id });
      expect(cancelled).toMatchObject({ ok: true, promoted: [{ id: twelfth.id, sessions: [4, 9] }] });
      expect(await ledger.get(twelfth.id)).not.toHaveProperty('waitingFor');
      expect([(await seats(2))?.taken, (await seats(4))?.taken, (await seats(4))?.waiting]).toEqual([0, 1, 0]);
      const promoted = (await ledger.list('pending')).at(-1);
      expect(promoted).toMatchObject({ kind: 'promoted', sessionNumber: 4, registration: { id: twelfth.id, sessions: [4, 9] } });
      await expectInvariants();
    });

    it('waits without a fallback, and holds a wanted session at once when it has a seat', async () => {
      const { registered, expectInvariants, seats } = await setup(eventWith({ sessions: { 4: 1 } }));
      await registered(person(1, [4, 8]));
      expect(await registered(person(2, [9], { waitingFor: [4] }))).toMatchObject({ sessions: [9], waitingFor: [4] });
      expect(await registered(person(3, [1, 9], { waitingFor: [7] }))).toMatchObject({ status: 'confirmed', sessions: [1, 7] });
      expect(await registered(person(4, [1, 9], { waitingFor: [7] }))).not.toHaveProperty('waitingFor');
      expect([(await seats(7))?.taken, (await seats(9))?.taken]).toEqual([2, 1]);
      await expectInvariants();
    });

    it('lets a series be skipped unless the event requires it', async () => {
      const free = await setup(eventWith({}));
      expect(await free.registered(person(1, [3]))).toMatchObject({ status: 'confirmed', sessions: [3] });
      expect(await free.registered(person(2, []))).toMatchObject({ status: 'confirmed', sessions: [] });
      expect((await free.ledger.availability()).venueTaken).toBe(2);
      await free.expectInvariants();
      const required = eventWith({});
      const strict = await setup({ ...required, series: required.series.map((s) => ({ ...s, required: s.id === 2 })) });
      expect(await strict.register(person(1, [3]))).toEqual({ ok: false, reason: 'invalid_sessions' });
      expect(await strict.registered(person(2, [3], { waitingFor: [9] }))).toMatchObject({ sessions: [3, 9] });
      const r = await strict.registered(person(3, [1, 5]));
      expect(await strict.series(r.id, 2, null, null)).toEqual({ ok: false, reason: 'series_required' });
      expect(await strict.series(r.id, 1, null, null)).toMatchObject({ ok: true, registration: { sessions: [5] } });
    });

    it('without waitlistIfFull refuses a full session to hold, also a full fallback; with it waits for it, or drops a full fallback', async () => {
      const { register, registered, expectInvariants } = await setup(eventWith({ sessions: { 3: 1, 4: 1 } }));
      await registered(person(1, [3, 5]));
      await registered(person(2, [4, 5]));
      expect(await register(person(3, [3, 5], { waitingFor: [] }))).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [3] });
      expect(await register(person(3, [3, 5], { waitingFor: [4] }))).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [3] });
      expect(await registered(person(3, [3, 5], { waitingFor: [4] }), true)).toMatchObject({ sessions: [5], waitingFor: [4] });
      await expectInvariants();
    });

    it('keeps each session waiting list first come first served, gives place numbers, and cascades a freed fallback', async () => {
      const { ledger, now, registered, expectInvariants, seats } = await setup(eventWith({ sessions: { 4: 1, 2: 1 } }));
      const holder = await registered(person(1, [4, 5]));
      const a = await registered(person(2, [2, 5], { waitingFor: [4] }));
      const b = await registered(person(3, [5], { waitingFor: [4] }));
      const c = await registered(person(4, [5], { waitingFor: [2] }));
      const lists = await ledger.waitlists();
      expect(lists.sessions.find((s) => s.sessionNumber === 4)?.registrationIds).toEqual([a.id, b.id]);
      expect([waitlistPlace(lists, b.id, 4), waitlistPlace(lists, c.id, 2), waitlistPlace(lists, c.id, 4), waitlistPlace(lists, c.id, null)]).toEqual([2, 1, null, null]);
      const result = await ledger.cancel({ key: 'x', at: now(), registrationId: holder.id });
      // a takes 4 and gives up 2, which c was waiting for; b stays first for 4.
      expect(result.ok && result.promoted.map((r) => `${r.id}:${r.sessions.join(',')}`)).toEqual([`${a.id}:4,5`, `${c.id}:2,5`]);
      expect((await ledger.list('pending')).slice(-2).map((e) => e.sessionNumber)).toEqual([4, 2]);
      expect(waitlistPlace(await ledger.waitlists(), b.id, 4)).toBe(1);
      expect([(await seats(2))?.taken, (await seats(4))?.taken]).toEqual([1, 1]);
      await expectInvariants();
    });

    it('a lowered session cap takes a fallback away without a second wait in that series', async () => {
      const { ledger, now, registered, expectInvariants } = await setup(eventWith({ sessions: { 4: 1 } }));
      await registered(person(1, [4, 5]));
      const first = await registered(person(2, [2, 5]));
      const fallback = await registered(person(3, [2, 5], { waitingFor: [4] }));
      const result = await ledger.setSessionCap({ key: 's', at: now(), sessionNumber: 2, cap: 1 });
      expect(result).toMatchObject({ ok: true, bumped: [{ id: fallback.id, sessions: [5], waitingFor: [4] }], promoted: [] });
      expect(await ledger.get(first.id)).toMatchObject({ sessions: [2, 5] });
      await expectInvariants();
    });

    it('a lowered venue cap sends the latest to the venue list, off the session lists, and a raise seats them again', async () => {
      const { ledger, now, registered, expectInvariants } = await setup(eventWith({ venue: 3, sessions: { 4: 1 } }));
      await registered(person(1, [4, 5]));
      await registered(person(2, [1, 5]));
      const waiting = await registered(person(3, [2, 5], { waitingFor: [4] }));
      const lowered = await ledger.setVenueCap({ key: 'v1', at: now(), cap: 2 });
      expect(lowered).toMatchObject({ ok: true, bumped: [{ id: waiting.id, status: 'waitlisted', sessions: [2, 5], waitingFor: [4] }] });
      expect((await ledger.waitlists()).sessions.find((s) => s.sessionNumber === 4)?.registrationIds).toEqual([]);
      expect(await ledger.waitlists()).toMatchObject({ venue: [waiting.id] });
      await expectInvariants();
      const raised = await ledger.setVenueCap({ key: 'v2', at: now(), cap: 3 });
      expect(raised).toMatchObject({ ok: true, promoted: [{ id: waiting.id, status: 'confirmed', sessions: [2, 5], waitingFor: [4] }] });
      await expectInvariants();
    });

    it('changeSeries: waits for a full session keeping a fallback, leaves the waiting list, switches, and refuses what does not fit', async () => {
      const { ledger, series, registered, expectInvariants, seats } = await setup(eventWith({ sessions: { 4: 1, 3: 1 } }));
      await registered(person(1, [4, 5]));
      await registered(person(2, [3, 5]));
      const r = await registered(person(3, [1, 5]));
      expect(await series(r.id, 1, 1, 4)).toMatchObject({ ok: true, registration: { sessions: [1, 5], waitingFor: [4] }, previousSessions: [1, 5] });
      expect((await ledger.list('pending')).at(-1)).toMatchObject({ kind: 'session_changed', registration: { waitingFor: [4] } });
      expect(await series(r.id, 1, 1, 4)).toEqual({ ok: false, reason: 'unchanged' });
      expect(await series(r.id, 1, 3, null)).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [3] });
      expect(await series(r.id, 1, 1, 6)).toEqual({ ok: false, reason: 'invalid_session' });
      expect(await series(r.id, 3, 1, null)).toEqual({ ok: false, reason: 'invalid_session' });
      expect(await series(r.id, 1, 4, 4)).toEqual({ ok: false, reason: 'invalid_session' });
      expect(await series('nobody', 1, 1, null)).toEqual({ ok: false, reason: 'not_found' });
      // Leave the waiting list, keep 1.
      expect(await series(r.id, 1, 1, null)).toMatchObject({ ok: true, registration: { sessions: [1, 5] } });
      expect((await seats(4))?.waiting).toBe(0);
      // Wait for 4 without a fallback: session 1 is given up.
      expect(await series(r.id, 1, null, 4)).toMatchObject({ ok: true, registration: { sessions: [5], waitingFor: [4] } });
      expect((await seats(1))?.taken).toBe(0);
      // Take another session instead: changeSession gives up the wait.
      expect(await ledger.changeSession({ key: 'c', at: new Date('2020-10-16T00:00:00Z'), registrationId: r.id, sessionNumber: 2 })).toMatchObject({
        ok: true,
        registration: { sessions: [2, 5] },
      });
      expect(await ledger.get(r.id)).not.toHaveProperty('waitingFor');
      // Asking to wait for a session with a seat holds it.
      expect(await series(r.id, 2, 5, 9)).toMatchObject({ ok: true, registration: { sessions: [2, 9] } });
      await expectInvariants();
    });
  });
}
