import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/desk/index.ts';
import { BalieHost } from '../helpers/balie-host.ts';
import { checkinSecret } from '../helpers/desk-host.ts';

describe.concurrent('npm start with BALIE_ORGANISERS', { timeout: 120_000 }, () => {
  it('serves the desk without any chat channel and says its URL', async () => {
    const hash = await hashPassword('a long enough password', { log2N: 10, r: 8, p: 1 });
    const host = await BalieHost.start({ BALIE_ORGANISERS: `anna:${hash}`, BALIE_CHECKIN_SECRET: checkinSecret, BALIE_MAIL_DIR: join(tmpdir(), 'balie-desk-start') });
    try {
      expect(host.stderr).toContain(`organiser desk at http://127.0.0.1:${host.port}/organiser`);
      const login = await fetch(`${host.url}/organiser/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('name="password"');
    } finally {
      expect(await host.stop()).toBe(0);
    }
  });

  it('refuses to start without BALIE_CHECKIN_SECRET, naming it', async () => {
    const hash = await hashPassword('a long enough password', { log2N: 10, r: 8, p: 1 });
    await expect(BalieHost.start({ BALIE_ORGANISERS: `anna:${hash}` })).rejects.toThrow(/balie exited \(1\)[\s\S]*BALIE_CHECKIN_SECRET/);
  });
});
