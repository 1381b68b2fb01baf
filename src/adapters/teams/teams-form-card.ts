import { messages } from '../../dialogs/i18n/index.ts';
import type { FormSchema, FormSchemaField } from '../../dialogs/form-schema.ts';
import { card, cardMessage, markdownToTeams, pressedMark, type CardElement, type TeamsMessage } from './render-teams.ts';

/** What to show on the form card besides the schema: the values sent back and the checker's reason per field. */
export interface FormCardState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

/**
 * The client-side pattern, where Adaptive Cards can check it: their `regex` has no flags, so a
 * pattern that needs Unicode property escapes (`\p{L}`) is left to the server's checker.
 */
function clientRegex(field: FormSchemaField): string | undefined {
  const pattern = field.pattern;
  if (!pattern || /\\p\{/i.test(pattern.regex) || /[^u]/.test(pattern.flags)) return undefined;
  return pattern.regex;
}

const optionTitle = (o: { label: string; hint?: string }) => `${o.label}${o.hint ? ` — ${o.hint}` : ''}`.slice(0, 300);

function input(field: FormSchemaField, value: string | undefined, clientRequired: boolean): CardElement {
  const common = {
    id: field.id,
    label: field.label,
    ...(clientRequired ? { isRequired: true, errorMessage: field.messages.empty ?? field.label } : {}),
    ...(value !== undefined && value !== '' ? { value } : {}),
  };
  if (field.id === 'book' && field.options) {
    const yes = field.options.find((o) => o.value === 'yes');
    // A toggle always has a value: nothing to require.
    return { type: 'Input.Toggle', id: field.id, label: field.label, title: yes?.label ?? field.label, valueOn: 'yes', valueOff: 'no', value: value === 'yes' ? 'yes' : 'no' };
  }
  if (field.options && !field.freeText) {
    return { type: 'Input.ChoiceSet', ...common, style: field.options.length > 5 ? 'compact' : 'expanded', choices: field.options.map((o) => ({ title: optionTitle(o), value: o.value })) };
  }
  const regex = clientRegex(field);
  const error = regex ? field.pattern?.message : field.messages.empty;
  return {
    type: 'Input.Text',
    ...common,
    ...(field.type === 'email' ? { style: 'Email' } : field.type === 'phone' ? { style: 'Tel' } : {}),
    ...(field.example ? { placeholder: field.example } : {}),
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    ...(regex ? { regex } : {}),
    ...(clientRequired || regex ? { errorMessage: error ?? field.label } : {}),
  };
}

/**
 * The registration form as one Adaptive Card, from `formSchema()`: a title, the intro and notes,
 * an input per field (required, with `regex` and `errorMessage` where the client can check), the
 * book as a toggle with the address beside it (checked on the server: it applies only with the
 * book), the current values, and under each field the reason it was refused. Submitting sends
 * `{ balie: 'form', lang, ...values }`.
 */
export function renderFormCard(schema: FormSchema, state: FormCardState = {}): TeamsMessage {
  const m = messages(schema.lang);
  const errors = state.errors ?? {};
  const body: CardElement[] = [textBlock(markdownToTeams(schema.title), { size: 'Large', weight: 'Bolder' }), textBlock(markdownToTeams(schema.intro))];
  for (const note of schema.notes) body.push(textBlock(markdownToTeams(note), { color: 'Warning' }));
  if (Object.keys(errors).length > 0) body.push(textBlock(m.formHasMistakes, { color: 'Attention', weight: 'Bolder' }));
  let address: CardElement[] | null = null;
  for (const field of schema.fields) {
    const value = state.values?.[field.id] ?? field.value;
    const conditional = field.showWhen !== undefined;
    const items: CardElement[] = [input(field, value, field.required && !conditional)];
    if (field.type === 'session' || field.id === 'waitlist') items.unshift(textBlock(markdownToTeams(field.prompt), { isSubtle: true, spacing: 'Medium' }));
    const error = errors[field.id];
    if (error) items.push(textBlock(error, { color: 'Attention', spacing: 'None', size: 'Small' }));
    if (conditional) {
      if (address === null) {
        address = [textBlock(m.channel.addressWithBook, { isSubtle: true, size: 'Small' })];
        body.push({ type: 'Container', id: 'address', spacing: 'Small', items: address });
      }
      address.push(...items);
    } else {
      body.push(...items);
    }
  }
  return cardMessage(card(body, [{ type: 'Action.Submit', title: schema.submitLabel, style: 'positive', data: { balie: 'form', lang: schema.lang } }]));
}

/** The form card once it was sent and taken: its title and that it was sent, nothing to press. */
export function renderFormSent(schema: Pick<FormSchema, 'title' | 'lang'>): TeamsMessage {
  return cardMessage(card([textBlock(markdownToTeams(schema.title), { weight: 'Bolder' }), textBlock(`${pressedMark} ${messages(schema.lang).channel.formSent}`)]));
}
