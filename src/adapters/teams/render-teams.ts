import type { Language } from '../../core/index.ts';
import { messages } from '../../dialogs/i18n/index.ts';
import type { Choice, Reply } from '../../dialogs/types.ts';
import { choiceInputId } from './teams-activity.ts';

/** Adaptive Cards as Teams renders them: version 1.5 at most. */
export const adaptiveCardVersion = '1.5';
export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

/** One element of a card's body or actions (Adaptive Cards JSON). */
export type CardElement = Record<string, unknown>;

/** An Adaptive Card. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

/** A message activity to send: markdown text, or one Adaptive Card. */
export interface TeamsMessage {
  type: 'message';
  text?: string;
  textFormat?: 'markdown';
  attachments?: Array<{ contentType: string; content: AdaptiveCard }>;
}

/** What a card keeps once a choice on it was pressed: its body without anything to press, and the label of each choice. */
export interface PressableCard {
  body: CardElement[];
  labels: Record<string, string>;
}

/** A rendered reply: the message, and for a card with something to press what it keeps once pressed. */
export interface RenderedReply {
  message: TeamsMessage;
  pressable?: PressableCard;
}

/** The mark of the choice made on a pressed card, and of a full session. */
export const pressedMark = '✓';
export const disabledMark = '✗';

// More choices than this are a list to pick from (Input.ChoiceSet) with one submit button.
const maxButtons = 6;

// Control characters other than line breaks never reach Teams, whatever a reply echoes back.
const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '));
const oneLine = (text: string) => clean(text).replace(/\s*\n\s*/g, ' ').trim();

/** The dialogs' markdown subset (`*bold*`, line breaks) as Teams markdown (`**bold**`). */
export function markdownToTeams(text: string): string {
  return clean(text).replace(/\*([^*\n]+)\*/g, '**$1**');
}

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** The text as TextBlocks: a paragraph each, list items kept together (Adaptive Cards join single line breaks). */
function textBlocks(text: string): CardElement[] {
  const blocks: CardElement[] = [];
  for (const paragraph of markdownToTeams(text).split(/\n\s*\n/)) {
    const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
    let list: string[] = [];
    const flush = () => {
      if (list.length > 0) blocks.push(textBlock(list.join('\n'), blocks.length > 0 ? { spacing: 'Small' } : {}));
      list = [];
    };
    for (const line of lines) {
      if (/^\s*(?:[-•]|\d+[.)])\s/.test(line)) list.push(line.replace(/^\s*•\s/, '- '));
      else {
        flush();
        blocks.push(textBlock(line, blocks.length > 0 ? { spacing: 'Small' } : {}));
      }
    }
    flush();
  }
  return blocks;
}

export const card = (body: CardElement[], actions: CardElement[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: adaptiveCardVersion,
  body,
  ...(actions.length > 0 ? { actions } : {}),
  msteams: { width: 'Full' },
});

export const cardMessage = (content: AdaptiveCard): TeamsMessage => ({ type: 'message', attachments: [{ contentType: adaptiveCardContentType, content }] });

const submit = (title: string, data: Record<string, unknown>, extra: CardElement = {}): CardElement => ({ type: 'Action.Submit', title: title.slice(0, 200) || '…', data, ...extra });
const choiceAction = (c: Choice): CardElement => submit(oneLine(c.label), { balie: 'choice', id: c.id, label: oneLine(c.label).slice(0, 200) });

/** The language of a reply with the main menu: the register button's label says it. */
function menuLanguage(choices: readonly Choice[], fallback: Language): Language {
  const register = choices.find((c) => c.id === 'register')?.label;
  if (register === messages('en').menu.register) return 'en';
  if (register === messages('nl').menu.register) return 'nl';
  return fallback;
}

/** A row per choice: its button with the hint beside it, or a full session as text (no button). */
function choiceRows(choices: readonly Choice[]): CardElement[] {
  return choices.map((c) => {
    const hint = c.hint ? [{ type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [textBlock(oneLine(c.hint), { isSubtle: true, size: 'Small' })] }] : [];
    const left = c.disabled
      ? { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [textBlock(`${disabledMark} ${oneLine(c.label)}`, { isSubtle: true })] }
      : { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [choiceAction(c)] }] };
    return { type: 'ColumnSet', spacing: 'Small', columns: [left, ...hint] };
  });
}

/** Many choices: one list to pick from (hints in the titles) and a submit; full sessions listed as text. */
function choiceList(choices: readonly Choice[]): { body: CardElement[]; actions: CardElement[] } {
  const open = choices.filter((c) => !c.disabled);
  const full = choices.filter((c) => c.disabled);
  const body: CardElement[] = [
    {
      type: 'Input.ChoiceSet',
      id: choiceInputId,
      style: 'compact',
      isRequired: true,
      value: open[0]?.id,
      choices: open.map((c) => ({ title: `${oneLine(c.label)}${c.hint ? ` — ${oneLine(c.hint)}` : ''}`.slice(0, 300), value: c.id })),
    },
    ...full.map((c) => textBlock(`${disabledMark} ${oneLine(c.label)}${c.hint ? ` — ${oneLine(c.hint)}` : ''}`, { isSubtle: true, spacing: 'Small' })),
  ];
  return { body, actions: open.length > 0 ? [submit('OK', { balie: 'choice' })] : [] };
}

/**
 * One reply as a Teams message: plain markdown when it is only text, else one Adaptive Card 1.5:
 * the text as TextBlocks, the facts as a FactSet, the choices as Action.Submit buttons (the hint
 * beside each, a full session as text, not as a button), or as an Input.ChoiceSet with one submit
 * when there are more than six. A card with the main menu also gets the button that opens the
 * one-card form, in the menu's language (else `lang`). Pure.
 */
export function renderTeams(reply: Reply, lang: Language): RenderedReply {
  const choices = reply.choices ?? [];
  const facts = (reply.facts ?? []).map((f) => ({ title: oneLine(f.label), value: oneLine(f.value) }));
  if (choices.length === 0 && facts.length === 0) return { message: { type: 'message', text: markdownToTeams(reply.text) || '…', textFormat: 'markdown' } };
  const body = [...(reply.text.trim() ? textBlocks(reply.text) : []), ...(facts.length > 0 ? [{ type: 'FactSet', facts }] : [])];
  const pressedBody = [...body];
  let actions: CardElement[] = [];
  if (choices.length > maxButtons) {
    const list = choiceList(choices);
    body.push(...list.body);
    actions = list.actions;
  } else if (choices.some((c) => c.hint || c.disabled)) {
    body.push(...choiceRows(choices));
  } else {
    actions = choices.map(choiceAction);
  }
  if (choices.some((c) => c.id === 'register')) {
    const formLang = menuLanguage(choices, lang);
    actions.push(submit(messages(formLang).channel.openForm, { balie: 'openForm', lang: formLang }));
  }
  const open = choices.filter((c) => !c.disabled);
  const pressable = open.length > 0 ? { pressable: { body: pressedBody, labels: Object.fromEntries(open.map((c) => [c.id, oneLine(c.label)])) } } : {};
  return { message: cardMessage(card(body, actions)), ...pressable };
}

/** The pressed card as it reads afterwards: its text and facts with the choice made, without anything to press. */
export function renderPressed(pressedBody: readonly CardElement[] | null, label: string): TeamsMessage {
  return cardMessage(card([...(pressedBody ?? []), textBlock(`${pressedMark} **${oneLine(label)}**`, { spacing: 'Medium' })]));
}
