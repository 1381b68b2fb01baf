import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

// A safety net under "no personal data in logs": should a registrant or its fields ever be
// passed to the logger, these paths are censored.
const personalFields = ['firstName', 'lastName', 'email', 'phone', 'street', 'shippingAddress', 'registrant', 'text'];
const redactPaths = personalFields.flatMap((field) => [field, `*.${field}`]);

/**
 * The app's logger: JSON lines on stderr, synchronously, so that stdout stays the console's
 * own (the JSONL interface writes nothing else there) and nothing is lost at exit.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[personal data]' } }, pino.destination({ dest: 2, sync: true }));
}
