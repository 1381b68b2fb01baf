import { Console } from 'node:console';
import { parseArgs } from 'node:util';
import { userIdProblem } from '../adapters/console/index.ts';
import { BalieError } from '../core/index.ts';
import { configuredChannels, notifyingChannels, type ConfiguredEntry } from './channels.ts';
import { loadConfig } from './config.ts';
import { loadEvent } from './load-event.ts';
import { createLogger } from './logger.ts';
import { runConsole, type Started } from './run-console.ts';
import { runHost } from './run-host.ts';
import { openStores } from './stores.ts';

const usage = [
  'usage: npm start [-- --user <id>]         (the channels configured in the environment; without any, the terminal chat, a new user each time unless --user is given)',
  '       npm run chat [-- --user <id>]      (the terminal chat, whatever is configured)',
  '       npm run --silent chat -- --jsonl   (JSON lines on stdin/stdout)',
].join('\n');

/**
 * The composition root: configuration, event and stores, then one of two modes. With a channel's
 * credentials in the environment (and neither `--console` nor `--jsonl`), the HTTP host and those
 * channels (run-host.ts); otherwise the terminal chat (run-console.ts). Start-up problems end the
 * process with exit code 1 and one clear line on stderr.
 */
async function main(): Promise<number> {
  let flags: { jsonl: boolean; console: boolean; user: string | undefined };
  try {
    const { values } = parseArgs({ options: { jsonl: { type: 'boolean', default: false }, console: { type: 'boolean', default: false }, user: { type: 'string' } }, strict: true });
    flags = { jsonl: values.jsonl === true, console: values.console === true, user: values.user };
    if (flags.jsonl && flags.user !== undefined) throw new Error('--user is for the terminal chat; every JSON line names its own user');
    const problem = flags.user === undefined ? null : userIdProblem(flags.user);
    if (problem) throw new Error(`--user: ${problem}`);
  } catch (error) {
    process.stderr.write(`balie: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  // In JSONL mode stdout carries only answers: anything a library prints goes to stderr.
  if (flags.jsonl) globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

  const started = await start(flags);
  if (!started.ok) {
    process.stderr.write(`balie: ${started.message}\n`);
    return 1;
  }
  // The host exits once it has shut down: no library's idle handle may keep it alive.
  if (started.channels.length > 0 || started.desk) process.exit(await runHost(started, started.channels));
  return runConsole(started, flags.jsonl, flags.user);
}

type Start = ({ ok: true; channels: ConfiguredEntry[]; desk: boolean } & Started) | { ok: false; message: string };

async function start(flags: { jsonl: boolean; console: boolean }): Promise<Start> {
  try {
    const config = loadConfig(process.env);
    // The terminal chat never starts a channel, so it does not read (or refuse) their variables.
    const channels = flags.jsonl || flags.console ? [] : configuredChannels(process.env);
    // With organisers configured, `npm start` serves the desk even without a chat channel.
    const desk = !flags.jsonl && !flags.console && config.organisers.length > 0;
    const host = channels.length > 0 || desk;
    const logger = createLogger(config.logLevel ?? (host || flags.jsonl ? 'info' : 'warn'));
    const event = await loadEvent(config.eventPath);
    const stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
    return { ok: true, channels, desk, config, event, stores, logger };
  } catch (error) {
    if (error instanceof BalieError) return { ok: false, message: error.message };
    throw error;
  }
}

process.exitCode = await main();
