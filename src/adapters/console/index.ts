export { ConsoleConnector, consoleChannel, type InboundMessage, type MessageHandler } from './console-connector.ts';
export { parseJsonlLine, userIdProblem, type ConsoleEvent, type ConsoleEventProblem } from './console-event.ts';
export { runInteractiveSession, type InteractiveSessionOptions } from './interactive-session.ts';
export { runJsonlSession, type JsonlRunSummary, type JsonlSessionOptions, type SessionLogger } from './jsonl-session.ts';
export { renderJsonlError, renderJsonlReplies } from './render-jsonl.ts';
export { interpretTyped, renderTurnText } from './render-text.ts';
export { terminalDisplay, type TerminalDisplay } from './terminal-display.ts';
