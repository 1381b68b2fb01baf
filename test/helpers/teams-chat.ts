import type { Language } from '../../src/core/index.ts';
import { messages } from '../../src/dialogs/i18n/index.ts';
import { nextStep, type NextStep, type Person, type SeenReply } from '../adapters/console/form-filler.ts';
import type { BotConnectorStandIn, SentActivity, SignOptions, TeamsPerson } from './bot-connector.ts';

type Element = Record<string, unknown>;

/** The Adaptive Card of a sent activity, if it has one. */
export function cardOf(sent: SentActivity): { body: Element[]; actions: Element[] } | null {
  const attachments = (sent.activity.attachments ?? []) as Array<{ contentType: string; content: { body?: Element[]; actions?: Element[] } }>;
  const content = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  return content ? { body: content.body ?? [], actions: content.actions ?? [] } : null;
}

/** Every element of a card, nested ones included (columns, containers, action sets). */
export function elementsOf(sent: SentActivity): Element[] {
  const card = cardOf(sent);
  if (!card) return [];
  const all: Element[] = [];
  const walk = (items: unknown): void => {
    for (const item of (items ?? []) as Element[]) {
      all.push(item);
      walk(item.items);
      walk(item.columns);
      walk(item.actions);
    }
  };
  walk(card.body);
  walk(card.actions);
  return all;
}

