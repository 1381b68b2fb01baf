import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { Desk, fillForm } from '../helpers/chat.ts';

async function registered(userKey = 'console:me'): Promise<{ desk: Desk; chat: ReturnType<Desk['chat']> }> {
  const desk = new Desk();
  const chat = desk.chat(userKey);
  await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'] });
  await chat.say('ja');
  return { desk, chat };
}

describe('my registration', () => {
  it('shows the registration as facts', async () => {
    const { chat } = await registered();
    await chat.say('Mijn inschrijving');
    expect(chat.lastText()).toMatch(/Je bent ingeschreven voor de \*Netwerkdag sociale economie\* \(donderdag 29 oktober 2020\)/);
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 Samenwerken werkt!/);
    expect(chat.fact(/Status/)).toBe('ingeschreven');
    expect(chat.choiceIds()).toEqual(['change-session', 'order-book', 'change-email', 'cancel-registration', 'menu']);
    await chat.say('5');
    expect(chat.choiceIds()).toContain('register');
  });

  it('takes "annuleer" at the desk as a wish to cancel, and asks first', async () => {
    const { desk, chat } = await registered();
    await chat.say('annuleer');
    expect(chat.lastText()).toMatch(/Wil je je inschrijving echt annuleren\?/);
    await chat.say('nee');
    expect((await desk.ledger.findAllByOwner('console:me')).map((r) => r.status)).toEqual(['confirmed']);
    await chat.say('menu');
    await chat.say('annuleren');
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je inschrijving is geannuleerd/);
    expect(await desk.ledger.findAllByOwner('console:me')).toEqual([]);
  });

  it('says so when there is no registration on this channel', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:nobody');
    await chat.choose('my-registration');
    expect(chat.turnText()).toMatch(/geen inschrijving/);
    expect(chat.choiceIds()).toContain('register');
  });

  it('changes a session with an atomic swap and frees the old seat', async () => {
    const { desk, chat } = await registered();
    await chat.say('mijn inschrijving');
    await chat.press(/Sessie wijzigen/);
    expect(chat.lastText()).toMatch(/welke reeks/i);
    expect(chat.choices()[1]?.hint).toMatch(/^7\. Wijk-werken/);
    await chat.say('reeks 2');
    expect(chat.choices().find((c) => c.id === 'session:7')?.hint).toMatch(/je huidige keuze/);
    await chat.say('sessie 9');
    expect(chat.lastText()).toMatch(/Gewijzigd: in reeks 2 volg je nu sessie 9 .* in plaats van sessie 7[\s\S]*Je bent ingeschreven/);
    expect(chat.fact(/reeks 2/)).toMatch(/^#9 /);
    const availability = await desk.ledger.availability();
    expect(availability.sessions.find((s) => s.sessionNumber === 7)?.taken).toBe(0);
    expect(availability.sessions.find((s) => s.sessionNumber === 9)?.taken).toBe(1);
    expect(findInvariantViolations(desk.event, await desk.ledger.snapshot())).toEqual([]);
  });

  it('goes straight to changing from "wijzig mijn sessie"; a full session is waited for, keeping the one held', async () => {
    const { desk, chat } = await registered();
    await desk.fillSession(1);
    await chat.say('Ik wil een andere sessie');
    expect(chat.lastText()).toMatch(/welke reeks/i);
    await chat.choose('series:1');
    expect(chat.choices().find((c) => c.id === 'session:1')?.label).toMatch(/^Op de wachtlijst voor sessie 1: /);
    expect(chat.choiceIds()).toContain('session:none');
    await chat.say('1');
    expect(chat.lastText()).toMatch(/Je staat nu op de wachtlijst voor sessie 1 \(plaats 1\); intussen houd je sessie 3\./);
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ sessions: [3, 7], waitingFor: [1] });
    expect(chat.fact(/reeks 1/)).toMatch(/^op de wachtlijst voor sessie 1 \(plaats 1\), intussen #3 /);
    await chat.choose('change-session');
    await chat.choose('series:1');
    expect(chat.choiceIds()[0]).toBe('leave-wait');
    await chat.choose('leave-wait');
    expect(chat.lastText()).toMatch(/niet meer op de wachtlijst in deze reeks; je houdt sessie 3/);
    expect(await desk.ledger.findByOwner('console:me')).not.toHaveProperty('waitingFor');
    await chat.choose('change-session');
    await chat.choose('series:1');
    await chat.say('3');
    expect(chat.lastText()).toMatch(/Sessie 3 is al je keuze/);
    await chat.say('terug');
    expect(chat.choiceIds()).toContain('register');
  });

  it('waits for a session that filled up after the list was shown, keeping the one held', async () => {
    const { desk, chat } = await registered();
    await chat.say('mijn inschrijving');
    await chat.choose('change-session');
    await chat.choose('series:1');
    await desk.fillSession(4);
    await chat.choose('session:4');
    expect(chat.lastText()).toMatch(/wachtlijst voor sessie 4/);
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ sessions: [3, 7], waitingFor: [4] });
  });

  it('skips a series from "mijn inschrijving", giving the seat back', async () => {
    const { desk, chat } = await registered();
    await chat.say('mijn inschrijving');
    await chat.choose('change-session');
    await chat.choose('series:2');
    await chat.choose('session:none');
    expect(chat.lastText()).toMatch(/Je volgt nu geen sessie in reeks 2/);
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ status: 'confirmed', sessions: [3] });
    expect((await desk.ledger.availability()).sessions.find((x) => x.sessionNumber === 7)?.taken).toBe(0);
    expect(chat.fact(/reeks 2/)).toBe('geen sessie');
  });

  it('cancels after a confirmation, frees the seats and promotes the waiting list', async () => {
    const { desk, chat } = await registered();
    await desk.fillSession(3);
    const waiting = desk.chat('console:waiting');
    await fillForm(waiting, { email: 'wacht@example.be', sessions: ['sessie 3', 'sessie 5'] });
    await waiting.choose('wait:only');
    await waiting.say('sessie 5');
    await waiting.say('nee');
    await waiting.say('ja');
    expect(await desk.ledger.findByOwner('console:waiting')).toMatchObject({ status: 'confirmed', sessions: [5], waitingFor: [3] });

    await chat.say('annuleer mijn inschrijving');
    expect(chat.lastText()).toMatch(/echt annuleren/);
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/blijft staan/);
    await chat.press(/annuleren/);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/geannuleerd/);
    expect(await desk.ledger.findByOwner('console:me')).toBeNull();
    expect(await desk.ledger.findByOwner('console:waiting')).toMatchObject({ status: 'confirmed', sessions: [3, 5] });
    expect(findInvariantViolations(desk.event, await desk.ledger.snapshot())).toEqual([]);

    await waiting.say('mijn inschrijving');
    expect(waiting.fact(/Status/)).toBe('ingeschreven');
  });

  it('lets a waitlisted person change what they wait for, also to a full session', async () => {
    const desk = new Desk();
    await desk.fillSession(3);
    await desk.fillSession(4);
    const chat = desk.chat('console:wait');
    await fillForm(chat, { sessions: ['sessie 3', 'sessie 5'] });
    await chat.choose('wait:only');
    await chat.say('sessie 5');
    await chat.say('nee');
    await chat.say('ja');
    expect(await desk.ledger.findByOwner('console:wait')).toMatchObject({ status: 'confirmed', sessions: [5], waitingFor: [3] });
  });

  it('swaps back and forth and registers again after a cancel, with the clock pinned', async () => {
    const { desk, chat } = await registered();
    for (const session of ['sessie 9', 'sessie 7', 'sessie 9']) {
      await chat.say('wijzig mijn sessie');
      await chat.say('reeks 2');
      await chat.say(session);
      expect(chat.lastText()).toMatch(new RegExp(`nu ${session}`));
    }
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ sessions: [3, 9] });
    await chat.say('annuleer mijn inschrijving');
    await chat.say('ja');
    await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'] });
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven/);
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ status: 'confirmed', sessions: [3, 7] });
    expect((await desk.ledger.snapshot()).registrations).toHaveLength(1);
  });

  it('works in English', async () => {
    const { chat } = await registered('telegram:42');
    await chat.say('English please');
    await chat.say('my registration');
    expect(chat.lastText()).toMatch(/You're registered for the/);
    await chat.choose('cancel-registration');
    await chat.say('yes');
    expect(chat.turnText()).toMatch(/Your registration is cancelled/);
  });
});

