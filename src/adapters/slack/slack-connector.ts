import type { ExpiringValues, Language } from '../../core/index.ts';
import { messages } from '../../dialogs/i18n/index.ts';
import type { Reply, UserInput } from '../../dialogs/types.ts';
import type { ChannelLogger, DeskViews, InboundMessage, InboundRefusal, MessageHandler } from '../channel.ts';
import { actionIds, openFormValue, renderPressed } from './render-slack.ts';
import { formCallbackId, modalErrors, renderFormModal, renderHome, submittedValues } from './render-slack-modal.ts';
import { commandInput, type SlackEvent } from './slack-event.ts';
import { replyLanguage, slackLabels, type SlackApi, type SlackNotifier } from './slack-notifier.ts';
import type { SlackPeople } from './slack-people.ts';

/** The channel part of every Slack user key: `slack:<user id>`. */
export const slackChannelName = 'slack';

/** What the connector works with; the app gives the handler, the views, the logger and the counter (ChannelContext). */
export interface SlackConnectorDeps {
  handler: MessageHandler;
  views: DeskViews;
  api: SlackApi;
  notifier: SlackNotifier;
  people: SlackPeople;
  /** Shared by every process: the mentions already answered (no turn, so no handled id of the Bot). */
  values: ExpiringValues;
  logger: ChannelLogger;
  count(outcome: InboundRefusal): void;
}

/** A delivery whose turn is saved, the answer for Slack's ack (a modal's errors) and the sending still to do. */
export interface HandledDelivery {
  /** What to acknowledge with: nothing, or a modal's `response_action`. */
  ack?: { response_action: 'errors'; errors: Record<string, string> };
  /** Settles once everything is sent (never rejects: failures are logged). */
  sent: Promise<void>;
}

type Of<K extends SlackEvent['kind']> = Extract<SlackEvent, { kind: K }>;
const nothingToSend: Promise<void> = Promise.resolve();
const lang = (locale: string | undefined): Language => (locale?.toLowerCase().startsWith('en') ? 'en' : 'nl');

/**
 * Turns Slack deliveries into turns: a DM (`message.im`), a button or select, a modal submission
 * and `/balie` become InboundMessages (`slack:<user id>`; the event id, the pressed message, the
 * trigger as `messageId`, so the Bot drops a redelivery; the locale from users.info; the user id as
 * the address). A press edits its message (chat.update) to show the choice without buttons; the
 * form button opens the modal (views.open, within the trigger's 3 seconds); a refused submission
 * answers with the errors in the modal. A mention in a channel gets one line with a button to the
 * DM; the home tab is published (views.publish). Each call resolves once the turn is saved, with
 * the sending still to do, in order per person. Never throws: failures are logged.
 */
export class SlackConnector {
  readonly #sending = new Map<string, Promise<void>>();

  constructor(private readonly deps: SlackConnectorDeps) {}

  /** The user key of a Slack user. */
  static userKey(userId: string): string {
    return `${slackChannelName}:${userId}`;
  }

  /** Handles one delivery; `id` names it in the "slack: delivery done" line the test drivers wait for. */
  async handle(event: SlackEvent): Promise<HandledDelivery> {
    let handled: HandledDelivery;
    try {
      handled = await this.#handle(event);
    } catch (error) {
      this.deps.logger.error({ kind: event.kind, err: String(error) }, 'slack: delivery failed');
      handled = { sent: nothingToSend };
    }
    const id = deliveryId(event);
    void handled.sent.then(() => this.deps.logger.debug({ delivery: id }, 'slack: delivery done'));
    return handled;
  }

