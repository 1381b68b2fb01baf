import { answerWaitlistQuestion } from './waitlist.ts';
import { registrationDeadline, type EventData, type Language } from '../../core/index.ts';
import type { ProgrammeAnswerer, QaAnswer, QaContext } from '../types.ts';
import { phrases } from './catalogue.ts';
import type { Classification, IntentClassifier } from './classifier.ts';
import { reply, type AnswerScope } from './compose.ts';
import { aspectClauses } from './aspects.ts';
import { reasoning } from './catalogue-reasoning.ts';
import { Drafts, hasEntity, isAspect, type AnswerIntent, type Aspect, type DayIntent, type Draft } from './drafts.ts';
import type { EntityFinder, Found } from './entities.ts';
import { glossary } from './glossary.ts';
import { Reasoner } from './reasoner.ts';
import { detectLanguage, expandContractions, fold, isProbablyQuestion, tokenize } from './text.ts';
import { unknownTopicWords, type Intent } from './training.ts';
import { isYesNo, statedVerdict, verdictOf } from './yes-no.ts';

/** Answers at or above this confidence may interrupt a form; below it they are a guess. */
export const confidentAnswer = 0.6;

const weakIntents = new Set<Intent>(['offtopic', 'greeting', 'unknown_topic', 'overview']);
const overridable = new Set<Intent>(['audience', 'partners', 'contact', 'presentations', 'manage', 'unknown_topic']);

const questionWordAspect: Record<string, Aspect> = { wie: 'who', who: 'who', waar: 'where', where: 'where', wanneer: 'when', when: 'when' };
const conjunctions = new Set(['en', 'and', 'plus']);

/** The aspects a question asks by its question words, "hoe laat" and "what time" included. */
function askedAspects(words: string[]): Aspect[] {
  const out: Aspect[] = [];
  words.forEach((w, i) => {
    const next = words[i + 1];
    const aspect = questionWordAspect[w] ?? ((w === 'hoe' && next === 'laat') || (w === 'what' && next === 'time') ? 'when' : undefined);
    if (aspect) out.push(aspect);
  });
  return out;
}

/** The outcome of checking nlp.js's verdict against what the question names. */
type Decision = { kind: 'answer'; intent: AnswerIntent | null; sure?: boolean } | { kind: 'honest'; confidence: number; offtopic: boolean } | { kind: 'none' };

/** The Q&A: nlp.js says what is asked, the entity finder about what, the composer answers from the event file. */
export class ProgrammeQa implements ProgrammeAnswerer {
  private readonly deadline: number;
  /** Words the event file uses about the day itself (audiences, partners, title): known, not unknown topics. */
  private readonly dayWords: Set<string>;
  private readonly drafts: Drafts;
  private readonly reasoner: Reasoner;

  constructor(
    private readonly event: EventData,
    private readonly classifier: IntentClassifier,
    private readonly finder: EntityFinder,
  ) {
    this.deadline = registrationDeadline(event).getTime();
    this.drafts = new Drafts(event, finder.facts);
    this.reasoner = new Reasoner(event, finder.facts, (part) => finder.find(part), new Set([...classifier.vocabulary.nl, ...classifier.vocabulary.en]));
    this.dayWords = new Set(tokenize([...event.audiences, ...event.partners, event.title].join(' ')));
  }

