import type { ChannelDefinition, ConfiguredChannel } from '../adapters/channel.ts';
import { slackChannel } from '../adapters/slack/index.ts';
import { teamsChannel } from '../adapters/teams/index.ts';
import { telegramChannel } from '../adapters/telegram/index.ts';
import type { Environment } from '../core/index.ts';

/**
 * Every channel Balie has. Adding one is its folder in src/adapters and one entry here: its
 * environment, how it mounts on the host or runs its own transport, its notifier and its
 * start-up line all come from its ChannelDefinition.
 */
export const channelDefinitions: readonly ChannelDefinition[] = [telegramChannel, slackChannel, teamsChannel];

/** A channel configured by the environment, with its name. */
export interface ConfiguredEntry {
  name: string;
  configured: ConfiguredChannel;
}

/** The channels whose credentials are in `env`; a bad variable throws a BalieError naming it. */
export function configuredChannels(env: Environment, definitions: readonly ChannelDefinition[] = channelDefinitions): ConfiguredEntry[] {
  return definitions.flatMap((definition) => {
    const configured = definition.configure(env);
    return configured ? [{ name: definition.name, configured }] : [];
  });
}

/**
 * The channels that send notices, configured here or not: the outbox gives their users a chat
 * lane in every process, so a notice waits for whichever process runs the channel.
 */
export function notifyingChannels(definitions: readonly ChannelDefinition[] = channelDefinitions): string[] {
  return definitions.filter((d) => d.notifies).map((d) => d.name);
}
