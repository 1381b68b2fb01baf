import { describe, expect, it } from 'vitest';
import type { ProgrammeAnswerer } from '../../src/dialogs/types.ts';
import { Desk, fillForm, memoryBot } from '../helpers/chat.ts';

// An answerer that answers everything confidently, as nlp.js tends to: the form decides when to listen.
const eager: ProgrammeAnswerer = { answer: async (_q, ctx) => ({ lang: ctx.lang, confidence: 0.9, replies: [{ text: 'EAGER ANSWER' }] }) };

function eagerBot(): (text: string) => Promise<string> {
  const bot = memoryBot({ answerer: eager });
  return async (text) => (await bot.handle({ userKey: 'test:eager', input: { kind: 'text', text } })).map((r) => r.text).join('\n');
}

describe('questions and stray text inside the form', () => {
  it('at a typed field, an invalid value gets its reason, not a guess from the answerer', async () => {
    const say = eagerBot();
    await say('Ik wil me inschrijven');
    const reply = await say('jan@example.be');
    expect(reply).not.toMatch(/EAGER ANSWER/);
    expect(reply).toMatch(/voornaam/i);
  });

  it('a real question at a typed field is answered, then the field is asked again', async () => {
    const say = eagerBot();
    await say('Ik wil me inschrijven');
    const reply = await say('Wanneer begint sessie 3?');
    expect(reply).toMatch(/EAGER ANSWER/);
    expect(reply).toMatch(/voornaam/i);
  });

  it('at a choice step, text that is no option may be a question and is answered', async () => {
    const say = eagerBot();
    for (const text of ['Ik wil me inschrijven', 'Jan', 'Peeters', 'jan@example.be', '0470 12 34 56', 'Stad Leuven', 'lokaal bestuur']) await say(text);
    const reply = await say('sprekers van talenten tellen');
    expect(reply).toMatch(/EAGER ANSWER/);
    expect(reply).toMatch(/Reeks 1/);
  });

  it('after a registration that began without a greeting, the desk does not greet again', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await fillForm(chat);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/ingeschreven/i);
    expect(chat.turnText()).not.toMatch(/Hallo! Ik ben Balie/);
  });
});
