import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ExpiringValues, Language } from '../../core/index.ts';
import type { Reply } from '../../dialogs/types.ts';
import type { ChannelNotifier, NotifyOutcome } from '../channel.ts';
import { renderTeams, type PressableCard } from './render-teams.ts';

// How long a card remembers what it showed, so that a press on it can show the choice made.
const pressableTtlMs = 14 * 24 * 3600_000;

/** The key of what a sent card keeps for when it is pressed. */
export const pressableKey = (conversationId: string, activityId: string) => `teams:card:${conversationId}:${activityId}`;

const pressableCard = z.object({ body: z.array(z.record(z.string(), z.unknown())), labels: z.record(z.string(), z.string()) });

/** What a sent card kept for its press, or null (expired, or never a card). */
export async function findPressable(values: ExpiringValues, conversationId: string, activityId: string): Promise<PressableCard | null> {
  const raw = await values.get(pressableKey(conversationId, activityId));
  if (raw === null) return null;
  try {
    const parsed = pressableCard.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Sends replies in a turn (a reply or a proactive one): each as one message, in order, in one
 * call; every card with something to press keeps its text for when it is pressed (shared values,
 * so another process can update it).
 */
export async function sendReplies(context: TurnContext, replies: readonly Reply[], lang: Language, values: ExpiringValues): Promise<void> {
  if (replies.length === 0) return;
  const rendered = replies.map((reply) => renderTeams(reply, lang));
  const sent = await context.sendActivities(rendered.map((r) => r.message));
  const conversationId = context.activity.conversation.id;
  await Promise.all(
    rendered.map((r, i) => {
      const id = sent[i]?.id;
      // A card whose text was not kept still shows the choice made once pressed: nothing to fail for.
      return r.pressable && id ? values.set(pressableKey(conversationId, id), JSON.stringify(r.pressable), pressableTtlMs).catch(() => undefined) : undefined;
    }),
  );
}

/** The conversation reference Balie keeps in the address book: enough to write to the personal chat, and no name. */
const storedReference = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  bot: z.looseObject({ id: z.string().min(1) }),
  user: z.looseObject({ id: z.string().min(1) }),
  locale: z.string().optional(),
});

/** The address of a personal chat, for the address book (TurnContext.getConversationReference, without names). */
export function addressOf(reference: Partial<ConversationReference>): string {
  const conversation = reference.conversation;
  return JSON.stringify({
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    conversation: { id: conversation?.id, ...(conversation?.conversationType ? { conversationType: conversation.conversationType } : {}), ...(conversation?.tenantId ? { tenantId: conversation.tenantId } : {}) },
    bot: { id: reference.bot?.id },
    user: { id: reference.user?.id },
    ...(reference.locale ? { locale: reference.locale } : {}),
  });
}

/**
 * What a failed Bot Connector call means for a notice. The bot was removed or blocked (403), or
 * the conversation is gone (404): permanent. Too many requests (429, with Retry-After), the
 * service failing (5xx), the bot's own token refused (401: the configuration, kept until fixed),
 * or no answer at all: temporary.
 */
export function classifyTeamsError(error: unknown): Exclude<NotifyOutcome, { ok: true }> {
  const e = error as { statusCode?: unknown; response?: { headers?: { get?(name: string): string | undefined } }; code?: unknown; message?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const message = String(e.message ?? error);
  if (status === undefined) return { ok: false, reason: 'temporary', error: `network: ${message}`.slice(0, 500), code: typeof e.code === 'string' ? e.code : 'network' };
  const text = `${status} ${message}`.slice(0, 500);
  const code = String(status);
  if (status === 429) {
    const seconds = Number(e.response?.headers?.get?.('retry-after') ?? 1);
    return { ok: false, reason: 'temporary', error: text, code, retryAfterMs: Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000 };
  }
  if (status === 403 || status === 404) return { ok: false, reason: 'permanent', error: text, code };
  return { ok: false, reason: 'temporary', error: text, code };
}

/** Sends notices to a personal chat through `continueConversationAsync` and the stored conversation reference. */
export class TeamsNotifier implements ChannelNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly values: ExpiringValues,
  ) {}

  async notify(address: string, replies: readonly Reply[]): Promise<NotifyOutcome> {
    let reference: z.infer<typeof storedReference>;
    try {
      reference = storedReference.parse(JSON.parse(address));
    } catch {
      return { ok: false, reason: 'permanent', error: 'not a Teams conversation reference', code: 'address' };
    }
    const lang: Language = reference.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
    try {
      await this.adapter.continueConversationAsync(this.appId, reference as unknown as Partial<ConversationReference>, (context) => sendReplies(context, replies, lang, this.values));
      return { ok: true };
    } catch (error) {
      return classifyTeamsError(error);
    }
  }
}
