import { describe, expect, it } from 'vitest';
import { answerDetails, Desk, startChat } from '../helpers/chat.ts';

describe('several answers in one message', () => {
  it('fills every field a message names and asks only what is missing', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven');
    await chat.say('Ann Peeters, ann@gemeente.be, 0470123456');
    expect(chat.lastText()).toMatch(/Voor welke organisatie kom je/);
    await chat.say('Gemeente Leuven, lokaal bestuur');
    expect(chat.lastText()).toMatch(/Reeks 1/);
    await chat.say('sessie 3 en 7, geen boek');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/^Voornaam/)).toBe('Ann');
    expect(chat.fact(/^Achternaam/)).toBe('Peeters');
    expect(chat.fact(/^E-mail/)).toBe('ann@gemeente.be');
    expect(chat.fact(/^Telefoon/)).toBe('+32 470 12 34 56');
    expect(chat.fact(/^Organisatie/)).toBe('Gemeente Leuven');
    expect(chat.fact(/Soort organisatie/)).toBe('Lokaal bestuur');
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 /);
    expect(chat.fact(/Boek/)).toBe('nee');
  });

  it('splits a full name typed at the name question, and asks the last name as a check when unsure', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('jan de smet');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    await chat.say('terug');
    expect(chat.lastText()).toMatch(/naam/);
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Jan de Smet' }]);

    const unsure = await startChat();
    await unsure.say('inschrijven');
    await unsure.say('Anne Marie Peeters');
    expect(unsure.lastText()).toMatch(/achternaam/);
    expect(unsure.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Marie Peeters' }]);
    await unsure.say('Peeters');
    expect(unsure.lastText()).toMatch(/e-mailadres/);
  });

  it('stores names with capitals, keeping capitals that were typed', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('jan de smet');
    await chat.say('wijzig achternaam');
    await chat.say('van der Berghe');
    await chat.say('jan@example.be');
    await chat.say('0470 12 34 56');
    await chat.say('stad leuven, lokaal bestuur, sessie 1 en 5, geen boek');
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
    expect(chat.fact(/^Achternaam/)).toBe('van der Berghe');
  });
});

describe('a whole address in one line', () => {
  async function atAddress(lang: 'nl' | 'en' = 'nl') {
    const chat = await startChat(lang === 'en' ? { locale: 'en' } : {});
    await chat.say(lang === 'en' ? 'I want to register' : 'Ik wil me inschrijven');
    await answerDetails(chat, { lang });
    await chat.say('1');
    await chat.say('5');
    await chat.say(lang === 'en' ? 'yes' : 'ja');
    return chat;
  }

  it.each([
    ['Kerkstraat 12, 3000 Leuven', 'Kerkstraat 12, 3000 Leuven, België'],
    ['Kerkstraat 12 3000 Leuven', 'Kerkstraat 12, 3000 Leuven, België'],
    ['Dorpsstraat 5, 1234 AB Utrecht, Nederland', 'Dorpsstraat 5, 1234 AB Utrecht, Nederland'],
    ['Dorpsstraat 5, 1234AB Utrecht', 'Dorpsstraat 5, 1234 AB Utrecht, Nederland'],
    ['12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris, Frankrijk'],
    ['Hauptstraße 5, 10115 Berlin, Duitsland', 'Hauptstraße 5, 10115 Berlin, Duitsland'],
    ['Grand-Rue 1, L-1660 Luxembourg, Luxemburg', 'Grand-Rue 1, 1660 Luxembourg, Luxemburg'],
  ])('reads "%s" as one address and shows it once', async (typed, shown) => {
    const chat = await atAddress();
    await chat.say(typed);
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/Verzendadres/)).toBe(shown);
    expect(chat.facts().filter((f) => f.value.includes(shown.split(',')[0] as string))).toHaveLength(1);
  });

  it('asks the country when a five-digit code could be French or German, and checks the code against it', async () => {
    const chat = await atAddress();
    await chat.say('Marktstraat 3, 12345 Neustadt');
    expect(chat.lastText()).toMatch(/^Land\?/m);
    await chat.say('Nederland');
    expect(chat.lastText()).toMatch(/12345 past niet bij Nederland[\s\S]*Postcode/);
    await chat.say('wijzig land');
    await chat.say('Duitsland');
    expect(chat.lastText()).toMatch(/^Postcode\?/m);
    await chat.say('12345');
    expect(chat.fact(/Verzendadres/)).toBe('Marktstraat 3, 12345 Neustadt, Duitsland');
  });

  it('takes any country by name or ISO code, with its postal codes checked', async () => {
    const chat = await atAddress('en');
    await chat.say('Bahnhofstrasse 1, 8001 Zürich, Switzerland');
    expect(chat.fact(/Shipping address/)).toBe('Bahnhofstrasse 1, 8001 Zürich, Switzerland');
    await chat.say('change country');
    await chat.say('GB');
    expect(chat.lastText()).toMatch(/8001 doesn't fit United Kingdom[\s\S]*Postal code/);
    await chat.say('SW1A 1AA');
    await chat.say('change city');
    await chat.say('London');
    expect(chat.fact(/Shipping address/)).toBe('Bahnhofstrasse 1, SW1A 1AA London, United Kingdom');
  });

  it('asks for what a partial address leaves out', async () => {
    const chat = await atAddress();
    await chat.say('Provincieplein 1');
    expect(chat.lastText()).toMatch(/^Postcode\?/m);
    await chat.say('3010 Leuven');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/Verzendadres/)).toBe('Provincieplein 1, 3010 Leuven, België');
  });
});

