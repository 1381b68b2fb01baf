import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleTurn, newConversation, parseConversationState, type ConversationState } from '../../src/dialogs/conversation.ts';
import type { TurnContext, UserInput } from '../../src/dialogs/types.ts';
import { answerDetails, Desk, fillForm, netwerkdag, startChat } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';

describe('a correction that is part of the old value', () => {
  it('takes "roos.blondeel@vdab.be" as the new e-mail address where the old one was "roos.blondeel@vdab.bee"', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Roos Blondeel');
    await chat.say('roos.blondeel@vdab.bee');
    await chat.say('wijzig e-mail');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: roos.blondeel@vdab.bee' }]);
    await chat.say('roos.blondeel@vdab.be');
    await chat.say('wijzig e-mail');
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: roos.blondeel@vdab.be' }]);
    await chat.say('zo laten');
    expect(chat.lastText()).toMatch(/telefoonnummer/);
  });
});

describe('"you are registered" is said only to someone who is registered', () => {
  it('gives a form started after the conversation was lost its own register key, with the clock pinned', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:lost');
    await fillForm(chat);
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven/);
    await chat.say('annuleer mijn inschrijving');
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/geannuleerd/);
    expect(await desk.ledger.findByOwner('console:lost')).toBeNull();

    // The conversation is lost (its TTL ran out, or it was reset): the next form starts from scratch.
    await desk.conversations.delete('console:lost');
    await fillForm(chat, { email: 'jan.nieuw@example.be' });
    await chat.say('ja');
    expect(chat.turnText()).toMatch(/Je bent ingeschreven.*jan\.nieuw@example\.be/s);
    expect(await desk.ledger.findByOwner('console:lost')).toMatchObject({ status: 'confirmed', email: 'jan.nieuw@example.be' });
  });
});

// Names that a plain-object lookup would find on Object.prototype.
const builtIns = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('built-in object names as choice ids or texts, at every step', () => {
  const script = ['inschrijven', 'Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1', '3', 'sessie 5', 'ja', 'Kerkstraat 1', '3000', 'Leuven', 'BE', 'wijzig e-mail', 'stop'];
  const name = fc.constantFrom(...builtIns);
  const input: fc.Arbitrary<UserInput> = fc.oneof(
    name.map((n) => ({ kind: 'text' as const, text: n })),
    name.map((n) => ({ kind: 'text' as const, text: `wijzig ${n}` })),
    fc.tuple(fc.constantFrom('', 'session:', 'change:', 'country:', 'orgType:', 'book:', 'series:', 'lang:', 'ask:', 'stop:', 'cancel:'), name).map(([prefix, n]) => ({ kind: 'choice' as const, id: `${prefix}${n}` })),
    name.map((n) => ({ kind: 'form' as const, values: JSON.parse(`{"${n}":"x","firstName":"${n}","session:1":"${n}"}`) as Record<string, string> })),
  );

  function context(): TurnContext {
    const availability = { venueCap: 100, venueTaken: 0, sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: 0 })), waitlistLength: 0 };
    return { event: netwerkdag, now: new Date('2020-10-15T07:00:00Z'), user: { key: 'fuzz:proto' }, availability, myRegistration: null, answerer: new FakeAnswerer(netwerkdag), nonce: 'n' };
  }

  it('never crashes, always asks something, and keeps a state that survives storage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: script.length }), fc.array(input, { minLength: 1, maxLength: 5 }), async (prefix, inputs) => {
        const ctx = context();
        let state: ConversationState = newConversation({ key: 'fuzz:proto' });
        for (const text of script.slice(0, prefix)) state = (await handleTurn(state, { kind: 'text', text }, ctx)).state;
        for (const next of inputs) {
          const result = await handleTurn(state, next, ctx);
          if (result.effect) break;
          expect(result.replies.at(-1)?.text.length).toBeGreaterThan(0);
          const stored = parseConversationState(JSON.parse(JSON.stringify(result.state)));
          expect(stored).not.toBeNull();
          if (stored?.flow.kind === 'form') for (const key of builtIns) expect(Object.hasOwn(stored.flow.draft.values, key)).toBe(false);
          state = stored as ConversationState;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers a typed "constructor" or a pressed "__proto__" like any unknown answer', async () => {
    const chat = await startChat();
    await chat.say('constructor');
    expect(chat.choiceIds()).toContain('register');
    await chat.choose('__proto__');
    expect(chat.turnText()).toMatch(/eerdere vraag/);
    await chat.say('inschrijven');
    await chat.choose('change:__proto__');
    expect(chat.lastText()).toMatch(/eerdere vraag|straks[\s\S]*naam/);
    await chat.say('toString');
    expect(chat.lastText()).toMatch(/e-mailadres|achternaam/);
  });
});

