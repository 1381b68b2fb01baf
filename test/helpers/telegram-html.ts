/** A message entity as Telegram reports it: offsets and lengths in UTF-16 code units. */
export interface Entity {
  type: string;
  offset: number;
  length: number;
}

const tags: Record<string, string> = { b: 'bold', strong: 'bold', i: 'italic', em: 'italic', pre: 'pre', code: 'code', u: 'underline', s: 'strikethrough' };
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * Parses Telegram's HTML parse mode the way the Bot API does for the tags Balie may use: the
 * plain text and its entities, or an error like Telegram's 400 "can't parse entities" for an
 * unknown tag, an unclosed tag, a stray `<` or `&`.
 */
export function parseTelegramHtml(html: string): { ok: true; text: string; entities: Entity[] } | { ok: false; error: string } {
  let text = '';
  const entities: Entity[] = [];
  const open: Array<{ tag: string; offset: number }> = [];
  for (let i = 0; i < html.length; ) {
    const c = html[i] as string;
    if (c === '<') {
      const end = html.indexOf('>', i);
      const match = end < 0 ? null : /^<(\/?)([a-z]+)>$/.exec(html.slice(i, end + 1));
      if (!match) return { ok: false, error: `Bad Request: can't parse entities: unsupported start tag at byte offset ${i}` };
      const [, closing, tag] = match as unknown as [string, string, string];
      if (!tags[tag]) return { ok: false, error: `Bad Request: can't parse entities: unsupported start tag "${tag}"` };
      if (closing) {
        const top = open.pop();
        if (!top || top.tag !== tag) return { ok: false, error: `Bad Request: can't parse entities: unmatched end tag "${tag}"` };
        entities.push({ type: tags[tag] as string, offset: top.offset, length: text.length - top.offset });
      } else {
        open.push({ tag, offset: text.length });
      }
      i = end + 1;
    } else if (c === '&') {
      const match = /^&(amp|lt|gt|quot);/.exec(html.slice(i, i + 6));
      if (!match) return { ok: false, error: `Bad Request: can't parse entities: unsupported entity at byte offset ${i}` };
      text += named[match[1] as string];
      i += match[0].length;
    } else if (c === '>') {
      return { ok: false, error: `Bad Request: can't parse entities: unexpected ">" at byte offset ${i}` };
    } else {
      text += c;
      i += 1;
    }
  }
  if (open.length > 0) return { ok: false, error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${open[0]?.tag}"` };
  return { ok: true, text, entities: entities.sort((a, b) => a.offset - b.offset) };
}

/** A button as the stand-in keeps it. */
export interface Button {
  text: string;
  callback_data: string;
}

/** An error the stand-in answers instead of doing the call (Telegram's shape). */
export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/** A Bot API error. */
export const fail = (error_code: number, description: string, parameters?: ApiError['parameters']): ApiError => ({ error_code, description, ...(parameters ? { parameters } : {}) });

/** Keyboard rows from a reply_markup, checked like Telegram: callback data of 1-64 bytes. */
export function checkedKeyboard(markup: unknown): Button[][] | ApiError {
  const rows = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
  for (const button of rows.flat()) {
    const bytes = Buffer.byteLength(String(button.callback_data ?? ''), 'utf8');
    if (bytes < 1 || bytes > 64) return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
  }
  return rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.callback_data })));
}

/** The text and entities of a send or edit: HTML parsed, or entities given; at most 4,096 characters. */
export function checkedText(body: Record<string, unknown>): { text: string; entities: Entity[] } | ApiError {
  const raw = String(body.text ?? '');
  const parsed = body.parse_mode === 'HTML' ? parseTelegramHtml(raw) : { ok: true as const, text: raw, entities: (body.entities as Entity[] | undefined) ?? [] };
  if (!parsed.ok) return fail(400, parsed.error);
  if (parsed.text.trim() === '') return fail(400, 'Bad Request: message text is empty');
  if (parsed.text.length > 4096) return fail(400, 'Bad Request: message is too long');
  return { text: parsed.text, entities: parsed.entities };
}
