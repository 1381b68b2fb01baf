import { describe, expect, it } from 'vitest';
import type { Availability } from '../../src/core/index.ts';
import { handleTurn, newConversation, resumeAfterEffect, type ConversationState } from '../../src/dialogs/conversation.ts';
import type { EffectOutcome, TurnContext, UserInput } from '../../src/dialogs/types.ts';
import { netwerkdag, registrationRecord } from '../helpers/chat.ts';
import { FakeAnswerer } from '../helpers/fake-answerer.ts';

const free: Availability = {
  venueCap: 100,
  venueTaken: 0,
  sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: 0 })),
  waitlistLength: 0,
};

function context(patch: Partial<TurnContext> = {}): TurnContext {
  return {
    event: netwerkdag,
    now: new Date('2020-10-15T07:00:00Z'),
    user: { key: 'unit:1' },
    availability: free,
    myRegistration: null,
    answerer: new FakeAnswerer(netwerkdag),
    nonce: 'nonce-1',
    ...patch,
  };
}

const text = (t: string): UserInput => ({ kind: 'text', text: t });

async function atSummary(): Promise<ConversationState> {
  let state = newConversation({ key: 'unit:1' });
  for (const answer of ['inschrijven', 'Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1', 'sessie 3', 'sessie 7', 'nee']) {
    state = (await handleTurn(state, text(answer), context())).state;
  }
  expect(state.flow).toMatchObject({ kind: 'form', step: 'summary' });
  return state;
}

const record = registrationRecord;

function outcome(result: EffectOutcome): EffectOutcome {
  return result;
}

describe('confirming emits one register effect with a key that a retried turn reuses', () => {
  it('gives the same key for the same stored state, and a new one after a failed attempt', async () => {
    const summary = await atSummary();
    const first = await handleTurn(summary, text('ja'), context());
    const retried = await handleTurn(summary, { kind: 'choice', id: 'confirm' }, context());
    expect(first.effect?.kind).toBe('register');
    expect(first.replies).toEqual([]);
    expect(retried.effect).toEqual(first.effect);
    expect(first.effect).toMatchObject({
      command: { waitlistIfFull: false, registrant: { email: 'jan@example.be', sessions: [3, 7], book: null, owner: 'unit:1', language: 'nl' } },
    });

    const full = await resumeAfterEffect(
      first.state,
      outcome({ kind: 'register', result: { ok: false, reason: 'session_full', sessionNumbers: [3] }, availability: free, myRegistration: null }),
      context(),
    );
    expect(full.replies.at(-1)?.text).toMatch(/Sessie 3 .*intussen volzet/);
    const picked = await handleTurn(full.state, text('sessie 1'), context());
    const again = await handleTurn(picked.state, text('ja'), context());
    expect(again.effect?.kind).toBe('register');
    if (again.effect?.kind !== 'register' || first.effect?.kind !== 'register') throw new Error('expected register effects');
    expect(again.effect.command.key).not.toBe(first.effect.command.key);
    expect(again.effect.command.registrant.sessions).toEqual([1, 7]);
  });

  it('asks for the waiting list when the venue filled up', async () => {
    const confirming = (await handleTurn(await atSummary(), text('ja'), context())).state;
    const result = await resumeAfterEffect(confirming, outcome({ kind: 'register', result: { ok: false, reason: 'venue_full' }, availability: free, myRegistration: null }), context());
    expect(result.replies.at(-1)?.choices?.map((c) => c.id)).toEqual(['waitlist', 'stop']);
    const summary = await handleTurn(result.state, text('ja'), context());
    expect(summary.replies.at(-1)?.facts?.find((f) => f.label === 'Wachtlijst')?.value).toBe('Ja');
    const confirm = await handleTurn(summary.state, text('ja'), context());
    expect(confirm.effect).toMatchObject({ kind: 'register', command: { waitlistIfFull: true } });
  });

  it('confirms a registration and mentions the confirmation e-mail', async () => {
    const confirming = (await handleTurn(await atSummary(), text('ja'), context())).state;
    const mine = record();
    const result = await resumeAfterEffect(confirming, outcome({ kind: 'register', result: { ok: true, registration: mine }, availability: free, myRegistration: mine }), context());
    expect(result.replies[0]?.text).toMatch(/ingeschreven.*bevestiging.*jan@example\.be/);
    expect(result.state.flow.kind).toBe('idle');
    expect(result.effect).toBeNull();
  });
});

describe('my registration after the ledger answered', () => {
  async function changing(): Promise<ConversationState> {
    const ctx = context({ myRegistration: record() });
    let state = newConversation({ key: 'unit:1' });
    for (const input of [text('mijn inschrijving'), { kind: 'choice', id: 'change-session' } as UserInput, text('reeks 2')]) state = (await handleTurn(state, input, ctx)).state;
    const result = await handleTurn(state, text('sessie 9'), ctx);
    expect(result.effect).toEqual({ kind: 'changeSession', command: { key: 'change:reg-1:nonce-1:0:9', registrationId: 'reg-1', sessionNumber: 9 } });
    return result.state;
  }

  it('says a session filled up meanwhile and offers the others', async () => {
    const result = await resumeAfterEffect(
      await changing(),
      outcome({ kind: 'changeSession', result: { ok: false, reason: 'session_full', sessionNumbers: [9] }, availability: free, myRegistration: record() }),
      context({ myRegistration: record() }),
    );
    expect(result.replies.at(-1)?.text).toMatch(/Sessie 9 is volzet; kies een andere[\s\S]*Reeks 2/);
    expect(result.replies.at(-1)?.choices?.map((c) => c.id)).toContain('session:8');
  });

  it('says so when the registration is gone', async () => {
    const result = await resumeAfterEffect(
      await changing(),
      outcome({ kind: 'changeSession', result: { ok: false, reason: 'not_found' }, availability: free, myRegistration: null }),
      context(),
    );
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(/niet meer/);
    expect(result.state.flow.kind).toBe('idle');
  });

  it('does not take "annuleren" at the cancel question as "stop"', async () => {
    const ctx = context({ myRegistration: record() });
    let state = newConversation({ key: 'unit:1' });
    state = (await handleTurn(state, text('annuleer mijn inschrijving'), ctx)).state;
    const result = await handleTurn(state, text('annuleren'), ctx);
    expect(result.effect).toEqual({ kind: 'cancel', command: { key: 'cancel:reg-1:nonce-1:0', registrationId: 'reg-1' } });
  });

  it('goes back to the menu when an outcome does not fit the state', async () => {
    const result = await resumeAfterEffect(newConversation({ key: 'unit:1' }), outcome({ kind: 'cancel', result: { ok: false, reason: 'not_found' }, availability: free, myRegistration: null }), context());
    expect(result.replies.at(-1)?.choices?.map((c) => c.id)).toContain('register');
  });
});