/** What a person reads in a sent activity: its text, or the card's TextBlocks, FactSet and choice titles. */
export function textOf(sent: SentActivity): string {
  if (typeof sent.activity.text === 'string') return sent.activity.text;
  return elementsOf(sent)
    .flatMap((e) => (e.type === 'TextBlock' ? [String(e.text)] : e.type === 'FactSet' ? (e.facts as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`) : []))
    .join('\n');
}

/** The choices a person can press on a sent activity: buttons and the entries of its choice list. */
export function choicesOf(sent: SentActivity): Array<{ id: string; label: string }> {
  return elementsOf(sent).flatMap((e) => {
    const data = e.data as { balie?: string; id?: string } | undefined;
    if (e.type === 'Action.Submit' && data?.balie === 'choice' && data.id) return [{ id: data.id, label: String(e.title) }];
    if (e.type === 'Input.ChoiceSet' && e.id === 'balie.choice') return (e.choices as Array<{ title: string; value: string }>).map((c) => ({ id: c.value, label: c.title }));
    return [];
  });
}

/** A sent activity as the form filler reads replies (the dialogs' `*bold*` back from Teams' `**bold**`). */
export const seen = (sent: SentActivity): SeenReply => ({ text: textOf(sent).replace(/\*\*/g, '*'), choices: choicesOf(sent) });

/** One person's personal chat with the bot through the stand-in. */
export class TeamsChat {
  readonly conversationId: string;
  /** Told how long each delivery took, from the POST to Balie's answer (its replies are sent by then). */
  observe?: (ms: number) => void;
  /** Waited for before each message of `register` (a person reading and typing). */
  pause: () => Promise<void> = async () => {};

  constructor(
    readonly standIn: BotConnectorStandIn,
    readonly person: TeamsPerson,
    readonly conversationType: 'personal' | 'groupChat' | 'channel' = 'personal',
  ) {
    this.conversationId = conversationType === 'personal' ? `a:personal-${person.id}` : `19:group-${person.id}@thread.v2`;
    if (person.email) standIn.members.set(person.id, person);
  }

  /** What the bot sent into this conversation, as it reads now. */
  get botActivities(): SentActivity[] {
    return this.standIn.conversation(this.conversationId);
  }

  /** An activity from this person, as the Bot Connector delivers it. */
  activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `u${this.standIn.nextId()}`,
      timestamp: new Date().toISOString(),
      serviceUrl: this.standIn.serviceUrl,
      channelId: 'msteams',
      from: { id: this.person.id, name: this.person.name ?? 'Ann Peeters', aadObjectId: '00000000-0000-4000-8000-000000000001' },
      recipient: { id: `28:${this.standIn.appId}`, name: 'Balie' },
      conversation: { id: this.conversationId, conversationType: this.conversationType, tenantId: this.standIn.tenantId },
      channelData: { tenant: { id: this.standIn.tenantId } },
      locale: this.person.locale ?? 'nl-BE',
      ...extra,
    };
  }

  /** Delivers an activity and returns what the bot sent for it (Teams gets its answer after the sending). */
  async send(activity: Record<string, unknown>, options: SignOptions = {}): Promise<SentActivity[]> {
    const before = new Set(this.botActivities);
    // Signed first: the time observed is Balie's alone.
    const token = options.token === undefined ? this.standIn.sign(options) : options.token;
    const postedAt = performance.now();
    const { status, text } = await this.standIn.deliver(activity, { ...options, token });
    if (status !== 200) throw new Error(`the bot answered ${status}: ${text}`);
    this.observe?.(performance.now() - postedAt);
    return this.botActivities.filter((a) => !before.has(a));
  }

  say(text: string): Promise<SentActivity[]> {
    return this.send(this.activity({ text }));
  }

  /** The latest card with a button (or list entry) `label`. */
  withChoice(label: string): SentActivity {
    const card = [...this.botActivities].reverse().find((a) => choicesOf(a).some((c) => c.label === label) || elementsOf(a).some((e) => e.type === 'Action.Submit' && e.title === label));
    if (!card) throw new Error(`no card with "${label}"; the bot said: ${this.botActivities.map(textOf).join(' | ')}`);
    return card;
  }

  /** Presses the button `label` (or picks it from the list and submits) on `card`. */
  press(label: string, card: SentActivity = this.withChoice(label)): Promise<SentActivity[]> {
    return this.send(this.pressActivity(label, card));
  }

  pressActivity(label: string, card: SentActivity = this.withChoice(label)): Record<string, unknown> {
    const button = elementsOf(card).find((e) => e.type === 'Action.Submit' && e.title === label);
    if (button) return this.activity({ value: button.data, replyToId: card.id });
    const entry = choicesOf(card).find((c) => c.label === label);
    const submit = elementsOf(card).find((e) => e.type === 'Action.Submit' && (e.data as { balie?: string }).balie === 'choice');
    if (!entry || !submit) throw new Error(`"${label}" is not on the card`);
    return this.activity({ value: { ...(submit.data as Element), 'balie.choice': entry.id }, replyToId: card.id });
  }

  /** The latest one-card form. */
  formCard(): SentActivity {
    const form = [...this.botActivities].reverse().find((a) => elementsOf(a).some((e) => e.type === 'Action.Submit' && (e.data as { balie?: string }).balie === 'form'));
    if (!form) throw new Error('no form card');
    return form;
  }

  /** Submits the latest form card with its current values changed by `values` (what Teams sends for Action.Submit). */
  submitForm(values: Record<string, string>, form: SentActivity = this.formCard()): Promise<SentActivity[]> {
    const inputs = Object.fromEntries(elementsOf(form).flatMap((e) => (String(e.type).startsWith('Input.') && e.value !== undefined ? [[String(e.id), String(e.value)]] : [])));
    const submit = elementsOf(form).find((e) => e.type === 'Action.Submit' && (e.data as { balie?: string }).balie === 'form');
    return this.send(this.activity({ value: { ...inputs, ...(submit?.data as Element), ...values }, replyToId: form.id }));
  }

  /** Fills the whole registration form in the chat as `person` would, pressing buttons for choices. */
  async register(person: Person, lang: Language = 'nl'): Promise<{ waitlisted: boolean; turns: number }> {
    const m = messages(lang);
    const answer = (replies: SentActivity[]): NextStep | null => {
      const waitlist = replies.at(-1) && choicesOf(replies.at(-1)!).find((c) => c.label === m.joinWaitlist || c.label === m.yes);
      return nextStep(replies.map(seen), person, lang) ?? (waitlist ? { kind: 'choice', id: waitlist.id } : null);
    };
    // Balie answers once the replies are sent, or after 10 s with the turn still running: then they come later.
    const asked = async (send: () => Promise<unknown>): Promise<SentActivity[]> => {
      const before = this.botActivities.length;
      await send();
      await this.standIn.until(() => answer(this.botActivities.slice(before)) !== null, 30_000, `the bot did not ask ${person.email} anything it knows`);
      return this.botActivities.slice(before);
    };
    let replies = await asked(() => this.say(lang === 'en' ? 'I want to register' : 'Ik wil me inschrijven'));
    for (let turn = 1; turn <= 40; turn++) {
      const step = answer(replies);
      if (!step) throw new Error(`no answer for: ${replies.map(textOf).join(' | ')}`);
      if (step.kind === 'done') return { waitlisted: step.waitlisted, turns: turn };
      await this.pause();
      if (step.kind === 'text') replies = await asked(() => this.say(step.text));
      else {
        const card = [...this.botActivities].reverse().find((a) => choicesOf(a).some((c) => c.id === step.id));
        const label = card && choicesOf(card).find((c) => c.id === step.id)?.label;
        if (!card || label === undefined) throw new Error(`no button for choice ${step.id}`);
        replies = await asked(() => this.press(label, card));
      }
    }
    throw new Error('the registration did not finish in 40 turns');
  }
}
