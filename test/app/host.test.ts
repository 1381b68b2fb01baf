import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTelegramHost, type TelegramHost } from '../helpers/telegram-host.ts';

const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() }));
const metric = (text: string, line: string) => Number(new RegExp(`^${line.replace(/[{}()[\]"=,.:]/g, '\\$&')} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text)?.[1] ?? 0);

if (requireRedisServer()) {
  describe('the host: /healthz, /readyz and /metrics, with the store in Redis', { timeout: 60_000 }, () => {
    const redis = useRedisServer();
    let t: TelegramHost;
    beforeAll(async () => {
      t = await startTelegramHost('webhook', { REDIS_URL: redis().url });
    });
    afterAll(() => t?.close());

    it('says the process lives, and is ready while Redis answers, 503 when it does not', async () => {
      expect(await get(`${t.url}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
      expect(await get(`${t.url}/readyz`)).toMatchObject({ status: 200, text: '{"ready":true,"problems":[]}' });
      await redis().kill9();
      try {
        const down = await get(`${t.url}/readyz`);
        expect(down.status).toBe(503);
        expect(JSON.parse(down.text)).toEqual({ ready: false, problems: ['store unreachable'] });
        expect((await get(`${t.url}/healthz`)).status).toBe(200);
      } finally {
        await redis().restart();
      }
      expect(await eventually(async () => (await get(`${t.url}/readyz`)).status === 200, 10_000)).toBe(true);
    });

    it('counts turns, their duration, inbound requests, ledger commands and the outbox as the traffic moves', async () => {
      const before = (await get(`${t.url}/metrics`)).text;
      const chat = t.chat(701);
      await chat.say('/start');
      await chat.press('Inschrijven');
      expect((await t.standIn.deliver(t.standIn.textUpdate(chat.person, 'x'), { secret: 'wrong' })).status).toBe(401);
      const { personNumber } = await import('../adapters/console/form-filler.ts');
      await t.chat(702).register(personNumber(702, [1, 5], false));
      const after = await get(`${t.url}/metrics`);
      expect(after.status).toBe(200);
      expect(after.type).toContain('text/plain');
      const moved = (line: string) => metric(after.text, line) - metric(before, line);
      expect(moved('balie_turns_total{channel="telegram",outcome="answered"}')).toBeGreaterThanOrEqual(10);
      expect(moved('balie_inbound_requests_total{channel="telegram",outcome="handled"}')).toBeGreaterThanOrEqual(10);
      expect(moved('balie_inbound_requests_total{channel="telegram",outcome="rejected"}')).toBe(1);
      expect(moved('balie_turn_duration_seconds_count{channel="telegram"}')).toBeGreaterThanOrEqual(10);
      expect(moved('balie_ledger_commands_total{command="register",result="ok"}')).toBe(1);
      expect(metric(after.text, 'balie_outbox_deliveries{lane="mail",state="pending"}') + metric(after.text, 'balie_outbox_deliveries{lane="mail",state="sent"}')).toBeGreaterThanOrEqual(1);
      expect(after.text).toMatch(/^balie_outbox_deliveries\{lane="chat:telegram",state="(pending|sent)"\} [1-9]/m);
      expect(after.text).toMatch(/^balie_process_cpu_seconds_total /m);
      expect(after.text).toMatch(/^balie_nodejs_eventloop_lag_seconds /m);
    });

    it('answers 404 for anything else, and parses no body outside the channels’ routes', async () => {
      expect((await get(`${t.url}/nothing`)).status).toBe(404);
      const posted = await fetch(`${t.url}/metrics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      expect(posted.status).toBe(404);
    });
  });
}
