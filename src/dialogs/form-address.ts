import { checkCountry, checkPostalCode, countriesOfPostalCode, tidy } from '../core/index.ts';

/** The parts of a shipping address found in a message, as typed (the field checkers still run on them). */
export interface AddressParts {
  street?: string;
  postalCode?: string;
  city?: string;
  /** ISO code, named or inferred from the postal code's format. */
  country?: string;
  /** Whether the country was inferred (a Belgian or Dutch postal code) rather than typed. */
  countryInferred?: boolean;
}

// "3000 Leuven", "1234 AB Utrecht", "75002 Paris", "L-1234 Luxembourg", "B-3000 Leuven".
const postalThenCity = /^(?:(?:[A-Z]{1,2})-)?(\d{4} ?[A-Z]{2}(?=\s)|\d{4,5}|\d{2} \d{3})\s+(?![A-Z]{2}$)(\p{L}[\p{L}\p{M} .'’()-]+)$/u;
// "Kerkstraat 12 3000 Leuven", "Kerkstraat 12 bus 3 3000 Leuven" on one line without commas.
const streetPostalCity = /^(\p{L}[\p{L}\p{M}\d .'’/-]*?\s\d+\s?[a-zA-Z]?(?:\s(?:bus|box|b)\s?\d+\w?)?)\s+((?:(?:[A-Z]{1,2})-)?(?:\d{4} ?[A-Z]{2}(?=\s)|\d{4,5}))\s+(?![A-Z]{2}$)(\p{L}[\p{L}\p{M} .'’()-]+)$/u;
// "12 rue de la Paix", "Provincieplein 1", "Kerkstraat 12 bus 3", "Hauptstraße 5a".
const streetLike = /^(?:\d+\w?,?\s+\p{L}[\p{L}\p{M} .'’-]+|\p{L}[\p{L}\p{M}\d .'’/-]*\s\d+\s?[a-zA-Z]?(?:\s(?:bus|box|b)\s?\d+\w?)?)$/u;

const frenchStreet = /\b(?:rue|avenue|boulevard|chemin|impasse|allée|place|quai|route)\b/iu;
const germanStreet = /(?:straße|strasse|gasse|weg|allee|platz|ring)\b/iu;

/** Whether a piece of text looks like a street with a house number. */
export function looksLikeStreet(text: string): boolean {
  return streetLike.test(tidy(text));
}

/**
 * A whole address in one line ("Kerkstraat 12, 3000 Leuven", "Dorpsstraat 5, 1234 AB Utrecht,
 * Nederland", "12 rue de la Paix, 75002 Paris"), split into its parts; null when no postal code
 * followed by a place is found. Without a country, a Belgian (4 digits) or Dutch (1234 AB) code
 * gives it, and a five-digit code with a French or German street word gives FR or DE.
 */
export function parseAddressLine(text: string): AddressParts | null {
  const segments = text.split(/\s*[,;\n]\s*/u).map(tidy).filter(Boolean);
  let found: AddressParts | null = null;
  for (let i = 0; i < segments.length && !found; i++) {
    const segment = segments[i] as string;
    const combined = streetPostalCity.exec(segment);
    const place = combined ? null : postalThenCity.exec(segment);
    const before = segments[i - 1];
    if (combined) found = { street: combined[1], postalCode: combined[2], city: combined[3] };
    else if (place) found = { ...(before && looksLikeStreet(before) ? { street: before } : {}), postalCode: place[1], city: place[2] };
  }
  found ??= placeBeforeCountry(segments);
  if (!found) return null;
  if (found.country) return found;
  const city = found.city ?? '';
  const after = segments[segments.findIndex((segment) => segment.endsWith(city)) + 1];
  const named = after ? checkCountry(after) : null;
  // "… Leuven België" on one line: the last word of the place may be the country.
  const lastWord = /^(.+)\s(\p{L}+)$/u.exec(found.city ?? '');
  const trailing = !named?.ok && lastWord ? checkCountry(lastWord[2] as string) : null;
  if (named?.ok) return { ...found, country: named.value };
  if (trailing?.ok && lastWord) return { ...found, city: lastWord[1], country: trailing.value };
  return { ...found, ...inferredCountry(found) };
}

/**
 * "10 Downing Street, SW1A 2AA London, UK": where the country is named after the place, its postal
 * code is found by that country's pattern (for the countries beyond the five read above).
 */
function placeBeforeCountry(segments: string[]): AddressParts | null {
  for (let i = 0; i + 1 < segments.length; i++) {
    const country = checkCountry(segments[i + 1] as string);
    if (!country.ok) continue;
    const words = (segments[i] as string).split(' ');
    // The code before the place ("SW1A 2AA London") or after it ("London SW1A 2AA").
    for (const size of [1, 2, 3]) {
      for (const [code, city] of [
        [words.slice(0, size).join(' '), words.slice(size).join(' ')],
        [words.slice(-size).join(' '), words.slice(0, -size).join(' ')],
      ] as const) {
        if (city && /\d/.test(code) && checkPostalCode(code, country.value).ok) {
          const before = segments[i - 1];
          return { ...(before && looksLikeStreet(before) ? { street: before } : {}), postalCode: code, city, country: country.value };
        }
      }
    }
  }
  return null;
}

function inferredCountry(parts: AddressParts): Pick<AddressParts, 'country' | 'countryInferred'> {
  const code = (parts.postalCode ?? '').replace(/^[A-Z]{1,2}-/, '');
  const fits = countriesOfPostalCode(code);
  if (fits.includes('NL') && /[A-Z]{2}$/.test(code)) return { country: 'NL', countryInferred: true };
  if (/^\d{4}$/.test(code) && fits.includes('BE')) return { country: 'BE', countryInferred: true };
  if (/^\d{5}$/.test(code)) {
    if (frenchStreet.test(parts.street ?? '')) return { country: 'FR', countryInferred: true };
    if (germanStreet.test(parts.street ?? '')) return { country: 'DE', countryInferred: true };
  }
  return {};
}
