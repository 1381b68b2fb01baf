import { describe, expect, it } from 'vitest';
import { Desk } from '../helpers/chat.ts';

describe('the desk does not repeat itself', () => {
  it('gives the whole greeting once; "hallo" again and "hoi" get a short hello with the menu', async () => {
    const chat = new Desk().chat();
    await chat.say('hallo');
    expect(chat.turnText()).toMatch(/Ik ben Balie, de inschrijvingsbalie/);
    await chat.say('hallo');
    expect(chat.turnText()).toBe('Hallo! Waarmee kan ik je helpen?');
    expect(chat.choiceIds()).toContain('register');
    await chat.say('hoi');
    expect(chat.turnText()).not.toMatch(/Ik ben Balie/);
  });

  it('says it did not understand junk, without "geen antwoord" and without the greeting a second time', async () => {
    const chat = new Desk().chat();
    await chat.say('asdfghjkl');
    expect(chat.turnText()).toMatch(/^Dat begrijp ik niet\./);
    expect(chat.turnText()).not.toMatch(/geen antwoord/);
    await chat.say('asdfghjkl');
    expect(chat.turnText()).toMatch(/^Dat begrijp ik niet\./);
    expect(chat.turnText()).not.toMatch(/geen antwoord|Ik ben Balie/);
    expect(chat.choiceIds()).toContain('programme');
  });

  it('still says honestly that it has no answer to a question it does not know', async () => {
    const chat = new Desk().chat();
    await chat.say('hallo');
    await chat.say('hoeveel parkeerplaatsen zijn er?');
    expect(chat.turnText()).toMatch(/Daar heb ik helaas geen antwoord op/);
  });
});
