import { seriesOf, sessionsOfSeries, type Series, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { sessionLine, type AnswerScope } from './compose.ts';
import type { Draft } from './drafts.ts';

/** Asking whether something can be done: "kan ik", "lukt dat", "is that possible", "allebei". */
const canWords =
  /\b(?:kan|kun|kunnen|mag|mogen|lukt|lukken|gaat (?:dat|het)|haalbaar|mogelijk|can|could|may|possible|allowed|feasible|combineren|combineer|combine|combinatie|combination|allebei|alle twee|beide|both|ook naar|and then|en daarna|en dan|wil graag|ik wil|i want|i would like|i d like)\b/u;
const bothWords = /\b(?:allebei|alle twee|beide|both|combineren|combineer|combine|combinatie|combination|zowel|ook naar|and then|and also|en daarna|en dan|en ook)\b/u;
const countWords: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, two: 2, three: 3, four: 4, five: 5, 2: 2, 3: 3, 4: 4, 5: 5 };
const sessionCount = /\b(twee|drie|vier|vijf|two|three|four|five|[2-5]|alle|all|meerdere|verschillende|several|multiple)\s+(?:verschillende\s+|different\s+)?(?:sessies|sessions|workshops|infosessies|lezingen|talks)\b/u;
/** "twee sessies tegelijk", "two workshops at the same time": at once, not in a day. */
export const atOnce = /\b(?:tegelijk|tegelijkertijd|gelijktijdig|dezelfde reeks|zelfde reeks|at the same time|at once|simultaneously|same series|in parallel)\b/u;
/** A session word anywhere: then bare numbers are sessions. */
export const sessionWord = /\b(?:sessies?|sessions?|workshops?|infosessies?)\b/u;
const asksWhich = /\b(?:welke|which|wat|what)\b/u;

/** Whether the question asks if the sessions it names ("kan ik naar sessie 4 en naar sessie 8?") can all be followed; `named` finds them, only when needed. */
export function asksCombination(folded: string, named: () => number[], met: number): boolean {
  // Finding the sessions piece by piece is dear: only when the question met two things, or says "both".
  if (!canWords.test(folded) || asksWhich.test(folded) || (met < 2 && !bothWords.test(folded))) return false;
  return named().length >= 2;
}

/** Answers whether these sessions go together: yes when each is in its own series, no (and why) when two run at once. */
export function combination(scope: AnswerScope, sessions: Session[]): Draft {
  const r = reasoning[scope.lang];
  const bySeries = new Map<number, Session[]>();
  for (const session of sessions) bySeries.set(session.series, [...(bySeries.get(session.series) ?? []), session]);
  const clashes = [...bySeries.values()].filter((group) => group.length > 1);
  const numbers = sessions.map((s) => s.number);
  if (clashes.length === 0) {
    return { lines: [r.together(numbers), ...sessions.map((s) => sessionLine(scope, s, { time: true, room: true }))], sessions: numbers };
  }
  const lines = clashes.map((group) => {
    const series = seriesOf(scope.event, group[0] as Session);
    return r.clash(group.map((s) => s.number), series.id, series.start, series.end);
  });
  return { lines: [...lines, r.onePerSeries], sessions: numbers };
}

const doWords = /\b(?:doen|volgen|kiezen|nemen|bijwonen|combineren|do|follow|attend|choose|pick|take|combine|both|allebei|beide)\b/u;

/**
 * "kan ik 1 en 5 doen", "welke sessie heeft meer plaatsen: 3 of 7?": session numbers without a
 * session word right before them; none unless every number is a session. `about` says what makes
 * bare numbers mean sessions here (a verb of doing, a session word).
 */
export function bareSessions(folded: string, count: number, about: RegExp = doWords): number[] {
  if (!about.test(folded)) return [];
  const run = /\b(\d)\s*(?:en|and|&|\+|,|of|or)\s*(\d)\b(?![.:,]?\d|\s*(?:u|uur|h|pm|am)\b)/u.exec(folded);
  if (!run) return [];
  const numbers = [Number(run[1]), Number(run[2])];
  return numbers.every((n) => n >= 1 && n <= count) && numbers[0] !== numbers[1] ? numbers : [];
}

/** "welke sessies kan ik combineren met sessie 4": what goes with one session. */
export function asksAlongside(folded: string): boolean {
  return /\b(?:welke|which|what)\b/u.test(folded) && /\b(?:combineren|combineer|combine|samen met|together with|along with|erbij|daarbij|daarnaast|besides|in addition)\b/u.test(folded);
}

/** The sessions one can follow besides this one: those of the other series. */
export function alongside(scope: AnswerScope, session: Session): Draft {
  const r = reasoning[scope.lang];
  const own = seriesOf(scope.event, session);
  const others = [...scope.event.series].filter((s) => s.id !== own.id).sort((a, b) => a.start.localeCompare(b.start));
  const spans = others.map((s) => r.seriesSpan(s.id, s.start, s.end)).join(', ');
  const lines = [r.alongside(session.number, own.id, own.start, own.end, spans)];
  for (const s of others) for (const other of sessionsOfSeries(scope.event, s.id)) lines.push(sessionLine(scope, other, { time: others.length > 1, room: true }));
  return { lines, sessions: [] };
}

