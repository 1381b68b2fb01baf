import type { Environment } from '../../core/index.ts';
import type { ChannelDefinition } from '../channel.ts';
import { messagesPath, openTeams } from './teams-channel.ts';
import { teamsChannelName } from './teams-connector.ts';
import { teamsSettings } from './teams-settings.ts';

export { TeamsConnector } from './teams-connector.ts';
export { TeamsNotifier, classifyTeamsError } from './teams-notifier.ts';
export { teamsSettings, type TeamsSettings } from './teams-settings.ts';

/**
 * Microsoft Teams through botbuilder's CloudAdapter: configured by MICROSOFT_APP_ID (or, for the
 * Bot Framework Emulator only, TEAMS_ALLOW_UNAUTHENTICATED=true); activities at
 * `POST /api/messages`; notices to the conversation reference the address book keeps.
 */
export const teamsChannel: ChannelDefinition = {
  name: teamsChannelName,
  notifies: true,
  configure(env: Environment) {
    const settings = teamsSettings(env);
    if (!settings) return null;
    return {
      mode: `POST ${messagesPath}${settings.authenticated ? '' : ' (UNAUTHENTICATED)'}`,
      open: (context) => openTeams(settings, context),
    };
  },
};
