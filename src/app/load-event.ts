import { readFile } from 'node:fs/promises';
import { BalieError, parseEvent, type EventData } from '../core/index.ts';

/**
 * Reads and validates the event file at start-up. A missing or bad file throws a BalieError
 * whose message names the path and, for a bad file, every bad field.
 */
export async function loadEvent(path: string): Promise<EventData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read (${code ?? 'unknown error'})`;
    throw new BalieError('event_file_invalid', `${path}: ${why} (set BALIE_EVENT to the event file)`, { cause: error });
  }
  return parseEvent(text, path);
}
