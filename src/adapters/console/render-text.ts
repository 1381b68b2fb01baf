import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Reply } from '../../dialogs/types.ts';

/** How the terminal shows a turn, and which choice id each typed option key stands for. */
export interface RenderedTurn {
  text: string;
  /** Typed key ("3", "a") -> the id of the choice it picks. */
  choiceKeys: Map<string, string>;
}

export interface TextRenderOptions {
  /** ANSI bold for *bold* and dim for unavailable choices (only on a colour terminal); without it the asterisks stay. */
  color: boolean;
  /** The terminal's width in columns: lines are wrapped at spaces to fit it; undefined: not wrapped. */
  width?: number;
}

const bold = (s: string, color: boolean) => (color ? `\u001b[1m${s}\u001b[22m` : s);
const dim = (s: string, color: boolean) => (color ? `\u001b[2m${s}\u001b[22m` : s);

/** The marker of a choice that cannot be picked now (a full session); a symbol, so no language. */
export const disabledMarker = '✗';

const sessionId = /^session:(\d{1,3})$/;

/**
 * The key of every choice of a turn. Usually 1, 2, 3 across the turn; but when a turn offers
 * sessions, a session is keyed by its own number (what a person types means that session, the
 * dialogs read a bare number so too) and any other choice by a letter, so that none collides.
 */
export function choiceKeys(replies: readonly Reply[]): string[] {
  const choices = replies.flatMap((reply) => reply.choices ?? []);
  if (!choices.some((c) => sessionId.test(c.id))) return choices.map((_, i) => String(i + 1));
  let letters = 0;
  return choices.map((c) => sessionId.exec(c.id)?.[1] ?? String.fromCharCode(97 + letters++));
}

/**
 * Renders the replies of one turn for a terminal: text, facts as aligned label/value rows, and
 * choices as options keyed across the whole turn (choiceKeys), unavailable ones marked.
 */
export function renderTurnText(replies: readonly Reply[], options: TextRenderOptions): RenderedTurn {
  const { color, width } = options;
  const blocks: string[] = [];
  const keys = choiceKeys(replies);
  const choiceKeyMap = new Map<string, string>();
  let index = 0;
  for (const reply of replies) {
    const lines: string[] = [];
    if (reply.text) {
      for (const line of safe(reply.text).split('\n')) {
        // A list line ("3. Titel – Zaal", "- ...") continues under its text, not under its marker.
        const lead = /^\s*(?:(?:\d{1,3}\.|[-•])\s+)?/.exec(line)?.[0] ?? '';
        lines.push(hang(lead, renderMarkup(line.slice(lead.length), color), width));
      }
    }
    const facts = reply.facts ?? [];
    const labelWidth = Math.max(0, ...facts.map((f) => stringWidth(safeLine(f.label))));
    for (const fact of facts) {
      const label = safeLine(fact.label);
      const padding = ' '.repeat(labelWidth - stringWidth(label));
      const prefix = `  ${label}${padding}  `;
      lines.push(hang(prefix, safeLine(fact.value), width, (first) => `  ${bold(label, color)}${first.slice(2 + label.length)}`));
    }
    for (const choice of reply.choices ?? []) {
      const key = keys[index++] ?? '?';
      if (!choiceKeyMap.has(key)) choiceKeyMap.set(key, choice.id);
      const hint = choice.hint ? ` (${safeLine(choice.hint)})` : '';
      const body = `${safeLine(choice.label)}${hint}${choice.disabled ? ` ${disabledMarker}` : ''}`;
      const text = hang(`  ${key}. `, body, width);
      lines.push(choice.disabled ? text.split('\n').map((l) => dim(l, color)).join('\n') : text);
    }
    blocks.push(lines.join('\n'));
  }
  return { text: blocks.join('\n\n'), choiceKeys: choiceKeyMap };
}

// Below this many columns for the text itself, continuation lines give up their indent.
const narrowest = 16;

/**
 * `prefix` then `body` wrapped at spaces to `width` columns, continuation lines indented under the
 * body (or, on a narrow terminal, not indented). A word wider than the line (a long e-mail
 * address) is never broken: it overflows instead. `decorate` styles the first line's prefix after
 * measuring (ANSI codes take no columns).
 */
function hang(prefix: string, body: string, width: number | undefined, decorate: (first: string) => string = (first) => first): string {
  const indent = stringWidth(prefix);
  if (width === undefined || indent + stringWidth(body) <= width) return decorate(prefix + body);
  if (width - indent >= narrowest) {
    const [first = '', ...rest] = wrapAnsi(body, width - indent, { hard: false, trim: true }).split('\n');
    return [decorate(prefix + first), ...rest.map((line) => ' '.repeat(indent) + line)].join('\n');
  }
  // The prefix as one word of its width, so that the first line keeps room for it.
  const [first = '', ...rest] = wrapAnsi(`${'_'.repeat(Math.max(0, indent - 1))} ${body}`, width, { hard: false, trim: true }).split('\n');
  return [decorate(prefix + first.slice(indent)), ...rest].join('\n');
}

/** `*bold*` of the dialogs' markdown subset; asterisks stay as they are without colour. */
function renderMarkup(text: string, color: boolean): string {
  return color ? text.replace(/\*([^*\n]+)\*/g, (_, inner: string) => bold(inner, true)) : text;
}

// Control characters (escape sequences) never reach the terminal, whatever a reply echoes back.
function safe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\p{Cc}]/gu, (c) => (c === '\n' || c === '\t' ? c : ''));
}

function safeLine(text: string): string {
  return safe(text).replace(/[\n\t]+/g, ' ').trim();
}

/** What a typed line means: a shown key ("3", "a", "3.") picks that choice, anything else is text (a session number the turn did not show included, which the dialogs read as that session). */
export function interpretTyped(line: string, choiceKeys: ReadonlyMap<string, string>): { kind: 'text'; text: string } | { kind: 'choice'; id: string } {
  const key = /^\s*(\d{1,3}|[a-z])\s*[.)]?\s*$/i.exec(line)?.[1]?.toLowerCase();
  const id = key === undefined ? undefined : choiceKeys.get(key);
  return id !== undefined ? { kind: 'choice', id } : { kind: 'text', text: line };
}
