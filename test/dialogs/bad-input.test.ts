import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleTurn, newConversation, parseConversationState, type ConversationState } from '../../src/dialogs/conversation.ts';
import type { RegistrationRecord } from '../../src/core/index.ts';
import type { TurnContext } from '../../src/dialogs/types.ts';
import { Desk, fillForm, netwerkdag, registrationRecord, startChat } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';

describe('bad input gets a clear re-ask, never a crash', () => {
  it('empty and blank messages', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    for (const empty of ['', '   ', '\n\t', '\u0000\u0007', '\u200b']) {
      await chat.say(empty);
      expect(chat.lastText()).toMatch(/leeg bericht[\s\S]*voornaam/);
    }
    await chat.say('');
    expect(chat.lastTurn()).toHaveLength(1);
  });

  it('a 10,000-character message', async () => {
    const desk = new Desk();
    const chat = desk.chat();
    await chat.say('x'.repeat(10_000));
    expect(chat.turnText()).toMatch(/te lang/);
    expect(chat.choiceIds()).toContain('register');
    await chat.say('inschrijven');
    await chat.say('A'.repeat(10_000));
    expect(chat.lastText()).toMatch(/te lang[\s\S]*voornaam/);
    await chat.say('A'.repeat(81));
    expect(chat.lastText()).toMatch(/te lang \(max\. 80 tekens\)[\s\S]*voornaam/);
    expect(desk.answerer.questions.every((q) => q.question.length <= 500)).toBe(true);
  });

  it('emoji, control characters and markup in a name', async () => {
    const chat = await startChat();
    await chat.say('inschrijven');
    for (const name of ['😀😀', 'Jan 🎉', 'Jan\u0000', 'Jan\u001b[31m', '<script>alert(1)</script>', '*Jan*', 'Jan_Peeters', '[Jan](http://x)', '12345']) {
      await chat.say(name);
      expect(chat.lastText(), name).toMatch(/Gebruik alleen letters[\s\S]*voornaam/);
    }
    await chat.say('Zoë');
    expect(chat.lastText()).toMatch(/achternaam/);
  });

  it('markup in an organisation and a pressed button that does not exist', async () => {
    const chat = await startChat();
    await fillForm(chat);
    await chat.say('wijzig organisatie');
    await chat.say('<b>ACME</b>');
    expect(chat.lastText()).toMatch(/tekens in die ik niet kan gebruiken[\s\S]*organisatie/);
    await chat.choose('session:99');
    expect(chat.lastText()).toMatch(/eerdere vraag[\s\S]*organisatie/);
    await chat.choose('x'.repeat(10_000));
    expect(chat.lastText()).toMatch(/eerdere vraag/);
    await chat.say('Vzw De Kringwinkel & Co (Leuven)');
    expect(chat.fact(/^Organisatie/)).toBe('Vzw De Kringwinkel & Co (Leuven)');
  });

  it('a stored state that is garbage starts a fresh conversation', async () => {
    const desk = new Desk();
    await desk.conversations.write('console:broken', { v: 1, lang: 'nl', flow: { kind: 'form', step: 'nonsense' } }, null);
    const chat = desk.chat('console:broken');
    await chat.say('inschrijven');
    expect(chat.lastText()).toMatch(/voornaam/);
    expect(desk.errors).toEqual([]);
  });
});

describe('parseConversationState', () => {
  it('accepts what newConversation and a turn produce, and rejects garbage', async () => {
    const fresh = newConversation({ key: 'console:a', locale: 'en-US' });
    expect(fresh.lang).toBe('en');
    expect(parseConversationState(JSON.parse(JSON.stringify(fresh)))).toEqual(fresh);
    for (const garbage of [null, undefined, 42, 'state', [], {}, { v: 2 }, { v: 1, lang: 'fr', greeted: false, ops: 0, flow: { kind: 'idle', offered: [] } }, { ...fresh, flow: { kind: 'form' } }, { ...fresh, flow: { kind: 'manage', step: 'view', series: null, opId: '' } }]) {
      expect(parseConversationState(garbage)).toBeNull();
    }
  });
});

const availability = {
  venueCap: 100,
  venueTaken: 0,
  sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: s.number === 4 ? s.capacity : 0 })),
  waitlistLength: 0,
};

const mine = registrationRecord({ owner: 'fuzz:1' });

function context(myRegistration: RegistrationRecord | null = null): TurnContext {
  return { event: netwerkdag, now: new Date('2020-10-15T07:00:00Z'), user: { key: 'fuzz:1' }, availability, myRegistration, answerer: new FakeAnswerer(netwerkdag), nonce: 'fuzz-nonce' };
}

describe('any input at any step', () => {
  const script = ['inschrijven', 'Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1', '4', 'sessie 5', 'ja', 'Kerkstraat 1', '3000', 'Leuven', 'BE'];
  const anyInput = fc.oneof(
    fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
    fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
    fc.constantFrom('terug', 'stop', 'help', 'wijzig e-mail', 'English please', 'wanneer is sessie 3?', '?', '0', '99', 'ja', 'nee').map((text) => ({ kind: 'text' as const, text })),
    fc.constantFrom('waitlist', 'keep', 'confirm', 'change', 'change:email', 'session:4', 'change-session', 'cancel-registration', 'cancel:yes', 'series:2', 'ask:', 'ask:sessie 2', 'lang:en', 'menu', 'register', 'my-registration', '').map((id) => ({ kind: 'choice' as const, id })),
  );

  it('always answers with a question and a state that survives storage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: script.length }), fc.array(anyInput, { minLength: 1, maxLength: 6 }), fc.boolean(), async (prefix, inputs, registered) => {
        const ctx = context(registered ? mine : null);
        const steps = registered ? ['mijn inschrijving', 'sessie wijzigen', 'reeks 2', 'annuleer mijn inschrijving'] : script;
        let state: ConversationState = newConversation({ key: 'fuzz:1' });
        for (const text of steps.slice(0, prefix)) state = (await handleTurn(state, { kind: 'text', text }, ctx)).state;
        for (const input of inputs) {
          const result = await handleTurn(state, input, ctx);
          // A seat change is executed by the Bot, which then resumes the dialog; the chat tests cover that.
          if (result.effect) break;
          expect(result.replies.length).toBeGreaterThan(0);
          expect(result.replies.at(-1)?.text.length).toBeGreaterThan(0);
          const stored = parseConversationState(JSON.parse(JSON.stringify(result.state)));
          expect(stored).not.toBeNull();
          state = stored as ConversationState;
        }
      }),
      { numRuns: 300 },
    );
  });
});
