import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { Desk, fillForm } from '../helpers/chat.ts';

describe('full sessions', () => {
  it('marks a full session, and choosing it offers the waiting list or another session', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('console:w');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
    const full = chat.choices().find((c) => c.id === 'session:4');
    expect(full).toMatchObject({ disabled: true });
    expect(full?.hint).toMatch(/volzet/);

    await chat.say('Lokale diensteneconomie');
    expect(chat.lastText()).toMatch(/Sessie 4 .* is volzet.*wachtlijst.*andere sessie/);
    expect(chat.choiceIds()).toEqual(['waitlist', 'session:1', 'session:2', 'session:3']);
    await chat.say('2');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('terug');
    await chat.choose('session:4');
    expect(chat.choiceIds()[0]).toBe('waitlist');
    await chat.say('sessie 3');
    await chat.say('5');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 /);
    expect(chat.fact(/Wachtlijst/)).toBeUndefined();
  });

  it('puts a person on the waiting list when they choose it', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('console:wl');
    await fillForm(chat, { sessions: ['4', '5'] });
    // fillForm typed "4" (full) and then "5": "5" is not an option of the offer, so it is asked again.
    expect(chat.lastText()).toMatch(/volzet/);
    await chat.press(/wachtlijst/);
    await chat.say('5');
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/klopt alles[\s\S]*wachtlijst/i);
    expect(chat.fact(/Wachtlijst/)).toBe('Ja');
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/Je staat op de wachtlijst.*bevestiging op jan\.peeters@example\.be/s);
    expect(await desk.ledger.findByOwner('console:wl')).toMatchObject({ status: 'waitlisted', sessions: [4, 5] });

    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/wachtlijst/);
    expect(chat.fact(/Status/)).toBe('op de wachtlijst');
  });

  it('asks again for that series only when a seat went between the summary and the confirmation', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:late');
    await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'] });
    expect(chat.lastText()).toMatch(/klopt alles/i);

    await desk.registerOther([3, 5]);
    await desk.fillSession(3);
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Sessie 3 .*intussen volzet[\s\S]*wachtlijst/);
    expect(chat.choiceIds()).toEqual(['waitlist', 'session:1', 'session:2', 'session:4']);
    await chat.say('1');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/reeks 1/)).toMatch(/^#1 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#7 /);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven/);
    const snapshot = await desk.ledger.snapshot();
    expect(findInvariantViolations(desk.event, snapshot)).toEqual([]);
    expect(await desk.ledger.findByOwner('console:late')).toMatchObject({ status: 'confirmed', sessions: [1, 7] });
  });

  it('asks again before the summary when a chosen session filled up while filling in', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:mid');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1', 'sessie 2']) await chat.say(answer);
    await desk.fillSession(2);
    await chat.say('sessie 6');
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/Sessie 2 .*intussen volzet/);
    await chat.choose('waitlist');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/Wachtlijst/)).toBe('Ja');
  });

  it('offers the waiting list when the venue is full', async () => {
    const desk = new Desk();
    await desk.registerOther([1, 5]);
    await desk.ledger.setVenueCap({ key: 'venue', at: desk.clock.now(), cap: 1 });
    const chat = desk.chat('console:venue');
    await fillForm(chat);
    expect(chat.turns[0]?.map((r) => r.text).join('\n')).toMatch(/alle 1 plaatsen zijn ingenomen.*wachtlijst/);
    expect(chat.fact(/Wachtlijst/)).toBe('Ja');
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/wachtlijst/);
    expect(await desk.ledger.findByOwner('console:venue')).toMatchObject({ status: 'waitlisted' });
  });
});

describe('one registration per e-mail address', () => {
  it('explains when the e-mail address is taken and lets the person give another one', async () => {
    const desk = new Desk();
    await desk.registerOther([1, 5], { email: 'Jan.Peeters@example.be' });
    const chat = desk.chat('console:second');
    await fillForm(chat, { email: 'jan.peeters@EXAMPLE.be' });
    await chat.say('ja');
    expect(chat.lastText()).toMatch(/Met jan\.peeters@EXAMPLE\.be is al iemand ingeschreven.*Mijn inschrijving.*ander e-mailadres/s);
    expect(chat.choiceIds()).toEqual(['my-registration']);
    await chat.say('jan.peeters@elders.be');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven/);
    expect(await desk.ledger.findByOwner('console:second')).toMatchObject({ email: 'jan.peeters@elders.be' });
  });

  it('recognises its own registration early and says so', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:twice');
    await fillForm(chat);
    await chat.say('ja');
    await chat.say('inschrijven');
    expect(chat.lastText()).toMatch(/al ingeschreven als Jan Peeters/);
    expect(chat.choiceIds()).toEqual(['my-registration', 'register-other']);
    await chat.press(/iemand anders/i);
    await chat.say('Piet');
    await chat.say('Peeters');
    await chat.say('JAN.PEETERS@example.be');
    expect(chat.lastText()).toMatch(/Met dit e-mailadres ben je al ingeschreven[\s\S]*e-mailadres van je collega\?/);
  });
});

describe('after the deadline', () => {
  it('refuses registering politely, with the contact address', async () => {
    const desk = new Desk();
    desk.clock.set('2020-10-23', '00:00');
    const chat = desk.chat();
    await chat.say('Ik wil me inschrijven');
    expect(chat.turnText()).toMatch(/afgesloten.*22 oktober 2020.*sociale\.economie@vlaamsbrabant\.be/s);
    expect(chat.choiceIds()).toContain('programme');
  });

  it('still accepts the whole closing day, and refuses a confirm that comes too late', async () => {
    const desk = new Desk();
    desk.clock.set('2020-10-22', '23:50');
    const chat = desk.chat('console:last-minute');
    await fillForm(chat);
    expect(chat.lastText()).toMatch(/klopt alles/i);
    desk.clock.set('2020-10-23', '00:01');
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/afgesloten/);
    expect(await desk.ledger.findByOwner('console:last-minute')).toBeNull();
  });

  it('shows a registration and refuses changes, but still cancels (the seat goes to the waiting list) until the day starts', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:late-change');
    await fillForm(chat);
    await chat.say('ja');
    desk.clock.set('2020-10-25', '10:00');
    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/ingeschreven[\s\S]*afgesloten[\s\S]*Annuleren kan nog/);
    expect(chat.choiceIds()).toEqual(['cancel-registration', 'menu']);
    await chat.choose('change-session');
    expect(chat.turnText()).toMatch(/afgesloten.*sociale\.economie@vlaamsbrabant\.be/s);
    expect(await desk.ledger.findByOwner('console:late-change')).toMatchObject({ status: 'confirmed' });
    desk.clock.set('2020-10-29', '12:15');
    await chat.say('annuleer mijn inschrijving');
    expect(chat.turnText()).toMatch(/wijzigen of annuleren kan niet meer via mij/);
    expect(await desk.ledger.findByOwner('console:late-change')).toMatchObject({ status: 'confirmed' });
    desk.clock.set('2020-10-28', '18:00');
    await chat.say('ik kan toch niet komen');
    expect(chat.lastText()).toMatch(/echt annuleren/);
    await chat.say('ja');
    expect(await desk.ledger.findByOwner('console:late-change')).toBeNull();
  });
});
