import type { Choice, Reply } from '../../dialogs/types.ts';
import type { PressedMessage, TelegramEntity } from './telegram-event.ts';

/** Telegram's limit on a message's text, in characters after the HTML is parsed. */
export const maxMessageLength = 4096;

// Messages are packed below the limit, leaving room for the pressed choice added when a button is used.
const packLimit = 3900;

/** An inline keyboard button: what it shows and what Telegram sends back when it is pressed (1-64 bytes). */
export interface TelegramButton {
  text: string;
  callback_data: string;
}

/** One message to send: HTML text (parse_mode HTML), maybe with an inline keyboard. */
export interface TelegramMessage {
  text: string;
  reply_markup?: { inline_keyboard: TelegramButton[][] };
}

/** The marks of a choice in the message text: one that cannot be chosen now, and the one pressed. */
export const disabledMark = '✗';
export const pressedMark = '✓';

/** Escapes text for Telegram's HTML parse mode: only `&`, `<` and `>` need it. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Control characters other than line breaks never reach Telegram, whatever a reply echoes back.
const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '));
const oneLine = (text: string) => clean(text).replace(/\s*\n\s*/g, ' ').trim();

/** The dialogs' markdown subset (`*bold*`, line breaks) as Telegram HTML. */
export function markdownToHtml(text: string): string {
  return escapeHtml(clean(text)).replace(/\*([^*\n]+)\*/g, '<b>$1</b>');
}

/** How long a piece of dialog markdown is once Telegram has parsed it (the asterisks go). */
function visibleLength(markdown: string): number {
  return markdown.replace(/\*([^*\n]+)\*/g, '$1').length;
}

/** Splits text into pieces of at most `limit` characters, at a paragraph, line or word boundary where there is one. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const at = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((i) => i > limit / 4);
    const cut = at ?? limit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** A block of a message: its HTML and how long it shows. */
interface Block {
  html: string;
  length: number;
}

function textBlocks(markdown: string): Block[] {
  return splitText(clean(markdown), packLimit).map((piece) => ({ html: markdownToHtml(piece), length: visibleLength(piece) }));
}

/** Lines in monospace, so that labels and values line up; split over several blocks when long. */
function preBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ html: `<pre>${escapeHtml(current.join('\n'))}</pre>`, length: current.join('\n').length });
    current = [];
  };
  for (const line of lines.flatMap((l) => splitText(l, packLimit))) {
    if (current.join('\n').length + line.length + 1 > packLimit) flush();
    current.push(line);
  }
  flush();
  return blocks;
}

/** The summary's facts as aligned `label  value` lines. */
function factBlocks(reply: Reply): Block[] {
  const facts = (reply.facts ?? []).map((f) => ({ label: oneLine(f.label), value: oneLine(f.value) }));
  if (facts.length === 0) return [];
  const width = Math.max(...facts.map((f) => [...f.label].length));
  return preBlocks(facts.map((f) => `${f.label}${' '.repeat(width - [...f.label].length)}  ${f.value}`));
}

/** The choices as lines of text when they carry more than their label: hints (seats left), or a full session that is no button. */
function choiceListBlocks(choices: readonly Choice[]): Block[] {
  if (!choices.some((c) => c.hint || c.disabled)) return [];
  const lines = choices.map((c) => {
    const line = `${c.disabled ? disabledMark : '•'} ${oneLine(c.label)}${c.hint ? ` — ${oneLine(c.hint)}` : ''}`;
    return { html: c.disabled ? `<i>${escapeHtml(line)}</i>` : escapeHtml(line), length: line.length };
  });
  const blocks: Block[] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (last && last.length + 1 + line.length <= packLimit) blocks[blocks.length - 1] = { html: `${last.html}\n${line.html}`, length: last.length + 1 + line.length };
    else blocks.push(line);
  }
  return blocks;
}

/** Buttons for the choices that can be chosen now: two to a row when every label is short. */
function keyboard(choices: readonly Choice[], callbackData: (choiceId: string) => string): TelegramButton[][] {
  const buttons = choices.filter((c) => !c.disabled).map((c) => ({ text: oneLine(c.label).slice(0, 100) || '…', callback_data: callbackData(c.id) }));
  const perRow = buttons.every((b) => [...b.text].length <= 18) ? 2 : 1;
  const rows: TelegramButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/**
 * One reply as Telegram messages: the text (HTML, escaped), the facts as aligned monospace lines,
 * the choices with hints or a full session listed in the text, and the choices that can be
 * chosen as an inline keyboard on the last message. Split into several messages under 4,096
 * characters at paragraph, line or word boundaries. `callbackData` gives each choice id its
 * callback data (at most 64 bytes; callback-data.ts). Pure.
 */
export function renderTelegram(reply: Reply, callbackData: (choiceId: string) => string): TelegramMessage[] {
  const choices = reply.choices ?? [];
  const blocks = [...(reply.text.trim() ? textBlocks(reply.text) : []), ...factBlocks(reply), ...choiceListBlocks(choices)];
  const messages: Block[] = [];
  for (const block of blocks) {
    const last = messages.at(-1);
    if (last && last.length + 2 + block.length <= packLimit) messages[messages.length - 1] = { html: `${last.html}\n\n${block.html}`, length: last.length + 2 + block.length };
    else messages.push(block);
  }
  const rows = keyboard(choices, callbackData);
  // A keyboard needs a message to hang on, even when the reply has no text.
  if (messages.length === 0 && rows.length > 0) messages.push({ html: '…', length: 1 });
  return messages.map((m, i) => (i === messages.length - 1 && rows.length > 0 ? { text: m.html, reply_markup: { inline_keyboard: rows } } : { text: m.html }));
}

/** How to edit the message whose button was pressed: its text with the choice added (and no keyboard), or only the keyboard removed. */
export type PressedEdit = { kind: 'text'; text: string; entities: TelegramEntity[] } | { kind: 'keyboard' };

/**
 * The pressed message as it should read afterwards: the same text and formatting (Telegram's
 * entities, so no HTML round trip) with `✓ <label>` in bold at the end, and the buttons gone, so
 * the choice shows and cannot be pressed twice. Only the keyboard goes when the text is not
 * available or would grow too long. Pure.
 */
export function renderPressed(message: PressedMessage, data: string): PressedEdit {
  const label = message.buttons.find((b) => b.callback_data === data)?.text;
  if (message.text === undefined || label === undefined) return { kind: 'keyboard' };
  const mark = `${pressedMark} ${label}`;
  const text = `${message.text}\n\n${mark}`;
  if (text.length > maxMessageLength) return { kind: 'keyboard' };
  // Entity offsets count UTF-16 code units, as String.length does.
  return { kind: 'text', text, entities: [...(message.entities ?? []), { type: 'bold', offset: text.length - mark.length, length: mark.length }] };
}
