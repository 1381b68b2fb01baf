import { describe, expect, it } from 'vitest';
import { createProgrammeAnswerer } from '../../src/dialogs/qa/index.ts';
import { Desk, fillForm, memoryBot, netwerkdag } from '../helpers/chat.ts';

async function registered(opts: { book?: boolean; userKey?: string } = {}) {
  const desk = new Desk();
  const chat = desk.chat(opts.userKey ?? 'console:me');
  await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'], book: opts.book });
  await chat.say('ja');
  const mine = async () => desk.ledger.findByOwner(opts.userKey ?? 'console:me');
  const mails = async () => (await desk.ledger.list('pending')).map((e) => e.kind);
  return { desk, chat, mine, mails };
}

const provinciehuis = { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' };

describe('after registering: the book', () => {
  it('"ik wil toch een boek" asks the shipping address and orders the book as a change of the registration', async () => {
    const { chat, mine, mails } = await registered();
    await chat.say('Ik wil toch een boek');
    expect(chat.turnText()).toMatch(/Het boek \*Aan de slag met sociale economie\.[\s\S]* kost € 33; we sturen het op\.\nNaar welk adres mogen we het boek sturen\?/);
    await chat.say('Kerkstraat');
    expect(chat.lastText()).toMatch(/Vergeet het huisnummer niet/);
    await chat.say('Provincieplein 1');
    await chat.say('301');
    expect(chat.lastText()).toMatch(/geen geldige postcode/);
    await chat.say('30100');
    await chat.say('Leuven');
    await chat.say('België');
    expect(chat.lastText()).toMatch(/De postcode 30100 past niet bij België/);
    await chat.say('3010');
    expect(chat.lastText()).toMatch(/Zal ik het boek .* \(€ 33\) bestellen, te versturen naar Provincieplein 1, 3010 Leuven, België\?/);
    expect((await mine())?.book).toBeNull();
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Het boek is besteld en wordt verstuurd naar Provincieplein 1, 3010 Leuven, België\. Er komt een bevestiging per e-mail\.[\s\S]*Je bent ingeschreven/);
    expect(chat.fact(/^Boek/)).toMatch(/^ja/);
    expect(chat.fact(/Verzendadres/)).toBe('Provincieplein 1, 3010 Leuven, België');
    expect((await mine())?.book).toEqual({ shippingAddress: provinciehuis });
    expect(await mails()).toEqual(['confirmation', 'details_changed']);
    expect(chat.turnText()).not.toMatch(/vink het aan|formulier/);
  });

  it('reads a whole address typed in one line after "ik wil toch een boek", and a request typed at the street is no street', async () => {
    const { chat, mine } = await registered();
    await chat.say('ik wil toch een boek');
    await chat.say('Bondgenotenlaan 1, 3000 Leuven');
    expect(chat.lastText()).toMatch(/Zal ik het boek .* \(€ 33\) bestellen, te versturen naar Bondgenotenlaan 1, 3000 Leuven, België\?/);
    await chat.say('ja');
    expect((await mine())?.book).toEqual({ shippingAddress: { street: 'Bondgenotenlaan 1', postalCode: '3000', city: 'Leuven', country: 'BE' } });
    await chat.say('wijzig adres');
    await chat.say('ik wil toch geen sessie in reeks 2');
    expect(chat.turnText()).not.toMatch(/^Postcode\?$/m);
    await chat.say('wijzig adres');
    await chat.say('10 Downing Street, London SW1A 2AA, United Kingdom');
    expect(chat.lastText()).toMatch(/voortaan naar 10 Downing Street, SW1A 2AA London, Verenigd Koninkrijk sturen\?/);
  });

  it('takes the book off again ("toch geen boek"), after asking, and a changed address', async () => {
    const { chat, mine, mails } = await registered({ book: true });
    await chat.say('ik wil toch een boek');
    expect(chat.lastText()).toMatch(/Het boek is al besteld \(verzendadres: Provincieplein 1, 3010 Leuven, België\)/);
    await chat.say('wijzig mijn adres');
    await chat.say('Kerkstraat 12');
    await chat.say('3020');
    await chat.say('Herent');
    await chat.say('BE');
    expect(chat.lastText()).toMatch(/Zal ik het boek voortaan naar Kerkstraat 12, 3020 Herent, België sturen\?/);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Het boek gaat nu naar Kerkstraat 12, 3020 Herent, België/);
    await chat.say('toch geen boek');
    expect(chat.lastText()).toMatch(/Wil je het boek .* afbestellen\?/);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/Oké, er is niets gewijzigd/);
    expect((await mine())?.book).not.toBeNull();
    await chat.press(/Boek afbestellen/);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Het boek is afbesteld/);
    expect(chat.fact(/^Boek/)).toBe('nee');
    expect((await mine())?.book).toBeNull();
    expect(await mails()).toEqual(['confirmation', 'details_changed', 'details_changed']);
  });

  it('the programme answer about the book says how to order it, not to tick it in a form', { timeout: 20_000 }, async () => {
    const bot = memoryBot({ answerer: await createProgrammeAnswerer(netwerkdag) });
    const say = async (text: string) => (await bot.handle({ userKey: 'console:asks', input: { kind: 'text', text } })).map((r) => r.text).join('\n');
    const answer = await say('Kan ik het boek bestellen?');
    expect(answer).toMatch(/als je je inschrijft, vraag ik of je het wil en naar welk verzendadres[\s\S]*typ dan "ik wil toch een boek"/);
    expect(answer).not.toMatch(/vink|formulier/);
    const english = await say('Can I order the book?');
    expect(english).toMatch(/when you register I ask whether you want it[\s\S]*Type "I'd like the book after all"/);
    expect(english).not.toMatch(/tick it/);
  });
});

