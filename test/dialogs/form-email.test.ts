import { describe, expect, it } from 'vitest';
import { emailTypo } from '../../src/dialogs/form-email.ts';
import { Desk, type Chat } from '../helpers/chat.ts';

async function atEmail(chat: Chat): Promise<void> {
  await chat.say('ik wil me inschrijven');
  await chat.say('Sofie Verstraeten');
  expect(chat.lastText()).toMatch(/e-mailadres/);
}

// The user test's problem 21: "sofie@gmial.com" was accepted without a word.
describe('a likely typo in the e-mail domain', () => {
  it('asks "Bedoel je sofie@gmail.com?" and takes the suggestion on "ja"', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await atEmail(chat);
    await chat.say('sofie@gmial.com');
    expect(chat.lastText()).toBe('Bedoel je *sofie@gmail.com*?');
    expect(chat.choices()).toEqual([
      { id: 'email:fix', label: 'Ja, sofie@gmail.com' },
      { id: 'keep', label: 'Nee, sofie@gmial.com klopt' },
    ]);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/telefoonnummer/);
    await chat.say('0470 12 34 56, Stad Gent, lokaal bestuur, sessie 1 en 5, geen boek');
    expect(chat.fact(/^E-mail/)).toBe('sofie@gmail.com');
  });

  it('keeps the address as typed on "nee", on typing it again, and takes another address typed instead', async () => {
    const desk = new Desk();
    for (const [answer, stored] of [['nee', 'sofie@gmial.com'], ['sofie@gmial.com', 'sofie@gmial.com'], ['sofie@telenet.be', 'sofie@telenet.be']] as const) {
      const chat = desk.chat();
      await atEmail(chat);
      await chat.say('sofie@gmial.com');
      await chat.say(answer);
      expect(chat.lastText(), answer).toMatch(/telefoonnummer/);
      await chat.say('0470 12 34 56, Stad Gent, lokaal bestuur, sessie 1 en 5, geen boek');
      expect(chat.fact(/^E-mail/)).toBe(stored);
    }
  });

  it('asks the same check for a typo in a one-line registration, then goes on to the summary', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('Ik wil me inschrijven: Sofie Peeters, sofie@gmial.com, 0470 12 34 56, Stad Gent, lokaal bestuur, sessie 3 en 7, geen boek');
    expect(chat.lastText()).toBe('Bedoel je *sofie@gmail.com*?');
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/^Klopt alles/);
    expect(chat.fact(/^E-mail/)).toBe('sofie@gmail.com');
  });

  it('suggests only well-known providers, never an organisation\'s own domain', () => {
    expect(emailTypo('a@hotmial.be')).toBe('a@hotmail.be');
    expect(emailTypo('a@gmail.con')).toBe('a@gmail.com');
    for (const email of ['ann@gemeente.be', 'a@stad.gent', 'roos@vdab.bee', 'kate@bush.co.uk', 'jan@example.be', 'a@gmail.com']) expect(emailTypo(email), email).toBeNull();
  });
});
