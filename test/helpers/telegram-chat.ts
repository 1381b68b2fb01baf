import type { Language } from '../../src/core/index.ts';
import { nextStep, type Person, type SeenReply } from '../adapters/console/form-filler.ts';
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
    return this.send(this.standIn.textUpdate(this.person, text));
  }

  async press(label: string, message: ChatMessage = this.withButton(label)): Promise<ChatMessage[]> {
    return this.send(this.standIn.pressUpdate(this.person, message, label));
  }

  /** Sends one update and returns the bot messages it added. */
  async send(update: Record<string, unknown>): Promise<ChatMessage[]> {
    const before = this.botMessages.length;
    if (this.transport === 'webhook') {
      const response = await this.standIn.deliver(update);
      if (response.status !== 200) throw new Error(`the webhook answered ${response.status}: ${response.text}`);
    } else {
      this.standIn.queue(update);
      await this.standIn.consumed(update.update_id as number);
    }
    return this.botMessages.slice(before);
  }

  /** Fills the whole registration form as `person` would, pressing buttons for choices; resolves with the bot's last messages. */
  async register(person: Person, lang: Language = 'nl'): Promise<{ waitlisted: boolean; turns: number }> {
    let replies = await this.say(lang === 'en' ? 'I want to register' : 'Ik wil me inschrijven');
    for (let turn = 1; turn <= 40; turn++) {
      const step = nextStep(replies.map(seen), person, lang);
      if (!step) throw new Error(`no answer for: ${replies.map((r) => r.text).join(' | ')}`);
      if (step.kind === 'done') return { waitlisted: step.waitlisted, turns: turn };
      if (step.kind === 'text') replies = await this.say(step.text);
      else {
        const message = [...this.botMessages].reverse().find((m) => m.keyboard.flat().some((b) => b.callback_data === step.id));
        const label = message?.keyboard.flat().find((b) => b.callback_data === step.id)?.text;
        if (!message || label === undefined) throw new Error(`no button for choice ${step.id}`);
        replies = await this.press(label, message);
      }
    }
    throw new Error('the registration did not finish in 40 turns');
  }
}

/** A Telegram message as the form filler reads replies: its text, its buttons as choices. */
export function seen(message: ChatMessage): SeenReply {
  return { text: message.text, choices: message.keyboard.flat().map((b) => ({ id: b.callback_data, label: b.text })) };
}
