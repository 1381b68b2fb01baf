import { tokenize } from './text.ts';

// Numbers people type for sessions and series: digits, cardinals and ordinals in both languages.
const cardinals: Record<string, number> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const ordinals: Record<string, number> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6, zevende: 7, achtste: 8, negende: 9,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
};
const numberWords: Record<string, number> = { ...cardinals, ...ordinals };
const clockWords: Record<string, number> = { ...cardinals, tien: 10, elf: 11, twaalf: 12, ten: 10, eleven: 11, twelve: 12 };
const clockAlt = `\\d{1,2}|${Object.keys(clockWords).join('|')}`;
/** "kwart na drie", "half past one", "om drie uur": clock words with the minutes they add to the hour named. */
const spokenClock = new RegExp(`\\b(half past|quarter past|quarter to|half|kwart over|kwart na|kwart voor)\\s+(${clockAlt})\\b|\\b(?:om|at|tegen|rond|vanaf|around|from)\\s+(${Object.keys(clockWords).join('|')})\\s+(?:uur|o\\s?clock)\\b`, 'u');
const spokenOffset: Record<string, number> = { half: -30, 'half past': 30, 'quarter past': 15, 'quarter to': -15, 'kwart over': 15, 'kwart na': 15, 'kwart voor': -15 };
const cardinalAlt = `\\d{1,2}|${Object.keys(cardinals).join('|')}`;
const ordinalAlt = `\\d{1,2}(?:e|de|ste|st|nd|rd|th)|${Object.keys(ordinals).join('|')}`;
const sessionWord = '(?:info\\s?)?(?:sessies?|sessions?|workshops?|infosessies?|ateliers?|nummers?|nr|no|number|talk|lezing|sesies?|sessi|worshops?|worskhops?|wokshops?|workhops?|worksops?)';
export const sessionAfter = new RegExp(`\\b${sessionWord}\\s*\\.?\\s*((?:${cardinalAlt})(?:\\s*(?:,|en|and|of|or|&|/)\\s*(?:\\d{1,2}))*)\\b`, 'gu');
const seriesList = new RegExp(`\\b(?:reeks(?:en)?|series|serie|ronde|round|blok|block)\\s+((?:${cardinalAlt})(?:\\s*(?:,|\\ben\\b|\\band\\b|&|/)\\s*(?:reeks\\s+|series\\s+)?(?:${cardinalAlt}))*)\\b`, 'gu');
export const sessionBefore = new RegExp(`\\b(${ordinalAlt})\\s+${sessionWord}\\b`, 'gu');
const seriesAfter = new RegExp(`\\b(?:reeks|series|serie|ronde|round|blok|block)\\s*(${cardinalAlt})\\b`, 'u');
const seriesBefore = new RegExp(`\\b(${ordinalAlt})\\s+(?:reeks|series|serie|ronde|round|blok|block)\\b`, 'u');
// "na de eerste reeks", "after series 1"; Dutch "voor" is left out: it mostly means "for".
export const seriesRelationPattern = new RegExp(`\\b(na|after|following|before)\\s+(?:de|het|the)?\\s*(?:(?:${ordinalAlt})\\s+)?(?:reeks|series|serie|ronde|round|blok|block)\\b`, 'u');
const timePattern = /\b(\d{1,2})(?:\s*(?:[:.h]|u|uur)\s*(\d{2})|\s*(?:u|uur|h|hour|o ?clock)\b)?\s*(am|pm)?(?![\d+])/gu;

/** Sessions named by number ("sessie 3", "de derde workshop", "sessions 2 en 6"); the words used go into `used`. */
export function sessionNumbersIn(folded: string, used: Set<string>): number[] {
  const out: number[] = [];
  const add = (raw: string): void => {
    const n = numberWords[raw] ?? parseInt(raw, 10);
    if (Number.isInteger(n) && !out.includes(n)) out.push(n);
    used.add(raw);
  };
  for (const match of folded.matchAll(sessionAfter)) (match[1] as string).split(/\s*(?:,|en|and|of|or|&|\/)\s*/u).filter(Boolean).forEach(add);
  for (const match of folded.matchAll(sessionBefore)) add(match[1] as string);
  return out;
}

/** The series named ("reeks 2", "de tweede reeks"), or null. */
export function seriesIn(folded: string, used: Set<string>): number | null {
  const raw = (seriesAfter.exec(folded) ?? seriesBefore.exec(folded))?.[1];
  if (!raw) return null;
  used.add(raw);
  return numberWords[raw] ?? parseInt(raw, 10);
}

/** Every series named ("reeks 1 en reeks 2", "reeksen 1 en 2"), when more than one is. */
export function allSeriesIn(folded: string, used: Set<string>): number[] {
  const out: number[] = [];
  const raws: string[] = [];
  for (const match of folded.matchAll(seriesList)) {
    for (const raw of (match[1] as string).split(/\s*(?:,|\ben\b|\band\b|&|\/)\s*(?:reeks|series)?\s*/u).filter(Boolean)) {
      const n = numberWords[raw] ?? parseInt(raw, 10);
      if (!Number.isInteger(n) || out.includes(n)) continue;
      out.push(n);
      raws.push(raw);
    }
  }
  if (out.length < 2) return [];
  raws.forEach((raw) => used.add(raw));
  return out;
}

/** A clock time the question names ("15u15", "3 pm", "half vier", "drie uur") as "HH:MM", or null. */
export function clockTimeIn(folded: string, used: Set<string>): string | null {
  // Clock words: "half vier" is 15:30, "kwart na drie" 15:15, "quarter to four" 15:45, "drie uur" 15:00.
  const spoken = spokenClock.exec(folded);
  if (spoken) {
    const raw = (spoken[2] ?? spoken[3]) as string;
    let hour = clockWords[raw] ?? parseInt(raw, 10);
    if (hour >= 1 && hour <= 7) hour += 12;
    const minutes = hour * 60 + (spoken[1] ? (spokenOffset[spoken[1]] ?? 0) : 0);
    tokenize(spoken[0]).forEach((w) => used.add(w));
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  for (const match of folded.matchAll(timePattern)) {
    const [whole, h, m, ampm] = match;
    const marked = m !== undefined || ampm !== undefined || /u|h|uur|clock/u.test(whole.slice((h as string).length));
    if (!marked) continue;
    let hour = Number(h);
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === undefined && hour >= 1 && hour <= 7) hour += 12;
    if (hour > 23 || Number(m ?? 0) > 59) continue;
    tokenize(whole).forEach((w) => used.add(w));
    return `${String(hour).padStart(2, '0')}:${m ?? '00'}`;
  }
  return null;
}
