import { findSession, sessionsOfSeries, type EventData, type Session } from '../../core/index.ts';
import type { Choice } from '../types.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { phrases } from './catalogue.ts';
import {
  abbreviationCard,
  longDate,
  orgCard,
  sessionCard,
  sessionLine,
  sessionSeats,
  sessionsOf,
  sessionWhen,
  sessionWhere,
  sessionWho,
  speakerCard,
  type AnswerScope,
} from './compose.ts';
import type { Found } from './entities.ts';
import type { ProgrammeFacts } from './programme.ts';
import { fold } from './text.ts';
import type { TimeRange } from './time-range.ts';
import { neighbourSeries, spanOf } from './timeline.ts';
import type { Intent } from './training.ts';

/** What an answer tells about what a question names: the aspect intents, and "overview" for "tell me about it". */
export type Aspect = 'when' | 'where' | 'who' | 'what' | 'seats' | 'list' | 'overview';
/** The intents that have an answer (not the honest "I do not know", off-topic or a greeting). */
export type AnswerIntent = Exclude<Intent, 'overview' | 'unknown_topic' | 'offtopic' | 'greeting'>;
/** The intents about the day itself rather than about what a question names. */
export type DayIntent = Exclude<AnswerIntent, Aspect>;
export const isAspect = (intent: Intent): intent is Exclude<Aspect, 'overview'> => ['when', 'where', 'who', 'what', 'seats', 'list'].includes(intent);

/** Lines of an answer and the sessions it is about (for "more about" choices). */
export interface Draft {
  lines: string[];
  sessions: number[];
  programme?: boolean;
  /** Choices that lead elsewhere in Balie ("Mijn inschrijving"). */
  extra?: Choice[];
}

/** Composes the answer to an aspect or a day intent from the event file and the live counters. */
export class Drafts {
  constructor(
    private readonly event: EventData,
    private readonly facts: ProgrammeFacts,
  ) {}

  aspect(aspect: Aspect, found: Found, scope: AnswerScope): Draft {
    const p = phrases[scope.lang];
    const missing = found.sessionNumbers.filter((n) => !findSession(this.event, n));
    if (missing.length > 0 && missing.length === found.sessionNumbers.length) {
      return { lines: [p.noSuchSession(missing[0] as number, this.event.sessions.length)], sessions: [], programme: true };
    }
    const explicit = sessionsOf(scope, found.sessionNumbers);
    const topical = focusTopics(scope, found);
    const speaker = found.speakers[0];
    const org = found.orgs[0];
    const abbreviation = found.abbreviations[0];
    const room = found.rooms[0];

    if (aspect === 'where' && found.venue && explicit.length === 0 && !speaker) return this.venue(scope);
    if (aspect === 'overview' && found.venue && !hasEntity(found)) return this.venue(scope);
    if (!speaker && found.speakersByFirstName.length > 0 && !org && explicit.length === 0) {
      const lines = found.speakersByFirstName.slice(0, 3).flatMap((x) => speakerCard(scope, x));
      return { lines, sessions: [...new Set(found.speakersByFirstName.flatMap((x) => x.sessions))] };
    }
    // "wat loopt er tegelijk met arbeidszorg": the series of the one session named.
    const single = explicit.length === 1 ? explicit : explicit.length === 0 && !speaker && !org && !room ? topical : [];
    if (found.parallel && single.length === 1) return this.series((single[0] as Session).series, scope, aspect);
    if (explicit.length > 0) return this.aboutSessions(aspect, explicit, scope);
    if (found.roomWord && !room && !speaker && !org && topical.length === 0 && found.series === null && (aspect === 'list' || aspect === 'where' || aspect === 'overview')) {
      const drafts = this.facts.rooms.map((r) => this.list(p.roomList(r), this.event.sessions.filter((s) => s.room === r), scope, 'when'));
      return { lines: drafts.flatMap((d) => d.lines), sessions: [] };
    }
    if (speaker && aspect !== 'list') {
      const sessions = sessionsOf(scope, speaker.sessions);
      // "waarover gaat de sessie van Jo Helsen": what a speaker talks about is the session's card.
      if (aspect === 'what' && sessions.length === 1) return this.aboutSessions(aspect, sessions, scope);
      if (aspect === 'who' || aspect === 'overview' || aspect === 'what') {
        const lines = speakerCard(scope, speaker);
        return { lines, sessions: speaker.sessions };
      }
      return this.aboutSessions(aspect, sessions, scope);
    }
    // "wat is LDE": the abbreviation; "what does the LDE session cover": the session it names.
    if (abbreviation && (aspect === 'what' || aspect === 'overview')) {
      if (found.sessionWord) return this.aboutSessions(aspect, sessionsOf(scope, [abbreviation.session]), scope);
      return { lines: abbreviationCard(scope, abbreviation), sessions: [abbreviation.session] };
    }
    if (room && (aspect !== 'seats' || topical.length === 0)) {
      const drafts = found.rooms.map((r) =>
        this.list(p.roomList(r), this.event.sessions.filter((s) => s.room === r), scope, aspect === 'seats' || aspect === 'who' ? aspect : 'when'),
      );
      return { lines: drafts.flatMap((d) => d.lines), sessions: drafts.flatMap((d) => d.sessions) };
    }
    if (org && found.orgs.length > 0) {
      const parts = { time: aspect === 'when' || aspect === 'list', room: aspect === 'where' || aspect === 'list', seats: aspect === 'seats' };
      const lines = found.orgs.flatMap((o) => orgCard(scope, o, parts));
      return { lines, sessions: [...new Set(found.orgs.flatMap((o) => o.sessions))] };
    }
    if (found.seriesAll.length > 1) {
      const drafts = found.seriesAll.map((id) => this.series(id, scope, aspect));
      return { lines: drafts.flatMap((d) => d.lines), sessions: drafts.flatMap((d) => d.sessions) };
    }
    if (found.series !== null && found.seriesRelation !== null) return this.nextTo(found.series, found.seriesRelation, scope, aspect);
    if (found.series !== null) return this.series(found.series, scope, aspect);
    if (found.timeRange !== null) return this.between(found.timeRange, scope, aspect);
    if (found.time !== null) return this.atTime(found.time, scope, aspect);
    if (speaker) return { lines: speakerCard(scope, speaker), sessions: speaker.sessions };
    if (abbreviation) return this.aboutSessions(aspect, sessionsOf(scope, [abbreviation.session]), scope);
    if (topical.length > 0) {
      if (aspect === 'list') return this.list(p.topicList, topical, scope, 'list');
      return this.aboutSessions(aspect, topical, scope);
    }
    return this.aboutDay(aspect, found, scope);
  }

