import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/core/index.ts';
import { renderNotice } from '../../src/dialogs/notices.ts';
import { renderMail } from '../../src/mail/render.ts';
import { Desk, fillForm } from '../helpers/chat.ts';

describe('full sessions', () => {
  it('marks a full session, and choosing it offers: wait with another session meanwhile, wait only, or another session', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('console:w');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
    const full = chat.choices().find((c) => c.id === 'session:4');
    expect(full).toMatchObject({ disabled: true });
    expect(full?.hint).toMatch(/volzet/);
    expect(chat.choices().at(-1)).toMatchObject({ id: 'session:none', label: 'Geen sessie in deze reeks' });

    await chat.say('Lokale diensteneconomie');
    expect(chat.lastText()).toMatch(/Sessie 4 .* is volzet \(0\/0\)\. Je kan op de wachtlijst voor sessie 4 en intussen een andere sessie.*zonder andere sessie.*een andere sessie kiezen/);
    expect(chat.choiceIds()).toEqual(['wait:fallback', 'wait:only', 'session:1', 'session:2', 'session:3', 'session:none']);
    await chat.say('2');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('terug');
    await chat.choose('session:4');
    expect(chat.choiceIds()[0]).toBe('wait:fallback');
    await chat.say('sessie 3');
    await chat.say('5');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toMatch(/^#3 /);
    expect(chat.fact(/Wachtlijst/)).toBeUndefined();
  });

  it('the 12th person for session 4 keeps the day and session 9 and waits for 4; a cancel moves them into 4 and mails them', async () => {
    const desk = new Desk();
    for (let n = 0; n < 11; n++) await desk.registerOther([4, 5]);
    const chat = desk.chat('console:twelfth');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
    await chat.choose('session:4');
    expect(chat.lastText()).toMatch(/Sessie 4 .* is volzet \(11\/11\)/);
    // Typed, not pressed: "intussen" picks the first of the three ways.
    await chat.say('wachtlijst en intussen');
    expect(chat.lastText()).toMatch(/Welke sessie volg je intussen\?/);
    expect(chat.choiceIds()).toEqual(['session:1', 'session:2', 'session:3']);
    await chat.say('2');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('9');
    await chat.say('nee');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/reeks 1/)).toMatch(/^op de wachtlijst voor sessie 4, intussen #2 /);
    expect(chat.fact(/reeks 2/)).toMatch(/^#9 /);
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven[\s\S]*wachtlijst: sessie 4 \(plaats 1\), intussen sessie 2/);
    const twelfth = await desk.ledger.findByOwner('console:twelfth');
    expect(twelfth).toMatchObject({ status: 'confirmed', sessions: [2, 9], waitingFor: [4] });
    expect((await desk.ledger.availability()).venueTaken).toBe(12);

    await chat.say('mijn inschrijving');
    expect(chat.fact(/reeks 1/)).toMatch(/^op de wachtlijst voor sessie 4 \(plaats 1\), intussen #2 /);
    expect(chat.fact(/Status/)).toBe('ingeschreven');

    const holder = (await desk.ledger.snapshot()).registrations.find((r) => r.sessions.includes(4))!;
    const cancelled = await desk.ledger.cancel({ key: 'one-of-11', at: desk.clock.now(), registrationId: holder.id });
    expect(cancelled).toMatchObject({ ok: true, promoted: [{ id: twelfth!.id, sessions: [4, 9] }] });
    const entry = (await desk.ledger.list('pending')).find((e) => e.kind === 'promoted' && e.registration.id === twelfth!.id)!;
    expect(entry.sessionNumber).toBe(4);
    const mail = renderMail(entry, desk.event);
    expect(mail.ok && mail.mail.subject).toMatch(/plaats vrijgekomen in sessie 4/);
    expect(mail.ok && mail.mail.text).toMatch(/ingeschreven voor sessie 4/);
    expect(mail.ok && mail.mail.text).not.toMatch(/wachtlijst voor sessie 4/);
    expect(renderNotice(entry, desk.event)[0]?.text).toMatch(/plaats vrij in \*sessie 4\*/);
    expect(findInvariantViolations(desk.event, await desk.ledger.snapshot())).toEqual([]);
  });

  it('waits for session 4 without another session of series 1', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('console:wl');
    await fillForm(chat, { sessions: ['4', '5'] });
    // fillForm typed "4" (full) and then "5": "5" is not an option of the offer, so it is asked again.
    expect(chat.lastText()).toMatch(/volzet/);
    await chat.press(/zonder andere sessie/);
    await chat.say('5');
    await chat.say('nee');
    expect(chat.fact(/reeks 1/)).toBe('op de wachtlijst voor sessie 4, geen andere sessie');
    expect(chat.fact(/Wachtlijst/)).toBeUndefined();
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/ingeschreven.*jan\.peeters@example\.be.*wachtlijst: sessie 4 \(plaats 1\)/s);
    expect(await desk.ledger.findByOwner('console:wl')).toMatchObject({ status: 'confirmed', sessions: [5], waitingFor: [4] });
  });

  it('lets a person skip series 2 ("Geen sessie in deze reeks"), and the mail says so', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:skip');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1', '3']) await chat.say(answer);
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('geen sessie');
    await chat.say('nee');
    expect(chat.fact(/reeks 2/)).toBe('geen sessie');
    await chat.choose('confirm');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven/);
    const record = await desk.ledger.findByOwner('console:skip');
    expect(record).toMatchObject({ status: 'confirmed', sessions: [3] });
    expect(record).not.toHaveProperty('waitingFor');
    expect((await desk.ledger.availability()).sessions.filter((x) => x.sessionNumber >= 5).every((x) => x.taken === 0)).toBe(true);
    const confirmation = (await desk.ledger.list('pending')).find((e) => e.registration.id === record!.id)!;
    const mail = renderMail(confirmation, desk.event);
    expect(mail.ok && mail.mail.text).toMatch(/Reeks 2\W+geen sessie/);
  });

  it('a session cap lowered 11 -> 8 moves exactly the 3 latest of that session to its waiting list, and nothing else of theirs', async () => {
    const desk = new Desk();
    for (let n = 0; n < 11; n++) await desk.registerOther([4, n < 6 ? 5 : 9]);
    const before = await desk.ledger.snapshot();
    const result = await desk.ledger.setSessionCap({ key: 'four-to-8', at: desk.clock.now(), sessionNumber: 4, cap: 8 });
    const latest = [...before.registrations].sort((a, b) => b.seq - a.seq).slice(0, 3);
    expect(result.ok && result.bumped.map((r) => r.id)).toEqual(latest.map((r) => r.id));
    const after = await desk.ledger.snapshot();
    for (const r of after.registrations) {
      const was = before.registrations.find((x) => x.id === r.id)!;
      const bumped = latest.some((x) => x.id === r.id);
      expect(r).toMatchObject({ status: 'confirmed', sessions: bumped ? was.sessions.filter((n) => n !== 4) : was.sessions });
      expect(r.waitingFor ?? []).toEqual(bumped ? [4] : []);
    }
    expect(after.availability.venueTaken).toBe(11);
    expect(after.availability.sessions.find((x) => x.sessionNumber === 4)).toMatchObject({ cap: 8, taken: 8, waiting: 3 });
    const bumpedEntries = (await desk.ledger.list('pending')).filter((e) => e.kind === 'bumped');
    expect(bumpedEntries.map((e) => e.sessionNumber)).toEqual([4, 4, 4]);
    expect(renderNotice(bumpedEntries[0]!, desk.event)[0]?.text).toMatch(/sessie 4\*.*andere sessies blijven/s);
    const mail = renderMail(bumpedEntries[0]!, desk.event);
    expect(mail.ok && mail.mail.subject).toMatch(/Je plaats in sessie 4 is vervallen/);
    expect(findInvariantViolations(desk.event, after)).toEqual([]);
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
    expect(chat.choiceIds()).toEqual(['wait:fallback', 'wait:only', 'session:1', 'session:2', 'session:4', 'session:none']);
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
    await chat.choose('wait:only');
    expect(chat.lastText()).toMatch(/klopt alles/i);
    expect(chat.fact(/reeks 1/)).toBe('op de wachtlijst voor sessie 2, geen andere sessie');
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
