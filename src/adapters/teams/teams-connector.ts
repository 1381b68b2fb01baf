import { TeamsInfo, TurnContext } from 'botbuilder';
import type { ExpiringValues, Language } from '../../core/index.ts';
import { messages } from '../../dialogs/i18n/index.ts';
import type { Reply, UserInput } from '../../dialogs/types.ts';
import type { ChannelLogger, DeskViews, InboundRefusal, MessageHandler } from '../channel.ts';
import { renderPressed } from './render-teams.ts';
import { asksForForm, parseTeamsActivity, type TeamsEvent, type TeamsOrigin } from './teams-activity.ts';
import { renderFormCard, renderFormSent } from './teams-form-card.ts';
import { addressOf, findPressable, sendReplies } from './teams-notifier.ts';

/** The channel part of every Teams user key: `teams:<user id>`. */
export const teamsChannelName = 'teams';

/** What the connector works with; the app gives the handler, the values, the logger and the counter (ChannelContext). */
export interface TeamsConnectorDeps {
  handler: MessageHandler;
  values: ExpiringValues;
  /** The one-screen form in the language of the person's conversation (the Bot's formView). */
  views: DeskViews;
  logger: ChannelLogger;
  count(outcome: InboundRefusal): void;
}

// How long an opened form is remembered per activity, so that a redelivery does not send a second card.
const openedTtlMs = 3600_000;

const languageOf = (locale: string | undefined): Language => (locale?.toLowerCase().startsWith('en') ? 'en' : 'nl');

type Of<K extends TeamsEvent['kind']> = Extract<TeamsEvent, { kind: K }>;

/**
 * Turns activities (after botbuilder checked their token) into turns: a personal-chat message
 * becomes an InboundMessage (`teams:<user id>`, conversation id + activity id as `messageId`, so the
 * Bot drops a redelivery; `activity.locale`; the conversation reference as the address), a press on
 * a card too (the card's id as `messageId`, so a second press on one card is dropped), and the card
 * is updated to show the choice without buttons. "Fill in the form" sends the one-card form
 * (prefilled from the directory, TeamsInfo.getMember), a submitted form goes to the Bot as
 * `{kind: 'form'}`: refused fields come back on the same card, a taken one closes it. A team
 * channel or group chat gets one line. Resolves once everything is sent (Teams gets its answer
 * after that); never throws: a failure is logged.
 */
export class TeamsConnector {
  constructor(private readonly deps: TeamsConnectorDeps) {}

  /** The user key of a Teams user. */
  static userKey(userId: string): string {
    return `${teamsChannelName}:${userId}`;
  }

  async onTurn(context: TurnContext): Promise<void> {
    const parsed = parseTeamsActivity(context.activity);
    if (!parsed.ok) {
      this.deps.count('rejected');
      this.deps.logger.warn({ problem: parsed.message }, 'teams: not an activity');
      return;
    }
    const { event } = parsed;
    try {
      switch (event.kind) {
        case 'message':
          return asksForForm(event.text) ? await this.#openForm(context, { ...event, kind: 'openForm' }) : await this.#turn(context, event, { kind: 'text', text: event.text }, `m:${event.conversationId}:${event.activityId}`);
        case 'welcome':
          return await this.#turn(context, event, { kind: 'choice', id: 'menu' }, `w:${event.conversationId}:${event.activityId}`);
        case 'press':
          return await this.#press(context, event);
        case 'openForm':
          return await this.#openForm(context, event);
        case 'form':
          return await this.#form(context, event);
        case 'group':
          this.deps.count('ignored');
          await context.sendActivity({ type: 'message', text: messages(languageOf(event.locale)).channel.privateChatOnly, textFormat: 'markdown' });
          return;
        case 'ignored':
          this.deps.count('ignored');
          return;
      }
    } catch (error) {
      // Never the error's message: a Connector error can quote the request.
      this.deps.logger.error({ kind: event.kind, err: error instanceof Error ? error.name : 'unknown', status: (error as { statusCode?: unknown }).statusCode }, 'teams: activity failed');
    }
  }

