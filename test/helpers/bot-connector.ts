import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';

// One key pair per test process: botbuilder caches the OpenID metadata per URL (CHANNELS.md).
const channelKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const channelKid = `standin-${randomUUID()}`;
// A key the stand-in does not publish: tokens signed with it are forgeries.
const strangerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** An activity as the bot sent it (posted, then maybe updated). */
export interface SentActivity {
  id: string;
  conversationId: string;
  replyToId?: string;
  /** performance.now() when it was posted. */
  at: number;
  activity: Record<string, unknown>;
  /** How often it was updated (PUT). */
  updates: number;
}

/** Every call the bot made to the Bot Connector or the login, in order. */
export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  status: number;
  at: number;
}

/** A person in Teams, as the directory knows them. */
export interface TeamsPerson {
  id: string;
  name?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  locale?: string;
}

/** How to sign an activity that is delivered: the defaults are the Bot Connector's. */
export interface SignOptions {
  /** null: no Authorization header at all. */
  token?: string | null;
  audience?: string;
  serviceUrl?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with a key the metadata does not list, under the published kid. */
  forged?: boolean;
}

/**
 * A local stand-in of the Bot Framework for Teams on 127.0.0.1: OpenID metadata and a JWKS with its
 * own RSA key (endorsed for `msteams`), activities signed as the Bot Connector signs them (RS256,
 * `iss`, `aud` = app id, `serviceurl`), the bot's own token endpoint (https, a self-signed
 * certificate the bot trusts through NODE_EXTRA_CA_CERTS, as MSAL needs), and the Connector API the
 * bot calls: replies, proactive posts and updates at `v3/conversations/...`, members with their
 * e-mail. Every call is recorded; the API refuses a missing or unknown bearer token (401).
 */
export class BotConnectorStandIn {
  readonly appId = randomUUID();
  readonly password = `secret-${randomUUID()}`;
  readonly tenantId = randomUUID();
  readonly calls: RecordedCall[] = [];
  readonly sent: SentActivity[] = [];
  readonly members = new Map<string, TeamsPerson>();
  readonly issuedTokens = new Set<string>();
  /** Takes calls without a bearer token, as the Bot Framework Emulator does. */
  acceptAnonymous = false;
  /** Conversations whose person blocked the bot: posts there get 403. */
  readonly blocked = new Set<string>();
  /** Where activities are delivered: Balie's POST /api/messages. */
  botUrl = '';
  readonly #watchers = new Set<() => void>();
  readonly #byConversation = new Map<string, SentActivity[]>();
  #activityId = 1_000;

  private constructor(
    private readonly api: Server,
    private readonly login: Server,
    private readonly dir: string,
  ) {}

