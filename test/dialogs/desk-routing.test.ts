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
  ])('answers "%s" instead of opening a form', async (text, expected) => {
    const reply = await firstTurn(text);
    expect(reply).toMatch(expected);
    expect(reply).not.toMatch(/voornaam/i);
  });

  it.each(['ik wil me inschrijven', 'inschrijven', 'Ik zou me graag inschrijven voor de netwerkdag'])('starts the form for "%s"', async (text) => {
    expect(await firstTurn(text)).toMatch(/voornaam/i);
  });

  it('answers an English request in English, also when it is a command', async () => {
    const reply = await firstTurn('I want to change my session');
    expect(reply).toMatch(/can't find a registration/i);
    expect(reply).toMatch(/My registration/);
  });
});