  async answer(question: string, context: QaContext): Promise<QaAnswer | null> {
    const text = expandContractions(question.trim().slice(0, 400));
    if (!/\p{L}/u.test(text)) return null;
    const found = this.finder.find(text);
    const detected = detectLanguage(text, found.entityWords, this.classifier.vocabulary);
    const lang = detected ?? context.lang;
    const scope: AnswerScope = {
      event: this.event,
      facts: this.finder.facts,
      lang,
      availability: context.availability,
      now: context.now,
      open: context.now.getTime() < this.deadline,
    };
    const folded = fold(text);
    // The waiting lists, from the live ledger: how many wait, and whether the asker does.
    const waiting = answerWaitlistQuestion(folded, lang, context);
    if (waiting) return { lang, confidence: 0.9, replies: [reply(scope, waiting)] };
    // Comparisons, lengths, plans, recommendations, what a session's text says: one step of reasoning over the event file.
    const words = tokenize(folded);
    const reasoned = this.reasoner.answer(folded, words, found, scope);
    if (reasoned) return { lang, confidence: 0.8, replies: [reply(scope, reasoned.lines, reasoned.sessions, reasoned.programme)] };
    const verdict = await this.classify(text, detected, context.lang, found.entityWords);
    const guess = this.decide(text, found, verdict, lang);
    // Unsure, but a question word says what is asked ("welke dag en hoe laat"): answer that aspect.
    const unsure = guess.kind === 'none' || (guess.kind === 'honest' && !guess.offtopic && guess.confidence < 0.5);
    const decision: Decision = unsure && askedAspects(words).length > 0 && this.coverage(found, lang) === 1 ? { kind: 'answer', intent: null } : guess;
    // "wat is de deadline en de prijs": each clause may ask its own question about the day.
    const clauses = await this.clauseIntents(text, detected, context.lang, lang);
    const others = clauses.intents.filter((c) => decision.kind !== 'answer' || c !== decision.intent);
    const otherLines = others.flatMap((c) => this.drafts.day(c, found, scope).lines);
    // "hoe laat begint arbeidszorg en in welke zaal is dat": each part gets its aspect, about what it names.
    const parts = await this.twoParts(folded, found, scope, detected, context.lang);
    if (parts) {
      const lines = [...parts.lines, ...otherLines.filter((l) => !parts.lines.includes(l))];
      return { lang, confidence: 0.8, replies: [reply(scope, lines, parts.sessions, parts.programme)] };
    }
    if (decision.kind === 'none' && others.length === 0) return null;
    if (decision.kind !== 'answer') {
      const p = phrases[lang];
      const offtopic = decision.kind === 'honest' && decision.offtopic;
      if (offtopic && others.length === 0) return { lang, confidence: decision.confidence, replies: [reply(scope, [p.offtopic(this.event.title, this.event.contact)], [], true)] };
      // Only clauses were understood ("wie is het voor en wat kost het"); an unknown one ("is er lunch") is said so.
      const lines = decision.kind === 'honest' && (others.length === 0 || clauses.unknown) ? [p.unknown(this.event.contact), ...otherLines] : otherLines;
      return { lang, confidence: others.length > 0 ? 0.75 : decision.kind === 'honest' ? decision.confidence : 0.35, replies: [reply(scope, lines, [], true)] };
    }
    const intent = decision.intent;
    const named = hasEntity(found) || found.venue;

    const asked = askedAspects(words);
    // No verdict, but a question word says what is asked ("sessies van de vvsg en waar").
    const main: AnswerIntent | Aspect | null = intent ?? asked[0] ?? null;
    const draft = main === null || main === 'overview' || isAspect(main) ? this.drafts.aspect(main ?? 'overview', found, scope) : this.drafts.day(main, found, scope);
    // "waar is het en wanneer": one more aspect named by its own question word is answered too.
    // "wat kost het en waar is het": after a day intent, only when an "en"/"and" joins the two.
    const also = asked.find((a) => a !== main);
    if (main !== null && also && (isAspect(main) || words.some((w) => conjunctions.has(w)))) draft.lines.push(...this.drafts.aspect(also, found, scope).lines);
    draft.lines.push(...otherLines.filter((l) => !draft.lines.includes(l)));
    const lines = yesOrNo(folded, main, found, scope, draft.lines);
    const sure = named || (intent === 'audience' && found.asker !== null) || decision.sure === true;
    const confidence = intent !== null ? Math.min(0.95, Math.max(verdict.score, sure ? 0.75 : 0)) : main !== null ? (named ? 0.75 : 0.5) : 0.45;
    return { lang, confidence, replies: [reply(scope, lines, draft.sessions, draft.programme, draft.extra)] };
  }

  /** The parts of a two-part question, each answered for what it names (or the day, or what the whole question names). */
  private async twoParts(folded: string, found: Found, scope: AnswerScope, detected: Language | null, fallback: Language): Promise<Draft | null> {
    const clauses = aspectClauses(folded);
    if (clauses.length < 2) return null;
    const lines: string[] = [];
    const sessions: number[] = [];
    for (const clause of clauses) {
      const own = this.finder.find(clause.text);
      const named = hasEntity(own) || own.venue;
      // "tot wanneer kan ik inschrijven" asks the deadline, whatever its "wanneer" says; the clause intents answer it.
      const verdict = named ? null : await this.classify(clause.text, detected, fallback, own.entityWords);
      if (verdict?.intent && !isAspect(verdict.intent) && verdict.intent !== 'overview' && verdict.score >= 0.6) continue;
      const subject = named || /\b(?:dag|netwerkdag|day|event|evenement)\b/u.test(clause.text) ? own : found;
      const draft = this.drafts.aspect(clause.aspect, subject, scope);
      lines.push(...draft.lines.filter((l) => !lines.includes(l)));
      sessions.push(...draft.sessions.filter((n) => !sessions.includes(n)));
    }
    return lines.length > 0 ? { lines, sessions, programme: sessions.length === 0 } : null;
  }

