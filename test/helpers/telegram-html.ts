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
