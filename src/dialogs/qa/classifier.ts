import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangNl, StemmerNl } from '@nlpjs/lang-nl';
import { Nlp } from '@nlpjs/nlp';
import MiniSearch from 'minisearch';
import type { EventData, Language } from '../../core/index.ts';
import { dutchStopwords, englishStopwords, fold, tokenize } from './text.ts';
import { intents, utterances, type Intent } from './training.ts';

/** The classifier's verdict: intents ranked by nlp.js's score, best first; `intent` null when none is sure. */
export interface Classification {
  intent: Intent | null;
  score: number;
  ranked: Array<{ intent: Intent; score: number }>;
  /** Only filler words were left to classify ("om", "de"): the verdict means little. */
  fillerOnly: boolean;
}

const fillers = new Set(['om', 'de', 'het', 'een', 'in', 'op', 'van', 'voor', 'en', 'aan', 'met', 'over', 'bij', 'te', 'naar', 'uit', 'about', 'with', 'by', 'to', 'at', 'the', 'a', 'an', 'on', 'of', 'for', 'and', 'please', 'graag', 'aub', 'ok',
  'reeks', 'serie', 'series', 'sessie', 'sessies', 'session', 'sessions', 'workshop', 'workshops', 'infosessie', 'nummer', 'number', 'zaal', 'room']);

const stemmer = new StemmerNl();
const greetingWords = new Set(['hallo', 'hoi', 'goedemorgen', 'goeiemorgen', 'goeiedag', 'goedemiddag', 'hey', 'bedankt', 'merci', 'hello', 'hi', 'thanks', 'balie']);

/**
 * Utterances generated from the event file: the bare names of sessions, people, organisations
 * and rooms mean "tell me about this" (the `overview` intent). So a title typed on its own is
 * not read as some other question, and the classifier has met every name.
 */
function generated(event: EventData): string[] {
  const names = [
    ...event.sessions.map((s) => tokenize(s.title).filter((w) => !dutchStopwords.has(w) && !englishStopwords.has(w)).join(' ')),
    ...event.sessions.flatMap((s) => s.speakers.map((p) => p.name)),
    ...event.sessions.flatMap((s) => s.speakers.map((p) => p.organisation)),
    ...event.sessions.map((s) => s.room),
  ];
  return [...new Set(names.map(fold))].filter((n) => n.length > 0);
}

/** An nlp.js model per language, trained at start-up; `classify` never throws. */
export class IntentClassifier {
  private constructor(
    private readonly nlp: Nlp,
    /** Every folded word the hand-written training saw, per language. */
    readonly vocabulary: Record<Language, Set<string>>,
    private readonly stems: Set<string>,
    private readonly spelling: MiniSearch<{ id: number; word: string }>,
    /** Per intent, the stems of the content words its utterances use. */
    private readonly support: Map<Intent, Set<string>>,
  ) {}

  static async train(event: EventData): Promise<IntentClassifier> {
    const container = await containerBootstrap();
    container.use(LangNl);
    container.use(LangEn);
    // nlp.js's own spell check turns unknown short words into known ones ("lift" -> "lifo",
    // "zoek" -> "boek"); Balie corrects typos itself, only in longer words (see `correct`).
    container.registerConfiguration(
      'nlu-??',
      { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, filterZeros: true, log: false },
      true,
    );
    const nlp = new Nlp({ container, languages: ['nl', 'en'], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false });
    const vocabulary: Record<Language, Set<string>> = { nl: new Set(), en: new Set() };
    const support = new Map<Intent, Set<string>>();
    for (const lang of ['nl', 'en'] as const) {
      for (const intent of intents) {
        for (const utterance of utterances[lang][intent] ?? []) {
          nlp.addDocument(lang, utterance, intent);
          for (const word of tokenize(utterance)) {
            vocabulary[lang].add(word);
            if (!dutchStopwords.has(word) && !englishStopwords.has(word)) support.set(intent, (support.get(intent) ?? new Set()).add(stemmer.stemWord(word)));
          }
        }
      }
      for (const name of generated(event)) nlp.addDocument(lang, name, 'overview');
    }
    await nlp.train();
    const words = [...new Set([...vocabulary.nl, ...vocabulary.en])];
    const spelling = new MiniSearch<{ id: number; word: string }>({ fields: ['word'], storeFields: ['word'] });
    spelling.addAll(words.map((word, id) => ({ id, word })));
    return new IntentClassifier(nlp, vocabulary, new Set(words.map((w) => stemmer.stemWord(w))), spelling, support);
  }