describe('junk is answered with the help text, confidently nothing else', () => {
  it.each(['a', 'a b', 'j a', 'á́́́́', 'ann@x.be'])('answers "%s" at the desk with the help, in Dutch, without asking the programme', async (junk) => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say(junk);
    expect(chat.turnText()).toMatch(/Bij mij kan je/);
    expect(chat.lastText()).not.toMatch(/How can I help|free/);
    expect(desk.answerer.questions).toEqual([]);
    // The help came with the greeting: "hoi" after it gets a short hello, not the greeting again.
    await chat.say('hoi');
    expect(chat.lastText()).toBe('Hallo! Waarmee kan ik je helpen?');
  });

  it('reads "terug" and "stop" with soft hyphens and zero-width spaces as the commands', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan');
    await chat.say('ter\u00adug');
    expect(chat.lastText()).toMatch(/naam/);
    expect(chat.choices()).toEqual([{ id: 'keep', label: 'Zo laten: Jan' }]);
    await chat.say('st\u200bop');
    expect(chat.lastText()).toMatch(/echt stoppen/);
  });

  it('refuses a name without two letters, and junk at a choice step, without asking the programme', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('inschrijven');
    await chat.say('a');
    expect(chat.lastText()).toMatch(/te kort[\s\S]*naam/);
    await answerDetails(chat);
    await chat.say('j a');
    expect(chat.lastText()).toMatch(/Kies een van de opties[\s\S]*Reeks 1/);
    expect(desk.answerer.questions).toEqual([]);
  });
});

describe('a full session named in the first message', () => {
  it('says session 4 is full and offers the waiting list or another session when series 1 comes', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('console:four');
    await chat.say('Can I sign up for session 4 and 9?');
    expect(chat.turnText()).toMatch(/Session 4 \(\*The local service economy.*\*\) is full; at that series you can join the waiting list or pick another session/);
    expect(chat.turnText()).toMatch(/You already chose \*9\. /);
    await answerDetails(chat, { lang: 'en' });
    expect(chat.lastText()).toMatch(/Session 4 .* is full/);
    expect(chat.choiceIds()).toEqual(['wait:fallback', 'wait:only', 'session:1', 'session:2', 'session:3', 'session:none']);
    await chat.say('2');
    expect(chat.lastText()).toMatch(/book/);
    await chat.say('no');
    await chat.say('yes');
    expect(await desk.ledger.findByOwner('console:four')).toMatchObject({ status: 'confirmed', sessions: [2, 9] });
  });
});

describe('help after three failed answers at one step', () => {
  it('gives an example and the organisers’ address at a typed field, and the choices at a choice step', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    await chat.say('Jan Peeters');
    for (const wrong of ['jan', 'jan@', 'jan at example']) await chat.say(wrong);
    expect(chat.lastText()).toMatch(/geen geldig e-mailadres[\s\S]*Lukt het niet\? Een voorbeeld: ann\.peeters@voorbeeld\.be\. Of mail sociale\.economie@vlaamsbrabant\.be[\s\S]*e-mailadres/);
    await chat.say('jan@example.be');
    await chat.say('0470123456');
    await chat.say('VDAB');
    for (const wrong of ['blabla', 'blabla', 'blabla']) await chat.say(wrong);
    expect(chat.lastText()).toMatch(/Je kan kiezen uit:\n- Lokaal bestuur\n- Sociale-economiebedrijf\n- Andere stakeholder/);
  });
});

describe('who Balie is', () => {
  it.each([
    ['wie ben jij?', /^Ik ben Balie, de digitale inschrijvingsbalie/],
    ['who are you?', /^Ik ben Balie/],
  ])('answers "%s" in one line, not with the programme', async (question, expected) => {
    const chat = await startChat();
    await chat.say(question);
    expect(chat.lastTurn()[0]?.text).toMatch(expected);
    expect(chat.turnText()).not.toMatch(/Sociale clausules/);
  });
});

describe('messages per registration', () => {
  const count = async (lines: string[], locale?: string) => {
    const desk = new Desk();
    const chat = desk.chat('console:count', locale);
    for (const line of lines) await chat.say(line);
    expect(chat.turnText()).toMatch(/ingeschreven|registered/);
    expect(await desk.ledger.findByOwner('console:count')).toMatchObject({ status: 'confirmed', book: { shippingAddress: { city: 'Leuven' } } });
    return lines.length;
  };

  it('takes at most 11 messages with a book and a one-line address, in Dutch and in English', async () => {
    expect(await count(['Ik wil me inschrijven', 'Ann Peeters', 'ann@gemeente.be', '0470 12 34 56', 'Gemeente Leuven', 'lokaal bestuur', '3', '7', 'ja', 'Kerkstraat 12, 3000 Leuven', 'ja'])).toBeLessThanOrEqual(11);
    expect(await count(['I want to register', 'Ann Peeters', 'ann@example.org', '0470 12 34 56', 'City of Leuven', 'local government', '3', '7', 'yes', 'Kerkstraat 12, 3000 Leuven', 'yes'])).toBeLessThanOrEqual(11);
  });

  it('takes at most 4 when everything is typed in one message', async () => {
    const all = 'Ann Peeters, ann@gemeente.be, 0470 12 34 56, Gemeente Leuven, lokaal bestuur, sessie 3 en 7, met boek, Kerkstraat 12, 3000 Leuven';
    expect(await count([`Ik wil me inschrijven: ${all}`, 'ja'])).toBeLessThanOrEqual(4);
    expect(await count(['Hallo', 'inschrijven', all, 'ja'])).toBeLessThanOrEqual(4);
    expect(await count(['inschrijven', `Ik wil me inschrijven: ${all}`, 'ja'])).toBeLessThanOrEqual(4);
    expect(await count(['I want to register', 'Ann Peeters, ann@example.org, +32 470 12 34 56, City of Leuven, local government, sessions 3 and 7, with the book, Kerkstraat 12, 3000 Leuven', 'yes'], 'en')).toBeLessThanOrEqual(4);
  });
});
