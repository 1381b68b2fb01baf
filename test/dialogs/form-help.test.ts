import { describe, expect, it } from 'vitest';
import { Desk, fillForm, startChat } from '../helpers/chat.ts';

// The user test's problem 16: a confused person mid-form got "Daar heb ik geen antwoord op".
describe('a person who is lost in the form', () => {
  it('explains and repeats the open question for "sorry, wat moet ik nu doen?" and "hallo?"', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('ik wil me inschrijven');
    await chat.say('Ann Peeters');
    await chat.say('sorry, wat moet ik nu doen?');
    expect(chat.lastText()).toMatch(/^Geen probleem! Ik schrijf je in voor de netwerkdag[\s\S]*bv\. ann\.peeters@voorbeeld\.be\.[\s\S]*\nWat is je e-mailadres\?/);
    expect(chat.lastText()).not.toMatch(/geen antwoord/);
    await chat.say('hallo?');
    expect(chat.lastText()).toMatch(/^Ik ben er! [\s\S]*\nWat is je e-mailadres\?/);
    expect(desk.answerer.questions).toEqual([]);
    await chat.say('ann@x.be');
    expect(chat.lastText()).toMatch(/telefoonnummer/);
  });

  it('says why a question is asked ("waarom wil je mijn naam?"), and asks it again', async () => {
    const chat = await startChat();
    await chat.say('ik wil me inschrijven');
    await chat.say('waarom wil je mijn naam?');
    expect(chat.lastText()).toMatch(/^Goede vraag\. Je naam staat op je inschrijving en in de bevestiging\.\nWat is je naam\?/);
    await chat.say('Ann Peeters, ann@x.be');
    await chat.say('why do you need my phone number?');
    expect(chat.lastText()).toMatch(/^Goede vraag\. Je telefoonnummer vragen we voor contactopvolging\.\nOp welk telefoonnummer/);
  });

  it('explains a choice question in English ("what do I do now?")', async () => {
    const chat = await startChat({ locale: 'en' });
    await chat.say('I want to register');
    await chat.say('Ann Peeters, ann@x.be, 0470123456, City of Leuven, local government');
    await chat.say('what do I do now?');
    expect(chat.lastText()).toMatch(/^No problem! [\s\S]*one session per series[\s\S]*Pick an answer below[\s\S]*\nWhich session do you choose in \*Series 1\*/);
    expect(chat.choices().length).toBeGreaterThan(1);
  });

  it('says it registers the colleague in a colleague\'s form', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await fillForm(chat);
    await chat.say('ja');
    await chat.say('Kan ik een collega inschrijven?');
    await chat.say('wat moet ik nu doen?');
    expect(chat.lastText()).toMatch(/^Geen probleem! Ik schrijf je collega in voor de netwerkdag[\s\S]*\nWat is de naam van je collega\?/);
  });
});
