import { describe, expect, it } from 'vitest';
import { actionIds, escapeMrkdwn, limits, openFormValue, renderPressed, renderSlack, type SlackBlock } from '../../../src/adapters/slack/render-slack.ts';
import { formCallbackId, modalErrors, renderFormModal, renderHome, submittedValues, type ModalBlock } from '../../../src/adapters/slack/render-slack-modal.ts';
import { slackLabels } from '../../../src/adapters/slack/slack-notifier.ts';
import type { Availability } from '../../../src/core/index.ts';
import { formSchema } from '../../../src/dialogs/form-schema.ts';
import { homeView } from '../../../src/dialogs/home.view.ts';
import { netwerkdag } from '../../helpers/chat.ts';
import { blocksProblem, controlsOf, readableText, viewProblem } from '../../helpers/slack-blocks.ts';

const labels = slackLabels('nl');
const only = (reply: Parameters<typeof renderSlack>[0]) => {
  const messages = renderSlack(reply, labels);
  expect(messages).toHaveLength(1);
  expect(blocksProblem(messages[0]!.blocks, 50)).toBeNull();
  return messages[0]!;
};
const ofType = <T extends SlackBlock['type']>(blocks: SlackBlock[], type: T) => blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);

function availability(full: number[] = []): Availability {
  return { venueCap: 100, venueTaken: 0, sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: full.includes(s.number) ? s.capacity : 3 })), waitlistLength: 0 };
}

describe('renderSlack: a reply as Block Kit', () => {
  it('writes the text as mrkdwn with &, < and > escaped and *bold* kept', () => {
    const message = only({ text: 'Sessie *3* <Zaal 2&3>' });
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Sessie *3* &lt;Zaal 2&amp;3&gt;' } }]);
    expect(message.text).toBe('Sessie 3 &lt;Zaal 2&amp;3&gt;');
    expect(escapeMrkdwn('<@U123> & <!channel>')).toBe('&lt;@U123&gt; &amp; &lt;!channel&gt;');
  });

  it('gives a few choices as buttons whose value is the choice id, and the form button beside "register"', () => {
    const message = only({ text: 'Waarmee kan ik je helpen?', choices: [{ id: 'register', label: 'Inschrijven' }, { id: 'programme', label: 'Programma' }] });
    expect(controlsOf(message.blocks)).toEqual([
      { actionId: `${actionIds.choice}-0`, label: 'Inschrijven', value: 'register', kind: 'button' },
      { actionId: `${actionIds.choice}-1`, label: 'Programma', value: 'programme', kind: 'button' },
      { actionId: actionIds.openForm, label: 'Formulier invullen', value: openFormValue, kind: 'button' },
    ]);
  });

  it('gives many choices as one static_select with the hints as descriptions', () => {
    const choices = Array.from({ length: 9 }, (_, i) => ({ id: `ask:${i}`, label: `Vraag over sessie ${i + 1}`, hint: `Een titel die iets langer is dan vijfenzeventig tekens, zodat ze ingekort moet worden ${i}` }));
    const message = only({ text: 'Het programma', choices });
    const [actions] = ofType(message.blocks, 'actions');
    expect(actions?.elements).toHaveLength(1);
    const select = actions?.elements[0];
    expect(select?.type).toBe('static_select');
    if (select?.type !== 'static_select') return;
    expect(select.options.map((o) => o.value)).toEqual(choices.map((c) => c.id));
    expect(select.options[0]?.description?.text).toHaveLength(limits.optionText);
    expect(select.options[0]?.description?.text.endsWith('…')).toBe(true);
  });

  it('shows a full session as text, not as a button, and the hints of buttons as lines', () => {
    const message = only({
      text: 'Welke sessie kies je in *Reeks 1*?',
      choices: [
        { id: 'session:1', label: 'Sociale clausules', hint: 'sessie 1 · Spoor 95 · nog 40 plaatsen vrij' },
        { id: 'session:4', label: 'Lokale diensteneconomie', hint: 'sessie 4 · Zaal 6+7 · volzet', disabled: true },
      ],
    });
    expect(controlsOf(message.blocks).map((c) => c.value)).toEqual(['session:1']);
    expect(readableText(message.blocks)).toContain('_✗ Lokale diensteneconomie — sessie 4 · Zaal 6+7 · volzet_');
    expect(readableText(message.blocks)).toContain('• Sociale clausules — sessie 1 · Spoor 95 · nog 40 plaatsen vrij');
  });

  it('puts the summary facts in section fields, ten to a section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ label: `Veld ${i}`, value: `waarde <${i}>` }));
    const message = only({ text: 'Klopt dit?', facts });
    const sections = ofType(message.blocks, 'section').filter((b) => b.fields);
    expect(sections.map((s) => s.fields?.length)).toEqual([10, 2]);
    expect(sections[0]?.fields?.[0]).toEqual({ type: 'mrkdwn', text: '*Veld 0*\nwaarde &lt;0&gt;' });
  });

  it('keeps each section under 3,000 characters and splits a reply over 50 blocks into messages, the buttons on the last', () => {
    const text = Array.from({ length: 60 }, (_, i) => `${'x'.repeat(2800)} ${i}`).join('\n\n');
    const messages = renderSlack({ text, choices: [{ id: 'menu', label: 'Menu' }] }, labels);
    expect(messages.length).toBe(2);
    for (const message of messages) expect(blocksProblem(message.blocks, 50)).toBeNull();
    expect(controlsOf(messages[0]!.blocks)).toEqual([]);
    expect(controlsOf(messages[1]!.blocks).map((c) => c.value)).toEqual(['menu']);
    expect(messages.flatMap((m) => m.blocks).length).toBe(61);
  });

  it('renders a pressed message without its actions and with the choice under it', () => {
    const [message] = renderSlack({ text: 'Wil je het boek?', choices: [{ id: 'book:yes', label: 'Ja <graag>' }, { id: 'book:no', label: 'Nee' }] }, labels);
    const pressed = renderPressed(message!.blocks, 'Ja <graag>');
    expect(controlsOf(pressed)).toEqual([]);
    expect(readableText(pressed)).toBe('Wil je het boek?\n✓ *Ja <graag>*');
  });
});

