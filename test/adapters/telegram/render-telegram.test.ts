import { describe, expect, it } from 'vitest';
import { callbackDataFor } from '../../../src/adapters/telegram/callback-data.ts';
import { escapeHtml, markdownToHtml, maxMessageLength, renderPressed, renderTelegram, splitText } from '../../../src/adapters/telegram/render-telegram.ts';
import { parseTelegramHtml } from '../../helpers/telegram-html.ts';

const ids = (id: string) => id;
/** What Telegram would show: the parsed text of every message. */
const shown = (html: string) => {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
};

describe('renderTelegram', () => {
  it('escapes &, < and > and turns *bold* into <b>', () => {
    const [message] = renderTelegram({ text: 'Sessie *3* <Zaal 2&3> a*b' }, ids);
    expect(message?.text).toBe('Sessie <b>3</b> &lt;Zaal 2&amp;3&gt; a*b');
    expect(shown(message!.text)).toMatchObject({ text: 'Sessie 3 <Zaal 2&3> a*b', entities: [{ type: 'bold', offset: 7, length: 1 }] });
  });

  it('keeps markup a person typed as text', () => {
    const [message] = renderTelegram({ text: 'Je naam is <b>Ann</b> & <script>' }, ids);
    expect(shown(message!.text).text).toBe('Je naam is <b>Ann</b> & <script>');
  });

  it('puts the choices that can be chosen in an inline keyboard, two to a row when short', () => {
    const [message] = renderTelegram({ text: 'Waarmee kan ik je helpen?', choices: ['Inschrijven', 'Mijn inschrijving', 'Programma', 'Help', 'English'].map((label, i) => ({ id: `c${i}`, label })) }, ids);
    expect(message?.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([['Inschrijven', 'Mijn inschrijving'], ['Programma', 'Help'], ['English']]);
    expect(message?.reply_markup?.inline_keyboard[0]?.[1]).toEqual({ text: 'Mijn inschrijving', callback_data: 'c1' });
    expect(message?.text).toBe('Waarmee kan ik je helpen?');
  });

  it('lists choices with hints in the text, shows a full session as text and not as a button', () => {
    const [message] = renderTelegram(
      {
        text: 'Welke sessie kies je in *Reeks 1*?',
        choices: [
          { id: 'session:1', label: 'Sociale clausules bij overheidsopdrachten', hint: 'sessie 1 · Spoor 95 · nog 40 plaatsen vrij' },
          { id: 'session:4', label: 'Lokale diensteneconomie (LDE) op maat van jouw gemeente', hint: 'sessie 4 · Zaal 6+7 · volzet', disabled: true },
        ],
      },
      ids,
    );
    expect(message?.reply_markup?.inline_keyboard).toEqual([[{ text: 'Sociale clausules bij overheidsopdrachten', callback_data: 'session:1' }]]);
    const text = shown(message!.text).text;
    expect(text).toContain('• Sociale clausules bij overheidsopdrachten — sessie 1 · Spoor 95 · nog 40 plaatsen vrij');
    expect(text).toContain('✗ Lokale diensteneconomie (LDE) op maat van jouw gemeente — sessie 4 · Zaal 6+7 · volzet');
  });

  it('shows the facts as aligned lines in monospace', () => {
    const [message] = renderTelegram({ text: 'Klopt alles?', facts: [{ label: 'Voornaam', value: 'Ann' }, { label: 'Soort organisatie', value: 'Lokaal bestuur <LB>' }] }, ids);
    const { text, entities } = shown(message!.text);
    expect(text).toBe('Klopt alles?\n\nVoornaam           Ann\nSoort organisatie  Lokaal bestuur <LB>');
    expect(entities).toEqual([{ type: 'pre', offset: 14, length: text.length - 14 }]);
  });

  it('splits a long reply into messages under 4,096 characters at paragraph boundaries, the keyboard on the last', () => {
    const paragraph = `${'woord '.repeat(300).trim()}.`;
    const messages = renderTelegram({ text: Array.from({ length: 6 }, () => paragraph).join('\n\n'), choices: [{ id: 'ok', label: 'Oké' }] }, ids);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      const { text } = shown(message.text);
      expect(text.length).toBeLessThanOrEqual(maxMessageLength);
      expect(text.startsWith('woord') && text.endsWith('.')).toBe(true);
    }
    expect(messages.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(messages.at(-1)?.reply_markup?.inline_keyboard).toEqual([[{ text: 'Oké', callback_data: 'ok' }]]);
  });

  it('splits a single very long line at word boundaries, and a word without spaces where it must', () => {
    expect(splitText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const messages = renderTelegram({ text: 'lang '.repeat(2000) }, ids);
    expect(messages.every((m) => shown(m.text).text.length <= maxMessageLength)).toBe(true);
    expect(messages.map((m) => shown(m.text).text).join(' ').split(' ').filter(Boolean)).toHaveLength(2000);
  });

  it('gives a keyboard without text a message to hang on, and drops control characters', () => {
    expect(renderTelegram({ text: '', choices: [{ id: 'a', label: 'A' }] }, ids)[0]?.text).toBe('…');
    expect(markdownToHtml('a\u0007b\u001b[31mc')).toBe('a b [31mc');
    expect(escapeHtml('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('gives every button callback data of at most 64 bytes, a token for longer ids', () => {
    const long = `ask:${'Wat is het verschil tussen sessie drie en sessie zeven, precies? '.repeat(2)}`;
    const [message] = renderTelegram({ text: 'Vraag', choices: [{ id: long, label: 'Meer' }, { id: 'ask:één', label: 'Kort' }] }, callbackDataFor);
    const data = message!.reply_markup!.inline_keyboard.flat().map((b) => b.callback_data);
    expect(data[1]).toBe('ask:één');
    expect(data[0]).toMatch(/^~[A-Za-z0-9_-]{32}$/);
    expect(callbackDataFor(long)).toBe(data[0]);
    expect(data.every((d) => Buffer.byteLength(d) <= 64)).toBe(true);
    // 64 bytes in UTF-8 (not characters): 'é' is two.
    expect(callbackDataFor('é'.repeat(32))).toBe('é'.repeat(32));
    expect(callbackDataFor('é'.repeat(33))).toMatch(/^~/);
    expect(callbackDataFor('~session:1')).toMatch(/^~.{32}$/);
  });
});

describe('renderPressed', () => {
  const message = { messageId: 5, text: 'Klopt alles?\n\nVoornaam  Ann', entities: [{ type: 'pre', offset: 14, length: 13 }], buttons: [{ text: 'Ja, inschrijven', callback_data: 'confirm' }] };

  it('keeps the text and its formatting, adds the pressed choice in bold and removes the buttons', () => {
    const edit = renderPressed(message, 'confirm');
    expect(edit).toEqual({
      kind: 'text',
      text: 'Klopt alles?\n\nVoornaam  Ann\n\n✓ Ja, inschrijven',
      entities: [
        { type: 'pre', offset: 14, length: 13 },
        { type: 'bold', offset: 29, length: 17 },
      ],
    });
  });

  it('only removes the buttons when the text is gone or would grow past the limit', () => {
    expect(renderPressed({ messageId: 5, buttons: message.buttons }, 'confirm')).toEqual({ kind: 'keyboard' });
    expect(renderPressed({ ...message, text: 'x'.repeat(4090) }, 'confirm')).toEqual({ kind: 'keyboard' });
    expect(renderPressed(message, 'something-else')).toEqual({ kind: 'keyboard' });
  });
});

describe('renderTelegram with the choices at a full session (issue 13)', () => {
  it('shows the three ways on and "Geen sessie in deze reeks" as buttons, one per row, within 64 bytes of callback data', async () => {
    const { Desk } = await import('../../helpers/chat.ts');
    const desk = new Desk();
    await desk.fillSession(4);
    const chat = desk.chat('telegram:42');
    await chat.say('inschrijven');
    for (const answer of ['Jan', 'Peeters', 'jan@example.be', '0470123456', 'Stad Leuven', '1']) await chat.say(answer);
    const replies = await chat.choose('session:4');
    const reply = replies.at(-1)!;
    const [message] = renderTelegram(reply, callbackDataFor);
    const rows = message!.reply_markup!.inline_keyboard;
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([
      ['Wachtlijst voor sessie 4, intussen een andere sessie'],
      ['Wachtlijst voor sessie 4, zonder andere sessie'],
      ...reply.choices!.slice(2, -1).map((c) => [c.label]),
      ['Geen sessie in deze reeks'],
    ]);
    for (const button of rows.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    expect(shown(message!.text).text).toMatch(/Sessie 4 \(Lokale diensteneconomie.*\) is volzet/);
  });
});
