import { describe, expect, it } from 'vitest';
import { findInvariantViolations, type DeliveryEntry } from '../../src/core/index.ts';
import { renderMail } from '../../src/mail/index.ts';
import { Desk, fillForm } from '../helpers/chat.ts';

const me = 'console:me';

async function registered(book = false): Promise<{ desk: Desk; chat: ReturnType<Desk['chat']> }> {
  const desk = new Desk();
  const chat = desk.chat(me);
  await fillForm(chat, { sessions: ['sessie 3', 'sessie 7'], book });
  await chat.say('ja');
  await desk.addresses.remember(me, 'console-address-1');
  return { desk, chat };
}

async function everyEntry(desk: Desk): Promise<DeliveryEntry[]> {
  return [...(await desk.ledger.list('pending')), ...(await desk.ledger.list('sent')), ...(await desk.ledger.list('failed'))];
}

describe('"mijn gegevens": everything Balie keeps, shown and mailed as a file', () => {
  it('shows the registration as kept and what else is kept, and mails the JSON to the registration address', async () => {
    const { desk, chat } = await registered(true);
    await chat.say('Mijn gegevens');
    expect(chat.turnText()).toContain('Dit is alles wat ik over je bijhoud:');
    expect(chat.fact(/^Voornaam/)).toBe('Jan');
    expect(chat.fact(/^E-mail/)).toBe('jan.peeters@example.be');
    expect(chat.fact(/Verzendadres/)).toMatch(/Provincieplein 1/);
    expect(chat.turnText()).toMatch(/hoe ik je via console een bericht stuur/);
    expect(chat.turnText()).toContain('Ik stuurde je dit ook als bestand (JSON) naar *jan.peeters@example.be*.');

    const exports = (await desk.ledger.list('pending', 'mail')).filter((e) => e.kind === 'data_export');
    expect(exports.length).toBe(1);
    const data = JSON.parse(exports[0]?.dataExport ?? '{}') as { registration: { email: string; sessions: number[] }; chat: { userKey: string; address: string | null; conversation: unknown }; messages: Array<{ kind: string }> };
    expect(data.registration.email).toBe('jan.peeters@example.be');
    expect(data.registration.sessions).toEqual([3, 7]);
    expect(data.chat).toMatchObject({ userKey: me, address: 'console-address-1' });
    expect(data.chat.conversation).not.toBeNull();
    expect(data.messages.map((m) => m.kind)).toContain('confirmation');

    const mail = renderMail(exports[0] as DeliveryEntry, desk.event);
    if (!mail.ok) throw new Error(mail.reason);
    expect(mail.mail.to.address).toBe('jan.peeters@example.be');
    expect(mail.mail.attachments).toEqual([expect.objectContaining({ filename: 'netwerkdag-2020-mijn-gegevens.json', contentType: 'application/json; charset=utf-8', content: exports[0]?.dataExport })]);
  });

  it.each([['mijn gegevns'], ['Mijn Gegevens aub'], ['welke gegevens bewaren jullie over mij?'], ['toon mijn persoonsgegevens']])('understands "%s" in Dutch', async (text) => {
    const { chat } = await registered();
    await chat.say(text);
    expect(chat.turnText()).toContain('Dit is alles wat ik over je bijhoud:');
  });

  it.each([['my data'], ['My dta please'], ['what data do you keep about me?']])('understands "%s" in English', async (text) => {
    const { chat } = await registered();
    await chat.say('english');
    await chat.say(text);
    expect(chat.turnText()).toContain('This is everything I keep about you:');
    expect(chat.turnText()).toContain('I also sent this to *jan.peeters@example.be* as a file (JSON).');
  });

  it('is named in the help text, in both languages', async () => {
    const chat = new Desk().chat('console:help');
    await chat.say('help');
    expect(chat.turnText()).toContain('("mijn gegevens"), of het laten wissen ("verwijder mijn gegevens")');
    await chat.say('english');
    await chat.say('help');
    expect(chat.turnText()).toContain('("my data"), or have it deleted ("delete my data")');
  });

  it('does not take "mijn gegevens wijzigen" for a look at the data', async () => {
    const { chat } = await registered();
    await chat.say('mijn gegevens wijzigen');
    expect(chat.turnText()).not.toContain('Dit is alles wat ik over je bijhoud:');
  });

  it('says what little it keeps of someone without a registration, and mails nothing', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:nobody');
    await chat.say('mijn gegevens');
    expect(chat.turnText()).toContain('Ik heb geen inschrijving van je.');
    expect((await desk.ledger.list('pending')).filter((e) => e.kind === 'data_export')).toEqual([]);
  });
});

