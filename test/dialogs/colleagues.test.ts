import { describe, expect, it } from 'vitest';
import { Desk, fillForm, type Chat } from '../helpers/chat.ts';

/** Registers oneself (Jan Peeters, sessions 3 and 7). */
async function registerMyself(chat: Chat): Promise<void> {
  await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'] });
  await chat.say('ja');
}

/** "Kan ik een collega inschrijven?" and the colleague's details, up to and including the confirmation. */
async function registerColleague(chat: Chat, first: string, last: string, sessions: [string, string] = ['sessie 1', 'sessie 5']): Promise<void> {
  await chat.say('Kan ik een collega inschrijven?');
  await chat.say(first);
  await chat.say(last);
  await chat.say(`${first}.${last}@vdab.be`.toLowerCase());
  await chat.say('0470 11 22 33');
  await chat.say('VDAB');
  await chat.say('andere');
  await chat.say(sessions[0]);
  await chat.say(sessions[1]);
  await chat.say('nee');
  await chat.say('ja');
}

describe('registering a colleague', () => {
  it('says that the colleague is registered, not "Je bent ingeschreven", and marks the registration as for someone else', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    expect(chat.turnText()).toMatch(/Roos Blondeel is ingeschreven! De bevestiging met een overzicht gaat naar roos\.blondeel@vdab\.be/);
    expect(chat.turnText()).not.toMatch(/Je bent ingeschreven/);
    const owned = await desk.ledger.findAllByOwner('console:ann');
    expect(owned.map((r) => [r.firstName, r.forSomeoneElse ?? false])).toEqual([
      ['Jan', false],
      ['Roos', true],
    ]);
  });

  it('asks about the colleague, not about "you", and says it registers the colleague', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await chat.say('Kan ik een collega inschrijven?');
    expect(chat.lastText()).toBe('Wat is de naam van je collega? Voornaam en achternaam, bv. Ann Peeters.');
    await chat.say('Roos Blondeel');
    expect(chat.lastText()).toMatch(/^Wat is het e-mailadres van je collega\?/);
    for (const text of ['roos@vdab.be', '0470 11 22 33', 'VDAB', 'andere', 'sessie 1', 'sessie 5']) await chat.say(text);
    expect(chat.lastText()).toMatch(/^Wil je collega het boek/);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/^Klopt alles\? Dan schrijf ik je collega in\./);
  });

  it('says so in English too', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:en');
    await chat.say('English please');
    await chat.say('Can I register a colleague?');
    for (const answer of ['Roos', 'Blondeel', 'roos@vdab.be', '0470112233', 'VDAB', 'other', 'session 1', 'session 5', 'no', 'yes']) await chat.say(answer);
    expect(chat.turnText()).toMatch(/Roos Blondeel is registered! The confirmation with an overview goes to roos@vdab\.be/);
    expect(chat.turnText()).not.toMatch(/You're registered/);
  });

  it('shows my own registration first afterwards and lists the colleague by name', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/^Je bent ingeschreven voor de \*Netwerkdag[\s\S]*Je schreef ook in: \*Roos Blondeel\*/);
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
    expect(chat.choices().find((c) => c.id.startsWith('registration:'))).toMatchObject({ label: 'Roos Blondeel', hint: 'ingeschreven' });
  });

  it('"ik kan toch niet komen" cancels my own registration, never the colleague\'s', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    await chat.say('Ik kan toch niet komen');
    expect(chat.lastText()).toMatch(/^Wil je je inschrijving echt annuleren\?/);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je inschrijving is geannuleerd/);
    expect((await desk.ledger.findAllByOwner('console:ann')).map((r) => r.firstName)).toEqual(['Roos']);
  });

  it('changes or cancels the colleague\'s registration only once it is picked, and names them', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    await chat.say('mijn inschrijving');
    await chat.press(/Roos Blondeel/);
    expect(chat.lastText()).toMatch(/^Dit is de inschrijving van \*Roos Blondeel\*/);
    expect(chat.fact(/^Voornaam/)).toBe('Roos');
    await chat.say('wijzig sessie 5 naar 6');
    expect(chat.lastText()).toMatch(/Gewijzigd: in reeks 2 volgt Roos Blondeel nu sessie 6/);
    await chat.say('annuleren');
    expect(chat.lastText()).toMatch(/^Wil je de inschrijving van Roos Blondeel echt annuleren\?/);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/de inschrijving van Roos Blondeel blijft staan/);
    await chat.press(/Mijn eigen inschrijving/);
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
    const [mine, roos] = await desk.ledger.findAllByOwner('console:ann');
    expect([mine?.sessions, roos?.sessions]).toEqual([[3, 7], [1, 6]]);
  });

  it('"Roos kan niet komen" asks to cancel Roos\'s registration by name, and cancels only hers', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    await chat.say('Roos kan niet komen');
    expect(chat.lastText()).toMatch(/^Wil je de inschrijving van Roos Blondeel echt annuleren\?/);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/De inschrijving van Roos Blondeel is geannuleerd/);
    expect((await desk.ledger.findAllByOwner('console:ann')).map((r) => r.firstName)).toEqual(['Jan']);
  });

  it('"Piet kan niet komen" with no registration for Piet never offers to cancel one\'s own; "Rita can\'t come" neither', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await chat.say('Piet kan niet komen');
    expect(chat.turnText()).toMatch(/Ik vind geen inschrijving die je voor iemand anders maakte/);
    expect(chat.turnText()).not.toMatch(/echt annuleren/);
    await chat.say("Rita can't come");
    expect(chat.turnText()).not.toMatch(/echt annuleren|really cancel/);
    await chat.say('Jan kan niet komen');
    expect(chat.lastText()).toMatch(/echt annuleren/);
  });

  it('asks which colleague when there are several, and cancels the one picked', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:ann');
    await registerMyself(chat);
    await registerColleague(chat, 'Roos', 'Blondeel');
    await registerColleague(chat, 'Piet', 'Janssens', ['sessie 2', 'sessie 6']);
    await chat.say('Mijn collega kan niet komen');
    expect(chat.lastText()).toMatch(/Over wiens inschrijving gaat het\?/);
    expect(chat.choices().map((c) => c.label)).toEqual(['Mijn eigen inschrijving', 'Roos Blondeel', 'Piet Janssens', 'Terug naar het menu']);
    await chat.say('Piet');
    expect(chat.lastText()).toMatch(/^Wil je de inschrijving van Piet Janssens echt annuleren\?/);
    await chat.say('ja');
    expect((await desk.ledger.findAllByOwner('console:ann')).map((r) => r.firstName)).toEqual(['Jan', 'Roos']);
  });

  it('with only a colleague\'s registration: shows it by name, and "ik kan niet komen" cancels nothing', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:only-colleague');
    await registerColleague(chat, 'Roos', 'Blondeel');
    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/^Dit is de inschrijving van \*Roos Blondeel\*/);
    await chat.say('menu');
    await chat.say('ik kan toch niet komen');
    expect(chat.lastText()).toMatch(/Je hebt zelf geen inschrijving via dit kanaal, maar je schreef wel in: \*Roos Blondeel\*[\s\S]*Over wiens inschrijving/);
    expect(chat.turnText()).not.toMatch(/echt annuleren/);
    expect(await desk.ledger.findAllByOwner('console:only-colleague')).toHaveLength(1);
  });

  it('lets me register myself after registering only a colleague', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:later-me');
    await registerColleague(chat, 'Roos', 'Blondeel');
    await fillForm(chat);
    expect(chat.lastText()).toMatch(/Klopt alles/);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven!/);
    await chat.say('mijn inschrijving');
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
  });

  it('takes the first of several registrations written before the colleague mark as my own', async () => {
    const desk = new Desk();
    await desk.registerOther([1, 5], { owner: 'console:old', firstName: 'Eerst' });
    await desk.registerOther([2, 6], { owner: 'console:old', firstName: 'Later' });
    const chat = desk.chat('console:old');
    await chat.say('mijn inschrijving');
    expect(chat.fact(/^Voornaam/)).toBe('Eerst');
    expect(chat.lastText()).toMatch(/Je schreef ook in: \*Later /);
  });
});
