import { describe, expect, it } from 'vitest';
import { Desk, startChat } from '../helpers/chat.ts';

describe('at the desk (no form open)', () => {
  it('greets in Dutch by default and in English from an English locale', async () => {
    const nl = await startChat();
    await nl.say('hoi');
    expect(nl.lastText()).toMatch(/^Hallo! Ik ben Balie.*Netwerkdag sociale economie.*donderdag 29 oktober 2020/);
    const en = await startChat({ locale: 'en-US' });
    await en.say('hi');
    expect(en.lastText()).toMatch(/^Hello! I'm Balie.*Thursday, 29 October 2020/);
    expect(en.choices().map((c) => c.label)).toEqual(['Register', 'My registration', 'Programme', 'Help', 'Nederlands']);
  });

  it('answers in the language a desk message is clearly written in', async () => {
    const chat = await startChat();
    await chat.say("Hello, I'd like to sign up please");
    expect(chat.lastText()).toMatch(/first name/);
    await chat.say('stop');
    await chat.say('Ik wil graag mijn inschrijving zien');
    expect(chat.turnText()).toMatch(/Ik vind geen inschrijving/);
    await chat.say('hi');
    expect(chat.lastText()).toMatch(/^Hallo/);
  });

  it('shows the programme with rooms and seats left, and details on request', async () => {
    const desk = new Desk();
    await desk.fillSession(8);
    const chat = desk.chat();
    await chat.choose('programme');
    expect(chat.lastText()).toMatch(/Reeks 1\* \(13:30–15:00\)[\s\S]*1\. Sociale clausules bij overheidsopdrachten – Spoor 95, nog 40 plaatsen vrij/);
    expect(chat.lastText()).toMatch(/8\. Toelichting beslissingsboom – Zaal 4\+5, volzet/);
    expect(chat.choiceIds().slice(0, 3)).toEqual(['register', 'ask:sessie 1', 'ask:sessie 2']);
    await chat.choose('ask:sessie 2');
    expect(chat.turnText()).toMatch(/Wat is arbeidszorg\?/);
    expect(chat.choiceIds()).toContain('register');
  });

  it('answers programme questions, and is honest when it does not know', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('Waar is sessie 5?');
    expect(chat.turnText()).toMatch(/Sessie 5 is in Spoor 95/);
    await chat.say('Hoeveel kost parkeren?');
    expect(chat.turnText()).toMatch(/geen antwoord.*sociale\.economie@vlaamsbrabant\.be/);
    expect(chat.choiceIds()).toContain('register');
    expect(desk.answerer.questions.at(-1)?.context.lang).toBe('nl');
  });

  it('switches to English when a question comes in English', async () => {
    const chat = await startChat();
    await chat.say('When is session 3?');
    expect(chat.turnText()).toMatch(/Session 3 runs 13:30–15:00/);
    expect(chat.lastText()).toMatch(/Anything else/);
    await chat.say('register');
    expect(chat.lastText()).toMatch(/first name/);
  });

  it('takes a typed number or label for the menu, and says goodbye on "nee"', async () => {
    const chat = await startChat();
    await chat.say('hallo');
    await chat.say('4');
    expect(chat.turnText()).toMatch(/Bij mij kan je/);
    await chat.say('Programma');
    expect(chat.lastText()).toMatch(/Reeks 2/);
    await chat.say('1');
    expect(chat.lastText()).toMatch(/voornaam/);
    await chat.say('stop');
    await chat.say('nee');
    expect(chat.turnText()).toMatch(/tot ziens/i);
    await chat.say('bedankt');
    expect(chat.turnText()).toMatch(/Graag gedaan/);
    await chat.say('English');
    expect(chat.turnText()).toMatch(/continue in English/);
    expect(chat.choiceIds()).toContain('lang:nl');
  });

  it('handles a button from an old message', async () => {
    const chat = await startChat();
    await chat.choose('session:3');
    expect(chat.turnText()).toMatch(/eerdere vraag/);
    await chat.choose('cancel-registration');
    expect(chat.turnText()).toMatch(/geen inschrijving/);
  });

  it('keeps a form in progress when "mijn inschrijving" finds nothing', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('mijn inschrijving');
    expect(chat.lastText()).toMatch(/geen inschrijving[\s\S]*achternaam/);
  });
});
