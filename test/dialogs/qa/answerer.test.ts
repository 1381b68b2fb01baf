import { describe, expect, it } from 'vitest';
import { ask, problem, readQuestions, textOf } from './qa-fixture.ts';

describe('programme Q&A: the public eval questions', () => {
  for (const item of readQuestions('qa-public.jsonl')) {
    it(item.q, async () => {
      const answer = await ask(item.q);
      expect(problem(item, answer), textOf(answer)).toBeNull();
      expect(answer?.confidence).toBeGreaterThanOrEqual(0.6);
    });
  }
});

describe('programme Q&A: our own questions (paraphrases, typos, lists, English)', () => {
  for (const item of readQuestions('questions.jsonl')) {
    it(item.q, async () => {
      const answer = await ask(item.q);
      expect(problem(item, answer), textOf(answer)).toBeNull();
      // Unknown topics are answered honestly, and confidently enough to interrupt a form.
      expect(answer?.confidence).toBeGreaterThanOrEqual(0.45);
    });
  }
});

describe('programme Q&A: held-out paraphrases (short forms, clock words, first names, unknown topics)', () => {
  for (const item of readQuestions('paraphrases.jsonl')) {
    it(item.q, async () => {
      const answer = await ask(item.q);
      expect(problem(item, answer), textOf(answer)).toBeNull();
    });
  }
});

describe('programme Q&A: visitor batches written blind (fragments, practical questions, two things at once)', () => {
  for (const item of readQuestions('visitors.jsonl')) {
    it(item.q, async () => {
      const answer = await ask(item.q);
      expect(problem(item, answer), textOf(answer)).toBeNull();
    });
  }
});

describe('programme Q&A: the reasoning visitor set written blind for issue 15 (comparisons, lengths, plans, recommendations, what a session covers)', () => {
  for (const item of readQuestions('visitors-reasoning.jsonl')) {
    it(item.q, async () => {
      const answer = await ask(item.q);
      expect(problem(item, answer), textOf(answer)).toBeNull();
    });
  }
});
