import { beforeAll, describe, expect, it } from 'vitest';
import { createProgrammeAnswerer } from '../../src/dialogs/qa/index.ts';
import type { ProgrammeAnswerer } from '../../src/dialogs/types.ts';
import { memoryBot, netwerkdag } from '../helpers/chat.ts';

// The desk with the real programme answerer: which messages start an action, which get an answer.
let answerer: ProgrammeAnswerer;
beforeAll(async () => {
  answerer = await createProgrammeAnswerer(netwerkdag);
});

async function firstTurn(text: string): Promise<string> {
  const bot = memoryBot({ answerer });
  const replies = await bot.handle({ userKey: 'test:desk', input: { kind: 'text', text } });
  return replies.map((r) => r.text).join('\n');
}

describe('the desk: actions asked for outright, questions that merely mention them', () => {
  it.each([
    ['tot wanneer kan je je inschrijven', /22 oktober/],
    ['uiterste inschrijfdatum', /22 oktober/],
    ['verlies ik mijn plaats als de regels strenger worden', /LIFO/],
    ['kan ik online deelnemen', /op locatie/],
    ['can I attend virtually', /on site/],
    ['kan ik gratis deelnemen?', /gratis/],
  ])('answers "%s" instead of opening a form', async (text, expected) => {
    const reply = await firstTurn(text);
    expect(reply).toMatch(expected);
    expect(reply).not.toMatch(/voornaam/i);
  });

  it.each(['ik wil me inschrijven', 'inschrijven', 'Ik zou me graag inschrijven voor de netwerkdag', 'kan ik me inschrijven voor de netwerkdag?'])('starts the form for "%s"', async (text) => {
    expect(await firstTurn(text)).toMatch(/voornaam/i);
  });

  it.each(['Hi, can I register for the networking day?', "hey there, I'd like to sign up", 'I would like to attend', 'can I join?', 'Register'])('starts the form in English for "%s"', async (text) => {
    expect(await firstTurn(text)).toMatch(/What is your name\?/);
  });

  it('answers an English request in English, also when it is a command', async () => {
    const reply = await firstTurn('I want to change my session');
    expect(reply).toMatch(/can't find a registration/i);
    expect(reply).toMatch(/My registration/);
  });
});

describe('the desk with the real answerer: requests phrased as statements or questions', () => {
  it.each(['ik kan niet komen', 'Ik kan toch niet komen', "I can't make it"])('asks to confirm a cancellation for "%s", not how to cancel', async (text) => {
    const bot = memoryBot({ answerer });
    const user = 'test:cancel';
    await bot.handle({ userKey: user, input: { kind: 'text', text: 'Ik wil me inschrijven voor sessie 1 en 5' } });
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470 12 34 56', 'Stad Leuven', 'lokaal bestuur', 'nee', 'ja']) {
      await bot.handle({ userKey: user, input: { kind: 'text', text: answer } });
    }
    const replies = await bot.handle({ userKey: user, input: { kind: 'text', text } });
    expect(replies.map((r) => r.text).join('\n')).toMatch(/echt annuleren|really want to cancel/i);
  });

  it.each([
    ['Kan ik me inschrijven voor sessie 3 en 7?', /Je koos al: \*3\. .* en \*7\. [\s\S]*voornaam/],
    ['Hi, can I sign up for session 4 and 9?', /You already chose \*4\. .* and \*9\. [\s\S]*first name/],
  ])('starts the form with the sessions of "%s"', async (text, expected) => {
    expect(await firstTurn(text)).toMatch(expected);
  });
});
