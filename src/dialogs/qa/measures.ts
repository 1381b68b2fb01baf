import { seriesOf, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { seatsOf, type AnswerScope } from './compose.ts';

/** What sessions can be compared by: their cap, the seats left, the registrations, their speakers, their length. */
export type Measure = 'cap' | 'free' | 'taken' | 'speakers' | 'duration';

const measureWords: Array<[Measure, RegExp]> = [
  ['duration', /\b(?:langer|korter|langste|kortste|langst|kortst|longer|shorter|longest|shortest|duurt|duren|duur|lasts?|duration|tijd)\b/u],
  ['speakers', /\b(?:sprekers?|speakers?|presentatoren|presentators?|presenters?|lesgevers?)\b/u],
  ['taken', /\b(?:populairste?|populair|popular|drukste?|busiest|ingeschreven|inschrijvingen|registered|registrations|volste?)\b/u],
  ['free', /\b(?:vrij|vrije|beschikbaar|beschikbare|left|available|free|remaining)\b|\b(?:plaatsen|plekken) over\b|\bnog (?:de )?(?:meeste |minste )?(?:plaatsen|plekken)\b/u],
];
/** Words that say what is counted: with "meeste"/"most" they make the question one of size. */
export const quantityNoun =
  /\b(?:volk|publiek|audience|crowd|plaatsen|plaats|plekken|plekjes|zitjes|zitplaatsen|stoelen|mensen|personen|deelnemers|capaciteit|seats|places|spots|spaces|people|persons|participants|attendees|capacity|sprekers?|speakers?)\b/u;

/** The measure a comparison is about; the cap when nothing else is named. */
export function measureOf(folded: string): Measure {
  return measureWords.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'cap';
}

/** A session's value of a measure, in minutes for a length. */
export function valueOf(scope: AnswerScope, session: Session, measure: Measure): number {
  switch (measure) {
    case 'cap':
      return seatsOf(scope, session).cap;
    case 'free':
      return seatsOf(scope, session).free;
    case 'taken': {
      const { cap, free } = seatsOf(scope, session);
      return cap - free;
    }
    case 'speakers':
      return session.speakers.length;
    case 'duration': {
      const series = seriesOf(scope.event, session);
      return minutesOf(series.end) - minutesOf(series.start);
    }
  }
}

/** "13:30" as minutes after midnight. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A value as the answer says it: "max. 40 deelnemers", "nog 11 vrij", "6 sprekers", "1 u 30 (90 minuten)". */
export function valueText(scope: AnswerScope, measure: Measure, value: number): string {
  const r = reasoning[scope.lang];
  if (measure === 'duration') return r.duration(Math.floor(value / 60), value % 60);
  return r.value(measure, value);
}
