import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/adapters/slack/render-slack.ts';
import { slackLabels } from '../../src/adapters/slack/slack-notifier.ts';
import { renderTeams } from '../../src/adapters/teams/render-teams.ts';
import type { Reply } from '../../src/dialogs/types.ts';
import { Desk } from '../helpers/chat.ts';
import { blocksProblem, controlsOf } from '../helpers/slack-blocks.ts';

/** The reply at a full session 4 (issue 13): the three ways on and "Geen sessie in deze reeks". */
async function fullOffer(userKey: string): Promise<Reply> {
  const desk = new Desk();
  await desk.fillSession(4);
  const chat = desk.chat(userKey);
  await chat.say('inschrijven');
  for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
  return (await chat.choose('session:4')).at(-1)!;
}

describe('every channel shows the choices at a full session', () => {
  it('Slack: a button (or option) for waiting with another session, waiting only, each free session and no session', async () => {
    const reply = await fullOffer('slack:T1:U1');
    const [message] = renderSlack(reply, slackLabels('nl'));
    expect(blocksProblem(message!.blocks, 50)).toBeNull();
    const shown = JSON.stringify(controlsOf(message!.blocks));
    for (const choice of reply.choices!) expect(shown).toContain(choice.id);
    expect(reply.choices!.map((c) => c.id)).toEqual(['wait:fallback', 'wait:only', 'session:1', 'session:2', 'session:3', 'session:none']);
  });

  it('Teams: the same choices as card actions', async () => {
    const reply = await fullOffer('teams:a:b');
    const card = JSON.stringify(renderTeams(reply, 'nl').message);
    for (const choice of reply.choices!) expect(card).toContain(choice.id);
    expect(card).toContain('Wachtlijst voor sessie 4, intussen een andere sessie');
    expect(card).toContain('Geen sessie in deze reeks');
  });
});
