import { describe, expect, it } from 'vitest';
import { answerDetails, Desk, fillForm, netwerkdag, startChat } from '../helpers/chat.ts';

describe('registering in Dutch', () => {
  it('completes a registration with a book, from greeting to confirmation', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:an');
    await chat.say('Hallo');
    expect(chat.lastText()).toMatch(/Balie/);
    expect(chat.choiceIds()).toEqual(['register', 'my-registration', 'programme', 'help', 'lang:en']);

    await chat.say('Ik wil me inschrijven');
    expect(chat.lastText()).toMatch(/voornaam/i);
    await chat.say('An');
    expect(chat.lastText()).toMatch(/achternaam/i);
    await chat.say("D'Hondt-Van den Broeck");
    expect(chat.lastText()).toMatch(/e-mailadres/i);
    await chat.say('An.DHondt@Example.be');
    expect(chat.lastText()).toMatch(/telefoonnummer/i);
    await chat.say('0470 12 34 56');
    expect(chat.lastText()).toMatch(/organisatie/i);
    await chat.say('OCMW Leuven');
    expect(chat.lastText()).toMatch(/wat voor organisatie/i);
    expect(chat.choices().map((c) => c.label)).toEqual(['Lokaal bestuur', 'Sociale-economiebedrijf', 'Andere stakeholder']);
    await chat.say('lokaal bestuur');

    expect(chat.lastText()).toMatch(/Reeks 1.*13:30–15:00/);
    expect(chat.choiceIds()).toEqual(['session:1', 'session:2', 'session:3', 'session:4', 'session:none']);
    expect(chat.choices()[0]?.hint).toMatch(/Spoor 95 · nog 40 plaatsen vrij/);
    await chat.say('arbeidszorg');
    expect(chat.lastText()).toMatch(/Reeks 2.*15:15–16:45/);
    await chat.choose('session:7');

    expect(chat.lastText()).toMatch(/Aan de slag met sociale economie.*€ 33/);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/straat en huisnummer/i);
    await chat.say('Provincieplein 1');
    expect(chat.lastText()).toMatch(/postcode/i);
    await chat.say('3010');
    expect(chat.lastText()).toMatch(/gemeente/i);
    await chat.say('Leuven');
    expect(chat.lastText()).toMatch(/land/i);
    await chat.say('België');

    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/^E-mail/)).toBe('An.DHondt@Example.be');
    expect(chat.fact(/^Telefoon/)).toBe('+32 470 12 34 56');
    expect(chat.fact(/reeks 1/)).toMatch(/^#2 Wat is arbeidszorg\?/);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 Wijk-werken/);
    expect(chat.fact(/Boek/)).toBe('ja (€ 33)');
    expect(chat.fact(/Verzendadres/)).toBe('Provincieplein 1, 3010 Leuven, België');
    expect(chat.choiceIds()).toEqual(['confirm', 'change', 'stop']);

    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven!.*bevestiging.*An\.DHondt@Example\.be/s);
    expect(chat.choiceIds()).toContain('my-registration');

    const mine = await desk.ledger.findByOwner('console:an');
    expect(mine).toMatchObject({
      status: 'confirmed',
      firstName: 'An',
      lastName: "D'Hondt-Van den Broeck",
      phone: '+32470123456',
      organisationType: 'local_government',
      sessions: [2, 7],
      language: 'nl',
      book: { shippingAddress: { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'BE' } },
    });
    expect((await desk.ledger.list('pending')).map((e) => e.kind)).toEqual(['confirmation']);
    expect(desk.errors).toEqual([]);
  });

  it('completes a registration without a book: no address is asked', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:jan');
    await fillForm(chat, { sessions: ['1', 'Talenten tellen'] });
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/Boek/)).toBe('nee');
    expect(chat.fact(/Verzendadres/)).toBeUndefined();
    await chat.press(/inschrijven/);
    expect(chat.turnText()).toMatch(/ingeschreven/);
    expect(await desk.ledger.findByOwner('console:jan')).toMatchObject({ book: null, sessions: [1, 5] });
  });
});

