import { describe, expect, it } from 'vitest';
import {
  checkCity,
  checkCountry,
  checkEmail,
  checkName,
  checkOrganisation,
  checkPhone,
  checkPostalCode,
  checkRegistrant,
  checkStreet,
  emailKey,
  fieldLimits,
  hasOneSessionPerSeries,
  tidy,
  type Registrant,
} from '../../src/core/index.ts';
import { netwerkdag } from '../store/seat-ledger.fixtures.ts';

const refused = (reason: string) => ({ ok: false, reason });
const accepted = (value: string) => ({ ok: true, value });

describe('names', () => {
  it.each([
    ['Jan', 'Jan'],
    ['Anne-Marie', 'Anne-Marie'],
    ["O'Brien", "O'Brien"],
    ['D’Hondt', 'D’Hondt'],
    ['Zoë', 'Zoë'],
    ['Đorđe', 'Đorđe'],
    ['J. R. R.', 'J. R. R.'],
    ['  jan   van   den  Broeck ', 'jan van den Broeck'],
    ['Jan\nPeeters', 'Jan Peeters'],
    ['e\u0301mile', 'Émile'],
    ['jan de smet', 'Jan De Smet'],
    ["anne-marie d'hondt", "Anne-Marie D'Hondt"],
  ])('accepts %j as %j', (raw, value) => {
    expect(checkName(raw)).toEqual(accepted(value));
  });

  it.each([
    ['', 'empty'],
    ['   \t ', 'empty'],
    ['<b>Jan</b>', 'invalid_characters'],
    ['<script>alert(1)</script>', 'invalid_characters'],
    ['[Jan](http://x.be)', 'invalid_characters'],
    ['*Jan*', 'invalid_characters'],
    ['Jan 😀', 'invalid_characters'],
    ['😀', 'invalid_characters'],
    ['Jan\u0000', 'invalid_characters'],
    ['Jan\u0007Peeters', 'invalid_characters'],
    ['Jan\u202eX', 'invalid_characters'],
    ['Jan\u200bPeeters', 'invalid_characters'],
    ['Jan2', 'invalid_characters'],
    ['-Jan', 'invalid_characters'],
    ["'", 'invalid_characters'],
    ['x'.repeat(fieldLimits.name + 1), 'too_long'],
    ['x'.repeat(10_000), 'too_long'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(checkName(raw)).toEqual(refused(reason));
  });

  it('accepts a name of exactly the limit', () => {
    expect(checkName('x'.repeat(fieldLimits.name)).ok).toBe(true);
  });
});

describe('e-mail addresses', () => {
  it('keeps the address as typed, trimmed, and compares it case-insensitively', () => {
    expect(checkEmail(' Jan.Peeters@Example.BE ')).toEqual(accepted('Jan.Peeters@Example.BE'));
    expect(emailKey(' Jan.Peeters@Example.BE ')).toBe(emailKey('jan.peeters@example.be'));
  });

  it.each([
    ['', 'empty'],
    ['jan', 'invalid_email'],
    ['jan@', 'invalid_email'],
    ['jan@@example.be', 'invalid_email'],
    ['jan @example.be', 'invalid_email'],
    ['jan@example', 'invalid_email'],
    ['<jan@example.be>', 'invalid_email'],
    ['jan@example.be\u0000', 'invalid_email'],
    [`${'a'.repeat(250)}@example.be`, 'too_long'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(checkEmail(raw)).toEqual(refused(reason));
  });
});

describe('phone numbers, normalised to E.164', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['0470-123456', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032 470 12 34 56', '+32470123456'],
    ['016 26 76 00', '+3216267600'],
    ['(016) 26 76 00', '+3216267600'],
    ['+31 6 12345678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('accepts %j as %s', (raw, value) => {
    expect(checkPhone(raw)).toEqual(accepted(value));
  });

  it.each([
    ['', 'empty'],
    ['12345', 'invalid_phone'],
    ['+32 470', 'invalid_phone'],
    ['abc', 'invalid_phone'],
    ['0470 12 34 5x', 'invalid_phone'],
    ['+32 470 12 34 56 78 90 12 34 56 78 90', 'too_long'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(checkPhone(raw)).toEqual(refused(reason));
  });
});

describe('shipping address', () => {
  it.each([
    ['3010', 'BE', '3010'],
    [' 1000 ', 'BE', '1000'],
    ['9999', 'BE', '9999'],
    ['1234 AB', 'NL', '1234 AB'],
    ['1234 ab', 'NL', '1234 AB'],
    ['75001', 'FR', '75001'],
    ['10115', 'DE', '10115'],
    ['1234', 'LU', '1234'],
  ])('accepts postal code %j in %s', (raw, country, value) => {
    expect(checkPostalCode(raw, country)).toEqual(accepted(value));
  });

  it.each([
    ['0999', 'BE'],
    ['301', 'BE'],
    ['30100', 'BE'],
    ['abcd', 'BE'],
    ['3010 AB', 'BE'],
    ['1234', 'NL'],
    ['7500', 'FR'],
  ])('refuses postal code %j in %s (Belgian ones have 4 digits)', (raw, country) => {
    expect(checkPostalCode(raw, country)).toEqual(refused('invalid_postal_code'));
  });

  it('refuses an empty postal code', () => {
    expect(checkPostalCode(' ', 'BE')).toEqual(refused('empty'));
  });

  it.each([
    ['België', 'BE'],
    ['BELGIË', 'BE'],
    ['belgie', 'BE'],
    ['Belgium', 'BE'],
    ['Belgique', 'BE'],
    ['be', 'BE'],
    ['Nederland', 'NL'],
    ['The Netherlands', 'NL'],
    ['Frankrijk', 'FR'],
    ['Duitsland', 'DE'],
    ['Luxemburg', 'LU'],
  ])('reads country %j as %s', (raw, code) => {
    expect(checkCountry(raw)).toEqual(accepted(code));
  });

  it('refuses unknown and empty countries', () => {
    expect(checkCountry('Narnia')).toEqual(refused('invalid_country'));
    expect(checkCountry('')).toEqual(refused('empty'));
  });

  it('needs a house number in the street', () => {
    expect(checkStreet('Provincieplein 1')).toEqual(accepted('Provincieplein 1'));
    expect(checkStreet('Kerkstraat 12 bus 3')).toEqual(accepted('Kerkstraat 12 bus 3'));
    expect(checkStreet('Rue de la Loi 16')).toEqual(accepted('Rue de la Loi 16'));
    expect(checkStreet('Provincieplein')).toEqual(refused('needs_house_number'));
    expect(checkStreet('<b>Kerkstraat</b> 1')).toEqual(refused('invalid_characters'));
    expect(checkStreet(`Kerkstraat ${'1'.repeat(fieldLimits.street)}`)).toEqual(refused('too_long'));
  });

  it('checks the city', () => {
    expect(checkCity('Sint-Pieters-Leeuw')).toEqual(accepted('Sint-Pieters-Leeuw'));
    expect(checkCity('')).toEqual(refused('empty'));
    expect(checkCity('Leuven {x}')).toEqual(refused('invalid_characters'));
  });
});

describe('organisations', () => {
  it.each(['Overheidsdienst, bedrijf, vereniging', 'VZW De Kringwinkel & Co.', 'OCMW/Stad Leuven', 'Provincie Vlaams-Brabant (dienst economie)'])('accepts %j', (raw) => {
    expect(checkOrganisation(raw)).toEqual(accepted(raw));
  });

  it.each([
    ['', 'empty'],
    ['Org_1', 'invalid_characters'],
    ['A*B', 'invalid_characters'],
    ['<i>VZW</i>', 'invalid_characters'],
    ['VZW 🚀', 'invalid_characters'],
    ['x'.repeat(fieldLimits.organisation + 1), 'too_long'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(checkOrganisation(raw)).toEqual(refused(reason));
  });
});

describe('tidy', () => {
  it('folds white space, trims and normalises to NFC', () => {
    expect(tidy('  a \t\n b  ')).toBe('a b');
    expect(tidy('e\u0301')).toBe('é');
  });
});

describe('a whole registration', () => {
  const open = new Date('2020-10-15T07:00:00Z');
  const registrant: Registrant = {
    firstName: 'An',
    lastName: 'Peeters',
    email: 'an.peeters@leuven.be',
    phone: '+32470123456',
    organisation: 'Stad Leuven',
    organisationType: 'local_government',
    sessions: [1, 5],
    book: { shippingAddress: { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' } },
    language: 'nl',
    owner: 'console:an',
  };

  it('accepts a complete, valid registration', () => {
    expect(checkRegistrant(netwerkdag, registrant, open)).toEqual({ ok: true });
    expect(checkRegistrant(netwerkdag, { ...registrant, book: null }, open)).toEqual({ ok: true });
  });

  it('names the field that is wrong', () => {
    expect(checkRegistrant(netwerkdag, { ...registrant, email: 'an@' }, open)).toEqual({ ok: false, reason: 'invalid_field', field: 'email', problem: 'invalid_email' });
    expect(checkRegistrant(netwerkdag, { ...registrant, lastName: '<b>x</b>' }, open)).toEqual({ ok: false, reason: 'invalid_field', field: 'lastName', problem: 'invalid_characters' });
    expect(checkRegistrant(netwerkdag, { ...registrant, phone: '123' }, open)).toEqual({ ok: false, reason: 'invalid_field', field: 'phone', problem: 'invalid_phone' });
    const badPostalCode = { shippingAddress: { street: 'Provincieplein 1', postalCode: '301', city: 'Leuven', country: 'BE' } };
    expect(checkRegistrant(netwerkdag, { ...registrant, book: badPostalCode }, open)).toEqual({ ok: false, reason: 'invalid_field', field: 'shippingAddress', problem: 'invalid_postal_code' });
  });

  it('needs exactly one existing session per series, in series order', () => {
    expect(checkRegistrant(netwerkdag, { ...registrant, sessions: [1, 2] }, open)).toEqual({ ok: false, reason: 'invalid_sessions' });
    for (const sessions of [[1, 5], [4, 9], [2, 8]]) expect(hasOneSessionPerSeries(netwerkdag, sessions)).toBe(true);
    for (const sessions of [[1], [1, 2], [5, 1], [1, 10], [0, 5], [1, 5, 6], []]) expect(hasOneSessionPerSeries(netwerkdag, sessions)).toBe(false);
  });

  it('is closed after the closing day', () => {
    expect(checkRegistrant(netwerkdag, registrant, new Date('2020-10-22T22:00:00Z'))).toEqual({ ok: false, reason: 'registration_closed' });
  });
});
