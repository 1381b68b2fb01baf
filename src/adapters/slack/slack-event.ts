import { z } from 'zod';
import type { Result } from '../../core/index.ts';
import type { SubmittedInput } from './render-slack-modal.ts';

// What Bolt hands the listeners (the body of an Events API request, an interactive payload or a
// slash command), read at the boundary: anything may arrive. Only the fields Balie uses are named.

const id = z.string().min(1).max(64);
const text = z.string().max(40_000);

const messageEvent = z.looseObject({
  type: z.literal('message'),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  text: text.optional(),
  ts: z.string().max(32),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});
const mentionEvent = z.looseObject({ type: z.literal('app_mention'), channel: id, user: id.optional(), ts: z.string().max(32), thread_ts: z.string().max(32).optional() });
const homeEvent = z.looseObject({ type: z.literal('app_home_opened'), user: id, channel: id.optional(), tab: z.string().optional() });
const eventBody = z.looseObject({ type: z.literal('event_callback'), event_id: id, team_id: id.optional(), api_app_id: id.optional(), event: z.looseObject({ type: z.string() }) });

const labelText = z.looseObject({ text: z.string().max(3000) });
const action = z.looseObject({
  action_id: z.string().max(255),
  type: z.string().optional(),
  value: z.string().max(2000).optional(),
  text: labelText.optional(),
  url: z.string().optional(),
  selected_option: z.looseObject({ value: z.string().max(2000), text: labelText.optional() }).nullish(),
});
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id }),
  team: z.looseObject({ id }).nullish(),
  trigger_id: z.string().max(255).optional(),
  container: z.looseObject({ type: z.string(), message_ts: z.string().max(32).optional(), channel_id: id.optional(), view_id: id.optional() }),
  channel: z.looseObject({ id }).optional(),
  message: z.looseObject({ ts: z.string().max(32), text: z.string().optional(), blocks: z.array(z.unknown()).max(100).optional() }).optional(),
  actions: z.array(action).min(1).max(10),
});
const submittedInput: z.ZodType<SubmittedInput> = z.looseObject({
  type: z.string().optional(),
  value: z.string().max(3000).nullish(),
  selected_option: z.looseObject({ value: z.string().max(2000) }).nullish(),
});
const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id }),
  trigger_id: z.string().max(255).optional(),
  view: z.looseObject({
    id,
    hash: z.string().max(255).optional(),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).optional(),
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().max(255).optional() })).max(100),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), submittedInput)) }),
  }),
});
const slashCommand = z.looseObject({ command: z.string().max(64), text: z.string().max(4000).default(''), user_id: id, channel_id: id, trigger_id: z.string().max(255) });

/** A locale-free Slack event as Balie sees it. */
export type SlackEvent =
  /** A direct message from a person (message.im). */
  | { kind: 'message'; eventId: string; userId: string; channelId: string; text: string }
  /** Balie was mentioned in a channel: it answers there with one line and a button to the DM. */
  | { kind: 'mention'; eventId: string; userId: string; channelId: string; threadTs: string; teamId?: string; appId?: string }
  /** The person opened the app's home tab. */
  | { kind: 'home'; eventId: string; userId: string }
  /** A button or select under a message or on the home tab. */
  | {
      kind: 'press';
      /** The message's ts or the trigger: a second press on one message, or a redelivery, is dropped by the Bot. */
      pressId: string;
      userId: string;
      triggerId?: string;
      actionId: string;
      value: string;
      label: string;
      /** The DM message it was pressed under (absent on the home tab). */
      message?: { channelId: string; ts: string; text: string; blocks: unknown[] };
    }
  /** The registration modal was submitted. */
  | { kind: 'submit'; submitId: string; triggerId?: string; userId: string; callbackId: string; metadata: string; values: Record<string, Record<string, SubmittedInput>>; inputs: string[] }
  /** `/balie [text]`. */
  | { kind: 'command'; commandId: string; userId: string; channelId: string; text: string; triggerId: string }
  | { kind: 'ignored'; why: string };

/** Why a body could not be read. */
export type SlackEventProblem = { reason: 'malformed'; message: string };

function problem(error: z.ZodError, what: string): SlackEventProblem {
  const issue = error.issues[0];
  return { reason: 'malformed', message: `not a Slack ${what}: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid'}` };
}

