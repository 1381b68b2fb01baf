import type { Language } from '../core/index.ts';
import type { Reply } from './types.ts';

const texts = {
  nl: {
    busy: 'Ik ben je vorige bericht nog aan het verwerken. Probeer het zo meteen opnieuw.',
    failure: 'Sorry, er ging iets mis aan mijn kant. Er is niets gewijzigd; probeer het zo meteen opnieuw.',
  },
  en: {
    busy: 'I am still working on your previous message. Please try again in a moment.',
    failure: 'Sorry, something went wrong on my side. Nothing was changed; please try again in a moment.',
  },
} satisfies Record<Language, Record<string, string>>;

/** What the bot says when a turn cannot run now (another turn of the same user holds the lock). */
export function busyReply(lang: Language): Reply {
  return { text: texts[lang].busy };
}

/** What the bot says when infrastructure failed mid-turn: nothing was saved. */
export function failureReply(lang: Language): Reply {
  return { text: texts[lang].failure };
}
