import { reasoning } from './catalogue-reasoning.ts';
import { sessionLine, sessionsOf, type AnswerScope } from './compose.ts';
import type { Draft } from './drafts.ts';

/**
 * Asking which session suits the asker: "welke sessie raad je aan", "wat kies ik best",
 * "which workshop would help us most", "is there something for me", "any tip which session".
 */
const recommendWords =
  /\b(?:aanraden|aanrader|aan te raden|raad\w*\b.*\baan|adviseer\w*|advies|interessantste?|interessant|nuttigste?|nuttig|relevante?|geschikte?|past\b.*\b(?:best|bij)|kies ik|zou (?:je|jij|ge|gij|u) kiezen|moet ik kiezen|moeten we kiezen|kiezen we|tip|tips|recommend\w*|suggest\w*|advice|advise|should (?:i|we) (?:pick|choose|go|attend|take|follow)|would help|help us most|help me most|something for (?:me|us)|iets voor (?:mij|ons)|best (?:suited|for)|suits?|fits?|worth|relevant|useful|interesting|what should i pick|which one|beste (?:sessie|workshop|keuze|infosessie)|best (?:session|workshop|choice|option)|interested in|interest in|geinteresseerd|interesse|want to know more|wil meer weten|looking for|zoek\w* (?:iets|een sessie|een workshop)|care about|bezig met|werk rond|work on)\b/u;
const sessionAsk = /\b(?:sessies?|sessions?|workshops?|infosessies?|welke|which|wat|what|iets|something|anything|kies|pick|choose)\b/u;
// These ask for advice on their own: "recommendation?", "een aanrader?".
const adviceWords = /\b(?:aanraden|aanrader|aan te raden|advies|adviseer\w*|tip|tips|recommend\w*|suggest\w*|advice|advise)\b/u;

// "ik werk bij een sociale onderneming en ..., welke workshop?": who they are, then which session.
const aboutSelf = /\b(?:ik werk|ik ben|wij zijn|we zijn|wij werken|we werken|ik doe|i work|i am|we are|we work|i do)\b/u;
const whichSession = /\b(?:welke|which|what)\s+(?:\p{L}+\s+)?(?:sessie|sessies|session|sessions|workshop|workshops|infosessie|one)\b/u;

/** Whether the question asks for a session to suit the asker. */
export function asksRecommendation(folded: string): boolean {
  return adviceWords.test(folded) || (recommendWords.test(folded) && sessionAsk.test(folded)) || (aboutSelf.test(folded) && whichSession.test(folded));
}

/**
 * The sessions whose texts best match what the asker says about their work or interest, best
 * first (`ranked`, from `Passages.rank`): the clear winner, or the ones close to it (at most
 * three); within the series the question names, if it names one. Null when nothing matches.
 */
export function recommend(scope: AnswerScope, ranked: Array<{ session: number; score: number }>, seriesId: number | null): Draft | null {
  const inSeries = ranked.filter((x) => seriesId === null || scope.event.sessions.find((s) => s.number === x.session)?.series === seriesId);
  const [first] = inSeries;
  if (!first) return null;
  const sessions = sessionsOf(scope, inSeries.filter((x) => x.score >= first.score * 0.6).slice(0, 3).map((x) => x.session));
  const r = reasoning[scope.lang];
  return { lines: [r.recommended(sessions.length), ...sessions.map((s) => sessionLine(scope, s, { time: true, room: true }))], sessions: sessions.map((s) => s.number) };
}