describe('registering in English', () => {
  it('speaks English from the channel locale and completes a registration with a book', async () => {
    const desk = new Desk();
    const chat = desk.chat('teams:sam', 'en-GB');
    await chat.say('I would like to register');
    expect(chat.lastText()).toMatch(/first name/i);
    await chat.say('Sam');
    await chat.say('Smith');
    await chat.say('sam@example.org');
    await chat.say('+31 6 12345678');
    await chat.say('Social Firm Ltd');
    expect(chat.lastText()).toMatch(/what kind of organisation/i);
    await chat.say('social enterprise');
    expect(chat.lastText()).toMatch(/Series 1/);
    expect(chat.choices()[2]?.hint).toMatch(/session 3 · Zaal 2\+3 · 15 seats left/);
    await chat.say('session 3');
    await chat.say('9');
    expect(chat.lastText()).toMatch(/order the book/i);
    await chat.say('yes');
    await chat.say('Damrak 1');
    await chat.say('1012 LG');
    await chat.say('Amsterdam');
    await chat.say('Netherlands');
    expect(chat.lastText()).toMatch(/Is everything correct/);
    expect(chat.fact(/Shipping address/)).toBe('Damrak 1, 1012 LG Amsterdam, Netherlands');
    await chat.say('confirm');
    expect(chat.turnText()).toMatch(/You're registered!.*sam@example\.org/s);
    expect(await desk.ledger.findByOwner('teams:sam')).toMatchObject({ language: 'en', sessions: [3, 9], organisationType: 'social_economy' });
  });

  it('switches to English on request mid-form and back to Dutch', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Piet');
    await chat.say('English please');
    expect(chat.lastText()).toMatch(/continue in English[\s\S]*last name/);
    await chat.say('taal nl');
    expect(chat.lastText()).toMatch(/Nederlands[\s\S]*achternaam/);
    await chat.say('Jansen');
    expect(chat.lastText()).toMatch(/e-mailadres/);
  });

  it('registers without a book in English', async () => {
    const desk = new Desk();
    const chat = desk.chat('slack:kim');
    await chat.choose('lang:en');
    await chat.choose('register');
    for (const answer of ['Kim', 'Lee', 'kim@example.com', '0032 470 99 88 77', 'VDAB', 'other', '4', '8', 'no']) await chat.say(answer);
    expect(chat.fact(/^Book/)).toBe('no');
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/You're registered/);
    expect(await desk.ledger.findByOwner('slack:kim')).toMatchObject({ book: null, sessions: [4, 8], phone: '+32470998877', language: 'en' });
  });
});

