import type { Aspect } from './drafts.ts';

/** Words that ask one aspect of what a question names: "hoe laat", "uur", "welke zaal", "wie spreekt", "hoeveel plaatsen". */
const cues: Array<[Exclude<Aspect, 'what' | 'list' | 'overview'>, RegExp]> = [
  ['when', /\b(?:wanneer|hoe laat|om hoe laat|when|what time|at what time|welk uur|uur|uren|tijd|tijdstip|time|times|datum|date|welke dag|what day|which day|welke reeks|which series|in welke reeks|begint|start|starts|eindigt|ends)\b/u],
  ['where', /\b(?:waar|where|zaal|lokaal|room|locatie|location|adres|address|venue|place|plaats van)\b/u],
  ['who', /\b(?:wie|who|spreekt|spreken|sprekers?|speakers?|presenteert|presents|gives)\b/u],
  ['seats', /\b(?:hoeveel (?:plaatsen|plekken|mensen|deelnemers|personen)|plaatsen|plekken|seats|places|spots|capaciteit|capacity|how many (?:people|seats|places|participants|spots))\b|\bkunnen erbij\b/u],
];

/** The aspects a (folded) question or clause asks for by its cue words, in the order of `cues`. */
export function cueAspects(folded: string): Aspect[] {
  return cues.filter(([, pattern]) => pattern.test(folded)).map(([aspect]) => aspect);
}

const questionWords = /\b(?:wat|wie|waar|wanneer|hoe|welke|welk|hoeveel|what|who|where|when|how|which|is|zijn|are|does|do)\b/u;

// "wanneer en waar", "time and room", "uur en lokaal", "wie spreekt er en in welke zaal": the parts of a two-part question.
const clauseBreak = /\s+(?:en|and|&|plus)\s+|\s*[,;:?]\s+|\s+-\s+/u;

/** A clause of a two-part question and the aspect it asks. */
export interface AspectClause {
  text: string;
  aspect: Aspect;
}

/**
 * The clauses of a question that each ask their own aspect ("hoe laat begint arbeidszorg en in
 * welke zaal is dat" gives when, where), when two clauses ask one; else none.
 */
export function aspectClauses(folded: string): AspectClause[] {
  const clauses = folded.split(clauseBreak).filter((c) => /\p{L}/u.test(c));
  // "session 6 time room speakers": a fragment that lists what it wants, without a question word.
  const fragment = clauses.length === 1 && !questionWords.test(folded) && cueAspects(folded).length >= 2;
  if (clauses.length < 2 && !fragment) return [];
  const out: AspectClause[] = [];
  for (const text of clauses) {
    for (const aspect of cueAspects(text)) if (!out.some((c) => c.aspect === aspect && c.text === text)) out.push({ text, aspect });
  }
  // Two parts: two aspects, or one aspect asked of two things ("wanneer begint de dag en hoe laat start de eerste workshop").
  return out.length >= 2 && (fragment || new Set(out.map((c) => c.text)).size >= 2) ? out : [];
}
