import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { startSlackHost, type SlackHost } from '../../helpers/slack-host.ts';

type Json = Record<string, unknown>;

/** The values a modal opens with, by block id: what a person who changes nothing submits. */
function initialValues(modal: Json): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of modal.blocks as Json[]) {
    const element = block.element as Json | undefined;
    const initial = element?.initial_value ?? (element?.initial_option as Json | undefined)?.value;
    if (typeof initial === 'string') values[String(block.block_id)] = initial;
  }
  return values;
}

const filled = { phone: '0470 12 34 56', organisation: 'Gemeente Leuven', organisationType: 'local_government', 'session:1': '3', 'session:2': '7', book: 'no' };

describe('Slack: the registration form in a modal', { timeout: 60_000 }, () => {
  let h: SlackHost;
  beforeAll(async () => {
    h = await startSlackHost('http', { BALIE_NOW: '2020-10-15T09:00' });
  }, 60_000);
  afterAll(() => h?.close());

  it('opens from the button with the name and e-mail from users.info, refuses a bad field in the modal, then registers', async () => {
    const chat = h.chat({ id: 'U0MOD0901', locale: 'nl-BE', firstName: 'Mia', lastName: 'Claes', email: 'mia.claes@example.org' });
    await chat.say('hallo');
    const press = h.standIn.pressPayload(chat.userId, 'Formulier invullen', chat.withControl('Formulier invullen'));
    await chat.send('interactive', press);
    const modal = h.standIn.modals.get(String(press.trigger_id));
    expect(modal).toBeDefined();
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'balie-form', title: { text: 'Inschrijven' } });
    expect(initialValues(modal!)).toEqual({ firstName: 'Mia', lastName: 'Claes', email: 'mia.claes@example.org' });
    expect(h.standIn.callsOf('users.info').find((c) => c.body.user === chat.userId)?.body.include_locale).toBe('true');

    // One invalid field: the error comes back in the modal, nothing else happens.
    const messagesBefore = chat.botMessages.length;
    const wrong = h.standIn.submissionPayload(chat.userId, modal!, { ...initialValues(modal!), ...filled, email: 'mia.claes@' });
    const refused = await chat.deliver('interactive', wrong);
    expect(refused.status).toBe(200);
    const answer = JSON.parse(refused.text) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors)).toEqual(['email']);
    expect(answer.errors.email).toMatch(/e-mailadres/);
    await h.done.wait(String(wrong.trigger_id));
    expect(chat.botMessages.length).toBe(messagesBefore);
    expect(await h.stores.ledger.findAllByOwner(`slack:${chat.userId}`)).toEqual([]);

    // Corrected: the same register effect as the chat, confirmed in the DM and by e-mail.
    const right = h.standIn.submissionPayload(chat.userId, modal!, { ...initialValues(modal!), ...filled });
    const accepted = await chat.deliver('interactive', right);
    expect(accepted).toMatchObject({ status: 200, text: '' });
    await h.done.wait(String(right.trigger_id));
    expect(chat.botMessages.map((m) => m.text).join('\n')).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op mia.claes@example.org.');
    const [record] = await h.stores.ledger.findAllByOwner(`slack:${chat.userId}`);
    expect(record).toMatchObject({ status: 'confirmed', sessions: [3, 7] });
    expect(await eventually(async () => (await readdir(h.mailDir)).some((f) => f.endsWith('.eml')), 15_000)).toBe(true);
  });

  it('opens the modal from /balie formulier, in English for an English locale', async () => {
    const chat = h.chat({ id: 'U0MOD0902', locale: 'en-US', firstName: 'Sam' });
    const body = h.standIn.commandBody(chat.userId, 'formulier');
    await chat.send('slash_commands', body);
    const modal = h.standIn.modals.get(body.trigger_id!);
    expect(modal).toMatchObject({ title: { text: 'Register' }, close: { text: 'Close' } });
    expect(initialValues(modal!)).toEqual({ firstName: 'Sam' });
  });

  it('does not open a modal for a trigger older than three seconds (Slack refuses it) and says nothing wrong in the DM', async () => {
    const chat = h.chat({ id: 'U0MOD0903' });
    h.standIn.failNext('views.open', 'expired_trigger_id');
    const body = h.standIn.commandBody(chat.userId, 'formulier');
    await chat.send('slash_commands', body);
    expect(h.standIn.modals.has(body.trigger_id!)).toBe(false);
    expect(h.logs.some((l) => l.msg === 'slack: the form was not opened' && l.code === 'expired_trigger_id')).toBe(true);
  });
});
