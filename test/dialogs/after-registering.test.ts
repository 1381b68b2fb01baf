import { describe, expect, it } from 'vitest';
import { Desk } from '../helpers/chat.ts';

const oneLine = 'Ik wil me inschrijven: Ann Peeters, ann@gemeente.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 3 en 7, geen boek';

async function registered(userKey = 'console:ann'): Promise<{ desk: Desk; chat: ReturnType<Desk['chat']> }> {
  const desk = new Desk();
  const chat = desk.chat(userKey);
  await chat.say(oneLine);
  await chat.say('ja');
  expect(chat.turnText()).toMatch(/Je bent ingeschreven!/);
  return { desk, chat };
}

describe('after registering: questions about one\'s own registration', () => {
  it('"ik wil toch sessie 2" changes to session 2 and says so', async () => {
    const { desk, chat } = await registered();
    await chat.say('ik wil toch sessie 2');
    expect(chat.turnText()).toMatch(/Gewijzigd: in reeks 1 volg je nu sessie 2 .* in plaats van sessie 3/);
    expect((await desk.ledger.findByOwner('console:ann'))?.sessions).toEqual([2, 7]);
  });

  it('"wat zijn mijn sessies?" shows the registration, at the desk and inside Mijn inschrijving', async () => {
    const { chat } = await registered();
    await chat.say('wat zijn mijn sessies?');
    expect(chat.lastText()).toMatch(/Je bent ingeschreven voor de \*Netwerkdag/);
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 /);
    await chat.say('wijzig sessie 7 naar 8');
    await chat.say('wat zijn mijn sessies?');
    expect(chat.turnText()).not.toMatch(/Het programma/);
    expect(chat.fact(/reeks 2/)).toMatch(/^#8 /);
  });

  it('"heb ik een boek besteld?" answers from the registration', async () => {
    const { chat } = await registered();
    await chat.say('heb ik een boek besteld?');
    expect(chat.turnText()).toMatch(/Nee, je bestelde geen boek/);
    await chat.say('ik wil toch een boek');
    await chat.say('Bondgenotenlaan 1, 3000 Leuven, België');
    await chat.say('ja');
    await chat.say('heb ik een boek besteld?');
    expect(chat.turnText()).toMatch(/Ja, je bestelde het boek\. We sturen het naar Bondgenotenlaan 1, 3000 Leuven, België/);
  });

  it('"geen bevestigingsmail gekregen" sends the confirmation again through the outbox, once per message', async () => {
    const { desk, chat } = await registered();
    const resent = async () => (await desk.ledger.list('pending')).filter((e) => e.id.startsWith('resend:'));
    await chat.say('ik heb geen bevestigingsmail gekregen');
    expect(chat.turnText()).toMatch(/Ik heb de bevestiging opnieuw gestuurd naar \*ann@gemeente\.be\*/);
    expect((await resent()).map((e) => [e.kind, e.registration.email])).toEqual([['confirmation', 'ann@gemeente.be']]);
    await chat.say('kan je de bevestiging opnieuw sturen?');
    expect(chat.turnText()).toMatch(/opnieuw gestuurd naar \*ann@gemeente\.be\*/);
    expect(await resent()).toHaveLength(2);
    // A platform's redelivery of the same message sends nothing more.
    const again = { userKey: 'console:ann', input: { kind: 'text' as const, text: 'stuur de bevestiging nog eens' }, messageId: 'redelivered' };
    await desk.bot.handle(again);
    await desk.bot.handle(again);
    expect(await resent()).toHaveLength(3);
  });

  it('in English, inside My registration', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:tom');
    await chat.say("I'd like to register: Tom Hanks, tom@hanks.com, +32 470 55 55 55, Hanks Foundation, other stakeholder, sessions 2 and 7, no book");
    await chat.say('yes');
    await chat.say('my registration');
    await chat.say("I didn't get the confirmation email");
    expect(chat.turnText()).toMatch(/I sent the confirmation again to \*tom@hanks\.com\*/);
  });

  it('"what did I choose?" in the form shows what is filled so far, and asks on', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('ik wil me inschrijven');
    await chat.say('what did I choose?');
    expect(chat.turnText()).toMatch(/Je hebt nog niets ingevuld/);
    await chat.say('Ann Peeters, ann@x.be, 0470123456, Gemeente Leuven, lokaal bestuur, sessie 2');
    await chat.say('wat heb ik gekozen?');
    expect(chat.turnText()).toMatch(/Dit heb je tot nu toe ingevuld:/);
    expect(chat.fact(/^E-mail/)).toBe('ann@x.be');
    expect(chat.fact(/reeks 1/)).toMatch(/^#2 /);
    expect(chat.facts().some((f) => /reeks 2/.test(f.label))).toBe(false);
    expect(chat.lastText()).toMatch(/reeks 2/i);
  });

  it('refuses an e-mail address someone else holds before asking "Klopt dat?", and a change in capitals is no change', async () => {
    const { desk, chat: ann } = await registered();
    const jan = desk.chat('console:jan');
    await jan.say('Ik wil me inschrijven: Jan Peeters, jan@x.be, 0470 33 33 33, Stad Gent, lokaal bestuur, sessie 2 en 5, geen boek');
    await jan.say('ja');
    await jan.say('wijzig e-mail naar ann@gemeente.be');
    expect(jan.turnText()).toMatch(/Met ann@gemeente\.be is al iemand anders ingeschreven/);
    expect(jan.turnText()).not.toMatch(/Klopt dat\?/);
    expect(jan.lastText()).toMatch(/Wat is het nieuwe e-mailadres\?/);
    await jan.say('jan.peeters@x.be');
    expect(jan.lastText()).toMatch(/Het e-mailadres wordt \*jan\.peeters@x\.be\* in plaats van jan@x\.be\. .*Klopt dat\?/);
    await jan.say('ja');
    expect((await desk.ledger.findByOwner('console:jan'))?.email).toBe('jan.peeters@x.be');
    await ann.say('wijzig e-mail naar ANN@gemeente.be');
    expect(ann.turnText()).toMatch(/Dat is al het e-mailadres van deze inschrijving/);
    expect(ann.turnText()).not.toMatch(/Klopt dat\?|kort bericht/);
  });

  it('a name change ("ik heet nu Ann Janssens", "typfout in mijn naam") gets the organisers\' address, not a "Ja"', async () => {
    const { desk, chat } = await registered();
    await chat.say('kan ik mijn naam wijzigen? ik heet nu Ann Janssens');
    expect(chat.turnText()).toMatch(/^Een naam pas ik hier niet aan\. Mail de juiste naam naar sociale\.economie@vlaamsbrabant\.be/);
    expect(chat.turnText()).not.toMatch(/^Ja\./);
    await chat.say('ik heb een typfout gemaakt in mijn naam');
    expect(chat.turnText()).toMatch(/^Een naam pas ik hier niet aan/);
    expect(chat.turnText()).not.toMatch(/Sprekers|Kies een van de opties/);
    await chat.say('menu');
    await chat.say('I made a typo in my name');
    expect(chat.turnText()).toMatch(/I can't change a name here\. Please e-mail the right name to sociale\.economie@vlaamsbrabant\.be/);
    expect((await desk.ledger.findByOwner('console:ann'))?.lastName).toBe('Peeters');
  });
});
