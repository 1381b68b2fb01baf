import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/**
 * The lines of a JSONL stream: split at `\n` only (one `\r` before it is dropped, for CRLF input),
 * so that a bare `\r`, or a U+2028, inside a JSON string never splits a line in two as readline
 * would. A line longer than `maxLength` is cut to `maxLength + 1` characters and the rest of it
 * skipped, so that its parser can say it is too long without the whole line being held.
 * Aborting ends the lines while waiting for input; the stream itself is left open.
 */
export async function* jsonlLines(input: Readable, maxLength: number, signal?: AbortSignal): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const chunks = input.iterator({ destroyOnReturn: false });
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal?.aborted) resolve('aborted');
    signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  let line = '';
  let overlong = false;
  const take = (piece: string) => {
    if (overlong) return;
    line += piece;
    if (line.length > maxLength) {
      line = line.slice(0, maxLength + 1);
      overlong = true;
    }
  };
  const finish = () => {
    const done = !overlong && line.endsWith('\r') ? line.slice(0, -1) : line;
    line = '';
    overlong = false;
    return done;
  };
  try {
    for (;;) {
      const next = await Promise.race([chunks.next(), aborted]);
      if (next === 'aborted' || next.done) break;
      const text = typeof next.value === 'string' ? next.value : decoder.write(next.value as Buffer);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end));
        start = end + 1;
        yield finish();
        if (signal?.aborted) return;
      }
      take(text.slice(start));
    }
    if (signal?.aborted) return;
    take(decoder.end());
    if (line !== '' || overlong) yield finish();
  } finally {
    // Not awaited: while a read is pending (aborted mid-wait) the iterator finishes only after it.
    void chunks.return?.();
  }
}