describe('changing to a session named in the message', () => {
  it('"wijzig sessie 7 naar 8" at the desk changes series 2 at once', async () => {
    const { desk, chat } = await registered();
    await chat.say('wijzig sessie 7 naar 8');
    expect(chat.lastText()).toMatch(/Gewijzigd: in reeks 2 volg je nu sessie 8 .* in plaats van sessie 7/);
    expect((await desk.ledger.findByOwner('console:me'))?.sessions).toEqual([3, 8]);
  });

  it('"ik wil sessie 2 in plaats van 3" while viewing the registration, and "change session 8 to 9" in English', async () => {
    const { desk, chat } = await registered();
    await chat.say('mijn inschrijving');
    await chat.say('ik wil sessie 2 in plaats van 3');
    expect(chat.lastText()).toMatch(/Gewijzigd: in reeks 1 volg je nu sessie 2 .* in plaats van sessie 3/);
    await chat.say('English please');
    await chat.say('change session 7 to 9');
    expect(chat.lastText()).toMatch(/series 2 .*session 9/i);
    expect((await desk.ledger.findByOwner('console:me'))?.sessions).toEqual([2, 9]);
  });

  it('takes a session number typed where the series is asked', async () => {
    const { desk, chat } = await registered();
    await chat.say('sessie wijzigen');
    expect(chat.lastText()).toMatch(/welke reeks/i);
    await chat.say('8');
    expect(chat.lastText()).toMatch(/Gewijzigd: in reeks 2 volg je nu sessie 8/);
    expect((await desk.ledger.findByOwner('console:me'))?.sessions).toEqual([3, 8]);
  });

  it('puts a full session named that way on the waiting list, keeping the one held', async () => {
    const { desk, chat } = await registered();
    await desk.fillSession(8);
    await chat.say('wijzig sessie 7 naar 8');
    expect(chat.lastText()).toMatch(/Je staat nu op de wachtlijst voor sessie 8 \(plaats 1\); intussen houd je sessie 7/);
    expect(await desk.ledger.findByOwner('console:me')).toMatchObject({ sessions: [3, 7], waitingFor: [8] });
  });
});

