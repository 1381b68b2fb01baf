export { mailCatalogues, type MailCatalogue } from './catalogue.ts';
export { buildIcs } from './ics.ts';
export type { MailLinks } from './content.ts';
export { escapeHtml } from './layout.ts';
export { isSafeAddress, messageIdFor, renderMail, type RenderedMail, type RenderProblem } from './render.ts';
export { startMailWorker, createMailSender, type MailWorkerHandle, type StartMailWorkerOptions } from './start.ts';
export { classifySmtpError, emlFileName, emlFileSender, smtpSender, type MailFrom, type MailSender, type SendOutcome } from './transport.ts';
export { MailWorker, mailDeliverer, defaultRetryPolicy, retryDelayMs, type DeliveryReport, type MailLogger, type MailWorkerOptions, type RetryPolicy } from './worker.ts';
