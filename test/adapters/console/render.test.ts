import { describe, expect, it } from 'vitest';
import { renderJsonlError, renderJsonlReplies } from '../../../src/adapters/console/render-jsonl.ts';
import { disabledMarker, interpretTyped, renderTurnText } from '../../../src/adapters/console/render-text.ts';
import type { Reply } from '../../../src/dialogs/types.ts';

const sessionQuestion: Reply = {
  text: 'Welke sessie kies je in *reeks 1*?',
  choices: [
    { id: 's1', label: 'Sociale clausules', hint: '40 plaatsen vrij' },
    { id: 's4', label: 'Maatwerkbedrijven', hint: 'volzet', disabled: true },
  ],
};
const summary: Reply = {
  text: 'Klopt dit?',
  facts: [
    { label: 'Naam', value: 'Ann Peeters' },
    { label: 'Organisatie', value: 'Gemeente Leuven' },
  ],
  choices: [{ id: 'confirm', label: 'Bevestigen' }],
};

describe('rendering for the terminal', () => {
  it('numbers choices across the turn, marks unavailable ones and aligns facts', () => {
    const rendered = renderTurnText([sessionQuestion, summary], { color: false });
    expect(rendered.text).toBe(
      [
        'Welke sessie kies je in *reeks 1*?',
        '  1. Sociale clausules (40 plaatsen vrij)',
        `  2. Maatwerkbedrijven (volzet) ${disabledMarker}`,
        '',
        'Klopt dit?',
        '  Naam         Ann Peeters',
        '  Organisatie  Gemeente Leuven',
        '  3. Bevestigen',
      ].join('\n'),
    );
    expect([...rendered.choiceKeys]).toEqual([['1', 's1'], ['2', 's4'], ['3', 'confirm']]);
  });

  it('numbers sessions by their own number and keys the other choices of that turn by letter', () => {
    const full: Reply = {
      text: 'Sessie 4 is volzet. Wachtlijst of een andere sessie?',
      choices: [
        { id: 'waitlist', label: 'Op de wachtlijst' },
        { id: 'session:5', label: 'Talenten tellen', hint: 'sessie 5 · Spoor 95' },
        { id: 'session:7', label: 'Wijk-werken', hint: 'sessie 7 · Zaal 2+3', disabled: true },
        { id: 'session:9', label: 'Innovatie' },
      ],
    };
    const rendered = renderTurnText([full, { text: 'Of:', choices: [{ id: 'stop', label: 'Stoppen' }] }], { color: false });
    expect(rendered.text).toBe(
      [
        'Sessie 4 is volzet. Wachtlijst of een andere sessie?',
        '  a. Op de wachtlijst',
        '  5. Talenten tellen (sessie 5 · Spoor 95)',
        `  7. Wijk-werken (sessie 7 · Zaal 2+3) ${disabledMarker}`,
        '  9. Innovatie',
        '',
        'Of:',
        '  b. Stoppen',
      ].join('\n'),
    );
    const keys = rendered.choiceKeys;
    expect(interpretTyped('7', keys)).toEqual({ kind: 'choice', id: 'session:7' });
    expect(interpretTyped('9.', keys)).toEqual({ kind: 'choice', id: 'session:9' });
    expect(interpretTyped('B', keys)).toEqual({ kind: 'choice', id: 'stop' });
    expect(interpretTyped(' a ', keys)).toEqual({ kind: 'choice', id: 'waitlist' });
    // Not a position: "2" is session 2, which this turn does not list; the dialogs read it as that session.
    expect(interpretTyped('2', keys)).toEqual({ kind: 'text', text: '2' });
    expect(interpretTyped('c', keys)).toEqual({ kind: 'text', text: 'c' });
  });

  it('uses bold and dim on a colour terminal', () => {
    const { text } = renderTurnText([sessionQuestion], { color: true });
    expect(text).toContain('\u001b[1mreeks 1\u001b[22m');
    expect(text).toContain(`\u001b[2m  2. Maatwerkbedrijven (volzet) ${disabledMarker}\u001b[22m`);
  });

  it('wraps at spaces to the width, under the text of a list line, an option or a fact, and never breaks a word or an e-mail address', () => {
    const email = 'roos.blondeel-vandenbroucke@vlaams-brabant-voorbeeld.be';
    const reply: Reply = {
      text: `Je bent ingeschreven! Je krijgt een bevestiging op ${email}. Tot op de netwerkdag!\n3. Samenwerken werkt! Samenwerking Lokale Besturen & VDAB – Zaal 2+3`,
      facts: [{ label: 'E-mail', value: email }, { label: 'Sessie in reeks 1', value: '#3 Samenwerken werkt! Samenwerking Lokale Besturen & VDAB · Zaal 2+3' }],
      choices: [{ id: 'session:3', label: 'Samenwerken werkt! Samenwerking Lokale Besturen & VDAB', hint: 'sessie 3 · Zaal 2+3 · nog 15 plaatsen vrij' }],
    };
    const { text } = renderTurnText([reply], { color: false, width: 40 });
    expect(text).toBe(
      [
        'Je bent ingeschreven! Je krijgt een',
        'bevestiging op',
        `${email}.`,
        'Tot op de netwerkdag!',
        '3. Samenwerken werkt! Samenwerking',
        '   Lokale Besturen & VDAB – Zaal 2+3',
        `  E-mail             ${email}`,
        '  Sessie in reeks 1  #3 Samenwerken',
        '                     werkt! Samenwerking',
        '                     Lokale Besturen &',
        '                     VDAB · Zaal 2+3',
        '  3. Samenwerken werkt! Samenwerking',
        '     Lokale Besturen & VDAB (sessie 3 ·',
        '     Zaal 2+3 · nog 15 plaatsen vrij)',
      ].join('\n'),
    );
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(text)).toEqual(words(renderTurnText([reply], { color: false }).text));
    for (const line of text.split('\n')) expect(line.length <= 40 || line.includes(email)).toBe(true);
  });

  it('wraps by what is visible: bold and dim take no columns, a narrow terminal drops the indent', () => {
    const { text } = renderTurnText([{ text: 'Welke sessie kies je in *Reeks 1* (13:30–15:00)?', choices: [{ id: 'x', label: 'Volzet sessie met een lange titel', disabled: true }] }], { color: true, width: 18 });
    expect(text).toBe(
      [
        'Welke sessie kies',
        'je in \u001b[1mReeks 1\u001b[22m',
        '(13:30–15:00)?',
        '\u001b[2m  1. Volzet sessie\u001b[22m',
        '\u001b[2mmet een lange\u001b[22m',
        `\u001b[2mtitel ${disabledMarker}\u001b[22m`,
      ].join('\n'),
    );
  });

  it('never passes control characters from a reply to the terminal', () => {
    const { text } = renderTurnText([{ text: 'Dag Ann\u001b[2J\u0007!\nTot zo', facts: [{ label: 'Naam\n', value: 'A\u001b]0;x\u0007nn' }] }], { color: false });
    expect(text).toBe('Dag Ann[2J!\nTot zo\n  Naam  A]0;xnn');
  });

  it('turns a typed number into the choice id, anything else stays text', () => {
    const ids = renderTurnText([sessionQuestion, summary], { color: false }).choiceKeys;
    expect(interpretTyped('2', ids)).toEqual({ kind: 'choice', id: 's4' });
    expect(interpretTyped(' 3. ', ids)).toEqual({ kind: 'choice', id: 'confirm' });
    expect(interpretTyped('4', ids)).toEqual({ kind: 'text', text: '4' });
    expect(interpretTyped('0', ids)).toEqual({ kind: 'text', text: '0' });
    expect(interpretTyped('2 personen', ids)).toEqual({ kind: 'text', text: '2 personen' });
    expect(interpretTyped('a', ids)).toEqual({ kind: 'text', text: 'a' });
    expect(interpretTyped('1', new Map())).toEqual({ kind: 'text', text: '1' });
  });
});

