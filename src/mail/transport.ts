import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type NodemailerError, type SendMailOptions } from 'nodemailer';
import type { Result } from '../core/index.ts';
import type { RenderedMail } from './render.ts';

/** The outcome of one delivery attempt: temporary failures are retried, permanent ones recorded. */
export type SendOutcome = Result<object, { reason: 'temporary' | 'permanent'; error: string; code: string }>;

/** Where mails go: an SMTP server, or `.eml` files when none is configured. */
export interface MailSender {
  /** For the log and the console: never holds a password. */
  readonly description: string;
  send(mail: RenderedMail): Promise<SendOutcome>;
  close(): void;
}

/** The sender address of every mail, e.g. `{ name: 'Netwerkdag sociale economie', address: '...' }`. */
export interface MailFrom {
  name: string;
  address: string;
}

// Short timeouts keep every attempt well inside the worker's lease (see worker.ts).
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

function mailOptions(mail: RenderedMail, from: MailFrom): SendMailOptions {
  return {
    from,
    to: mail.to,
    // The envelope is set apart from the headers: exactly one recipient, whatever the name says.
    envelope: { from: from.address, to: [mail.to.address] },
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, ...(a.cid ? { cid: a.cid } : {}) })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** 5xx is permanent (except 503, a bad command sequence); 4xx and anything without a reply is temporary. */
export function classifySmtpError(error: NodemailerError): 'temporary' | 'permanent' {
  const code = error.responseCode;
  // A refused login is the organiser's configuration, not the mail: keep it until that is fixed.
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') return 'temporary';
  if (typeof code === 'number') return code >= 500 && code < 600 && code !== 503 ? 'permanent' : 'temporary';
  return error.code === 'EENVELOPE' ? 'permanent' : 'temporary';
}

function describeError(error: NodemailerError): { error: string; code: string } {
  const reply = error.response ?? error.message;
  const code = error.responseCode ? String(error.responseCode) : (error.code ?? 'unknown');
  return { error: `${code} ${reply}`.slice(0, 500), code };
}

/** `smtp://user:secret@host:587` becomes `smtp://host:587` for the console. */
function redactUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'smtp (unparsable SMTP_URL)';
  }
}

/** Sends over SMTP (`smtp://` or `smtps://` URL), one connection per attempt. */
export function smtpSender(smtpUrl: string, from: MailFrom): MailSender {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpTimeouts });
  return {
    description: redactUrl(smtpUrl),
    async send(mail) {
      try {
        await transport.sendMail(mailOptions(mail, from));
        return { ok: true };
      } catch (raw) {
        const error = raw as NodemailerError;
        return { ok: false, reason: classifySmtpError(error), ...describeError(error) };
      }
    },
    close: () => transport.close(),
  };
}

/** The `.eml` file of a mail: named by its Message-ID, so a resend overwrites instead of adding. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._=@-]/g, '_')}.eml`;
}

/** Writes each mail as a complete `.eml` file (the embedded default: no SMTP server needed). */
export function emlFileSender(directory: string, from: MailFrom): MailSender {
  const dir = resolve(directory);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: dir,
    async send(mail) {
      try {
        const info = await transport.sendMail(mailOptions(mail, from));
        await mkdir(dir, { recursive: true });
        const target = join(dir, emlFileName(mail.messageId));
        // Write then rename: a crash never leaves half a file under the real name.
        const partial = `${target}.partial`;
        await writeFile(partial, info.message as Buffer);
        await rename(partial, target);
        return { ok: true };
      } catch (raw) {
        const error = raw as NodeJS.ErrnoException;
        return { ok: false, reason: 'temporary', error: String(error.message).slice(0, 500), code: error.code ?? 'unknown' };
      }
    },
    close: () => transport.close(),
  };
}
