import { StemmerNl } from '@nlpjs/lang-nl';
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { EventData } from '../../core/index.ts';
import { askerOf, type Asker } from './audience.ts';
import { expand } from './glossary.ts';
import { gatherFacts, type Abbreviation, type OrgInfo, type ProgrammeFacts, type SpeakerInfo } from './programme.ts';
import { dutchStopwords, englishStopwords, fold, tokenize } from './text.ts';
import { allSeriesIn, clockTimeIn, seriesIn, seriesRelationPattern, sessionAfter, sessionBefore, sessionNumbersIn } from './numbering.ts';
import { findTimeRange, type TimeRange } from './time-range.ts';

/** A session that matches the question's theme, with its search score. */
export interface TopicHit {
  session: number;
  score: number;
}

/** What a question names, found in the programme. */
export interface Found {
  /** Sessions named by number ("sessie 3", "de derde workshop"). */
  sessionNumbers: number[];
  series: number | null;
  /** A wall-clock time ("15:15") the question mentions. */
  time: string | null;
  /** A stretch of time it asks about ("tussen 12:15 en 13:30"); `time` is then its start. */
  timeRange: TimeRange | null;
  /** It asks what comes after (or before) the series it names ("na de eerste reeks"). */
  seriesRelation: 'after' | 'before' | null;
  /** Who asks whether they may come ("ik werk bij een OCMW, mag ik komen"). */
  asker: Asker | null;
  rooms: string[];
  speakers: SpeakerInfo[];
  /** Speakers whose first name alone the question gives ("wie is Tine"). */
  speakersByFirstName: SpeakerInfo[];
  orgs: OrgInfo[];
  abbreviations: Abbreviation[];
  /** Sessions whose title or description matches the question's theme, best first. */
  topics: TopicHit[];
  /** The question names the venue ("provinciehuis", "Leuven"). */
  venue: boolean;
  /** The question speaks of sessions in general ("welke workshop", "sessions"). */
  sessionWord: boolean;
  /** ... of rooms in general ("welke zalen"). */
  roomWord: boolean;
  /** Every series it names, when it names more than one ("reeks 1 en 2"). */
  seriesAll: number[];
  /** It asks what runs alongside something ("tegelijk met", "at the same time as"). */
  parallel: boolean;
  /** ... of organisations in general ("welke organisaties"). */
  orgWord: boolean;
  /** Folded words that named something in the programme: not evidence of the question's language or intent. */
  entityWords: Set<string>;
  /** Words naming the day or its venue ("netwerkdag", "provinciehuis"): known, but part of the question. */
  placeWords: Set<string>;
  /** Content words of the question (not function words), after glossary expansion. */
  contentWords: string[];
}

const bigNumber = /\d{1,3}(?:[.,]\d{3})+|\d{4,}/gu;
const parallelPattern = /\b(?:tegelijk|tegelijkertijd|gelijktijdig|parallel|simultaan|same time|simultaneously|alongside)\b/u;
const sessionMention = /\b(?:info\s?)?(?:sessies?|sessions?|workshops?|infosessies?|ateliers?|reeks|reeksen|series)\b/u;
const roomPattern = /\b(?:zaal|zalen|room|rooms|lokaal|hall)\s*(\d{1,2})(?:\s*(?:\+|en|and|&|-|\/|,)?\s*(\d{1,2}))?/gu;
const dayWords = new Set(['netwerkdag', 'networking', 'netwerk', 'dag', 'day', 'event', 'evenement', 'congres', 'studiedag', 'conference']);
// Words an organisation's name shares with many others; alone they name nobody in particular.
const roomWords = new Set(['zaal', 'zalen', 'room', 'rooms', 'lokaal', 'lokalen', 'hall']);
const genericOrgWords = new Set(['stad', 'provincie', 'departement', 'vzw', 'groep', 'city', 'province']);

const stemmer = new StemmerNl();
const stem = (word: string): string => stemmer.stemWord(word);

/** How a question word met a name term. */
interface Hit {
  word: string;
  how: 'exact' | 'prefix' | 'fuzzy';
  /** Close enough to count: short prefixes and short typos do not. */
  good: boolean;
}

interface NamedThings {
  speakers: SpeakerInfo[];
  orgs: Array<{ org: OrgInfo; partial: boolean }>;
  rooms: string[];
  abbreviations: Abbreviation[];
  used: Set<string>;
  partialWords: Set<string>;
}

interface NameDoc {
  id: string;
  kind: 'speaker' | 'org' | 'room' | 'abbr';
  ref: number;
  name: string;
}

const sessionSearchOptions: SearchOptions = {
  boost: { title: 3, bullets: 1.5, abbreviations: 2, body: 1 },
  prefix: (term) => term.length >= 5,
  fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
  maxFuzzy: 2,
};
const nameSearchOptions: SearchOptions = {
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 10 ? 2 : term.length >= 6 ? 1 : false),
  maxFuzzy: 2,
};