describe('"verwijder mijn gegevens": cancel, free the seats, forget the person', () => {
  it('asks first; "nee" keeps everything', async () => {
    const { desk, chat } = await registered();
    await chat.say('verwijder mijn gegevens');
    expect(chat.lastText()).toMatch(/Wil je echt al je gegevens laten verwijderen\? Dan \*annuleer\* ik je inschrijving/);
    expect(chat.choiceIds()).toEqual(['erase:yes', 'erase:no']);
    await chat.say('nee');
    expect(chat.turnText()).toContain('Goed, ik verwijder niets.');
    expect((await desk.ledger.findAllByOwner(me)).length).toBe(1);
    expect(await desk.addresses.find(me)).toBe('console-address-1');
  });

  it('after "ja": the registration is cancelled, the waiting list moves up, and nothing of the person is left', async () => {
    const { desk, chat } = await registered(true);
    await desk.fillSession(3);
    const waiting = await desk.ledger.register({
      key: 'waiter',
      at: desk.clock.now(),
      waitlistIfFull: true,
      registrant: { firstName: 'Wachtende', lastName: 'Persoon', email: 'wacht@example.org', phone: '+32470000001', organisation: 'Elders', organisationType: 'other', sessions: [3, 7], book: null, language: 'nl', owner: 'other:1' },
    });
    if (!waiting.ok) throw new Error(waiting.reason);
    // Session 3 is full: the day and session 7 are held, session 3 waited for.
    expect(waiting.registration).toMatchObject({ status: 'confirmed', waitingFor: [3] });

    await chat.say('Verwijdr mijn gegevens');
    await chat.say('ja');
    expect(chat.turnText()).toContain('Gedaan: je inschrijving is geannuleerd');
    expect(await desk.ledger.findAllByOwner(me)).toEqual([]);
    expect((await desk.ledger.get(waiting.registration.id))?.sessions).toContain(3);
    expect(findInvariantViolations(desk.event, await desk.ledger.snapshot())).toEqual([]);
    expect(await desk.conversations.read(me)).toBeNull();
    expect(await desk.addresses.find(me)).toBeNull();

    const entries = await everyEntry(desk);
    const text = JSON.stringify(entries.filter((e) => e.registration.id !== waiting.registration.id));
    for (const personal of ['Peeters', 'jan.peeters@example.be', '+32470123456', 'Gemeente Bertem', 'Provincieplein', '3010']) expect(text).not.toContain(personal);
    expect(entries.some((e) => e.kind === 'promoted' && e.registration.email === 'wacht@example.org')).toBe(true);
    // The cancellation mail about a person who asked to be forgotten is withdrawn, not sent blank.
    const failed = await desk.ledger.list('failed', 'mail');
    expect(failed.filter((e) => e.kind === 'cancelled').map((e) => e.lastError)).toEqual(['withdrawn: the person had their data deleted']);
  });

  it('understands "delete my data" in English and erases a conversation without a registration', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:en', 'en-GB');
    await chat.say('hello');
    await chat.say('delet my data');
    expect(chat.lastText()).toBe('Do you really want all your data deleted? Then I delete this conversation and how I reach you here.');
    await chat.press(/Yes, delete everything/);
    expect(chat.turnText()).toContain('Done: this conversation and how I reach you here are deleted.');
    expect(await desk.conversations.read('console:en')).toBeNull();
  });

  it('a stale "erase:yes" button (the question was not asked last) erases nothing', async () => {
    const { desk, chat } = await registered();
    await chat.choose('erase:yes');
    expect((await desk.ledger.findAllByOwner(me)).length).toBe(1);
  });
});
