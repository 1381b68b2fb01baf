import { describe, expect, it } from 'vitest';
import type { Availability } from '../../src/core/index.ts';
import { checkFormSubmission, formSchema, type FormContext } from '../../src/dialogs/form-schema.ts';
import { Desk, netwerkdag } from '../helpers/chat.ts';

function availability(full: number[] = [], venueTaken = 0): Availability {
  return { venueCap: 100, venueTaken, sessions: netwerkdag.sessions.map((s) => ({ sessionNumber: s.number, cap: s.capacity, taken: full.includes(s.number) ? s.capacity : 0 })), waitlistLength: 0 };
}

const ctx = (patch: Partial<FormContext> = {}): FormContext => ({ event: netwerkdag, availability: availability(), lang: 'nl', ...patch });

const complete = {
  firstName: 'ann',
  lastName: 'peeters',
  email: 'ann@gemeente.be',
  phone: '0470 12 34 56',
  organisation: 'Gemeente Leuven',
  organisationType: 'local_government',
  'session:1': '3',
  'session:2': '7',
  book: 'yes',
  street: 'Kerkstraat 12',
  postalCode: '3000',
  city: 'Leuven',
  country: 'BE',
};

describe('formSchema(): the registration form as one screen', () => {
  it('lists every field of the form in order, with labels, prompts, required flags, options and checks', () => {
    const schema = formSchema(ctx());
    expect(schema.title).toBe('Inschrijven voor de Netwerkdag sociale economie');
    expect(schema.fields.map((f) => f.id)).toEqual(['firstName', 'lastName', 'email', 'phone', 'organisation', 'organisationType', 'session:1', 'session:2', 'book', 'street', 'postalCode', 'city', 'country']);
    expect(schema.fields.map((f) => f.type)).toEqual(['name', 'name', 'email', 'phone', 'organisation', 'choice', 'session', 'session', 'yesNo', 'address', 'address', 'address', 'address']);
    expect(schema.fields.every((f) => f.required && f.label.length > 0 && f.prompt.length > 0)).toBe(true);
    expect(schema.fields.find((f) => f.id === 'firstName')?.prompt).toBe('Je voornaam');
    expect(schema.fields.find((f) => f.id === 'session:2')?.prompt).toBe('Welke sessie kies je in *Reeks 2* (15:15–16:45)?');
    const email = schema.fields.find((f) => f.id === 'email');
    expect(email).toMatchObject({ label: 'E-mail', maxLength: 254, example: 'ann.peeters@voorbeeld.be', messages: { empty: 'Vul dit in.', invalid_email: expect.stringMatching(/geen geldig e-mailadres/) } });
    expect(new RegExp(email!.pattern!.regex, email!.pattern!.flags).test('ann@gemeente.be')).toBe(true);
    expect(new RegExp(email!.pattern!.regex, email!.pattern!.flags).test('ann@')).toBe(false);
    const series1 = schema.fields.find((f) => f.id === 'session:1');
    expect(series1?.label).toBe('Sessie in reeks 1');
    expect(series1?.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', 'none']);
    expect(series1?.options?.at(-1)).toEqual({ value: 'none', label: 'Geen sessie in deze reeks' });
    expect(series1?.options?.[2]).toEqual({ value: '3', label: 'Samenwerken werkt! Samenwerking Lokale Besturen & VDAB', hint: 'sessie 3 · Zaal 2+3 · nog 15 plaatsen vrij' });
    expect(schema.fields.find((f) => f.id === 'organisationType')?.options).toEqual([
      { value: 'local_government', label: 'Lokaal bestuur' },
      { value: 'social_economy', label: 'Sociale-economiebedrijf' },
      { value: 'other', label: 'Andere stakeholder' },
    ]);
    expect(schema.fields.find((f) => f.id === 'book')?.options?.map((o) => o.value)).toEqual(['yes', 'no']);
    const postalCode = schema.fields.find((f) => f.id === 'postalCode');
    expect(postalCode).toMatchObject({ showWhen: { field: 'book', equals: 'yes' }, part: 'postalCode' });
    expect(new RegExp(postalCode!.patternByCountry!.NL!.regex, postalCode!.patternByCountry!.NL!.flags).test('1234 AB')).toBe(true);
    expect(schema.fields.find((f) => f.id === 'country')).toMatchObject({ freeText: true, options: expect.arrayContaining([{ value: 'NL', label: 'Nederland' }]) });
    expect(schema.fields.some((f) => f.id === 'waitlist')).toBe(false);
  });

  it('speaks English, prefills values, and offers a full session as its waiting list; the waiting-list field only with a full venue', () => {
    const schema = formSchema(ctx({ lang: 'en', availability: availability([4]) }), { email: 'ann@example.org' });
    expect(schema.fields.find((f) => f.id === 'email')).toMatchObject({ value: 'ann@example.org', label: 'E-mail' });
    expect(schema.fields.find((f) => f.id === 'session:1')?.options?.[3]).toEqual({ value: 'w4', label: 'Join the waiting list for session 4: The local service economy (LDE) tailored to your municipality', hint: 'session 4 · Zaal 6+7 · full' });
    expect(schema.fields.some((f) => f.id === 'waitlist')).toBe(false);
    const venueFull = formSchema(ctx({ lang: 'en', availability: availability([], 100) }));
    expect(venueFull.fields.at(-1)).toMatchObject({ id: 'waitlist', type: 'yesNo', required: true, label: 'Waiting list' });
  });
});

describe('checkFormSubmission(): one screen checked like the chat', () => {
  it('gives a complete draft for complete values, with names capitalised and the phone as E.164', () => {
    const checked = checkFormSubmission(ctx(), complete);
    expect(checked).toEqual({
      ok: true,
      draft: {
        waitlist: false,
        values: { ...complete, firstName: 'Ann', lastName: 'Peeters', phone: '+32470123456' },
      },
    });
  });

  it('gives the reason per field, in the person’s language, and ignores the address without a book', () => {
    const checked = checkFormSubmission(ctx({ lang: 'en' }), { ...complete, email: 'ann@', 'session:1': '7', phone: '', postalCode: '1234 AB', book: 'no', street: '' });
    expect(checked).toEqual({
      ok: false,
      errors: { email: expect.stringMatching(/valid e-mail address/), phone: 'Please fill this in.', 'session:1': expect.any(String) },
    });
    const dutch = checkFormSubmission(ctx(), { ...complete, postalCode: '1234ab', country: 'Nederland' });
    expect(dutch).toMatchObject({ ok: true, draft: { values: { postalCode: '1234 AB', country: 'NL' } } });
    const wrong = checkFormSubmission(ctx(), { ...complete, postalCode: '1234 AB', firstName: '<b>' });
    expect(wrong).toEqual({ ok: false, errors: { postalCode: 'De postcode 1234 AB past niet bij België. Geef de postcode opnieuw.', firstName: expect.any(String) } });
  });

  it('refuses a full session to hold, takes its waiting list ("w3", or with a session meanwhile "w3+1") and "none" by the chat\'s rules', () => {
    const full = ctx({ availability: availability([3]) });
    expect(checkFormSubmission(full, complete)).toEqual({ ok: false, errors: { 'session:1': 'Sessie 3 is volzet. Kies een andere sessie, of de wachtlijst voor deze sessie.' } });
    expect(checkFormSubmission(full, { ...complete, waitlist: 'yes' })).toMatchObject({ ok: true, draft: { values: { 'session:1': 'w3' } } });
    expect(checkFormSubmission(full, { ...complete, 'session:1': 'w3' })).toMatchObject({ ok: true, draft: { waitlist: false, values: { 'session:1': 'w3' } } });
    expect(checkFormSubmission(full, { ...complete, 'session:1': 'w3+1' })).toMatchObject({ ok: true, draft: { values: { 'session:1': 'w3+1' } } });
    expect(checkFormSubmission(ctx(), { ...complete, 'session:2': 'none' })).toMatchObject({ ok: true, draft: { values: { 'session:2': 'none' } } });
    for (const wrong of ['w3+3', 'w3+5', 'w9', 'nothing']) expect(checkFormSubmission(full, { ...complete, 'session:1': wrong }).ok).toBe(false);
    const required = ctx({ availability: availability([3]) });
    const strict = { ...required, event: { ...required.event, series: required.event.series.map((x) => ({ ...x, required: true })) } };
    expect(checkFormSubmission(strict, { ...complete, 'session:2': 'none' }).ok).toBe(false);
  });

  it('ignores keys that are no field, built-in object names included', () => {
    const values = JSON.parse('{"__proto__": "x", "constructor": "y", "toString": "z"}') as Record<string, string>;
    const checked = checkFormSubmission(ctx(), { ...values, ...complete });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(Object.keys(checked.draft.values)).not.toContain('constructor');
  });
});

describe('a one-screen submission through the Bot', () => {
  it('registers with the same effect as the chat’s confirm, or answers the mistakes per field and changes nothing', async () => {
    const desk = new Desk();
    const chat = desk.chat('teams:ann');
    const bad = await desk.bot.handle({ userKey: 'teams:ann', input: { kind: 'form', values: { ...complete, email: 'nope' } }, messageId: 'card-1' });
    expect(bad.at(-1)?.text).toMatch(/Nog niet alles is in orde[\s\S]*- E-mail: Dat lijkt geen geldig e-mailadres/);
    expect(bad.at(-1)?.fieldErrors).toEqual({ email: expect.stringMatching(/geen geldig e-mailadres/) });
    expect(await desk.ledger.findByOwner('teams:ann')).toBeNull();

    const good = await desk.bot.handle({ userKey: 'teams:ann', input: { kind: 'form', values: complete }, messageId: 'card-2' });
    expect(good.map((r) => r.text).join('\n')).toMatch(/Je bent ingeschreven!.*ann@gemeente\.be/s);
    expect(await desk.ledger.findByOwner('teams:ann')).toMatchObject({ firstName: 'Ann', sessions: [3, 7], book: { shippingAddress: { city: 'Leuven', country: 'BE' } } });
    expect((await desk.ledger.list('pending')).map((e) => e.kind)).toEqual(['confirmation']);

    const again = await desk.bot.handle({ userKey: 'teams:ann', input: { kind: 'form', values: complete }, messageId: 'card-3' });
    expect(again.at(-1)?.text).toMatch(/al ingeschreven als Ann Peeters/);
    await chat.say('mijn inschrijving');
    expect(chat.fact(/Verzendadres/)).toBe('Kerkstraat 12, 3000 Leuven, België');
  });
});

describe('a one-screen submission with a waiting list and a skipped series', () => {
  it('holds the day, waits for full session 4 and skips series 2, as the chat would', async () => {
    const desk = new Desk();
    await desk.fillSession(4);
    const schema = formSchema({ event: desk.event, availability: await desk.ledger.availability(), lang: 'nl' });
    const offered = schema.fields.find((f) => f.id === 'session:1')?.options?.find((o) => o.value === 'w4');
    expect(offered?.label).toMatch(/^Op de wachtlijst voor sessie 4: /);
    const reply = await desk.bot.handle({ userKey: 'slack:bea', input: { kind: 'form', values: { ...complete, 'session:1': 'w4', 'session:2': 'none', book: 'no' } }, messageId: 'modal-1' });
    expect(reply.map((r) => r.text).join('\n')).toMatch(/Je bent ingeschreven![\s\S]*wachtlijst: sessie 4 \(plaats 1\)/);
    const record = await desk.ledger.findByOwner('slack:bea');
    expect(record).toMatchObject({ status: 'confirmed', sessions: [], waitingFor: [4] });
  });
});

describe('the form definition', () => {
  it('has one field per id of the form, and one session field per series, in order', async () => {
    const { fixedFieldIds } = await import('../../src/dialogs/form-field-ids.ts');
    const { formFields } = await import('../../src/dialogs/form-fields.ts');
    const ids = formFields(netwerkdag).map((f) => f.id);
    expect(ids.filter((id) => !id.startsWith('session:'))).toEqual([...fixedFieldIds]);
    expect(ids.filter((id) => id.startsWith('session:'))).toEqual(netwerkdag.series.map((s) => `session:${s.id}`));
  });
});
