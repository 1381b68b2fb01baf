import type { Router } from 'express';
import type { FormSchema } from '../dialogs/form-schema.ts';
import type { Environment, ExpiringValues } from '../core/index.ts';
import type { Reply, UserInput } from '../dialogs/types.ts';

// The shape every channel shares, and what it gets from the app. A channel folder
// (src/adapters/<channel>/) implements a ChannelDefinition; src/app/channels.ts lists them.

/** One inbound message from any channel, as the app's turn runner (Bot.handle) takes it. */
export interface InboundMessage {
  /** `<channel>:<platform user id>`: whose conversation and registrations these are. */
  userKey: string;
  input: UserInput;
  /** The platform's id of this message or press: a redelivery of it is not handled twice. */
  messageId?: string;
  /** The user's locale as the platform gives it ('nl', 'en-GB'): the language of a new conversation. */
  locale?: string;
  /** How to reach this person unprompted on this channel (a Telegram chat id); kept in the address book with the turn. */
  address?: string;
}

/** What a channel needs from the app: handle one message to completion and get the replies (none for a redelivery). */
export interface MessageHandler {
  handle(message: InboundMessage): Promise<Reply[]>;
}

/** Who a read-only view is for: the user key, and the platform's locale for a person without a conversation yet. */
export interface ViewerKey {
  userKey: string;
  locale?: string;
}

/**
 * What a channel can show outside a turn, read without changing anything: the one-screen form (a
 * Slack modal, an Adaptive Card) and a home screen (Slack's App Home). In the language of the
 * person's conversation, or of their locale when they have none yet.
 */
export interface DeskViews {
  /** The registration form as one screen (formSchema), with the live seats and `prefill` by field id. */
  form(viewer: ViewerKey, prefill?: Record<string, string>): Promise<FormSchema>;
  /** The person's registration at a glance and the seats per session (homeView). */
  home(viewer: ViewerKey): Promise<Reply[]>;
}

/**
 * How sending unprompted went. `permanent`: the platform said no for good (the person blocked the
 * bot: Telegram 403; the chat does not exist); never retried. `temporary`: the platform asked to
 * wait (429, with `retryAfterMs`), failed (5xx) or could not be reached (`code: 'network'`); retried.
 */
export type NotifyOutcome =
  | { ok: true }
  | { ok: false; reason: 'permanent'; error: string; code: string }
  | { ok: false; reason: 'temporary'; error: string; code: string; retryAfterMs?: number };

/** Sends replies to a person unprompted, at an address the channel stored in the address book. */
export interface ChannelNotifier {
  notify(address: string, replies: readonly Reply[]): Promise<NotifyOutcome>;
}

/** The log methods a channel uses (pino's Logger fits). Never given personal data or message texts. */
export interface ChannelLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** What a channel received but did not turn into a turn: refused (bad secret, malformed, too large) or ignored (a kind of update Balie does not handle). */
export type InboundRefusal = 'rejected' | 'ignored';

/** What the app gives a channel when it starts it. */
export interface ChannelContext {
  /** Runs the turn of one message (the Bot, behind the app's in-flight count and metrics). */
  handler: MessageHandler;
  /** Read-only views for a channel's own surfaces (the Bot's). */
  views: DeskViews;
  /** Values shared by every process of the event (memory: this one), e.g. long button ids behind short tokens; keys start with the channel's name (`telegram:cb:...`). */
  values: ExpiringValues;
  logger: ChannelLogger;
  /** Counts an inbound request that became no turn (handled and duplicate turns are counted by the Bot). */
  count(outcome: InboundRefusal): void;
  /** Takes work the channel does after answering the platform (sending the replies): shutdown waits for it. */
  track(work: Promise<unknown>): void;
}

/** A channel that was opened (credentials checked with the platform) and can be started. */
export interface RunningChannel {
  /** Routes on the shared Express host, each with its own body parser: the host parses no bodies (Slack checks the raw body). */
  mount?(router: Router): void;
  /** Present when the channel can send notices unprompted. */
  readonly notifier?: ChannelNotifier;
  /** Starts receiving, once the host listens: register the webhook, or start long polling / Socket Mode. */
  start(): Promise<void>;
  /** Stops receiving and resolves when the turns its own transport has in flight are done (the caller bounds the wait). */
  stop(): Promise<void>;
}

/** A channel whose credentials are in the environment, not yet opened. */
export interface ConfiguredChannel {
  /** How it receives, for the start-up log: 'webhook https://example.org/telegram', 'long polling'. */
  readonly mode: string;
  /** Checks the credentials with the platform and builds the channel; a refusal throws a BalieError naming the variable. */
  open(context: ChannelContext): Promise<RunningChannel>;
}

/** One entry of the channel registry (src/app/channels.ts). */
export interface ChannelDefinition {
  /** The channel part of user keys: `telegram` in `telegram:<user id>`. Lower-case letters, digits, `_`, `-`. */
  readonly name: string;
  /** Whether it sends notices: its users' outbox entries then get a chat lane, also in processes that do not run it. */
  readonly notifies: boolean;
  /** Reads the channel's variables (zod, via readEnvironment): null when its credentials are absent; a bad value throws a BalieError naming the variable. */
  configure(env: Environment): ConfiguredChannel | null;
}
