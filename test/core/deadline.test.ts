import { describe, expect, it } from 'vitest';
import { endOfDay, fixedClock, isRegistrationOpen, registrationDeadline, zonedTime, zoneOffsetMinutes } from '../../src/core/index.ts';
import { eventWith, netwerkdag } from '../store/seat-ledger.fixtures.ts';

describe('the registration deadline: the whole of 22 October 2020 counts, Europe/Brussels', () => {
  it('is midnight at the end of 22 October in Brussels (summer time, UTC+2)', () => {
    expect(registrationDeadline(netwerkdag).toISOString()).toBe('2020-10-22T22:00:00.000Z');
  });

  it('is open at 22 October 23:59 Brussels and closed at 23 October 00:00', () => {
    expect(isRegistrationOpen(netwerkdag, zonedTime('2020-10-22', '23:59', 'Europe/Brussels'))).toBe(true);
    expect(isRegistrationOpen(netwerkdag, new Date('2020-10-22T21:59:59.999Z'))).toBe(true);
    expect(isRegistrationOpen(netwerkdag, zonedTime('2020-10-23', '00:00', 'Europe/Brussels'))).toBe(false);
    expect(isRegistrationOpen(netwerkdag, new Date('2020-10-29T11:00:00Z'))).toBe(false);
    expect(isRegistrationOpen(netwerkdag, fixedClock(new Date('2020-10-15T07:00:00Z')).now())).toBe(true);
  });

  it('follows the event time zone and the clock change', () => {
    // The clocks went back on 25 October 2020: that day ends at 23:00 UTC, not 22:00.
    expect(registrationDeadline({ ...eventWith({}), registrationCloses: '2020-10-25' }).toISOString()).toBe('2020-10-25T23:00:00.000Z');
    expect(registrationDeadline({ ...eventWith({}), timezone: 'UTC' }).toISOString()).toBe('2020-10-23T00:00:00.000Z');
    expect(endOfDay('2020-12-31', 'Europe/Brussels').toISOString()).toBe('2020-12-31T23:00:00.000Z');
  });
});

describe('zoned times', () => {
  it('converts Brussels wall-clock times to UTC on both sides of the clock change', () => {
    expect(zonedTime('2020-10-24', '13:30', 'Europe/Brussels').toISOString()).toBe('2020-10-24T11:30:00.000Z');
    expect(zonedTime('2020-10-29', '13:30', 'Europe/Brussels').toISOString()).toBe('2020-10-29T12:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2020-07-01T12:00:00Z'), 'Europe/Brussels')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2020-12-01T12:00:00Z'), 'Europe/Brussels')).toBe(60);
  });

  it('pins a clock', () => {
    const at = new Date('2020-10-15T07:00:00Z');
    const clock = fixedClock(at);
    const first = clock.now();
    first.setFullYear(2030);
    expect(clock.now().toISOString()).toBe(at.toISOString());
  });
});
