import type { Session } from '../core/index.ts';
import { findSession } from '../core/index.ts';
import { normalise } from './choices.ts';
import { expand } from './qa/glossary.ts';
import type { Speech } from './render.ts';

/** Politeness and choosing words around an answer: "3 graag", "doe maar sessie 2", "I'll take 6 please". */
const fillerWords = /\b(?:graag|aub|alsjeblieft|alstublieft|please|pls|dan|maar|doe|ik kies|ik neem|ik wil|ik ga voor|ik zou|liefst|liever|i ll take|i take|i choose|i pick|i want|i d like|let s go with|go for|voor mij|for me|toch|wel|nummer|number|nr)\b/gu;

/** The answer without its politeness ("3 graag" -> "3"), for matching against options. */
export function withoutFiller(text: string): string {
  return normalise(text).replace(fillerWords, ' ').replace(/\s+/gu, ' ').trim();
}

/** A session number typed on its own, politely or not ("9", "sessie 9", "3 graag", "nummer 3"), or null. */
export function typedSessionNumber(text: string): number | null {
  const named = /^(?:(?:sessie|session|workshop)\s*)?(\d{1,3})$/u.exec(withoutFiller(text));
  return named ? Number(named[1]) : null;
}

const timePattern = /\b([01]?\d|2[0-3])\s*(?:[:.hu]|uur)\s*([0-5]\d)\b/gu;

/**
 * The session a message describes by its room and/or the time of its series ("Spoor 95" where
 * series 1 is asked, "die van 15:15 in spoor 95"). `series` is the series being asked: a room
 * alone is read within it. Null when the description fits no session or several.
 */
export function sessionByRoomOrTime(text: string, s: Speech, series: number | null): Session | null {
  const n = normalise(text);
  const raw = text.toLowerCase();
  const times = new Set<string>();
  for (const match of raw.matchAll(timePattern)) times.add(`${match[1]!.padStart(2, '0')}:${match[2]}`);
  const timed = s.event.series.filter((x) => times.has(x.start) || times.has(x.end)).map((x) => x.id);
  const rooms = s.event.sessions.filter((session) => ` ${n} `.includes(` ${normalise(session.room)} `));
  if (timed.length === 0 && rooms.length === 0) return null;
  let candidates = s.event.sessions;
  if (timed.length > 0) candidates = candidates.filter((session) => timed.includes(session.series));
  if (rooms.length > 0) candidates = candidates.filter((session) => rooms.includes(session));
  if (timed.length === 0 && series !== null && candidates.some((session) => session.series === series)) candidates = candidates.filter((session) => session.series === series);
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

// A message that describes what it chooses rather than asking something ("die over werkplekleren", "the one about ...").
const describing = /\b(?:over|about|rond|omtrent|on|the one|die|degene|welke gaat|ik kies|ik neem|i choose|i ll take|i take|i want|ik wil|liefst|interested in|interesse in)\b/u;
/** Words that make no pair of title words ("die van", "the one"). */
const pairStopWords = new Set(['die', 'van', 'het', 'een', 'over', 'about', 'the', 'one', 'rond', 'met', 'with', 'naar', 'voor', 'for', 'and', 'graag', 'please', 'sessie', 'session', 'workshop', 'degene', 'welke', 'which', 'kies', 'neem', 'choose', 'take', 'want', 'wil']);
const commonWords = new Set(['sessie', 'session', 'workshop', 'lokale', 'besturen', 'sociale', 'economie', 'local', 'about', 'would', 'graag', 'welke', 'which', 'there', 'their', 'where', 'waarom', 'zijn', 'voor', 'with', 'door', 'from', 'enkel', 'enkele', 'alleen', 'only', 'reeks', 'series', 'eerste', 'tweede', 'first', 'second', 'twijfel', 'tussen', 'between', 'liefst', 'maybe', 'misschien']);

/**
 * The session of `series` a message describes by words of its title (`part` 'title') or of its
 * title and description ('text'), English ones through the programme glossary ("the one about
 * workplace learning" -> werkplekleren). Only a word (or pair of words, "wijk werken") that fits
 * exactly one session of the series counts; a word fits where a word of the text starts with it,
 * so "werken" is in "wijk-werken", not in "samenwerken".
 */
export function sessionByWords(text: string, s: Speech, series: number, part: 'title' | 'text' = 'text'): Session | null {
  const n = normalise(text);
  if (!describing.test(n)) return null;
  const typed = n.split(' ');
  const content = (word: string | undefined): boolean => word !== undefined && /^\p{L}{3,}$/u.test(word) && !pairStopWords.has(word);
  const pairs = typed.slice(1).flatMap((word, i) => (content(typed[i]) && content(word) ? [`${typed[i]} ${word}`] : []));
  // An abbreviation typed in capitals ("die over LDE") counts however short it is.
  const abbreviations = (text.match(/\b\p{Lu}{2,6}\b/gu) ?? []).map((x) => x.toLowerCase());
  const words = [...expand(typed).words.filter((w) => w.length >= 5 && !commonWords.has(w)), ...pairs, ...abbreviations];
  if (words.length === 0) return null;
  const sessions = s.event.sessions.filter((session) => session.series === series);
  const texts = new Map(
    sessions.map((session) => {
      // "wijkwerken" typed as one word is "Wijk-werken" too.
      const title = `${session.title} ${session.title.replace(/\p{Pd}/gu, '')} ${session.en?.title ?? ''}`;
      return [session.number, ` ${normalise(part === 'title' ? title : `${title} ${session.description} ${session.bullets.join(' ')}`)}`];
    }),
  );
  const hits = new Set<number>();
  for (const word of words) {
    // A description holds many short everyday words: there only longer ones count.
    if (part === 'text' && !word.includes(' ') && word.length < 6 && !abbreviations.includes(word)) continue;
    const fits = sessions.filter((session) => (texts.get(session.number) ?? '').includes(` ${word}`));
    if (fits.length === 1) hits.add(fits[0]!.number);
  }
  return hits.size === 1 ? findSession(s.event, [...hits][0]!) : null;
}
