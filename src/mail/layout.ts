/** What a mail is made of; one list of blocks becomes both the plain text and the HTML part. */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'facts'; heading: string; rows: Array<[label: string, value: string]> }
  /** A sentence and a link Balie made itself (an http(s) URL): the URL after the text, or a labelled link in HTML. */
  | { kind: 'link'; text: string; label: string; url: string }
  /** The check-in QR code (an inline image by content id) with the code printed below it. */
  | { kind: 'checkin'; heading: string; hint: string; label: string; code: string; cid: string };

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** Markup that is already safe; everything else interpolated into `html` is escaped. */
class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

// A tagged template that escapes every interpolation, so forgetting to escape a name is impossible.
function html(strings: TemplateStringsArray, ...values: Array<string | number | SafeHtml | SafeHtml[]>): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (part instanceof SafeHtml ? part.value : escapeHtml(String(part)))).join('');
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}

/** Strips control characters (CR, LF, NUL, ...) and folds white space: for one-line values. */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The plain-text part: headings underlined, facts as "label: value" lines. */
export function renderText(blocks: MailBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(block.text, '');
    if (block.kind === 'heading') out.push(block.text, '-'.repeat(block.text.length));
    if (block.kind === 'link') out.push(`${block.text} ${block.url}`, '');
    if (block.kind === 'checkin') out.push(block.heading, '-'.repeat(block.heading.length), block.hint, `${block.label}: ${block.code}`, '');
    if (block.kind === 'facts') {
      out.push(block.heading, '-'.repeat(block.heading.length));
      for (const [label, value] of block.rows) out.push(`${label}: ${oneLine(value)}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The HTML part: a simple, table-based layout that mail clients render alike. */
export function renderHtml(blocks: MailBlock[], title: string, lang: string): string {
  const body = blocks.map((block) => {
    if (block.kind === 'paragraph') return html`<p style="margin:0 0 12px">${block.text}</p>`;
    if (block.kind === 'heading') return html`<h2 style="font-size:16px;margin:16px 0 8px">${block.text}</h2>`;
    if (block.kind === 'link') {
      const url = /^https?:\/\//.test(block.url) ? block.url : '#';
      return html`<p style="margin:0 0 12px">${block.text} <a href="${url}">${block.label}</a></p>`;
    }
    if (block.kind === 'checkin') {
      return html`<h2 style="font-size:16px;margin:16px 0 8px">${block.heading}</h2><p style="margin:0 0 8px">${block.hint}</p>
<p style="margin:0"><img src="cid:${block.cid}" alt="QR ${block.code}" width="180" height="180" style="display:block"></p>
<p style="margin:4px 0 12px;font-family:monospace;font-size:20px;letter-spacing:2px">${block.code}</p>`;
    }
    const rows = block.rows.map(
      ([label, value]) =>
        html`<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;font-weight:600">${label}</th><td style="padding:4px 0">${oneLine(value)}</td></tr>`,
    );
    return html`<h2 style="font-size:16px;margin:16px 0 8px">${block.heading}</h2><table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rows}</table>`;
  });
  const page = html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222;max-width:640px;margin:0 auto;padding:16px">
${body}
</body></html>`;
  return `${page.value}\n`;
}
