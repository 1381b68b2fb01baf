import type { Reply } from '../../dialogs/types.ts';

/** How the terminal shows a turn, and which choice id each typed option key stands for. */
export interface RenderedTurn {
  text: string;
  /** Typed key ("3", "a") -> the id of the choice it picks. */
  choiceKeys: Map<string, string>;
}

export interface TextRenderOptions {
  /** ANSI bold for *bold* and dim for unavailable choices (only on a colour terminal). */
  color: boolean;
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
  const blocks: string[] = [];
  const keys = choiceKeys(replies);
  const choiceKeyMap = new Map<string, string>();
  let index = 0;
  for (const reply of replies) {
    const lines: string[] = [];
    if (reply.text) lines.push(renderMarkup(safe(reply.text), options.color));
    const facts = reply.facts ?? [];
    const width = Math.max(0, ...facts.map((f) => [...safeLine(f.label)].length));
    for (const fact of facts) {
      const label = safeLine(fact.label);
      lines.push(`  ${bold(label, options.color)}${' '.repeat(width - [...label].length)}  ${safeLine(fact.value)}`);
    }
    for (const choice of reply.choices ?? []) {
      const key = keys[index++] ?? '?';
      if (!choiceKeyMap.has(key)) choiceKeyMap.set(key, choice.id);
      const hint = choice.hint ? ` (${safeLine(choice.hint)})` : '';
      const line = `  ${key}. ${safeLine(choice.label)}${hint}`;
      lines.push(choice.disabled ? dim(`${line} ${disabledMarker}`, options.color) : line);
    }
    blocks.push(lines.join('\n'));
  }
  return { text: blocks.join('\n\n'), choiceKeys: choiceKeyMap };
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
