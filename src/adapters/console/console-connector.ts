import type { Reply, UserInput } from '../../dialogs/types.ts';
import type { ConsoleEvent } from './console-event.ts';

/** One inbound message as the app's turn runner takes it (the shape of `Bot.handle`). */
export interface InboundMessage {
  userKey: string;
  input: UserInput;
  messageId?: string;
  locale?: string;
}

/** What a channel adapter needs from the app: handle one message to completion, get the replies. */
export interface MessageHandler {
  handle(message: InboundMessage): Promise<Reply[]>;
}

/** The channel part of a user key: every console user is `console:<id>`. */
export const consoleChannel = 'console';

/**
 * Turns console events (a JSON line, or a line typed in the terminal) into `handle` calls, as
 * every channel's connector does; rendering the replies is left to the session that owns the
 * terminal or the stream.
 */
export class ConsoleConnector {
  constructor(private readonly handler: MessageHandler) {}

  /** The user key under which a console user's conversation and registration are kept. */
  static userKey(userId: string): string {
    return `${consoleChannel}:${userId}`;
  }

  handle(event: ConsoleEvent): Promise<Reply[]> {
    return this.handler.handle({ userKey: ConsoleConnector.userKey(event.userId), input: event.input });
  }
}
