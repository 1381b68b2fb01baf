import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { deskCss, deskJs } from './assets.ts';
import { audit, field, type DeskDeps } from './desk-context.ts';
import { DeskSessions, loginCookie, sessionCookie, sessionMs } from './desk-session.ts';
import { html, page } from './html.ts';
import { LoginLimiter } from './login-limiter.ts';
import { decoyHash, verifyPassword, type OrganiserAccount } from './organisers.ts';

/** What the desk's access needs besides its pages' data. */
export interface DeskAccess {
  accounts: readonly OrganiserAccount[];
  /** BALIE_DESK_SECRET, or null for a random one per process. */
  secret: string | null;
}

/** A page module: adds its routes to the guarded router. */
export type DeskPages = (router: Router, deps: DeskDeps) => void;

/** The cookies of a request (a Cookie header is a few `name=value` pairs; no library needed to read them). */
export function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    try {
      out[pair.slice(0, eq).trim()] = decodeURIComponent(pair.slice(eq + 1).trim());
    } catch {
      // A value that is not URI-encoded is not one of Balie's cookies.
    }
  }
  return out;
}

const cookieOptions = (req: Request, maxAge: number) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/organiser', maxAge });

// API-like URLs answer 401; pages redirect to the login.
const answersWith401 = (path: string) => /^\/(exports|api)\/./.test(path) || path.endsWith('.frag');

function loginPage(res: Response, token: string, next: string, problem: string | null, status = 200): void {
  const form = html`${problem ? html`<p class="refused">${problem}</p>` : ''}
<form method="post" action="/organiser/login">
<input type="hidden" name="_login" value="${token}"><input type="hidden" name="next" value="${next}">
<label>Naam <input name="name" autocomplete="username" required></label>
<label>Wachtwoord <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Aanmelden</button></form>`;
  res.status(status).type('html').send(page('Aanmelden bij de organisatorenbalie', form, null));
}

/** Only a path on the desk itself is a place to return to after the login. */
function safeNext(raw: string): string {
  return /^\/organiser(\/[A-Za-z0-9/_.?=&%-]*)?$/.test(raw) ? raw : '/organiser';
}

/**
 * The organiser desk under /organiser: the login (rate-limited per address and name), a signed
 * HttpOnly SameSite=Strict session cookie, and for every page behind it the CSRF check of each
 * POST. Without a session, pages redirect to the login and exports and API URLs answer 401.
 */
export function createDeskRouter(deps: DeskDeps, access: DeskAccess, pages: readonly DeskPages[]): Router {
  const sessions = new DeskSessions(access.accounts, access.secret);
  const accounts = new Map(access.accounts.map((a) => [a.name, a]));
  const limiter = new LoginLimiter();
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; media-src 'self' blob: mediastream:; frame-ancestors 'none'; form-action 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    next();
  });
  router.use(express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 }));
  router.get('/assets/desk.css', (_req, res) => void res.type('css').send(deskCss));
  router.get('/assets/desk.js', (_req, res) => void res.type('js').send(deskJs));

  router.get('/login', (req, res) => {
    const token = DeskSessions.loginToken();
    res.cookie(loginCookie, token, cookieOptions(req, 3600_000));
    loginPage(res, token, safeNext(field(req.query, 'next')), null);
  });
  router.post('/login', async (req, res) => {
    const now = deps.clock.now().getTime();
    const name = field(req.body, 'name').trim().slice(0, 40);
    const address = req.ip ?? 'unknown';
    const token = DeskSessions.loginToken();
    res.cookie(loginCookie, token, cookieOptions(req, 3600_000));
    const next = safeNext(field(req.body, 'next'));
    if (!DeskSessions.loginTokenMatches(cookies(req)[loginCookie], field(req.body, '_login'))) {
      loginPage(res, token, next, 'Het formulier was verlopen. Probeer opnieuw.', 403);
      return;
    }
    if (!limiter.allows(address, name, now)) {
      deps.logger.warn({ organiser: accounts.has(name) ? name : '(unknown)' }, 'desk: login refused, too many wrong passwords');
      res.set('Retry-After', '60');
      loginPage(res, token, next, 'Te veel mislukte pogingen. Wacht een minuut en probeer opnieuw.', 429);
      return;
    }
    const account = accounts.get(name);
    const good = await verifyPassword(field(req.body, 'password'), account?.hash ?? decoyHash);
    if (!account || !good) {
      limiter.fail(address, name, now);
      deps.logger.info({ organiser: account ? name : '(unknown)' }, 'desk: wrong name or password');
      loginPage(res, token, next, 'Naam of wachtwoord klopt niet.', 401);
      return;
    }
    res.clearCookie(loginCookie, { path: '/organiser' });
    res.cookie(sessionCookie, sessions.issue(account.name, now), cookieOptions(req, sessionMs));
    await deps.audit.append({ at: new Date(now).toISOString(), organiser: account.name, action: 'login', detail: 'aangemeld' });
    res.redirect(303, next);
  });

  router.use((req: Request, res: Response, next: NextFunction) => {
    const session = sessions.read(cookies(req)[sessionCookie], deps.clock.now().getTime());
    if (!session) {
      if (answersWith401(req.path) || req.method !== 'GET') {
        res.status(401).json({ error: 'log in at /organiser/login first' });
        return;
      }
      res.redirect(303, `/organiser/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (req.method === 'POST' && !DeskSessions.csrfMatches(session, (req.body as Record<string, unknown> | undefined)?._csrf)) {
      res.status(403).type('html').send(page('Geweigerd', html`<p class="refused">Dit formulier had geen geldige beveiligingscode (CSRF). Laad de pagina opnieuw.</p>`, session));
      return;
    }
    res.locals.deskSession = session;
    next();
  });
  router.post('/logout', async (_req, res) => {
    await audit(deps, res, 'logout', 'afgemeld');
    res.clearCookie(sessionCookie, { path: '/organiser' });
    res.redirect(303, '/organiser/login');
  });
  for (const mount of pages) mount(router, deps);
  return router;
}
