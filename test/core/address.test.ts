import { describe, expect, it } from 'vitest';
import { checkCountry, checkPhone, checkPostalCode, countriesOfPostalCode, countryName, phoneCountryHint } from '../../src/core/index.ts';

describe('countries', () => {
  it.each([
    ['Zwitserland', 'CH'],
    ['Switzerland', 'CH'],
    ['Schweiz', 'CH'],
    ['Suisse', 'CH'],
    ['ch', 'CH'],
    ['Verenigd Koninkrijk', 'GB'],
    ['UK', 'GB'],
    ['Holland', 'NL'],
    ['Italië', 'IT'],
    ['Deutschland', 'DE'],
  ])('reads %j as %s (any country, by name in Dutch, English, French or German, or by ISO code)', (raw, code) => {
    expect(checkCountry(raw)).toEqual({ ok: true, value: code });
  });

  it('refuses built-in object names and unknown codes', () => {
    for (const raw of ['constructor', '__proto__', 'toString', 'XX', 'ZZ']) expect(checkCountry(raw)).toEqual({ ok: false, reason: 'invalid_country' });
  });

  it('names a country in the person’s language', () => {
    expect(countryName('NL', 'nl-BE')).toBe('Nederland');
    expect(countryName('CH', 'en-GB')).toBe('Switzerland');
  });
});

describe('postal codes per country', () => {
  it.each([
    ['8001', 'CH'],
    ['SW1A 1AA', 'GB'],
    ['00118', 'IT'],
    ['L-1660', 'LU'],
    ['75 002', 'FR'],
  ])('accepts %j in %s', (raw, country) => {
    expect(checkPostalCode(raw, country).ok).toBe(true);
  });

  it.each([
    ['800', 'CH'],
    ['12345', 'GB'],
    ['1234 SA', 'NL'],
    ['00999', 'DE'],
    ['99000', 'FR'],
  ])('refuses %j in %s', (raw, country) => {
    expect(checkPostalCode(raw, country)).toEqual({ ok: false, reason: 'invalid_postal_code' });
  });

  it('tells which of the countries Balie checks strictly a code fits', () => {
    expect(countriesOfPostalCode('3000')).toEqual(['BE', 'LU']);
    expect(countriesOfPostalCode('1234 AB')).toEqual(['NL']);
    expect(countriesOfPostalCode('75002')).toEqual(['FR', 'DE']);
  });
});

describe('phone numbers with a country hint', () => {
  it('reads a national number for the hinted country, then as Belgian', () => {
    expect(checkPhone('06 12345678', 'NL')).toEqual({ ok: true, value: '+31612345678' });
    expect(checkPhone('06 12345678')).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(checkPhone('0470 12 34 56', 'NL')).toEqual({ ok: true, value: '+32470123456' });
    expect(checkPhone('+49 30 123456', 'NL')).toEqual({ ok: true, value: '+4930123456' });
  });

  it('takes the hint from the address, else from the e-mail address’s country domain', () => {
    expect(phoneCountryHint({ country: 'FR', email: 'x@y.nl' })).toBe('FR');
    expect(phoneCountryHint({ email: 'sanne@voorbeeld.nl' })).toBe('NL');
    expect(phoneCountryHint({ email: 'sam@example.co.uk' })).toBe('GB');
    expect(phoneCountryHint({ email: 'ann@example.org' })).toBe('BE');
    expect(phoneCountryHint({ email: 'ann@europa.eu' })).toBe('BE');
  });
});
