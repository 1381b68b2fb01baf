import type { Choice, Reply } from '../../dialogs/types.ts';

/** Slack's limits (CHANNELS.md): a section's text, blocks per message, a button's text and value, options of a select. */
export const limits = { sectionText: 3000, blocks: 50, buttonText: 75, buttonValue: 2000, selectOptions: 100, optionText: 75, fieldText: 2000, fieldsPerSection: 10 } as const;

/** More choices than this become one static_select instead of buttons. */
export const maxButtons = 5;

/** The action ids Balie's own elements carry: a choice button, the select of many choices, the form button, the DM link. */
export const actionIds = { choice: 'balie-choice', select: 'balie-select', openForm: 'balie-open-form', openDm: 'balie-open-dm' } as const;

/** The choice id that stands for "open the form on one screen" on a button (the modal, never a dialog turn). */
export const openFormValue = 'open-form';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface SlackOption {
  text: PlainText;
  value: string;
  description?: PlainText;
}
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}
export interface SlackSelect {
  type: 'static_select';
  action_id: string;
  placeholder: PlainText;
  options: SlackOption[];
}
/** The Block Kit blocks Balie sends in messages and on the home tab. */
export type SlackBlock =
  | { type: 'section'; block_id?: string; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'context'; block_id?: string; elements: Mrkdwn[] }
  | { type: 'actions'; block_id?: string; elements: Array<SlackButton | SlackSelect> }
  | { type: 'divider' };

/** One chat.postMessage: the blocks and the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The labels of the channel's own buttons, in the person's language. */
export interface SlackLabels {
  openForm: string;
  choose: string;
}

/** Escapes text for mrkdwn: only `&`, `<` and `>` need it. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Control characters other than line breaks never reach Slack, whatever a reply echoes back.
const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '));
const oneLine = (text: string) => clean(text).replace(/\s*\n\s*/g, ' ').trim();
const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);
const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: cut(oneLine(text), max) || '…', emoji: false });

/** Splits text into pieces of at most `limit` characters, at a paragraph, line or word boundary where there is one. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const at = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((i) => i > limit / 4);
    const end = at ?? limit;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).replace(/^\s+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

// Escaping makes text longer: pieces are cut from the escaped text, so each section stays under the limit.
function textSections(markdown: string): SlackBlock[] {
  if (!markdown.trim()) return [];
  return splitText(escapeMrkdwn(clean(markdown)), limits.sectionText - 100).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/** The summary's facts as section fields, ten to a section. */
function factSections(reply: Reply): SlackBlock[] {
  const fields = (reply.facts ?? []).map((f): Mrkdwn => ({ type: 'mrkdwn', text: cut(`*${escapeMrkdwn(oneLine(f.label))}*\n${escapeMrkdwn(oneLine(f.value))}`, limits.fieldText) }));
  const sections: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += limits.fieldsPerSection) sections.push({ type: 'section', fields: fields.slice(i, i + limits.fieldsPerSection) });
  return sections;
}

/** A choice that cannot be chosen (a full session), and the hints of buttons, as lines of text: never a button. */
function choiceLines(choices: readonly Choice[], asButtons: boolean): SlackBlock[] {
  const listed = choices.filter((c) => c.disabled || (asButtons && c.hint));
  if (listed.length === 0) return [];
  const lines = listed.map((c) => {
    const line = `${c.disabled ? '✗' : '•'} ${escapeMrkdwn(oneLine(c.label))}${c.hint ? ` — ${escapeMrkdwn(oneLine(c.hint))}` : ''}`;
    return c.disabled ? `_${line}_` : line;
  });
  return splitText(lines.join('\n'), limits.sectionText - 100).map((text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] }));
}

/** The choices that can be chosen now: buttons when few, else one static_select with the hints as descriptions; plus the form button. */
function actions(choices: readonly Choice[], labels: SlackLabels): SlackBlock[] {
  const open = choices.filter((c) => !c.disabled && c.id.length <= limits.buttonValue);
  const elements: Array<SlackButton | SlackSelect> = [];
  if (open.length > maxButtons) {
    elements.push({
      type: 'static_select',
      action_id: actionIds.select,
      placeholder: plain(labels.choose, 150),
      options: open.slice(0, limits.selectOptions).map((c) => ({ text: plain(c.label, limits.optionText), value: c.id, ...(c.hint ? { description: plain(c.hint, limits.optionText) } : {}) })),
    });
  } else {
    open.forEach((c, i) => elements.push({ type: 'button', action_id: `${actionIds.choice}-${i}`, text: plain(c.label, limits.buttonText), value: c.id }));
  }
  // Registering can also be done on one screen: the modal, next to the chat's first question.
  if (choices.some((c) => c.id === 'register' && !c.disabled)) elements.push({ type: 'button', action_id: actionIds.openForm, text: plain(labels.openForm, limits.buttonText), value: openFormValue });
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

/** The plain text Slack shows where blocks are not shown (notifications): the reply's text, shortened. */
function fallbackText(reply: Reply): string {
  const text = oneLine(reply.text.replace(/\*([^*\n]+)\*/g, '$1')) || (reply.facts ?? []).map((f) => `${f.label}: ${f.value}`).join(', ');
  return cut(escapeMrkdwn(text), limits.sectionText) || '…';
}

/** One reply's blocks, without splitting: text sections, facts as fields, listed choices, then the actions. */
export function replyBlocks(reply: Reply, labels: SlackLabels): SlackBlock[] {
  const choices = reply.choices ?? [];
  const asButtons = choices.filter((c) => !c.disabled).length <= maxButtons;
  return [...textSections(reply.text), ...factSections(reply), ...choiceLines(choices, asButtons), ...actions(choices, labels)];
}

/**
 * One reply as Slack messages: the text as mrkdwn sections (`& < >` escaped, under 3,000
 * characters each), the summary's facts as section fields, a full session (and the hints of
 * buttons) as context lines, never a button, and the choices that can be chosen as buttons, or
 * one static_select with the hints as descriptions when there are more than five. A reply that
 * would outgrow 50 blocks goes out as several messages, the actions on the last. Pure.
 */
export function renderSlack(reply: Reply, labels: SlackLabels): SlackMessage[] {
  const blocks = replyBlocks(reply, labels);
  if (blocks.length === 0) return [];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += limits.blocks) messages.push({ text: fallbackText(reply), blocks: blocks.slice(i, i + limits.blocks) });
  return messages;
}

/**
 * The pressed message as it should read afterwards (chat.update): the same blocks without the
 * actions, and `✓ <label>` at the end, so the choice shows and cannot be pressed twice. Pure.
 */
export function renderPressed(blocks: readonly unknown[], label: string): SlackBlock[] {
  const kept = blocks.filter((b) => typeof b === 'object' && b !== null && (b as { type?: unknown }).type !== 'actions') as SlackBlock[];
  return [...kept.slice(0, limits.blocks - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ *${escapeMrkdwn(oneLine(label))}*` }] }];
}
