import type { Language } from '../../core/index.ts';
import type { Measure } from './measures.ts';

/** The phrases of answers that take a step of reasoning (comparisons, lengths, plans, recommendations), per language. */
export interface ReasoningPhrases {
  duration: (hours: number, minutes: number) => string;
  value: (measure: Exclude<Measure, 'duration'>, value: number) => string;
  inSeries: (series: number) => string;
  hasValue: (n: number, title: string, value: string) => string;
  pair: (yes: boolean, same: string | null, parts: string[]) => string;
  same: (measure: Measure) => string;
  allSame: (within: string, value: string, sessions?: number[]) => string;
  extreme: (within: string, sessions: number[], measure: Measure, direction: 'most' | 'least', value: string) => string;
  beyond: (within: string, relation: 'gt' | 'lt' | 'ge', limit: number, measure: Measure) => string;
  noneBeyond: (within: string, relation: 'gt' | 'lt' | 'ge', limit: number, measure: Measure) => string;
  withCount: (within: string, value: string) => string;
  noneWithCount: (within: string, value: string) => string;
  room: (direction: 'most' | 'least', rooms: string[], cap: number, sessions: number[]) => string;
  dayLasts: (length: string, from: string, to: string) => string;
  seriesSpan: (series: number, from: string, to: string) => string;
  sessionLasts: (n: number, title: string, length: string, from: string, to: string) => string;
  sessionsLast: (length: string, spans: string[]) => string;
  seriesLasts: (series: number, length: string, from: string, to: string) => string;
  gap: (before: number, end: string, after: number, start: string, length: string) => string;
  leadIn: (dayStart: string, series: number, start: string, length: string) => string;
  gapUnknown: (email: string) => string;
  total: (length: string, spans: string[]) => string;
  rangeLasts: (from: string, to: string, length: string) => string;
  allFit: (kind: 'from' | 'until', time: string, edge: string) => string;
  alongside: (n: number, series: number, from: string, to: string, others: string) => string;
  together: (sessions: number[]) => string;
  clash: (sessions: number[], series: number, from: string, to: string) => string;
  onePerSeries: string;
  oneInSeries: (series: number) => string;
  upTo: (yes: boolean, count: number, spans: string[]) => string;
  notAtOnce: (spans: string[]) => string;
  howMany: (count: number, spans: string[]) => string;
  canFollow: (kind: 'from' | 'until', time: string, series: number, from: string, to: string) => string;
  nothingFits: (kind: 'from' | 'until', time: string) => string;
  partly: (kind: 'from' | 'until', series: number, from: string, to: string, email: string) => string;
  recommended: (count: number) => string;
  fromDescription: (n: number, title: string) => string;
  abbreviations: string;
  abbreviationIn: (short: string, long: string, where: string) => string;
  registrationRules: string;
  notExpanded: (name: string) => string;
  languageUnknown: (email: string) => string;
  yes: string;
  no: string;
  bookOptional: string;
  stated: (yes: boolean, sentence: string) => string;
  notOnly: (audience: string, others: string, email: string) => string;
}

const list = (items: string[], and: string): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const sessionsNl = (numbers: number[]): string => `${numbers.length > 1 ? 'sessies' : 'sessie'} ${list(numbers.map(String), 'en')}`;
const sessionsEn = (numbers: number[]): string => `${numbers.length > 1 ? 'sessions' : 'session'} ${list(numbers.map(String), 'and')}`;
const upper = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const nlUnits: Record<Exclude<Measure, 'duration'>, [string, string]> = { cap: ['plaatsen', 'plaatsen'], free: ['vrije plaatsen', 'vrije plaatsen'], taken: ['inschrijvingen', 'inschrijvingen'], speakers: ['spreker', 'sprekers'] };
const enUnits: Record<Exclude<Measure, 'duration'>, [string, string]> = { cap: ['seat', 'seats'], free: ['seat left', 'seats left'], taken: ['registration', 'registrations'], speakers: ['speaker', 'speakers'] };
const nlRelation = { gt: 'meer dan', lt: 'minder dan', ge: 'minstens' };
const enRelation = { gt: 'more than', lt: 'fewer than', ge: 'at least' };

