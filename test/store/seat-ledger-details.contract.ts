import { afterEach, describe, expect, it } from 'vitest';
import { findInvariantViolations, splitOwnRegistrations, type EventData, type Registrant } from '../../src/core/index.ts';
import { eventWith, person, ticker, type MakeLedger } from './seat-ledger.fixtures.ts';

const address = { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' };

/** The contract of updateDetails and findAllByOwner, for every SeatLedger (memory and Redis). */
export function describeDetailsContract(name: string, makeLedger: MakeLedger): void {
  describe(`${name}: details and owners contract`, () => {
    const open: Array<() => Promise<void>> = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    async function setup(event: EventData = eventWith({})) {
      const { ledger, close } = await makeLedger(event);
      open.push(close);
      const now = ticker();
      let keys = 0;
      const registered = async (registrant: Registrant, waitlistIfFull = false) => {
        const result = await ledger.register({ key: `reg-${++keys}`, at: now(), registrant, waitlistIfFull });
        if (!result.ok) throw new Error(`setup registration refused: ${result.reason}`);
        return result.registration;
      };
      const update = (registrationId: string, details: Parameters<typeof ledger.updateDetails>[0]['details'], key = `det-${++keys}`) =>
        ledger.updateDetails({ key, at: now(), registrationId, details });
      const expectInvariants = async () => expect(findInvariantViolations(event, await ledger.snapshot())).toEqual([]);
      return { ledger, now, registered, update, expectInvariants };
    }

    describe('updateDetails', () => {
      it('moves a registration to a new e-mail address, tells both addresses and moves no seat', async () => {
        const { ledger, now, registered, expectInvariants } = await setup();
        const record = await registered(person(1, [3, 7]));
        const seats = await ledger.availability();
        const at = now();
        const result = await ledger.updateDetails({ key: 'e1', at, registrationId: record.id, details: { email: ' Nieuw.Adres@Example.be ' } });
        const registration = { ...record, email: 'Nieuw.Adres@Example.be', updatedAt: at.toISOString() };
        expect(result).toEqual({ ok: true, registration, previousDetails: { email: 'persoon1@example.be', book: null } });
        expect(await ledger.availability()).toEqual(seats);
        expect(await ledger.get(record.id)).toEqual(registration);
        expect(await ledger.findByEmail('nieuw.adres@example.be')).toEqual(registration);
        expect(await ledger.findByEmail('persoon1@example.be')).toBeNull();
        const entries = (await ledger.list('pending')).filter((e) => e.kind !== 'confirmation');
        expect(entries.map((e) => [e.kind, e.registration.email, e.previousDetails?.email])).toEqual([
          ['details_changed', 'Nieuw.Adres@Example.be', 'persoon1@example.be'],
          ['old_email_notice', 'Nieuw.Adres@Example.be', 'persoon1@example.be'],
        ]);
        expect(entries[0]).toMatchObject({ id: `details:e1:details_changed:${record.id}`, createdAt: at.toISOString() });
        await expectInvariants();
      });

      it('keeps one registration per e-mail address, case-insensitively, also on change', async () => {
        const { ledger, registered, update } = await setup();
        const first = await registered(person(1));
        const second = await registered(person(2));
        const before = await ledger.snapshot();
        const pending = (await ledger.list('pending')).length;
        expect(await update(second.id, { email: 'PERSOON1@example.BE' })).toEqual({ ok: false, reason: 'email_taken', registrationId: first.id });
        expect(await ledger.snapshot()).toEqual(before);
        expect(await ledger.list('pending')).toHaveLength(pending);
        // Another spelling of one's own address is a change, but not a move: no notice to the "old" one.
        expect(await update(first.id, { email: 'Persoon1@Example.be' })).toMatchObject({ ok: true, registration: { email: 'Persoon1@Example.be' } });
        expect((await ledger.list('pending')).map((e) => e.kind)).toEqual(['confirmation', 'confirmation', 'details_changed']);
        // The address a registration left is free again; the one it took is not.
        expect(await update(second.id, { email: 'nieuw@example.be' })).toMatchObject({ ok: true });
        expect(await registered(person(3, [1, 5], { email: 'persoon2@example.be' }))).toMatchObject({ email: 'persoon2@example.be' });
        const taken = await ledger.register({ key: 'late', at: new Date(), registrant: person(4, [1, 5], { email: 'NIEUW@example.be' }), waitlistIfFull: false });
        expect(taken).toEqual({ ok: false, reason: 'email_taken', registrationId: second.id });
      });

      it('adds the book with its shipping address, changes the address and drops the book', async () => {
        const { ledger, registered, update } = await setup();
        const record = await registered(person(1));
        const added = await update(record.id, { book: { shippingAddress: address } });
        expect(added).toMatchObject({ ok: true, registration: { book: { shippingAddress: address }, email: record.email }, previousDetails: { email: record.email, book: null } });
        const moved = { ...address, street: 'Kerkstraat 12', postalCode: '3020', city: 'Herent' };
        expect(await update(record.id, { book: { shippingAddress: moved } })).toMatchObject({ ok: true, previousDetails: { book: { shippingAddress: address } } });
        expect(await update(record.id, { book: null })).toMatchObject({ ok: true, registration: { book: null }, previousDetails: { book: { shippingAddress: moved } } });
        expect((await ledger.get(record.id))?.book).toBeNull();
        const kinds = (await ledger.list('pending')).map((e) => e.kind);
        expect(kinds).toEqual(['confirmation', 'details_changed', 'details_changed', 'details_changed']);
      });

      it('refuses what is unknown, invalid or no change at all, changing nothing', async () => {
        const { ledger, registered, update } = await setup();
        const record = await registered(person(1, [1, 5], { book: { shippingAddress: address } }));
        const before = await ledger.snapshot();
        expect(await update('nope', { email: 'x@example.be' })).toEqual({ ok: false, reason: 'not_found' });
        for (const details of [{}, { email: 'geen adres' }, { email: '' }, { book: { shippingAddress: { ...address, postalCode: '30100' } } }, { book: { shippingAddress: { ...address, street: 'Zonder nummer' } } }]) {
          expect(await update(record.id, details)).toEqual({ ok: false, reason: 'invalid_details' });
        }
        expect(await update(record.id, { email: record.email })).toEqual({ ok: false, reason: 'unchanged' });
        expect(await update(record.id, { email: record.email, book: { shippingAddress: { ...address } } })).toEqual({ ok: false, reason: 'unchanged' });
        expect(await ledger.snapshot()).toEqual(before);
        expect(await ledger.list('pending')).toHaveLength(1);
      });

      it('is idempotent by key: a retry returns the first result and writes nothing more', async () => {
        const { ledger, now, registered } = await setup();
        const record = await registered(person(1));
        const command = { key: 'same', at: now(), registrationId: record.id, details: { email: 'een@example.be' } };
        const first = await ledger.updateDetails(command);
        await ledger.updateDetails({ key: 'later', at: now(), registrationId: record.id, details: { email: 'twee@example.be' } });
        const snapshot = await ledger.snapshot();
        const pending = await ledger.list('pending');
        expect(await ledger.updateDetails(command)).toEqual(first);
        expect(await ledger.snapshot()).toEqual(snapshot);
        expect(await ledger.list('pending')).toEqual(pending);
        expect(pending).toHaveLength(5);
      });

      it('leaves the first register result and its confirmation as they were', async () => {
        const { ledger, now } = await setup();
        const command = { key: 'r0', at: now(), registrant: person(1), waitlistIfFull: false };
        const first = await ledger.register(command);
        if (!first.ok) throw new Error('setup failed');
        await ledger.updateDetails({ key: 'd0', at: now(), registrationId: first.registration.id, details: { email: 'ander@example.be', book: { shippingAddress: address } } });
        expect(await ledger.register(command)).toEqual(first);
        const claimed = await ledger.lane('mail').claim('w', 10, 1000, now());
        expect(claimed.map((e) => [e.kind, e.registration.email, e.registration.book])).toEqual([
          ['confirmation', 'persoon1@example.be', null],
          ['details_changed', 'ander@example.be', { shippingAddress: address }],
          ['old_email_notice', 'ander@example.be', { shippingAddress: address }],
        ]);
      });

      it('works on the waiting list, and a promotion and a cancel then carry the new address', async () => {
        const { ledger, now, registered, update, expectInvariants } = await setup(eventWith({ venue: 1 }));
        const holder = await registered(person(1, [4, 5]));
        const waiting = await registered(person(2, [4, 5]), true);
        expect(await update(waiting.id, { email: 'wacht@example.be' })).toMatchObject({ ok: true, registration: { status: 'waitlisted', seq: waiting.seq } });
        const cancelled = await ledger.cancel({ key: 'x', at: now(), registrationId: holder.id });
        expect(cancelled).toMatchObject({ ok: true, promoted: [{ id: waiting.id, email: 'wacht@example.be', status: 'confirmed' }] });
        expect(await ledger.cancel({ key: 'y', at: now(), registrationId: waiting.id })).toMatchObject({ ok: true, cancelled: { email: 'wacht@example.be' } });
        expect(await ledger.findByEmail('wacht@example.be')).toBeNull();
        expect(await registered(person(3, [4, 5], { email: 'wacht@example.be' }))).toMatchObject({ status: 'confirmed' });
        await expectInvariants();
      });
    });

    describe('resendConfirmation', () => {
      it('writes the confirmation again once per key, changing nothing else', async () => {
        const { ledger, now, registered } = await setup();
        const record = await registered(person(1, [3, 7]));
        const before = await ledger.snapshot();
        const at = now();
        const first = await ledger.resendConfirmation({ key: 'r1', at, registrationId: record.id });
        expect(first).toEqual({ ok: true, registration: record });
        expect(await ledger.resendConfirmation({ key: 'r1', at: now(), registrationId: record.id })).toEqual(first);
        expect(await ledger.snapshot()).toEqual(before);
        const entries = (await ledger.list('pending')).filter((e) => e.id.startsWith('resend:'));
        expect(entries.map((e) => [e.id, e.kind, e.registration.email, e.createdAt])).toEqual([[`resend:r1:confirmation:${record.id}`, 'confirmation', 'persoon1@example.be', at.toISOString()]]);
        expect(await ledger.resendConfirmation({ key: 'r2', at: now(), registrationId: 'nobody' })).toEqual({ ok: false, reason: 'not_found' });
      });
    });

    describe('findAllByOwner', () => {
      it('returns every registration of an owner in seq order, their own and the ones for others, and [] for none', async () => {
        const { ledger, now, registered } = await setup();
        const own = await registered(person(1, [1, 5], { owner: 'test:ann' }));
        const colleague = await registered(person(2, [2, 6], { owner: 'test:ann', forSomeoneElse: true }));
        await registered(person(3, [1, 5], { owner: 'test:bert' }));
        const another = await registered(person(4, [3, 7], { owner: 'test:ann', forSomeoneElse: true }));
        expect(colleague).toMatchObject({ forSomeoneElse: true });
        expect(own).not.toHaveProperty('forSomeoneElse');
        const all = await ledger.findAllByOwner('test:ann');
        expect(all).toEqual([own, colleague, another]);
        expect(splitOwnRegistrations(all)).toEqual({ own, forOthers: [colleague, another] });
        expect(await ledger.findAllByOwner('test:nobody')).toEqual([]);
        await ledger.cancel({ key: 'x', at: now(), registrationId: own.id });
        expect((await ledger.findAllByOwner('test:ann')).map((r) => r.id)).toEqual([colleague.id, another.id]);
        const again = await registered(person(5, [1, 5], { owner: 'test:ann' }));
        expect((await ledger.findAllByOwner('test:ann')).map((r) => r.id)).toEqual([colleague.id, another.id, again.id]);
        expect(splitOwnRegistrations(await ledger.findAllByOwner('test:ann')).own?.id).toBe(again.id);
      });
    });
  });
}
