import type { Language } from '../../src/core/index.ts';
import { messages } from '../../src/dialogs/i18n/index.ts';
import { nextStep, type NextStep, type Person, type SeenReply } from '../adapters/console/form-filler.ts';
import type { ChatMessage, TelegramPerson, TelegramStandIn } from './telegram-api.ts';

/** How updates reach the bot: posted to its webhook, or handed out by getUpdates. */
export type Transport = 'webhook' | 'polling';

/**
 * One person's private chat with the bot through the stand-in: say something or press a button,
 * and get the bot's new messages once it has handled the update (the webhook answered, or the
 * bot asked for the next updates).
 */
export class TelegramChat {
  constructor(
    readonly standIn: TelegramStandIn,
    readonly person: TelegramPerson,
    readonly transport: Transport = 'webhook',
    /** Told about every webhook request once Balie has sent everything for it: when the update was made, posted and answered (performance.now()). */
    readonly observe?: (timing: { madeAt: number; postedAt: number; answeredAt: number }) => void,
    /** Posts an update when it may (a limit on concurrent webhook requests, as Telegram's max_connections). */
    readonly gate: <T>(post: () => Promise<T>) => Promise<T> = (post) => post(),
    /** Resolves once Balie has sent everything for an update (its "telegram: update done" log line): the webhook answers before the replies go out. */
    readonly done: (updateId: number) => Promise<void> = async () => {},
    /** Waited for before each message is made (a person reading and typing). */
    readonly pause: () => Promise<void> = async () => {},
  ) {}

  /** The bot's messages in this chat, as they read now. */
  get botMessages(): ChatMessage[] {
    return this.standIn.chat(this.person.id).filter((m) => m.from === 'bot');
  }

  /** The bot's latest message that has a button labelled `label`. */
  withButton(label: string): ChatMessage {
    const message = [...this.botMessages].reverse().find((m) => m.keyboard.flat().some((b) => b.text === label));
    if (!message) throw new Error(`no message with a button "${label}"; the bot said: ${this.botMessages.map((m) => m.text).join(' | ')}`);
    return message;
  }

  async say(text: string): Promise<ChatMessage[]> {
    await this.pause();
    return this.send(this.standIn.textUpdate(this.person, text));
  }

  async press(label: string, message: ChatMessage = this.withButton(label)): Promise<ChatMessage[]> {
    await this.pause();
    return this.send(this.standIn.pressUpdate(this.person, message, label));
  }

  /** Sends one update and returns the bot messages it added. */
  async send(update: Record<string, unknown>): Promise<ChatMessage[]> {
    const before = this.botMessages.length;
    if (this.transport === 'webhook') {
      const madeAt = performance.now();
      let postedAt = madeAt;
      const response = await this.gate(() => {
        postedAt = performance.now();
        return this.standIn.deliver(update);
      });
      const answeredAt = performance.now();
      if (response.status !== 200) throw new Error(`the webhook answered ${response.status}: ${response.text}`);
      await this.done(update.update_id as number);
      this.observe?.({ madeAt, postedAt, answeredAt });
    } else {
      this.standIn.queue(update);
      await this.standIn.consumed(update.update_id as number);
    }
    return this.botMessages.slice(before);
  }

  /**
   * Fills the whole registration form as `person` would, pressing buttons for choices. Each answer
   * waits until the bot has asked its next question (the form filler recognises it), so it also
   * works without the `done` signal (the benchmark runs Balie at LOG_LEVEL info).
   */
  async register(person: Person, lang: Language = 'nl'): Promise<{ waitlisted: boolean; turns: number }> {
    const m = messages(lang);
    // The form filler does not know the question asked when the venue filled up meanwhile: say yes to the waiting list.
    const answer = (replies: ChatMessage[]): NextStep | null => {
      const waitlist = replies.at(-1)?.keyboard.flat().find((b) => b.text === m.joinWaitlist || b.text === m.yes);
      return nextStep(replies.map(seen), person, lang) ?? (waitlist ? { kind: 'choice', id: waitlist.callback_data } : null);
    };
    const asked = async (send: () => Promise<unknown>): Promise<ChatMessage[]> => {
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
        const message = [...this.botMessages].reverse().find((msg) => msg.keyboard.flat().some((b) => b.callback_data === step.id));
        const label = message?.keyboard.flat().find((b) => b.callback_data === step.id)?.text;
        if (!message || label === undefined) throw new Error(`no button for choice ${step.id}`);
        replies = await asked(() => this.press(label, message));
      }
    }
    throw new Error('the registration did not finish in 40 turns');
  }
}

/** A Telegram message as the form filler reads replies: its text, its buttons as choices. */
export function seen(message: ChatMessage): SeenReply {
  return { text: message.text, choices: message.keyboard.flat().map((b) => ({ id: b.callback_data, label: b.text })) };
}
