import { describe, expect, it } from 'vitest';
import { Desk, fillForm, startChat } from '../helpers/chat.ts';

/** Starts a form and answers up to the organisation question. */
async function atOrganisation(chat: Awaited<ReturnType<typeof startChat>>): Promise<void> {
  await chat.say('ik wil me inschrijven');
  await chat.say('Ann Peeters');
  await chat.say('ann@x.be');
  await chat.say('0470 12 34 56');
  expect(chat.lastText()).toMatch(/Voor welke organisatie kom je/);
}

// The user test's problems 3 and 21: the organisation garbled by one-line answers.
describe('the organisation in one-line answers', () => {
  it('keeps "Gemeente Leuven" whole when the address names Leuven too (the README line)', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven: Ann Peeters, ann@gemeente.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 3 en 7, met boek, Kerkstraat 12, 3000 Leuven');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/^Organisatie/)).toBe('Gemeente Leuven');
    expect(chat.fact(/^Verzendadres/)).toBe('Kerkstraat 12, 3000 Leuven, België');
  });

  it('reads "Ville de Paris, other, 1, 5, with the book, 12 rue de la Paix, 75002 Paris" with the type typed', async () => {
    const chat = await startChat({ locale: 'en' });
    await chat.say('I want to register');
    await chat.say('Marc Dupont, marc@ville.fr, +33 6 12 34 56 78, Ville de Paris, other, 1, 5, with the book, 12 rue de la Paix, 75002 Paris');
    await chat.say('1');
    await chat.say('5');
    expect(chat.lastText()).toMatch(/Is everything correct/);
    expect(chat.fact(/^Organisation$/)).toBe('Ville de Paris');
    expect(chat.fact(/Kind of organisation/)).toMatch(/^Other/);
    expect(chat.fact(/address/i)).toBe('12 rue de la Paix, 75002 Paris, France');
  });

  it('takes nothing as the organisation from "Mijn e-mail is bert@x.be en mijn nummer 0470 12 34 57"', async () => {
    const chat = await startChat();
    await chat.say('ik wil me inschrijven');
    await chat.say('mijn naam is Bert Peeters');
    await chat.say('Mijn e-mail is bert@x.be en mijn nummer 0470 12 34 57');
    expect(chat.lastText()).toMatch(/^Voor welke organisatie kom je/);
    await chat.say('Stad Halle');
    await chat.say('lokaal bestuur, sessie 1 en 5, geen boek');
    expect(chat.fact(/^Organisatie/)).toBe('Stad Halle');
    expect(chat.fact(/^Telefoon/)).toBe('+32 470 12 34 57');
  });

  it('asks again for a sentence typed as the organisation ("no I don\'t need it", "nee")', async () => {
    const chat = await startChat();
    await atOrganisation(chat);
    for (const typed of ["no I don't need it", 'nee', 'weet ik niet']) {
      await chat.say(typed);
      expect(chat.lastText(), typed).toMatch(/^Dat lijkt me geen naam van een organisatie\.[\s\S]*Voor welke organisatie kom je/);
    }
  });

  it('notes "ik ben zelfstandige" as self-employed, type other, without asking the type', async () => {
    const chat = await startChat();
    await atOrganisation(chat);
    await chat.say('ik ben zelfstandige');
    expect(chat.lastText()).toMatch(/Welke sessie kies je in \*Reeks 1\*/);
    await chat.say('sessie 1 en 5, geen boek');
    expect(chat.fact(/^Organisatie/)).toBe('Zelfstandige');
    expect(chat.fact(/Soort organisatie/)).toBe('Andere stakeholder');
  });

  it('asks the name for "zelfde organisatie als ik" in my own form, and copies my organisation for a colleague', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await atOrganisation(chat);
    await chat.say('zelfde organisatie als ik');
    expect(chat.lastText()).toMatch(/^Ik weet niet welke organisatie je bedoelt[\s\S]*Voor welke organisatie kom je/);

    const colleague = desk.chat();
    await fillForm(colleague);
    await colleague.say('ja');
    await colleague.say('Kan ik een collega inschrijven?');
    await colleague.say('Mia Aerts');
    await colleague.say('mia@example.be');
    await colleague.say('0470 22 33 44');
    await colleague.say('zelfde organisatie als ik');
    expect(colleague.lastText()).toMatch(/Welke sessie kies je/);
    await colleague.say('sessie 2 en 6, geen boek');
    expect(colleague.fact(/^Organisatie/)).toBe('Gemeente Bertem');
    expect(colleague.fact(/Soort organisatie/)).toBe('Lokaal bestuur');
  });

  it('maps "it\'s a university" and "zelfstandige" at the type question to other stakeholder', async () => {
    const desk = new Desk();
    for (const [locale, typed, other] of [['en', "it's a university", /^Other/], ['nl', 'zelfstandige', /^Andere stakeholder/], ['nl', 'ik ben zelfstandige', /^Andere stakeholder/]] as const) {
      const chat = desk.chat(undefined, locale);
      await chat.say(locale === 'en' ? 'I want to register' : 'ik wil me inschrijven');
      await chat.say('Ann Peeters, ann@x.be, 0470 12 34 56, Kasteel Gaasbeek');
      await chat.say(typed);
      expect(chat.lastText(), typed).toMatch(/sess/i);
      await chat.say(locale === 'en' ? 'sessions 1 and 5, no book' : 'sessie 1 en 5, geen boek');
      expect(chat.fact(/Soort organisatie|Kind of organisation/)).toMatch(other);
      expect(chat.fact(/^Organisati(?:e|on)$/)).toBe('Kasteel Gaasbeek');
    }
  });
});