const nl: ReasoningPhrases = {
  duration: (h, m) => (h === 0 ? `${m} minuten` : `${h} u${m ? ` ${m}` : ''} (${h * 60 + m} minuten)`),
  value: (measure, v) =>
    ({ cap: `max. ${v} deelnemers`, free: `nog ${v} ${v === 1 ? 'plaats' : 'plaatsen'} vrij`, taken: `${v} ingeschreven`, speakers: `${v} ${v === 1 ? 'spreker' : 'sprekers'}` })[measure],
  inSeries: (series) => `in reeks ${series}`,
  hasValue: (n, title, value) => `sessie ${n} ${title}: ${value}`,
  pair: (yes, same, parts) => `${yes ? 'Ja' : 'Nee'}${same ? `, ${same}` : ''}: ${parts.join('; ')}.`,
  same: (measure) => ({ cap: 'ze zijn even groot', free: 'ze hebben evenveel plaatsen vrij', taken: 'ze hebben evenveel inschrijvingen', speakers: 'ze hebben evenveel sprekers', duration: 'ze duren even lang' })[measure],
  allSame: (within, value, sessions) => `${sessions ? upper(sessionsNl(sessions)) : `Alle sessies${within ? ` ${within}` : ''}`} zijn daarin gelijk: ${value}${sessions ? ' elk' : ''}.`,
  extreme: (within, sessions, measure, direction, value) => {
    const most = direction === 'most';
    const what = measure === 'duration' ? (most ? 'duren het langst' : 'duren het kortst') : `${sessions.length > 1 ? 'hebben' : 'heeft'} de ${most ? 'meeste' : 'minste'} ${measure === 'speakers' ? 'sprekers' : nlUnits[measure][1]}`;
    return `${within ? `${upper(within)}: ` : ''}${upper(sessionsNl(sessions))} ${measure === 'duration' ? what : what}, ${value}${sessions.length > 1 ? ' elk' : ''}:`;
  },
  beyond: (within, relation, limit, measure) => `Sessies${within ? ` ${within}` : ''} met ${nlRelation[relation]} ${limit} ${measure === 'duration' ? 'minuten' : nlUnits[measure as Exclude<Measure, 'duration'>][1]}:`,
  noneBeyond: (within, relation, limit, measure) => `Geen enkele sessie${within ? ` ${within}` : ''} heeft ${nlRelation[relation]} ${limit} ${measure === 'duration' ? 'minuten' : nlUnits[measure as Exclude<Measure, 'duration'>][1]}.`,
  withCount: (within, value) => `Sessies${within ? ` ${within}` : ''} met ${value}:`,
  noneWithCount: (within, value) => `Geen enkele sessie${within ? ` ${within}` : ''} heeft ${value}.`,
  room: (direction, rooms, cap, sessions) =>
    `De ${direction === 'most' ? 'grootste' : 'kleinste'} ${rooms.length > 1 ? 'zalen zijn' : 'zaal is'} ${list(rooms.map((r) => `*${r}*`), 'en')}: max. ${cap} deelnemers (${sessionsNl(sessions)}).`,
  dayLasts: (length, from, to) => `De netwerkdag duurt ${length}: van ${from} tot ${to}.`,
  seriesSpan: (series, from, to) => `reeks ${series} van ${from} tot ${to}`,
  sessionLasts: (n, title, length, from, to) => `Sessie ${n} ${title} duurt ${length}: van ${from} tot ${to}.`,
  sessionsLast: (length, spans) => `Een sessie duurt ${length}: ${list(spans, 'en')}.`,
  seriesLasts: (series, length, from, to) => `De sessies van reeks ${series} duren ${length}: van ${from} tot ${to}.`,
  gap: (before, end, after, start, length) => `Tussen reeks ${before} (tot ${end}) en reeks ${after} (vanaf ${start}) zit ${length}.`,
  leadIn: (dayStart, series, start, length) => `Van het begin van de dag (${dayStart}) tot reeks ${series} (${start}) is het ${length}.`,
  gapUnknown: (email) => `Wat er tussendoor gebeurt, staat niet in de informatie over de netwerkdag; vraag het gerust via *${email}*.`,
  rangeLasts: (from, to, length) => `Van ${from} tot ${to} is het ${length}.`,
  allFit: (kind, time, edge) => (kind === 'from' ? `Om ${time} ben je op tijd voor alle reeksen: de eerste begint om ${edge}.` : `Tot ${time} kan je alle reeksen volgen: de laatste eindigt om ${edge}.`),
  alongside: (n, series, from, to, others) => `Sessie ${n} is in reeks ${series} (${from}–${to}); daarnaast kies je één sessie in ${others}:`,
  total: (length, spans) => `Met een sessie in elke reeks zit je in totaal ${length} in sessies: ${list(spans, 'en')}.`,
  together: (sessions) => `Ja, dat kan: ${sessionsNl(sessions)} ${sessions.length > 1 ? 'zijn' : 'is'} in verschillende reeksen, en je kiest één sessie per reeks:`,
  clash: (sessions, series, from, to) => `Nee: ${sessionsNl(sessions)} lopen tegelijk, in reeks ${series} (${from}–${to}).`,
  onePerSeries: 'Je kiest één sessie per reeks.',
  oneInSeries: (series) => `Nee: in reeks ${series} kies je één sessie, want de sessies van een reeks lopen tegelijk.`,
  upTo: (yes, count, spans) => `${yes ? 'Ja' : 'Nee'}: je kiest één sessie per reeks, dus je volgt er hoogstens ${count} (${list(spans, 'en')}).`,
  howMany: (count, spans) => `Je kiest één sessie per reeks, dus je volgt er ${count} (${list(spans, 'en')}).`,
  notAtOnce: (spans) => `Nee: de sessies van een reeks lopen tegelijk, dus je kiest één sessie per reeks (${list(spans, 'en')}).`,
  canFollow: (kind, time, series, from, to) => (kind === 'from' ? `Ben je er om ${time}, dan kan je nog reeks ${series} volgen (${from}–${to}):` : `Moet je om ${time} weg, dan kan je reeks ${series} volgen (${from}–${to}):`),
  nothingFits: (kind, time) => (kind === 'from' ? `Na ${time} begint er geen reeks meer.` : `Vóór ${time} is er nog geen reeks afgelopen.`),
  partly: (kind, series, from, to, email) =>
    kind === 'from'
      ? `Reeks ${series} (${from}–${to}) is dan al bezig; of je later mag aansluiten, staat niet in de informatie over de netwerkdag (vraag het via *${email}*).`
      : `Reeks ${series} (${from}–${to}) loopt dan nog; of je vroeger mag vertrekken, staat niet in de informatie over de netwerkdag (vraag het via *${email}*).`,
  recommended: (count) => (count > 1 ? 'Op basis van wat je vertelt, passen deze sessies het best:' : 'Op basis van wat je vertelt, past deze sessie het best:'),
  fromDescription: (n, title) => `Uit de beschrijving van sessie ${n} ${title}:`,
  abbreviations: 'De afkortingen die de informatie over de netwerkdag uitschrijft:',
  abbreviationIn: (short, long, where) => `• *${short}*: ${long} (${where})`,
  registrationRules: 'bij het inschrijven',
  notExpanded: (name) => `Waar *${name}* voor staat, schrijft de informatie over de netwerkdag niet uit.`,
  languageUnknown: (email) =>
    `In welke taal de netwerkdag en de sessies doorgaan, staat niet in de informatie over de netwerkdag (die is in het Nederlands geschreven). Vraag het gerust aan de organisatoren via *${email}*.`,
  yes: 'Ja.',
  no: 'Nee.',
  bookOptional: 'Nee, het boek is optioneel: je kiest bij het inschrijven zelf of je het bestelt.',
  stated: (yes, sentence) => `${yes ? 'Ja' : 'Nee'}: «${sentence}»`,
  notOnly: (audience, others, email) =>
    `Dat hoeft niet: de netwerkdag is niet alleen voor ${audience.toLowerCase()}, maar ook voor ${others.toLowerCase()}. Twijfel je of dat voor jou geldt, vraag het dan aan de organisatoren via *${email}*.`,
};

