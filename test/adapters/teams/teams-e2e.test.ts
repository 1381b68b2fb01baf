import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNumber } from '../console/form-filler.ts';
import { eventually } from '../../helpers/eventually.ts';
import { cardOf, choicesOf, elementsOf, textOf } from '../../helpers/teams-chat.ts';
import { startTeamsBalie, type TeamsBalie } from '../../helpers/teams-host.ts';

// Every case talks to the real process (tsx, the Q&A's training): generous bounds for a busy machine.
describe('npm start with Teams (the real process, real tokens both ways)', { timeout: 120_000 }, () => {
  let b: TeamsBalie;
  beforeAll(async () => {
    b = await startTeamsBalie();
  }, 120_000);
  afterAll(() => b?.close());

  it('says in its first log line that Teams runs at POST /api/messages, and that tokens are checked', () => {
    expect(b.host.logs[0]?.msg).toMatch(/^Balie starting: teams \(POST \/api\/messages\) on 127\.0\.0\.1:\d+;/);
    expect(b.host.logs.some((l) => l.msg === 'teams: every activity’s token is checked')).toBe(true);
  });

  it('registers a person in the personal chat with button presses; each pressed card shows the choice and loses its buttons', async () => {
    const chat = b.chat({ id: '29:reg-1', locale: 'nl-BE' });
    const result = await chat.register(personNumber(901, [3, 7], true));
    expect(result).toMatchObject({ waitlisted: false });
    expect(chat.botActivities.map(textOf).join('\n')).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ann.peeters.901@example.org.');
    const pressed = chat.botActivities.filter((a) => a.updates > 0);
    expect(pressed.length).toBeGreaterThanOrEqual(4);
    for (const card of pressed) {
      expect(textOf(card)).toMatch(/✓ \*\*.+\*\*$/);
      expect(elementsOf(card).filter((e) => String(e.type).startsWith('Action.') || String(e.type).startsWith('Input.'))).toEqual([]);
    }
    // Every call to the Connector carried the bot's own token (the stand-in refuses others).
    expect(b.apiCalls().every((c) => c.status !== 401)).toBe(true);
    // The summary is a FactSet; the confirmation notice arrives through continueConversationAsync.
    expect(chat.botActivities.some((a) => elementsOf(a).some((e) => e.type === 'FactSet'))).toBe(true);
    // (A proactive message answers no activity of the person's: its replyToId is one botbuilder made up.)
    expect(await eventually(async () => chat.botActivities.some((a) => !a.replyToId?.startsWith('u') && textOf(a).includes('is bevestigd')), 15_000)).toBe(true);
    expect(await eventually(async () => (await readdir(b.mailDir)).some((f) => f.endsWith('.eml')), 15_000)).toBe(true);
  });

  it('refuses no token, a wrong audience, another service URL, an expired and a forged token with 401, and sends nothing', async () => {
    const chat = b.chat({ id: '29:intruder' });
    const before = b.apiCalls().length;
    const activity = chat.activity({ text: 'Ik wil me inschrijven' });
    const refused = [
      await b.standIn.deliver(activity, { token: null }),
      await b.standIn.deliver(activity, { token: 'not-a-jwt' }),
      await b.standIn.deliver(activity, { audience: '00000000-1111-2222-3333-444444444444' }),
      await b.standIn.deliver(activity, { serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
      await b.standIn.deliver(activity, { expiresIn: -600 }),
      await b.standIn.deliver(activity, { issuer: 'https://sts.windows.net/someone-else/' }),
      await b.standIn.deliver(activity, { forged: true }),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(b.apiCalls().length).toBe(before);
    // The same activity, signed as the Connector signs it, is answered.
    expect((await b.standIn.deliver(activity)).status).toBe(200);
    expect(chat.botActivities.length).toBeGreaterThan(0);
  });

  it('answers one activity delivered twice once (the Bot’s handled ids)', async () => {
    const chat = b.chat({ id: '29:twice' });
    const activity = chat.activity({ text: 'hallo' });
    const first = await chat.send(activity);
    expect(first.length).toBeGreaterThan(0);
    expect(await chat.send(activity)).toEqual([]);
    // A second press on the same card (before its update arrived) is dropped too.
    const menu = chat.withChoice('Programma');
    const press = chat.pressActivity('Programma', menu);
    expect((await chat.send(press)).length).toBeGreaterThan(0);
    expect(await chat.send({ ...press, id: 'u-another-press' })).toEqual([]);
  });

  it('answers a press on an old card that kept its buttons like an old button, through the dialog', async () => {
    const chat = b.chat({ id: '29:old-card' });
    const [old] = await chat.say('hallo');
    await chat.say('hallo');
    const replies = await chat.press('Help', old);
    expect(replies.length).toBeGreaterThan(0);
    expect(textOf(old!)).toMatch(/✓ \*\*Help\*\*$/);
  });

  it('fills the one-card form: prefilled from the directory, refused fields beside them on the same card, then registered', async () => {
    const chat = b.chat({ id: '29:form-1', email: 'ann.form@gemeente.example', givenName: 'Ann', surname: 'Vormen' });
    await chat.say('hallo');
    const [form] = await chat.press('Formulier invullen');
    const inputs = Object.fromEntries(elementsOf(form!).filter((e) => String(e.type).startsWith('Input.')).map((e) => [e.id, e]));
    expect(inputs.firstName).toMatchObject({ type: 'Input.Text', value: 'Ann', isRequired: true, label: 'Voornaam' });
    expect(inputs.lastName).toMatchObject({ value: 'Vormen' });
    expect(inputs.email).toMatchObject({ value: 'ann.form@gemeente.example', regex: expect.any(String), errorMessage: expect.stringContaining('e-mailadres') });
    expect(inputs['session:1']).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(inputs.book).toMatchObject({ type: 'Input.Toggle', valueOn: 'yes', valueOff: 'no' });
    expect(inputs.street).not.toHaveProperty('isRequired');
    expect(b.standIn.calls.some((c) => c.path.endsWith('/members/29%3Aform-1') && c.status === 200)).toBe(true);

    const valid = { phone: '0470 12 34 56', organisation: 'Gemeente Leuven', organisationType: 'local_government', 'session:1': '2', 'session:2': '6', book: 'no' };
    expect(await chat.submitForm({ ...valid, phone: 'bel me', organisation: '' })).toEqual([]);
    expect(form!.updates).toBe(1);
    const refused = elementsOf(form!);
    const after = (id: string) => refused[refused.findIndex((e) => e.id === id) + 1];
    expect(after('phone')).toMatchObject({ type: 'TextBlock', color: 'Attention', text: expect.stringContaining('telefoonnummer') });
    expect(after('organisation')).toMatchObject({ type: 'TextBlock', color: 'Attention', text: 'Vul dit in.' });
    expect(refused.find((e) => e.id === 'phone')).toMatchObject({ value: 'bel me' });

    const registered = await chat.submitForm(valid, form);
    expect(registered.map(textOf).join('\n')).toContain('Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ann.form@gemeente.example.');
    expect(form!.updates).toBe(2);
    expect(textOf(form!)).toContain('✓ Formulier verstuurd.');
    expect(elementsOf(form!).some((e) => String(e.type).startsWith('Input.'))).toBe(false);
  });

  it('answers a mention in a team channel or group chat with one line to continue in a personal chat', async () => {
    const group = b.chat({ id: '29:grouped' }, 'groupChat');
    const replies = await group.say('<at>Balie</at> ik wil me inschrijven');
    expect(replies.map(textOf)).toEqual(['Ik help je graag, maar alleen in een privégesprek: stuur me een rechtstreeks bericht.']);
    const channel = b.chat({ id: '29:channelled', locale: 'en-US' }, 'channel');
    expect((await channel.say('<at>Balie</at> register')).map(textOf)).toEqual(['I am happy to help, but only in a private chat: send me a direct message.']);
  });

  it('greets with the menu when installed in a personal chat, ignores other updates, and refuses a body that is no activity', async () => {
    const chat = b.chat({ id: '29:installed' });
    const installed = await chat.send(chat.activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: `28:${b.standIn.appId}` }] }));
    expect(choicesOf(installed[0]!).map((c) => c.id)).toContain('register');
    expect(await chat.send(chat.activity({ type: 'typing' }))).toEqual([]);
    const signed = { authorization: `Bearer ${b.standIn.sign()}`, 'content-type': 'application/json' };
    expect((await fetch(b.standIn.botUrl, { method: 'POST', headers: signed, body: '{"type":' })).status).toBe(400);
    expect((await fetch(b.standIn.botUrl, { method: 'POST', headers: signed, body: '[1,2]' })).status).toBe(400);
  });

  it('speaks the language of activity.locale', async () => {
    const chat = b.chat({ id: '29:english', locale: 'en-GB' });
    const [reply] = await chat.say('hello');
    expect(textOf(reply!)).toMatch(/^Hello!/);
    expect(choicesOf(reply!).map((c) => c.label)).toContain('Register');
    expect(elementsOf(reply!).some((e) => e.title === 'Fill in the form')).toBe(true);
    expect(cardOf(reply!)).not.toBeNull();
    // The form speaks the conversation's language: a Dutch Teams that switched to English gets it in English.
    const switched = b.chat({ id: '29:switched', locale: 'nl-BE' });
    await switched.say('hallo');
    await switched.press('English');
    const [form] = await switched.press('Fill in the form');
    expect(textOf(form!)).toMatch(/^Register for the Netwerkdag sociale economie/);
    expect(elementsOf(form!).find((e) => e.type === 'Action.Submit')).toMatchObject({ data: { balie: 'form', lang: 'en' } });
  });
});
