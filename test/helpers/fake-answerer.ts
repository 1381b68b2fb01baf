import type { EventData, Language } from '../../src/core/index.ts';
import { findSession } from '../../src/core/index.ts';
import type { ProgrammeAnswerer, QaAnswer, QaContext } from '../../src/dialogs/types.ts';

/**
 * A small, deterministic stand-in for the real Q&A: it knows when, where and who of a session by
 * number ("wanneer is sessie 3?", "where is session 5?"), and nothing else. It records every question.
 */
export class FakeAnswerer implements ProgrammeAnswerer {
  readonly questions: Array<{ question: string; context: QaContext }> = [];
  /** Set to make every call fail, to check that a broken answerer never breaks a turn. */
  failWith: Error | null = null;

  constructor(private readonly event: EventData) {}

  async answer(question: string, context: QaContext): Promise<QaAnswer | null> {
    this.questions.push({ question, context });
    if (this.failWith) throw this.failWith;
    const text = question.toLowerCase();
    const found = /\b(?:sessie|session)\s*(\d+)/.exec(text);
    const session = found ? findSession(this.event, Number(found[1])) : null;
    if (!session) return null;
    const lang: Language = /\b(when|where|who|session)\b/.test(text) ? 'en' : 'nl';
    const series = this.event.series.find((s) => s.id === session.series);
    const time = `${series?.start}–${series?.end}`;
    const reply = (nl: string, en: string): QaAnswer => ({ lang, confidence: 0.9, replies: [{ text: lang === 'nl' ? nl : en }] });
    if (/\b(wanneer|when|hoe laat|what time)\b/.test(text)) return reply(`Sessie ${session.number} is van ${time}.`, `Session ${session.number} runs ${time}.`);
    if (/\b(waar|where|welke zaal|which room)\b/.test(text)) return reply(`Sessie ${session.number} is in ${session.room}.`, `Session ${session.number} is in ${session.room}.`);
    if (/\b(wie|who)\b/.test(text)) {
      const names = session.speakers.map((s) => s.name).join(', ');
      return reply(`In sessie ${session.number} spreken ${names}.`, `Session ${session.number} has ${names}.`);
    }
    return { lang, confidence: 0.6, replies: [{ text: `${session.number}. ${session.title} (${time}, ${session.room})` }] };
  }
}
