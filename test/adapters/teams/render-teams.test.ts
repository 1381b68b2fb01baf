import { describe, expect, it } from 'vitest';
import { markdownToTeams, renderPressed, renderTeams, type AdaptiveCard, type CardElement } from '../../../src/adapters/teams/render-teams.ts';
import type { Reply } from '../../../src/dialogs/types.ts';

const cardIn = (reply: Reply, lang: 'nl' | 'en' = 'nl'): AdaptiveCard => {
  const content = renderTeams(reply, lang).message.attachments?.[0]?.content;
  if (!content) throw new Error('no card');
  return content;
};
const all = (elements: readonly CardElement[] = []): CardElement[] =>
  elements.flatMap((e) => [e, ...all(e.items as CardElement[]), ...all(e.columns as CardElement[]), ...all(e.actions as CardElement[])]);

describe('Teams rendering (Adaptive Cards 1.5)', () => {
  it('sends text alone as markdown, with the dialogs’ *bold* as Teams’ **bold**', () => {
    expect(renderTeams({ text: 'Welkom bij de *Netwerkdag*!\nTot dan.' }, 'nl')).toEqual({ message: { type: 'message', text: 'Welkom bij de **Netwerkdag**!\nTot dan.', textFormat: 'markdown' } });
    expect(markdownToTeams('a\u0007b\r\nc')).toBe('a b\nc');
  });

  it('shows choices as Action.Submit buttons that send the choice id, on a 1.5 card', () => {
    const card = cardIn({ text: 'Wil je het boek?', choices: [{ id: 'book:yes', label: 'Ja' }, { id: 'book:no', label: 'Nee' }] });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Wil je het boek?', wrap: true }] });
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Ja', data: { balie: 'choice', id: 'book:yes', label: 'Ja' } },
      { type: 'Action.Submit', title: 'Nee', data: { balie: 'choice', id: 'book:no', label: 'Nee' } },
    ]);
  });

  it('puts the hint beside each button and a full session as text, not as a button', () => {
    const card = cardIn({
      text: 'Welke sessie?',
      choices: [
        { id: 'session:1', label: 'Sociale clausules', hint: 'nog 40 plaatsen vrij' },
        { id: 'session:4', label: 'Inclusief ondernemen', hint: 'volzet', disabled: true },
      ],
    });
    expect(card.actions).toBeUndefined();
    const rows = card.body.filter((e) => e.type === 'ColumnSet');
    expect(rows).toHaveLength(2);
    const [open, full] = rows.map((r) => all([r]));
    expect(open?.find((e) => e.type === 'Action.Submit')).toMatchObject({ title: 'Sociale clausules', data: { id: 'session:1' } });
    expect(open?.find((e) => e.type === 'TextBlock')).toMatchObject({ text: 'nog 40 plaatsen vrij', isSubtle: true });
    expect(full?.some((e) => e.type === 'Action.Submit')).toBe(false);
    expect(full?.filter((e) => e.type === 'TextBlock').map((e) => e.text)).toEqual(['✗ Inclusief ondernemen', 'volzet']);
  });

  it('turns many choices into one list with a submit, hints in the titles', () => {
    const choices = Array.from({ length: 9 }, (_, i) => ({ id: `session:${i + 1}`, label: `Sessie ${i + 1}`, hint: `nog ${i} vrij`, ...(i === 8 ? { disabled: true } : {}) }));
    const card = cardIn({ text: 'Kies', choices });
    const list = card.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(list).toMatchObject({ id: 'balie.choice', style: 'compact', isRequired: true, value: 'session:1' });
    expect((list?.choices as unknown[]).length).toBe(8);
    expect((list?.choices as Array<{ title: string }>)[0]?.title).toBe('Sessie 1 — nog 0 vrij');
    expect(card.body.at(-1)).toMatchObject({ type: 'TextBlock', text: '✗ Sessie 9 — nog 8 vrij' });
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'OK', data: { balie: 'choice' } }]);
  });

  it('shows a summary as a FactSet and adds the form button to the menu, in the menu’s language', () => {
    const card = cardIn({ text: 'Klopt alles?', facts: [{ label: 'Naam', value: 'Ann\nPeeters' }] });
    expect(card.body[1]).toEqual({ type: 'FactSet', facts: [{ title: 'Naam', value: 'Ann Peeters' }] });
    const menu = (label: string) => cardIn({ text: 'Waarmee?', choices: [{ id: 'register', label }, { id: 'help', label: 'Help' }] }, 'nl').actions?.at(-1);
    expect(menu('Inschrijven')).toEqual({ type: 'Action.Submit', title: 'Formulier invullen', data: { balie: 'openForm', lang: 'nl' } });
    expect(menu('Register')).toEqual({ type: 'Action.Submit', title: 'Fill in the form', data: { balie: 'openForm', lang: 'en' } });
  });

  it('keeps what a pressed card shows: its text with the choice made, nothing to press', () => {
    const rendered = renderTeams({ text: 'Wil je het boek?', choices: [{ id: 'book:yes', label: 'Ja' }] }, 'nl');
    expect(rendered.pressable).toEqual({ body: [{ type: 'TextBlock', text: 'Wil je het boek?', wrap: true }], labels: { 'book:yes': 'Ja' } });
    const pressed = renderPressed(rendered.pressable!.body, 'Ja').attachments?.[0]?.content;
    expect(pressed?.actions).toBeUndefined();
    expect(pressed?.body.map((e) => e.text)).toEqual(['Wil je het boek?', '✓ **Ja**']);
    // A card whose text was forgotten still shows the choice.
    expect(renderPressed(null, 'Ja').attachments?.[0]?.content.body.map((e) => e.text)).toEqual(['✓ **Ja**']);
    expect(renderTeams({ text: 'Vol', choices: [{ id: 's', label: 'S', disabled: true }] }, 'nl').pressable).toBeUndefined();
  });

  it('keeps list items together and paragraphs apart', () => {
    const card = cardIn({ text: 'Het programma:\n- sessie 1\n- sessie 2\n\nMeer vragen?', choices: [{ id: 'x', label: 'X' }] });
    expect(card.body.map((e) => e.text)).toEqual(['Het programma:', '- sessie 1\n- sessie 2', 'Meer vragen?']);
  });
});