/** Reads the body of an Events API delivery (event_callback). */
export function parseSlackEvent(raw: unknown): Result<{ event: SlackEvent }, SlackEventProblem> {
  const body = eventBody.safeParse(raw);
  if (!body.success) return { ok: false, ...problem(body.error, 'event') };
  const eventId = body.data.event_id;
  const inner = body.data.event;
  if (inner.type === 'message') {
    const m = messageEvent.safeParse(inner);
    if (!m.success) return { ok: false, ...problem(m.error, 'message event') };
    // Edits, joins, the bot's own messages and anything outside the DM are no turns.
    if (m.data.channel_type !== 'im') return { ok: true, event: { kind: 'ignored', why: 'a message outside the direct messages' } };
    if (m.data.subtype !== undefined || m.data.bot_id !== undefined || m.data.user === undefined) return { ok: true, event: { kind: 'ignored', why: 'a message without a person' } };
    return { ok: true, event: { kind: 'message', eventId, userId: m.data.user, channelId: m.data.channel, text: m.data.text ?? '' } };
  }
  if (inner.type === 'app_mention') {
    const m = mentionEvent.safeParse(inner);
    if (!m.success) return { ok: false, ...problem(m.error, 'mention') };
    if (m.data.user === undefined) return { ok: true, event: { kind: 'ignored', why: 'a mention without a person' } };
    const { team_id: teamId, api_app_id: appId } = body.data;
    return { ok: true, event: { kind: 'mention', eventId, userId: m.data.user, channelId: m.data.channel, threadTs: m.data.thread_ts ?? m.data.ts, ...(teamId ? { teamId } : {}), ...(appId ? { appId } : {}) } };
  }
  if (inner.type === 'app_home_opened') {
    const h = homeEvent.safeParse(inner);
    if (!h.success) return { ok: false, ...problem(h.error, 'home event') };
    if (h.data.tab !== undefined && h.data.tab !== 'home') return { ok: true, event: { kind: 'ignored', why: 'the messages tab was opened' } };
    return { ok: true, event: { kind: 'home', eventId, userId: h.data.user } };
  }
  return { ok: true, event: { kind: 'ignored', why: `an event of type ${inner.type.slice(0, 40)}` } };
}

/** Reads a block_actions payload: the first action is the press. */
export function parseSlackAction(raw: unknown): Result<{ event: SlackEvent }, SlackEventProblem> {
  const parsed = blockActions.safeParse(raw);
  if (!parsed.success) return { ok: false, ...problem(parsed.error, 'interaction') };
  const p = parsed.data;
  const pressed = p.actions[0]!;
  const value = pressed.selected_option?.value ?? pressed.value;
  if (value === undefined) return { ok: true, event: { kind: 'ignored', why: 'an action without a value' } };
  const label = pressed.selected_option?.text?.text ?? pressed.text?.text ?? value;
  const channelId = p.container.channel_id ?? p.channel?.id;
  const message = p.container.type === 'message' && p.message && channelId ? { channelId, ts: p.message.ts, text: p.message.text ?? '', blocks: p.message.blocks ?? [] } : undefined;
  const pressId = message ? `a:${message.channelId}:${message.ts}` : `a:${p.trigger_id ?? `${p.container.view_id ?? ''}:${pressed.action_id}:${value}`}`;
  return {
    ok: true,
    event: { kind: 'press', pressId, userId: p.user.id, ...(p.trigger_id ? { triggerId: p.trigger_id } : {}), actionId: pressed.action_id, value, label, ...(message ? { message } : {}) },
  };
}

/** Reads a view_submission payload. */
export function parseSlackSubmission(raw: unknown): Result<{ event: SlackEvent }, SlackEventProblem> {
  const parsed = viewSubmission.safeParse(raw);
  if (!parsed.success) return { ok: false, ...problem(parsed.error, 'view submission') };
  const { user, trigger_id: triggerId, view } = parsed.data;
  return {
    ok: true,
    event: {
      kind: 'submit',
      // A retried delivery of one submission has the same trigger; a corrected one after errors a new one.
      submitId: `v:${triggerId ?? `${view.id}:${view.hash ?? ''}`}`,
      ...(triggerId ? { triggerId } : {}),
      userId: user.id,
      callbackId: view.callback_id,
      metadata: view.private_metadata ?? '',
      values: view.state.values,
      inputs: view.blocks.filter((b) => b.type === 'input' && b.block_id !== undefined).map((b) => b.block_id as string),
    },
  };
}

/** Reads a slash command. */
export function parseSlackCommand(raw: unknown): Result<{ event: SlackEvent }, SlackEventProblem> {
  const parsed = slashCommand.safeParse(raw);
  if (!parsed.success) return { ok: false, ...problem(parsed.error, 'slash command') };
  const c = parsed.data;
  return { ok: true, event: { kind: 'command', commandId: `c:${c.trigger_id}`, userId: c.user_id, channelId: c.channel_id, text: c.text, triggerId: c.trigger_id } };
}

/** The words after `/balie` and the dialog choice each stands for (nothing or an unknown word: the menu). */
export const slashWords: Record<string, string> = {
  '': 'menu',
  help: 'help',
  hulp: 'help',
  inschrijven: 'register',
  register: 'register',
  'mijn inschrijving': 'my-registration',
  'my registration': 'my-registration',
  programma: 'programme',
  programme: 'programme',
  english: 'lang:en',
  nederlands: 'lang:nl',
};

/** What `/balie <text>` asks: a dialog choice, the one-screen form, or the text itself as a message. */
export function commandInput(text: string): { kind: 'choice'; id: string } | { kind: 'form' } | { kind: 'text'; text: string } {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (words === 'formulier' || words === 'form') return { kind: 'form' };
  const choice = Object.hasOwn(slashWords, words) ? slashWords[words] : undefined;
  return choice !== undefined ? { kind: 'choice', id: choice } : { kind: 'text', text: text.trim() };
}
