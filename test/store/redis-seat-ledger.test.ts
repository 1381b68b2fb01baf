import fc from 'fast-check';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvariantViolations, type DeliveryQueue, type DeliveryState, type EventData, type Outbox, type SeatLedger } from '../../src/core/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { eventWith, person, ticker } from './seat-ledger.fixtures.ts';

type Client = ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;

// A command as data, so that one random sequence runs against both ledgers.
type Op =
  | { op: 'register'; person: number; sessions: [number, number]; skip: number | null; waits: number[]; waitlist: boolean; key: number }
  | { op: 'change'; target: number; session: number; key: number }
  | { op: 'series'; target: number; series: number; hold: number | null; wait: number | null; key: number }
  | { op: 'cancel'; target: number; key: number }
  | { op: 'details'; target: number; email: number | null; book: number | null; key: number }
  | { op: 'venueCap'; cap: number; key: number }
  | { op: 'sessionCap'; session: number; cap: number; key: number };

const key = fc.integer({ min: 0, max: 40 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('register' as const),
      person: fc.integer({ min: 0, max: 25 }),
      sessions: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 4, max: 9 })),
      // Skip a series now and then, and wait for sessions (with the other held as a fallback, or not).
      skip: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 4 }),
      waits: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, { weight: 2, arbitrary: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 2 }) }),
      waitlist: fc.boolean(),
      key,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('change' as const), target: fc.integer({ min: 0, max: 30 }), session: fc.integer({ min: 0, max: 10 }), key }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('series' as const),
      target: fc.integer({ min: 0, max: 30 }),
      series: fc.integer({ min: 0, max: 2 }),
      hold: fc.option(fc.integer({ min: 1, max: 9 })),
      wait: fc.option(fc.integer({ min: 1, max: 9 })),
      key,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), target: fc.integer({ min: 0, max: 30 }), key }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('details' as const), target: fc.integer({ min: 0, max: 30 }), email: fc.option(fc.integer({ min: 0, max: 30 })), book: fc.option(fc.integer({ min: 0, max: 2 })), key }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('venueCap' as const), cap: fc.integer({ min: -1, max: 12 }), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sessionCap' as const), session: fc.integer({ min: 0, max: 10 }), cap: fc.integer({ min: -1, max: 5 }), key }) },
);

