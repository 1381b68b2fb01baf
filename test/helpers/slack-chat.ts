import type { Language } from '../../src/core/index.ts';
import { messages } from '../../src/dialogs/i18n/index.ts';
import { nextStep, type NextStep, type Person, type SeenReply } from '../adapters/console/form-filler.ts';
import { SlackStandIn, type DeliveryAnswer, type DeliveryKind, type SlackChatMessage, type SlackTransport } from './slack-api.ts';

/**
 * Waits for Balie's "slack: delivery done" log lines (debug level), keyed by the delivery's id (the
 * event id, the trigger id): Balie answers Slack once a turn is saved and sends the replies right
 * after, so a driver waits for this line before it reads them. Fed one log line at a time.
 */
export class DeliveryDoneWatcher {
  readonly #done = new Set<string>();
  readonly #waiting = new Map<string, () => void>();

  feed(line: string): void {
    if (!line.includes('"msg":"slack: delivery done"')) return;
    const id = /"delivery":"([^"]+)"/.exec(line)?.[1] ?? '';
    const waiter = this.#waiting.get(id);
    if (waiter) {
      this.#waiting.delete(id);
      waiter();
    } else this.#done.add(id);
  }

  wait(id: string, timeoutMs = 15_000): Promise<void> {
    if (this.#done.delete(id)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`balie did not finish Slack delivery ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The id a delivery's "done" line names: the event id, else the trigger id. */
export function deliveryIdOf(body: Record<string, unknown>): string {
  return String(body.event_id ?? body.trigger_id);
}

/**
 * One person's DM with the app through the stand-in: say something, press a button or choose from
 * a select, run /balie, and get the bot's new messages once Balie has sent everything for it.
 */
export class SlackChat {
  readonly channel: string;

  constructor(
    readonly standIn: SlackStandIn,
    readonly userId: string,
    readonly transport: SlackTransport = 'http',
    /** Resolves once Balie has sent everything for a delivery (its "slack: delivery done" line). */
    readonly done: (id: string) => Promise<void> = async () => {},
    /** Told about every delivery: when it was made and when Balie answered (performance.now()). */
    readonly observe?: (timing: { madeAt: number; answeredAt: number; status: number }) => void,
  ) {
    this.channel = SlackStandIn.dmOf(userId);
  }

  get botMessages(): SlackChatMessage[] {
    return this.standIn.conversation(this.channel).filter((m) => m.from === 'bot');
  }

  /** The bot's latest message with a control labelled `label`. */
  withControl(label: string): SlackChatMessage {
    const message = [...this.botMessages].reverse().find((m) => m.controls.some((c) => c.label === label));
    if (!message) throw new Error(`no message with "${label}"; the bot said: ${this.botMessages.map((m) => m.text).join(' | ')}`);
    return message;
  }

  say(text: string): Promise<SlackChatMessage[]> {
    return this.send('events_api', this.standIn.messageEvent(this.userId, text));
  }

  press(label: string, message: SlackChatMessage | undefined = this.withControl(label)): Promise<SlackChatMessage[]> {
    return this.send('interactive', this.standIn.pressPayload(this.userId, label, message));
  }

  command(text: string): Promise<SlackChatMessage[]> {
    return this.send('slash_commands', this.standIn.commandBody(this.userId, text));
  }

  /** Delivers one body, waits until Balie has sent everything for it, and returns the bot messages it added. */
  async send(kind: DeliveryKind, body: Record<string, unknown>): Promise<SlackChatMessage[]> {
    const before = this.botMessages.length;
    const answer = await this.deliver(kind, body);
    if (answer.status !== 200) throw new Error(`Balie answered ${answer.status}: ${answer.text}`);
    await this.done(deliveryIdOf(body));
    return this.botMessages.slice(before);
  }

  /** Delivers one body over the chat's transport and gives Balie's answer (not waiting for the sending). */
  async deliver(kind: DeliveryKind, body: Record<string, unknown>, retry = 0): Promise<DeliveryAnswer> {
    const madeAt = performance.now();
    const answer = this.transport === 'http' ? await this.standIn.deliverHttp(kind, body as Record<string, string>, { retryNum: retry }) : await this.standIn.deliverSocket(kind, body, retry);
    this.observe?.({ madeAt, answeredAt: performance.now(), status: answer.status });
    return answer;
  }

  /** Fills the whole registration form in the DM as `person` would, pressing buttons and choosing from selects. */
  async register(person: Person, lang: Language = 'nl'): Promise<{ waitlisted: boolean; turns: number }> {
    const m = messages(lang);
    const answer = (replies: SlackChatMessage[]): NextStep | null => {
      const waitlist = replies.at(-1)?.controls.find((c) => c.label === m.joinWaitlist || c.label === m.yes);
      return nextStep(replies.map(seen), person, lang) ?? (waitlist ? { kind: 'choice', id: waitlist.value } : null);
    };
    const asked = async (send: () => Promise<unknown>): Promise<SlackChatMessage[]> => {
      const before = this.botMessages.length;
      await send();
      await this.standIn.until(() => answer(this.botMessages.slice(before)) !== null, 30_000, `the bot did not ask ${person.email} anything it knows`);
      return this.botMessages.slice(before);
    };
    let replies = await asked(() => this.say(lang === 'en' ? 'I want to register' : 'Ik wil me inschrijven'));
    for (let turn = 1; turn <= 40; turn++) {
      const step = answer(replies);
      if (!step) throw new Error(`no answer for: ${replies.map((r) => r.text).join(' | ')}`);
      if (step.kind === 'done') return { waitlisted: step.waitlisted, turns: turn };
      if (step.kind === 'text') replies = await asked(() => this.say(step.text));
      else {
        const message = [...this.botMessages].reverse().find((msg) => msg.controls.some((c) => c.value === step.id));
        const label = message?.controls.find((c) => c.value === step.id)?.label;
        if (!message || label === undefined) throw new Error(`no control for choice ${step.id}`);
        replies = await asked(() => this.press(label, message));
      }
    }
    throw new Error('the registration did not finish in 40 turns');
  }
}

/** A Slack message as the form filler reads replies: its text, its controls as choices. */
export function seen(message: SlackChatMessage): SeenReply {
  return { text: message.text, choices: message.controls.filter((c) => c.url === undefined).map((c) => ({ id: c.value, label: c.label })) };
}
