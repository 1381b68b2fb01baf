import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangNl } from '@nlpjs/lang-nl';
import { Nlp } from '@nlpjs/nlp';
import type { EventData, Language } from '../../core/index.ts';
import { dutchStopwords, fold, tokenize } from './text.ts';
import { intents, utterances, type Intent } from './training.ts';

/** The classifier's verdict: an intent with nlp.js's score, and how much of the question it knew. */
export interface Classification {
  intent: Intent | null;
  score: number;
  /** The runner-up intent, for questions that sit between two. */
  second: Intent | null;
  secondScore: number;
}

/** Templates filled with the event's names so the classifier meets them in every aspect alike. */
const templates: Record<Language, Partial<Record<Intent, string[]>>> = {
  nl: {
    when: ['hoe laat is {session}', 'wanneer spreekt {speaker}'],
    where: ['waar is {session}', 'waar spreekt {speaker}'],
    who: ['wie spreekt bij {session}', 'wie is {speaker}', 'wie werkt bij {org}'],
    what: ['waarover gaat {session}', 'wat vertelt {speaker}'],
    seats: ['hoeveel plaatsen heeft {session}', 'hoeveel mensen kunnen naar {speaker}'],
    list: ['welke sessies geeft {org}', 'welke sessies zijn er in {room}'],
  },
  en: {
    when: ['what time is {session}', 'when does {speaker} speak'],
    where: ['where is {session}', 'where does {speaker} speak'],
    who: ['who speaks at {session}', 'who is {speaker}', 'who works at {org}'],
    what: ['what is {session} about', 'what does {speaker} talk about'],
    seats: ['how many seats does {session} have', 'how many people can go to {speaker}'],
    list: ['which sessions does {org} give', 'which sessions are in {room}'],
  },
};

function generated(event: EventData, lang: Language): Array<[Intent, string]> {
  const names = {
    // Titles without their function words: "Wat is arbeidszorg?" must not teach "wat is" to every intent.
    session: event.sessions.map((s) => tokenize(s.title).filter((w) => !dutchStopwords.has(w)).join(' ')),
    speaker: event.sessions.flatMap((s) => s.speakers.map((p) => p.name)),
    org: [...new Set(event.sessions.flatMap((s) => s.speakers.map((p) => p.organisation)))],
    room: [...new Set(event.sessions.map((s) => s.room))],
  };
  const out: Array<[Intent, string]> = [];
  for (const [intent, list] of Object.entries(templates[lang]) as Array<[Intent, string[]]>) {
    for (const template of list) {
      const slot = /\{(\w+)\}/u.exec(template)?.[1] as keyof typeof names;
      for (const name of names[slot]) out.push([intent, template.replace(`{${slot}}`, name)]);
    }
  }
  return out;
}

/** An nlp.js model per language, trained at start-up; `classify` never throws. */
export class IntentClassifier {
  private constructor(
    private readonly nlp: Nlp,
    /** Every folded word the training saw, per language: the rest of a question is unknown to it. */
    readonly vocabulary: Record<Language, Set<string>>,
  ) {}

  static async train(event: EventData): Promise<IntentClassifier> {
    const container = await containerBootstrap();
    container.use(LangNl);
    container.use(LangEn);
    container.registerConfiguration(
      'nlu-??',
      { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: true, spellCheckDistance: 1, filterZeros: true, log: false },
      true,
    );
    const nlp = new Nlp({ container, languages: ['nl', 'en'], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false });
    const vocabulary: Record<Language, Set<string>> = { nl: new Set(), en: new Set() };
    for (const lang of ['nl', 'en'] as const) {
      for (const intent of intents) {
        for (const utterance of utterances[lang][intent] ?? []) {
          nlp.addDocument(lang, utterance, intent);
          tokenize(utterance).forEach((w) => vocabulary[lang].add(w));
        }
      }
      for (const [intent, utterance] of generated(event, lang)) nlp.addDocument(lang, utterance, intent);
    }
    await nlp.train();
    return new IntentClassifier(nlp, vocabulary);
  }

  async classify(question: string, lang: Language): Promise<Classification> {
    const result = await nlp(this.nlp, lang, fold(question));
    const ranked = (result?.classifications ?? []).filter((c) => c.intent !== 'None').sort((a, b) => b.score - a.score);
    const top = ranked[0];
    const next = ranked[1];
    const known = (name: string | undefined): Intent | null => ((intents as readonly string[]).includes(name ?? '') ? (name as Intent) : null);
    return {
      intent: result && result.intent !== 'None' ? known(top?.intent) : null,
      score: top?.score ?? 0,
      second: known(next?.intent),
      secondScore: next?.score ?? 0,
    };
  }
}

async function nlp(model: Nlp, lang: Language, text: string) {
  try {
    return await model.process(lang, text);
  } catch {
    return null;
  }
}