describe('after registering: the e-mail address', () => {
  it('changes it after a confirmation, mails the new address and tells the old one', async () => {
    const { desk, chat, mine } = await registered();
    await chat.say('Ik wil mijn e-mailadres wijzigen');
    expect(chat.lastText()).toMatch(/Wat is het nieuwe e-mailadres\?/);
    await chat.say('jan.peeters@example');
    expect(chat.lastText()).toMatch(/geen geldig e-mailadres/);
    await chat.say('jan.peeters@example.be');
    expect(chat.lastText()).toMatch(/al het e-mailadres van deze inschrijving/);
    await chat.say('jan@bertem.be');
    expect(chat.lastText()).toMatch(/Het e-mailadres wordt \*jan@bertem\.be\* in plaats van jan\.peeters@example\.be\. We sturen een bevestiging naar jan@bertem\.be en een kort bericht naar jan\.peeters@example\.be\. Klopt dat\?/);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Het e-mailadres is gewijzigd: voortaan gaat alles naar jan@bertem\.be/);
    expect(chat.fact(/^E-mail/)).toBe('jan@bertem.be');
    expect((await mine())?.email).toBe('jan@bertem.be');
    const entries = (await desk.ledger.list('pending')).filter((e) => e.kind !== 'confirmation');
    expect(entries.map((e) => [e.kind, e.registration.email, e.previousDetails?.email])).toEqual([
      ['details_changed', 'jan@bertem.be', 'jan.peeters@example.be'],
      ['old_email_notice', 'jan@bertem.be', 'jan.peeters@example.be'],
    ]);
  });

  it('takes the address from "wijzig e-mail naar ..." and refuses one another registration holds, before asking', async () => {
    const { desk, chat, mine } = await registered();
    await desk.registerOther([1, 5], { email: 'Bezet@Example.be' });
    await chat.say('wijzig e-mail naar bezet@example.be');
    expect(chat.lastText()).toMatch(/^Met bezet@example\.be is al iemand anders ingeschreven \(één inschrijving per e-mailadres\)[\s\S]*Wat is het nieuwe e-mailadres\?/);
    // Taken between "Klopt dat?" and "ja": the ledger still refuses it.
    await chat.say('vrij@example.be');
    expect(chat.lastText()).toMatch(/Het e-mailadres wordt \*vrij@example\.be\*/);
    await desk.registerOther([1, 5], { email: 'vrij@example.be' });
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Met vrij@example\.be is al iemand anders ingeschreven[\s\S]*Wat is het nieuwe e-mailadres\?/);
    expect((await mine())?.email).toBe('jan.peeters@example.be');
    await chat.say('terug');
    expect(chat.lastText()).toMatch(/Je bent ingeschreven/);
  });

  it('works in English, and "no" keeps the address', async () => {
    const { chat, mine } = await registered({ userKey: 'telegram:7' });
    await chat.say('English please');
    await chat.say('change my email address');
    expect(chat.lastText()).toMatch(/What is the new e-mail address\?/);
    await chat.say('jan@bertem.be');
    await chat.say('no');
    expect(chat.lastText()).toMatch(/OK, nothing was changed/);
    expect((await mine())?.email).toBe('jan.peeters@example.be');
  });

  it('no longer sends an e-mail change to the organisers', async () => {
    const { chat } = await registered();
    await chat.say('wijzig e-mail');
    expect(chat.turnText()).not.toMatch(/pas ik hier niet aan/);
    expect(chat.lastText()).toMatch(/nieuwe e-mailadres/);
  });
});