// Addresses of other people (some taken, some free, one in capitals), the book at one of two addresses or none, one invalid.
function detailsOf(op: Extract<Op, { op: 'details' }>): Parameters<SeatLedger['updateDetails']>[0]['details'] {
  const email = op.email === null ? {} : { email: op.email === 30 ? 'geen adres' : op.email % 7 === 0 ? person(op.email).email.toUpperCase() : person(op.email).email };
  const addresses = [null, { street: 'Kerkstraat 1', postalCode: '3000', city: 'Leuven', country: 'BE' }, { street: 'Dorpsstraat 5', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' }];
  const address = op.book === null ? undefined : addresses[op.book];
  return { ...email, ...(address === undefined ? {} : { book: address ? { shippingAddress: address } : null }) };
}

async function apply(ledger: SeatLedger, op: Op, at: Date, target: (n: number) => string): Promise<unknown> {
  switch (op.op) {
    case 'register': {
      const sessions = op.sessions.filter((_, i) => i !== op.skip);
      return ledger.register({ key: `k${op.key}`, at, registrant: person(op.person, sessions, op.waits.length > 0 ? { waitingFor: op.waits } : {}), waitlistIfFull: op.waitlist });
    }
    case 'change':
      return ledger.changeSession({ key: `k${op.key}`, at, registrationId: target(op.target), sessionNumber: op.session });
    case 'series':
      return ledger.changeSeries({ key: `k${op.key}`, at, registrationId: target(op.target), seriesId: op.series, hold: op.hold, wait: op.wait });
    case 'cancel':
      return ledger.cancel({ key: `k${op.key}`, at, registrationId: target(op.target) });
    case 'details':
      return ledger.updateDetails({ key: `k${op.key}`, at, registrationId: target(op.target), details: detailsOf(op) });
    case 'venueCap':
      return ledger.setVenueCap({ key: `k${op.key}`, at, cap: op.cap });
    case 'sessionCap':
      return ledger.setSessionCap({ key: `k${op.key}`, at, sessionNumber: op.session, cap: op.cap });
  }
}

/** Scripts redis-server has run (EVAL and EVALSHA, not counting EVALSHA refused with NOSCRIPT). */
async function scriptRuns(client: Client): Promise<number> {
  const stats = String(await client.sendCommand(['INFO', 'commandstats']));
  const field = (command: string, name: string) => Number(new RegExp(`cmdstat_${command}:.*?${name}=(\\d+)`).exec(stats)?.[1] ?? 0);
  return field('evalsha', 'calls') - field('evalsha', 'failed_calls') + field('eval', 'calls');
}

function counterIds(tag: string): () => string {
  let n = 0;
  return () => `${tag}-${++n}-x`;
}

// The Redis ledger draws an id for every register call, the memory one only for a new
// registration; ids are compared through the seq of the registration they name.
class IdNames {
  readonly seqById = new Map<string, number>();
  readonly idBySeq = new Map<number, string>();

  learn(value: unknown): void {
    if (Array.isArray(value)) value.forEach((v) => this.learn(v));
    else if (value && typeof value === 'object') {
      const record = value as { id?: unknown; seq?: unknown };
      if (typeof record.id === 'string' && typeof record.seq === 'number') {
        this.seqById.set(record.id, record.seq);
        this.idBySeq.set(record.seq, record.id);
      }
      Object.values(value).forEach((v) => this.learn(v));
    }
  }

  normalise(value: unknown): unknown {
    this.learn(value);
    const json = JSON.stringify(value) ?? 'null';
    return JSON.parse(json.replace(/\b[mr]-\d+-x\b/g, (id) => `R${this.seqById.get(id) ?? '?'}`));
  }
}

if (requireRedisServer()) {
  describe('RedisSeatLedger against MemorySeatLedger (same commands, same answers)', () => {
    const server = useRedisServer();
    let client: Client;
    let run = 0;
    const small: EventData = eventWith({ id: 'diff', venue: 8, sessions: { 1: 3, 2: 2, 3: 2, 4: 1, 5: 3, 6: 2, 7: 1, 8: 2, 9: 1 } });

    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());

    it('gives equal results, snapshots and outboxes for random command sequences', async () => {
      // Keys repeat across commands on purpose: retries, and keys that come with another command.
      let conflicts = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
          const memory = new MemorySeatLedger(small, { newId: counterIds('m') });
          const redis = new RedisSeatLedger(client, small, { keyPrefix: `diff${++run}:`, newId: counterIds('r') });
          const names = { memory: new IdNames(), redis: new IdNames() };
          const seqs: number[] = [];
          const target = (side: IdNames) => (n: number) => side.idBySeq.get(seqs[n % Math.max(seqs.length, 1)] ?? 0) ?? 'missing';
          const at = ticker();
          for (const op of ops) {
            const now = at();
            const expected = names.memory.normalise(await apply(memory, op, now, target(names.memory)));
            const actual = names.redis.normalise(await apply(redis, op, now, target(names.redis)));
            expect(actual).toEqual(expected);
            if ((expected as { reason?: string }).reason === 'idempotency_conflict') conflicts += 1;
            const registered = expected as { ok: boolean; registration?: { seq: number } };
            if (op.op === 'register' && registered.ok && registered.registration) seqs.push(registered.registration.seq);
          }
          const snapshot = await redis.snapshot();
          expect(names.redis.normalise(snapshot)).toEqual(names.memory.normalise(await memory.snapshot()));
          expect(findInvariantViolations(small, snapshot)).toEqual([]);
          expect(names.redis.normalise(await redis.waitlists())).toEqual(names.memory.normalise(await memory.waitlists()));
          for (const state of ['pending', 'sent', 'failed'] as const) {
            expect(names.redis.normalise(await redis.list(state))).toEqual(names.memory.normalise(await memory.list(state)));
          }
          for (const seq of seqs.slice(0, 3)) {
            const [m, r] = [names.memory.idBySeq.get(seq) ?? '', names.redis.idBySeq.get(seq) ?? ''];
            expect(names.redis.normalise(await redis.get(r))).toEqual(names.memory.normalise(await memory.get(m)));
          }
          expect(names.redis.normalise(await redis.findByOwner('test:user-1'))).toEqual(names.memory.normalise(await memory.findByOwner('test:user-1')));
          expect(names.redis.normalise(await redis.findByEmail('PERSOON2@example.be'))).toEqual(
            names.memory.normalise(await memory.findByEmail('persoon2@example.be')),
          );
        }),
        { numRuns: 60 },
      );
      expect(conflicts).toBeGreaterThan(0);
    });

    it('decides registers sent together in one script run exactly as one by one, in the order they were made', async () => {
      // Registers made in the same turn go to Redis as one register.lua run (group commit); the
      // memory ledger takes the same ones one at a time. Keys and e-mails repeat on purpose, so
      // that a batch meets its own retries, taken e-mails and full sessions.
      const register = fc.record({
        person: fc.integer({ min: 0, max: 12 }),
        sessions: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 4, max: 9 })),
        waits: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 2 }) }),
        waitlist: fc.boolean(),
        key: fc.integer({ min: 0, max: 15 }),
      });
      let conflicts = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(register, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }), async (groups) => {
          const memory = new MemorySeatLedger(small, { newId: counterIds('m') });
          const redis = new RedisSeatLedger(client, small, { keyPrefix: `batch${++run}:`, newId: counterIds('r') });
          await redis.availability();
          const names = { memory: new IdNames(), redis: new IdNames() };
          const at = ticker();
          const runsBefore = await scriptRuns(client);
          for (const group of groups) {
            const now = at();
            const command = (r: (typeof group)[number]) => ({
              key: `k${r.key}`,
              at: now,
              registrant: person(r.person, r.sessions, r.waits.length > 0 ? { waitingFor: r.waits } : {}),
              waitlistIfFull: r.waitlist,
            });
            const expected: unknown[] = [];
            for (const r of group) expected.push(names.memory.normalise(await memory.register(command(r))));
            const actual = await Promise.all(group.map((r) => redis.register(command(r))));
            expect(actual.map((result) => names.redis.normalise(result))).toEqual(expected);
            conflicts += actual.filter((result) => !result.ok && result.reason === 'idempotency_conflict').length;
          }
          expect(await scriptRuns(client)).toBe(runsBefore + groups.length);
          const snapshot = await redis.snapshot();
          expect(names.redis.normalise(snapshot)).toEqual(names.memory.normalise(await memory.snapshot()));
          expect(findInvariantViolations(small, snapshot)).toEqual([]);
          expect(names.redis.normalise(await redis.list('pending'))).toEqual(names.memory.normalise(await memory.list('pending')));
          for (const n of [0, 1, 2]) {
            expect(names.redis.normalise(await redis.findByOwner(`test:user-${n}`))).toEqual(names.memory.normalise(await memory.findByOwner(`test:user-${n}`)));
          }
        }),
        { numRuns: 40 },
      );
      expect(conflicts).toBeGreaterThan(0);
    });

    it('refuses a key met again in the same script run with another command, and answers its retry there too', async () => {
      const redis = new RedisSeatLedger(client, small, { keyPrefix: `samebatch${++run}:`, newId: counterIds('r') });
      await redis.availability();
      const at = new Date('2020-10-15T07:00:00Z');
      const runsBefore = await scriptRuns(client);
      const [first, other, again, third, thirdWaiting, refused, otherRefused, refusedAgain] = await Promise.all([
        redis.register({ key: 'k', at, registrant: person(1), waitlistIfFull: false }),
        redis.register({ key: 'k', at, registrant: person(2), waitlistIfFull: false }),
        redis.register({ key: 'k', at, registrant: person(1), waitlistIfFull: false }),
        redis.register({ key: 'w', at, registrant: person(3, [4, 7]), waitlistIfFull: false }),
        redis.register({ key: 'w', at, registrant: person(3, [4, 7]), waitlistIfFull: true }),
        redis.register({ key: 'full', at, registrant: person(4, [4, 7]), waitlistIfFull: false }),
        redis.register({ key: 'full', at, registrant: person(5, [4, 7]), waitlistIfFull: false }),
        redis.register({ key: 'full', at, registrant: person(4, [4, 7]), waitlistIfFull: false }),
      ]);
      expect(await scriptRuns(client)).toBe(runsBefore + 1);
      expect(first).toMatchObject({ ok: true, registration: { email: person(1).email } });
      expect(other).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(again).toEqual(first);
      expect(third).toMatchObject({ ok: true, registration: { status: 'confirmed' } });
      expect(thirdWaiting).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(refused).toEqual({ ok: false, reason: 'session_full', sessionNumbers: [4, 7] });
      expect(otherRefused).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(refusedAgain).toEqual(refused);
      expect((await redis.snapshot()).registrations.map((r) => r.email)).toEqual([person(1).email, person(3).email]);
      // And in later runs, from the stored records.
      expect(await redis.register({ key: 'k', at, registrant: person(2), waitlistIfFull: false })).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(await redis.register({ key: 'full', at, registrant: person(4, [4, 7]), waitlistIfFull: false })).toEqual(refused);
      expect(await redis.register({ key: 'k', at, registrant: person(1), waitlistIfFull: false })).toEqual(first);
    });

    it.each(['mail', 'chat:test'] as const)('runs the %s lane like the memory outbox: lease, retry, failure, sent', async (lane) => {
      // Every registration here succeeds, so both ledgers draw the same ids.
      const memory = new MemorySeatLedger(small, { newId: counterIds('o'), chatChannels: ['test'] });
      const redis = new RedisSeatLedger(client, small, { keyPrefix: `outbox${++run}:`, newId: counterIds('o'), chatChannels: ['test'] });
      const both = [memory, redis] as const;
      const at = ticker();
      for (let n = 0; n < 5; n++) {
        const now = at();
        for (const ledger of both) await ledger.register({ key: `r${n}`, at: now, registrant: person(n), waitlistIfFull: true });
      }
      const t0 = new Date('2020-10-16T00:00:00Z');
      const step = async (f: (o: DeliveryQueue & { list: Outbox['list'] }) => Promise<unknown>) => {
        const view = (ledger: Outbox) => ({ ...ledger.lane(lane), list: (state: DeliveryState) => ledger.list(state, lane) });
        const [m, r] = [await f(view(memory)), await f(view(redis))];
        expect(r).toEqual(m);
        return m;
      };
      const first = (await step((o) => o.claim('w1', 2, 1000, t0))) as Array<{ id: string }>;
      expect(first).toHaveLength(2);
      const unclaimed = ((await step((o) => o.list('pending'))) as Array<{ id: string }>).at(-1)!;
      await step((o) => o.markSent(unclaimed.id, 'w0', t0));
      await step((o) => o.claim('w2', 10, 1000, t0));
      await step((o) => o.markRetry(first[0]!.id, 'w2', new Date(t0.getTime() + 500), 'not the holder'));
      await step((o) => o.markRetry(first[0]!.id, 'w1', new Date(t0.getTime() + 5000), 'smtp 451'));
      await step((o) => o.markFailed(first[1]!.id, 'w1', 'smtp 550', t0));
      await step((o) => o.claim('w3', 10, 1000, new Date(t0.getTime() + 1500)));
      await step((o) => o.claim('w4', 10, 1000, new Date(t0.getTime() + 6000)));
      await step((o) => o.markSent(first[1]!.id, 'w9', t0));
      for (const state of ['pending', 'sent', 'failed'] as const) await step((o) => o.list(state));
      expect(await redis.counts()).toEqual(await memory.counts());
    });

    it('keeps the first register result and its confirmation whole after the registration is cancelled', async () => {
      // register.lua stores both in a small form that reads the registrant from the registration.
      // The one with a wait (register.lua's '+' path) makes its small forms itself.
      const three = { ...small, venueCap: 3 };
      const memory = new MemorySeatLedger(three, { newId: counterIds('c') });
      const redis = new RedisSeatLedger(client, three, { keyPrefix: `detach${++run}:`, newId: counterIds('c') });
      const at = ticker();
      const [t1, t2, t3] = [at(), at(), at()];
      const results = [];
      const waitingOne = person(3, [1], { waitingFor: [4] });
      for (const ledger of [memory, redis]) {
        const first = await ledger.register({ key: 'r0', at: t1, registrant: person(0), waitlistIfFull: false });
        await ledger.register({ key: 'r1', at: t1, registrant: person(1, [4, 7]), waitlistIfFull: true });
        const withWait = await ledger.register({ key: 'r3', at: t1, registrant: waitingOne, waitlistIfFull: false });
        const waiting = await ledger.register({ key: 'r2', at: t1, registrant: person(2, [4, 7]), waitlistIfFull: true });
        if (!first.ok || !waiting.ok || waiting.registration.status !== 'waitlisted' || !withWait.ok) throw new Error('setup failed');
        const claimed = await ledger.lane('mail').claim('w1', 1, 1000, t2);
        await ledger.cancel({ key: 'c0', at: t2, registrationId: first.registration.id });
        await ledger.cancel({ key: 'c1', at: t3, registrationId: waiting.registration.id });
        await ledger.cancel({ key: 'c3', at: t3, registrationId: withWait.registration.id });
        const retried = await ledger.register({ key: 'r0', at: t3, registrant: person(0), waitlistIfFull: false });
        const retriedWait = await ledger.register({ key: 'r3', at: t3, registrant: waitingOne, waitlistIfFull: false });
        results.push({ first, retried, withWait, retriedWait, claimed, pending: await ledger.list('pending'), later: await ledger.lane('mail').claim('w2', 10, 1000, t3) });
      }
      const [m, r] = results;
      expect(r!.retried).toEqual(m!.first);
      expect(r!.retriedWait).toEqual(m!.withWait);
      expect(r!.withWait).toMatchObject({ registration: { sessions: [1], waitingFor: [4] } });
      expect(r).toEqual(m);
      expect(r!.later.map((e) => [e.kind, e.registration.email])).toContainEqual(['waitlisted', person(2).email]);
    });

    it('refuses a key whose idempotency record an older Balie wrote (no digest): it cannot tell whose command it was', async () => {
      const keyPrefix = `legacy${++run}:`;
      const ledger = new RedisSeatLedger(client, small, { keyPrefix });
      const at = ticker();
      const first = await ledger.register({ key: 'r1', at: at(), registrant: person(1), waitlistIfFull: false });
      if (!first.ok) throw new Error('setup failed');
      const idem = (name: string, key: string) => `${keyPrefix}balie:{${small.id}}:idem:${name}:${key}`;
      await client.set(idem('register', 'old'), `F|confirmed||1,5|${first.registration.registeredAt}|${first.registration.id}`);
      await client.set(idem('cancel', 'old'), '{"ok":false,"reason":"not_found"}');
      const before = await ledger.snapshot();
      expect(await ledger.register({ key: 'old', at: at(), registrant: person(2), waitlistIfFull: false })).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(await ledger.cancel({ key: 'old', at: at(), registrationId: first.registration.id })).toEqual({ ok: false, reason: 'idempotency_conflict' });
      expect(await ledger.snapshot()).toEqual(before);
    });

    it('finds the latest and all registrations of an owner whose first one is in the owners hash and later ones are not', async () => {
      const memory = new MemorySeatLedger(small, { newId: counterIds('w') });
      const redis = new RedisSeatLedger(client, small, { keyPrefix: `owners${++run}:`, newId: counterIds('w') });
      const at = ticker();
      const found: unknown[][] = [[], []];
      for (const [side, ledger] of [memory, redis].entries()) {
        const as = (n: number) => ({ key: `o${n}`, at: at(), registrant: person(n, [1, 5], { owner: 'test:same' }), waitlistIfFull: true });
        const ids = [];
        for (const n of [1, 2, 3]) ids.push(((await ledger.register(as(n))) as { registration: { id: string } }).registration.id);
        const latest = async () => {
          found[side]!.push((await ledger.findByOwner('test:same'))?.email ?? null);
          found[side]!.push((await ledger.findAllByOwner('test:same')).map((r) => r.email).join(' '));
        };
        await ledger.cancel({ key: 'c1', at: at(), registrationId: ids[0]! });
        await latest();
        const fourth = (await ledger.register(as(4))) as { registration: { id: string } };
        await latest();
        await ledger.cancel({ key: 'c4', at: at(), registrationId: fourth.registration.id });
        await latest();
        await ledger.cancel({ key: 'c3', at: at(), registrationId: ids[2]! });
        await latest();
      }
      expect(found[1]).toEqual(found[0]);
      expect(found[0]).toEqual([
        'persoon3@example.be',
        'persoon2@example.be persoon3@example.be',
        'persoon4@example.be',
        'persoon2@example.be persoon3@example.be persoon4@example.be',
        'persoon3@example.be',
        'persoon2@example.be persoon3@example.be',
        'persoon2@example.be',
        'persoon2@example.be',
      ]);
    });

    it('bounds how long a call may take (commandTimeoutMs), the per-command timeout of node-redis being off', async () => {
      const ledger = new RedisSeatLedger(client, small, { keyPrefix: `deadline${++run}:`, commandTimeoutMs: 100 });
      expect((await ledger.availability()).venueCap).toBe(8);
      await client.sendCommand(['CLIENT', 'PAUSE', '1000', 'ALL']);
      const started = performance.now();
      const late = await ledger.availability().then(
        () => 'answered',
        (error: unknown) => (error as { code?: string }).code,
      );
      expect(late).toBe('store_unavailable');
      expect(performance.now() - started).toBeLessThan(900);
      await client.sendCommand(['CLIENT', 'UNPAUSE']);
    });

    it('leases each outbox entry to one worker at a time across connections', async () => {
      const keyPrefix = `lease${++run}:`;
      const writer = new RedisSeatLedger(client, small, { keyPrefix });
      const at = ticker();
      for (let n = 0; n < 30; n++) await writer.register({ key: `r${n}`, at: at(), registrant: person(n, [1, 5]), waitlistIfFull: true });
      const others = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const other = createClient({ url: server().url, scripts: ledgerScripts });
          await other.connect();
          return other;
        }),
      );
      try {
        const now = new Date('2020-10-16T00:00:00Z');
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, w) => new RedisSeatLedger(others[w % others.length]!, small, { keyPrefix }).lane('mail').claim(`w${w}`, 4, 60_000, now)),
        );
        const claimed = claims.flat().map((e) => e.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed.sort()).toEqual((await writer.list('pending')).map((e) => e.id).sort());
      } finally {
        for (const other of others) other.destroy();
      }
    });
  });
}