describe('phone numbers', () => {
  it('reads "06 12345678" as Dutch with a .nl e-mail address, and any + or 00 number for every country', async () => {
    const dutch = await startChat();
    await dutch.say('inschrijven');
    await dutch.say('Sanne de Vries, sanne@voorbeeld.nl, 06 12345678');
    await dutch.say('wijzig telefoon');
    expect(dutch.choices()[0]?.label).toBe('Zo laten: +31 6 12345678');

    const belgian = await startChat();
    await belgian.say('inschrijven');
    await belgian.say('Jan Peeters');
    await belgian.say('jan@example.be');
    await belgian.say('06 12345678');
    expect(belgian.lastText()).toMatch(/telefoonnummer herken ik niet/);
    for (const number of ['+33 6 12 34 56 78', '0049 30 123456']) {
      await belgian.say(number);
      expect(belgian.lastText()).toMatch(/organisatie/);
      await belgian.say('wijzig telefoon');
    }
  });
});

describe('greetings and politeness before a request', () => {
  it.each(['Hallo, ik wil me inschrijven', 'Goedemorgen, graag inschrijven', 'kan ik me aanmelden?'])('starts the form for "%s"', async (text) => {
    const chat = await startChat();
    await chat.say(text);
    expect(chat.lastText()).toMatch(/Wat is je naam/);
  });

  it('starts it in English for "Hello, I want to register"', async () => {
    const chat = await startChat();
    await chat.say('Hello, I want to register');
    expect(chat.lastText()).toMatch(/What is your name/);
  });
});

describe('changes of mind mid-form', () => {
  it('takes "oh wacht, toch sessie 3", "ik wil toch sessie 2 in plaats van 3", "actually session 6" and "nee, geen boek"', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven');
    await answerDetails(chat);
    await chat.say('1');
    await chat.say('5');
    expect(chat.lastText()).toMatch(/boek/);
    await chat.say('oh wacht, toch sessie 3');
    expect(chat.lastText()).toMatch(/sessie in reeks 1 is nu: #3 Samenwerken werkt![\s\S]*boek/);
    await chat.say('ik wil toch sessie 2 in plaats van 3');
    expect(chat.lastText()).toMatch(/is nu: #2 Wat is arbeidszorg\?[\s\S]*boek/);
    await chat.say('actually session 6');
    expect(chat.lastText()).toMatch(/sessie in reeks 2 is nu: #6 [\s\S]*boek/);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/adres/);
    await chat.say('nee, geen boek');
    expect(chat.lastText()).toMatch(/Klopt alles/);
    expect(chat.fact(/Boek/)).toBe('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#2 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#6 /);
  });
});

describe('sessions by number, room, time or words', () => {
  it('reads "Spoor 95" at series 1, "die van 15:15 in spoor 95" and "the one about workplace learning"', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await answerDetails(chat);
    await chat.say('Spoor 95');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('terug');
    await chat.say('die van 15:15 in spoor 95');
    expect(chat.lastText()).toMatch(/Sessie 5 hoort bij Reeks 2; die heb ik voor die reeks genoteerd[\s\S]*Reeks 1/);
    await chat.say('3 graag');
    expect(chat.lastText()).toMatch(/boek/);
    await chat.say('wijzig reeks 2');
    await chat.say('the one about workplace learning');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#6 /);
  });

  it('reads a title before a description: "die over wijk-werken" is 7 at series 2 and noted as 7 at series 1, "die over arbeidszorg" is 2', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await answerDetails(chat);
    await chat.say('die over wijkwerken');
    expect(chat.lastText()).toMatch(/Sessie 7 hoort bij Reeks 2; die heb ik voor die reeks genoteerd[\s\S]*Reeks 1/);
    await chat.say('die over arbeidszorg');
    expect(chat.lastText()).toMatch(/boek/);
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#2 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 /);
  });

  it('picks no session for words that name none: "die van 13:30" at series 1, "ik wil enkel naar reeks 1" at series 2', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await answerDetails(chat);
    await chat.say('die van 13:30');
    expect(chat.lastText()).toMatch(/Welke sessie kies je in \*Reeks 1\*/);
    expect(chat.turnText()).not.toMatch(/genoteerd/);
    await chat.say('2');
    await chat.say('ik wil enkel naar reeks 1');
    expect(chat.lastText()).toMatch(/Welke sessie kies je in \*Reeks 2\*/);
  });

  it('reads an abbreviation in capitals and a title word at series 2 over a description word of series 1', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await answerDetails(chat);
    await chat.say('die over LDE');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('die over Wijk-werken graag');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#4 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 /);
  });

  it('takes a number at a session step as the session number, never the place in the list', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await answerDetails(chat);
    await chat.say('1');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('3');
    expect(chat.lastText()).toMatch(/Sessie 3 hoort bij Reeks 1, waar je al een sessie koos[\s\S]*Reeks 2/);
    await chat.say('8');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#1 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#8 /);
  });
});

