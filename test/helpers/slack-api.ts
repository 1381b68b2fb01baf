import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { blocksProblem, controlsOf, readableText, viewProblem, type SlackControl } from './slack-blocks.ts';

type Json = Record<string, unknown>;

/** A message in a conversation, as it reads now (after any chat.update). */
export interface SlackChatMessage {
  channel: string;
  ts: string;
  from: 'bot' | 'user';
  /** The blocks as a person reads them (readableText), or the text of a message without blocks. */
  text: string;
  /** The `text` the bot sent beside the blocks (notifications). */
  fallback: string;
  blocks: Json[];
  controls: SlackControl[];
  threadTs?: string;
  edits: number;
}

/** Every Web API call the bot made, in order; `blocks` and `view` parsed from their JSON strings. */
export interface RecordedCall {
  method: string;
  body: Json;
  token: string;
  ok: boolean;
  error?: string;
  /** performance.now() when it arrived. */
  at: number;
}

/** Someone in the workspace, as users.info tells it. */
export interface SlackPerson {
  id: string;
  locale?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

/** How a delivery reaches Balie: signed HTTP to `POST /slack/events`, or an envelope over the Socket Mode WebSocket. */
export type SlackTransport = 'http' | 'socket';
export type DeliveryKind = 'events_api' | 'interactive' | 'slash_commands';

export interface HttpDeliveryOptions {
  retryNum?: number;
  /** A signature to send instead of the right one (null: none). */
  signature?: string | null;
  /** Seconds since the epoch to sign with (default now). */
  timestamp?: number;
}

/** What Balie answered: the HTTP status and body, or the Socket Mode ack's payload. */
export interface DeliveryAnswer {
  status: number;
  text: string;
  payload?: Json;
}

const botUserId = 'UBALIEBOT';
const teamId = 'T0BALIE01';
const appId = 'A0BALIE01';

/**
 * A local stand-in of Slack (https://api.slack.com) on 127.0.0.1: the Web API methods Balie calls
 * (auth.test, chat.postMessage, chat.update, conversations.open, views.open, views.publish,
 * users.info, apps.connections.open) at `<apiUrl><method>`, checking the bearer token
 * (`invalid_auth`) and the limits of blocks and views (`invalid_blocks`), a trigger's 3 seconds
 * (`expired_trigger_id`); it records every call and keeps the DMs, the open modals and the home
 * tabs. It delivers signed events, button presses, modal submissions and slash commands to
 * Balie's `POST /slack/events`, with retry headers, or as envelopes over its Socket Mode WebSocket.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly apiUrl: string;
  readonly people = new Map<string, SlackPerson>();
  /** The modal each trigger opened (views.open), by trigger id. */
  readonly modals = new Map<string, Json & { id: string }>();
  /** The last home tab published per user. */
  readonly homes = new Map<string, Json>();
  /** Where HTTP deliveries go: Balie's `/slack/events`. */
  eventsUrl: string | null = null;
  readonly #server: Server;
  readonly #sockets = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<WebSocket>();
  readonly #acks = new Map<string, (payload: Json) => void>();
  readonly #conversations = new Map<string, SlackChatMessage[]>();
  readonly #triggers = new Map<string, number>();
  readonly #watchers = new Set<() => void>();
  readonly #failures = new Map<string, string[]>();
  readonly #held = new Map<string, Array<() => Promise<void>>>();
  #seq = 0;

  private constructor(
    readonly botToken: string,
    readonly appToken: string,
    readonly signingSecret: string,
    server: Server,
  ) {
    this.#server = server;
    this.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    this.#sockets.on('connection', (socket) => this.#connected(socket));
  }

