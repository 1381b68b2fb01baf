import type { Language } from '../../core/index.ts';
import { englishUtterances } from './training-en.ts';
import { dutchUtterances } from './training-nl.ts';

/**
 * What a question asks about. The "aspect" intents (when, where, who, what, seats, list) are
 * answered for whatever the question names (a session, speaker, organisation, room, series,
 * time) or for the day itself; the others are about the day.
 */
export const intents = [
  'when',
  'where',
  'who',
  'what',
  'seats',
  'list',
  'price',
  'deadline',
  'audience',
  'corona_stricter',
  'corona_relaxed',
  'presentations',
  'contact',
  'book',
  'partners',
  'register',
  'one_per_series',
  'manage',
  'overview',
  'unknown_topic',
  'offtopic',
  'greeting',
] as const;
export type Intent = (typeof intents)[number];

/**
 * Hand-written training utterances. They name no session, speaker or room on purpose: those
 * are found by the entity search, and words the classifier never saw do not sway it.
 */
export const utterances: Record<Language, Partial<Record<Intent, string[]>>> = { nl: dutchUtterances, en: englishUtterances };

/**
 * Words that mark a question the event file cannot answer (parking, lunch, wifi, ...): such a
 * question gets the honest "I do not know" with the organiser's contact, whatever else it names.
 */
export const unknownTopicWords: ReadonlySet<string> = new Set(
  ('parking parkeren parkeerplaats parkeerplaatsen lunch middageten eten broodje broodjes maaltijd maaltijden koffie thee drank drankje ' +
    'drinken dranken receptie catering vegetarisch vegetarische veggie wifi internet wachtwoord rolstoel rolstoeltoegankelijk toegankelijk ' +
    'toegankelijkheid bewijs deelnameattest aanwezigheidsattest lift trein station bus tram fiets fietsenstalling auto attest certificaat getuigschrift dresscode kledij mondmasker ' +
    'mondkapje kinderopvang hotel overnachten overnachting hond huisdier vestiaire garderobe tolk vertaling vertaald engels frans taal ' +
    'pauze toilet toiletten wc collega meebrengen rookruimte roken ' +
    'menu transport vervoer openbaar public park food meal meals sandwich sandwiches coffee tea drinks beverages vegetarian vegan wheelchair accessible accessibility elevator ' +
    'train bus tram bike bicycle car certificate dress mask childcare hotel accommodation dog pet cloakroom interpreter ' +
    'translation english french language break toilets restroom colleague smoking factuur facturen invoice safe coronapas vaccinatiebewijs testbewijs sneltest vaccin vaccinatie').split(' '),
);
