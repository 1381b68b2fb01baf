/** A stretch of the day a question asks about ("tussen 12:15 en 13:30"), as zero-padded "HH:MM". */
export interface TimeRange {
  from: string;
  to: string;
}

// One clock time: "12:15", "12u15", "15.00", "3 uur", "2 pm", or a bare hour after "tussen"/"between".
const clock = '(\\d{1,2})(?:\\s*(?:[:.h]|u|uur)\\s*(\\d{2})|\\s*(?:uur|u|h|o\\s?clock)\\b)?\\s*(am|pm)?';
const separator = '(?:en|and|tot|to|till|until|[-–])';
// "tussen 2 en 3" reads as times; after "van"/"from" (or with no lead word) both ends must look like clock times.
const leadRange = new RegExp(`\\b(tussen|between|van|from)\\s+${clock}\\s+${separator}\\s+${clock}(?![\\d+])`, 'u');
const afterTime = new RegExp(`\\b(?:na|after)\\s+${clock}(?![\\d+])`, 'u');
const bareRange = new RegExp(`\\b(\\d{1,2})[:.h](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.h](\\d{2})\\b`, 'u');

/**
 * The time range a folded question names, and the text that named it; null when it names none.
 * "na 15u" / "after 3 pm" is the rest of the day, up to `dayEnd`.
 */
export function findTimeRange(folded: string, dayEnd: string): { range: TimeRange; text: string } | null {
  const lead = leadRange.exec(folded);
  if (lead) {
    const [text, word, h1, m1, ampm1, h2, m2, ampm2] = lead;
    const marked = (m: string | undefined, ampm: string | undefined, part: string): boolean => m !== undefined || ampm !== undefined || /u|h|uur|clock/u.test(part);
    const [first, second] = text.split(new RegExp(`\\s+${separator}\\s+`, 'u'));
    const loose = word === 'tussen' || word === 'between';
    if (!loose && !(marked(m1, ampm1, stripHour(first, word)) && marked(m2, ampm2, second ?? ''))) return null;
    // "between 2 and 3 pm": the second time's pm holds for the first too.
    const to = toClock(Number(h2), m2, ampm2);
    const from = toClock(Number(h1), m1, ampm1 ?? (ampm2 === 'pm' && Number(h1) <= Number(h2) ? 'pm' : undefined));
    return from && to && from < to ? { range: { from, to }, text } : null;
  }
  const after = afterTime.exec(folded);
  if (after) {
    const [text, h, m, ampm] = after;
    const from = m !== undefined || ampm !== undefined || /u|h|uur|clock/u.test(text.replace(/^\D*\d{1,2}/u, '')) ? toClock(Number(h), m, ampm) : null;
    return from && from < dayEnd ? { range: { from, to: dayEnd }, text } : null;
  }
  const bare = bareRange.exec(folded);
  if (!bare) return null;
  const [text, h1, m1, h2, m2] = bare;
  const from = toClock(Number(h1), m1, undefined);
  const to = toClock(Number(h2), m2, undefined);
  return from && to && from < to ? { range: { from, to }, text } : null;
}

function stripHour(part: string | undefined, word: string | undefined): string {
  return (part ?? '').slice((word ?? '').length).replace(/^\s*\d{1,2}/u, '');
}

/** "HH:MM" for an hour as people say it: an afternoon event, so a bare 1 to 7 is after noon. */
function toClock(hour: number, minutes: string | undefined, ampm: string | undefined): string | null {
  let h = hour;
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === undefined && h >= 1 && h <= 7) h += 12;
  if (h > 23 || Number(minutes ?? 0) > 59) return null;
  return `${String(h).padStart(2, '0')}:${minutes ?? '00'}`;
}