describe('invalid answers are asked again with the reason, and change nothing', () => {
  it('re-asks an e-mail address, a phone number and a postal code', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('Peeters');
    await chat.say('jan.peeters@');
    expect(chat.lastText()).toMatch(/geen geldig e-mailadres[\s\S]*Wat is je e-mailadres/);
    await chat.say('jan at example dot be');
    expect(chat.lastText()).toMatch(/geen geldig e-mailadres/);
    await chat.say('jan@example.be');
    await chat.say('12345');
    expect(chat.lastText()).toMatch(/telefoonnummer herken ik niet[\s\S]*0470 12 34 56[\s\S]*telefoonnummer/);
    await chat.say('0470 12 34 56');
    await chat.say('Stad Leuven');
    await chat.say('1');
    await chat.say('1');
    await chat.say('5');
    await chat.say('ja');
    await chat.say('Provincieplein');
    expect(chat.lastText()).toMatch(/huisnummer niet/);
    await chat.say('Provincieplein 1');
    await chat.say('301');
    expect(chat.lastText()).toMatch(/Belgische postcode heeft 4 cijfers[\s\S]*Postcode\?/);
    await chat.say('0301');
    expect(chat.lastText()).toMatch(/4 cijfers/);
    await chat.say('3010');
    await chat.say('Leuven');
    await chat.say('Atlantis');
    expect(chat.lastText()).toMatch(/land ken ik niet/);
    await chat.say('1');
    expect(chat.fact(/^E-mail/)).toBe('jan@example.be');
    expect(chat.fact(/Verzendadres/)).toBe('Provincieplein 1, 3010 Leuven, België');
  });

  it('checks a foreign postal code against the country once it is known', async () => {
    const chat = await startChat({ locale: 'en' });
    await fillForm(chat, { book: false });
    // fillForm speaks Dutch ("Ik wil me inschrijven"), so the desk answered in Dutch.
    expect(chat.lastText()).toMatch(/Klopt alles/);
    await chat.say('English please');
    await chat.say('change book');
    await chat.say('yes');
    await chat.say('Damrak 1');
    await chat.say('75001');
    await chat.say('Amsterdam');
    await chat.say('Nederland');
    expect(chat.lastText()).toMatch(/75001 doesn't fit Netherlands[\s\S]*Postal code\?/);
    await chat.say('1012 LG');
    expect(chat.lastText()).toMatch(/Is everything correct/);
    expect(chat.fact(/Shipping address/)).toBe('Damrak 1, 1012 LG Amsterdam, Netherlands');
  });

  it('re-asks after an empty message and stores nothing', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:x');
    await chat.say('inschrijven');
    await chat.say('');
    expect(chat.lastText()).toMatch(/leeg bericht[\s\S]*voornaam/);
    expect(await desk.ledger.snapshot()).toMatchObject({ registrations: [] });
  });
});