  /** The day intents of the clauses an "en"/"and" joins, each decided on its own; none without a conjunction. */
  private async clauseIntents(text: string, detected: Language | null, fallback: Language, lang: Language): Promise<{ intents: DayIntent[]; unknown: boolean }> {
    const out: DayIntent[] = [];
    let unknown = false;
    if (!tokenize(text).some((w) => conjunctions.has(w))) return { intents: out, unknown };
    const parts = text.split(/\s*\b(?:en|and|plus)\b\s*|[,;]\s*/iu).filter((part) => /\p{L}/u.test(part));
    if (parts.length < 2) return { intents: out, unknown };
    for (const part of parts) {
      const found = this.finder.find(part);
      // A clause that names a session, person or organisation asks about it, not about the day.
      if (hasEntity(found)) continue;
      const verdict = await this.classify(part, detected, fallback, found.entityWords);
      const decision = this.decide(part, found, verdict, lang);
      if (decision.kind === 'honest' && !decision.offtopic && decision.confidence >= 0.6) unknown = true;
      if (verdict.intent === null) continue;
      if (decision.kind === 'answer' && decision.intent !== null && !isAspect(decision.intent) && !out.includes(decision.intent)) out.push(decision.intent);
    }
    return { intents: out, unknown };
  }

  /**
   * What to answer: an intent (null: "tell me about what I named"), the honest "I do not know",
   * or nothing. nlp.js is confidently wrong now and then, so its verdict passes a few checks.
   */
  private decide(text: string, found: Found, verdict: Classification, lang: Language): Decision {
    const named = hasEntity(found) || found.venue;
    // Names that surely mean one thing; a theme word or a time can sit in any question.
    const strong = found.speakers.length + found.orgs.length + found.sessionNumbers.length + found.rooms.length + found.abbreviations.length > 0;
    const unsure: Decision = isProbablyQuestion(text) ? { kind: 'honest', confidence: 0.35, offtopic: false } : { kind: 'none' };
    const names = new Set([...found.speakers.map((x) => x.name), ...found.orgs.map((x) => x.name), ...found.rooms].flatMap(tokenize));
    if (found.contentWords.some((w) => unknownTopicWords.has(w) && !names.has(w))) return { kind: 'honest', confidence: 0.85, offtopic: false };
    // "ik werk bij een OCMW, mag ik komen": who may come, whatever organisation the question names.
    if (found.asker !== null) return { kind: 'answer', intent: 'audience' };
    // "uiterste datum voor inschrijven", "inschrijvingsdeadlijn": a deadline word (typos too) with nothing named asks the deadline.
    if (!hasEntity(found) && deadlineMarker.test(fold(text))) return { kind: 'answer', intent: 'deadline', sure: true };
    // "om 13u30", "120.000 mensen aan de slag": with the names taken out, too little is left to classify.
    if (named && verdict.fillerOnly) return { kind: 'answer', intent: null };
    // Just under nlp.js's threshold, a clear leader is still a usable (less confident) reading.
    const leader = verdict.ranked[0];
    const guessed = verdict.intent ?? (leader && leader.score >= 0.4 && !weakIntents.has(leader.intent) ? leader.intent : null);
    let intent: Exclude<Intent, 'overview'> | null = guessed === 'overview' ? null : guessed;
    if (!named) {
      if (intent === 'greeting') return { kind: 'none' };
      // "is het op een vrijdag?", "in oktober of november?": a month or weekday asks when, unless another intent has its own words there.
      if (!found.venue && calendarWord.test(fold(text))) {
        const own = found.contentWords.filter((w) => !found.placeWords.has(w) && !this.dayWords.has(w));
        if (intent === null || intent === 'when' || !this.classifier.supports(intent, own, lang)) return { kind: 'answer', intent: 'when', sure: true };
      }
      if (intent === null || this.coverage(found, lang) < 0.5) return unsure;
      if (intent === 'offtopic') return { kind: 'honest', confidence: 0.3, offtopic: true };
    }
    // nlp.js may read "who works for X" as the audience, or "which organisation is X" as the
    // partners; when the question names the programme, the best aspect reading is the better one.
    if (strong && intent !== null && overridable.has(intent) && !(intent === 'partners' && found.orgs.some((o) => o.partner))) {
      intent = verdict.ranked.map((r) => r.intent).find(isAspect) ?? null;
    }
    // A day intent must share a content word with its training, when the question has any.
    const own = found.contentWords.filter((w) => !found.entityWords.has(w) && !found.placeWords.has(w) && !this.dayWords.has(w));
    // Only names and function words ("welke sessie heeft het over de Taskforce"): a day intent has nothing to stand on.
    if (intent !== null && !isAspect(intent) && intent !== 'unknown_topic' && own.length === 0 && hasEntity(found)) {
      intent = verdict.ranked.map((r) => (r.score >= 0.1 ? r.intent : null)).find((i): i is Exclude<Aspect, 'overview'> => i !== null && isAspect(i)) ?? null;
    }
    if (intent !== null && !isAspect(intent) && own.length > 0 && !this.classifier.supports(intent, own, lang)) {
      const next = verdict.ranked.find((r) => r.intent !== intent && r.score >= 0.1 && (isAspect(r.intent) || this.classifier.supports(r.intent, own, lang)));
      intent = next && next.intent !== 'overview' ? next.intent : null;
      if (intent === null && !named) return unsure;
    }
    if (intent === 'unknown_topic' && found.venue) intent = 'where';
    // "is het in oktober of november": a month or weekday asks when, whatever "is het in" suggests.
    if (intent === 'where' && !found.venue && found.rooms.length === 0 && calendarWord.test(fold(text))) intent = 'when';
    if (intent === 'unknown_topic') return { kind: 'honest', confidence: Math.min(0.9, verdict.score), offtopic: false };
    if (intent === 'offtopic' || intent === 'greeting') intent = null;
    return { kind: 'answer', intent };
  }