  async #handle(event: SlackEvent): Promise<HandledDelivery> {
    switch (event.kind) {
      case 'message':
        return this.#turn(event.userId, { kind: 'text', text: event.text }, `e:${event.eventId}`, event.channelId);
      case 'press':
        return this.#press(event);
      case 'submit':
        return this.#submit(event);
      case 'command':
        return this.#command(event);
      case 'home':
        return { sent: this.#publishHome(event.userId) };
      case 'mention':
        return { sent: this.#mention(event) };
      case 'ignored':
        this.deps.count('ignored');
        return { sent: nothingToSend };
    }
  }

  /** Runs one turn and queues its replies for the DM (`channelId`, or the one conversations.open gives). */
  async #turn(userId: string, input: UserInput, messageId: string, channelId?: string, before?: () => Promise<void>): Promise<HandledDelivery & { replies: Reply[] }> {
    const person = await this.deps.people.get(userId);
    const message: InboundMessage = { userKey: SlackConnector.userKey(userId), input, messageId, ...(person.locale ? { locale: person.locale } : {}), address: userId };
    const replies = await this.deps.handler.handle(message);
    if (replies.length === 0) return { replies, sent: nothingToSend };
    const sent = this.#inOrder(userId, async () => {
      await before?.();
      await this.#reply(userId, replies, lang(person.locale), channelId);
    });
    return { replies, sent };
  }

  async #press(event: Of<'press'>): Promise<HandledDelivery> {
    if (event.actionId === actionIds.openDm) return { sent: nothingToSend };
    if (event.value === openFormValue) return { sent: this.#openForm(event.userId, event.triggerId) };
    const { sent } = await this.#turn(event.userId, { kind: 'choice', id: event.value }, event.pressId, event.message?.channelId, () => this.#markPressed(event));
    return { sent };
  }

  async #submit(event: Of<'submit'>): Promise<HandledDelivery> {
    if (event.callbackId !== formCallbackId) {
      this.deps.count('ignored');
      return { sent: nothingToSend };
    }
    const values = submittedValues(event.values);
    const person = await this.deps.people.get(event.userId);
    const message: InboundMessage = { userKey: SlackConnector.userKey(event.userId), input: { kind: 'form', values }, messageId: event.submitId, ...(person.locale ? { locale: person.locale } : {}), address: event.userId };
    const replies = await this.deps.handler.handle(message);
    const refused = replies.find((r) => r.fieldErrors && Object.keys(r.fieldErrors).length > 0);
    // Refused fields stay in the modal, next to each field; nothing else is said.
    if (refused?.fieldErrors) return { ack: { response_action: 'errors', errors: modalErrors(refused.fieldErrors, event.inputs) }, sent: nothingToSend };
    if (replies.length === 0) return { sent: nothingToSend };
    return { sent: this.#inOrder(event.userId, () => this.#reply(event.userId, replies, lang(person.locale))) };
  }

  /** What `/balie` typed outside the DM answers at once, only to the person: that the answer is in the DM. */
  async commandNote(event: Of<'command'>): Promise<string | undefined> {
    if (event.channelId.startsWith('D') || commandInput(event.text).kind === 'form') return undefined;
    return messages(lang((await this.deps.people.get(event.userId)).locale)).channel.answeredInDm;
  }

  async #command(event: Of<'command'>): Promise<HandledDelivery> {
    const asked = commandInput(event.text);
    if (asked.kind === 'form') return { sent: this.#openForm(event.userId, event.triggerId) };
    const input: UserInput = asked.kind === 'choice' ? { kind: 'choice', id: asked.id } : { kind: 'text', text: asked.text || 'menu' };
    // Typed in the DM: the answer goes there; elsewhere the DM is opened.
    const inDm = event.channelId.startsWith('D');
    const { sent } = await this.#turn(event.userId, input, event.commandId, inDm ? event.channelId : undefined);
    return { sent };
  }

  async #openForm(userId: string, triggerId: string | undefined): Promise<void> {
    if (!triggerId) return;
    const person = await this.deps.people.get(userId);
    const prefill: Record<string, string> = {
      ...(person.firstName ? { firstName: person.firstName } : {}),
      ...(person.lastName ? { lastName: person.lastName } : {}),
      ...(person.email ? { email: person.email } : {}),
    };
    const schema = await this.deps.views.form({ userKey: SlackConnector.userKey(userId), ...(person.locale ? { locale: person.locale } : {}) }, prefill);
    const m = messages(schema.lang);
    try {
      await this.deps.api.views.open({ trigger_id: triggerId, view: renderFormModal(schema, { title: m.channel.formShortTitle, close: m.channel.formClose }) as never });
    } catch (error) {
      this.deps.logger.warn({ code: slackCode(error) }, 'slack: the form was not opened');
    }
  }

  async #publishHome(userId: string): Promise<void> {
    try {
      const person = await this.deps.people.get(userId);
      const replies = await this.deps.views.home({ userKey: SlackConnector.userKey(userId), ...(person.locale ? { locale: person.locale } : {}) });
      await this.deps.api.views.publish({ user_id: userId, view: renderHome(replies, slackLabels(replyLanguage(replies, lang(person.locale)))) as never });
    } catch (error) {
      this.deps.logger.warn({ code: slackCode(error) }, 'slack: the home tab was not published');
    }
  }

  async #mention(event: Of<'mention'>): Promise<void> {
    this.deps.count('ignored');
    const answered = `slack:mention:${event.eventId}`;
    if ((await this.deps.values.get(answered).catch(() => null)) !== null) return;
    const m = messages(lang((await this.deps.people.get(event.userId)).locale));
    const url = event.appId ? `https://slack.com/app_redirect?app=${encodeURIComponent(event.appId)}${event.teamId ? `&team=${encodeURIComponent(event.teamId)}` : ''}` : undefined;
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: m.channel.continueInDm } },
      ...(url ? [{ type: 'actions', elements: [{ type: 'button', action_id: actionIds.openDm, text: { type: 'plain_text', text: m.channel.openDm }, url }] }] : []),
    ];
    try {
      await this.deps.api.chat.postMessage({ channel: event.channelId, thread_ts: event.threadTs, text: m.channel.continueInDm, blocks: blocks as never });
      await this.deps.values.set(answered, '1', 24 * 3600_000).catch(() => undefined);
    } catch (error) {
      this.deps.logger.warn({ code: slackCode(error) }, 'slack: the mention was not answered');
    }
  }

  async #markPressed(event: Of<'press'>): Promise<void> {
    if (!event.message) return;
    try {
      await this.deps.api.chat.update({ channel: event.message.channelId, ts: event.message.ts, text: event.message.text || event.label, blocks: renderPressed(event.message.blocks, event.label) as never });
    } catch (error) {
      this.deps.logger.warn({ code: slackCode(error) }, 'slack: pressed message not updated');
    }
  }

  async #reply(userId: string, replies: readonly Reply[], fallback: Language, channelId?: string): Promise<void> {
    const inLang = replyLanguage(replies, fallback);
    if (channelId) {
      await this.deps.notifier.send(channelId, replies, inLang).catch((error: unknown) => this.deps.logger.warn({ code: slackCode(error) }, 'slack: reply not delivered'));
      return;
    }
    const outcome = await this.deps.notifier.notify(userId, replies);
    if (!outcome.ok) this.deps.logger.warn({ code: outcome.code, reason: outcome.reason }, 'slack: reply not delivered');
  }

  /** Runs `send` after the sending already queued for the person. */
  #inOrder(userId: string, send: () => Promise<void>): Promise<void> {
    const queued = (this.#sending.get(userId) ?? nothingToSend).then(send).catch((error: unknown) => {
      this.deps.logger.error({ err: String(error) }, 'slack: sending failed');
    });
    this.#sending.set(userId, queued);
    void queued.then(() => {
      if (this.#sending.get(userId) === queued) this.#sending.delete(userId);
    });
    return queued;
  }
}

/** The id a delivery is known by in the logs (never personal data). */
export function deliveryId(event: SlackEvent): string {
  switch (event.kind) {
    case 'message':
    case 'home':
    case 'mention':
      return event.eventId;
    case 'press':
      return event.triggerId ?? event.pressId;
    case 'submit':
      return event.triggerId ?? event.submitId;
    case 'command':
      return event.triggerId;
    case 'ignored':
      return 'ignored';
  }
}

function slackCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown };
  return String(e?.data?.error ?? e?.code ?? 'unexpected');
}
