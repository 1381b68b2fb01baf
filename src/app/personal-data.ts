import {
  purgeDueAt,
  splitOwnRegistrations,
  type AddressBook,
  type ConversationStore,
  type DeliveryState,
  type EventData,
  type Outbox,
  type PersonalDataLedger,
  type SeatLedger,
} from '../core/index.ts';

/** What the personal-data requests of the chat work on: every store that holds something about a person. */
export interface PersonalDataDeps {
  event: EventData;
  ledger: SeatLedger;
  privacy: PersonalDataLedger;
  outbox: Outbox;
  conversations: ConversationStore;
  addresses?: AddressBook;
  /** BALIE_PURGE_DAYS_AFTER, for the date the export says everything is deleted. */
  purgeDaysAfter: number;
}

const states: readonly DeliveryState[] = ['pending', 'sent', 'failed'];

/**
 * The chat's "mijn gegevens" and "verwijder mijn gegevens", executed for the Bot (the dialogs ask
 * for them as effects): the export of everything kept about one user key, mailed as a JSON file
 * through the outbox; and the erasure of it, after a cancel that frees the seats.
 */
export class PersonalDataDesk {
  constructor(private readonly deps: PersonalDataDeps) {}

  /** Everything Balie keeps about `userKey`, as the JSON text the mail attaches. */
  async exportOf(userKey: string, at: Date): Promise<string> {
    const { event, ledger, outbox, conversations, addresses } = this.deps;
    const [owned, stored, address] = await Promise.all([ledger.findAllByOwner(userKey), conversations.read(userKey), addresses?.find(userKey) ?? null]);
    const { own, forOthers } = splitOwnRegistrations(owned);
    const lists = own ? await Promise.all(states.map((state) => outbox.list(state))) : [];
    const messages = lists.flatMap((entries, i) =>
      entries.filter((e) => e.registration.id === own?.id).map((e) => ({ kind: e.kind, createdAt: e.createdAt, channel: e.lane, state: states[i] })),
    );
    return JSON.stringify(
      {
        event: { id: event.id, title: event.title, date: event.date, organiser: event.contact },
        exportedAt: at.toISOString(),
        why: 'contact tracing on the day, the confirmation and changes of your registration, and sending the book if you ordered it',
        deletedAfter: purgeDueAt(event, this.deps.purgeDaysAfter).toISOString(),
        registration: own,
        registeredForOthers: forOthers.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, status: r.status })),
        chat: { userKey, address, conversation: stored?.state ?? null },
        messages,
      },
      null,
      2,
    );
  }

  /** Mails the export to the registration's address; the address, or null when the registration is gone. */
  async mailExport(userKey: string, registrationId: string, key: string, at: Date): Promise<string | null> {
    const record = await this.deps.ledger.get(registrationId);
    if (!record || record.owner !== userKey) return null;
    const written = await this.deps.privacy.writeDataExport(registrationId, await this.exportOf(userKey, at), key, at);
    return written ? record.email : null;
  }

  /**
   * Cancels the user's own registration (seats freed, the waiting list promoted, in one step),
   * blanks it in the outbox and the kept results, and forgets the user's chat address. The Bot
   * deletes the conversation state itself, after the turn. Returns whether a registration was cancelled.
   */
  async erase(userKey: string, registrationId: string | null, key: string, at: Date): Promise<boolean> {
    const { ledger, privacy, addresses } = this.deps;
    let cancelled = false;
    const record = registrationId ? await ledger.get(registrationId) : null;
    if (record && record.owner === userKey) {
      const result = await ledger.cancel({ key, registrationId: record.id, at });
      cancelled = result.ok;
    }
    // Also after a retried turn whose cancel ran before: the blanking is idempotent.
    if (registrationId) await privacy.forgetRegistration(registrationId);
    await addresses?.forget(userKey);
    return cancelled;
  }
}

/** The desk over an app's stores (the host and the console both use it). */
export function personalDataDesk(stores: Omit<PersonalDataDeps, 'event' | 'purgeDaysAfter'>, event: EventData, purgeDaysAfter: number): PersonalDataDesk {
  return new PersonalDataDesk({ event, purgeDaysAfter, ledger: stores.ledger, privacy: stores.privacy, outbox: stores.outbox, conversations: stores.conversations, addresses: stores.addresses });
}
