import type { Reply } from '../../dialogs/types.ts';

/** How the terminal shows a turn, and which choice id each typed number stands for. */
export interface RenderedTurn {
  text: string;
  /** choiceIds[n - 1] is the choice picked by typing n. */
  choiceIds: string[];
}

export interface TextRenderOptions {
  /** ANSI bold for *bold* and dim for unavailable choices (only on a colour terminal). */
  color: boolean;
}

const bold = (s: string, color: boolean) => (color ? `\u001b[1m${s}\u001b[22m` : s);
const dim = (s: string, color: boolean) => (color ? `\u001b[2m${s}\u001b[22m` : s);

/** The marker of a choice that cannot be picked now (a full session); a symbol, so no language. */
export const disabledMarker = '✗';

/**
 * Renders the replies of one turn for a terminal: text, facts as aligned label/value rows, and
 * choices as options numbered across the whole turn, unavailable ones marked.
 */
export function renderTurnText(replies: readonly Reply[], options: TextRenderOptions): RenderedTurn {
  const blocks: string[] = [];
  const choiceIds: string[] = [];
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
      choiceIds.push(choice.id);
      const hint = choice.hint ? ` (${safeLine(choice.hint)})` : '';
      const line = `  ${choiceIds.length}. ${safeLine(choice.label)}${hint}`;
      lines.push(choice.disabled ? dim(`${line} ${disabledMarker}`, options.color) : line);
    }
    blocks.push(lines.join('\n'));
  }
  return { text: blocks.join('\n\n'), choiceIds };
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

/** What a typed line means: a number picks the choice with that number, anything else is text. */
export function interpretTyped(line: string, choiceIds: readonly string[]): { kind: 'text'; text: string } | { kind: 'choice'; id: string } {
  const number = /^\s*(\d{1,3})\s*\.?\s*$/.exec(line);
  const id = number ? choiceIds[Number(number[1]) - 1] : undefined;
  return id !== undefined ? { kind: 'choice', id } : { kind: 'text', text: line };
}