  private async classify(text: string, detected: Language | null, fallback: Language, keep: ReadonlySet<string>): Promise<Classification> {
    if (detected) return this.classifier.classify(text, detected, keep);
    const [mine, other] = await Promise.all([this.classifier.classify(text, fallback, keep), this.classifier.classify(text, fallback === 'nl' ? 'en' : 'nl', keep)]);
    return other.score > mine.score + 0.2 ? other : mine;
  }

  /** The share of the question's content words that the classifier or the programme knows. */
  private coverage(found: Found, lang: Language): number {
    const words = found.contentWords.filter((w) => !found.entityWords.has(w) && !found.placeWords.has(w));
    if (words.length === 0) return 1;
    return words.filter((w) => this.classifier.knows(this.classifier.correct(w, lang)) || glossary.has(w) || this.dayWords.has(w)).length / words.length;
  }
}

const deadlineMarker =
  /d[ea]{1,3}dl|uiterste|sluitingsdatum|inschrijfdatum|inschrijvingsdatum|\b(?:inschrijving(?:en)?|registrations?|registratie|sign ?ups?)\s+(?:sluit|sluiten|close|closes|afgesloten)|\b(?:sluit|sluiten|closes?)\s+(?:de\s+)?(?:inschrijving|registration)|\b(?:tot wanneer|until when|till when)\b.*\b(?:inschrijv\w*|registr\w*|aanmeld\w*|sign up|enrol\w*)/u;
const calendarWord =
  /\b(?:namiddag|voormiddag|ochtend|afternoon|morning|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u;
const yesNoFirst = /^(?:ja|nee|yes|no)\b/iu;

/** A yes/no question's answer with its yes or no first, when the facts settle it ("Nee, het boek is optioneel; ..."). */
function yesOrNo(folded: string, main: Intent | null, found: Found, scope: AnswerScope, lines: string[]): string[] {
  if (!isYesNo(folded) || yesNoFirst.test(lines[0] ?? '')) return lines;
  const r = reasoning[scope.lang];
  const verdict = verdictOf(main, folded, found, scope);
  if (verdict?.reason === 'bookOptional') return [r.bookOptional, ...lines];
  if (verdict) return [`${verdict.yes ? r.yes : r.no} ${lines[0] ?? ''}`.trim(), ...lines.slice(1)];
  const stated = scope.lang === 'nl' ? statedVerdict(folded, scope.event) : null;
  return stated ? [r.stated(stated.yes, stated.sentence)] : lines;
}