describe('the modal and the home tab', () => {
  it('builds the modal from formSchema: one input per field, the prefill, sessions with their seats as descriptions', () => {
    const schema = formSchema({ event: netwerkdag, availability: availability([4]), lang: 'nl' }, { firstName: 'Ann', email: 'ann@example.org' });
    const view = renderFormModal(schema, { title: 'Inschrijven', close: 'Sluiten' });
    expect(viewProblem(view as never, 'modal')).toBeNull();
    expect(view.callback_id).toBe(formCallbackId);
    const inputs = view.blocks.filter((b): b is Extract<ModalBlock, { type: 'input' }> => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(schema.fields.map((f) => f.id));
    expect(inputs.find((b) => b.block_id === 'firstName')?.element).toMatchObject({ type: 'plain_text_input', initial_value: 'Ann' });
    expect(inputs.find((b) => b.block_id === 'email')?.element).toMatchObject({ initial_value: 'ann@example.org' });
    const series1 = inputs.find((b) => b.block_id === 'session:1')?.element;
    expect(series1?.type).toBe('static_select');
    if (series1?.type === 'static_select') {
      // A full session is offered as its waiting list, and a series may be skipped.
      expect(series1.options.find((o) => o.value === 'w4')?.description?.text).toContain('volzet');
      expect(series1.options.map((o) => o.value)).toContain('none');
    }
    expect(inputs.find((b) => b.block_id === 'book')?.element.type).toBe('radio_buttons');
    expect(inputs.find((b) => b.block_id === 'street')?.optional).toBe(true);
    // The venue's waiting list is a field only when the venue is full.
    expect(inputs.find((b) => b.block_id === 'waitlist')).toBeUndefined();
  });

  it('reads a submission by block id and puts refused fields on their blocks', () => {
    expect(submittedValues({ firstName: { value: { type: 'plain_text_input', value: 'Ann' } }, 'session:1': { value: { type: 'static_select', selected_option: { value: '3' } } }, city: { value: { type: 'plain_text_input', value: null } } })).toEqual({ firstName: 'Ann', 'session:1': '3' });
    expect(modalErrors({ email: 'Dat is geen e-mailadres.', unknown: 'Nog iets.' }, ['firstName', 'email'])).toEqual({ email: 'Dat is geen e-mailadres.', firstName: 'Nog iets.' });
  });

  it('shows the home tab: an invitation to register with the form button, and the seats per session', () => {
    const replies = homeView({ event: netwerkdag, now: new Date('2020-10-15T07:00:00Z'), availability: availability([4]), myRegistration: null, lang: 'nl' });
    const view = renderHome(replies, labels);
    expect(viewProblem(view as never, 'home')).toBeNull();
    expect(controlsOf(view.blocks).map((c) => c.value)).toEqual(['register', openFormValue]);
    const text = readableText(view.blocks);
    expect(text).toContain('Je bent nog niet ingeschreven');
    expect(text).toMatch(/4\. .+ – Zaal 6\+7, volzet/);
    expect(text).toMatch(/1\. .+ – Spoor 95, nog 37 plaatsen vrij/);
  });
});
