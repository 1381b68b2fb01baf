import { BalieError } from '../core/index.ts';
import { adminUsage, requireSharedStore, runAdmin } from './admin.ts';
import { notifyingChannels } from './channels.ts';
import { loadConfig } from './config.ts';
import { loadEvent } from './load-event.ts';
import { createLogger } from './logger.ts';
import { openStores, type AppStores } from './stores.ts';

/**
 * `npm run --silent admin -- <command>`: organiser commands against the Redis all bot processes
 * share (admin.ts). Start-up problems end with exit code 1 and one line on stderr.
 */
async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    process.stdout.write(`${adminUsage}\n`);
    return args.length === 0 ? 2 : 0;
  }
  let stores: AppStores;
  let context: Parameters<typeof runAdmin>[1];
  try {
    const config = loadConfig(process.env);
    requireSharedStore(config.redisUrl);
    const logger = createLogger(config.logLevel ?? 'warn');
    const event = await loadEvent(config.eventPath);
    stores = await openStores(config, event, logger, { chatChannels: notifyingChannels() });
    context = { event, ledger: stores.ledger, outbox: stores.outbox, now: config.now ?? new Date(), print: (line) => process.stdout.write(`${line}\n`), warn: (line) => process.stderr.write(`${line}\n`) };
  } catch (error) {
    if (!(error instanceof BalieError)) throw error;
    process.stderr.write(`admin: ${error.message}\n`);
    return 1;
  }
  try {
    return await runAdmin(args, context);
  } finally {
    await stores.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