  private aboutSessions(aspect: Aspect, sessions: Session[], scope: AnswerScope): Draft {
    const numbers = sessions.map((s) => s.number);
    const each = (render: (s: Session) => string): Draft => ({ lines: sessions.map(render), sessions: numbers });
    switch (aspect) {
      case 'when':
        return each((s) => sessionWhen(scope, s));
      case 'where':
        return each((s) => sessionWhere(scope, s));
      case 'who':
        return each((s) => sessionWho(scope, s));
      case 'seats':
        return each((s) => sessionSeats(scope, s));
      default:
        if (sessions.length === 1) return { lines: sessionCard(scope, sessions[0] as Session), sessions: [] };
        return this.list(phrases[scope.lang].topicList, sessions, scope, 'list');
    }
  }

  /** A heading and one line per session; `sameTime` when they all run together (a series). */
  private list(heading: string, sessions: Session[], scope: AnswerScope, aspect: Aspect, sameTime = false): Draft {
    const parts = {
      time: !sameTime && aspect !== 'where' && aspect !== 'who',
      room: aspect !== 'when' && aspect !== 'who',
      speakers: aspect === 'who',
      seats: aspect === 'seats',
    };
    return { lines: [heading, ...sessions.map((s) => sessionLine(scope, s, parts))], sessions: sessions.map((s) => s.number) };
  }

  private series(id: number, scope: AnswerScope, aspect: Aspect): Draft {
    const series = this.event.series.find((s) => s.id === id);
    if (!series) return this.programme(scope);
    const p = phrases[scope.lang];
    return this.list(p.seriesList(p.series(series.id), series.start, series.end), sessionsOfSeries(this.event, id), scope, aspect === 'who' ? 'who' : 'seats', true);
  }

  private atTime(time: string, scope: AnswerScope, aspect: Aspect): Draft {
    const p = phrases[scope.lang];
    const series = this.event.series.find((s) => s.start <= time && time < s.end) ?? this.event.series.find((s) => s.end === time);
    if (!series) return { lines: [p.noSessionAt(time, this.event.hours.start, this.event.hours.end)], sessions: [], programme: true };
    return this.list(p.atTime(time, p.series(series.id), series.start, series.end), sessionsOfSeries(this.event, series.id), scope, aspect === 'who' ? 'who' : 'seats', true);
  }

