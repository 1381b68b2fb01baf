import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventsPath, slashCommand } from '../../../src/adapters/slack/slack-channel.ts';

interface Manifest {
  features: { app_home: Record<string, boolean>; bot_user: { display_name: string }; slash_commands: Array<{ command: string; url: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

describe('manifests/slack/manifest.yaml', () => {
  it('declares what Balie uses: the bot, DM and home tabs, scopes, events, interactivity, /balie, Socket Mode', async () => {
    const manifest = parse(await readFile('manifests/slack/manifest.yaml', 'utf8')) as Manifest;
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.bot_user.display_name).toBe('Balie');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'im:history', 'im:write', 'users:read', 'users:read.email', 'commands', 'app_mentions:read']));
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([slashCommand]);
    for (const url of [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.features.slash_commands[0]?.url]) expect(new URL(url ?? '').pathname).toBe(eventsPath);
  });
});