describe('my registration in other words', () => {
  it('answers "Wat heb ik gekozen?" with the registration, or says there is none', async () => {
    const { chat } = await registered();
    await chat.say('Wat heb ik gekozen?');
    expect(chat.lastText()).toMatch(/Je bent ingeschreven voor de \*Netwerkdag/);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 Wijk-werken/);
    const stranger = new Desk().chat('console:nobody');
    await stranger.say('Voor welke sessie ben ik ingeschreven?');
    expect(stranger.turnText()).toMatch(/geen inschrijving/);
  });

  it('takes "Ik kan toch niet komen" and "I can\'t make it" as a wish to cancel, and asks first', async () => {
    const { desk, chat } = await registered();
    await chat.say('Ik kan toch niet komen');
    expect(chat.lastText()).toMatch(/echt annuleren/);
    await chat.say('ja');
    expect(await desk.ledger.findByOwner('console:me')).toBeNull();
    const english = await registered('console:en');
    await english.chat.say('English please');
    await english.chat.say("I can't make it after all");
    expect(english.chat.lastText()).toMatch(/really want to cancel/i);
  });

  it('says where to change a name or phone number, which only the organisers change', async () => {
    const { desk, chat } = await registered();
    await chat.say('Ik wil mijn telefoonnummer wijzigen');
    expect(chat.lastText()).toMatch(/telefoonnummer of organisatie pas ik hier niet aan: mail daarvoor sociale\.economie@vlaamsbrabant\.be[\s\S]*Je bent ingeschreven/);
    await chat.say('wijzig mijn naam');
    expect(chat.lastText()).toMatch(/pas ik hier niet aan/);
    expect((await desk.ledger.findByOwner('console:me'))?.phone).toBe('+32470123456');
  });

  it('signs up a colleague from "Kan ik een collega inschrijven?", at the desk and in the registration view', async () => {
    const { chat } = await registered();
    await chat.say('Kan ik een collega inschrijven?');
    expect(chat.turnText()).toMatch(/iemand anders in: geef hun gegevens/);
    expect(chat.lastText()).toMatch(/voornaam/i);
    await chat.say('stop');
    await chat.say('mijn inschrijving');
    await chat.say('ik wil ook mijn collega inschrijven');
    expect(chat.turnText()).toMatch(/iemand anders in/);
    expect(chat.lastText()).toMatch(/voornaam/i);
  });
});
