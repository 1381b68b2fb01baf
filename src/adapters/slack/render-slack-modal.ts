import type { FormSchema, FormSchemaField } from '../../dialogs/form-schema.ts';
import type { Reply } from '../../dialogs/types.ts';
import { escapeMrkdwn, replyBlocks, type SlackBlock, type SlackLabels } from './render-slack.ts';

/** The callback id of Balie's registration modal: its submissions come back under it. */
export const formCallbackId = 'balie-form';

/** The action id of every input element of the modal; the block id is the field id. */
export const fieldActionId = 'value';

// Slack's limits for a modal: 100 blocks, a title of 24 characters, labels and hints of 2,000, placeholders of 150.
const modalLimits = { blocks: 100, title: 24, label: 2000, hint: 2000, placeholder: 150, optionText: 75, initialValue: 3000 } as const;

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
interface Option {
  text: PlainText;
  value: string;
  description?: PlainText;
}
type InputElement =
  | { type: 'plain_text_input'; action_id: string; initial_value?: string; max_length?: number; placeholder?: PlainText }
  | { type: 'static_select'; action_id: string; options: Option[]; initial_option?: Option; placeholder?: PlainText }
  | { type: 'radio_buttons'; action_id: string; options: Option[]; initial_option?: Option };

/** A block of the modal: an input per field, sections for the intro and notes. */
export type ModalBlock = { type: 'input'; block_id: string; label: PlainText; hint?: PlainText; optional: boolean; element: InputElement } | SlackBlock;

/** A Slack modal view (views.open). */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit: PlainText;
  close: PlainText;
  private_metadata: string;
  blocks: ModalBlock[];
}

/** A Slack home tab view (views.publish). */
export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

const oneLine = (text: string) => text.replace(/[\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim();
const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);
const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: cut(oneLine(text), max) || '…', emoji: false });

function optionsOf(field: FormSchemaField): Option[] {
  return (field.options ?? []).slice(0, 100).map((o) => {
    // A full session can only be chosen with the waiting list: its description says so.
    const description = o.hint ?? undefined;
    return { text: plain(o.label, modalLimits.optionText), value: o.value, ...(description ? { description: plain(description, modalLimits.optionText) } : {}) };
  });
}

function elementOf(field: FormSchemaField): InputElement {
  const options = optionsOf(field);
  const initial = options.find((o) => o.value === field.value);
  if ((field.type === 'yesNo' || field.type === 'choice' || field.type === 'session') && options.length > 0) {
    if (field.type === 'yesNo') return { type: 'radio_buttons', action_id: fieldActionId, options, ...(initial ? { initial_option: initial } : {}) };
    return { type: 'static_select', action_id: fieldActionId, options, ...(initial ? { initial_option: initial } : {}), placeholder: plain(field.label, modalLimits.placeholder) };
  }
  // Free text, also for the country (any name or ISO code; the suggestions are in the hint).
  return {
    type: 'plain_text_input',
    action_id: fieldActionId,
    ...(field.value ? { initial_value: cut(field.value, modalLimits.initialValue) } : {}),
    ...(field.maxLength !== undefined ? { max_length: field.maxLength } : {}),
    ...(field.example ? { placeholder: plain(field.example, modalLimits.placeholder) } : {}),
  };
}

function inputBlock(field: FormSchemaField): ModalBlock {
  const suggestions = field.freeText && field.options ? ` (${field.options.map((o) => o.label).join(', ')})` : '';
  const hint = `${field.prompt}${suggestions}`;
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, modalLimits.label),
    ...(hint.trim() && hint !== field.label ? { hint: plain(hint, modalLimits.hint) } : {}),
    // A modal cannot hide a field until another one has a value: the address is optional and checked only with the book.
    optional: !field.required || field.showWhen !== undefined,
    element: elementOf(field),
  };
}

/** What the modal carries back in private_metadata: the language it was shown in. */
export interface FormMetadata {
  lang: FormSchema['lang'];
}

/**
 * The one-screen registration form as a Slack modal: the intro and notes as text, then one input
 * per field of `formSchema()` (block id = field id): text inputs with the prefill and an example
 * as placeholder, the sessions as a select with the seats as descriptions, yes/no as radio
 * buttons. Pure.
 */
export function renderFormModal(schema: FormSchema, labels: { title: string; close: string }): ModalView {
  const intro: SlackBlock[] = [schema.intro, ...schema.notes].filter((t) => t.trim()).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(cut(text, 2900)) } }));
  const metadata: FormMetadata = { lang: schema.lang };
  return {
    type: 'modal',
    callback_id: formCallbackId,
    title: plain(labels.title, modalLimits.title),
    submit: plain(schema.submitLabel, modalLimits.title),
    close: plain(labels.close, modalLimits.title),
    private_metadata: JSON.stringify(metadata),
    blocks: [...intro, ...schema.fields.map(inputBlock)].slice(0, modalLimits.blocks),
  };
}

/** The submitted state of one input, as Slack gives it in `view.state.values[block][action]`. */
export interface SubmittedInput {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
}

/** A submission's values by field id (block id), as `checkFormSubmission` takes them. */
export function submittedValues(state: Record<string, Record<string, SubmittedInput>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(state)) {
    const input = inputs[fieldActionId];
    const value = input?.selected_option?.value ?? input?.value;
    if (typeof value === 'string') values[blockId] = value;
  }
  return values;
}

/**
 * The refused fields as `response_action: errors` (block id -> message), given the modal's input
 * block ids. A field that is not in
 * the modal (none should be) is named on the first input, so the person is never left without a reason.
 */
export function modalErrors(fieldErrors: Record<string, string>, inputs: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, message] of Object.entries(fieldErrors)) {
    const target = inputs.includes(id) ? id : inputs[0];
    if (target !== undefined) errors[target] = cut(errors[target] ? `${errors[target]} ${message}` : message, 2000);
  }
  return errors;
}

/** The home tab: the replies of homeView as blocks (at most 100). Pure. */
export function renderHome(replies: readonly Reply[], labels: SlackLabels): HomeView {
  const blocks = replies.flatMap((reply, i) => [...(i > 0 ? [{ type: 'divider' } as const] : []), ...replyBlocks(reply, labels)]);
  return { type: 'home', blocks: blocks.slice(0, modalLimits.blocks) };
}
