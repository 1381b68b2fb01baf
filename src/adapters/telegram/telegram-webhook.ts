import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { InboundRefusal } from '../channel.ts';
import type { HandledUpdate } from './telegram-connector.ts';

/** The route Telegram posts updates to, under TELEGRAM_WEBHOOK_URL. */
export const webhookPath = '/telegram';

// An update is a few kilobytes at most (4,096 characters of text, their entities, a keyboard).
const maxBodyBytes = 256 * 1024;

export interface TelegramWebhookOptions {
  secret: string;
  handleUpdate(body: unknown): Promise<HandledUpdate>;
  count(outcome: InboundRefusal): void;
  /** Takes the sending an update leaves after its answer, so that shutdown waits for it. */
  track(work: Promise<unknown>): void;
  /** How long a request may wait for its turn before it is answered anyway (the turn goes on). */
  budgetMs: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Mounts `POST /telegram`: the secret header is checked first, in constant time (401, nothing
 * read or handled); then the body is parsed (its own parser: the host parses none) and the update
 * handled, and answered 200 once its turn's state is saved (CHANNELS.md: acknowledge after the
 * turn is saved), or when the budget runs out, so Telegram never sees a 500 and never redelivers in
 * a storm; the replies are sent right after the answer. A body that is no update (malformed JSON,
 * too large, not an update) gets a 4xx, and the next one is handled as usual.
 */
export function mountTelegramWebhook(router: Router, options: TelegramWebhookOptions): void {
  const expected = digest(options.secret);
  const checkSecret: RequestHandler = (req, res, next) => {
    const given = req.get('x-telegram-bot-api-secret-token');
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    options.count('rejected');
    res.status(401).json({ ok: false, error: 'unauthorized' });
  };
  const handle: RequestHandler = async (req, res) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), options.budgetMs)));
    const handling = options.handleUpdate(req.body as unknown);
    options.track(handling.then((handled) => handled.sent));
    const handled = await Promise.race([handling, late]);
    clearTimeout(timer);
    if (handled !== 'late' && handled.outcome === 'rejected') res.status(400).json({ ok: false, error: 'not a Telegram update' });
    else res.status(200).end();
  };
  const refuseBody: ErrorRequestHandler = (error: { status?: unknown; type?: unknown }, _req, res, _next) => {
    options.count('rejected');
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
    res.status(status).json({ ok: false, error: error.type === 'entity.too.large' ? 'body too large' : 'malformed body' });
  };
  router.post(webhookPath, checkSecret, express.json({ limit: maxBodyBytes, type: () => true }), handle, refuseBody);
}