/** "kan ik drie sessies volgen?", "mag ik in reeks 1 twee workshops kiezen?": how many sessions one can follow. */
export function countAsked(folded: string): number | null {
  // "how many workshops can I take part in?": the count itself is asked (0 stands for "how many").
  if (/\b(?:hoeveel|how many)\s+(?:sessies|sessions|workshops|infosessies|lezingen|talks)\b/u.test(folded) && /\b(?:ik|i|we|wij|je|you|men|one)\b/u.test(folded) && canWords.test(folded)) return 0;
  const match = sessionCount.exec(folded);
  if (!match || !canWords.test(folded) || asksWhich.test(folded)) return null;
  const word = match[1] as string;
  return countWords[word] ?? Number.POSITIVE_INFINITY;
}

/** Answers how many sessions one can follow: one per series, so as many as there are series. */
export function howMany(scope: AnswerScope, count: number, seriesId: number | null, atOnce: boolean): Draft {
  const r = reasoning[scope.lang];
  const series = [...scope.event.series].sort((a, b) => a.start.localeCompare(b.start));
  const spans = series.map((s) => r.seriesSpan(s.id, s.start, s.end));
  if (seriesId !== null) return { lines: [r.oneInSeries(seriesId)], sessions: [], programme: true };
  if (atOnce) return { lines: [r.notAtOnce(spans)], sessions: [], programme: true };
  if (count === 0) return { lines: [r.howMany(series.length, spans)], sessions: [], programme: true };
  return { lines: [count <= series.length ? r.upTo(true, series.length, spans) : r.upTo(false, series.length, spans)], sessions: [], programme: true };
}

const arriving = /\b(?:pas|kom (?:om|rond|tegen)|ben er om|arriv\w*|aankomen|aankom|kom\b.*\baan|toekomen|toekom|ben er (?:pas|maar|rond|om|tegen)|get there|be there|make it (?:by|at)|later|late)\b/u;
const leaving = /\b(?:weg|vertrekken|vertrek|leav\w*|go home|have to go|must go|naar huis|opstappen|maar tot|enkel tot|alleen tot|only until|only till|until|till|ben er (?:maar|enkel|alleen) tot)\b/u;
// Who comes or goes: the asker, or someone they speak for ("mijn collega komt pas om 14u").
const firstPerson = /\b(?:ik|wij|we|i|kom|geraak|moet|ben|mijn|my|collega|colleague|hij|zij|he|she|they)\b/u;

const hours: Record<string, number> = { een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
// "leave at four", "ben er om drie": after "at"/"om" a bare hour is a clock time (the afternoon, as the day is).
const bareHour = new RegExp(`\\b(?:at|om|tegen|rond|by|until|till|tot|vanaf|from|around)\\s+(${Object.keys(hours).join('|')}|\\d{1,2})\\b(?!\\s*(?:[.:,]\\d|sessies|sessions|workshops|reeksen|series|mensen|people|personen|plaatsen|seats))`, 'u');

/** A bare hour in the question ("om vier", "at 4") as "HH:MM", or null. */
function bareHourOf(folded: string): string | null {
  const raw = bareHour.exec(folded)?.[1];
  if (raw === undefined) return null;
  const hour = hours[raw] ?? Number(raw);
  if (!(hour >= 1 && hour <= 23)) return null;
  return `${String(hour <= 7 ? hour + 12 : hour).padStart(2, '0')}:00`;
}

/** Whether the asker comes late or leaves early, at the time the question gives; null when it says neither. */
export function presenceOf(folded: string, found: string | null): { kind: 'from' | 'until'; time: string } | null {
  if (!firstPerson.test(folded) || !(leaving.test(folded) || arriving.test(folded))) return null;
  const time = found ?? bareHourOf(folded);
  if (time === null) return null;
  if (leaving.test(folded)) return { kind: 'until', time };
  if (arriving.test(folded)) return { kind: 'from', time };
  return null;
}

/** What someone can still follow when they come at (or must leave at) a time: the series that fit, and honestly what does not. */
export function withinPresence(scope: AnswerScope, presence: { kind: 'from' | 'until'; time: string }): Draft {
  const r = reasoning[scope.lang];
  const { time } = presence;
  const series = [...scope.event.series].sort((a, b) => a.start.localeCompare(b.start));
  const fits = (s: Series): boolean => (presence.kind === 'from' ? s.start >= time : s.end <= time);
  const cut = (s: Series): boolean => s.start < time && time < s.end;
  const lines: string[] = [];
  const sessions: number[] = [];
  if (series.every(fits)) {
    const edge = presence.kind === 'from' ? (series[0] as Series).start : (series.at(-1) as Series).end;
    return { lines: [r.allFit(presence.kind, time, edge)], sessions: [], programme: true };
  }
  for (const s of series.filter(fits)) {
    lines.push(r.canFollow(presence.kind, time, s.id, s.start, s.end));
    for (const session of sessionsOfSeries(scope.event, s.id)) {
      lines.push(sessionLine(scope, session, { room: true, seats: true }));
      sessions.push(session.number);
    }
  }
  if (lines.length === 0) lines.push(r.nothingFits(presence.kind, time));
  for (const s of series.filter(cut)) lines.push(r.partly(presence.kind, s.id, s.start, s.end, scope.event.contact));
  return { lines, sessions: sessions.length > 4 ? [] : sessions, programme: sessions.length === 0 };
}
