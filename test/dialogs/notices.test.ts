import { describe, expect, it } from 'vitest';
import type { OutboxEntry, RegistrationRecord } from '../../src/core/index.ts';
import { renderNotice } from '../../src/dialogs/notices.ts';
import { netwerkdag } from '../store/seat-ledger.fixtures.ts';

function record(overrides: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    id: 'r1',
    status: 'confirmed',
    seq: 1,
    registeredAt: '2020-10-15T07:00:00.000Z',
    updatedAt: '2020-10-15T07:00:00.000Z',
    firstName: 'Ann',
    lastName: 'Peeters',
    email: 'ann@example.org',
    phone: '+32470123456',
    organisation: 'Gemeente Leuven',
    organisationType: 'local_government',
    sessions: [3, 7],
    book: null,
    language: 'nl',
    owner: 'telegram:4242',
    ...overrides,
  };
}

const entry = (kind: OutboxEntry['kind'], registration = record(), previousSessions?: number[]): OutboxEntry => ({
  id: `x:${kind}`,
  kind,
  registration,
  ...(previousSessions ? { previousSessions } : {}),
  createdAt: '2020-10-15T07:00:00.000Z',
});

describe('renderNotice', () => {
  it('confirms in Dutch, with the registration as facts and "Mijn inschrijving" as the next step', () => {
    const [notice] = renderNotice(entry('confirmation'), netwerkdag);
    expect(notice?.text).toBe('Je inschrijving voor de *Netwerkdag sociale economie* (donderdag 29 oktober 2020, Provinciehuis Leuven) is bevestigd. Het overzicht staat ook in je mailbox.');
    expect(notice?.facts).toEqual([
      { label: 'Naam', value: 'Ann Peeters' },
      { label: 'Status', value: 'ingeschreven' },
      { label: 'Sessie in reeks 1', value: '#3 Samenwerken werkt! Samenwerking Lokale Besturen & VDAB · Zaal 2+3' },
      { label: 'Sessie in reeks 2', value: '#7 Wijk-werken: de opstap naar werk · Zaal 2+3' },
    ]);
    expect(notice?.choices).toEqual([{ id: 'my-registration', label: 'Mijn inschrijving' }]);
  });

  it('speaks the registrant’s language', () => {
    const [notice] = renderNotice(entry('promoted', record({ language: 'en' })), netwerkdag);
    expect(notice?.text).toBe('Good news: a place came free. You are now *registered* for the *Netwerkdag sociale economie* (Thursday, 29 October 2020, Provinciehuis Leuven).');
    expect(notice?.facts?.[1]).toEqual({ label: 'Status', value: 'registered' });
    expect(notice?.choices).toEqual([{ id: 'my-registration', label: 'My registration' }]);
  });

  it('tells the bumped they wait now, and offers to leave the waiting list', () => {
    const [notice] = renderNotice(entry('bumped', record({ status: 'waitlisted' })), netwerkdag);
    expect(notice?.text).toContain('*wachtlijst*');
    expect(notice?.facts?.[1]).toEqual({ label: 'Status', value: 'op de wachtlijst' });
    expect(notice?.choices).toEqual([
      { id: 'my-registration', label: 'Mijn inschrijving' },
      { id: 'cancel-registration', label: 'Wachtlijst verlaten' },
    ]);
  });

  it('names the sessions that changed', () => {
    const [notice] = renderNotice(entry('session_changed', record({ sessions: [4, 7] }), [3, 7]), netwerkdag);
    expect(notice?.text).toBe('Je sessiekeuze voor de *Netwerkdag sociale economie* is gewijzigd: sessie 4 in plaats van sessie 3.');
  });

  it('offers to register again after a cancellation, and has a notice for every other kind', () => {
    expect(renderNotice(entry('cancelled'), netwerkdag)[0]?.choices).toEqual([{ id: 'register', label: 'Opnieuw inschrijven' }]);
    expect(renderNotice(entry('waitlisted', record({ status: 'waitlisted' })), netwerkdag)[0]?.choices?.map((c) => c.id)).toEqual(['my-registration', 'cancel-registration']);
    const later = { ...entry('confirmation'), kind: 'details_changed' } as unknown as OutboxEntry;
    expect(renderNotice(later, netwerkdag)[0]?.text).toBe('Je inschrijving voor de *Netwerkdag sociale economie* is bijgewerkt.');
  });
});
