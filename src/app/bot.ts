import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InboundMessage, ViewerKey } from '../adapters/channel.ts';
import type { AddressBook, Clock, ConversationStore, EventData, RegistrationRecord, SeatLedger, TurnLock } from '../core/index.ts';
import { BalieError, isWellFormedText, splitOwnRegistrations } from '../core/index.ts';
import {
  handleTurn,
  newConversation,
  parseConversationState,
  resumeAfterEffect,
  type ConversationState,
} from '../dialogs/conversation.ts';
import { formSchema, type FormSchema } from '../dialogs/form-schema.ts';
import { homeView } from '../dialogs/home.view.ts';
import { busyReply, failureReply } from '../dialogs/system-replies.ts';
import type { PersonalDataDesk } from './personal-data.ts';
import type { EffectOutcome, LedgerEffect, ProgrammeAnswerer, Reply, TurnContext, User, UserInput } from '../dialogs/types.ts';

/**
 * The turn's nonce (see TurnContext): random, or, for a message with a platform id, derived from
 * it, so that a redelivered message whose first turn died builds the same register key again.
 */
function turnNonce(message: InboundMessage): string {
  if (message.messageId === undefined) return randomUUID();
  return createHash('sha256').update(`${message.userKey}\u0000${message.messageId}`).digest('base64url').slice(0, 32);
}

/** What the Bot needs; the composition root picks memory or Redis implementations. */
export interface BotDeps {
  event: EventData;
  ledger: SeatLedger;
  conversations: ConversationStore;
  lock: TurnLock;
  clock: Clock;
  answerer: ProgrammeAnswerer;
  /** Where each inbound message's `address` is kept, so notices can reach the person later. */
  addresses?: AddressBook;
  /** Runs "mijn gegevens" (the mailed export) and "verwijder mijn gegevens" (the erasure); without it neither is mailed nor erased. */
  personalData?: PersonalDataDesk;
  /** Called with failures that are not the user's (never with personal data). */
  onError?: (error: unknown) => void;
  /** Told about every turn (for metrics). */
  observe?: (turn: TurnObservation) => void;
  tuning?: Partial<BotTuning>;
  /** The personal check-in code of a registration, shown in "mijn inschrijving" (the desk's CheckinCodes). */
  checkinCode?: (registration: RegistrationRecord) => string | null;
}

/** How one inbound message went: answered, dropped as a redelivery, refused while another turn ran, or failed. */
export interface TurnObservation {
  userKey: string;
  outcome: 'answered' | 'duplicate' | 'busy' | 'failed';
  seconds: number;
}

/** Timing knobs; the defaults suit chat latencies. */
export interface BotTuning {
  lockTtlMs: number;
  /** How long a turn waits for another turn of the same user before saying "try again". */
  lockWaitMs: number;
  /** How many recent inbound message ids a conversation remembers to drop redeliveries. */
  rememberedMessageIds: number;
  /** Turn retries after a compare-and-set conflict on the state. */
  maxStateConflicts: number;
}

const defaultTuning: BotTuning = { lockTtlMs: 5_000, lockWaitMs: 3_000, rememberedMessageIds: 20, maxStateConflicts: 3 };

export type { InboundMessage } from '../adapters/channel.ts';

/**
 * What the Bot stores per user: the dialog's state and the ids of the last inbound messages it
 * handled. Both are written in one compare-and-set, so a message counts as handled exactly when
 * its turn's state is saved: a crash before that lets the redelivery run the turn (its seat change
 * is idempotent by key), a crash after it drops the redelivery.
 */
const storedConversation = z.object({ conversation: z.unknown(), handled: z.array(z.string()) });
type StoredConversation = z.infer<typeof storedConversation>;

// A dialog may ask for at most this many seat changes in one turn (it asks for one; this guards loops).
const maxEffectsPerTurn = 3;

/**
 * Runs one turn per inbound message: per-user lock, load state (dropping a redelivered message),
 * dialog turn, the seat change executed once on the ledger (idempotent by the dialog's key),
 * resume, compare-and-set save of the state with the message id, unlock. The same for every channel and every store.
 */
export class Bot {
  private readonly tuning: BotTuning;

  constructor(private readonly deps: BotDeps) {
    this.tuning = { ...defaultTuning, ...deps.tuning };
  }

