import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OrganiserAccount } from './organisers.ts';

/** The session cookie's name; `__Host-` over HTTPS would also pin the path, but must be Secure. */
export const sessionCookie = 'balie_desk';
/** The cookie the login form's CSRF token is checked against before anyone is logged in. */
export const loginCookie = 'balie_login';
/** How long a login lasts. */
export const sessionMs = 12 * 3600_000;

/** A logged-in organiser: who, until when, and the token every state change must carry. */
export interface DeskSession {
  organiser: string;
  expiresAt: number;
  csrf: string;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signed, stateless sessions: the cookie is `<name>.<expires>.<mac>`, the MAC keyed by the desk
 * secret and the account's password hash, so that every process with the same BALIE_DESK_SECRET
 * accepts it and a changed password ends the sessions made with the old one. The CSRF token is
 * another MAC over the same cookie.
 */
export class DeskSessions {
  readonly #secret: Buffer;
  readonly #accounts: Map<string, OrganiserAccount>;

  constructor(accounts: readonly OrganiserAccount[], secret: string | null) {
    this.#secret = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
    this.#accounts = new Map(accounts.map((a) => [a.name, a]));
  }

  #key(account: OrganiserAccount): Buffer {
    return createHmac('sha256', this.#secret).update(`desk-session\u0000${account.hash}`).digest();
  }

  /** The cookie value for a fresh login of `organiser` at `now`. */
  issue(organiser: string, now: number): string {
    const account = this.#accounts.get(organiser);
    if (!account) throw new Error('issue: unknown organiser');
    const expiresAt = now + sessionMs;
    return `${organiser}.${expiresAt}.${mac(this.#key(account), `${organiser}.${expiresAt}`)}`;
  }

  /** The session a cookie value stands for, or null (missing, forged, expired, or of an account that changed). */
  read(cookie: string | undefined, now: number): DeskSession | null {
    const match = /^([A-Za-z0-9._-]{1,40})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '');
    if (!match) return null;
    const [, organiser, expires, signature] = match as unknown as [string, string, string, string];
    const account = this.#accounts.get(organiser);
    if (!account || Number(expires) <= now) return null;
    const key = this.#key(account);
    if (!same(mac(key, `${organiser}.${expires}`), signature)) return null;
    return { organiser, expiresAt: Number(expires), csrf: mac(key, `csrf.${organiser}.${expires}`) };
  }

  /** Whether `token` is the session's CSRF token. */
  static csrfMatches(session: DeskSession, token: unknown): boolean {
    return typeof token === 'string' && same(session.csrf, token);
  }

  /** A random token for the login form (double submit: the same value in a cookie and the form). */
  static loginToken(): string {
    return randomBytes(24).toString('base64url');
  }

  static loginTokenMatches(cookie: string | undefined, field: unknown): boolean {
    return typeof cookie === 'string' && cookie.length >= 32 && typeof field === 'string' && same(cookie, field);
  }
}
