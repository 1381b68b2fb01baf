import { StemmerEn, StopwordsEn } from '@nlpjs/lang-en';
import { StemmerNl, StopwordsNl } from '@nlpjs/lang-nl';
import type { EventData, Language, Session } from '../../core/index.ts';
import type { ProgrammeFacts } from './programme.ts';
import { dutchStopwords, englishStopwords, fold, tokenize } from './text.ts';

/** One piece of a session's text that can answer a question about what it covers. */
interface Passage {
  text: string;
  stems: Set<string>;
  /** The sentence that leads into the bullet points, with them. */
  items?: string[];
  /** One of those bullet points. */
  item?: boolean;
  /** The title: it counts for ranking sessions, and is never an answer. */
  title?: boolean;
  /** It names an organisation ("een project van Taskforce Spitsregio Leuven, VDAB en Groep Intro"). */
  org: boolean;
  /** It holds a number ("120.000 mensen", "na 5 jaar", "drie jaar lang"). */
  number: boolean;
}

/** What to look for in a session's text: the question's own words, and what kind of answer it wants. */
export interface PassageQuery {
  words: string[];
  lang: Language;
  /** "wie", "door wie", "which organisations": the answer names someone. */
  who: boolean;
  /** "hoeveel", "how many": the answer holds a number. */
  count: boolean;
  /** "who sends people to ...": asks who does something other than speaking; a passage naming an organisation answers, even sharing no word. */
  agent: boolean;
}

const stemmers: Record<Language, { stemWord(word: string): string }> = { nl: new StemmerNl(), en: new StemmerEn() };
// Balie's function words and nlp.js's ("would", "like", "zou"): none of them says what a text is about.
const stopwords: Record<Language, (word: string) => boolean> = {
  nl: ((list) => (w: string) => dutchStopwords.has(w) || list.isStopword(w))(new StopwordsNl()),
  en: ((list) => (w: string) => englishStopwords.has(w) || list.isStopword(w))(new StopwordsEn()),
};
const numberPattern = /\d|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b/u;
// "welke manieren", "which instruments": the list a sentence leads into; "welk voorbeeld": one item of it.
const listNouns = /\b(?:manieren|aanpakken|instrumenten|maatregelen|middelen|methodes|methoden|vormen|onderwerpen|themas|punten|mogelijkheden|voorbeelden|ways|approaches|instruments|measures|tools|methods|forms|topics|themes|points|options|examples)\b/u;
const itemNouns = /\b(?:manier|aanpak|instrument|maatregel|middel|methode|vorm|onderwerp|thema|punt|mogelijkheid|voorbeeld|way|approach|measure|tool|method|form|topic|theme|point|option|example)\b/u;

/**
 * The sentences and bullet points of every session, in Dutch and in the English summary, to find
 * what a question asks about. Built on first use, so that start-up does not pay for stemming them.
 */
export class Passages {
  private built: Map<number, Record<Language, Passage[]>> | null = null;
  /** Acronyms and names of organisations the event knows; an acronym the texts explain (LDE) is not one. */
  private readonly orgNames: string[];
  private readonly explained: Set<string>;

