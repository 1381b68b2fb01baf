import { beforeAll, describe, expect, it } from 'vitest';
import { createProgrammeAnswerer } from '../../src/dialogs/qa/index.ts';
import type { ProgrammeAnswerer } from '../../src/dialogs/types.ts';
import { Desk, netwerkdag } from '../helpers/chat.ts';

let qa: ProgrammeAnswerer;
beforeAll(async () => {
  qa = await createProgrammeAnswerer(netwerkdag);
});

describe('around the registration deadline', () => {
  it('after the deadline offers no Inschrijven / Register button, and says the registration is closed in the past tense', async () => {
    const desk = new Desk(netwerkdag, undefined, qa);
    desk.clock.set('2020-10-23', '09:00');
    const chat = desk.chat();
    await chat.say('ik wil me inschrijven');
    expect(chat.turnText()).toMatch(/De inschrijvingen zijn afgesloten/);
    expect(chat.choiceIds()).not.toContain('register');
    expect(chat.choiceIds()).toContain('my-registration');
    await chat.say('I want to register');
    expect(chat.choiceIds()).not.toContain('register');
    await chat.say('kan ik me nog inschrijven?');
    expect(chat.turnText()).toMatch(/De inschrijvingen zijn gesloten: 22 oktober 2020 was de laatste dag\./);
    expect(chat.turnText()).not.toMatch(/worden afgesloten/);
    expect(chat.lastTurn().flatMap((r) => r.choices ?? []).map((c) => c.id)).not.toContain('register');
  });

  it('before it, the menu still offers Inschrijven', async () => {
    const chat = new Desk().chat();
    await chat.say('hallo');
    expect(chat.choiceIds()).toContain('register');
  });

  it('mid-form, "tot wanneer kan ik me inschrijven?" is answered and the question asked again', async () => {
    const desk = new Desk(netwerkdag, undefined, qa);
    desk.clock.set('2020-10-22', '23:30');
    const chat = desk.chat();
    await chat.say('ik wil me inschrijven');
    await chat.say('tot wanneer kan ik me inschrijven?');
    expect(chat.turnText()).toMatch(/De inschrijvingen worden afgesloten op 22 oktober 2020 \(die dag telt nog mee\)/);
    expect(chat.turnText()).not.toMatch(/We zijn al bezig/);
    expect(chat.lastText()).toMatch(/Wat is je naam\?/);
    await chat.say('ik wil me inschrijven');
    expect(chat.turnText()).toMatch(/We zijn al bezig met je inschrijving/);
  });
});
