import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConsoleConnector } from './console-connector.ts';
import { consoleMessages } from './console-messages.ts';
import type { SessionLogger } from './jsonl-session.ts';
import { interpretTyped, renderTurnText } from './render-text.ts';
import type { TerminalDisplay } from './terminal-display.ts';

export interface InteractiveSessionOptions {
  input: Readable;
  output: Writable;
  connector: ConsoleConnector;
  logger: SessionLogger;
  /** The user id after `console:`; one person at the terminal (shown in the banner). */
  userId: string;
  /** What the banner tells: the event, the store, the clock and where e-mail goes. */
  about: { event: string; store: string; clock: string; mail: string };
  /** A line editor (and no echo of the typed line) when input and output are a terminal. */
  terminal: boolean;
  /** Colour and wrapping (terminalDisplay); default: neither. */
  display?: TerminalDisplay;
  signal?: AbortSignal;
}

/** The terminal chat: type a line, read the replies; a shown key (a number, a session's number, a letter) picks that option of the last turn. */
export async function runInteractiveSession(options: InteractiveSessionOptions): Promise<void> {
  const { input, output, connector, logger, userId, terminal, signal } = options;
  const display = options.display ?? { color: false, width: () => undefined };
  const rl = createInterface({ input, output, terminal, crlfDelay: Infinity });
  const say = (text: string) => output.write(`${text}\n`);
  const stop = () => rl.close();
  signal?.addEventListener('abort', stop, { once: true });
  // Without a listener readline only pauses on Ctrl-C; here it ends the chat like Ctrl-D.
  rl.on('SIGINT', stop);
  say(renderTurnText(consoleMessages.banner({ ...options.about, user: userId }), { color: display.color, width: display.width() }).text);
  let choiceKeys = new Map<string, string>();
  rl.setPrompt('> ');
  rl.prompt();
  try {
    for await (const line of rl) {
      // Piped input is not echoed by a terminal: echo it, so the transcript reads as a chat.
      if (!terminal) say(line);
      if (line.trim() !== '') {
        try {
          const replies = await connector.handle({ userId, input: interpretTyped(line, choiceKeys) });
          const rendered = renderTurnText(replies, { color: display.color, width: display.width() });
          choiceKeys = rendered.choiceKeys;
          if (rendered.text) say(`\n${rendered.text}\n`);
        } catch (error) {
          logger.error({ err: error }, 'turn failed');
          say(consoleMessages.turnFailed);
        }
      }
      if (signal?.aborted) break;
      rl.prompt();
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    rl.close();
  }
  say(`\n${consoleMessages.goodbye}`);
}
