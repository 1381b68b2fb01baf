// What the Slack stand-in refuses, as Slack does (CHANNELS.md, message limits), and how it reads
// blocks back as text for the drivers.

type Json = Record<string, unknown>;
const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const textOf = (value: unknown): string => (typeof value === 'object' && value !== null && typeof (value as Json).text === 'string' ? ((value as Json).text as string) : '');
const length = (text: string) => [...text].length;

/** Why Slack would refuse these blocks (`invalid_blocks`), or null. */
export function blocksProblem(blocks: unknown, maxBlocks: number): string | null {
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks`;
  for (const block of blocks as Json[]) {
    if (block.type === 'section') {
      if (length(textOf(block.text)) > 3000) return 'section text over 3000 characters';
      if (!block.text && !block.fields) return 'section without text or fields';
      if (asArray(block.fields).length > 10) return 'more than 10 fields';
      if (asArray(block.fields).some((f) => length(textOf(f)) > 2000)) return 'field over 2000 characters';
    } else if (block.type === 'actions') {
      const elements = asArray(block.elements);
      if (elements.length === 0 || elements.length > 25) return 'actions with 0 or more than 25 elements';
      const ids = elements.map((e) => e.action_id);
      if (new Set(ids).size !== ids.length) return 'duplicate action_id in one block';
      for (const element of elements) {
        if (element.type === 'button') {
          if (length(textOf(element.text)) > 75) return 'button text over 75 characters';
          if (typeof element.value === 'string' && element.value.length > 2000) return 'button value over 2000 characters';
        } else if (element.type === 'static_select') {
          const options = asArray(element.options);
          if (options.length === 0 || options.length > 100) return 'static_select with 0 or more than 100 options';
          if (options.some((o) => length(textOf(o.text)) > 75 || length(textOf(o.description)) > 75)) return 'option text over 75 characters';
        } else return `unknown element ${String(element.type)}`;
      }
    } else if (block.type === 'input') {
      if (typeof block.block_id !== 'string' || !block.element) return 'input without block_id or element';
      if (length(textOf(block.label)) > 2000) return 'label over 2000 characters';
    } else if (block.type !== 'context' && block.type !== 'divider') return `unknown block ${String(block.type)}`;
  }
  return null;
}

/** Why Slack would refuse this view, or null. */
export function viewProblem(view: Json, type: 'modal' | 'home'): string | null {
  if (view.type !== type) return `not a ${type} view`;
  if (type === 'modal' && (length(textOf(view.title)) > 24 || length(textOf(view.submit)) > 24 || length(textOf(view.close)) > 24)) return 'title, submit or close over 24 characters';
  const problem = blocksProblem(view.blocks, 100);
  if (problem) return problem;
  const blockIds = asArray(view.blocks).map((b) => b.block_id).filter((id) => id !== undefined);
  return new Set(blockIds).size === blockIds.length ? null : 'duplicate block_id';
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The blocks as a person reads them: every section's text and fields, context lines, one per line. */
export function readableText(blocks: unknown): string {
  const lines: string[] = [];
  for (const block of asArray(blocks)) {
    if (block.type === 'section') {
      if (block.text) lines.push(textOf(block.text));
      for (const field of asArray(block.fields)) lines.push(textOf(field));
    } else if (block.type === 'context') for (const element of asArray(block.elements)) lines.push(textOf(element));
  }
  return unescape(lines.join('\n'));
}

/** A button or select option under a message: what it shows and what it sends. */
export interface SlackControl {
  actionId: string;
  label: string;
  value: string;
  kind: 'button' | 'option';
  url?: string;
}

/** The buttons and select options of the blocks' actions. */
export function controlsOf(blocks: unknown): SlackControl[] {
  return asArray(blocks)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => asArray(b.elements))
    .flatMap((e): SlackControl[] =>
      e.type === 'button'
        ? [{ actionId: String(e.action_id), label: textOf(e.text), value: String(e.value ?? ''), kind: 'button', ...(typeof e.url === 'string' ? { url: e.url } : {}) }]
        : asArray(e.options).map((o) => ({ actionId: String(e.action_id), label: textOf(o.text), value: String(o.value), kind: 'option' as const })),
    );
}
