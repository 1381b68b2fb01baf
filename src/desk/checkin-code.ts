import { createHmac } from 'node:crypto';
import type { RegistrationRecord } from '../core/index.ts';

/** The secret of the terminal chat's check-in codes, which nobody checks in with; the host needs BALIE_CHECKIN_SECRET. */
export const developmentCheckinSecret = 'balie-development-checkin-secret-not-for-the-door';

// Crockford's base 32: no I, L, O or U, so a typed code is not misread.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Personal check-in codes: `<seq>-<8 characters>`, the characters an HMAC of the event and the
 * registration id under a secret, so a code cannot be guessed from another and names its
 * registration by number without a lookup table.
 */
export class CheckinCodes {
  constructor(
    private readonly secret: string,
    private readonly eventId: string,
  ) {}

  #mac(registrationId: string): string {
    const bytes = createHmac('sha256', this.secret).update(`checkin\u0000${this.eventId}\u0000${registrationId}`).digest();
    let out = '';
    for (let i = 0; i < 8; i++) out += alphabet[(bytes[i] as number) % 32];
    return out;
  }

  /** The code of a registration, as printed in the mail and in the chat. */
  codeOf(registration: Pick<RegistrationRecord, 'id' | 'seq'>): string {
    return `${registration.seq}-${this.#mac(registration.id)}`;
  }

  /** A typed or scanned code tidied (upper case, no spaces, O read as 0), with its registration number; null when it cannot be one. */
  static parse(raw: string): { code: string; seq: number } | null {
    const code = raw.toUpperCase().replace(/\s+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    const match = /^(\d{1,7})-([0-9A-Z]{8})$/.exec(code);
    return match ? { code, seq: Number(match[1]) } : null;
  }

  /** Whether `code` is the code of `registration`. */
  matches(code: string, registration: Pick<RegistrationRecord, 'id' | 'seq'>): boolean {
    return this.codeOf(registration) === code;
  }
}
