import type { Language } from '../../core/index.ts';
import { dutchStopwords, englishStopwords } from './text.ts';

/**
 * Kinds of organisation a visitor may name, each with the words that name it and a pattern
 * for the event's audience entry it belongs to. Which audiences an event has comes from the
 * event file; this only says that an OCMW is a local government, so "ik werk bij een OCMW"
 * meets "Lokale besturen".
 */
const kinds: Array<{ audience: RegExp; name: Record<Language, string>; words: RegExp; self?: RegExp; loose?: boolean }> = [
  {
    audience: /\blokale? besturen\b|\blokaal bestuur\b/u,
    name: { nl: 'lokaal bestuur', en: 'local government' },
    words: /\b(?:ocmw|cpas|gemeente|stad|municipality|city|town|city council|town council)\b/u,
    self: /\b(?:lokaa?le? bestu\w*|local (?:government|authority|authorities))\b/u,
  },
  {
    audience: /\bsociale? economie/u,
    name: { nl: 'sociale-economiebedrijf', en: 'social economy enterprise' },
    words: /\b(?:maatwerkbedrijf|social enterprise|sociale onderneming)\b/u,
    self: /\b(?:sociaa?le?[ -]?economie\w*|social economy)\b/u,
  },
  // A civil servant may work for any government: only "not one" is clear (then the other audiences are the answer).
  {
    audience: /\blokale? besturen\b|\blokaal bestuur\b/u,
    name: { nl: 'ambtenaar', en: 'civil servant' },
    words: /\b(?:ambtenaar|ambtenaren|civil servants?|public servants?|government employees?|overheidsdienst|overheid|government|public sector)\b/u,
    loose: true,
  },
];

/** A kind of organisation the asker named: the audience entry it belongs to, its name, and the word they used ("OCMW"). */
export interface AskerKind {
  audience: RegExp;
  name: Record<Language, string>;
  /** Null when they named the kind itself ("als lokaal bestuur"). */
  word: string | null;
}

/** What a visitor says they are or work for ("ik werk bij een OCMW", "as a jobseeker"); `kind` null when Balie cannot place it. */
export interface Asker {
  kind: AskerKind | null;
  /** They say what they are not ("ik ben geen ambtenaar", "I don't work for a municipality"). */
  negated: boolean;
}

// "ik werk bij/voor", "ik ben", "als", "I work for/at", "I am", "as", "we are": the words after it say who asks.
// After "als" only "een" may follow ("als de regels strenger worden" is a condition); "als ik bij een gemeente werk" too.
// "ik ben"/"I am" only with an article or "van"/"from": "ik ben ingeschreven" says nothing about who.
const selfPatterns = [
  /\b(?:ik werk (?:bij|voor|in|op)|i work (?:for|at|in)|as)\s+(?:(?:een|de|het|ons|onze|mijn|a|an|the|our|my)\s+)?([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u,
  /\b(?:ik ben|wij zijn|we zijn|i am|we are)\s+(?:(?:van|bij|from|with)\s+)?(?:een|de|het|ons|onze|mijn|a|an|the|our|my)\s+([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u,
  /\b(?:ik ben|wij zijn|we zijn|i am|we are)\s+(?:van|bij|from|with)\s+([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u,
  /\bals\s+(?:een\s+)?([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u,
  /\bik (?:bij|voor|in|op)\s+(?:(?:een|de|het|ons|mijn)\s+)?([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})\s+werk\b/u,
];
// Asking whether one may come: "mag ik komen", "kan ik deelnemen", "can I attend", "is dit voor mij".
const attendPattern =
  /\b(?:mag|kan|kun|mogen|kunnen|can|may|could|allowed)\b.*\b(?:komen|deelnemen|meedoen|aansluiten|erbij zijn|attend|come|join|participate|take part)\b|\b(?:is|zijn)\s+(?:het|dit|dat|de netwerkdag|it|this|that)\s+(?:ook\s+)?(?:iets\s+)?(?:voor|bedoeld voor|for|meant for)\s+(?:mij|ons|me|us)\b|\bwelkom\b|\bwelcome\b/u;
// "ik ben geen ambtenaar", "ik werk niet bij een gemeente", "I am not a civil servant", "I do not work for a city".
const notPattern =
  /\b(?:ik ben geen|wij zijn geen|we zijn geen|ik werk niet (?:bij|voor|in|op)(?: een| de| het)?|wij werken niet (?:bij|voor)(?: een| de)?|i am not (?:an?|from an?)|we are not (?:an?|from an?)|i do not work (?:for|at|in)(?: an?| the)?|we do not work (?:for|at|in)(?: an?| the)?)\s+([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*){0,2})/u;
const functionWords = new Set([...dutchStopwords, ...englishStopwords]);

/** Who asks whether they may come, from a folded question; null unless it asks that and says who. */
export function askerOf(folded: string): Asker | null {
  if (!attendPattern.test(folded)) return null;
  const denied = notPattern.exec(folded)?.[1];
  if (denied !== undefined) {
    const kind = kinds.find((k) => k.words.test(denied) || k.self?.test(denied) === true);
    const word = kind ? (kind.words.exec(denied)?.[0] ?? null) : null;
    return { kind: kind ? { audience: kind.audience, name: kind.name, word } : null, negated: true };
  }
  // "als de regels strenger worden, mag ik dan komen": "als" then a function word is a condition.
  const described = selfPatterns
    .map((pattern) => pattern.exec(folded)?.[1]?.split(/\s+/u) ?? [])
    .find((words) => words.length > 0 && !functionWords.has(words[0] as string));
  if (described === undefined) return null;
  const said = described.join(' ');
  for (const kind of kinds) {
    const word = kind.words.exec(said)?.[0];
    if (word && kind.loose) return { kind: null, negated: false };
    if (word) return { kind: { audience: kind.audience, name: kind.name, word: /^(?:ocmw|cpas)$/u.test(word) ? word.toUpperCase() : word }, negated: false };
    // Named by the kind itself: nothing to explain, it is simply one of the audiences.
    if (kind.self?.test(said)) return { kind: { audience: kind.audience, name: kind.name, word: null }, negated: false };
  }
  return { kind: null, negated: false };
}
