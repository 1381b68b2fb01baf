import type { AnonymousCounts, PurgePreview } from '../core/index.ts';
import type { AdminContext } from './admin.ts';
import { purgePersonalData } from './privacy-jobs.ts';

/** The preview, in counts only: nothing it prints is personal. */
function describe(preview: PurgePreview, print: (line: string) => void): void {
  print(`  ${preview.registrations} registrations lose name, e-mail, phone, organisation, shipping address and owner (they keep status, sessions and organisation type)`);
  print(`  ${preview.outboxEntries} outbox entries (mails and chat notices) are blanked; deliveries still pending are withdrawn`);
  print(`  ${preview.commandResults} kept command results are deleted`);
  print(`  ${preview.chatData} conversation states, address book entries and other chat values are deleted`);
}

function describeCounts(counts: AnonymousCounts, print: (line: string) => void): void {
  const list = (record: Record<string, number | undefined>) =>
    Object.entries(record)
      .map(([k, v]) => `${k}: ${v ?? 0}`)
      .join(', ') || 'none';
  print(`Kept: ${counts.confirmed} confirmed, ${counts.waitlisted} waiting; per session ${list(counts.sessions)}; per organisation type ${list(counts.organisationTypes)}; ${counts.booksOrdered} books ordered.`);
}

/**
 * `admin purge [--dry-run | --yes]`: what goes first (counts only), then the purge after a yes
 * (or --yes); --dry-run changes nothing. The same purge the host runs BALIE_PURGE_DAYS_AFTER the event.
 */
export async function purgeCommand(context: AdminContext, flags: string[], usage: (message: string) => Error): Promise<number> {
  const { event, privacy, print, now } = context;
  const unknown = flags.find((f) => f !== '--dry-run' && f !== '--yes');
  if (unknown !== undefined) throw usage(`purge takes --dry-run or --yes, not ${JSON.stringify(unknown)}`);
  if (flags.includes('--dry-run') && flags.includes('--yes')) throw usage('purge takes --dry-run or --yes, not both');
  if (!privacy) throw usage('purge needs the store of the event');
  const preview = await privacy.purgePreview();
  print(`Purge of the personal data of ${event.title}:`);
  describe(preview, print);
  if (Date.parse(`${event.date}T23:59:59Z`) > now.getTime()) print(`Note: the event (${event.date}) has not taken place yet; after the purge nobody can manage their registration.`);
  if (flags.includes('--dry-run')) {
    print('Nothing changed (--dry-run).');
    return 0;
  }
  if (!flags.includes('--yes')) {
    if (!context.confirm) throw usage('purge asks for a confirmation: run it in a terminal, or pass --yes (or --dry-run to only see what goes)');
    if (!(await context.confirm('Purge all of this now? This cannot be undone. [y/N] '))) {
      print('Nothing changed.');
      return 0;
    }
  }
  const report = await purgePersonalData({ privacy, chatStores: context.chatStores ?? [] }, now);
  print('Purged.');
  describeCounts(report.counts, print);
  return 0;
}