describe('moving around the form', () => {
  it('changes a field from the summary and returns to the summary', async () => {
    const chat = await startChat();
    await fillForm(chat);
    await chat.say('wijzig e-mail');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: jan.peeters@example.be' }]);
    await chat.say('jan@peeters.be');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/^E-mail/)).toBe('jan@peeters.be');

    await chat.press(/wijzigen/);
    expect(chat.lastText()).toMatch(/Wat wil je wijzigen/);
    expect(chat.choiceIds()).toContain('change:session:2');
    await chat.choose('change:session:2');
    await chat.say('Toelichting beslissingsboom');
    expect(chat.fact(/reeks 2/)).toMatch(/^#8 /);

    await chat.say('boek aanpassen');
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/straat en huisnummer/);
    await chat.say('Kerkstraat 12');
    await chat.say('3000');
    await chat.say('Leuven');
    await chat.say('BE');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/Verzendadres/)).toBe('Kerkstraat 12, 3000 Leuven, België');
    await chat.say('change book');
    await chat.say('nee');
    expect(chat.fact(/Verzendadres/)).toBeUndefined();
  });

  it('changes an earlier field mid-form and comes back to the pending question', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('Peeters');
    await chat.say('jan@example.be');
    await chat.say('wijzig voornaam');
    expect(chat.lastText()).toMatch(/voornaam/);
    await chat.say('Johan');
    expect(chat.lastText()).toMatch(/telefoonnummer/);
    await chat.say('wijzig boek');
    expect(chat.lastText()).toMatch(/straks[\s\S]*telefoonnummer/);
  });

  it('"terug" goes to the previous question, and from a change back where it started', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('terug');
    expect(chat.lastText()).toMatch(/eerste vraag[\s\S]*voornaam/);
    await chat.say('Jan');
    await chat.say('Peeters');
    await chat.say('terug');
    expect(chat.lastText()).toMatch(/achternaam/);
    await chat.say('back');
    expect(chat.lastText()).toMatch(/voornaam/);
    await chat.choose('keep');
    expect(chat.lastText()).toMatch(/achternaam/);
    await chat.choose('keep');
    expect(chat.lastText()).toMatch(/e-mailadres/);

    const summary = await startChat();
    await fillForm(summary);
    await summary.say('terug');
    expect(summary.lastText()).toMatch(/boek/);
    await summary.say('nee');
    await summary.say('wijzig telefoon');
    await summary.say('terug');
    expect(summary.lastText()).toMatch(/klopt alles/i);
    expect(summary.fact(/Telefoon/)).toBe('+32 470 12 34 56');
  });

  it('stops mid-form after asking, since what was filled in would be lost: nothing is stored and the menu comes back', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:stopper');
    await chat.say('inschrijven');
    await chat.say('stop');
    expect(chat.turnText()).toMatch(/gestopt.*niets bewaard/);
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('Peeters');
    await chat.say('stop');
    expect(chat.lastText()).toBe('Wil je echt stoppen? Wat je invulde gaat verloren.');
    expect(chat.choiceIds()).toEqual(['stop:yes', 'stop:no']);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/we gaan verder[\s\S]*e-mailadres/);
    await chat.say('stop');
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/gestopt.*niets bewaard/);
    expect(chat.choiceIds()).toContain('register');
    expect(await desk.ledger.findByOwner('console:stopper')).toBeNull();

    await fillForm(chat);
    await chat.press(/Stoppen/);
    expect(chat.lastText()).toMatch(/echt stoppen/);
    await chat.press(/verder invullen/);
    expect(chat.lastText()).toMatch(/klopt alles/i);
    await chat.press(/Stoppen/);
    await chat.press(/Ja, stoppen/);
    expect(chat.turnText()).toMatch(/niets bewaard/);
    expect((await desk.ledger.snapshot()).registrations).toEqual([]);
  });

  it('answers a programme question mid-form and asks the pending question again', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('Peeters');
    await chat.say('Wanneer is sessie 3?');
    expect(chat.lastTurn().map((r) => r.text)).toEqual(['Sessie 3 is van 13:30–15:00.', 'Wat is je e-mailadres? Daar sturen we de bevestiging naartoe.']);
    await chat.say('waar is sessie 8');
    expect(chat.turnText()).toMatch(/Zaal 4\+5[\s\S]*e-mailadres/);
    await chat.say('Hoeveel kost parkeren?');
    expect(chat.lastText()).toMatch(/geen antwoord.*sociale\.economie@vlaamsbrabant\.be[\s\S]*e-mailadres/);
    await chat.say('jan@example.be');
    expect(chat.lastText()).toMatch(/telefoonnummer/);
    await chat.say('programma');
    expect(chat.turnText()).toMatch(/Reeks 1[\s\S]*Samenwerken werkt[\s\S]*telefoonnummer/);
    await chat.choose('ask:sessie 4');
    expect(chat.turnText()).toMatch(/Lokale diensteneconomie[\s\S]*telefoonnummer/);
    await chat.say('help');
    expect(chat.turnText()).toMatch(/terug[\s\S]*telefoonnummer/);
    expect(desk.answerer.questions.map((q) => q.question)).toContain('Wanneer is sessie 3?');
  });

  it('keeps going when the answerer fails', async () => {
    const desk = new Desk();
    desk.answerer.failWith = new Error('answerer broke');
    const chat = desk.chat();
    await chat.say('inschrijven');
    await chat.say('Wie spreekt in sessie 1?');
    expect(chat.lastText()).toMatch(/geen antwoord[\s\S]*voornaam/);
    await chat.say('Wat is dit?');
    expect(chat.lastText()).toMatch(/voornaam/);
    expect(desk.errors).toEqual([]);
  });
});

describe('asking to register while registering', () => {
  it('does not take "Ik wil me inschrijven" as a first name', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven');
    await chat.say('Ik wil me inschrijven');
    expect(chat.lastText()).toMatch(/al bezig[\s\S]*voornaam/);
    await chat.choose('register');
    expect(chat.lastText()).toMatch(/al bezig[\s\S]*voornaam/);
  });
});

