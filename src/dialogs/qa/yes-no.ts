import { StemmerNl } from '@nlpjs/lang-nl';
import { findSession, isRegistrationOpen, type EventData } from '../../core/index.ts';
import { seatsOf, type AnswerScope } from './compose.ts';
import type { Found } from './entities.ts';
import { dutchStopwords, fold, tokenize } from './text.ts';
import type { Intent } from './training.ts';

const openers = new Set(['is', 'zijn', 'ben', 'kan', 'kun', 'kunnen', 'mag', 'mogen', 'moet', 'moeten', 'heb', 'heeft', 'hebben', 'krijg', 'krijgen', 'komt', 'komen', 'wordt',
  'worden', 'gaat', 'gaan', 'zal', 'zullen', 'zou', 'doet', 'doen', 'spreekt', 'geeft', 'zit', 'zitten', 'ligt', 'begint', 'eindigt', 'duurt', 'loopt', 'start', 'bestaat',
  'staat', 'vindt', 'valt', 'blijft', 'hoort', 'telt', 'past', 'kost', 'are', 'am', 'can', 'could', 'do', 'does', 'did', 'will', 'would', 'may', 'might', 'must', 'should',
  'has', 'have', 'shall', 'was', 'were']);
const fillers = new Set(['en', 'maar', 'dus', 'zeg', 'hey', 'hallo', 'hoi', 'ok', 'oke', 'so', 'and', 'but', 'btw', 'oh', 'hi', 'hello', 'sorry', 'euh', 'uhm', 'nog', 'even', 'vraagje']);
const questionWords = /\b(?:wat|wie|waar|wanneer|hoe|welke|welk|hoeveel|waarom|waarover|waarmee|what|who|where|when|how|which|why|whom)\b/u;
// "in oktober of in november", "online or on site": a choice, not a yes or no.
const alternatives = /\b(?:of|or)\b/u;
const tags = /,?\s*(?:toch|right|klopt dat|juist|correct|niet|isn t it|is it not)\s*\??\s*$/u;

/** Whether a question wants a yes or a no: it opens with a verb ("is het boek verplicht?", "can I ...") and asks no question word. */
export function isYesNo(folded: string): boolean {
  if (tags.test(folded)) return true;
  const words = tokenize(folded);
  const first = words.find((w) => !fillers.has(w));
  return first !== undefined && openers.has(first) && !questionWords.test(folded) && !alternatives.test(folded);
}

/** Why the answer is what it is, when the facts after it do not say so plainly. */
export type Reason = 'bookOptional' | null;

/** A yes or a no, with an optional reason said with it. */
export interface Verdict {
  yes: boolean;
  reason: Reason;
}

const months: Record<string, number> = { januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, maart: 3, march: 3, mrt: 3, april: 4, apr: 4, mei: 5, may: 5,
  juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, augustus: 8, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12 };
const datePattern = new RegExp(`\\b(\\d{1,2})\\s*(?:e|ste|de|th|st|nd|rd)?\\s+(${Object.keys(months).join('|')})\\b`, 'u');
const monthPattern = new RegExp(`\\b(${Object.keys(months).join('|')})\\b`, 'u');
const weekdays: Record<string, number> = { zondag: 0, sunday: 0, maandag: 1, monday: 1, dinsdag: 2, tuesday: 2, woensdag: 3, wednesday: 3, donderdag: 4, thursday: 4, vrijdag: 5, friday: 5, zaterdag: 6, saturday: 6 };
const weekdayPattern = new RegExp(`\\b(${Object.keys(weekdays).join('|')})\\b`, 'u');

const has = (folded: string, pattern: RegExp): boolean => pattern.test(folded);

/**
 * The yes or no to a yes/no question, from the event file and the live counters, for the intent
 * the answer is about; null when the facts do not settle it (then the answer says no yes or no).
 */
