import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { runEntry } from '../console/jsonl-process.ts';
import { eventually } from '../../helpers/eventually.ts';
import { requireRedisServer, useRedisServer } from '../../helpers/redis-server.ts';
import { choicesOf, textOf, type TeamsChat } from '../../helpers/teams-chat.ts';
import { startTeamsBalie, type TeamsBalie } from '../../helpers/teams-host.ts';

if (requireRedisServer()) {
  describe('Teams notices through continueConversationAsync (the real process, Redis, npm run admin)', { timeout: 180_000 }, () => {
    const redis = useRedisServer();
    let b: TeamsBalie;
    beforeAll(async () => {
      b = await startTeamsBalie({ REDIS_URL: redis().url });
    }, 120_000);
    afterAll(() => b?.close());

    it('tells a bumped person in their personal chat, from the conversation reference in the address book; a person who blocked the bot is failed once', async () => {
      const [ann, cas, bo] = ['29:notice-ann', '29:notice-cas', '29:notice-bo'].map((id) => b.chat({ id })) as [TeamsChat, TeamsChat, TeamsChat];
      await ann.register(personNumber(931, [1, 5], false));
      await cas.register(personNumber(932, [1, 5], false));
      await bo.register(personNumber(933, [1, 5], false));
      const proactive = (chat: TeamsChat) => chat.botActivities.filter((a) => !a.replyToId?.startsWith('u'));
      expect(await eventually(async () => [ann, cas, bo].every((c) => proactive(c).some((a) => textOf(a).includes('is bevestigd'))), 20_000)).toBe(true);
      b.standIn.blocked.add(cas.conversationId);

      const admin = await runEntry('src/app/admin-cli.ts', ['venue-cap', '1'], { REDIS_URL: redis().url });
      expect(admin.stderr).toBe('');
      expect(admin.stdout).toContain('Moved to the waiting list, latest first (2):');

      expect(await eventually(async () => proactive(bo).some((a) => textOf(a).startsWith('Slecht nieuws')), 20_000)).toBe(true);
      const notice = proactive(bo).find((a) => textOf(a).startsWith('Slecht nieuws'))!;
      expect(textOf(notice)).toContain('Status: op de wachtlijst');
      expect(choicesOf(notice).map((c) => c.label)).toEqual(['Mijn inschrijving', 'Wachtlijst verlaten']);

      const failed = async () => (await runEntry('src/app/admin-cli.ts', ['outbox', 'failed'], { REDIS_URL: redis().url })).stdout;
      expect(await eventually(async () => (await failed()).includes('1 failed chat notice on teams.'), 20_000)).toBe(true);
      expect(await failed()).toMatch(/bumped to teams:29:notice-cas; 1 failed attempt, last: 403 User blocked the conversation with the bot\./);
      // Leaving the waiting list from the notice's button works in the chat, and the notice loses its buttons.
      const left = await bo.press('Wachtlijst verlaten', notice);
      expect(left.map(textOf).join('\n')).toContain('echt annuleren');
      expect(textOf(notice)).toMatch(/✓ \*\*Wachtlijst verlaten\*\*$/);
    });
  });
}
