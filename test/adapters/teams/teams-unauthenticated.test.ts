import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTeamsError } from '../../../src/adapters/teams/index.ts';
import { configuredChannels, notifyingChannels } from '../../../src/app/channels.ts';
import { defaultEventPath, loadConfig } from '../../../src/app/config.ts';
import { loadEvent } from '../../../src/app/load-event.ts';
import { startHost, type RunningHost } from '../../../src/app/run-host.ts';
import { openStores } from '../../../src/app/stores.ts';
import { freePort } from '../../helpers/balie-host.ts';
import { BotConnectorStandIn } from '../../helpers/bot-connector.ts';
import { TeamsChat, textOf } from '../../helpers/teams-chat.ts';

describe('Teams for the Bot Framework Emulator (TEAMS_ALLOW_UNAUTHENTICATED=true, in this process)', { timeout: 60_000 }, () => {
  let standIn: BotConnectorStandIn;
  let host: RunningHost;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    standIn = await BotConnectorStandIn.start();
    standIn.acceptAnonymous = true;
    const port = await freePort();
    standIn.botUrl = `http://127.0.0.1:${port}/api/messages`;
    const variables = { TEAMS_ALLOW_UNAUTHENTICATED: 'true', PORT: String(port), HOST: '127.0.0.1', BALIE_MAIL_DIR: '/tmp/balie-teams-emulator-mail' };
    const config = loadConfig(variables);
    const event = await loadEvent(defaultEventPath);
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, callback) => (String(chunk).split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l) as Record<string, unknown>)), callback()) }));
    const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
    host = await startHost({ config, event, stores, logger }, configuredChannels(variables));
  }, 60_000);
  afterAll(async () => {
    await host?.shutdown();
    await standIn?.close();
  });

  it('says loudly that anyone can post, and answers activities without a token', async () => {
    expect(lines[0]?.msg).toMatch(/^Balie starting: teams \(POST \/api\/messages \(UNAUTHENTICATED\)\)/);
    expect(lines.find((l) => l.level === 40 && String(l.msg).startsWith('TEAMS AUTHENTICATION IS OFF'))?.msg).toContain('ANYONE WHO CAN REACH /api/messages CAN POST TO BALIE AS ANY USER');
    const chat = new TeamsChat(standIn, { id: 'emulator-user' });
    const replies = await chat.send(chat.activity({ text: 'hallo', channelId: 'emulator' }), { token: null });
    expect(textOf(replies[0]!)).toMatch(/^Hallo!/);
    expect(standIn.calls.filter((c) => c.path.startsWith('/teams/v3/')).every((c) => c.status === 201)).toBe(true);
  });
});

describe('what a failed Bot Connector call means for a notice', () => {
  const rest = (statusCode: number, message: string, headers: Record<string, string> = {}) => Object.assign(new Error(message), { statusCode, response: { headers: { get: (name: string) => headers[name] } } });
  it('fails for good when the bot was blocked or the conversation is gone, and retries the rest', () => {
    expect(classifyTeamsError(rest(403, 'User blocked the conversation with the bot.'))).toEqual({ ok: false, reason: 'permanent', error: '403 User blocked the conversation with the bot.', code: '403' });
    expect(classifyTeamsError(rest(404, 'Conversation not found.'))).toMatchObject({ reason: 'permanent', code: '404' });
    expect(classifyTeamsError(rest(429, 'Too many requests', { 'retry-after': '7' }))).toMatchObject({ reason: 'temporary', code: '429', retryAfterMs: 7000 });
    expect(classifyTeamsError(rest(502, 'Bad gateway'))).toMatchObject({ reason: 'temporary', code: '502' });
    expect(classifyTeamsError(rest(401, 'Unauthorized'))).toMatchObject({ reason: 'temporary', code: '401' });
    expect(classifyTeamsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ reason: 'temporary', code: 'ECONNREFUSED', error: 'network: connect ECONNREFUSED' });
  });
});
