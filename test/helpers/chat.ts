import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bot, type BotDeps } from '../../src/app/bot.ts';
import type { Clock, EventData, Registrant, RegistrationRecord } from '../../src/core/index.ts';
import { parseEvent, zonedTime } from '../../src/core/index.ts';
import type { Choice, Fact, ProgrammeAnswerer, Reply } from '../../src/dialogs/types.ts';
import { PersonalDataDesk } from '../../src/app/personal-data.ts';
import { MemoryAddressBook } from '../../src/store/memory-channel-stores.ts';
import { MemoryConversationStore, MemoryTurnLock } from '../../src/store/memory-conversation-store.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { FakeAnswerer } from './fake-answerer.ts';

const eventPath = fileURLToPath(new URL('../../events/netwerkdag-2020.yaml', import.meta.url));

/** The shipped event file, parsed once. */
export const netwerkdag: EventData = parseEvent(readFileSync(eventPath, 'utf8'), eventPath);

/** A clock tests can move (for the deadline); starts at 2020-10-15 09:00 Brussels. */
export class TestClock implements Clock {
  at: Date = zonedTime('2020-10-15', '09:00', 'Europe/Brussels');
  now(): Date {
    return new Date(this.at.getTime());
  }
  set(date: string, time: string): void {
    this.at = zonedTime(date, time, 'Europe/Brussels');
  }
}

/** A confirmed registration as a ledger returns it (Jan Peeters, sessions 3 and 7, no book). */
export function registrationRecord(patch: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    id: 'reg-1',
    status: 'confirmed',
    seq: 1,
    registeredAt: '2020-10-15T07:00:00.000Z',
    updatedAt: '2020-10-15T07:00:00.000Z',
    firstName: 'Jan',
    lastName: 'Peeters',
    email: 'jan@example.be',
    phone: '+32470123456',
    organisation: 'Stad Leuven',
    organisationType: 'local_government',
    sessions: [3, 7],
    book: null,
    language: 'nl',
    owner: 'unit:1',
    ...patch,
  };
}

/** A Bot on in-memory parts, each replaceable; by default the shipped event and the pinned test clock. */
export function memoryBot(deps: Partial<BotDeps> & Pick<BotDeps, 'answerer'>): Bot {
  const event = deps.event ?? netwerkdag;
  return new Bot({
    event,
    ledger: new MemorySeatLedger(event),
    conversations: new MemoryConversationStore(),
    lock: new MemoryTurnLock(),
    clock: new TestClock(),
    ...deps,
  });
}

/** One person chatting with the bot, botbuilder TestAdapter style: say something, look at the answer. */
export class Chat {
  turns: Reply[][] = [];
  private seq = 0;

  constructor(
    readonly desk: Desk,
    readonly userKey: string,
    readonly locale?: string,
  ) {}

  /** Types a message. */
  async say(text: string): Promise<Reply[]> {
    return this.send({ kind: 'text', text });
  }

  /** Presses a button by its id. */
  async choose(id: string): Promise<Reply[]> {
    return this.send({ kind: 'choice', id });
  }

  /** Presses the button whose label matches. */
  async press(label: RegExp): Promise<Reply[]> {
    const choice = this.choices().find((c) => label.test(c.label));
    if (!choice) throw new Error(`no choice matching ${label}; choices: ${this.choices().map((c) => c.label).join(' | ')}`);
    return this.choose(choice.id);
  }

  private async send(input: { kind: 'text'; text: string } | { kind: 'choice'; id: string }): Promise<Reply[]> {
    const replies = await this.desk.bot.handle({
      userKey: this.userKey,
      input,
      messageId: `m${++this.seq}`,
      ...(this.locale ? { locale: this.locale } : {}),
    });
    this.turns.push(replies);
    return replies;
  }

  lastTurn(): Reply[] {
    return this.turns.at(-1) ?? [];
  }
  lastReply(): Reply {
    const reply = this.lastTurn().at(-1);
    if (!reply) throw new Error('the bot said nothing');
    return reply;
  }
  /** The text of the last reply (the pending question). */
  lastText(): string {
    return this.lastReply().text;
  }
  /** All texts of the last turn, joined. */
  turnText(): string {
    return this.lastTurn()
      .map((r) => r.text)
      .join('\n');
  }
  choices(): Choice[] {
    return this.lastReply().choices ?? [];
  }
  choiceIds(): string[] {
    return this.choices().map((c) => c.id);
  }
  facts(): Fact[] {
    return this.lastTurn().flatMap((r) => r.facts ?? []);
  }
  fact(label: RegExp): string | undefined {
    return this.facts().find((f) => label.test(f.label))?.value;
  }
}

