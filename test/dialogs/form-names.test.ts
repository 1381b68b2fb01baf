import { describe, expect, it } from 'vitest';
import { Desk, fillForm, startChat } from '../helpers/chat.ts';

// The user test's problem 2: names stored wrongly ("Beste Ja,"), and 19's name hint and particles.
describe('names as new users type them', () => {
  it('completes the first name when a guessed last name is answered with its end ("Anne Marie Peeters", then "Peeters")', async () => {
    const chat = await startChat();
    await chat.say('ik wil me inschrijven');
    await chat.say('Anne Marie Peeters');
    expect(chat.lastText()).toBe('En je achternaam?');
    await chat.say('Peeters');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    await chat.say('terug');
    await chat.say('terug');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Anne Marie Peeters' }]);
  });

  it('drops the first name typed again at the last-name question ("Sofie", then "Sofie Verstraeten")', async () => {
    const chat = await startChat();
    await chat.say('ik wil me inschrijven');
    await chat.say('Sofie');
    expect(chat.lastText()).toBe('En je achternaam?');
    await chat.say('Sofie Verstraeten');
    await chat.say('wijzig achternaam');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Verstraeten' }]);
  });

  it('replaces both names when "wijzig naam" is answered with a full name', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven: Ann Peeters, ann@gemeente.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 3 en 7, geen boek');
    await chat.say('wijzig naam');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Ann Peeters' }]);
    await chat.say('Anna Peeters');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/^Voornaam/)).toBe('Anna');
    expect(chat.fact(/^Achternaam/)).toBe('Peeters');
    await chat.say('wijzig naam');
    await chat.say('Ann Janssens');
    expect(chat.fact(/^Voornaam/)).toBe('Ann');
    expect(chat.fact(/^Achternaam/)).toBe('Janssens');
  });

  it('asks the last name as a check when a changed name is split by a guess, then goes back to the summary', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven: Ann Peeters, ann@gemeente.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 3 en 7, geen boek');
    await chat.say('wijzig naam');
    await chat.say('Anne Marie Janssens');
    expect(chat.lastText()).toBe('En je achternaam?');
    await chat.say('Janssens');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/^Voornaam/)).toBe('Anne Marie');
    expect(chat.fact(/^Achternaam/)).toBe('Janssens');
  });

  it('reads "ik ben Ann Peeters van de gemeente Leuven" as a name and an organisation', async () => {
    const chat = await startChat();
    await chat.say('ik wil me inschrijven');
    await chat.say('ik ben Ann Peeters van de gemeente Leuven');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    await chat.say('ann@x.be');
    await chat.say('mijn gsm is 0470 12 34 56');
    expect(chat.lastText()).toBe('Wat voor organisatie is dat?');
    await chat.say('lokaal bestuur, sessie 3 en 7, geen boek');
    expect(chat.fact(/^Voornaam/)).toBe('Ann');
    expect(chat.fact(/^Achternaam/)).toBe('Peeters');
    expect(chat.fact(/^Organisatie/)).toBe('Gemeente Leuven');
  });

  it('refuses yes, no and thanks as a name, in both languages', async () => {
    const desk = new Desk();
    for (const [lang, start, answers, refusal] of [
      ['nl', 'ik wil me inschrijven', ['ja', 'ok', 'nee dank je', 'bedankt'], /^Dat lijkt me geen naam\.[\s\S]*Wat is je naam\?/],
      ['en', 'I want to register', ['no thanks', 'yes', 'ok thanks'], /^That doesn't look like a name\.[\s\S]*What is your name\?/],
    ] as const) {
      const chat = desk.chat(undefined, lang);
      await chat.say(start);
      for (const answer of answers) {
        await chat.say(answer);
        expect(chat.lastText(), answer).toMatch(refusal);
      }
      await chat.say('Peeters');
      expect(chat.lastText()).toMatch(/achternaam|last name/);
    }
    const registered = desk.chat();
    await fillForm(registered);
    expect(registered.fact(/^Voornaam/)).toBe('Jan');
  });

  it('gives a whole name as the example after three failed names', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    for (const typed of ['ja', 'nee', 'ok']) await chat.say(typed);
    expect(chat.lastText()).toMatch(/Een voorbeeld: Ann Peeters\./);
  });

  it('writes particles the Dutch way when a name is typed in lower case, and keeps a capital "Van" as typed', async () => {
    // The choice made here: lower-case input gets the Dutch convention ("Jan van der Berg"); the
    // Flemish capital ("Jan Van der Berg") is kept only when it was typed so.
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('jan van der berg');
    await chat.say('wijzig achternaam');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: van der Berg' }]);
    await chat.say('Van der Berg');
    await chat.say('wijzig naam');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Jan Van der Berg' }]);
    await chat.say('marie de smet');
    await chat.say('wijzig naam');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Marie de Smet' }]);
  });
});
