import type { Readable, Writable } from 'node:stream';
import type { ConsoleConnector } from './console-connector.ts';
import { maxLineLength, parseJsonlLine } from './console-event.ts';
import { jsonlLines } from './jsonl-lines.ts';
import { renderJsonlError, renderJsonlReplies } from './render-jsonl.ts';

/** Where the session reports what it cannot say on stdout (the app passes its pino logger). */
export interface SessionLogger {
  error(fields: object, message: string): void;
}

export interface JsonlSessionOptions {
  input: Readable;
  output: Writable;
  connector: ConsoleConnector;
  logger: SessionLogger;
  /** Aborting stops reading; the line in hand is still answered. */
  signal?: AbortSignal;
}

/** Counts of one run, for the log at the end. */
export interface JsonlRunSummary {
  lines: number;
  errors: number;
}

/**
 * The machine interface: one JSON line in, one JSON line out, strictly in order (each line is
 * handled to completion before the next is read). Every line gets exactly one answer: a blank or
 * malformed one gets `{"error":...}` and the run goes on. Resolves at the end of the input.
 */
export async function runJsonlSession(options: JsonlSessionOptions): Promise<JsonlRunSummary> {
  const { input, output, connector, logger, signal } = options;
  const summary: JsonlRunSummary = { lines: 0, errors: 0 };
  for await (const line of jsonlLines(input, maxLineLength, signal)) {
    summary.lines += 1;
    const answer = await answerLine(line, connector, logger);
    if (answer.failed) summary.errors += 1;
    await writeLine(output, answer.json);
    if (signal?.aborted) break;
  }
  return summary;
}

async function answerLine(line: string, connector: ConsoleConnector, logger: SessionLogger): Promise<{ json: string; failed: boolean }> {
  if (line.trim() === '') return { json: renderJsonlError('empty line'), failed: true };
  const parsed = parseJsonlLine(line);
  if (!parsed.ok) return { json: renderJsonlError(parsed.message), failed: true };
  const { event } = parsed;
  try {
    const replies = await connector.handle(event);
    return { json: renderJsonlReplies(event.userId, replies), failed: false };
  } catch (error) {
    // The message may carry internals; the log gets the error, the stream only a code.
    logger.error({ err: error }, 'turn failed');
    const code = (error as { code?: unknown }).code;
    return { json: renderJsonlError(`turn failed (${typeof code === 'string' ? code : 'internal'})`, event.userId), failed: true };
  }
}

function writeLine(output: Writable, json: string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(`${json}\n`, (error) => (error ? reject(error) : resolve()));
  });
}