describe('questions at a choice step', () => {
  it('answers "Wanneer is sessie 3?" at the session step instead of choosing session 3', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:q');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
    await chat.say('Wanneer is sessie 3?');
    expect(chat.lastTurn().map((r) => r.text)).toEqual(['Sessie 3 is van 13:30–15:00.', 'Welke sessie kies je in *Reeks 1* (13:30–15:00)?']);
    expect(chat.choiceIds()).toEqual(['session:1', 'session:2', 'session:3', 'session:4', 'session:none']);
    await chat.say('sessie 3');
    expect(chat.lastText()).toMatch(/Reeks 2/);
  });
});

describe('typed answers to the organisation type', () => {
  it('understands a phrase like "ik werk bij een gemeente"', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', 'ik werk bij een gemeente']) await chat.say(answer);
    expect(chat.lastText()).toMatch(/Reeks 1/);
    await chat.say('terug');
    await chat.say('een maatwerkbedrijf');
    await chat.say('terug');
    expect(chat.lastText()).toMatch(/Wat voor organisatie/);
    await chat.say('2');
    await chat.say('1');
    await chat.say('5');
    await chat.say('nee');
    expect(chat.fact(/Soort organisatie/)).toBe('Sociale-economiebedrijf');
  });
});

describe('answers that look like commands', () => {
  it('takes "NL" at the country step as the Netherlands and "Van Pas" as a surname', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('Van Pas');
    expect(chat.lastText()).toMatch(/e-mailadres/);
    await chat.say('wijzig boek');
    expect(chat.lastText()).toMatch(/straks/);
    for (const answer of ['jan@example.be', '0470123456', 'Stad Leuven', '1', '1', '5', 'ja', 'Damrak 1', '1012 LG', 'Amsterdam', 'NL']) await chat.say(answer);
    expect(chat.fact(/Achternaam/)).toBe('Van Pas');
    expect(chat.fact(/Verzendadres/)).toBe('Damrak 1, 1012 LG Amsterdam, Nederland');
  });
});

