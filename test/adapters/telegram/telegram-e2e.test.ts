import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { runEntry } from '../console/jsonl-process.ts';
import { BalieHost, freePort } from '../../helpers/balie-host.ts';
import { eventually } from '../../helpers/eventually.ts';
import { requireRedisServer, useRedisServer } from '../../helpers/redis-server.ts';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtp-server.ts';
import { TelegramStandIn } from '../../helpers/telegram-api.ts';
import { TelegramChat, type Transport } from '../../helpers/telegram-chat.ts';

/** The real `npm start` (or node with tsx) with Telegram against a fresh stand-in. */
async function balie(transport: Transport, env: Record<string, string> = {}, viaNpm = false) {
  const standIn = await TelegramStandIn.start();
  const port = await freePort();
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-e2e-'));
  const host = await BalieHost.start(
    {
      TELEGRAM_BOT_TOKEN: standIn.token,
      TELEGRAM_API_ROOT: standIn.apiRoot,
      ...(transport === 'webhook' ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}` } : {}),
      BALIE_MAIL_DIR: mailDir,
      ...env,
    },
    { port, viaNpm },
  );
  const chat = (id: number) => new TelegramChat(standIn, { id, languageCode: 'nl' }, transport, undefined, undefined, (updateId) => host.updateDone(updateId));
  const close = async () => {
    host.kill();
    await standIn.close();
    await rm(mailDir, { recursive: true, force: true });
  };
  return { standIn, host, chat, mailDir, close };
}

// Every case starts the real process (tsx, the Q&A's training): generous bounds for a busy machine.
describe('npm start with Telegram over the webhook (the real process)', { timeout: 120_000 }, () => {
  let b: Awaited<ReturnType<typeof balie>>;
  beforeAll(async () => {
    b = await balie('webhook', {}, true);
  }, 120_000);
  afterAll(() => b?.close());

  it('says in its first log lines which channels run, how, on which port, with which store and clock', () => {
    const [first] = b.host.logs;
    expect(first?.msg).toBe(
      `Balie starting: telegram (webhook http://127.0.0.1:${b.host.port}/telegram) on 127.0.0.1:${b.host.port}; store in-memory (this process only; everything is lost when it stops); clock pinned at 15/10/2020, 09:00 (Europe/Brussels): registration closed`,
    );
    // Among the warnings right after it (the check-in secret's is another).
    expect(b.host.logs.slice(1, 4)).toContainEqual(expect.objectContaining({ level: 40, msg: expect.stringContaining('the clock is pinned to 2020-10-15T07:00:00.000Z') }));
  });

  it('registers a person with a book through webhook updates and button presses, by mail and in the chat', async () => {
    const chat = b.chat(801);
    const result = await chat.register(personNumber(801, [3, 7], true));
    expect(result).toMatchObject({ waitlisted: false });
    expect(chat.botMessages.map((m) => m.text).join('\n')).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ann.peeters.801@example.org.');
    // Every press was answered and its message lost its buttons.
    const presses = b.standIn.callsOf('answerCallbackQuery').length;
    expect(presses).toBeGreaterThanOrEqual(4);
    expect(b.standIn.chat(801).filter((m) => m.from === 'bot' && m.text.includes('\n\n✓ ')).every((m) => m.keyboard.length === 0)).toBe(true);
    expect(await eventually(async () => chat.botMessages.some((m) => m.text.startsWith('Je inschrijving voor de Netwerkdag sociale economie') && m.text.includes('is bevestigd')), 15_000)).toBe(true);
    expect(await eventually(async () => (await readdir(b.mailDir)).some((f) => f.endsWith('.eml')), 15_000)).toBe(true);
  });

  it('refuses a missing or wrong secret with 401 and sends nothing', async () => {
    const sent = b.standIn.calls.length;
    const update = b.standIn.textUpdate({ id: 802 }, 'Ik wil me inschrijven');
    expect((await b.standIn.deliver(update, { secret: null })).status).toBe(401);
    expect((await b.standIn.deliver(update, { secret: 'guessed-secret' })).status).toBe(401);
    expect(b.standIn.calls.length).toBe(sent);
  });

  it('answers one update delivered twice once', async () => {
    const update = b.standIn.textUpdate({ id: 803 }, 'hallo');
    expect((await b.standIn.deliver(update)).status).toBe(200);
    await b.host.updateDone(update.update_id as number);
    const replies = b.standIn.chat(803).filter((m) => m.from === 'bot').length;
    expect(replies).toBeGreaterThan(0);
    expect((await b.standIn.deliver(update)).status).toBe(200);
    await b.host.updateDone(update.update_id as number);
    expect(b.standIn.chat(803).filter((m) => m.from === 'bot').length).toBe(replies);
  });

  it('answers a malformed or 5 MB body with 4xx and handles the next update', async () => {
    expect((await b.standIn.deliver(null, { body: '{"update_id":' })).status).toBe(400);
    expect((await b.standIn.deliver(null, { body: JSON.stringify({ update_id: 1, junk: 'x'.repeat(5 * 1024 * 1024) }) })).status).toBe(413);
    const replies = await b.chat(804).say('Wanneer begint sessie 3?');
    expect(replies.map((m) => m.text).join('\n')).toContain('13:30');
  });

  it('serves /healthz and /metrics, the counters moved by the traffic above', async () => {
    expect((await fetch(`${b.host.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${b.host.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${b.host.url}/metrics`)).text();
    expect(Number(/^balie_turns_total\{channel="telegram",outcome="answered"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(15);
    expect(Number(/^balie_inbound_requests_total\{channel="telegram",outcome="rejected"\} (\d+)/m.exec(metrics)?.[1])).toBe(4);
    expect(Number(/^balie_inbound_requests_total\{channel="telegram",outcome="duplicate"\} (\d+)/m.exec(metrics)?.[1])).toBe(1);
    expect(metrics).toMatch(/^balie_ledger_commands_total\{command="register",result="ok"\} 1$/m);
  });
});

describe('npm start with Telegram by long polling (the real process)', { timeout: 120_000 }, () => {
  it('registers a person with a book, and stops cleanly', async () => {
    const b = await balie('polling');
    try {
      expect(b.standIn.webhook).toBeNull();
      expect(b.host.logs[0]?.msg).toMatch(/^Balie starting: telegram \(long polling\) on 127\.0\.0\.1:\d+; store in-memory/);
      const result = await b.chat(811).register(personNumber(811, [2, 6], true));
      expect(result.waitlisted).toBe(false);
      expect(await eventually(async () => b.chat(811).botMessages.some((m) => m.text.includes('is bevestigd')), 15_000)).toBe(true);
      expect(await b.host.stop('SIGTERM')).toBe(0);
    } finally {
      await b.close();
    }
  });
});

describe('shutting down with a turn in flight (the real process)', { timeout: 120_000 }, () => {
  it('stops taking requests, finishes the reply of the turn in flight, and exits 0', async () => {
    const b = await balie('webhook');
    try {
      const held = b.standIn.hold('sendMessage');
      const inFlight = b.standIn.deliver(b.standIn.textUpdate({ id: 821 }, 'hallo'));
      await held.reached;
      b.host.child.kill('SIGTERM');
      await b.host.waitForLog(/stopping: no new requests/);
      // New connections are refused while the turn is still waiting for Telegram.
      expect(await eventually(async () => fetch(`${b.host.url}/healthz`).then(() => false, () => true), 10_000)).toBe(true);
      expect(b.host.child.exitCode).toBeNull();
      held.release();
      expect((await inFlight).status).toBe(200);
      expect(await b.host.exited).toBe(0);
      expect(b.standIn.callsOf('sendMessage').filter((c) => c.body.chat_id === 821).map((c) => c.status)).toEqual([200]);
      expect(b.host.stderr).toMatch(/"msg":"stopped"/);
    } finally {
      await b.close();
    }
  });
});

if (requireRedisServer()) {
  describe('notices with Redis and SMTP (the real process and npm run admin)', { timeout: 180_000 }, () => {
    const redis = useRedisServer();
    let smtp: TestSmtpServer;
    let b: Awaited<ReturnType<typeof balie>>;
    beforeAll(async () => {
      smtp = await startSmtpServer();
      b = await balie('webhook', { REDIS_URL: redis().url, SMTP_URL: smtp.url });
    }, 120_000);
    afterAll(async () => {
      await b?.close();
      await smtp?.close();
    });

    it('tells the people a lowered venue cap moved by Telegram and by e-mail; a person who blocked the bot is failed once, not retried', async () => {
      // Ann first; then Cas, who later blocks the bot; then Bo, the latest registration.
      const [ann, cas, bo] = [831, 832, 833].map((id) => b.chat(id)) as [TelegramChat, TelegramChat, TelegramChat];
      await ann.register(personNumber(831, [1, 5], false));
      await cas.register(personNumber(832, [1, 5], false));
      await bo.register(personNumber(833, [1, 5], false));
      expect(await eventually(async () => smtp.messages.length === 3, 20_000)).toBe(true);
      expect(await eventually(async () => [ann, cas, bo].every((c) => c.botMessages.some((m) => m.text.includes('is bevestigd'))), 20_000)).toBe(true);
      b.standIn.block(832);

      const admin = await runEntry('src/app/admin-cli.ts', ['venue-cap', '1'], { REDIS_URL: redis().url });
      expect(admin.stderr).toBe('');
      expect(admin.stdout).toContain('Moved to the waiting list, latest first (2):');

      expect(await eventually(async () => bo.botMessages.some((m) => m.text.startsWith('Slecht nieuws')), 20_000)).toBe(true);
      const notice = bo.botMessages.find((m) => m.text.startsWith('Slecht nieuws'));
      expect(notice?.text).toContain('Status             op de wachtlijst');
      expect(notice?.keyboard.flat().map((k) => k.text)).toEqual(['Mijn inschrijving', 'Wachtlijst verlaten']);
      expect(await eventually(async () => smtp.messages.filter((m) => m.parsed.subject?.startsWith('Je plaats is vervallen')).length === 2, 20_000)).toBe(true);
      expect(smtp.messages.filter((m) => m.parsed.subject?.startsWith('Je plaats is vervallen')).map((m) => m.envelope.to[0]).sort()).toEqual(['ann.peeters.832@example.org', 'ann.peeters.833@example.org']);

      const failed = async () => (await runEntry('src/app/admin-cli.ts', ['outbox', 'failed'], { REDIS_URL: redis().url })).stdout;
      expect(await eventually(async () => (await failed()).includes('1 failed chat notice on telegram.'), 20_000)).toBe(true);
      expect(await failed()).toMatch(/bumped to telegram:832; 1 failed attempt, last: 403 Forbidden: bot was blocked by the user/);
      const pending = (await runEntry('src/app/admin-cli.ts', ['outbox', 'pending'], { REDIS_URL: redis().url })).stdout;
      expect(pending).toContain('0 pending mails.\n0 pending chat notices on telegram.');
      expect(b.standIn.callsOf('sendMessage').filter((c) => c.body.chat_id === 832 && c.status === 403)).toHaveLength(1);
      // Leaving the waiting list from the notice's button works in the chat.
      const left = await bo.press('Wachtlijst verlaten', notice);
      expect(left.map((m) => m.text).join('\n')).toContain('echt annuleren');
    });

    it('is not ready while Redis is stopped, and ready again when it is back', async () => {
      expect((await fetch(`${b.host.url}/readyz`)).status).toBe(200);
      await redis().kill9();
      try {
        const down = await fetch(`${b.host.url}/readyz`);
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ ready: false, problems: ['store unreachable'] });
      } finally {
        await redis().restart();
      }
      expect(await eventually(async () => (await fetch(`${b.host.url}/readyz`)).status === 200, 15_000)).toBe(true);
      expect(await b.host.stop('SIGTERM')).toBe(0);
    });
  });
}
