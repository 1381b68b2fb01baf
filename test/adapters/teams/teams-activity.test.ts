import { describe, expect, it } from 'vitest';
import { asksForForm, parseTeamsActivity } from '../../../src/adapters/teams/teams-activity.ts';

const base = {
  type: 'message',
  id: 'a1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  from: { id: '29:ann', name: 'Ann' },
  recipient: { id: '28:bot', name: 'Balie' },
  conversation: { id: 'a:conv', conversationType: 'personal' },
  locale: 'nl-BE',
};
const origin = { activityId: 'a1', conversationId: 'a:conv', userId: '29:ann', locale: 'nl-BE' };

describe('reading Teams activities', () => {
  it('reads a personal message, without the mention and with a usable locale only', () => {
    expect(parseTeamsActivity({ ...base, text: '<at>Balie</at>&nbsp;hallo ' })).toEqual({ ok: true, event: { kind: 'message', ...origin, text: 'hallo' } });
    expect(parseTeamsActivity({ ...base, text: 'x', locale: 'not a locale!' })).toEqual({ ok: true, event: { kind: 'message', activityId: 'a1', conversationId: 'a:conv', userId: '29:ann', text: 'x' } });
  });

  it('reads the presses of Balie’s cards: a button, a list entry, the form button and the form', () => {
    expect(parseTeamsActivity({ ...base, replyToId: 'card1', value: { balie: 'choice', id: 'register', label: 'Inschrijven' } })).toEqual({ ok: true, event: { kind: 'press', ...origin, choiceId: 'register', label: 'Inschrijven', cardId: 'card1' } });
    expect(parseTeamsActivity({ ...base, value: { balie: 'choice', 'balie.choice': 'session:3' } })).toMatchObject({ event: { kind: 'press', choiceId: 'session:3' } });
    expect(parseTeamsActivity({ ...base, value: { balie: 'openForm', lang: 'en' } })).toEqual({ ok: true, event: { kind: 'openForm', ...origin } });
    expect(parseTeamsActivity({ ...base, replyToId: 'f1', value: { balie: 'form', lang: 'nl', firstName: 'Ann', book: 'no', extra: { nested: true }, 'balie.x': 'y' } })).toEqual({
      ok: true,
      event: { kind: 'form', ...origin, lang: 'nl', values: { firstName: 'Ann', book: 'no' }, cardId: 'f1' },
    });
    expect(parseTeamsActivity({ ...base, value: { action: 'someone else’s card' } })).toMatchObject({ event: { kind: 'ignored' } });
  });

  it('tells group chats and channels apart, greets on install, ignores the rest, refuses what is no activity', () => {
    expect(parseTeamsActivity({ ...base, text: 'hoi', conversation: { id: '19:x@thread.v2', conversationType: 'channel' } })).toMatchObject({ event: { kind: 'group' } });
    expect(parseTeamsActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] })).toMatchObject({ event: { kind: 'welcome' } });
    expect(parseTeamsActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: '29:someone' }] })).toMatchObject({ event: { kind: 'ignored' } });
    expect(parseTeamsActivity({ ...base, type: 'invoke' })).toMatchObject({ event: { kind: 'ignored', why: 'an activity of type invoke' } });
    expect(parseTeamsActivity({ ...base, from: undefined })).toMatchObject({ event: { kind: 'ignored' } });
    expect(parseTeamsActivity({ ...base, type: 42 })).toMatchObject({ ok: false, message: expect.stringContaining('type') });
    expect(parseTeamsActivity('nope')).toMatchObject({ ok: false });
  });

  it('opens the form when it is asked for by name', () => {
    expect(['formulier', 'Form', ' fill in the form ', 'Formulier invullen'].every(asksForForm)).toBe(true);
    expect(asksForForm('ik wil een formulier')).toBe(false);
  });
});
