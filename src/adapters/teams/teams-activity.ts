import { z } from 'zod';
import type { Language } from '../../core/index.ts';

// The parts of a Bot Framework activity that Balie reads
// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object),
// checked at the boundary once botbuilder has checked the token. Unknown fields are allowed.

const account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).optional(), aadObjectId: z.string().max(64).optional() });
const conversation = z.looseObject({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional(), tenantId: z.string().max(64).optional() });

const activity = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(512).optional(),
  serviceUrl: z.string().max(2048).optional(),
  channelId: z.string().max(64).optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: conversation.optional(),
  text: z.string().max(100_000).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(64).optional(),
  replyToId: z.string().max(512).optional(),
  membersAdded: z.array(account).optional(),
});

/** What an Action.Submit of a Balie card sends back (`activity.value`): its own data plus the card's inputs. */
const choiceValue = z.looseObject({ balie: z.literal('choice'), id: z.string().min(1).max(2000).optional(), label: z.string().max(500).optional(), 'balie.choice': z.string().max(2000).optional() });
const openFormValue = z.looseObject({ balie: z.literal('openForm') });
const formValue = z.looseObject({ balie: z.literal('form'), lang: z.enum(['nl', 'en']) });

/** The input id of the choice list a card shows when it has many choices. */
export const choiceInputId = 'balie.choice';

/** Who wrote, where, and in which language: what every event of a conversation carries. */
export interface TeamsOrigin {
  /** The activity's own id: a redelivery carries the same one. */
  activityId: string;
  conversationId: string;
  userId: string;
  locale?: string;
}

/** One activity as Balie sees it. */
export type TeamsEvent =
  | ({ kind: 'message'; text: string } & TeamsOrigin)
  /** A choice pressed on a card (`cardId`: the card's activity id, Teams' `replyToId`). */
  | ({ kind: 'press'; choiceId: string; label?: string; cardId?: string } & TeamsOrigin)
  /** The "fill in the form" button (the form comes in the language of the person's conversation). */
  | ({ kind: 'openForm'; cardId?: string } & TeamsOrigin)
  /** The one-card form sent back: the values by field id. */
  | ({ kind: 'form'; lang: Language; values: Record<string, string>; cardId?: string } & TeamsOrigin)
  /** The bot was added to a personal chat: it says hello. */
  | ({ kind: 'welcome' } & TeamsOrigin)
  /** A mention in a team channel or group chat: Balie only talks in personal chats. */
  | ({ kind: 'group' } & TeamsOrigin)
  /** An activity Balie does not handle (typing, reactions, a bot's own message, an invoke). */
  | { kind: 'ignored'; why: string };

/** Why a body could not be read as an activity (answered 400). */
export type TeamsActivityProblem = { ok: false; message: string };

// A BCP 47-ish tag ('nl-BE', 'en-US'): anything else is dropped rather than passed to the dialogs.
const localePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

/** A mention of the bot (`<at>Balie</at>`) as Teams puts it in the text. */
const stripMentions = (text: string) => text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/&nbsp;/g, ' ').trim();

/** Every value of a submitted form as text; Balie's own keys are left out. */
function formValues(value: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'balie' || key === 'lang' || key.startsWith('balie.')) continue;
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') values[key] = String(raw).slice(0, 2000);
  }
  return values;
}

/** Reads one activity (a boundary: anything may arrive, even with a valid token). */
export function parseTeamsActivity(raw: unknown): { ok: true; event: TeamsEvent } | TeamsActivityProblem {
  const parsed = activity.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `not an activity: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid'}` };
  }
  const a = parsed.data;
  if (!a.from || !a.conversation || a.id === undefined) return { ok: true, event: { kind: 'ignored', why: 'an activity without a sender, conversation or id' } };
  const origin: TeamsOrigin = {
    activityId: a.id,
    conversationId: a.conversation.id,
    userId: a.from.id,
    ...(a.locale !== undefined && localePattern.test(a.locale) ? { locale: a.locale } : {}),
  };
  const personal = a.conversation.conversationType === undefined || a.conversation.conversationType === 'personal';
  if (a.type === 'conversationUpdate') {
    const botAdded = personal && a.recipient !== undefined && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
    return { ok: true, event: botAdded ? { kind: 'welcome', ...origin } : { kind: 'ignored', why: 'a conversation update' } };
  }
  if (a.type !== 'message') return { ok: true, event: { kind: 'ignored', why: `an activity of type ${a.type}` } };
  if (!personal) return { ok: true, event: { kind: 'group', ...origin } };
  const cardId = a.replyToId !== undefined ? { cardId: a.replyToId } : {};
  if (a.value !== undefined && a.value !== null && typeof a.value === 'object') {
    const choice = choiceValue.safeParse(a.value);
    const chosen = choice.success ? (choice.data['balie.choice'] ?? choice.data.id) : undefined;
    if (choice.success && chosen) return { ok: true, event: { kind: 'press', ...origin, choiceId: chosen, ...(choice.data.label ? { label: choice.data.label } : {}), ...cardId } };
    const open = openFormValue.safeParse(a.value);
    if (open.success) return { ok: true, event: { kind: 'openForm', ...origin, ...cardId } };
    const form = formValue.safeParse(a.value);
    if (form.success) return { ok: true, event: { kind: 'form', ...origin, lang: form.data.lang, values: formValues(form.data), ...cardId } };
    return { ok: true, event: { kind: 'ignored', why: 'a card submission Balie did not make' } };
  }
  return { ok: true, event: { kind: 'message', ...origin, text: stripMentions(a.text ?? '') } };
}

/** Typed words that open the one-card form, as the button does. */
export function asksForForm(text: string): boolean {
  return /^(?:formulier|form|formulier invullen|fill in the form)$/i.test(text.trim());
}
