import type { OrganisationType } from '../core/index.ts';
import { normalise, yesNo } from './choices.ts';
import type { Speech } from './render.ts';
import type { FieldId } from './state.ts';

/** What a typed organisation says: the answers to note, a refusal, or null for a plain name. */
export type OrganisationReading = { answers: Array<[FieldId, string]> } | { refused: string } | null;

// "ik ben zelfstandige", "freelancer", "self-employed": no organisation, the type "other".
const selfEmployed = /^(?:(?:ik ben|i am|i m|als|as an?|an?)\s+)?(?:zelfstandige?|zelfstandig ondernemer|freelancer|freelance|self ?employed|zzp ?er|zzp|eenmanszaak|independent|consultant)$/u;
// "zelfde organisatie als ik", "dezelfde als mij", "same as me", "idem".
const sameAsMine = /^(?:idem|(?:de|het|the)?\s*(?:zelfde|same)\b.*)$/u;
// Words of a sentence, not of an organisation's name ("no I don't need it", "weet ik niet").
const sentenceWords = new Set(['ik', 'i', 'me', 'mij', 'mijn', 'my', 'jij', 'you', 'dont', 'don', 'niet', 'not', 'weet', 'know', 'need', 'nodig', 'wil', 'want', 'waarom', 'why', 'hoeft', 'snap', 'understand']);

/** "ik ben zelfstandige", "freelancer": someone without an organisation to name. */
export function isSelfEmployed(text: string): boolean {
  return selfEmployed.test(normalise(text));
}

/**
 * Reads an answer to the organisation question: "zelfstandige" is noted as the type "other"
 * (a self-employed person has no organisation to name); "zelfde organisatie als ik" in a
 * colleague's form is the registrar's organisation (`mine`), else asked again; a yes, a no or a
 * sentence is no organisation's name.
 */
export function readOrganisation(text: string, s: Speech, mine?: { organisation: string; organisationType: OrganisationType } | null): OrganisationReading {
  const n = normalise(text);
  if (isSelfEmployed(text)) return { answers: [['organisation', s.m.reading.selfEmployed], ['organisationType', 'other']] };
  if (sameAsMine.test(n)) return mine ? { answers: [['organisation', mine.organisation], ['organisationType', mine.organisationType]] } : { refused: s.m.reading.sameOrganisationUnknown };
  if (yesNo(text) !== null || /^(?:ja|nee|neen|yes|no|nope|ok)\b/u.test(n) || n.split(' ').some((word) => sentenceWords.has(word))) return { refused: s.m.reading.notAnOrganisation };
  return null;
}

const organisationWords = 'gemeente|stad|ocmw|provincie|vzw|vdab|dienst|organisatie|bedrijf|firma|hogeschool|universiteit|school|city|municipality|council|university|company|province|agency';
const nameThenOrganisation = new RegExp(`^(\\p{L}[\\p{L}\\p{M}'’. -]*?)\\s+(?:van|bij|namens|from|at|of)\\s+(?:(?:de|het|the)\\s+)?((?:${organisationWords})\\b.*)$`, 'iu');

/** "Ann Peeters van de gemeente Leuven": the name and the organisation ("Gemeente Leuven"), or null. */
export function splitNameAndOrganisation(text: string): { name: string; organisation: string } | null {
  const match = nameThenOrganisation.exec(text.trim());
  if (!match?.[1] || !match[2] || match[1].split(' ').length > 4) return null;
  const organisation = match[2];
  return { name: match[1], organisation: organisation.charAt(0).toLocaleUpperCase('nl') + organisation.slice(1) };
}
