import type { Environment } from '../../core/index.ts';
import type { ChannelDefinition } from '../channel.ts';
import { eventsPath, openSlack } from './slack-channel.ts';
import { slackChannelName } from './slack-connector.ts';
import { slackSettings } from './slack-settings.ts';

export { SlackConnector } from './slack-connector.ts';
export { SlackNotifier, classifySlackError } from './slack-notifier.ts';
export { slackSettings, type SlackSettings } from './slack-settings.ts';

/**
 * Slack through Bolt: configured by SLACK_BOT_TOKEN; Socket Mode when SLACK_APP_TOKEN is set, else
 * `POST /slack/events` on the shared host, checked with SLACK_SIGNING_SECRET; notices to the
 * person's DM (conversations.open with the user id the address book keeps).
 */
export const slackChannel: ChannelDefinition = {
  name: slackChannelName,
  notifies: true,
  configure(env: Environment) {
    const settings = slackSettings(env);
    if (!settings) return null;
    return {
      mode: settings.appToken ? 'Socket Mode' : `HTTP ${eventsPath}`,
      open: (context) => openSlack(settings, context),
    };
  },
};