  /** Starts the stand-in on a free loopback port. */
  static async start(options: { botToken?: string; appToken?: string; signingSecret?: string } = {}): Promise<SlackStandIn> {
    const made: { standIn?: SlackStandIn } = {};
    const server = createServer((req, res) => void made.standIn?.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      const standIn = made.standIn;
      if (!standIn || !req.url?.startsWith('/socket')) return socket.destroy();
      standIn.#sockets.handleUpgrade(req, socket, head, (ws) => standIn.#sockets.emit('connection', ws, req));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    made.standIn = new SlackStandIn(options.botToken ?? 'xoxb-1111-2222-standintoken', options.appToken ?? 'xapp-1-A0BALIE01-3333-standintoken', options.signingSecret ?? 'standinsigningsecret0123456789ab', server);
    return made.standIn;
  }

  /** The DM channel of a person with the bot. */
  static dmOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The messages of a conversation (a DM: SlackStandIn.dmOf), in order, as they read now. */
  conversation(channel: string): SlackChatMessage[] {
    return this.#conversations.get(channel) ?? [];
  }

  /** The next `count` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, count = 1): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), ...Array.from({ length: count }, () => error)]);
  }

  /** Holds the next call of `method` until released; `reached` resolves when it arrived. */
  hold(method: string): { release(): void; reached: Promise<void> } {
    let release!: () => void;
    let reached!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    this.#held.set(method, [
      ...(this.#held.get(method) ?? []),
      async () => {
        reached();
        await released;
      },
    ]);
    return { release, reached: arrived };
  }

  /** How many Socket Mode connections are open. */
  get socketConnections(): number {
    return this.#connections.size;
  }

  /** A fresh trigger id, valid for views.open for 3 seconds. */
  trigger(): string {
    const id = `${++this.#seq}.${Date.now()}.trigger`;
    this.#triggers.set(id, Date.now());
    return id;
  }

  /** Writes a person's message into their DM and gives the event_callback body of message.im. */
  messageEvent(userId: string, text: string): Json {
    const channel = SlackStandIn.dmOf(userId);
    const ts = this.#add({ channel, from: 'user', text, fallback: text, blocks: [], controls: [], edits: 0 }).ts;
    return this.eventBody({ type: 'message', channel, channel_type: 'im', user: userId, text, ts, event_ts: ts });
  }