export function verdictOf(intent: Intent | null, folded: string, found: Found, scope: AnswerScope): Verdict | null {
  const { event } = scope;
  const plain = (yes: boolean | null): Verdict | null => (yes === null ? null : { yes, reason: null });
  switch (intent) {
    case 'price':
      if (has(folded, /\b(?:gratis|free|kosteloos|for nothing)\b/u)) return plain(event.price === 'free');
      if (has(folded, /\b(?:betalen|betalend|betaald|pay|paid|kost|kosten|cost|costs|fee|prijs|price|bijdrage)\b/u)) return plain(event.price !== 'free');
      return null;
    case 'book': {
      if (!event.book) return plain(false);
      if (has(folded, /\b(?:verplicht|verplichting|mandatory|required|compulsory|obligatory|moet ik|moeten we|have to|need to|must i|nodig om)\b/u) && !has(folded, /\b(?:adres|address|verzend\w*|shipping)\b/u)) {
        return { yes: false, reason: 'bookOptional' };
      }
      if (has(folded, /\b(?:gratis|free|kosteloos)\b/u)) return plain(false);
      if (has(folded, /\b(?:adres|address|verzendadres|shipping|opgestuurd|opsturen|verzonden|shipped|sent|gestuurd)\b/u)) return plain(event.book.shippingAddressRequired);
      if (has(folded, /\b(?:bestellen|bestel|order|kopen|koop|buy|purchase|krijgen|get)\b/u)) return plain(true);
      return null;
    }
    case 'deadline':
    case 'register': {
      const asked = dateIn(folded, event);
      if (asked && has(folded, /\b(?:inschrijven|inschrijving|registreren|register|registration|sign up|aanmelden|nog)\b/u)) return plain(asked <= event.registrationCloses);
      if (intent === 'register' && has(folded, /\b(?:bevestiging\w*|confirmation|mail|e-mail)\b/u)) return plain(true);
      if (has(folded, /\b(?:gesloten|dicht|closed|te laat|too late|voorbij|afgesloten)\b/u)) return plain(!scope.open);
      if (has(folded, /\b(?:nog|still|open)\b/u)) return plain(scope.open);
      return null;
    }
    case 'manage':
      return has(folded, /\b(?:annuleren|annuleer|cancel|wijzigen|wijzig|veranderen|change|switch|wisselen|andere)\b/u) ? plain(isRegistrationOpen(event, scope.now)) : null;
    case 'presentations':
      if (has(folded, /\b(?:online|digitaal|digital|livestream|stream|streamed|gestreamd|zoom|teams|remote|remotely|thuis|home|hybride|hybrid|virtual|virtueel|webinar)\b/u) && !has(folded, /\b(?:presentaties|slides|presentations)\b/u)) return plain(false);
      if (has(folded, /\b(?:presentaties|presentations|slides|nadien|achteraf|afterwards|beschikbaar|available)\b/u)) return plain(true);
      return null;
    case 'corona_relaxed':
      return has(folded, /\b(?:wachtlijst|waiting list|waitlist)\b/u) ? plain(true) : null;
    case 'partners': {
      const org = found.orgs[0];
      return org ? plain(org.partner) : null;
    }
    case 'one_per_series':
      return sessionsPerPerson(folded, event);
    case 'seats':
      return seats(folded, found, scope);
    case 'where':
      return where(folded, found, scope);
    case 'when':
      return when(folded, found, event);
    case 'who': {
      const speaker = found.speakers[0];
      const session = found.sessionNumbers[0];
      return speaker && session !== undefined ? plain(speaker.sessions.includes(session)) : null;
    }
    default: {
      // "spreekt Mieke Frans in sessie 8?", whatever else the classifier made of it.
      const speaker = found.speakers[0];
      const session = found.sessionNumbers[0];
      return speaker && session !== undefined && found.sessionNumbers.length === 1 ? plain(speaker.sessions.includes(session)) : null;
    }
  }
}

function dateIn(folded: string, event: EventData): string | null {
  const match = datePattern.exec(folded);
  if (!match) return null;
  const month = months[match[2] as string] as number;
  return `${event.date.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(Number(match[1])).padStart(2, '0')}`;
}

function sessionsPerPerson(folded: string, event: EventData): Verdict | null {
  const plain = (yes: boolean): Verdict => ({ yes, reason: null });
  if (has(folded, /\b(?:dezelfde reeks|zelfde reeks|same series|tegelijk|tegelijkertijd|at once|at the same time|simultaneously|alle|all)\b/u)) return plain(false);
  if (has(folded, /\b(?:beide reeksen|elke reeks|iedere reeks|both series|each series|every series)\b/u)) return plain(true);
  const count = /\b(twee|drie|vier|two|three|four|[2-9])\b/u.exec(folded)?.[1];
  if (count === undefined) return null;
  const n = { twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4 }[count] ?? Number(count);
  if (has(folded, /\b(?:reeks|series)\s*\d|\b(?:eerste|tweede|first|second)\s+(?:reeks|series)\b/u)) return plain(false);
  return plain(n <= event.series.length);
}

