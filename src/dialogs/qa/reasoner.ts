import { findSession, type EventData, type Language, type Session } from '../../core/index.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { compare, comparisonOf } from './compare.ts';
import { abbreviationCard, orgCard, sessionsOf, titleOf, type AnswerScope } from './compose.ts';
import { phrases } from './catalogue.ts';
import { hasEntity, type Aspect, type Draft } from './drafts.ts';
import { asksDuration, duration, durationSpan, lengthLimit } from './durations.ts';
import type { Found } from './entities.ts';
import { expand } from './glossary.ts';
import { sessionNamedBy, sessionsNamedInTurn } from './mentions.ts';
import { Passages } from './passages.ts';
import { alongside, asksAlongside, asksCombination, atOnce, bareSessions, combination, countAsked, howMany, presenceOf, sessionWord, withinPresence } from './plans.ts';
import type { ProgrammeFacts } from './programme.ts';
import { asksRecommendation, recommend } from './recommend.ts';
import { cueAspects } from './aspects.ts';
import { dutchStopwords, englishStopwords, fold, tokenize } from './text.ts';
import { utterances } from './training.ts';
import { isYesNo, verdictOf } from './yes-no.ts';

const languageWords =
  /\b(?:nederlands|nederlandstalig|dutch|engels|engelstalig|english|frans|franstalig|french|duits|german|taal|talen|language|languages|vertaling|vertaald|translation|translated|tolk|tolken|interpreter|anderstalig)\b/u;
// "English please", "spreek je Engels?", "can you answer in English": about the bot, which the desk handles.
const aboutBot = /\b(?:je|jij|u|you|balie|bot)\b.*\b(?:spreek|spreekt|praat|antwoord\w*|speak|talk|answer|reply|chat|write|schrijf|verder)\b|\b(?:please|aub|graag|switch|wissel|inschrijven|register)\b/u;
const abbreviationList = /\b(?:afkortingen|abbreviations|acroniemen|acronyms)\b/u;
const meaningAsk = /\b(?:betekent|betekenen|betekenis|staat\b.*\bvoor|staan\b.*\bvoor|stand|stands|mean|means|meaning|afkorting|voluit|short for|full form|spell\w* out|uitgeschreven|wat is|wat zijn|what is|what are)\b|=/u;
const strictMeaning = /\b(?:betekent|betekenen|betekenis|staat\b.*\bvoor|stand|stands|afkorting|voluit|short for|full form|spell\w* out|uitgeschreven)\b/u;
// "welke sessie gaat over ...", "is there a session on ...": asking for a session, not about one.
const asksWhichSession = /\b(?:welke|welk|which|what)\s+(?:\p{L}+\s+)?(?:sessies?|sessions?|workshops?|infosessies?)\b|\bis (?:er|there) (?:een|nog een|an?|any) (?:sessie|session|workshop)\b/u;
const whoAsk = /\b(?:wie|who|whom|door wie|via wie|which organisations?|welke organisaties?|welke partners|which partners)\b/u;
// What a speaker does: "who speaks at", "wie geeft de workshop"; any other verb after "who" asks who does something in the text.
// (typos too: "wie sprekt er"); "wie ... over X" / "who ... about X" asks who talks about it.
const speakerVerbs = /\b(?:spre+k\w*|prat\w*|praat|geeft|geven|presenteert|presenteren|leidt|begeleidt|brengt|vertelt|vertellen|over|speaks?|speaking|speakers?|presents?|presenting|gives?|giving|leads?|hosts?|talks?|talking|about)\b/u;
const asksList = /\b(?:manieren|aanpakken|instrumenten|maatregelen|vormen|mogelijkheden|ways|approaches|instruments|measures|forms|options)\b/u;
const countAsk = /\b(?:hoeveel|how many|how much|how long|hoe lang|na hoeveel|after how many)\b/u;
// "wat is een enclave", "what is reshoring": one term asked.
const definitionAsk = /^(?:wat is|wat zijn|wat betekent|wat wil|what is|what are|what does|whats)\s+(?:een |de |het |a |an |the )?([\p{L}][\p{L}-]{3,})(?:\s+(?:zeggen|mean|betekenen))?\s*\??$/u;
const orgRole = /\b(?:wat doet|wat doen|rol van|de rol|what does|what do|role of|the role)\b/u;
const comparativeWord =
  /\b(?:groter|kleiner|meer|minder|ruimer|krapper|langer|korter|drukker|populairder|evenveel|even|zelfde|hetzelfde|bigger|larger|smaller|more|fewer|less|longer|shorter|busier|many|same)\b/u;
