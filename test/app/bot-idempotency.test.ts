import { describe, expect, it } from 'vitest';
import type { CancelCommand, ChangeSessionCommand, RegisterCommand } from '../../src/core/index.ts';
import { messages } from '../../src/dialogs/i18n/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { answerDetails, Desk, fillForm, netwerkdag } from '../helpers/chat.ts';

const nl = messages('nl');

/** A real ledger on which another command already used every key the dialog sends (a form lost and started again, say). */
class UsedKeysLedger extends MemorySeatLedger {
  constructor(private readonly used: ReadonlySet<'register' | 'changeSession' | 'cancel'>) {
    super(netwerkdag);
  }

  override async register(command: RegisterCommand) {
    if (this.used.has('register')) {
      await super.register({ ...command, registrant: { ...command.registrant, email: 'iemand.anders@example.org', owner: 'test:iemand-anders' } });
    }
    return super.register(command);
  }

  override async changeSession(command: ChangeSessionCommand) {
    if (this.used.has('changeSession')) await super.changeSession({ ...command, registrationId: 'iemand-anders' });
    return super.changeSession(command);
  }

  override async cancel(command: CancelCommand) {
    if (this.used.has('cancel')) await super.cancel({ ...command, registrationId: 'iemand-anders' });
    return super.cancel(command);
  }
}

describe('Bot: a ledger key that came with another command', () => {
  it('never tells the next person of a lost conversation the outcome of the first (clock pinned, the form started again)', async () => {
    const desk = new Desk();
    const chat = desk.chat('console:terminal');
    await fillForm(chat, { email: 'ann@example.org' });
    await chat.say('ja');
    expect(chat.turnText()).toContain(nl.registered('ann@example.org'));
    const ann = await desk.ledger.findByEmail('ann@example.org');

    // The conversation is lost (TTL, reset); a colleague at the same terminal is registered next.
    await desk.conversations.delete('console:terminal');
    await chat.say('Ik wil me inschrijven');
    await chat.choose('register-other');
    await answerDetails(chat, { email: 'bob@example.org' });
    for (const text of ['sessie 1', 'sessie 5', 'nee', 'ja']) await chat.say(text);
    const first = chat.turnText();
    expect(first).not.toContain('ann@example.org');
    const bobRegistered = nl.registeredOther('Jan Peeters', 'bob@example.org');
    if (!first.includes(bobRegistered)) {
      // The ledger refused the replayed key: nothing changed, the summary is asked again.
      expect(first).toContain(nl.turnFailed);
      expect(chat.fact(/E-mail/)).toBe('bob@example.org');
      expect(await desk.ledger.findByEmail('bob@example.org')).toBeNull();
      await chat.say('ja');
    }
    expect(chat.turnText()).toContain(bobRegistered);
    expect(await desk.ledger.findByEmail('bob@example.org')).toMatchObject({ status: 'confirmed', owner: 'console:terminal' });
    expect(await desk.ledger.findByEmail('ann@example.org')).toEqual(ann);
  });

  it('says "nothing changed" and asks to confirm again when the register is refused', async () => {
    const desk = new Desk(netwerkdag, new UsedKeysLedger(new Set(['register'])));
    const chat = desk.chat('console:ann');
    await fillForm(chat, { email: 'ann@example.org' });
    await chat.say('ja');
    expect(chat.turnText()).toContain(nl.turnFailed);
    expect(chat.turnText()).not.toContain('iemand.anders@example.org');
    expect(chat.choiceIds()).toEqual(['confirm', 'change', 'stop']);
    expect(await desk.ledger.findByOwner('console:ann')).toBeNull();
  });

  it.each([
    ['changeSession', ['mijn inschrijving', 'Sessie wijzigen', 'reeks 2', 'sessie 9']],
    ['cancel', ['mijn inschrijving', 'Inschrijving annuleren', 'Ja, annuleren']],
  ] as const)('says "nothing changed" and shows the registration as it is when a %s is refused', async (command, steps) => {
    const desk = new Desk(netwerkdag, new UsedKeysLedger(new Set([command])));
    const chat = desk.chat('console:ann');
    await fillForm(chat, { email: 'ann@example.org' });
    await chat.say('ja');
    const before = await desk.ledger.findByOwner('console:ann');
    for (const step of steps) {
      const choice = chat.choices().find((c) => c.label === step);
      await (choice ? chat.choose(choice.id) : chat.say(step));
    }
    expect(chat.turnText()).toContain(nl.turnFailed);
    expect(chat.turnText()).not.toContain(nl.registrationGone);
    expect(chat.fact(/reeks 2/)).toMatch(/^#5 /);
    expect(await desk.ledger.findByOwner('console:ann')).toEqual(before);
  });
});
