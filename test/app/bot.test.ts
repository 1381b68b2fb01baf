import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/app/bot.ts';
import type { ConversationStore, TurnLock, VersionedState } from '../../src/core/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../../src/store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { netwerkdag } from '../helpers/chat.ts';

const now = new Date('2020-10-15T07:00:00Z');
const form = ['Ik wil me inschrijven', 'An', 'Peeters', 'an.peeters@example.org', '0470 12 34 56', 'Stad Leuven', '1', '1', '5', 'nee'];

/** A conversation store whose writes can be made to fail, as when a process dies before saving. */
class FlakyConversationStore implements ConversationStore {
  readonly inner = new MemoryConversationStore();
  failNextWrite = false;
  /** Runs between a turn's read and its write: another process writing the same user meanwhile. */
  beforeNextWrite: (() => Promise<void>) | null = null;

  read(userKey: string): Promise<VersionedState | null> {
    return this.inner.read(userKey);
  }
  async write(userKey: string, state: unknown, expectedVersion: number | null): Promise<number | null> {
    const interloper = this.beforeNextWrite;
    this.beforeNextWrite = null;
    if (interloper) await interloper();
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('connection lost');
    }
    return this.inner.write(userKey, state, expectedVersion);
  }
  delete(userKey: string): Promise<void> {
    return this.inner.delete(userKey);
  }
}

function setup(options: { lock?: TurnLock } = {}) {
  const ledger = new MemorySeatLedger(netwerkdag);
  const conversations = new FlakyConversationStore();
  const errors: unknown[] = [];
  const bot = new Bot({
    event: netwerkdag,
    ledger,
    conversations,
    lock: options.lock ?? new MemoryTurnLock(),
    clock: fixedClock(now),
    answerer: { answer: async () => null },
    onError: (error) => errors.push(error),
    tuning: { lockWaitMs: 50 },
  });
  let n = 0;
  const say = (text: string, messageId = `m${++n}`) => bot.handle({ userKey: 'slack:U1', input: { kind: 'text', text }, messageId });
  return { bot, ledger, conversations, errors, say };
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe('Bot', () => {
  it('drops a redelivered message: same id, no reply, no change', async () => {
    const { say, conversations } = setup();
    await say('Ik wil me inschrijven', 'a');
    const before = await conversations.read('slack:U1');
    expect(await say('Ik wil me inschrijven', 'a')).toEqual([]);
    expect(await conversations.read('slack:U1')).toEqual(before);
    expect(texts(await say('An', 'b'))).toMatch(/achternaam/i);
  });

  it('handles the redelivery of a message whose turn died before its state was saved, registering once', async () => {
    const { say, conversations, ledger, errors } = setup();
    for (const text of form) await say(text);
    conversations.failNextWrite = true;
    expect(texts(await say('ja', 'confirm'))).toMatch(/er ging iets mis/i);
    expect(errors).toHaveLength(1);
    // The seat change already happened; the redelivered message re-runs the turn with the same key.
    expect(texts(await say('ja', 'confirm'))).toMatch(/ingeschreven/i);
    const snapshot = await ledger.snapshot();
    expect(snapshot.registrations).toHaveLength(1);
    expect(await ledger.list('pending')).toHaveLength(1);
    expect(await say('ja', 'confirm')).toEqual([]);
  });

  it('registers a one-screen form once when it is redelivered after its turn died, and says so truthfully', async () => {
    const { bot, conversations, ledger } = setup();
    const values = { firstName: 'An', lastName: 'Peeters', email: 'an@example.org', phone: '0470 12 34 56', organisation: 'Stad Leuven', organisationType: 'local_government', 'session:1': '1', 'session:2': '5', book: 'no' };
    const send = () => bot.handle({ userKey: 'slack:U1', input: { kind: 'form', values }, messageId: 'view-1' });
    conversations.failNextWrite = true;
    expect(texts(await send())).toMatch(/er ging iets mis/i);
    expect(texts(await send())).toMatch(/Je bent al ingeschreven als An Peeters/);
    expect((await ledger.snapshot()).registrations).toHaveLength(1);
    expect(await ledger.list('pending')).toHaveLength(1);
  });

  it('runs the turn again on the fresh state when another process saved the user meanwhile', async () => {
    const { say, conversations } = setup();
    await say('Ik wil me inschrijven');
    await say('An');
    conversations.beforeNextWrite = async () => {
      // Another process handled "Peeters" for this user in the meantime.
      const stored = await conversations.inner.read('slack:U1');
      const other = new Bot({
        event: netwerkdag,
        ledger: new MemorySeatLedger(netwerkdag),
        conversations: conversations.inner,
        lock: new MemoryTurnLock(),
        clock: fixedClock(now),
        answerer: { answer: async () => null },
      });
      await other.handle({ userKey: 'slack:U1', input: { kind: 'text', text: 'Peeters' }, messageId: 'elsewhere' });
      expect((await conversations.inner.read('slack:U1'))?.version).toBe((stored?.version ?? 0) + 1);
    };
    // This turn read the state before "Peeters" was saved; its write conflicts and it runs again.
    expect(texts(await say('an.peeters@example.org'))).toMatch(/telefoon/i);
  });

  it('says "busy" while another turn of the same user holds the lock, and handles that message when redelivered', async () => {
    const lock = new MemoryTurnLock();
    const { say } = setup({ lock });
    const token = await lock.tryAcquire('slack:U1', 60_000);
    expect(texts(await say('Ik wil me inschrijven', 'x'))).toMatch(/nog aan het verwerken/i);
    await lock.release('slack:U1', token!);
    expect(texts(await say('Ik wil me inschrijven', 'x'))).toMatch(/voornaam/i);
  });

  it('answers a failure instead of throwing when the lock store is unreachable', async () => {
    const broken: TurnLock = {
      tryAcquire: async () => {
        throw new Error('ECONNREFUSED');
      },
      release: async () => {},
    };
    const { say, errors } = setup({ lock: broken });
    expect(texts(await say('hallo'))).toMatch(/er ging iets mis/i);
    expect(errors).toHaveLength(1);
  });
});