  /** An event_callback body around `event`, with a fresh event id. */
  eventBody(event: Json): Json {
    return { token: 'deprecated', team_id: teamId, api_app_id: appId, type: 'event_callback', event_id: `Ev${String(++this.#seq).padStart(8, '0')}`, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: teamId, user_id: botUserId, is_bot: true }] };
  }

  /** The block_actions payload of `userId` pressing the control labelled `label` under `message` (or on their home tab). */
  pressPayload(userId: string, label: string, message?: SlackChatMessage): Json {
    const controls = message ? message.controls : controlsOf(this.homes.get(userId)?.blocks);
    const control = controls.find((c) => c.label === label);
    if (!control) throw new Error(`no control "${label}": ${controls.map((c) => c.label).join(', ')}`);
    const action =
      control.kind === 'button'
        ? { type: 'button', action_id: control.actionId, block_id: 'b', text: { type: 'plain_text', text: control.label }, value: control.value, action_ts: String(Date.now() / 1000) }
        : { type: 'static_select', action_id: control.actionId, block_id: 'b', selected_option: { text: { type: 'plain_text', text: control.label }, value: control.value }, action_ts: String(Date.now() / 1000) };
    return {
      type: 'block_actions',
      user: { id: userId, team_id: teamId },
      team: { id: teamId },
      api_app_id: appId,
      trigger_id: this.trigger(),
      container: message ? { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false } : { type: 'view', view_id: 'VHOME' },
      ...(message ? { channel: { id: message.channel }, message: { type: 'message', ts: message.ts, text: message.fallback, blocks: message.blocks } } : {}),
      actions: [action],
    };
  }

  /** The view_submission payload of the modal a trigger opened, with `values` by block id (a string for text inputs, the option value for selects). */
  submissionPayload(userId: string, modal: Json & { id: string }, values: Record<string, string>): Json {
    const state: Record<string, Record<string, Json>> = {};
    for (const block of (modal.blocks as Json[]).filter((b) => b.type === 'input')) {
      const element = block.element as Json;
      const value = values[String(block.block_id)];
      const selected = value === undefined ? null : ((element.options as Json[] | undefined)?.find((o) => o.value === value) ?? null);
      state[String(block.block_id)] = {
        [String(element.action_id)]: element.type === 'plain_text_input' ? { type: element.type, value: value ?? null } : { type: element.type, selected_option: selected },
      };
    }
    return { type: 'view_submission', team: { id: teamId }, user: { id: userId }, api_app_id: appId, trigger_id: this.trigger(), view: { ...modal, state: { values: state }, hash: `h${++this.#seq}` } };
  }

  /** The fields of a slash command. */
  commandBody(userId: string, text: string, channel = SlackStandIn.dmOf(userId)): Record<string, string> {
    return { token: 'deprecated', team_id: teamId, channel_id: channel, user_id: userId, command: '/balie', text, api_app_id: appId, trigger_id: this.trigger(), response_url: 'http://127.0.0.1:9/unused' };
  }

  /** Posts a delivery to Balie's `/slack/events`, signed with the signing secret (or as told), with retry headers. */
  async deliverHttp(kind: DeliveryKind, body: Json | Record<string, string>, options: HttpDeliveryOptions = {}): Promise<DeliveryAnswer> {
    if (!this.eventsUrl) throw new Error('no events URL is set');
    const raw = kind === 'events_api' ? JSON.stringify(body) : kind === 'interactive' ? new URLSearchParams({ payload: JSON.stringify(body) }).toString() : new URLSearchParams(body as Record<string, string>).toString();
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature === undefined ? this.sign(timestamp, raw) : options.signature;
    const response = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': kind === 'events_api' ? 'application/json' : 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        ...(signature !== null ? { 'x-slack-signature': signature } : {}),
        ...(options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body: raw,
    });
    return { status: response.status, text: await response.text() };
  }

  /** `v0=` + HMAC-SHA256(signing secret, `v0:<timestamp>:<body>`). */
  sign(timestamp: number, raw: string): string {
    return `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  }

  /** Sends an envelope over the newest Socket Mode connection and resolves with the client's ack. */
  async deliverSocket(kind: DeliveryKind, payload: Json | Record<string, string>, retryAttempt = 0): Promise<DeliveryAnswer> {
    const socket = [...this.#connections].at(-1);
    if (!socket) throw new Error('no Socket Mode connection');
    const envelopeId = `env-${++this.#seq}`;
    const acked = new Promise<Json>((resolve) => this.#acks.set(envelopeId, resolve));
    socket.send(JSON.stringify({ envelope_id: envelopeId, type: kind, payload, accepts_response_payload: kind !== 'events_api', retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' }));
    const ack = await acked;
    return { status: 200, text: JSON.stringify(ack), ...(ack.payload ? { payload: ack.payload as Json } : {}) };
  }

  /** Resolves once `condition` holds (checked after every call), or fails after `timeoutMs`. */
  async until(condition: () => boolean, timeoutMs = 15_000, what = 'the condition did not hold'): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.#watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(check);
        reject(new Error(`${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#watchers.add(check);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#connections) socket.terminate();
    this.#sockets.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #connected(socket: WebSocket): void {
    this.#connections.add(socket);
    socket.on('close', () => this.#connections.delete(socket));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(String(data)) as Json;
      const resolve = this.#acks.get(String(message.envelope_id));
      this.#acks.delete(String(message.envelope_id));
      resolve?.(message);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: this.#connections.size, connection_info: { app_id: appId }, debug_info: { host: 'stand-in', approximate_connection_time: 3600 } }));
    for (const check of [...this.#watchers]) check();
  }

  #add(message: Omit<SlackChatMessage, 'ts'>): SlackChatMessage {
    const list = this.#conversations.get(message.channel) ?? [];
    const added: SlackChatMessage = { ...message, ts: `${Math.floor(Date.now() / 1000)}.${String(++this.#seq).padStart(6, '0')}` };
    list.push(added);
    this.#conversations.set(message.channel, list);
    return added;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = /^\/api\/([A-Za-z.]+)$/.exec(req.url ?? '')?.[1] ?? '?';
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const body: Json = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw || '{}') as Json) : Object.fromEntries(new URLSearchParams(raw));
    for (const key of ['blocks', 'view']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string) as unknown;
    const call: RecordedCall = { method, body, token, ok: true, at: performance.now() };
    let reply: Json;
    await this.#held.get(method)?.shift()?.();
    const wanted = method === 'apps.connections.open' ? this.appToken : this.botToken;
    const injected = this.#failures.get(method)?.shift();
    if (token !== wanted) reply = { ok: false, error: 'invalid_auth' };
    else if (injected) reply = { ok: false, error: injected };
    else {
      const run = this.#methods[method];
      reply = run ? run(body) : { ok: false, error: 'unknown_method' };
    }
    call.ok = reply.ok === true;
    if (!call.ok) call.error = String(reply.error);
    this.calls.push(call);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    for (const check of [...this.#watchers]) check();
  }

  #message(channel: string, ts: string): SlackChatMessage | undefined {
    return this.conversation(channel).find((m) => m.ts === ts && m.from === 'bot');
  }

  readonly #methods: Record<string, (body: Json) => Json> = {
    'auth.test': () => ({ ok: true, url: 'https://balie-test.slack.com/', team: 'Balie test', user: 'balie', team_id: teamId, user_id: botUserId, bot_id: 'B0BALIE01' }),
    'apps.connections.open': () => ({ ok: true, url: `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/socket?ticket=${++this.#seq}` }),
    'users.info': (body) => {
      const person = this.people.get(String(body.user)) ?? { id: String(body.user) };
      const real = [person.firstName, person.lastName].filter(Boolean).join(' ');
      return {
        ok: true,
        user: { id: person.id, team_id: teamId, name: 'person', real_name: real, ...(body.include_locale === 'true' || body.include_locale === true ? { locale: person.locale ?? 'nl-NL' } : {}), profile: { first_name: person.firstName ?? '', last_name: person.lastName ?? '', real_name: real, ...(person.email ? { email: person.email } : {}) } },
      };
    },
    'conversations.open': (body) => {
      const user = String(body.users ?? '');
      if (!/^[UW][A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
      return { ok: true, channel: { id: SlackStandIn.dmOf(user) } };
    },
    'chat.postMessage': (body) => {
      const channel = String(body.channel ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const problem = body.blocks === undefined ? null : blocksProblem(body.blocks, 50);
      if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
      if (!body.text && !body.blocks) return { ok: false, error: 'no_text' };
      const blocks = (body.blocks as Json[] | undefined) ?? [];
      const added = this.#add({ channel, from: 'bot', text: blocks.length > 0 ? readableText(blocks) : String(body.text), fallback: String(body.text ?? ''), blocks, controls: controlsOf(blocks), edits: 0, ...(body.thread_ts ? { threadTs: String(body.thread_ts) } : {}) });
      return { ok: true, channel, ts: added.ts };
    },
    'chat.update': (body) => {
      const message = this.#message(String(body.channel), String(body.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      const problem = body.blocks === undefined ? null : blocksProblem(body.blocks, 50);
      if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
      const blocks = (body.blocks as Json[] | undefined) ?? message.blocks;
      Object.assign(message, { blocks, text: readableText(blocks), controls: controlsOf(blocks), fallback: String(body.text ?? message.fallback), edits: message.edits + 1 });
      return { ok: true, channel: message.channel, ts: message.ts };
    },
    'views.open': (body) => {
      const trigger = String(body.trigger_id ?? '');
      const issued = this.#triggers.get(trigger);
      if (issued === undefined || Date.now() - issued > 3000) return { ok: false, error: 'expired_trigger_id' };
      const view = body.view as Json;
      const problem = viewProblem(view, 'modal');
      if (problem) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
      const opened = { ...view, id: `V${++this.#seq}` };
      this.modals.set(trigger, opened);
      return { ok: true, view: opened };
    },
    'views.publish': (body) => {
      const view = body.view as Json;
      const problem = viewProblem(view, 'home');
      if (problem) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
      this.homes.set(String(body.user_id), view);
      return { ok: true, view: { ...view, id: 'VHOME' } };
    },
  };
}
