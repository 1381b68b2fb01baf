import { describe, expect, it } from 'vitest';
import { MemorySeatLedger } from '../../../src/store/memory-seat-ledger.ts';
import { memoryBot } from '../../helpers/chat.ts';
import { person } from '../../store/seat-ledger.fixtures.ts';
import { answerer, event, textOf } from './qa-fixture.ts';

/** A live ledger: session 4 full with 11, then `waiting` people holding session 2 and waiting for 4. */
async function ledgerWithWaiting(waiting: number) {
  const ledger = new MemorySeatLedger(event);
  const at = new Date('2020-10-15T07:00:00Z');
  for (let n = 1; n <= 11; n++) await ledger.register({ key: `h${n}`, at, registrant: person(n, [4, 5]), waitlistIfFull: false });
  const waiters = [];
  for (let n = 12; n < 12 + waiting; n++) {
    const result = await ledger.register({ key: `w${n}`, at, registrant: person(n, [2, 9], { waitingFor: [4] }), waitlistIfFull: false });
    if (result.ok) waiters.push(result.registration);
  }
  return { ledger, waiters };
}

describe('Q&A about the waiting lists, from the live ledger', () => {
  it('answers "hoeveel mensen staan er op de wachtlijst voor sessie 4?" with the live count, in Dutch and English', async () => {
    const { ledger } = await ledgerWithWaiting(2);
    const qa = await answerer();
    const now = new Date('2020-10-15T07:00:00Z');
    const nl = await qa.answer('Hoeveel mensen staan er op de wachtlijst voor sessie 4?', { lang: 'nl', availability: await ledger.availability(), now });
    expect(textOf(nl)).toMatch(/Op de wachtlijst voor sessie 4 staan nu 2 mensen \(sessie 4 is volzet: 11 plaatsen\)/);
    const en = await qa.answer('How many people are on the waiting list for session 4?', { lang: 'nl', availability: await ledger.availability(), now });
    expect(en?.lang).toBe('en');
    expect(textOf(en)).toMatch(/2 people are on the waiting list for session 4/);
    const free = await qa.answer('hoeveel mensen staan er op de wachtlijst voor sessie 3?', { lang: 'nl', availability: await ledger.availability(), now });
    expect(textOf(free)).toMatch(/sessie 3 staat nu niemand: er zijn nog 15 van de 15 plaatsen vrij/);
    const all = await qa.answer('hoeveel mensen staan er op de wachtlijst?', { lang: 'nl', availability: await ledger.availability(), now });
    expect(textOf(all)).toMatch(/voor de dag staan 0 mensen; voor sessies: sessie 4: 2/);
  });

  it('answers "sta ik nog op de wachtlijst?" with the asker\'s own places, or says they wait for nothing', async () => {
    const { ledger, waiters } = await ledgerWithWaiting(2);
    const qa = await answerer();
    const now = new Date('2020-10-15T07:00:00Z');
    const context = async (myRegistration: Awaited<ReturnType<typeof ledger.get>>) => ({ lang: 'nl' as const, availability: await ledger.availability(), now, myRegistration, waitlists: await ledger.waitlists() });
    expect(textOf(await qa.answer('Sta ik nog op de wachtlijst?', await context(waiters[1]!)))).toMatch(/Ja: je staat op de wachtlijst voor sessie 4 \(plaats 2\)/);
    expect(textOf(await qa.answer('sta ik nog op de wachtlijst', await context(await ledger.findByEmail(person(1).email))))).toMatch(/Nee, je staat op geen enkele wachtlijst/);
    expect(textOf(await qa.answer('Sta ik nog op de wachtlijst?', await context(null)))).toMatch(/geen inschrijving van jou/);
  });

  it('answers it in a chat through the Bot, reading the ledger the turn read', async () => {
    const { ledger, waiters } = await ledgerWithWaiting(2);
    const bot = memoryBot({ ledger, answerer: await answerer() });
    const owner = waiters[0]!.owner;
    const replies = await bot.handle({ userKey: owner, input: { kind: 'text', text: 'sta ik nog op de wachtlijst?' }, messageId: 'm1' });
    expect(replies.map((r) => r.text).join('\n')).toMatch(/je staat op de wachtlijst voor sessie 4 \(plaats 1\)/);
    await ledger.cancel({ key: 'c1', at: new Date('2020-10-15T08:00:00Z'), registrationId: (await ledger.findByEmail(person(1).email))!.id });
    const after = await bot.handle({ userKey: owner, input: { kind: 'text', text: 'sta ik nog op de wachtlijst?' }, messageId: 'm2' });
    expect(after.map((r) => r.text).join('\n')).toMatch(/Nee, je staat op geen enkele wachtlijst/);
  });
});
