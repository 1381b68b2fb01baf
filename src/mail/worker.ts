import { randomUUID } from 'node:crypto';
import { waitlistPlace, type Clock, type DeliveryEntry, type EventData, type Outbox, type Waitlists } from '../core/index.ts';
import { DeliveryWorker, type Deliver, type DeliveryLogger, type DeliveryOutcome, type RetryPolicy } from '../delivery/index.ts';
import { checkinImage, type CheckinCodeOf } from './checkin-block.ts';
import type { MailLinks, WaitlistPlaces } from './content.ts';
import { renderMail } from './render.ts';
import type { MailSender } from './transport.ts';

export { defaultRetryPolicy, retryDelayMs, type DeliveryReport, type RetryPolicy } from '../delivery/index.ts';

/** The few log methods the worker uses (pino's Logger fits). Never given personal data. */
export type MailLogger = DeliveryLogger;

export interface MailWorkerOptions {
  outbox: Outbox;
  event: EventData;
  sender: MailSender;
  /** The real clock, also when the bot's clock is pinned: leases and retries need time to pass. */
  clock?: Clock;
  workerId?: string;
  /** Entries claimed at once; they are sent in parallel, each attempt bounded by the SMTP timeouts. */
  batchSize?: number;
  /** Longer than one attempt can take (transport.ts: at most ~50 s), so a live worker keeps its claim. */
  leaseMs?: number;
  retry?: RetryPolicy;
  logger?: MailLogger;
  /** Why an entry is no longer to be sent (DeliveryWorker), e.g. a reminder to someone who cancelled since. */
  withdrawn?: (entry: DeliveryEntry) => Promise<string | null>;
  /** The links a mail carries (the reminder's cancel link); none by default. */
  links?: (entry: DeliveryEntry) => MailLinks;
  /** The check-in code of a registration, for the QR code in every mail that confirms a place. */
  checkinCode?: CheckinCodeOf;
  /** The live waiting lists, so that a mail to someone waiting for a session says their place there. */
  waitlists?: () => Promise<Waitlists>;
}

/** The places of a registration on the session waiting lists it is on, read now; none when it waits for nothing. */
async function placesOf(entry: DeliveryEntry, waitlists?: () => Promise<Waitlists>): Promise<WaitlistPlaces | undefined> {
  const waited = entry.registration.waitingFor ?? [];
  if (!waitlists || waited.length === 0) return undefined;
  const lists = await waitlists();
  const places = new Map<number, number>();
  for (const session of waited) {
    const place = waitlistPlace(lists, entry.registration.id, session);
    if (place !== null) places.set(session, place);
  }
  return places;
}

/**
 * Renders and sends the mail of one entry. A mail that cannot be rendered (a bug, or an entry of
 * another version) or has no valid recipient is a permanent failure: retrying would fail the same way.
 */
export function mailDeliverer(event: EventData, sender: MailSender, links?: (entry: DeliveryEntry) => MailLinks, checkinCode?: CheckinCodeOf, waitlists?: () => Promise<Waitlists>): Deliver {
  return async (entry: DeliveryEntry): Promise<DeliveryOutcome> => {
    let rendered: ReturnType<typeof renderMail>;
    try {
      rendered = renderMail(entry, event, links?.(entry), await checkinImage(entry, checkinCode), await placesOf(entry, waitlists));
    } catch (error) {
      return { ok: false, reason: 'permanent', error: `could not render: ${String(error)}`.slice(0, 500), code: 'render' };
    }
    if (!rendered.ok) return { ok: false, reason: 'permanent', error: 'invalid recipient address', code: 'recipient' };
    return sender.send(rendered.mail);
  };
}

/**
 * Delivers the mail lane of the outbox (the generic DeliveryWorker with the mail deliverer). At
 * least once: a crash after the server accepted a mail but before `markSent` lets the lease expire
 * and another worker sends it again, with the same Message-ID.
 */
export class MailWorker extends DeliveryWorker {
  constructor(options: MailWorkerOptions) {
    const { outbox, event, sender, links, checkinCode, waitlists, ...rest } = options;
    super({ ...rest, queue: outbox.lane('mail'), deliver: mailDeliverer(event, sender, links, checkinCode, waitlists), noun: 'mail', workerId: options.workerId ?? `mail-${randomUUID()}` });
  }
}
