import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import type { Clock, EventData, SeatLedger } from '../core/index.ts';
import { askPage, donePage, gonePage, invalidPage } from './cancel-page.ts';

/** Where the "ik kan toch niet komen" link of the reminder points: `<public url>/cancel/<token>`. */
export const cancelPath = '/cancel';

function signature(secret: string, registrationId: string): string {
  return createHmac('sha256', secret).update(`cancel:${registrationId}`).digest('base64url');
}

/** The token of a registration's cancel link: its id and an HMAC of it, so nobody can make one for another id. */
export function cancelToken(secret: string, registrationId: string): string {
  return `${registrationId}.${signature(secret, registrationId)}`;
}

/** The registration id a token was signed for, or null when the signature does not hold. */
export function verifyCancelToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 300) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(secret, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The full link of a registration, for the mail. */
export function cancelUrl(publicUrl: string, secret: string, registrationId: string): string {
  return `${publicUrl}${cancelPath}/${encodeURIComponent(cancelToken(secret, registrationId))}`;
}

export interface CancelLinkOptions {
  event: EventData;
  ledger: SeatLedger;
  secret: string;
  clock: Clock;
  /** Told about failures that are not the person's (never with personal data). */
  onError?: (error: unknown) => void;
}

/**
 * The host's routes of the reminder's "ik kan toch niet komen": GET shows what the person holds and
 * one button (a link opened by a mail scanner changes nothing); POST cancels, idempotent by a key
 * per registration, so a second press answers the same. The cancel frees the seats and promotes
 * the waiting list in the same step (the ledger), and the usual cancel mail and chat notice follow.
 */
export function cancelLinkRoutes(options: CancelLinkOptions): { mount(router: Router): void } {
  const { event, ledger, secret, clock } = options;
  const send = (res: Response, status: number, html: string) => {
    res
      .status(status)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // The token is in the URL: it must not leave with a referrer, and the page runs no script.
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        'X-Content-Type-Options': 'nosniff',
      })
      .send(html);
  };
  const handle = (confirm: boolean) => async (req: Request, res: Response) => {
    const id = verifyCancelToken(secret, String(req.params.token ?? ''));
    if (id === null) return send(res, 404, invalidPage(event));
    try {
      const r = await ledger.get(id);
      // The form posts to the page's own URL (relative), also behind a proxy that serves Balie under a path.
      if (!confirm) return r ? send(res, 200, askPage(event, r, encodeURIComponent(String(req.params.token)))) : send(res, 404, gonePage(event));
      const result = await ledger.cancel({ key: `link:${id}`, registrationId: id, at: clock.now() });
      if (result.ok) return send(res, 200, donePage(event, result.cancelled.language));
      return send(res, result.reason === 'not_found' ? 404 : 409, gonePage(event, r?.language));
    } catch (error) {
      options.onError?.(error);
      return send(res, 503, gonePage(event));
    }
  };
  return {
    mount(router) {
      router.get(`${cancelPath}/:token`, handle(false));
      router.post(`${cancelPath}/:token`, handle(true));
    },
  };
}