describe('sessions named in the sign-up message', () => {
  it('notes "sessie 3 en 7" and does not ask the series again', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:jan');
    await chat.say('Ik wil me inschrijven voor sessie 3 en 7');
    expect(chat.turnText()).toMatch(/Je koos al: \*3\. Samenwerken werkt!.*\* en \*7\. Wijk-werken.*genoteerd/);
    expect(chat.lastText()).toMatch(/voornaam/i);
    await answerDetails(chat);
    expect(chat.lastText()).toMatch(/boek/i);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 Samenwerken werkt!/);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 Wijk-werken/);
    await chat.say('ja');
    expect((await desk.ledger.findByOwner('console:jan'))?.sessions).toEqual([3, 7]);
  });

  it('understands it in English, and "back" returns to the last question asked, not to a noted session', async () => {
    const chat = await startChat();
    await chat.say('I would like to register for sessions 2 and 6');
    expect(chat.turnText()).toMatch(/You already chose \*2\. What is arbeidszorg \(supported care work\)\?\* and \*6\. /);
    await answerDetails(chat, { lang: 'en' });
    expect(chat.lastText()).toMatch(/book/i);
    await chat.say('back');
    expect(chat.lastText()).toMatch(/kind of organisation/i);
    await chat.say('local government');
    expect(chat.lastText()).toMatch(/book/i);
  });

  it('takes "Kan ik me inschrijven voor sessie 3 en 7?" and "Can I sign up for session 4 and 9?" as sign-ups, not as questions', async () => {
    const dutch = await startChat();
    await dutch.say('Kan ik me inschrijven voor sessie 3 en 7?');
    expect(dutch.turnText()).toMatch(/Je koos al: \*3\. .*\* en \*7\. /);
    expect(dutch.lastText()).toMatch(/voornaam/i);
    const english = await startChat();
    await english.say('Hi, can I sign up for session 4 and 9?');
    expect(english.turnText()).toMatch(/You already chose \*4\. .*\* and \*9\. /);
    expect(english.lastText()).toMatch(/first name/i);
    const asking = await startChat();
    await asking.say('Is inschrijven voor sessie 3 nog mogelijk?');
    expect(asking.turnText()).not.toMatch(/voornaam/i);
  });

  it('notes them for the waiting list when the venue is full', async () => {
    const desk = new Desk({ ...netwerkdag, venueCap: 1 });
    await desk.registerOther([1, 5]);
    const chat = desk.chat('console:wait');
    await chat.say('Ik wil me inschrijven voor sessie 2 en 6');
    expect(chat.turnText()).toMatch(/wachtlijst[\s\S]*Je koos al: \*2\. /);
    await answerDetails(chat);
    await chat.say('nee');
    expect(chat.turnText()).toMatch(/wachtlijst/);
    await chat.say('ja');
    expect(await desk.ledger.findByOwner('console:wait')).toMatchObject({ status: 'waitlisted', sessions: [2, 6] });
  });

  it('notes a session of the other series typed where a series is asked, or says it is full', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:other');
    await chat.say('Ik wil me inschrijven');
    await answerDetails(chat);
    expect(chat.lastText()).toMatch(/Reeks 1/);
    await chat.say('9');
    expect(chat.lastText()).toMatch(/Sessie 9 hoort bij Reeks 2; die heb ik voor die reeks genoteerd\.[\s\S]*Reeks 1/);
    await chat.choose('session:2');
    expect(chat.lastText()).toMatch(/boek/i);
    await chat.say('nee');
    expect(chat.fact(/reeks 2/)).toMatch(/^#9 /);

    await desk.fillSession(8);
    const late = desk.chat('console:late');
    await late.say('Ik wil me inschrijven');
    await answerDetails(late);
    await late.say('sessie 8');
    expect(late.lastText()).toMatch(/Sessie 8 hoort bij Reeks 2 en is volzet[\s\S]*Reeks 1/);
    await late.choose('session:2');
    expect(late.lastText()).toMatch(/Sessie 8 .* is volzet \(\d+\/\d+\)\. Je kan op de wachtlijst voor sessie 8 en intussen/);
  });

  it('asks a series as usual when the message names two sessions of it, or none', async () => {
    const chat = await startChat();
    await chat.say('Ik wil me inschrijven voor sessie 3 en 4');
    expect(chat.turnText()).not.toMatch(/Je koos al/);
    await answerDetails(chat);
    expect(chat.lastText()).toMatch(/Reeks 1/);
    await chat.choose('session:3');
    expect(chat.lastText()).toMatch(/Reeks 2/);
  });

  it('asks the series of a named session that is full, and notes the other one', async () => {
    const desk = new Desk();
    await desk.fillSession(7);
    const chat = desk.chat();
    await chat.say('Ik wil me inschrijven voor sessie 3 en 7');
    expect(chat.turnText()).toMatch(/Je koos al: \*3\. Samenwerken werkt!/);
    expect(chat.turnText()).not.toMatch(/\*7\. Wijk-werken/);
    expect(chat.turnText()).toMatch(/Sessie 7 \(\*Wijk-werken.*\*\) is volzet; bij die reeks kan je kiezen voor de wachtlijst of een andere sessie/);
    await answerDetails(chat);
    expect(chat.lastText()).toMatch(/Sessie 7 .* is volzet \(\d+\/\d+\)\. Je kan op de wachtlijst voor sessie 7 en intussen/);
    expect(chat.choiceIds()).toEqual(['wait:fallback', 'wait:only', 'session:5', 'session:6', 'session:8', 'session:9', 'session:none']);
    await chat.say('wachtlijst');
    await chat.say('nee');
    expect(chat.fact(/reeks 2/)).toBe('op de wachtlijst voor sessie 7, geen andere sessie');
    expect(chat.fact(/Wachtlijst/)).toBeUndefined();
  });
});
