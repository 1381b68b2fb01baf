import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskClient, organiser, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

/** Every page of the desk (redirected to the login without a session) and every export or API URL (401). */
export const deskPages = ['/organiser', '/organiser/lists/registrations', '/organiser/lists/session-3', '/organiser/caps', '/organiser/message', '/organiser/exports', '/organiser/checkin', '/organiser/audit', '/organiser/purge'];
export const deskApi = ['/organiser/api/overview', '/organiser/overview.frag', '/organiser/exports/registrations.csv', '/organiser/exports/session-3.xlsx', '/organiser/exports/checkins.csv'];
export const deskPosts = ['/organiser/logout', '/organiser/caps/preview', '/organiser/caps/confirm', '/organiser/message/preview', '/organiser/message/send', '/organiser/checkin', '/organiser/purge'];

describe('the organiser desk: access', { timeout: 60_000 }, () => {
  let desk: DeskHost;
  beforeAll(async () => {
    desk = await startDeskHost();
  });
  afterAll(() => desk?.close());

  it('refuses every organiser URL without a session cookie: pages go to the login, exports and the API answer 401', async () => {
    const anonymous = new DeskClient(desk.url);
    for (const path of deskPages) {
      const { status, response } = await anonymous.get(path);
      expect([path, status]).toEqual([path, 303]);
      expect(response.headers.get('location')).toBe(`/organiser/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of deskApi) expect([path, (await anonymous.get(path)).status]).toEqual([path, 401]);
    for (const path of deskPosts) expect([path, (await anonymous.post(path, {})).status]).toEqual([path, 401]);
    const forged = new DeskClient(desk.url);
    forged.jar.set('balie_desk', `${organiser.name}.${Date.now() + 3600_000}.${'A'.repeat(43)}`);
    expect((await forged.get('/organiser/api/overview')).status).toBe(401);
  });

  it('logs in with the right password and sets an HttpOnly, SameSite=Strict cookie on /organiser (not Secure over plain HTTP)', async () => {
    const client = new DeskClient(desk.url);
    const form = await client.get('/organiser/login');
    const token = /name="_login" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const login = await client.post('/organiser/login', { _login: token, name: organiser.name, password: organiser.password, next: '/organiser/caps' }, { csrf: false });
    expect(login.status).toBe(303);
    expect(login.response.headers.get('location')).toBe('/organiser/caps');
    const cookie = login.response.headers.getSetCookie().find((c) => c.startsWith('balie_desk='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/organiser/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/organiser')).status).toBe(200);
    expect((await client.get('/organiser/api/overview')).status).toBe(200);
  });

  it('marks the cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const proxied = await startDeskHost({ BALIE_TRUST_PROXY: 'loopback' });
    try {
      const form = await fetch(`${proxied.url}/organiser/login`, { headers: { 'x-forwarded-proto': 'https' } });
      const loginCookie = form.headers.getSetCookie().find((c) => c.startsWith('balie_login=')) ?? '';
      expect(loginCookie).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password, a login form without its token, and a POST without the CSRF token', async () => {
    const client = new DeskClient(desk.url);
    expect(await client.login(organiser.name, 'wrong password!')).toBe(401);
    expect(await client.login('nobody', organiser.password)).toBe(401);
    const noToken = await client.post('/organiser/login', { name: organiser.name, password: organiser.password }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(await client.login()).toBe(303);
    const withoutCsrf = await client.post('/organiser/caps/preview', { target: 'session-3', cap: '1' }, { csrf: false });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.text).toMatch(/CSRF/);
    const wrongCsrf = await client.post('/organiser/logout', { _csrf: 'x'.repeat(43) }, { csrf: false });
    expect(wrongCsrf.status).toBe(403);
    expect((await client.get('/organiser')).status).toBe(200);
  });

  it('refuses the eleventh wrong password in a minute, also when the password is right then, and for every name from that address', async () => {
    const limited = await startDeskHost();
    try {
      const client = new DeskClient(limited.url);
      for (let i = 0; i < 10; i++) expect(await client.login('bert', `wrong ${i}`)).toBe(401);
      expect(await client.login('bert', 'wrong 11')).toBe(429);
      expect(await client.login('bert', 'another long password')).toBe(429);
      expect(await new DeskClient(limited.url).login()).toBe(429);
      expect(limited.logs.filter((l) => l.includes('too many wrong passwords'))).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });

  it('logs out: the cookie is cleared and the pages send to the login again', async () => {
    const limited = await startDeskHost();
    try {
      const client = new DeskClient(limited.url);
      expect(await client.login()).toBe(303);
      expect((await client.post('/organiser/logout', {})).status).toBe(303);
      expect((await client.get('/organiser')).status).toBe(303);
      const entries = await limited.stores.audit.recent(10);
      expect(entries.map((e) => [e.organiser, e.action])).toEqual([
        [organiser.name, 'logout'],
        [organiser.name, 'login'],
      ]);
    } finally {
      await limited.close();
    }
  });
});
