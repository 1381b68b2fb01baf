import { describe, expect, it } from 'vitest';
import { yesNoSentence } from '../../src/dialogs/choices.ts';
import { Desk, startChat, type Chat } from '../helpers/chat.ts';

/** Starts a form and answers everything up to the book question in one line. */
async function atBook(chat: Chat, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  await chat.say(lang === 'en' ? 'I want to register' : 'ik wil me inschrijven');
  await chat.say(`Ann Peeters, ann@x.be, 0470123456, Gemeente Leuven, ${lang === 'en' ? 'local government, sessions 2 and 6' : 'lokaal bestuur, sessie 2 en 6'}`);
  expect(chat.lastText()).toMatch(/boek|book/);
}

// The user test's problem 8: yes and no answered with a sentence were refused.
describe('yes and no in a sentence', () => {
  it('takes "ja, dat zou ik wel willen" and "ja graag, stuur maar op" as yes to the book', async () => {
    const desk = new Desk();
    for (const typed of ['ja, dat zou ik wel willen', 'ja graag, stuur maar op']) {
      const chat = desk.chat();
      await atBook(chat);
      await chat.say(typed);
      expect(chat.lastText(), typed).toMatch(/^Naar welk adres mogen we het boek sturen/);
    }
  });

  it('takes "geen" as no, and still refuses a yes that is turned around', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await atBook(chat);
    await chat.say('ja, maar niet nu');
    expect(chat.lastText()).toMatch(/^Kies een van de opties[\s\S]*Wil je het boek/);
    await chat.say('geen');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/^Boek/)).toBe('nee');
  });

  it('takes "yeah why not" as yes to the book and "that\'s all correct" as confirming the summary', async () => {
    const desk = new Desk();
    const chat = desk.chat(undefined, 'en');
    await atBook(chat, 'en');
    await chat.say('yeah why not');
    expect(chat.lastText()).toMatch(/^Where shall we send the book\?/);
    await chat.say('Kerkstraat 12, 3000 Leuven');
    expect(chat.lastText()).toMatch(/Is everything correct/);
    await chat.say("that's all correct");
    expect(chat.turnText()).toMatch(/You're registered!/);
    expect(await desk.ledger.findByOwner(chat.userKey)).toMatchObject({ status: 'confirmed', book: { shippingAddress: { street: 'Kerkstraat 12', postalCode: '3000', city: 'Leuven' } } });
  });

  it('reads an address typed at the book question as yes with that address, without asking the book again', async () => {
    const chat = await startChat();
    await atBook(chat);
    await chat.say('Kerkstraat 12, 3000 Leuven');
    expect(chat.lastText()).toMatch(/^Klopt alles/);
    expect(chat.fact(/^Boek/)).toMatch(/^ja/);
    expect(chat.fact(/^Verzendadres/)).toBe('Kerkstraat 12, 3000 Leuven, België');
  });

  it('reads "boek" between commas in a one-line registration as yes', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven: Ann Peeters, ann@x.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 1 en 5, boek');
    expect(chat.lastText()).toMatch(/^Naar welk adres mogen we het boek sturen/);
  });

  it.each([
    ['ja, dat zou ik wel willen', 'yes'],
    ['yeah why not', 'yes'],
    ['ok, doe maar', 'yes'],
    ['no I dont need it', 'no'],
    ['nee, dank je wel', 'no'],
    ['ja, maar niet naar mijn werk', null],
    ['nee toch wel', null],
    ['ja, Kerkstraat 12', null],
    ['ja?', null],
    ['Jan Peeters', null],
  ])('reads %j as %j', (text, answer) => {
    expect(yesNoSentence(text)).toBe(answer);
  });
});