describe('"annuleren" inside "Mijn inschrijving"', () => {
  it('is the cancel flow, with its confirmation, not a silent return to the menu', async () => {
    const { chat, mine } = await registered();
    await chat.say('mijn inschrijving');
    await chat.say('annuleren');
    expect(chat.lastText()).toMatch(/^Wil je je inschrijving echt annuleren\?/);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/Oké, je inschrijving blijft staan/);
    await chat.say('wijzig mijn sessie');
    await chat.say('annuleren');
    expect(chat.lastText()).toMatch(/^Wil je je inschrijving echt annuleren\?/);
    await chat.say('annuleren');
    expect(chat.turnText()).toMatch(/Je inschrijving is geannuleerd/);
    expect(await mine()).toBeNull();
  });

  it('"stop" leaves a change without changing anything', async () => {
    const { chat, mine } = await registered();
    await chat.say('ik wil toch een boek');
    await chat.say('stop');
    expect(chat.lastText()).toMatch(/Oké, er is niets gewijzigd\.\nJe bent ingeschreven/);
    expect((await mine())?.book).toBeNull();
  });
});

describe('after the deadline', () => {
  it('"mijn inschrijving" does not invite to register, with or without a registration', async () => {
    const { desk, chat, mine } = await registered();
    desk.clock.set('2020-10-23', '09:00');
    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/Je bent ingeschreven[\s\S]*afgesloten .*wijzigen kan niet meer via mij/);
    expect(chat.lastText()).not.toMatch(/inschrijven/i);
    expect(chat.choiceIds()).toEqual(['cancel-registration', 'menu']);
    await chat.say('ik wil toch een boek');
    expect(chat.lastText()).toMatch(/afgesloten/);
    expect((await mine())?.book).toBeNull();
    const stranger = desk.chat('console:late');
    await stranger.say('mijn inschrijving');
    expect(stranger.turnText()).toMatch(/geen inschrijving van jou[\s\S]*afgesloten/);
    expect(stranger.turnText()).not.toMatch(/Schrijf je je hier in|inschrijven/i);
    expect(stranger.choiceIds()).not.toContain('register');
  });
});

describe('wording', () => {
  it('asks the phone number "for contactopvolging", as the event page says', async () => {
    const chat = new Desk().chat('console:wording');
    await chat.say('Ik wil me inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be']) await chat.say(answer);
    expect(chat.lastText()).toMatch(/telefoonnummer[\s\S]*contactopvolging/);
    expect(chat.lastText()).not.toMatch(/contactopsporing/);
  });
});