  constructor(
    private readonly event: EventData,
    facts: ProgrammeFacts,
  ) {
    this.explained = new Set(facts.abbreviations.map((a) => a.short));
    // The capitalised words of their names ("Groep INTRO" gives "INTRO"), met only as capitalised words: "lokale" is no organisation.
    const capitalised = facts.orgs.flatMap((o) => o.name.split(/[\s-]+/u).filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3));
    this.orgNames = [...new Set(capitalised.filter((w) => !/^(?:Stad|Provincie|Departement|Vzw|Groep)$/u.test(w)).map(fold))];
  }

  private get bySession(): Map<number, Record<Language, Passage[]>> {
    this.built ??= new Map(this.event.sessions.map((session) => [session.number, { nl: this.dutch(session), en: this.english(session) }]));
    return this.built;
  }

  /** Stems met so far, per language: stemming is the dearest step, and questions repeat words. */
  private readonly stemCache: Record<Language, Map<string, string | null>> = { nl: new Map(), en: new Map() };

  /** Words whose stems count, in a language: no function words, no very short words. */
  stemsOf(words: string[], lang: Language): string[] {
    const cache = this.stemCache[lang];
    const out = new Set<string>();
    for (const word of words) {
      let stem = cache.get(word);
      if (stem === undefined) {
        stem = word.length >= 3 && !stopwords[lang](word) ? stemmers[lang].stemWord(word) : null;
        if (cache.size < 20000) cache.set(word, stem);
      }
      if (stem !== null) out.add(stem);
    }
    return [...out];
  }

  /**
   * The passages of `session` that answer the query, in text order (at most two), or null when
   * none shares a word with it. `weight` says how much a stem counts (question words of the
   * aspect intents count less: "ligt", "begint").
   */
  find(session: Session, query: PassageQuery, weight: (stem: string) => number): string[] | null {
    const passages = this.bySession.get(session.number)?.[query.lang] ?? [];
    const stems = this.stemsOf(query.words, query.lang);
    const overlap = (p: Passage): number => stems.reduce((sum, s) => sum + (p.stems.has(s) ? weight(s) : 0), 0);
    const scored = passages.filter((p) => !p.title).map((p, index) => ({ p, index, overlap: overlap(p), score: overlap(p) }));
    const folded = fold(query.words.join(' '));
    if (!scored.some((x) => x.overlap >= 1)) {
      // "welke aanpakken komen aan bod": the list the text gives, whatever it calls them; "who sends ...": the sentence naming someone.
      const list = listNouns.test(folded) ? scored.find((x) => x.p.items) : undefined;
      if (list) return [list.p.text, ...(list.p.items ?? []).map((i) => `• ${i}`)];
      const named = query.agent ? scored.find((x) => x.p.org) : undefined;
      return named ? [named.p.text] : null;
    }
    for (const x of scored) {
      if (listNouns.test(folded) && x.p.items) x.score += 2;
      if (itemNouns.test(folded) && x.p.item) x.score += 1;
    }
    // Who did it, how many: only a passage that names someone, or holds a number, answers that.
    let pool = scored;
    if (query.who && scored.some((x) => x.p.org)) pool = scored.filter((x) => x.p.org);
    else if (query.count && scored.some((x) => x.p.number && x.overlap > 0)) pool = scored.filter((x) => x.p.number);
    const ranked = [...pool].sort((a, b) => b.score - a.score || a.p.text.length - b.p.text.length || a.index - b.index);
    const best = ranked[0];
    // In a "who" pool, the passage that names someone answers even when another passage had the words.
    if (!best || (best.score <= 0 && pool === scored)) return null;
    const second = ranked[1];
    const chosen = second && second.score >= best.score * 0.75 && !best.p.items && !(second.p.item && best.p.items) ? [best, second] : [best];
    return chosen.sort((a, b) => a.index - b.index).flatMap((x) => [x.p.text, ...(x.p.items ?? []).map((i) => `• ${i}`)]);
  }

  /** The sessions whose text (not title) holds this word, each with the passage that holds it: "wat is een enclave". */
  containing(word: string, lang: Language): Array<{ session: number; text: string }> {
    const [stem] = this.stemsOf([word], lang);
    if (stem === undefined) return [];
    const out: Array<{ session: number; text: string }> = [];
    for (const [session, texts] of this.bySession) {
      if (texts[lang].some((p) => p.title && p.stems.has(stem))) continue;
      const hit = texts[lang].filter((p) => !p.title && !p.items && p.stems.has(stem)).sort((a, b) => a.text.length - b.text.length)[0];
      if (hit) out.push({ session, text: hit.text });
    }
    return out;
  }

  /** Whether a session's text (title included) has a stem. */
  holds(session: number, stem: string, lang: Language): boolean {
    return this.bySession.get(session)?.[lang].some((p) => p.stems.has(stem)) === true;
  }

  /** The sentences (not titles) that name an organisation by its whole name ("Groep Intro", "de provincie Vlaams-Brabant"), per session. */
  naming(name: string, lang: Language): Array<{ session: number; text: string }> {
    const phrase = ` ${tokenize(name).join(' ')} `;
    const out: Array<{ session: number; text: string }> = [];
    for (const [session, texts] of this.bySession) {
      for (const p of texts[lang]) {
        if (!p.title && !p.items && ` ${tokenize(p.text).join(' ')} `.includes(phrase)) out.push({ session, text: p.text });
      }
    }
    return out;
  }

  /** In how many sessions' texts (title included) a stem occurs. */
  spread(stem: string, lang: Language): number {
    return [...this.bySession.values()].filter((texts) => texts[lang].some((p) => p.stems.has(stem))).length;
  }

  /**
   * Sessions ranked by the distinctive words their texts share with `words` (a word in few
   * sessions weighs more), Dutch stems against the Dutch texts, English ones against the English
   * summaries; `dutch` are extra Dutch words (the glossary's reading of an English question).
   */
  rank(words: string[], lang: Language, dutch: string[] = [], weak: (word: string) => boolean = () => false): Array<{ session: number; score: number }> {
    const terms = (list: string[], l: Language): Array<[Language, string, number]> =>
      list.flatMap((w) => this.stemsOf([w], l).map((s): [Language, string, number] => [l, s, weak(w) ? 0.5 : 1]));
    const asked = [...terms(words, lang), ...(lang === 'en' ? terms(dutch, 'nl') : [])].filter(
      ([l, s], i, all) => all.findIndex(([l2, s2]) => l2 === l && s2 === s) === i,
    );
    const sessions = [...this.bySession.entries()];
    const holds = (texts: Record<Language, Passage[]>, [l, stem]: [Language, string, number]): boolean => texts[l].some((p) => p.stems.has(stem));
    const scores = sessions.map(([session, texts]) => ({ session, score: 0, texts }));
    for (const term of asked) {
      const having = scores.filter((x) => holds(x.texts, term));
      if (having.length === 0 || having.length === sessions.length) continue;
      const weight = term[2] * Math.log(1 + sessions.length / having.length);
      for (const x of having) x.score += weight;
    }
    return scores.filter((x) => x.score > 0).map(({ session, score }) => ({ session, score })).sort((a, b) => b.score - a.score || a.session - b.session);
  }

  private dutch(session: Session): Passage[] {
    const sentences = session.description.replace(/\s+/gu, ' ').trim().split(/(?<=[.!?:])\s+/u);
    const out: Passage[] = sentences.map((text, i) => {
      const leads = i === sentences.length - 1 && text.endsWith(':') && session.bullets.length > 0;
      return this.passage(leads ? [text, ...session.bullets].join(' ') : text, 'nl', text, leads ? session.bullets : undefined);
    });
    for (const bullet of session.bullets) out.push({ ...this.passage(bullet, 'nl'), item: true });
    out.push({ ...this.passage(session.title, 'nl'), title: true });
    if (session.closing) out.push(this.passage(session.closing, 'nl'));
    return out;
  }

  private english(session: Session): Passage[] {
    const summary = session.en?.summary;
    if (!summary) return [];
    return [...summary.split(/(?<=[.!?])\s+/u).map((text) => this.passage(text, 'en')), { ...this.passage(session.en?.title ?? '', 'en'), title: true }];
  }

  private passage(words: string, lang: Language, text = words, items?: string[]): Passage {
    return { text, stems: new Set(this.stemsOf(tokenize(words), lang)), ...(items ? { items } : {}), org: this.namesOrg(words), number: numberPattern.test(fold(words)) };
  }

  /** An organisation the event knows, an acronym it does not explain, or a run of capitalised words inside a sentence ("Taskforce Spitsregio Leuven"). */
  private namesOrg(text: string): boolean {
    const acronyms = (text.match(/\b\p{Lu}{2,6}\b/gu) ?? []).filter((a) => !this.explained.has(a));
    if (acronyms.length > 0) return true;
    // "Groep Intro" in a description is "Groep INTRO" of the speakers: capitalised either way.
    const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => /^\p{Lu}/u.test(w)).map(fold));
    if (this.orgNames.some((name) => words.has(name))) return true;
    return /\s\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{L}+)+/u.test(text);
  }
}
