import { spawn } from 'node:child_process';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { runAdmin, type AdminContext } from '../../src/app/admin.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { repoRoot, runEntry } from '../adapters/console/jsonl-process.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, netwerkdag, person, ticker } from '../store/seat-ledger.fixtures.ts';

const event = eventWith({ venue: 5, sessions: { 1: 3 } });

/** A ledger with `count` registrations (sessions 1 and 5, then 2 and 6), and an admin context that records what it prints. */
async function desk(count: number) {
  const ledger = new MemorySeatLedger(event);
  const at = ticker();
  for (let n = 1; n <= count; n++) {
    const result = await ledger.register({ key: `r${n}`, at: at(), registrant: person(n, n <= 3 ? [1, 5] : [2, 6]), waitlistIfFull: true });
    if (!result.ok) throw new Error(result.reason);
  }
  const out: string[] = [];
  const err: string[] = [];
  const context: AdminContext = { event, ledger, outbox: ledger, now: at(), print: (line) => out.push(line), warn: (line) => err.push(line) };
  const run = (...args: string[]) => runAdmin(args, context);
  return { ledger, out, err, run };
}

describe('organiser commands (npm run admin)', () => {
  it('shows the seats of the venue and every session, the waiting list and the invariant check', async () => {
    const { out, run } = await desk(4);
    expect(await run('status')).toBe(0);
    expect(out[0]).toBe(`${event.title}: venue 4 of 5 seats taken; 0 waiting.`);
    expect(out).toContain('  session 1: 3 of 3  Sociale clausules bij overheidsopdrachten');
    expect(out.at(-1)).toBe('Invariants hold for all 4 registrations.');
  });

  it('lowers the venue cap, moving the latest registrations to the waiting list and naming them; raising it brings them back', async () => {
    const { ledger, out, run } = await desk(5);
    expect(await run('venue-cap', '3')).toBe(0);
    expect(out).toEqual([
      'Venue cap set to 3.',
      'Moved to the waiting list, latest first (2):',
      '  #5 Persoon Nummer 5 <persoon5@example.be> (sessions 2, 6)',
      '  #4 Persoon Nummer 4 <persoon4@example.be> (sessions 2, 6)',
      'Each of them gets an e-mail from the mail worker.',
    ]);
    expect((await ledger.availability()).venueTaken).toBe(3);
    expect((await ledger.list('pending')).filter((e) => e.kind === 'bumped').map((e) => e.registration.seq)).toEqual([5, 4]);
    out.length = 0;
    expect(await run('venue-cap', '100')).toBe(0);
    expect(out).toContain('Confirmed from the waiting list (2):');
    expect((await ledger.availability()).waitlistLength).toBe(0);
  });

  it('lowers a session cap, moving only the latest holders of that session', async () => {
    const { ledger, out, run } = await desk(5);
    expect(await run('session-cap', '1', '1')).toBe(0);
    expect(out[0]).toBe('Session 1 cap set to 1.');
    expect(out.slice(2, 4)).toEqual(['  #3 Persoon Nummer 3 <persoon3@example.be> (sessions 5; waiting for 1)', '  #2 Persoon Nummer 2 <persoon2@example.be> (sessions 5; waiting for 1)']);
    expect((await ledger.availability()).sessions.find((s) => s.sessionNumber === 1)).toEqual({ sessionNumber: 1, cap: 1, taken: 1, waiting: 2 });
    expect((await ledger.availability()).venueTaken).toBe(5);
    out.length = 0;
    expect(await run('status')).toBe(0);
    expect(out).toContain('  session 1: 1 of 1, 2 waiting  Sociale clausules bij overheidsopdrachten');
  });

  it('refuses what it cannot run with exit code 2 and a reason, and changes nothing', async () => {
    const { ledger, out, err, run } = await desk(5);
    const before = await ledger.snapshot();
    const refused: Array<[string[], string]> = [
      [[], 'no command given'],
      [['cap', '3'], 'unknown command "cap"'],
      [['venue-cap'], 'the venue cap must be a whole number from 0 to 100000, got nothing'],
      [['venue-cap', '-1'], 'got "-1"'],
      [['venue-cap', 'drie'], 'got "drie"'],
      [['venue-cap', '1e3'], 'got "1e3"'],
      [['venue-cap', '100001'], 'got "100001"'],
      [['session-cap', '12', '3'], 'there is no session 12; the sessions are 1, 2, 3, 4, 5, 6, 7, 8, 9'],
      [['session-cap', '1'], 'the session cap must be a whole number'],
      [['outbox', 'lost'], 'outbox needs one of pending, sent, failed'],
    ];
    for (const [args, reason] of refused) {
      err.length = 0;
      expect(await run(...args)).toBe(2);
      expect(err.join('\n')).toContain(reason);
      expect(err.join('\n')).toContain('usage: npm run --silent admin -- <command>');
    }
    expect(out).toEqual([]);
    expect(await ledger.snapshot()).toEqual(before);
  });

  it('lists the mails of a state with their failed attempts and last error', async () => {
    const { ledger, out, run } = await desk(2);
    const at = new Date('2020-10-15T08:00:00Z');
    const [first] = await ledger.lane('mail').claim('w1', 1, 60_000, at);
    await ledger.lane('mail').markFailed(first!.id, 'w1', '550 no such user', at);
    expect(await run('outbox', 'failed')).toBe(0);
    expect(out).toEqual(['1 failed mail.', `  ${first!.createdAt} confirmation to persoon1@example.be; 1 failed attempt, last: 550 no such user`]);
    out.length = 0;
    expect(await run('outbox', 'pending')).toBe(0);
    expect(out[0]).toBe('1 pending mail.');
    expect(out[1]).toContain('confirmation to persoon2@example.be');
    expect(out[1]).not.toContain('failed attempt');
  });

  it('lists the chat notices of a state next to the mails, by channel', async () => {
    const ledger = new MemorySeatLedger(event, { chatChannels: ['telegram'] });
    const at = new Date('2020-10-15T08:00:00Z');
    await ledger.register({ key: 'r1', at, registrant: person(1, [1, 5], { owner: 'telegram:4242' }), waitlistIfFull: false });
    const [notice] = await ledger.lane('chat:telegram').claim('n1', 1, 60_000, at);
    await ledger.lane('chat:telegram').markFailed(notice!.id, 'n1', '403 Forbidden: bot was blocked by the user', at);
    const out: string[] = [];
    expect(await runAdmin(['outbox', 'failed'], { event, ledger, outbox: ledger, now: at, print: (line) => out.push(line), warn: () => {} })).toBe(0);
    expect(out).toEqual(['0 failed mails.', '1 failed chat notice on telegram.', `  ${notice!.createdAt} confirmation to telegram:4242; 1 failed attempt, last: 403 Forbidden: bot was blocked by the user`]);
  });
});

