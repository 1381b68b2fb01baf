import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleTurn, newConversation, parseConversationState, type ConversationState } from '../../src/dialogs/conversation.ts';
import type { TurnContext } from '../../src/dialogs/types.ts';
import { netwerkdag, registrationRecord } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';

const availability = {
  venueCap: 100,
  venueTaken: 2,
  sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: s.number === 4 ? s.capacity : 0 })),
  waitlistLength: 0,
};

const mine = registrationRecord({ owner: 'fuzz:1' });
const roos = registrationRecord({ id: 'reg-2', seq: 2, firstName: 'Roos', lastName: 'Blondeel', email: 'roos@vdab.be', owner: 'fuzz:1', forSomeoneElse: true });

function context(own: boolean, colleague: boolean, now = '2020-10-15T07:00:00Z'): TurnContext {
  return {
    event: netwerkdag,
    now: new Date(now),
    user: { key: 'fuzz:1' },
    nonce: 'fuzz-nonce',
    availability,
    myRegistration: own ? mine : null,
    registeredForOthers: colleague ? [roos] : [],
    answerer: new FakeAnswerer(netwerkdag),
  };
}

// Ways into every step of "Mijn inschrijving": the book, the address, the e-mail, picking a colleague.
const scripts = [
  ['mijn inschrijving', 'ik wil toch een boek', 'Kerkstraat 1', '3000', 'Leuven', 'België'],
  ['mijn inschrijving', 'wijzig e-mail', 'nieuw@example.be'],
  ['mijn collega kan niet komen', 'Roos', 'wijzig sessie'],
  ['Roos kan niet komen', 'nee', 'toch geen boek'],
];

const anyInput = fc.oneof(
  fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
  fc
    .constantFrom('terug', 'stop', 'annuleren', 'help', 'ja', 'nee', 'wijzig adres', 'toch geen boek', 'ik wil toch een boek', 'Roos', 'mijn eigen', '__proto__', 'toString', 'nieuw@example.be', 'x@y')
    .map((text) => ({ kind: 'text' as const, text })),
  fc
    .constantFrom('order-book', 'cancel-book', 'change-email', 'details:yes', 'details:no', 'country:BE', 'country:XX', 'registration:reg-2', 'registration:reg-1', 'registration:__proto__', 'cancel:yes', 'cancel:no', 'menu', '')
    .map((id) => ({ kind: 'choice' as const, id })),
);

describe('"Mijn inschrijving" with one\'s own and a colleague\'s registration: any input at any step', () => {
  it("always answers with a question and a state that survives storage, and only ever changes one of the person's own registrations, and none but a cancel after the deadline", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...scripts),
        fc.integer({ min: 0, max: 6 }),
        fc.array(anyInput, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('2020-10-15T07:00:00Z', '2020-10-25T07:00:00Z'),
        async (script, prefix, inputs, own, colleague, now) => {
          const ctx = context(own, colleague, now);
          let state: ConversationState = newConversation({ key: 'fuzz:1' });
          for (const text of script.slice(0, prefix)) state = (await handleTurn(state, { kind: 'text', text }, ctx)).state;
          for (const input of inputs) {
            const result = await handleTurn(state, input, ctx);
            const target = result.effect && 'command' in result.effect && 'registrationId' in result.effect.command ? result.effect.command.registrationId : null;
            if (target !== null) {
              expect([own ? mine.id : null, colleague ? roos.id : null]).toContain(target);
              // After the deadline only a cancel (until the day starts) and a re-sent confirmation (no change) are still made.
              if (result.effect?.kind !== 'cancel' && result.effect?.kind !== 'resendConfirmation') expect(now).toBe('2020-10-15T07:00:00Z');
              break;
            }
            if (result.effect) break;
            expect(result.replies.length).toBeGreaterThan(0);
            expect(result.replies.at(-1)?.text.length).toBeGreaterThan(0);
            const stored = parseConversationState(JSON.parse(JSON.stringify(result.state)));
            expect(stored).not.toBeNull();
            state = stored as ConversationState;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
