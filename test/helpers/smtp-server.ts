import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

/** One message the server accepted: the SMTP envelope, the raw bytes and the parsed mail. */
export interface CapturedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** A reply the server gives instead of accepting, at RCPT TO or after DATA. */
export interface Rejection {
  code: number;
  message: string;
  at?: 'rcpt' | 'data';
}

/** A real SMTP server on loopback that records what it accepts and can say no on demand. */
export interface TestSmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** The next `count` messages get this reply instead of being accepted. */
  rejectNext(rejection: Rejection, count?: number): void;
  /** Messages answered with a rejection so far. */
  rejectedCount(): number;
  /** Resolves once `count` messages were accepted; fails after `timeoutMs` (a bounded wait, not a sleep). */
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

function smtpError(rejection: Rejection): Error {
  return Object.assign(new Error(rejection.message), { responseCode: rejection.code });
}

/** One SMTP server for the whole test file: started before its tests, closed after; returns a getter. */
export function useSmtpServer(): () => TestSmtpServer {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the SMTP server is not started yet');
    return server;
  };
}

/** Starts an SMTP server on 127.0.0.1 and a free port (or `port`): no TLS, no authentication. */
export async function startSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const queue: Rejection[] = [];
  let rejected = 0;
  const waiters = new Set<() => void>();

  // A rejection is taken from the queue once per message, at the phase it names.
  const takeRejection = (phase: 'rcpt' | 'data'): Rejection | null => {
    const next = queue[0];
    if (!next || (next.at ?? 'data') !== phase) return null;
    queue.shift();
    rejected += 1;
    return next;
  };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      const rejection = takeRejection('rcpt');
      callback(rejection ? smtpError(rejection) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const rejection = takeRejection('data');
        if (rejection) return callback(smtpError(rejection));
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        const envelope = { from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        simpleParser(raw)
          .then((parsed) => {
            messages.push({ envelope, raw, parsed });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext(rejection, count = 1) {
      for (let i = 0; i < count; i += 1) queue.push(rejection);
    },
    rejectedCount: () => rejected,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        const check = (): void => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (taken, then released): for "connection refused". */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
