import type { AddressBook, DeliveryEntry, EventData } from '../core/index.ts';
import type { Deliver, DeliveryOutcome } from '../delivery/index.ts';
import { renderNotice } from '../dialogs/notices.ts';
import type { ChannelNotifier } from './channel.ts';

/**
 * Delivers an entry of a chat lane: the notice (renderNotice, in the registrant's language) to
 * the address the owner's channel left in the address book. No address is a permanent failure
 * (the person never wrote from this channel, or the book was lost); a store that does not answer
 * is a temporary one.
 */
export function noticeDeliverer(options: { event: EventData; addresses: AddressBook; notifier: ChannelNotifier }): Deliver {
  const { event, addresses, notifier } = options;
  return async (entry: DeliveryEntry): Promise<DeliveryOutcome> => {
    let address: string | null;
    try {
      address = await addresses.find(entry.registration.owner);
    } catch (error) {
      return { ok: false, reason: 'temporary', error: `address book unavailable: ${String(error)}`.slice(0, 500), code: 'store' };
    }
    if (address === null) return { ok: false, reason: 'permanent', error: 'no chat address for the owner', code: 'no_address' };
    return notifier.notify(address, renderNotice(entry, event));
  };
}
