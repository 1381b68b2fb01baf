import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BalieHost, freePort } from './balie-host.ts';
import { BotConnectorStandIn, type TeamsPerson } from './bot-connector.ts';
import { TeamsChat } from './teams-chat.ts';

/** The real Balie process (`npm start`, via tsx) with Teams against a fresh Bot Framework stand-in, real tokens both ways. */
export interface TeamsBalie {
  standIn: BotConnectorStandIn;
  host: BalieHost;
  mailDir: string;
  chat(person: TeamsPerson, type?: 'personal' | 'groupChat' | 'channel'): TeamsChat;
  /** The calls the bot made to the Connector API (replies, updates, members), not the key and token fetches. */
  apiCalls(): BotConnectorStandIn['calls'];
  close(): Promise<void>;
}

export async function startTeamsBalie(env: Record<string, string> = {}, options: { viaNpm?: boolean; nodeArgs?: string[] } = {}): Promise<TeamsBalie> {
  const standIn = await BotConnectorStandIn.start();
  const port = await freePort();
  standIn.botUrl = `http://127.0.0.1:${port}/api/messages`;
  const mailDir = await mkdtemp(join(tmpdir(), 'balie-teams-'));
  const host = await BalieHost.start({ ...standIn.env(), BALIE_MAIL_DIR: mailDir, ...env }, { port, ...options }).catch(async (error: unknown) => {
    await standIn.close();
    throw error;
  });
  return {
    standIn,
    host,
    mailDir,
    chat: (person, type) => new TeamsChat(standIn, person, type),
    apiCalls: () => standIn.calls.filter((c) => c.path.startsWith('/teams/v3/')),
    close: async () => {
      host.kill();
      await standIn.close();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