  /** "wat gebeurt er tussen 12:15 en 13:30": the series running then, and honestly the stretches the event file leaves open. */
  private between(range: TimeRange, scope: AnswerScope, aspect: Aspect): Draft {
    const p = phrases[scope.lang];
    const { start, end } = this.event.hours;
    const span = spanOf(this.event, range);
    if (span === null) return { lines: [p.nothingScheduled(range.from, range.to, start, end)], sessions: [], programme: true };
    const lines: string[] = [];
    const sessions: number[] = [];
    for (const stretch of span.stretches) {
      if (stretch.kind === 'gap') {
        lines.push(p.notOnPage(stretch.from, stretch.to));
        continue;
      }
      const draft = this.series(stretch.series.id, scope, aspect);
      lines.push(...draft.lines);
      sessions.push(...draft.sessions);
    }
    const gaps = span.stretches.filter((x) => x.kind === 'gap');
    const next = this.event.series.filter((x) => x.start >= range.to).sort((a, b) => a.start.localeCompare(b.start))[0];
    if (sessions.length === 0 && next) lines.push(p.seriesStarts(p.series(next.id), next.start));
    if (gaps.length > 0) lines.push(p.dayHoursAsk(start, end, this.event.contact));
    else if (span.outside) lines.push(p.dayHours(start, end));
    return { lines, sessions, programme: sessions.length === 0 };
  }

  /** "wat is er na de eerste reeks": the series after (or before) the one named, or what the day holds there. */
  private nextTo(id: number, relation: 'after' | 'before', scope: AnswerScope, aspect: Aspect): Draft {
    const p = phrases[scope.lang];
    const named = this.event.series.find((s) => s.id === id);
    if (!named) return this.programme(scope);
    const neighbour = neighbourSeries(this.event, id, relation);
    if (neighbour) {
      const heading = (relation === 'after' ? p.nextSeries : p.previousSeries)(p.series(id), p.series(neighbour.id), neighbour.start, neighbour.end);
      return this.list(heading, sessionsOfSeries(this.event, neighbour.id), scope, aspect === 'who' ? 'who' : 'seats', true);
    }
    const { start, end } = this.event.hours;
    const gap = relation === 'after' ? { from: named.end, to: end } : { from: start, to: named.start };
    if (gap.from >= gap.to) {
      const line = relation === 'after' ? p.dayOverAfter(p.series(id), named.end) : p.dayStartsWith(p.series(id), named.start);
      return { lines: [line], sessions: [], programme: true };
    }
    return { lines: [p.notOnPage(gap.from, gap.to), p.dayHoursAsk(start, end, this.event.contact)], sessions: [], programme: true };
  }

  private programme(scope: AnswerScope): Draft {
    const p = phrases[scope.lang];
    const lines = [p.programme(this.event.title)];
    for (const series of this.event.series) {
      lines.push(`${p.series(series.id).replace(/^./u, (c) => c.toUpperCase())} (${series.start}–${series.end}):`);
      for (const session of sessionsOfSeries(this.event, series.id)) lines.push(sessionLine(scope, session, { room: true }));
    }
    return { lines, sessions: [] };
  }

  private venue(scope: AnswerScope): Draft {
    const v = this.event.venue;
    return { lines: [phrases[scope.lang].dayWhere(this.event.title, v.name, v.street, v.postalCode, v.city, v.country)], sessions: [], programme: true };
  }

  private aboutDay(aspect: Aspect, found: Found, scope: AnswerScope): Draft {
    const p = phrases[scope.lang];
    const e = this.event;
    switch (aspect) {
      case 'when': {
        const lines = [p.day(e.title, longDate(e.date, scope.lang), e.hours.start, e.hours.end)];
        if (found.sessionWord) lines.push(...e.series.map((x) => `• ${p.series(x.id).replace(/^./u, (c) => c.toUpperCase())}: ${x.start}–${x.end}`));
        return { lines, sessions: [], programme: true };
      }
      case 'where':
        return this.venue(scope);
      case 'seats': {
        const a = scope.availability;
        if (found.sessionWord) return this.list(p.programme(e.title), [...e.sessions].sort((x, y) => x.number - y.number), scope, 'seats');
        return { lines: [p.venueSeats(a.venueCap, a.venueTaken, Math.max(0, a.venueCap - a.venueTaken), a.waitlistLength)], sessions: [], programme: true };
      }
      case 'what':
      case 'overview':
        return {
          lines: [`*${e.title}*: ${scope.lang === 'en' && e.en ? e.en.tagline : e.tagline}`, p.day(e.title, longDate(e.date, scope.lang), e.hours.start, e.hours.end)],
          sessions: [],
          programme: true,
        };
      case 'who': {
        if (found.orgWord) return { lines: [p.speakerOrgs(joinList(this.facts.orgs.filter((o) => o.speakers.length > 0).map((o) => o.name), p.and))], sessions: [], programme: true };
        const lines = [p.programme(e.title)];
        for (const session of [...e.sessions].sort((a, b) => a.number - b.number)) lines.push(sessionLine(scope, session, { speakers: true }));
        return { lines, sessions: [] };
      }
      default:
        return this.programme(scope);
    }
  }

