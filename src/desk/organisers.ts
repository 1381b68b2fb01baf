import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/** One organiser account from BALIE_ORGANISERS: a name and the scrypt hash of the password. */
export interface OrganiserAccount {
  name: string;
  hash: string;
}

// `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, salt and key in base64url: no `:`, `,` or spaces, so
// that accounts can be listed as `name:hash,name:hash`.
const hashPattern = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;
const namePattern = /^[A-Za-z0-9._-]{1,40}$/;
const keyLength = 32;
const defaultCost = { log2N: 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The hash `npm run admin -- hash-password` prints: scrypt with a random salt. */
export async function hashPassword(password: string, cost = defaultCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: 2 ** cost.log2N, r: cost.r, p: cost.p });
  return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` matches `hash` (constant time over the derived key). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = hashPattern.exec(hash);
  if (!match) return false;
  const [log2N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const expected = Buffer.from(match[5] as string, 'base64url');
  const key = await derive(password, Buffer.from(match[4] as string, 'base64url'), { N: 2 ** log2N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to check against when the name is unknown, so that a wrong name costs as long as a wrong password. */
export const decoyHash = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** BALIE_ORGANISERS: `name:hash` separated by commas, spaces or new lines; each name once. */
export const organisersSchema = z.string().transform((value, context) => {
  const accounts: OrganiserAccount[] = [];
  for (const item of value.split(/[\s,]+/).filter((part) => part !== '')) {
    const colon = item.indexOf(':');
    const name = item.slice(0, colon);
    const hash = item.slice(colon + 1);
    if (colon < 1 || !namePattern.test(name) || !hashPattern.test(hash)) {
      context.addIssue({ code: 'custom', message: 'expected name:hash entries (letters, digits, . _ -; the hash from npm run admin -- hash-password), separated by commas' });
      return z.NEVER;
    }
    if (accounts.some((a) => a.name === name)) {
      context.addIssue({ code: 'custom', message: `the organiser ${name} is listed twice` });
      return z.NEVER;
    }
    accounts.push({ name, hash });
  }
  return accounts;
});