function seats(folded: string, found: Found, scope: AnswerScope): Verdict | null {
  const plain = (yes: boolean): Verdict => ({ yes, reason: null });
  if (has(folded, /\b(?:maximum|max|limiet|limit|beperkt|beperking|cap|capped|limited|plafond)\b/u)) return plain(true);
  const session = found.sessionNumbers.length === 1 ? findSession(scope.event, found.sessionNumbers[0] as number) : null;
  const free = session ? seatsOf(scope, session).free : Math.max(0, scope.availability.venueCap - scope.availability.venueTaken);
  if (has(folded, /\b(?:vol|volzet|volgeboekt|full|sold out|uitverkocht|fully booked|booked out)\b/u)) return plain(free === 0);
  if (has(folded, /\b(?:plaats|plaatsen|plek|plekje|plekken|ruimte|room|seats?|places?|spots?|vrij|free|available|nog|still|mee)\b/u)) return plain(free > 0);
  return null;
}

function where(folded: string, found: Found, scope: AnswerScope): Verdict | null {
  const session = found.sessionNumbers.length === 1 ? findSession(scope.event, found.sessionNumbers[0] as number) : null;
  if (session && found.rooms.length > 0) return { yes: found.rooms.includes(session.room), reason: null };
  // "is het in Brussel?": the place named after "in" either is the venue's or is not.
  const place = /\b(?:in|te|at|near|bij)\s+(?:de |het |the )?([\p{L}-]{3,})\s*\??$/u.exec(folded)?.[1];
  if (!place || dutchStopwords.has(place) || session) return null;
  const v = scope.event.venue;
  const venueWords = new Set(tokenize(`${v.name} ${v.shortName} ${v.street} ${v.city} ${v.country} ${v.postalCode}`));
  return { yes: venueWords.has(place) || tokenize(place).every((w) => venueWords.has(w)), reason: null };
}

const stem = new StemmerNl();

function when(folded: string, found: Found, event: EventData): Verdict | null {
  const plain = (yes: boolean): Verdict => ({ yes, reason: null });
  const date = dateIn(folded, event);
  if (date) return plain(date === event.date);
  const weekday = weekdayPattern.exec(folded)?.[1];
  if (weekday) return plain(new Date(`${event.date}T12:00:00Z`).getUTCDay() === weekdays[weekday]);
  const session = found.sessionNumbers.length === 1 ? findSession(event, found.sessionNumbers[0] as number) : null;
  const series = session ? event.series.find((s) => s.id === session.series) : null;
  const start = series?.start ?? event.hours.start;
  const end = series?.end ?? event.hours.end;
  if (/\b(?:namiddag|afternoon)\b/u.test(folded)) return plain(start >= '12:00');
  if (/\b(?:voormiddag|ochtend|morning)\b/u.test(folded)) return plain(end <= '12:00');
  const month = monthPattern.exec(folded)?.[1];
  if (month && !/\bmay i\b/u.test(folded)) return plain(Number(event.date.slice(5, 7)) === months[month]);
  if (found.time === null || found.timeRange !== null) return null;
  const verbs = tokenize(folded).map((w) => stem.stemWord(w));
  if (verbs.some((w) => /^(?:eindig|gedaan|end|finish|afgelop|stop)/u.test(w))) return plain(found.time === end);
  if (verbs.some((w) => /^(?:begin|start|aanvang|open)/u.test(w))) return plain(found.time === start);
  return null;
}

const negation = /\b(?:niet|geen|nooit|not|no|never)\b/u;

/**
 * A yes or a no read from the day's own sentences: when a sentence of the capacity policy (or
 * the other texts about the day) says what the question asks, nearly word for word, the answer
 * is yes unless one of the two denies it ("mag het aantal deelnemers overschreden worden?" meets
 * "Het aantal deelnemers per workshop mag niet overschreden worden"). Dutch only, as the texts are.
 */
export function statedVerdict(folded: string, event: EventData): { yes: boolean; sentence: string } | null {
  const asked = statementStems(folded);
  if (asked.size < 3) return null;
  for (const { sentence, said } of daySentences(event)) {
    const shared = [...asked].filter((w) => said.has(w)).length;
    if (shared >= 3 && shared >= 0.6 * asked.size) return { yes: negation.test(fold(sentence)) === negation.test(folded), sentence };
  }
  return null;
}

const statementStems = (text: string): Set<string> =>
  new Set(tokenize(text).filter((w) => w.length >= 3 && !dutchStopwords.has(w) && !negation.test(w)).map((w) => stem.stemWord(w)));

// The day's sentences with their stems, made once per event.
const sentencesOf = new WeakMap<EventData, Array<{ sentence: string; said: Set<string> }>>();
function daySentences(event: EventData): Array<{ sentence: string; said: Set<string> }> {
  let sentences = sentencesOf.get(event);
  if (!sentences) {
    sentences = [event.capacityPolicy, event.presentationsAfterwards].flatMap((text) => text.split(/(?<=[.!?])\s+/u)).map((s) => ({ sentence: s.trim(), said: statementStems(s) }));
    sentencesOf.set(event, sentences);
  }
  return sentences;
}