describe('yes in its common forms', () => {
  it.each(['jep', 'prima', 'ja hoor', 'zeker', 'doe maar', 'oké', 'sure', 'yep', 'sounds good'])('"%s" orders the book and confirms the summary', async (yes) => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('Ik wil me inschrijven voor sessie 1 en 5');
    await answerDetails(chat);
    await chat.say(yes);
    expect(chat.lastText()).toMatch(/adres/);
    await chat.say('Kerkstraat 12, 3000 Leuven');
    await chat.say(yes);
    expect(chat.turnText()).toMatch(/ingeschreven/);
  });

  it('"geen boek" is a no to the book', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven voor sessie 1 en 5');
    await answerDetails(chat);
    await chat.say('geen boek');
    expect(chat.fact(/Boek/)).toBe('nee');
  });
});

describe('languages', () => {
  it('switches on "can we do this in English?" and "kan het in het Nederlands?" mid-form', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('can we do this in English?');
    expect(chat.lastText()).toMatch(/continue in English[\s\S]*last name/);
    await chat.say('kan het in het Nederlands?');
    expect(chat.lastText()).toMatch(/Nederlands[\s\S]*achternaam/);
  });

  it.each(["Bonjour, je voudrais m'inscrire", 'Ich möchte mich anmelden, bitte'])('answers "%s" in Dutch and English with the languages Balie speaks', async (text) => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say(text);
    expect(chat.turnText()).toMatch(/alleen Nederlands en Engels.*only speak Dutch and English/);
    await chat.say('inschrijven');
    await chat.say(text);
    expect(chat.turnText()).toMatch(/only speak Dutch and English[\s\S]*Wat is je naam/);
  });

  it('still takes a French or German organisation name as the answer it is', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Marie Dubois, marie@example.fr, +33 6 12 34 56 78');
    await chat.say('Sie und Wir vzw');
    expect(chat.lastText()).toMatch(/Wat voor organisatie/);
    await chat.say('terug');
    expect(chat.choices()[0]?.label).toBe('Zo laten: Sie und Wir vzw');
  });
});

describe('answers in a sentence, lower case and greetings as people type them', () => {
  it('reads "mijn naam is …", "mijn e-mail is …, tel …", "ik werk bij …" and a lower-case address', async () => {
    const chat = await startChat();
    await chat.say('goeiemorgen');
    expect(chat.lastText()).toMatch(/^Hallo! Ik ben Balie/);
    await chat.say('inschrijven');
    await chat.say('mijn naam is ann peeters');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    await chat.say('mijn e-mail is ann.peeters@gmail.com, tel 0470/12.34.56');
    expect(chat.lastText()).toMatch(/Voor welke organisatie/);
    await chat.say('ik werk bij OCMW Leuven');
    expect(chat.lastText()).toMatch(/Wat voor organisatie/);
    await chat.say('lokaal bestuur, sessie 2 en 5, met boek, provincieplein 1 3010 leuven');
    expect(chat.fact(/^Voornaam/)).toBe('Ann');
    expect(chat.fact(/^Achternaam/)).toBe('Peeters');
    expect(chat.fact(/^E-mail/)).toBe('ann.peeters@gmail.com');
    expect(chat.fact(/^Telefoon/)).toBe('+32 470 12 34 56');
    expect(chat.fact(/^Organisatie/)).toBe('OCMW Leuven');
    expect(chat.fact(/Verzendadres/)).toBe('Provincieplein 1, 3010 Leuven, België');
  });
});