  /** Handles one inbound message to completion and returns the replies to send (none for a redelivery). */
  async handle(message: InboundMessage): Promise<Reply[]> {
    const started = performance.now();
    const observed = (outcome: TurnObservation['outcome'], replies: Reply[]) => {
      this.deps.observe?.({ userKey: message.userKey, outcome, seconds: (performance.now() - started) / 1000 });
      return replies;
    };
    const user: User = message.locale ? { key: message.userKey, locale: message.locale } : { key: message.userKey };
    const fallbackLang = newConversation(user).lang;
    // The last line of defence for every channel: an id that is not well-formed Unicode would share
    // its Redis keys with other ids (isWellFormedText), so it gets no turn and nothing is stored.
    if (!isWellFormedText(message.userKey)) {
      this.deps.onError?.(new BalieError('user_key_invalid', 'a user key with a lone surrogate was refused'));
      return observed('failed', [failureReply(fallbackLang)]);
    }
    // Sent together with the lock (node-redis pipelines both): the address costs no round trip of its own.
    const remembered = message.address !== undefined ? this.deps.addresses?.remember(message.userKey, message.address) : undefined;
    let token: string | null;
    try {
      [token] = await Promise.all([this.acquireTurn(message.userKey), remembered?.catch((error: unknown) => this.deps.onError?.(error))]);
    } catch (error) {
      // The store is unreachable (Redis down): say so like any other failure, do not throw at the channel.
      this.deps.onError?.(error);
      return observed('failed', [failureReply(fallbackLang)]);
    }
    if (!token) return observed('busy', [busyReply(fallbackLang)]);
    try {
      const turn = await this.runTurn(user, message.input, message.messageId, turnNonce(message));
      return observed(turn.duplicate ? 'duplicate' : 'answered', turn.replies);
    } catch (error) {
      this.deps.onError?.(error);
      return observed('failed', [failureReply(fallbackLang)]);
    } finally {
      await this.deps.lock.release(message.userKey, token).catch((error: unknown) => this.deps.onError?.(error));
    }
  }

  /** The one-screen form for a person (DeskViews.form): nothing is written. */
  async formView(viewer: ViewerKey, prefill: Record<string, string> = {}): Promise<FormSchema> {
    const [lang, availability] = await Promise.all([this.languageOf(viewer), this.deps.ledger.availability()]);
    return formSchema({ event: this.deps.event, availability, lang }, prefill);
  }

  /** A person's registration at a glance and the seats per session (DeskViews.home): nothing is written. */
  async homeView(viewer: ViewerKey): Promise<Reply[]> {
    const user: User = viewer.locale ? { key: viewer.userKey, locale: viewer.locale } : { key: viewer.userKey };
    const [lang, live] = await Promise.all([this.languageOf(viewer), this.live(user)]);
    return homeView({ event: this.deps.event, now: this.deps.clock.now(), availability: live.availability, myRegistration: live.myRegistration, lang });
  }

  /** The language of the person's conversation, or of their locale when they have none. */
  private async languageOf(viewer: ViewerKey): Promise<FormSchema['lang']> {
    const stored = await this.deps.conversations.read(viewer.userKey);
    const envelope = storedConversation.safeParse(stored?.state);
    const state = envelope.success ? parseConversationState(envelope.data.conversation) : null;
    return state?.lang ?? newConversation(viewer.locale ? { key: viewer.userKey, locale: viewer.locale } : { key: viewer.userKey }).lang;
  }

  private async runTurn(user: User, input: UserInput, messageId: string | undefined, nonce: string): Promise<{ replies: Reply[]; duplicate: boolean }> {
    const { conversations } = this.deps;
    for (let attempt = 0; attempt <= this.tuning.maxStateConflicts; attempt++) {
      // The state and the live data the turn may read, in one round trip.
      const [stored, context] = await Promise.all([conversations.read(user.key), this.context(user, nonce)]);
      const envelope = storedConversation.safeParse(stored?.state);
      const handled = envelope.success ? envelope.data.handled : [];
      // A platform's redelivery of a message this conversation already answered changes nothing.
      if (messageId !== undefined && handled.includes(messageId)) return { replies: [], duplicate: true };
      const state = (envelope.success && parseConversationState(envelope.data.conversation)) || newConversation(user);
      const { state: next, replies, erased } = await this.converse(state, context, input);
      // "verwijder mijn gegevens": the conversation goes too, handled ids and all.
      if (erased) {
        await conversations.delete(user.key);
        return { replies, duplicate: false };
      }
      const nextHandled = messageId === undefined ? handled : [...handled, messageId].slice(-this.tuning.rememberedMessageIds);
      const written: StoredConversation = { conversation: next, handled: nextHandled };
      if ((await conversations.write(user.key, written, stored?.version ?? null)) !== null) return { replies, duplicate: false };
      // Another process wrote this user's state meanwhile (its lock expired): run the turn again
      // on the fresh state. Seat changes are idempotent by key, so none happens twice.
    }
    throw new BalieError('state_conflict', 'conversation state kept changing during the turn');
  }

