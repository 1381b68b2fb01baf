import type { Language } from '../../core/index.ts';
import { en } from './en.ts';
import { nl, type Messages } from './nl.ts';

export type { FormField, Messages } from './nl.ts';

const catalogues: Record<Language, Messages> = { nl, en };

/** The catalogue of a language; Dutch is the default. */
export function messages(lang: Language): Messages {
  return catalogues[lang];
}