const en: ReasoningPhrases = {
  duration: (h, m) => (h === 0 ? `${m} minutes` : `${h} ${h === 1 ? 'hour' : 'hours'}${m ? ` ${m} minutes` : ''} (${h * 60 + m} minutes)`),
  value: (measure, v) =>
    ({ cap: `max. ${v} participants`, free: `${v} ${v === 1 ? 'seat' : 'seats'} left`, taken: `${v} registered`, speakers: `${v} ${v === 1 ? 'speaker' : 'speakers'}` })[measure],
  inSeries: (series) => `in series ${series}`,
  hasValue: (n, title, value) => `session ${n} ${title}: ${value}`,
  pair: (yes, same, parts) => `${yes ? 'Yes' : 'No'}${same ? `, ${same}` : ''}: ${parts.join('; ')}.`,
  same: (measure) => ({ cap: 'they are the same size', free: 'they have as many seats left', taken: 'they have as many registrations', speakers: 'they have as many speakers', duration: 'they last as long' })[measure],
  allSame: (within, value, sessions) => `${sessions ? upper(sessionsEn(sessions)) : `All sessions${within ? ` ${within}` : ''}`} are the same there: ${value}${sessions ? ' each' : ''}.`,
  extreme: (within, sessions, measure, direction, value) => {
    const most = direction === 'most';
    const what = measure === 'duration' ? (most ? 'last longest' : 'are shortest') : `${sessions.length > 1 ? 'have' : 'has'} the ${most ? 'most' : 'fewest'} ${enUnits[measure][1]}`;
    return `${within ? `${upper(within)}: ` : ''}${upper(sessionsEn(sessions))} ${what}, ${value}${sessions.length > 1 ? ' each' : ''}:`;
  },
  beyond: (within, relation, limit, measure) => `Sessions${within ? ` ${within}` : ''} with ${enRelation[relation]} ${limit} ${measure === 'duration' ? 'minutes' : enUnits[measure as Exclude<Measure, 'duration'>][1]}:`,
  noneBeyond: (within, relation, limit, measure) => `No session${within ? ` ${within}` : ''} has ${enRelation[relation]} ${limit} ${measure === 'duration' ? 'minutes' : enUnits[measure as Exclude<Measure, 'duration'>][1]}.`,
  withCount: (within, value) => `Sessions${within ? ` ${within}` : ''} with ${value}:`,
  noneWithCount: (within, value) => `No session${within ? ` ${within}` : ''} has ${value}.`,
  room: (direction, rooms, cap, sessions) =>
    `The ${direction === 'most' ? 'biggest' : 'smallest'} ${rooms.length > 1 ? 'rooms are' : 'room is'} ${list(rooms.map((r) => `*${r}*`), 'and')}: max. ${cap} participants (${sessionsEn(sessions)}).`,
  dayLasts: (length, from, to) => `The networking day lasts ${length}: from ${from} to ${to}.`,
  seriesSpan: (series, from, to) => `series ${series} from ${from} to ${to}`,
  sessionLasts: (n, title, length, from, to) => `Session ${n} ${title} lasts ${length}: from ${from} to ${to}.`,
  sessionsLast: (length, spans) => `A session lasts ${length}: ${list(spans, 'and')}.`,
  seriesLasts: (series, length, from, to) => `The sessions of series ${series} last ${length}: from ${from} to ${to}.`,
  gap: (before, end, after, start, length) => `Between series ${before} (until ${end}) and series ${after} (from ${start}) there are ${length}.`,
  leadIn: (dayStart, series, start, length) => `From the start of the day (${dayStart}) to series ${series} (${start}) it is ${length}.`,
  gapUnknown: (email) => `What happens in between, the information about the networking day does not say; please ask at *${email}*.`,
  rangeLasts: (from, to, length) => `From ${from} to ${to} it is ${length}.`,
  allFit: (kind, time, edge) => (kind === 'from' ? `At ${time} you are in time for every series: the first starts at ${edge}.` : `Until ${time} you can follow every series: the last ends at ${edge}.`),
  alongside: (n, series, from, to, others) => `Session ${n} is in series ${series} (${from}–${to}); besides it you choose one session in ${others}:`,
  total: (length, spans) => `With a session in each series you spend ${length} in sessions in all: ${list(spans, 'and')}.`,
  together: (sessions) => `Yes, you can: ${sessionsEn(sessions)} ${sessions.length > 1 ? 'are' : 'is'} in different series, and you choose one session per series:`,
  clash: (sessions, series, from, to) => `No: ${sessionsEn(sessions)} run at the same time, in series ${series} (${from}–${to}).`,
  onePerSeries: 'You choose one session per series.',
  oneInSeries: (series) => `No: in series ${series} you choose one session, as the sessions of a series run at the same time.`,
  upTo: (yes, count, spans) => `${yes ? 'Yes' : 'No'}: you choose one session per series, so you can follow at most ${count} (${list(spans, 'and')}).`,
  howMany: (count, spans) => `You choose one session per series, so you follow ${count} (${list(spans, 'and')}).`,
  notAtOnce: (spans) => `No: the sessions of a series run at the same time, so you choose one session per series (${list(spans, 'and')}).`,
  canFollow: (kind, time, series, from, to) => (kind === 'from' ? `If you are there at ${time}, you can still follow series ${series} (${from}–${to}):` : `If you must leave at ${time}, you can follow series ${series} (${from}–${to}):`),
  nothingFits: (kind, time) => (kind === 'from' ? `No series starts after ${time}.` : `No series has ended before ${time}.`),
  partly: (kind, series, from, to, email) =>
    kind === 'from'
      ? `Series ${series} (${from}–${to}) has started by then; whether you may join late, the information about the networking day does not say (ask at *${email}*).`
      : `Series ${series} (${from}–${to}) is still running then; whether you may leave early, the information about the networking day does not say (ask at *${email}*).`,
  recommended: (count) => (count > 1 ? 'From what you tell me, these sessions fit best:' : 'From what you tell me, this session fits best:'),
  fromDescription: (n, title) => `From the description of session ${n} ${title}:`,
  abbreviations: 'The abbreviations the information about the networking day spells out:',
  abbreviationIn: (short, long, where) => `• *${short}*: ${long} (${where})`,
  registrationRules: 'registration rules',
  notExpanded: (name) => `What *${name}* stands for, the information about the networking day does not spell out.`,
  languageUnknown: (email) =>
    `The information about the networking day does not say in which language the day and its sessions are held (it is written in Dutch). Please ask the organisers at *${email}*.`,
  yes: 'Yes.',
  no: 'No.',
  bookOptional: 'No, the book is optional: when you register, you choose whether to order it.',
  stated: (yes, sentence) => `${yes ? 'Yes' : 'No'}: «${sentence}»`,
  notOnly: (audience, others, email) =>
    `That is no problem: the networking day is not only for ${audience}, but also for ${others}. If you are unsure whether that includes you, please ask the organisers at *${email}*.`,
};

/** The reasoning phrases of one language. */
export const reasoning: Record<Language, ReasoningPhrases> = { nl, en };