if (requireRedisServer()) {
  describe('npm run admin against the Redis the bot processes share', { timeout: 60_000 }, () => {
    const server = useRedisServer();

    /** Runs the real command line, as an organiser would. */
    const admin = (args: string[], env: Record<string, string | undefined>) => runEntry('src/app/admin-cli.ts', args, env);

    it('lowers the venue cap in Redis and reports who moved to the waiting list', async () => {
      const client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
      try {
        const ledger = new RedisSeatLedger(client, netwerkdag);
        const at = ticker();
        for (let n = 1; n <= 3; n++) await ledger.register({ key: `r${n}`, at: at(), registrant: person(n), waitlistIfFull: false });
        const run = await admin(['venue-cap', '2'], { REDIS_URL: server().url });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Venue cap set to 2.\nMoved to the waiting list, latest first (1):\n  #3 Persoon Nummer 3 <persoon3@example.be>');
        expect(await ledger.availability()).toMatchObject({ venueCap: 2, venueTaken: 2, waitlistLength: 1 });
        const status = await admin(['status'], { REDIS_URL: server().url });
        expect(status.code).toBe(0);
        expect(status.stdout).toContain('venue 2 of 2 seats taken; 1 waiting.');
        expect(status.stdout).toContain('Invariants hold for all 3 registrations.');
      } finally {
        client.destroy();
      }
    });

    it('will not run without REDIS_URL, where it would change a ledger no bot uses: exit code 2, a command it cannot run', async () => {
      const run = await admin(['venue-cap', '2'], { REDIS_URL: '' });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('admin: admin needs REDIS_URL: without it every bot process keeps its own in-memory ledger, which no other process can change\n');
    });

    it('ends quietly when the reader of its output has gone (admin -- status | head -1), without a stack trace', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/admin-cli.ts', 'status'], { cwd: repoRoot, env: { ...process.env, REDIS_URL: server().url, LOG_LEVEL: 'warn' } });
      // No reader at all: every line the command writes meets a closed pipe (EPIPE).
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    });
  });
}
