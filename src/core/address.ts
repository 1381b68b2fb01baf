import { getCountries } from 'libphonenumber-js/max';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { FieldResult } from './registration.ts';
import { tidy } from './text.ts';

/** Lower case, no diacritics or punctuation: the form country names are compared in. */
function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Names people use that Intl.DisplayNames does not give.
const extraCountryNames: ReadonlyArray<[string, string]> = [
  ['holland', 'NL'],
  ['the netherlands', 'NL'],
  ['nederland holland', 'NL'],
  ['belgie', 'BE'],
  ['uk', 'GB'],
  ['england', 'GB'],
  ['engeland', 'GB'],
  ['great britain', 'GB'],
  ['usa', 'US'],
  ['the united states', 'US'],
  ['groothertogdom luxemburg', 'LU'],
];

let countryIndex: Map<string, string> | null = null;

/**
 * Country names in Dutch, English, French and German (from the ICU data in Node, via
 * Intl.DisplayNames) and every ISO 3166 code that libphonenumber-js knows, folded, mapped to the
 * ISO alpha-2 code. Built once, on first use.
 */
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const names = ['nl', 'en', 'fr', 'de'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (const code of getCountries()) {
    index.set(code.toLowerCase(), code);
    for (const display of names) {
      const name = display.of(code);
      if (name) index.set(foldName(name), code);
    }
  }
  for (const [name, code] of extraCountryNames) index.set(name, code);
  countryIndex = index;
  return index;
}

/** Whether `code` is an ISO 3166 alpha-2 code Balie knows. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries().get(code.toLowerCase()) === code;
}

/** A country by name (Dutch, English, French or German) or ISO code, as ISO 3166 alpha-2. */
export function checkCountry(raw: string): FieldResult<string> {
  const value = foldName(tidy(raw));
  if (value.length === 0) return { ok: false, reason: 'empty' };
  const code = countries().get(value) ?? countries().get(value.replace(/^(?:the|het|de|la|le)\s+/u, ''));
  return code ? { ok: true, value: code } : { ok: false, reason: 'invalid_country' };
}

// Intl.DisplayNames costs far more to build than to use, and a summary names its country every turn.
const namesByLocale = new Map<string, Map<string, string>>();

/** A country's name in a language ("Nederland", "Netherlands"); the code when ICU has no name. */
export function countryName(code: string, locale: string): string {
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Map();
    namesByLocale.set(locale, names);
  }
  let name = names.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
    } catch {
      name = code;
    }
    if (isCountryCode(code)) names.set(code, name);
  }
  return name;
}

/**
 * Postal codes of the countries most registrants live in, stricter than a generic pattern (and
 * normalised: "1234ab" becomes "1234 AB"); every other country is checked by postcode-validator,
 * or by a loose pattern where it has none.
 */
const postalCodes: ReadonlyMap<string, { pattern: RegExp; normalise: (value: string) => string }> = new Map([
  ['BE', { pattern: /^[1-9]\d{3}$/, normalise: (v: string) => v }],
  ['NL', { pattern: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/, normalise: (v: string) => `${v.slice(0, 4)} ${v.slice(-2)}` }],
  ['FR', { pattern: /^(?:0[1-9]|[1-8]\d|9[0-8]) ?\d{3}$/, normalise: (v: string) => v.replace(' ', '') }],
  ['DE', { pattern: /^(?!00)\d{5}$/, normalise: (v: string) => v }],
  ['LU', { pattern: /^(?:L-?)?\d{4}$/, normalise: (v: string) => v.replace(/^L-?/, '') }],
]);

/** The client-side pattern (ECMAScript source) of a country's postal codes, for a one-screen form. */
export function postalCodePattern(country: string): string | null {
  return postalCodes.get(country)?.pattern.source ?? null;
}

/** A postal code for `country` (ISO alpha-2): Belgian ones have 4 digits (1000-9999), Dutch ones 1234 AB. */
export function checkPostalCode(raw: string, country: string): FieldResult<string> {
  const value = tidy(raw).toUpperCase();
  if (value.length === 0) return { ok: false, reason: 'empty' };
  if (value.length > 12) return { ok: false, reason: 'invalid_postal_code' };
  const known = postalCodes.get(country);
  if (known) return known.pattern.test(value) ? { ok: true, value: known.normalise(value) } : { ok: false, reason: 'invalid_postal_code' };
  const fits = isCountryCode(country) && postcodeValidatorExistsForCountry(country) ? postcodeValidator(value, country) : /^[A-Z0-9][A-Z0-9 -]{1,9}$/.test(value);
  return fits ? { ok: true, value } : { ok: false, reason: 'invalid_postal_code' };
}

/** The countries a postal code fits, among those Balie checks strictly (BE, NL, FR, DE, LU), in that order. */
export function countriesOfPostalCode(raw: string): string[] {
  const value = tidy(raw).toUpperCase();
  return [...postalCodes].filter(([, rule]) => rule.pattern.test(value)).map(([code]) => code);
}