  /**
   * Whether one of `words` is a content word of the intent's training ("kost" for the price):
   * nlp.js sometimes picks an intent the question shares no word with.
   */
  supports(intent: Intent, words: string[], lang: Language): boolean {
    const stems = this.support.get(intent);
    return words.some((w) => stems?.has(stemmer.stemWord(this.correct(w, lang))) === true);
  }

  /** Whether the training met this word, or a form of it ("reeksen" for "reeks"). */
  knows(word: string): boolean {
    return this.vocabulary.nl.has(word) || this.vocabulary.en.has(word) || this.stems.has(stemmer.stemWord(word));
  }

  /** A word with one typo, corrected to the closest training word, of the question's language first ("wanner" -> "wanneer"). */
  correct(word: string, lang: Language): string {
    if (word.length < 5 || this.vocabulary[lang].has(word)) return word;
    if (this.knows(word)) {
      // Known only as a form of another word or from the other language ("adress"): a one-letter slip of this language's word wins.
      const near = this.spelling.search(word, { fuzzy: 1, maxFuzzy: 1, prefix: false }).map((r) => r.word as string);
      return near.find((w) => this.vocabulary[lang].has(w) && !this.vocabulary[lang === 'nl' ? 'en' : 'nl'].has(word) && w.length > word.length) ?? word;
    }
    // A Dutch diminutive is its word: "boekje", "zaaltje".
    for (const suffix of ['tje', 'je']) {
      const base = word.slice(0, -suffix.length);
      if (word.endsWith(suffix) && base.length >= 3 && this.vocabulary.nl.has(base)) return base;
    }
    // A Dutch compound ends in the word it is about: "inschrijvingsprijs", "sluitingsdatum".
    for (let i = 3; i <= word.length - 4; i++) {
      const tail = word.slice(i);
      if (this.vocabulary.nl.has(tail) && !dutchStopwords.has(tail)) return tail;
    }
    const found = this.spelling.search(word, { fuzzy: 1, maxFuzzy: 1, prefix: false }).map((r) => r.word as string);
    return found.find((w) => this.vocabulary[lang].has(w)) ?? found[0] ?? word;
  }

  /** Classifies the question without the words that name things (`names`): they say about what, not what is asked. */
  async classify(question: string, lang: Language, names: ReadonlySet<string> = new Set()): Promise<Classification> {
    const all = tokenize(question)
      .filter((w) => !names.has(w))
      .map((w) => this.correct(w, lang));
    // "Goeiemorgen, waar is het?": a greeting in front of a question is not the question.
    const rest = all.filter((w) => !greetingWords.has(w));
    const words = rest.length > 0 ? rest : all;
    const text = words.join(' ');
    const fillerOnly = words.every((w) => fillers.has(w));
    const result = await process(this.nlp, lang, text);
    const ranked = (result?.classifications ?? [])
      .filter((c): c is { intent: Intent; score: number } => (intents as readonly string[]).includes(c.intent))
      .sort((a, b) => b.score - a.score);
    const top = ranked[0];
    return { intent: result && result.intent !== 'None' && top ? top.intent : null, score: top?.score ?? 0, ranked, fillerOnly };
  }
}

// The NLU step alone: Nlp.process also runs NER, answers, actions and context handling that Balie
// does not use, and that allocation shows up in the p99 latency.
async function process(model: Nlp, lang: Language, text: string) {
  try {
    const result = await model.nluManager.process({ locale: lang, utterance: text, settings: {} });
    return result.score < noneBelow ? { ...result, intent: 'None' } : result;
  } catch {
    return null;
  }
}

/** nlp.js's own threshold: a best score below it means no intent. */
const noneBelow = 0.5;