/** Finds sessions, people, organisations, rooms, series and times in a question. */
export class EntityFinder {
  readonly facts: ProgrammeFacts;
  private readonly sessions: MiniSearch;
  private readonly names: MiniSearch<NameDoc>;
  private readonly nameDocs: NameDoc[];
  private readonly venueWords: Set<string>;
  private readonly venueStems: Set<string>;
  /** Each session's words in order, space-padded, for phrases ("outreachend werken"). */
  private readonly sessionPhrases: string[];
  /** Large numbers the descriptions mention ("120.000"), digits only, to the session. */
  private readonly textNumbers = new Map<string, number>();
  /** Per name document, the stems of its name's terms; per speaker, the first name; per organisation, its stems: made once, not per question. */
  private readonly nameTerms = new Map<string, string[]>();
  private readonly docById = new Map<string, NameDoc>();
  private readonly firstNames: string[];
  private readonly orgStems: string[][];

  constructor(
    private readonly event: EventData,
    /** Words of the intent training: they say what is asked, not about what. */
    private readonly intentWords: ReadonlySet<string>,
  ) {
    this.facts = gatherFacts(event);
    const processTerm = (term: string): string | null => (term.length < 2 || dutchStopwords.has(term) ? null : stem(term));
    this.sessions = new MiniSearch({ fields: ['title', 'body', 'bullets', 'abbreviations'], tokenize, processTerm, searchOptions: sessionSearchOptions });
    this.sessions.addAll(
      event.sessions.map((s) => ({
        id: s.number,
        title: s.title,
        body: `${s.description} ${s.closing ?? ''}`,
        bullets: s.bullets.join(' '),
        abbreviations: this.facts.abbreviations.filter((a) => a.session === s.number).map((a) => `${a.short} ${a.long}`).join(' '),
      })),
    );
    this.nameDocs = [
      ...this.facts.speakers.map((s, ref) => ({ id: `s${ref}`, kind: 'speaker' as const, ref, name: s.name })),
      ...this.facts.orgs.map((o, ref) => ({ id: `o${ref}`, kind: 'org' as const, ref, name: o.name })),
      ...this.facts.rooms.map((r, ref) => ({ id: `r${ref}`, kind: 'room' as const, ref, name: r })),
      ...this.facts.abbreviations.map((a, ref) => ({ id: `a${ref}`, kind: 'abbr' as const, ref, name: a.short })),
    ];
    for (const doc of this.nameDocs) this.docById.set(doc.id, doc);
    for (const doc of this.nameDocs) this.nameTerms.set(doc.id, tokenize(doc.name).filter((w) => w.length >= 2 && !dutchStopwords.has(w)).map(stem));
    this.firstNames = this.facts.speakers.map((x) => tokenize(x.name)[0] ?? '');
    this.orgStems = this.facts.orgs.map((o) => tokenize(o.name).map(stem));
    this.names = new MiniSearch<NameDoc>({ fields: ['name'], tokenize, processTerm, searchOptions: nameSearchOptions });
    this.names.addAll(this.nameDocs);
    const venue = event.venue;
    this.venueWords = new Set(tokenize(`${venue.name} ${venue.shortName} ${venue.street} ${venue.city}`).filter((w) => !/^\d+$/u.test(w)));
    this.venueStems = new Set([...this.venueWords].map(stem));
    this.sessionPhrases = event.sessions.map((s) => ` ${tokenize(`${s.title} ${s.description} ${s.closing ?? ''} ${s.bullets.join(' ')}`).join(' ')} `);
    for (const s of event.sessions) {
      for (const n of `${s.description} ${s.bullets.join(' ')}`.match(bigNumber) ?? []) this.textNumbers.set(n.replace(/\D/gu, ''), s.number);
    }
  }