describe('rendering for the JSONL interface', () => {
  it('writes choices with disabled always present, hint and facts when given', () => {
    const line = renderJsonlReplies('ann', [sessionQuestion, summary, { text: 'Tot ziens' }]);
    expect(JSON.parse(line)).toEqual({
      user: 'ann',
      replies: [
        {
          text: 'Welke sessie kies je in *reeks 1*?',
          choices: [
            { id: 's1', label: 'Sociale clausules', hint: '40 plaatsen vrij', disabled: false },
            { id: 's4', label: 'Maatwerkbedrijven', hint: 'volzet', disabled: true },
          ],
        },
        { text: 'Klopt dit?', choices: [{ id: 'confirm', label: 'Bevestigen', disabled: false }], facts: summary.facts },
        { text: 'Tot ziens', choices: [] },
      ],
    });
    expect(line).not.toContain('\n');
  });

  it("writes a refused form's errors by field id", () => {
    const line = renderJsonlReplies('ann', [{ text: 'Nog niet alles is in orde', fieldErrors: { email: 'Dat lijkt geen geldig e-mailadres.' } }]);
    expect(JSON.parse(line).replies).toEqual([{ text: 'Nog niet alles is in orde', choices: [], fieldErrors: { email: 'Dat lijkt geen geldig e-mailadres.' } }]);
  });

  it('keeps one line even when texts contain line breaks', () => {
    expect(renderJsonlReplies('ann', [{ text: 'een\ntwee\u2028drie' }]).split('\n')).toHaveLength(1);
  });

  it('writes errors with or without the user', () => {
    expect(JSON.parse(renderJsonlError('not valid JSON'))).toEqual({ error: 'not valid JSON' });
    expect(JSON.parse(renderJsonlError('turn failed (internal)', 'ann'))).toEqual({ user: 'ann', error: 'turn failed (internal)' });
  });
});