  static async start(): Promise<BotConnectorStandIn> {
    const dir = mkdtempSync(join(tmpdir(), 'balie-botconnector-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const made: { standIn?: BotConnectorStandIn } = {};
    const api = createHttpServer((req, res) => made.standIn?.apiApp(req, res));
    const login = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => made.standIn?.loginApp(req, res));
    await Promise.all([new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve)), new Promise<void>((resolve) => login.listen(0, '127.0.0.1', resolve))]);
    made.standIn = new BotConnectorStandIn(api, login, dir);
    return made.standIn;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.api.address() as AddressInfo).port}`;
  }
  /** The service URL of activities, with a trailing slash as Teams sends it. */
  get serviceUrl(): string {
    return `${this.apiRoot}/teams/`;
  }
  get openIdMetadataUrl(): string {
    return `${this.apiRoot}/v1/.well-known/openidconfiguration`;
  }
  get tokenIssuer(): string {
    return 'https://api.botframework.test';
  }
  get loginUrl(): string {
    return `https://127.0.0.1:${(this.login.address() as AddressInfo).port}`;
  }
  /** The certificate of the login endpoint, for NODE_EXTRA_CA_CERTS. */
  get caFile(): string {
    return join(this.dir, 'cert.pem');
  }

  /** The variables that point Balie at this stand-in, with real authentication. */
  env(): Record<string, string> {
    return {
      MICROSOFT_APP_ID: this.appId,
      MICROSOFT_APP_PASSWORD: this.password,
      MICROSOFT_APP_TENANT_ID: this.tenantId,
      BOTFRAMEWORK_OPENID_METADATA_URL: this.openIdMetadataUrl,
      BOTFRAMEWORK_TOKEN_ISSUER: this.tokenIssuer,
      BOTFRAMEWORK_LOGIN_URL: this.loginUrl,
      NODE_EXTRA_CA_CERTS: this.caFile,
    };
  }

  /** A token as the Bot Connector signs it for the bot. */
  sign(options: SignOptions = {}): string {
    const claims = { serviceurl: options.serviceUrl ?? this.serviceUrl };
    return jwt.sign(claims, options.forged ? strangerKeys.privateKey : channelKeys.privateKey, {
      algorithm: 'RS256',
      keyid: channelKid,
      issuer: options.issuer ?? this.tokenIssuer,
      audience: options.audience ?? this.appId,
      expiresIn: options.expiresIn ?? 3600,
      notBefore: options.expiresIn !== undefined && options.expiresIn < 0 ? -7200 : 0,
    });
  }

  /** Posts an activity to the bot as the Bot Connector does; resolves with the bot's answer. */
  async deliver(activity: Record<string, unknown>, options: SignOptions = {}): Promise<{ status: number; text: string }> {
    const token = options.token === undefined ? this.sign(options) : options.token;
    const response = await fetch(this.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, text: await response.text() };
  }

  /** A new activity id, unique in this stand-in. */
  nextId(): string {
    this.#activityId += 1;
    return `${this.#activityId}`;
  }

  /** What the bot sent into a conversation, as it reads now. */
  conversation(conversationId: string): SentActivity[] {
    return [...(this.#byConversation.get(conversationId) ?? [])];
  }

  /** Resolves once `condition` holds (checked after every call), or fails after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const watcher = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.#watchers.delete(watcher);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(watcher);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.#watchers.add(watcher);
    });
  }

  async close(): Promise<void> {
    this.api.closeAllConnections();
    this.login.closeAllConnections();
    await Promise.all([new Promise((resolve) => this.api.close(resolve)), new Promise((resolve) => this.login.close(resolve))]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  #record(req: Request, status: number): void {
    this.calls.push({ method: req.method, path: req.path, body: req.body as unknown, status, at: performance.now() });
    for (const watcher of [...this.#watchers]) watcher();
  }

  #authorised(req: Request, res: Response): boolean {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if ((token && this.issuedTokens.has(token)) || (this.acceptAnonymous && !token)) return true;
    res.status(401).json({ error: { code: 'Unauthorized', message: 'no valid bearer token' } });
    this.#record(req, 401);
    return false;
  }

  private readonly apiApp = (() => {
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    app.get('/v1/.well-known/openidconfiguration', (req, res) => {
      res.json({ issuer: this.tokenIssuer, authorization_endpoint: `${this.apiRoot}/authorize`, jwks_uri: `${this.apiRoot}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
      this.#record(req, 200);
    });
    app.get('/v1/.well-known/keys', (req, res) => {
      const jwk = channelKeys.publicKey.export({ format: 'jwk' });
      res.json({ keys: [{ kty: 'RSA', use: 'sig', kid: channelKid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
      this.#record(req, 200);
    });
    const post = (req: Request, res: Response) => {
      if (!this.#authorised(req, res)) return;
      const conversationId = String(req.params.conversationId);
      if (this.blocked.has(conversationId)) {
        res.status(403).json({ error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } });
        this.#record(req, 403);
        return;
      }
      const id = this.nextId();
      const activity = req.body as Record<string, unknown>;
      const replyToId = req.params.replyToId !== undefined ? String(req.params.replyToId) : undefined;
      const sent: SentActivity = { id, conversationId, ...(replyToId ? { replyToId } : {}), at: performance.now(), activity, updates: 0 };
      this.sent.push(sent);
      this.#byConversation.set(conversationId, [...(this.#byConversation.get(conversationId) ?? []), sent]);
      res.status(201).json({ id });
      this.#record(req, 201);
    };
    app.post('/teams/v3/conversations/:conversationId/activities', post);
    app.post('/teams/v3/conversations/:conversationId/activities/:replyToId', post);
    app.put('/teams/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      if (!this.#authorised(req, res)) return;
      const found = this.#byConversation.get(String(req.params.conversationId))?.find((a) => a.id === req.params.activityId);
      if (!found) {
        res.status(404).json({ error: { code: 'ActivityNotFoundInConversation', message: 'no such activity' } });
        this.#record(req, 404);
        return;
      }
      found.activity = req.body as Record<string, unknown>;
      found.updates += 1;
      res.status(200).json({ id: found.id });
      this.#record(req, 200);
    });
    app.get('/teams/v3/conversations/:conversationId/members/:userId', (req, res) => {
      if (!this.#authorised(req, res)) return;
      const person = this.members.get(String(req.params.userId));
      if (!person) {
        res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'no such member' } });
        this.#record(req, 404);
        return;
      }
      res.json({ id: person.id, name: person.name, givenName: person.givenName, surname: person.surname, email: person.email, userPrincipalName: person.email, tenantId: this.tenantId, userRole: 'user' });
      this.#record(req, 200);
    });
    app.use((req, res) => {
      res.status(404).json({ error: { code: 'NotFound', message: `${req.method} ${req.path}` } });
      this.#record(req, 404);
    });
    return app;
  })();

  private readonly loginApp = (() => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
      const base = `${this.loginUrl}/${req.params.tenant}`;
      res.json({ issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token`, end_session_endpoint: `${base}/oauth2/v2.0/logout`, jwks_uri: `${base}/discovery/v2.0/keys`, response_types_supported: ['code', 'token'] });
      this.#record(req, 200);
    });
    app.post('/:tenant/oauth2/v2.0/token', (req, res) => {
      const body = req.body as Record<string, string>;
      if (req.params.tenant !== this.tenantId || body.client_id !== this.appId || body.client_secret !== this.password || body.grant_type !== 'client_credentials') {
        res.status(401).json({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        this.#record(req, 401);
        return;
      }
      const token = jwt.sign({ appid: this.appId, scp: body.scope }, channelKeys.privateKey, { algorithm: 'RS256', keyid: channelKid, issuer: `${this.loginUrl}/${this.tenantId}/v2.0`, audience: 'https://api.botframework.com', expiresIn: 3600 });
      this.issuedTokens.add(token);
      res.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      this.#record(req, 200);
    });
    return app;
  })();
}