  day(intent: DayIntent, found: Found, scope: AnswerScope): Draft {
    const p = phrases[scope.lang];
    const e = this.event;
    const open = scope.open;
    const day = (lines: string[]): Draft => ({ lines, sessions: [], programme: true });
    switch (intent) {
      case 'price':
        return day([p.price(e.price === 'free', e.price === 'free' ? 0 : e.price.eur)]);
      case 'deadline':
        return day([p.deadline(longDate(e.registrationCloses, scope.lang, false), open)]);
      case 'audience':
        return day([this.audience(found, scope)]);
      case 'corona_stricter':
        return day([p.coronaStricter(e.venueCap), p.coronaRelaxed]);
      case 'corona_relaxed': {
        const asked = sessionsOf(scope, found.sessionNumbers);
        return { lines: [p.coronaRelaxed, ...asked.map((x) => sessionSeats(scope, x)), p.coronaStricter(e.venueCap)], sessions: found.sessionNumbers, programme: asked.length === 0 };
      }
      case 'presentations':
        return day([p.presentations(e.presentationsAfterwards)]);
      case 'contact':
        return day([p.contact(e.contact)]);
      case 'book':
        return day([e.book ? p.book(e.book.title, e.book.priceEur, e.book.shippingAddressRequired) : p.noBook]);
      case 'partners': {
        const partnerOrgs = found.orgs.filter((o) => o.partner);
        if (partnerOrgs.length > 0) return day(partnerOrgs.map((o) => p.orgPartner(o.name)));
        return day([p.partners(joinList(e.partners, p.and))]);
      }
      case 'register':
        return day([open ? p.registerHow : p.registerClosed]);
      case 'manage':
        return {
          lines: [open ? p.manage(longDate(e.registrationCloses, scope.lang, false)) : p.manageClosed],
          sessions: [],
          extra: open ? [{ id: 'my-registration', label: p.myRegistration }] : [],
        };
      case 'one_per_series':
        return day([p.onePerSeries(e.series.map((x) => `${p.series(x.id)} (${x.start}–${x.end})`).join(` ${p.and} `))]);
      default:
        return day([p.unknown(e.contact)]);
    }
  }

  /** Who the day is for; to "mag ik als ... komen", whether the asker is one of them. */
  private audience(found: Found, scope: AnswerScope): string {
    const p = phrases[scope.lang];
    const list = this.event.audiences.join(', ');
    const asker = found.asker;
    if (asker === null) return p.audience(list);
    const kind = asker.kind;
    if (asker.negated) {
      // "ik ben geen ambtenaar": the day is also for the audiences that are not that kind.
      const mine = kind ? this.event.audiences.filter((a) => kind.audience.test(fold(a))) : [];
      const others = this.event.audiences.filter((a) => !mine.includes(a));
      if (mine.length === 0 || others.length === 0) return p.audienceAsk(list, this.event.contact);
      return reasoning[scope.lang].notOnly(joinList(mine, p.and), joinList(others, p.and), this.event.contact);
    }
    if (kind && this.event.audiences.some((a) => kind.audience.test(fold(a)))) return p.audienceYes(list, kind.word, kind.name[scope.lang]);
    return p.audienceAsk(list, this.event.contact);
  }
}

export function hasEntity(found: Found): boolean {
  return (
    found.sessionNumbers.length + found.rooms.length + found.speakers.length + found.orgs.length + found.abbreviations.length + found.topics.length > 0 ||
    found.speakersByFirstName.length > 0 ||
    found.series !== null ||
    found.time !== null
  );
}

/** The topic sessions a single-focus answer should cover: the clear winner, or the close ones. */
function focusTopics(scope: AnswerScope, found: Found): Session[] {
  const [first, second] = found.topics;
  if (!first) return [];
  const numbers = second && second.score * 1.6 > first.score ? found.topics.slice(0, 3).map((t) => t.session) : [first.session];
  return sessionsOf(scope, numbers);
}

export function joinList(items: string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

