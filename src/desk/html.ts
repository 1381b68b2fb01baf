import type { DeskSession } from './desk-session.ts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup that is already safe; everything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | SafeHtml | null | undefined | false;

/** A tagged template that escapes every interpolation (arrays are joined), so a name can never become markup. */
export function html(strings: TemplateStringsArray, ...values: Array<Part | Part[]>): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts
      .map((part) => (part instanceof SafeHtml ? part.value : part === null || part === undefined || part === false ? '' : String(part).replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c)))
      .join('');
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}

/** The hidden field every state-changing form carries. */
export function csrfField(session: DeskSession): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrf}">`;
}

const navigation: Array<[href: string, label: string]> = [
  ['/organiser', 'Overzicht'],
  ['/organiser/lists/registrations', 'Lijsten'],
  ['/organiser/caps', 'Capaciteit'],
  ['/organiser/message', 'Bericht'],
  ['/organiser/exports', 'Exports'],
  ['/organiser/checkin', 'Check-in'],
  ['/organiser/audit', 'Logboek'],
  ['/organiser/purge', 'Gegevens wissen'],
];

/** A whole desk page: the menu (when logged in), the title and `body`. */
export function page(title: string, body: SafeHtml, session: DeskSession | null, options: { refreshSeconds?: number } = {}): string {
  const menu = session
    ? html`<nav>${navigation.map(([href, label]) => html`<a href="${href}">${label}</a>`)}
<form method="post" action="/organiser/logout" class="logout">${csrfField(session)}<button type="submit">Afmelden (${session.organiser})</button></form></nav>`
    : '';
  const refresh = options.refreshSeconds ? html`<noscript><meta http-equiv="refresh" content="${options.refreshSeconds}"></noscript>` : '';
  return `${html`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Balie</title><link rel="stylesheet" href="/organiser/assets/desk.css">${refresh}
<script src="/organiser/assets/desk.js" defer></script></head>
<body>${menu}<main><h1>${title}</h1>
${body}</main></body></html>`.value}\n`;
}
