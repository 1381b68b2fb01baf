import { webApi } from '@slack/bolt';
import type { Language } from '../../core/index.ts';
import { messages } from '../../dialogs/i18n/index.ts';
import type { Reply } from '../../dialogs/types.ts';
import type { ChannelNotifier, NotifyOutcome } from '../channel.ts';
import { renderSlack, type SlackLabels } from './render-slack.ts';

/** The Web API methods Balie calls (Bolt's WebClient fits). */
export type SlackApi = Pick<webApi.WebClient, 'chat' | 'conversations' | 'views' | 'users'>;

// What Slack says when a person can never be reached this way: permanent, not retried.
const permanentErrors = new Set(['channel_not_found', 'user_not_found', 'user_disabled', 'account_inactive', 'cannot_dm_bot', 'is_archived', 'not_in_channel', 'user_not_visible', 'invalid_blocks', 'msg_too_long', 'no_text']);

/**
 * What a failed Web API call means for a notice. Slack said no for good (no such user or
 * channel, a deactivated account, blocks it will never take): permanent. Slack asked to wait
 * (rate limited, with its Retry-After), failed (HTTP 5xx), refused the token (the organiser's
 * configuration, kept until fixed), or the network failed: temporary. Anything else is a bug and is thrown.
 */
export function classifySlackError(error: unknown): Exclude<NotifyOutcome, { ok: true }> {
  const e = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; statusCode?: unknown; original?: { message?: unknown } };
  switch (e?.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? 'platform_error').slice(0, 100);
      return { ok: false, reason: permanentErrors.has(code) ? 'permanent' : 'temporary', error: `Slack said ${code}`, code };
    }
    case webApi.ErrorCode.RateLimitedError:
      return { ok: false, reason: 'temporary', error: 'Slack said ratelimited', code: 'ratelimited', retryAfterMs: Math.max(1, Number(e.retryAfter) || 1) * 1000 };
    case webApi.ErrorCode.HTTPError:
      return { ok: false, reason: 'temporary', error: `HTTP ${String(e.statusCode)}`, code: String(e.statusCode) };
    case webApi.ErrorCode.RequestError:
      return { ok: false, reason: 'temporary', error: `network: ${String(e.original?.message ?? 'request failed')}`.slice(0, 500), code: 'network' };
    default:
      throw error;
  }
}

/** The channel's own labels (the form button, the select's placeholder) in a language. */
export function slackLabels(lang: Language): SlackLabels {
  const m = messages(lang);
  return { openForm: m.channel.openForm, choose: lang === 'en' ? 'Choose…' : 'Kies…' };
}

/**
 * The language a reply is in, for the channel's own labels: English when its choices carry the
 * English labels of the menu, else `fallback` (the person's Slack locale).
 */
export function replyLanguage(replies: readonly Reply[], fallback: Language): Language {
  const labels = replies.flatMap((r) => r.choices ?? []).map((c) => c.label);
  const said = (lang: Language) => Object.values(messages(lang).menu).some((label) => labels.includes(label));
  if (said('en') && !said('nl')) return 'en';
  if (said('nl') && !said('en')) return 'nl';
  return fallback;
}

/**
 * Sends replies to a person's direct messages: the DM is opened (conversations.open, which gives
 * the same channel every time) and each reply goes out as Block Kit messages (render-slack.ts),
 * in order. The address is the Slack user id. Used for a turn's replies and for notices.
 */
export class SlackNotifier implements ChannelNotifier {
  constructor(
    private readonly api: SlackApi,
    private readonly languageOf: (userId: string) => Language = () => 'nl',
  ) {}

  async notify(address: string, replies: readonly Reply[]): Promise<NotifyOutcome> {
    if (!/^[UW][A-Z0-9]{2,30}$/.test(address)) return { ok: false, reason: 'permanent', error: 'not a Slack user id', code: 'address' };
    try {
      const opened = await this.api.conversations.open({ users: address });
      const channel = opened.channel?.id;
      if (!channel) return { ok: false, reason: 'temporary', error: 'conversations.open gave no channel', code: 'no_channel' };
      await this.send(channel, replies, replyLanguage(replies, this.languageOf(address)));
      return { ok: true };
    } catch (error) {
      return classifySlackError(error);
    }
  }

  /** Posts the replies in a channel (the DM a message came from), in order; throws what the Web API throws. */
  async send(channel: string, replies: readonly Reply[], lang: Language): Promise<void> {
    const labels = slackLabels(lang);
    for (const reply of replies) {
      for (const message of renderSlack(reply, labels)) {
        await this.api.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false, unfurl_media: false });
      }
    }
  }
}
