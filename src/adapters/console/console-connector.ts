import type { Reply } from '../../dialogs/types.ts';
import type { InboundMessage, MessageHandler } from '../channel.ts';
import type { ConsoleEvent } from './console-event.ts';

export type { InboundMessage, MessageHandler };

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
