import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleConnector, type InboundMessage, type MessageHandler } from '../../../src/adapters/console/console-connector.ts';
import { runInteractiveSession } from '../../../src/adapters/console/interactive-session.ts';
import { runJsonlSession } from '../../../src/adapters/console/jsonl-session.ts';
import type { Reply } from '../../../src/dialogs/types.ts';

/** Records what reached the handler; answers with what each user said so far, and a choice list. */
class RecordingHandler implements MessageHandler {
  readonly received: InboundMessage[] = [];
  readonly inFlight: string[] = [];
  maxInFlight = 0;
  private readonly said = new Map<string, string[]>();

  async handle(message: InboundMessage): Promise<Reply[]> {
    this.received.push(message);
    this.inFlight.push(message.userKey);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.length);
    // Let other work run while this turn is open: a second line must still wait for it.
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    this.inFlight.splice(this.inFlight.indexOf(message.userKey), 1);
    if (message.input.kind === 'text' && message.input.text === 'boom') throw new Error('store down');
    const said = [...(this.said.get(message.userKey) ?? []), message.input.kind === 'text' ? message.input.text : message.input.kind === 'choice' ? `#${message.input.id}` : '#form'];
    this.said.set(message.userKey, said);
    return [{ text: said.join(' / '), choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nee', disabled: true }] }];
  }
}

const silentLogger = { errors: [] as string[], error(_fields: object, message: string) { this.errors.push(message); } };

async function runJsonl(lines: string[]) {
  const handler = new RecordingHandler();
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  input.end(lines.join('\n'));
  const logger = { ...silentLogger, errors: [] as string[] };
  const summary = await runJsonlSession({ input, output, connector: new ConsoleConnector(handler), logger });
  return { handler, summary, logger, out: written.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the JSONL session', () => {
  it('answers every line in order, one at a time, each user keeping their own conversation', async () => {
    const { out, handler, summary } = await runJsonl([
      '{"user":"ann","text":"hallo"}',
      '{"user":"bob","text":"hi"}',
      '{"user":"ann","choice":"yes"}',
      '{"user":"bob","text":"English please"}',
    ]);
    expect(out.map((line) => [line.user, (line.replies as Reply[])[0]?.text])).toEqual([
      ['ann', 'hallo'],
      ['bob', 'hi'],
      ['ann', 'hallo / #yes'],
      ['bob', 'hi / English please'],
    ]);
    expect(handler.received.map((m) => m.userKey)).toEqual(['console:ann', 'console:bob', 'console:ann', 'console:bob']);
    expect(handler.maxInFlight).toBe(1);
    expect(summary).toEqual({ lines: 4, errors: 0 });
  });

  it('answers a malformed line with an error and goes on; a blank line gets an error too, so every line has one answer', async () => {
    const { out, summary } = await runJsonl(['{"user":"ann","text":"hallo"}', '', '{oops', '   ', '{"user":"ann","text":"nog"}']);
    expect(out).toHaveLength(5);
    expect(out[1]).toEqual({ error: 'empty line' });
    expect(out[2]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(out[3]).toEqual({ error: 'empty line' });
    expect((out[4]?.replies as Reply[])[0]?.text).toBe('hallo / nog');
    expect(summary).toEqual({ lines: 5, errors: 3 });
  });

  it('ends a line only at a line feed: a bare CR or U+2028 inside a line is no line end, CRLF is one', async () => {
    const { out, handler } = await runJsonl(['{"user":"ann","text":"een\rtwee"}', '{"user":"ann","text":"drie\u2028vier"}\r', '{"user":"ann","text":"vijf"}\r']);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(handler.received.map((m) => m.input)).toEqual([
      { kind: 'text', text: 'drie\u2028vier' },
      { kind: 'text', text: 'vijf' },
    ]);
  });

  it('answers a line of more than a megabyte with one error, without holding all of it', async () => {
    const { out, handler } = await runJsonl([`{"user":"ann","text":"${'x'.repeat(3_000_000)}"}`, '{"user":"ann","text":"hallo"}']);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ error: 'line longer than 1000000 characters' });
    expect(handler.received.map((m) => m.input)).toEqual([{ kind: 'text', text: 'hallo' }]);
  });

  it('answers a failed turn with an error for that user, logs it and goes on', async () => {
    const { out, logger } = await runJsonl(['{"user":"ann","text":"boom"}', '{"user":"ann","text":"hallo"}']);
    expect(out[0]).toEqual({ user: 'ann', error: 'turn failed (internal)' });
    expect(out[1]).toMatchObject({ user: 'ann' });
    expect(logger.errors).toEqual(['turn failed']);
  });

  it('stops reading when aborted, after answering the line in hand', async () => {
    const handler = new RecordingHandler();
    const input = new PassThrough();
    const output = new PassThrough();
    const stop = new AbortController();
    const answers: string[] = [];
    output.setEncoding('utf8').on('data', (chunk: string) => {
      answers.push(chunk);
      stop.abort();
    });
    input.write('{"user":"ann","text":"hallo"}\n');
    const summary = await runJsonlSession({ input, output, connector: new ConsoleConnector(handler), logger: silentLogger, signal: stop.signal });
    expect(summary.lines).toBe(1);
    expect(answers).toHaveLength(1);
  });

  it('stops when aborted while it waits for the next line', async () => {
    const input = new PassThrough();
    const stop = new AbortController();
    const running = runJsonlSession({ input, output: new PassThrough(), connector: new ConsoleConnector(new RecordingHandler()), logger: silentLogger, signal: stop.signal });
    input.write('{"user":"ann","text":"hal');
    stop.abort();
    expect(await running).toEqual({ lines: 0, errors: 0 });
    expect(input.destroyed).toBe(false);
  });
});

describe('the interactive session', () => {
  it('shows the banner, sends typed text, turns a typed number into the choice id and says goodbye', async () => {
    const handler = new RecordingHandler();
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
    input.end('Ik wil me inschrijven\n1\n2\nnog iets\n');
    await runInteractiveSession({
      input,
      output,
      connector: new ConsoleConnector(handler),
      logger: silentLogger,
      userId: 'terminal',
      about: { event: 'Netwerkdag', store: 'in-memory', clock: 'pinned at 15/10/2020 09:00', mail: '.eml files in outbox' },
      terminal: false,
    });
    expect(handler.received.map((m) => [m.userKey, m.input])).toEqual([
      ['console:terminal', { kind: 'text', text: 'Ik wil me inschrijven' }],
      ['console:terminal', { kind: 'choice', id: 'yes' }],
      ['console:terminal', { kind: 'choice', id: 'no' }],
      ['console:terminal', { kind: 'text', text: 'nog iets' }],
    ]);
    expect(screen).toContain('  opslag / store:    in-memory\n');
    expect(screen).toContain('  klok / clock:      pinned at 15/10/2020 09:00\n');
    expect(screen).toContain('  e-mail:            .eml files in outbox\n');
    expect(screen).toContain('  gebruiker / user:  terminal (verder als deze / to continue as this user: npm start -- --user terminal)\n');
    expect(screen).toContain('  1. Ja\n  2. Nee ✗');
    expect(screen).toContain('Tot ziens! / Goodbye!');
  });
});