  /** Runs the Bot's turn; resolves with its replies (none for a redelivery). */
  #handle(context: TurnContext, origin: TeamsOrigin, input: UserInput, messageId: string): Promise<Reply[]> {
    return this.deps.handler.handle({
      userKey: TeamsConnector.userKey(origin.userId),
      input,
      messageId,
      ...(origin.locale ? { locale: origin.locale } : {}),
      address: addressOf(TurnContext.getConversationReference(context.activity)),
    });
  }

  async #turn(context: TurnContext, origin: TeamsOrigin, input: UserInput, messageId: string): Promise<void> {
    const replies = await this.#handle(context, origin, input, messageId);
    await sendReplies(context, replies, languageOf(origin.locale), this.deps.values);
  }

  async #press(context: TurnContext, event: Of<'press'>): Promise<void> {
    const cardId = event.cardId;
    const pressable = cardId ? findPressable(this.deps.values, event.conversationId, cardId).catch(() => null) : Promise.resolve(null);
    const replies = await this.#handle(context, event, { kind: 'choice', id: event.choiceId }, cardId ? `p:${event.conversationId}:${cardId}` : `m:${event.conversationId}:${event.activityId}`);
    // No replies: a redelivery, or a second press on a card already answered.
    if (replies.length === 0) return;
    const kept = await pressable;
    const label = kept?.labels[event.choiceId] ?? event.label ?? event.choiceId;
    await Promise.all([cardId ? this.#update(context, cardId, renderPressed(kept?.body ?? null, label)) : undefined, sendReplies(context, replies, languageOf(event.locale), this.deps.values)]);
  }

  async #openForm(context: TurnContext, event: Of<'openForm'>): Promise<void> {
    const key = `teams:opened:${event.conversationId}:${event.activityId}`;
    if ((await this.deps.values.get(key)) !== null) return;
    await this.deps.values.set(key, '1', openedTtlMs);
    const prefill = await this.#directory(context, event.userId);
    await context.sendActivity(renderFormCard(await this.#schema(event, prefill)));
  }

  #schema(origin: TeamsOrigin, prefill: Record<string, string>) {
    return this.deps.views.form({ userKey: TeamsConnector.userKey(origin.userId), ...(origin.locale ? { locale: origin.locale } : {}) }, prefill);
  }

  /** The name and e-mail the directory has for the person (TeamsInfo.getMember), to prefill the form. */
  async #directory(context: TurnContext, userId: string): Promise<Record<string, string>> {
    try {
      const member = await TeamsInfo.getMember(context, userId);
      const prefill: Record<string, string> = {};
      if (member.givenName) prefill.firstName = member.givenName;
      if (member.surname) prefill.lastName = member.surname;
      const email = member.email ?? (member.userPrincipalName?.includes('@') ? member.userPrincipalName : undefined);
      if (email) prefill.email = email;
      return prefill;
    } catch (error) {
      this.deps.logger.warn({ status: (error as { statusCode?: unknown }).statusCode }, 'teams: the directory did not give the member; the form is not prefilled');
      return {};
    }
  }

  async #form(context: TurnContext, event: Of<'form'>): Promise<void> {
    const replies = await this.#handle(context, event, { kind: 'form', values: event.values }, `f:${event.conversationId}:${event.activityId}`);
    if (replies.length === 0) return;
    const refused = replies.find((r) => r.fieldErrors !== undefined);
    const schema = await this.#schema(event, event.values);
    // Nothing was checked (another turn ran, or the store failed): the card stays as it is, to be sent again.
    const unchecked = replies.length === 1 && (['nl', 'en'] as const).some((l) => replies[0]?.text === messages(l).turnBusy || replies[0]?.text === messages(l).turnFailed);
    if (unchecked) return sendReplies(context, replies, event.lang, this.deps.values);
    if (refused?.fieldErrors) {
      const card = renderFormCard(schema, { values: event.values, errors: refused.fieldErrors });
      // The same card with the reasons beside the fields; a new one when it cannot be updated.
      if (event.cardId && (await this.#update(context, event.cardId, card))) return;
      await context.sendActivity(card);
      return;
    }
    await Promise.all([event.cardId ? this.#update(context, event.cardId, renderFormSent(schema)) : undefined, sendReplies(context, replies, event.lang, this.deps.values)]);
  }

  /** Updates a card the bot sent (updateActivity); false when Teams refused. */
  async #update(context: TurnContext, activityId: string, message: Parameters<TurnContext['updateActivity']>[0]): Promise<boolean> {
    try {
      await context.updateActivity({ ...message, id: activityId, conversation: context.activity.conversation });
      return true;
    } catch (error) {
      this.deps.logger.warn({ status: (error as { statusCode?: unknown }).statusCode }, 'teams: the pressed card was not updated');
      return false;
    }
  }
}