/** The bot with its real in-memory parts, shared by every chat started from it. */
export class Desk {
  readonly clock = new TestClock();
  readonly ledger: MemorySeatLedger;
  readonly conversations = new MemoryConversationStore();
  readonly addresses = new MemoryAddressBook();
  readonly answerer: FakeAnswerer;
  readonly bot: Bot;
  readonly errors: unknown[] = [];
  private filler = 0;

  /**
   * `ledger`: a MemorySeatLedger of the event, or one that behaves differently for a test;
   * `answerer`: the real Q&A (createProgrammeAnswerer) where its answers matter, else the fake.
   */
  constructor(readonly event: EventData = netwerkdag, ledger?: MemorySeatLedger, answerer?: ProgrammeAnswerer) {
    this.ledger = ledger ?? new MemorySeatLedger(event);
    this.answerer = new FakeAnswerer(event);
    this.bot = memoryBot({
      event,
      ledger: this.ledger,
      conversations: this.conversations,
      clock: this.clock,
      answerer: answerer ?? this.answerer,
      addresses: this.addresses,
      personalData: new PersonalDataDesk({ event, ledger: this.ledger, privacy: this.ledger.privacy, outbox: this.ledger, conversations: this.conversations, addresses: this.addresses, purgeDaysAfter: 30 }),
      onError: (error) => this.errors.push(error),
    });
  }

  chat(userKey = `test:${Math.random().toString(36).slice(2)}`, locale?: string): Chat {
    return new Chat(this, userKey, locale);
  }

  /** Registers someone else directly on the ledger (another channel, another person). */
  async registerOther(sessions: number[], patch: Partial<Registrant> = {}): Promise<void> {
    const n = ++this.filler;
    const result = await this.ledger.register({
      key: `other-${n}`,
      at: this.clock.now(),
      waitlistIfFull: false,
      registrant: {
        firstName: 'Other',
        lastName: `Person${String.fromCharCode(65 + (n % 26))}`,
        email: `other${n}@example.org`,
        phone: '+32470000000',
        organisation: 'Elders',
        organisationType: 'other',
        sessions,
        book: null,
        language: 'nl',
        owner: `other:${n}`,
        ...patch,
      },
    });
    if (!result.ok) throw new Error(`registerOther failed: ${result.reason}`);
  }

  /** Makes a session full: its cap becomes the seats taken now. */
  async fillSession(sessionNumber: number): Promise<void> {
    const seats = (await this.ledger.availability()).sessions.find((s) => s.sessionNumber === sessionNumber);
    const result = await this.ledger.setSessionCap({ key: `fill-${sessionNumber}-${++this.filler}`, at: this.clock.now(), sessionNumber, cap: seats?.taken ?? 0 });
    if (!result.ok) throw new Error(`fillSession failed: ${result.reason}`);
  }
}

/** A new desk and one chat on it. */
export async function startChat(opts: { locale?: string; userKey?: string } = {}): Promise<Chat> {
  return new Desk().chat(opts.userKey, opts.locale);
}

/** Answers the personal questions of an open form, up to and including the organisation type. */
export async function answerDetails(chat: Chat, opts: { email?: string; lang?: 'nl' | 'en' } = {}): Promise<void> {
  await chat.say('Jan');
  await chat.say('Peeters');
  await chat.say(opts.email ?? 'jan.peeters@example.be');
  await chat.say('0470 12 34 56');
  await chat.say('Gemeente Bertem');
  await chat.say(opts.lang === 'en' ? 'Local government' : 'Lokaal bestuur');
}

/** Answers the whole form in Dutch up to the summary (sessions 1 and 5, no book unless asked). */
export async function fillForm(chat: Chat, opts: { email?: string; book?: boolean; sessions?: [string, string] } = {}): Promise<void> {
  await chat.say('Ik wil me inschrijven');
  await answerDetails(chat, { email: opts.email });
  await chat.say(opts.sessions?.[0] ?? 'sessie 1');
  await chat.say(opts.sessions?.[1] ?? 'sessie 5');
  await chat.say(opts.book ? 'ja' : 'nee');
  if (opts.book) {
    await chat.say('Provincieplein 1');
    await chat.say('3010');
    await chat.say('Leuven');
    await chat.say('België');
  }
}