  find(question: string): Found {
    const folded = fold(question);
    const entityWords = new Set<string>();
    const sessionNumbers = sessionNumbersIn(folded, entityWords);
    const series = seriesIn(folded, entityWords);
    const seriesAll = allSeriesIn(folded, entityWords);
    const rooms = this.roomsByNumber(folded, entityWords);
    const clockText = folded.replace(sessionAfter, ' ').replace(sessionBefore, ' ').replace(roomPattern, ' ');
    const range = findTimeRange(clockText, this.event.hours.end);
    // The clock words of a range are names; "tussen"/"between" and "en"/"and" still tell the language.
    if (range) tokenize(range.text).filter((w) => /\d|^(?:am|pm|uur|u|h|oclock)$/u.test(w)).forEach((w) => entityWords.add(w));
    const time = range ? range.range.from : clockTimeIn(clockText, entityWords);
    const order = tokenize(folded);
    const expanded = expand(order);
    const words = expanded.words.flatMap(tokenize);
    const content = words.filter((w) => w.length >= 2 && !/^\d+$/u.test(w) && !dutchStopwords.has(w) && !englishStopwords.has(w) && !entityWords.has(w));
    const venue = content.some((w) => this.venueWords.has(w));
    const placeWords = new Set(content.filter((w) => this.venueWords.has(w) || dayWords.has(w)));
    const named = this.namedThings(content);
    for (const room of named.rooms) if (!rooms.includes(room)) rooms.push(room);
    named.used.forEach((w) => entityWords.add(w));
    // The whole name of what was found is masked, "95" of "Spoor 95" and "van der" of a name too.
    [...named.rooms, ...named.speakers.map((x) => x.name), ...named.orgs.filter((o) => !o.partial).map((o) => o.org.name)].flatMap(tokenize).forEach((w) => entityWords.add(w));
    const topicWords = content.filter((w) => w.length >= 4 && !named.used.has(w) && !this.intentWords.has(w) && !dayWords.has(w) && !this.venueWords.has(w));
    const titleWords = new Set<string>();
    const topics = this.topics(topicWords, entityWords, titleWords);
    // "120.000 mensen": a number the description states names its session.
    for (const n of folded.match(bigNumber) ?? []) {
      const session = this.textNumbers.get(n.replace(/\D/gu, ''));
      if (session === undefined) continue;
      const top = topics[0]?.score ?? 0;
      topics.splice(0, topics.length, { session, score: 10 + top }, ...topics.filter((t) => t.session !== session));
      tokenize(n).forEach((w) => entityWords.add(w));
    }
    // A word that stands next to a theme word in a description is part of the theme ("outreachend werken").
    order.forEach((w, i) => {
      const next = order[i + 1];
      if (next === undefined || entityWords.has(w) === entityWords.has(next)) return;
      const other = entityWords.has(w) ? next : w;
      if (other.length < 4 || dutchStopwords.has(other) || englishStopwords.has(other)) return;
      if (this.sessionPhrases.some((text) => text.includes(` ${w} ${next} `))) entityWords.add(other);
    });
    // An organisation named only in part ("diensteneconomie") yields to a session title that has the word.
    // A compound that named something takes its parts along ("wijk-werken": wijk, werken).
    for (const compound of folded.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
      const parts = compound.split('-');
      if (entityWords.has(parts.join('')) || parts.some((w) => entityWords.has(w))) [...parts, parts.join('')].forEach((w) => entityWords.add(w));
    }
    // Words that reached the programme through the glossary count as names too ("care work").
    for (const [word, originals] of expanded.sources) if (tokenize(word).some((w) => entityWords.has(w))) originals.forEach((o) => entityWords.add(o));
    // ... and to any session title the question names ("de groep bij talenten tellen" is not Groep INTRO).
    const partialLoses = titleWords.size > 0;
    const orgs = named.orgs.filter((o) => !(o.partial && partialLoses)).map((o) => o.org);
    const byFirstName = named.speakers.length > 0 ? [] : this.facts.speakers.map((x, i) => [x, this.firstNames[i] ?? ''] as const).filter(([, first]) => content.includes(first) && !this.intentWords.has(first));
    const speakersByFirstName = byFirstName.map(([x]) => x);
    byFirstName.forEach(([, first]) => entityWords.add(first));
    const relation = series !== null ? seriesRelationPattern.exec(folded)?.[1] : undefined;
    const seriesRelation = relation === undefined ? null : relation === 'before' ? 'before' : 'after';
    return { sessionNumbers, series, time, timeRange: range?.range ?? null, seriesRelation, asker: askerOf(folded), rooms, speakers: named.speakers, speakersByFirstName, orgs, sessionWord: sessionMention.test(folded),
      roomWord: words.some((w) => roomWords.has(w)), parallel: parallelPattern.test(folded), seriesAll,
      orgWord: /\borganisa[tz]i/u.test(folded), abbreviations: named.abbreviations, topics,
      // "Leuven" of "Stad Leuven" names an organisation, not the venue.
      venue: venue && content.some((w) => this.venueWords.has(w) && !entityWords.has(w)), entityWords, placeWords, contentWords: content };
  }

  private roomsByNumber(folded: string, used: Set<string>): string[] {
    const out: string[] = [];
    for (const match of folded.matchAll(roomPattern)) {
      const digits = [match[1], match[2]].filter((d): d is string => d !== undefined);
      digits.forEach((d) => used.add(d));
      for (const room of this.facts.rooms) {
        const roomDigits: string[] = fold(room).match(/\d+/gu) ?? [];
        if (roomDigits.length > 0 && digits.every((d) => roomDigits.includes(d)) && !out.includes(room)) out.push(room);
      }
    }
    return out;
  }