  private async converse(state: ConversationState, context: TurnContext, input: UserInput): Promise<{ state: ConversationState; replies: Reply[]; erased: boolean }> {
    let result = await handleTurn(state, input, context);
    const replies = [...result.replies];
    let erased = false;
    for (let count = 0; result.effect && count < maxEffectsPerTurn; count++) {
      erased ||= result.effect.kind === 'eraseData' && this.deps.personalData !== undefined;
      const outcome = await this.execute(result.effect, context.user);
      result = await resumeAfterEffect(result.state, outcome, {
        ...context,
        availability: outcome.availability,
        myRegistration: outcome.myRegistration,
        registeredForOthers: outcome.registeredForOthers ?? [],
        ...(outcome.waitlists ? { waitlists: outcome.waitlists } : {}),
      });
      replies.push(...result.replies);
    }
    return { state: result.state, replies, erased };
  }

  private async context(user: User, nonce: string): Promise<TurnContext> {
    const { event, clock, answerer } = this.deps;
    const checkinCode = this.deps.checkinCode;
    return { event, now: clock.now(), user, ...(await this.live(user)), answerer, nonce, ...(checkinCode ? { checkinCode } : {}) };
  }

  /**
   * The counters, and the user's own registration and the ones they made for others; the waiting
   * lists too when one of them waits (for the place numbers), so that other turns read no more.
   */
  private async live(user: User): Promise<Pick<TurnContext, 'availability' | 'myRegistration' | 'registeredForOthers' | 'waitlists'>> {
    const { ledger } = this.deps;
    const [availability, owned] = await Promise.all([ledger.availability(), ledger.findAllByOwner(user.key)]);
    const { own, forOthers } = splitOwnRegistrations(owned);
    const waits = owned.some((r) => r.status === 'waitlisted' || (r.waitingFor?.length ?? 0) > 0);
    return { availability, myRegistration: own, registeredForOthers: forOthers, ...(waits ? { waitlists: await ledger.waitlists() } : {}) };
  }

  private async execute(effect: LedgerEffect, user: User): Promise<EffectOutcome> {
    const { ledger, clock } = this.deps;
    const at = clock.now();
    const after = () => this.live(user);
    switch (effect.kind) {
      case 'register':
        return { kind: 'register', result: await ledger.register({ ...effect.command, at }), ...(await after()) };
      case 'changeSession':
        return { kind: 'changeSession', result: await ledger.changeSession({ ...effect.command, at }), ...(await after()) };
      case 'changeSeries':
        return { kind: 'changeSeries', result: await ledger.changeSeries({ ...effect.command, at }), ...(await after()) };
      case 'cancel':
        return { kind: 'cancel', result: await ledger.cancel({ ...effect.command, at }), ...(await after()) };
      case 'exportData': {
        const mailedTo = (await this.deps.personalData?.mailExport(user.key, effect.command.registrationId, effect.command.key, at)) ?? null;
        return { kind: 'exportData', mailedTo, ...(await after()) };
      }
      case 'eraseData': {
        const cancelled = (await this.deps.personalData?.erase(user.key, effect.command.registrationId, effect.command.key, at)) ?? false;
        return { kind: 'eraseData', cancelled, ...(await after()) };
      }
      case 'updateDetails':
        return { kind: 'updateDetails', result: await ledger.updateDetails({ ...effect.command, at }), ...(await after()) };
    }
  }

  private async acquireTurn(userKey: string): Promise<string | null> {
    const { lock } = this.deps;
    const deadline = Date.now() + this.tuning.lockWaitMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
      const token = await lock.tryAcquire(userKey, this.tuning.lockTtlMs);
      if (token || Date.now() >= deadline) return token;
      // Jitter: waiters that started together would otherwise all retry at the same instants, and
      // only one per round would win (30 queued turns of one user: 3.6 s without, 0.2 s with).
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}