// "is het in Brussel?", "ligt de netwerkdag in Leuven", "is the event in Ghent?": the day's place, not "is er koffie in de pauze".
const placeAsk =
  /\b(?:is|ligt|zit|gaat|vindt|takes?)\s+(?:het|dat|dit|de netwerkdag|het event|het evenement|it|this|the event|the day|the networking day)\s+(?:\p{L}+\s+)?(?:in|te|at|near)\s+(?:de |het |the )?[\p{L}-]{3,}\s*(?:plaats|place)?\s*\??$/u;
const timeOfDay =
  /\b(?:namiddag|voormiddag|middag|ochtend|morgen|avond|afternoon|morning|evening|week|weekend|reeks|series|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\b/u;
const sessionTerms = new Set(['sessie', 'sessies', 'session', 'sessions', 'workshop', 'workshops', 'infosessie', 'infosessies', 'one']);

/**
 * The answers that take one step of reasoning over the event file: comparisons, lengths of
 * time, what fits together or in someone's day, recommendations, what a session's text says,
 * the abbreviations, and the language of the day. Each is found by the kind of question,
 * never by its wording alone; null when the question is none of these.
 */
export class Reasoner {
  private readonly passages: Passages;
  private built: { titleWords: Map<number, string[]>; titleStems: Map<number, Set<string>>; aspectWords: Map<string, Set<Aspect>> } | null = null;

  constructor(
    private readonly event: EventData,
    private readonly facts: ProgrammeFacts,
    private readonly find: (text: string) => Found,
    /** Words of the intent training ("date", "prijs"): they ask for a fact of the day, not for a term of a session's text. */
    private readonly intentWords: ReadonlySet<string>,
  ) {
    this.passages = new Passages(event, facts);
  }

  /**
   * Made on first use, like the passages: per session the words of its titles and room (they name
   * it, and say nothing about what is asked of its text) and the stems of its titles that at most
   * one other session's texts share; per stem of the aspect intents' training words ("begint",
   * "zaal", "spreekt"), the aspects it belongs to.
   */
  private get index(): NonNullable<Reasoner['built']> {
    if (this.built) return this.built;
    const titleWords = new Map<number, string[]>();
    const titleStems = new Map<number, Set<string>>();
    const aspectWords = new Map<string, Set<Aspect>>();
    for (const session of this.event.sessions) {
      const own = (text: string, lang: Language): string[] => this.passages.stemsOf(tokenize(text), lang).filter((s) => this.passages.spread(s, lang) <= 2);
      titleStems.set(session.number, new Set([...own(session.title, 'nl'), ...own(session.en?.title ?? '', 'en')]));
      titleWords.set(session.number, tokenize(`${session.title} ${session.en?.title ?? ''} ${session.room}`));
    }
    for (const lang of ['nl', 'en'] as const) {
      for (const aspect of ['when', 'where', 'who', 'seats', 'list', 'what'] as const) {
        for (const stem of this.passages.stemsOf(tokenize((utterances[lang][aspect] ?? []).join(' ')), lang)) {
          aspectWords.set(stem, (aspectWords.get(stem) ?? new Set()).add(aspect));
        }
      }
    }
    this.built = { titleWords, titleStems, aspectWords };
    return this.built;
  }

  /** `folded` is the question folded, `words` its tokens: the answerer has them already. */
  answer(folded: string, words: string[], found: Found, scope: AnswerScope): Draft | null {
    const r = reasoning[scope.lang];
    if (languageWords.test(folded) && !aboutBot.test(folded) && languageWords.test(this.unnamed(words, found))) return { lines: [r.languageUnknown(this.event.contact)], sessions: [], programme: true };
    const abbreviations = this.abbreviations(folded, found, scope);
    if (abbreviations) return abbreviations;
    const place = this.place(folded, found, scope);
    if (place) return place;
    let inPieces: number[] | null = null;
    const inTurn = (): number[] => (inPieces ??= sessionsNamedInTurn(folded, found, this.find, (piece, part) => this.titled(piece, tokenize(part), scope.lang)));
    // The sessions a comparison is about: numbers after a session word ("welke sessie heeft meer plaatsen: 3 of 7?"),
    // the pieces around "dan"/"than" ("is de sessie over X groter dan die over LDE?"), or the sessions named by number.
    const comparative = comparativeWord.test(folded);
    const listed = comparative && found.sessionNumbers.length < 2 ? bareSessions(folded, this.event.sessions.length, sessionWord) : [];
    const compared = (): number[] => (listed.length >= 2 ? listed : comparative && /\b(?:dan|than|als|as)\b/u.test(folded) ? inTurn() : found.sessionNumbers);
    const comparison = comparisonOf(folded, compared().length);
    if (comparison) {
      const draft = compare(comparison, scope, found, compared());
      if (draft) return draft;
    }
    const presence = presenceOf(folded, found.timeRange?.from ?? found.time);
    if (presence) return withinPresence(scope, presence);
    const count = countAsked(folded);
    if (count !== null) return howMany(scope, count, found.series, atOnce.test(folded));
    const met = found.sessionNumbers.length + found.abbreviations.length + found.speakers.length + found.topics.length;
    if (asksCombination(folded, inTurn, met)) return combination(scope, sessionsOf(scope, inTurn()));
    // "kan ik 1 en 5 doen": bare numbers in a question about doing sessions together.
    const bare = bareSessions(folded, this.event.sessions.length);
    if (bare.length >= 2 && asksCombination(folded, () => bare, bare.length) && found.time === null) return combination(scope, sessionsOf(scope, bare));
    const single = found.sessionNumbers.length === 1 ? findSession(this.event, found.sessionNumbers[0] as number) : null;
    if (single && asksAlongside(folded)) return alongside(scope, single);
    if (asksRecommendation(folded)) {
      // Words of the intent training ("krijg", "stad", "which") say more about what is asked than about the asker: they count half.
      const expanded = expand(words).words.flatMap(tokenize);
      const weak = (word: string): boolean => this.intentWords.has(word);
      const ranked = scope.lang === 'nl' ? this.passages.rank(expanded, 'nl', [], weak) : this.passages.rank(words, 'en', expanded.filter((w) => !words.includes(w)), weak);
      const draft = recommend(scope, ranked, found.series);
      if (draft) return draft;
    }
    const defined = this.definition(folded, found, scope) ?? this.role(folded, found, scope);
    if (defined) return defined;
    const covered = this.covers(words, folded, found, scope);
    if (covered) return covered;
    if (asksDuration.test(folded)) {
      const span = durationSpan(folded, found.timeRange !== null);
      const sessions = span === 'gap' || span === 'lead-in' || span === 'total' ? [] : sessionsOf(scope, sessionNamedBy(found));
      if (span !== null || sessions.length > 0) return duration(span, scope, sessions, found.series, found.timeRange, lengthLimit(folded));
    }
    return null;
  }

  /** The question's words without the names of the people and organisations it names ("Mieke Frans" is no French). */
  private unnamed(words: string[], found: Found): string {
    const names = new Set([...found.speakers, ...found.speakersByFirstName].flatMap((x) => tokenize(x.name)).concat(found.orgs.flatMap((o) => tokenize(o.name))));
    return words.filter((w) => !names.has(w)).join(' ');
  }

  /** "is het in Brussel?": yes or no, with where it is. */
  private place(folded: string, found: Found, scope: AnswerScope): Draft | null {
    if (!isYesNo(folded) || !placeAsk.test(folded) || hasEntity(found) || timeOfDay.test(folded)) return null;
    const verdict = verdictOf('where', folded, found, scope);
    if (!verdict) return null;
    const v = this.event.venue;
    const r = reasoning[scope.lang];
    return { lines: [`${verdict.yes ? r.yes : r.no} ${phrases[scope.lang].dayWhere(this.event.title, v.name, v.street, v.postalCode, v.city, v.country)}`], sessions: [], programme: true };
  }

  /** "wat betekenen AMA en GBO", "waar staat LDE voor", "welke afkortingen ...", "wat betekent VDAB" (not spelt out). */
  private abbreviations(folded: string, found: Found, scope: AnswerScope): Draft | null {
    const r = reasoning[scope.lang];
    const named = found.abbreviations.filter((a, i) => found.abbreviations.findIndex((b) => b.short === a.short) === i);
    if (abbreviationList.test(folded) && named.length === 0) {
      const lines = [
        r.abbreviations,
        ...this.facts.abbreviations.map((a) => r.abbreviationIn(a.short, a.long, `${scope.lang === 'nl' ? 'sessie' : 'session'} ${a.session}`)),
        ...this.facts.dayAbbreviations.map((a) => r.abbreviationIn(a.short, a.long, r.registrationRules)),
      ];
      return { lines, sessions: [], programme: true };
    }
    // "wat is de afkorting van lokale diensteneconomie": the long form named, the short one asked.
    if (named.length === 0 && /\b(?:afkorting|afgekort|abbreviation|abbreviated|acronym|short form|kort)\b/u.test(folded)) {
      const words = new Set(tokenize(folded));
      const spelt = this.facts.abbreviations.filter((a) => tokenize(a.long).every((w) => words.has(w)));
      if (spelt.length > 0) return { lines: spelt.flatMap((a) => abbreviationCard(scope, a)), sessions: spelt.map((a) => a.session) };
    }
    if (named.length > 0 && meaningAsk.test(folded)) return { lines: named.flatMap((a) => abbreviationCard(scope, a)), sessions: [...new Set(named.map((a) => a.session))] };
    const acronym = found.orgs.find((o) => /^\p{Lu}{2,6}$/u.test(o.name));
    if (named.length === 0 && acronym && strictMeaning.test(folded)) return { lines: [r.notExpanded(acronym.name), ...orgCard(scope, acronym, {})], sessions: acronym.sessions };
    return null;
  }

  /** "wat is een enclave", "what is reshoring": a word of one session's text (not its title), in the sentence that has it. */
  private definition(folded: string, found: Found, scope: AnswerScope): Draft | null {
    const term = definitionAsk.exec(folded)?.[1];
    if (!term || this.intentWords.has(term) || found.abbreviations.length + found.speakers.length + found.orgs.length + found.sessionNumbers.length > 0) return null;
    const hits = this.passages.containing(term, scope.lang);
    const inDutch = hits.length === 0 && scope.lang === 'en' ? this.passages.containing(term, 'nl') : hits;
    const [hit] = inDutch;
    const session = hit && inDutch.length === 1 ? findSession(this.event, hit.session) : null;
    if (!hit || !session) return null;
    return { lines: [reasoning[scope.lang].fromDescription(session.number, titleOf(scope, session)), hit.text], sessions: [session.number] };
  }

  /** "wat doet Groep Intro", "what is the role of VDAB in session 6": the sentences of the descriptions that name the organisation. */
  private role(folded: string, found: Found, scope: AnswerScope): Draft | null {
    const org = found.orgs.length === 1 ? found.orgs[0] : undefined;
    if (!org || !orgRole.test(folded)) return null;
    const hits = this.passages.naming(org.name, scope.lang).filter((h) => found.sessionNumbers.length === 0 || found.sessionNumbers.includes(h.session));
    if (hits.length === 0 || hits.length > 3) return null;
    const lines: string[] = [];
    for (const n of [...new Set(hits.map((h) => h.session))]) {
      const session = findSession(this.event, n) as Session;
      lines.push(reasoning[scope.lang].fromDescription(n, titleOf(scope, session)), ...hits.filter((h) => h.session === n).map((h) => h.text));
    }
    // Its speakers belong to its role too ("wat is de rol van de provincie").
    if (org.speakers.length > 0) lines.push(orgCard(scope, org, {})[0] as string);
    return { lines, sessions: [...new Set(hits.map((h) => h.session))] };
  }

  /** Two sessions speak of "sociale clausules"; the one whose title says it is meant (or null). */
  private titled(found: Found, words: string[], lang: Language): number | null {
    if (found.topics.length === 0) return null;
    const stems = new Set([...this.passages.stemsOf(words, lang), ...this.passages.stemsOf(found.contentWords, 'nl')]);
    const titled = [...this.index.titleStems].filter(([, title]) => [...stems].some((s) => title.has(s)));
    return titled.length === 1 ? (titled[0] as [number, Set<string>])[0] : null;
  }

  /** What one session's text says about what the question asks: "welke manieren ... komen aan bod in sessie 1", "who ran the project". */
  private covers(tokens: string[], folded: string, found: Found, scope: AnswerScope): Draft | null {
    if (asksWhichSession.test(folded)) return null;
    const focused = this.focus(found, folded, tokens, scope.lang);
    if (!focused) return null;
    const { session, naming } = focused;
    // "wie geeft de sessie over ...", "bij welke organisatie werkt Jo Uytterhoeven", "waar kan ik ... horen": about the speakers, not the text.
    const bySpeaker = found.speakers.length > 0 && found.sessionNumbers.length === 0;
    if ((whoAsk.test(folded) && speakerVerbs.test(folded)) || (bySpeaker && (whoAsk.test(folded) || cueAspects(folded).length > 0))) return null;
    const lang = scope.lang;
    const names = new Set([
      ...(this.index.titleWords.get(session.number) ?? []),
      ...found.abbreviations.map((a) => fold(a.short)),
      ...found.speakers.flatMap((s) => tokenize(s.name)),
      ...found.sessionNumbers.map(String),
      ...naming,
    ]);
    const own = tokens.filter((w) => !names.has(w) && !sessionTerms.has(w) && !/^\d+$/u.test(w));
    const words = lang === 'nl' ? expand(own).words.flatMap(tokenize) : own;
    const stop = lang === 'nl' ? dutchStopwords : englishStopwords;
    if (words.every((w) => stop.has(w))) return null;
    const who = whoAsk.test(folded);
    const query = { words, lang, who, count: countAsk.test(folded), agent: who && !speakerVerbs.test(folded) && words.some((w) => !stop.has(w) && w.length >= 3) };
    // A word of the aspect the question asks ("eindigt" in "wanneer eindigt ..."), or a word of "tell me more", says little about the text.
    const asked = new Set(cueAspects(folded));
    const weight = (stem: string): number => ([...(this.index.aspectWords.get(stem) ?? [])].some((a) => asked.has(a) || a === 'what' || a === 'list') ? 0.5 : 1);
    const lines = this.passages.find(session, query, weight);
    if (!lines) return null;
    return { lines: [reasoning[lang].fromDescription(session.number, titleOf(scope, session)), ...lines], sessions: [session.number] };
  }

  /** The one session a question is about, named by number, abbreviation, speaker or by its title's words. */
  private focus(found: Found, folded: string, words: string[], lang: Language): { session: Session; naming: string[] } | null {
    const plain = (session: Session | null): { session: Session; naming: string[] } | null => (session ? { session, naming: [] } : null);
    // The question's words as said and as the glossary reads them (found.contentWords).
    const asked = (): Set<string> => new Set([...this.passages.stemsOf(words, lang), ...this.passages.stemsOf(found.contentWords, 'nl')]);
    const numbers = sessionNamedBy(found);
    if (numbers.length !== 1) {
      const titled = numbers.length === 0 ? this.titled(found, words, lang) : null;
      return titled === null ? null : plain(findSession(this.event, titled));
    }
    const session = findSession(this.event, numbers[0] as number);
    if (!session) return null;
    if (found.sessionNumbers.length > 0 || found.abbreviations.length > 0 || found.speakers.length > 0) return plain(session);
    // "wat zijn de vier manieren om sociaal aan te kopen": a list asked of the one session the words point to.
    if (asksList.test(folded)) return plain(session);
    // A theme alone ("welke sessie gaat over ...") names no session; its title's own words do ("werkplekleren", not "economie").
    const title = this.index.titleStems.get(session.number);
    if (title && [...asked()].some((s) => title.has(s))) return plain(session);
    // ... or a word only this session's text has ("regeerakkoord"). The words that named it then say nothing more: the text must match another.
    const distinctive = words.some(
      (w) => found.entityWords.has(w) && this.passages.stemsOf([w], lang).some((s) => this.passages.spread(s, lang) === 1 && this.passages.holds(session.number, s, lang)),
    );
    return distinctive ? { session, naming: words.filter((w) => found.entityWords.has(w)) } : null;
  }
}