  private namedThings(content: string[]): NamedThings {
    // Per document: which of its name terms a question word met, and how well.
    const hits = new Map<string, Map<string, Hit>>();
    for (const word of content) {
      if (this.intentWords.has(word) && !genericOrgWords.has(word)) continue;
      const stemmed = stem(word);
      for (const result of this.names.search(word)) {
        const docHits = hits.get(result.id as string) ?? new Map<string, Hit>();
        hits.set(result.id as string, docHits);
        for (const term of result.terms) {
          const how = term === stemmed || term === word ? 'exact' : term.startsWith(stemmed) ? 'prefix' : 'fuzzy';
          const good = how === 'exact' || (how === 'prefix' ? stemmed.length >= 0.7 * term.length : word.length >= 5);
          docHits.set(term, { word, how, good });
        }
      }
    }
    const named: NamedThings = { speakers: [], orgs: [], rooms: [], abbreviations: [], used: new Set(), partialWords: new Set() };
    const orgScores: Array<{ org: OrgInfo; score: number; words: string[]; partial: boolean }> = [];
    for (const [id, docHits] of hits) {
      const doc = this.docById.get(id) as NameDoc;
      const nameTerms = this.nameTerms.get(id) ?? [];
      const met = (term: string): Hit | undefined => {
        const hit = docHits.get(term);
        return hit?.good ? hit : undefined;
      };
      if (doc.kind === 'speaker') {
        const [first, ...rest] = nameTerms;
        const firstHit = first !== undefined ? met(first) : undefined;
        const surname = rest.map(met).filter((h): h is Hit => h !== undefined && (h.how !== 'fuzzy' || h.word.length >= 7 || firstHit !== undefined));
        if (surname.length > 0) {
          named.speakers.push(this.facts.speakers[doc.ref] as SpeakerInfo);
          [...surname, firstHit].forEach((h) => h && named.used.add(h.word));
        }
      } else if (doc.kind === 'room') {
        const good = nameTerms.map(met).filter((h): h is Hit => h !== undefined && !roomWords.has(h.word));
        if (good.length > 0) {
          named.rooms.push(this.facts.rooms[doc.ref] as string);
          good.forEach((h) => named.used.add(h.word));
        }
      } else if (doc.kind === 'abbr') {
        const hit = [...docHits.values()].find((h) => h.how === 'exact');
        if (hit) {
          named.abbreviations.push(this.facts.abbreviations[doc.ref] as Abbreviation);
          named.used.add(hit.word);
        }
      } else {
        const org = this.facts.orgs[doc.ref] as OrgInfo;
        let score = 0;
        let distinctive = 0;
        let missed = 0;
        const words: string[] = [];
        for (const term of nameTerms) {
          const hit = met(term);
          const generic = genericOrgWords.has(term) || this.venueStems.has(term);
          if (!hit) {
            if (!generic) missed += 1;
            continue;
          }
          score += generic ? 1 : 2;
          if (!generic) distinctive += 1;
          words.push(hit.word);
        }
        const onlyOneHasIt = words.length === 1 && this.orgStems.filter((stems) => stems.includes(stem(words[0] as string))).length === 1;
        if (distinctive > 0 || words.length >= 2 || onlyOneHasIt) orgScores.push({ org, score, words, partial: missed > 0 });
      }
    }
    const best = Math.max(0, ...orgScores.map((o) => o.score));
    const bestOrgs = orgScores.filter((o) => o.score === best);
    bestOrgs.filter((o) => !o.partial).forEach((o) => o.words.forEach((w) => named.used.add(w)));
    bestOrgs.filter((o) => o.partial).forEach((o) => o.words.forEach((w) => named.partialWords.add(w)));
    named.orgs = bestOrgs.map((o) => ({ org: o.org, partial: o.partial }));
    return named;
  }

  private topics(words: string[], used: Set<string>, titleWords: Set<string>): TopicHit[] {
    const hits = new Map<number, TopicHit & { terms: number; title: boolean; specific: boolean }>();
    for (const word of words) {
      const results = this.sessions.search(word);
      if (results.length === 0) continue;
      used.add(word);
      for (const result of results) {
        const n = result.id as number;
        const hit = hits.get(n) ?? { session: n, score: 0, terms: 0, title: false, specific: false };
        hits.set(n, hit);
        hit.score += result.score / results.length;
        hit.terms += 1;
        hit.specific ||= results.length <= 2;
        const inTitle = Object.values(result.match).some((fields) => fields.includes('title'));
        hit.title ||= inTitle;
        if (inTitle) titleWords.add(word);
      }
    }
    const ranked = [...hits.values()].filter((h) => h.specific || (h.terms >= 2 && h.title)).sort((a, b) => b.score - a.score);
    const top = ranked[0]?.score ?? 0;
    return ranked.filter((h) => h.score >= top * 0.4).slice(0, 4).map(({ session, score }) => ({ session, score }));
  }
}
