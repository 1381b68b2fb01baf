import type { FieldProblem, FieldResult, OrganisationType } from '../core/index.ts';
import { countryName, findSession, organisationTypes } from '../core/index.ts';
import { matchOption, noAliases, yesAliases, type MatchMode, type Option } from './choices.ts';
import { answerOf, applicableFields, fieldById, fieldLabel, fieldValue, summaryFacts, withAnswers, type FieldDef } from './form-fields.ts';
import { isNoName, readName } from './form-names.ts';
import { emailTypo } from './form-email.ts';
import { readOrganisation } from './form-organisation.ts';
import { withoutLeadIn } from './message-reading.ts';
import type { FormField } from './i18n/index.ts';
import { ask, formatPrice, isVenueFull, seatsLeft, seriesName, seriesTime, sessionOptions, sessionTitleOf, type Speech } from './render.ts';
import type { Draft, FieldId, FormFlow, FormStep } from './state.ts';
import type { Reply } from './types.ts';
import { isRequired, parseSeriesValue } from './series-choice.ts';

export { addressLine, answerOf, draftFromRecord, fieldById, formFields, summaryFacts, toRegistrant } from './form-fields.ts';

/** The field a step asks for, or null for the stages around the summary. */
export function fieldOfStep(step: FormStep, s: Speech): FieldDef | null {
  return fieldById(s.event, step);
}

/** The series id of a `session:<id>` step, else null. */
export function seriesOfStep(step: FormStep): number | null {
  return step.startsWith('session:') ? Number(step.slice('session:'.length)) : null;
}

/** Whether a step takes a typed value (a name, an e-mail address, part of the address, ...) rather than a choice. */
export function isTextStep(field: FieldDef | null): field is FieldDef {
  return field !== null && (field.type === 'name' || field.type === 'email' || field.type === 'phone' || field.type === 'organisation' || field.type === 'address');
}

/** Whether a step already has an answer. */
export function isFilled(step: FormStep, draft: Draft): boolean {
  return answerOf(draft, step) !== undefined;
}

/** The countries offered as buttons; any other can be typed. */
export const countryChoices = ['BE', 'NL', 'FR', 'DE', 'LU'] as const;

const organisationTypeAliases: ReadonlyMap<string, string[]> = new Map([
  ['local_government', ['gemeente', 'stad', 'ocmw', 'provincie', 'overheid', 'lokale overheid', 'lokaal bestuur', 'bestuur', 'municipality', 'city', 'council', 'government', 'public authority']],
  ['social_economy', ['sociale economie', 'sociale economiebedrijf', 'maatwerkbedrijf', 'sociaal bedrijf', 'social economy', 'social enterprise', 'sheltered workshop']],
  ['other', ['andere', 'ander', 'stakeholder', 'vereniging', 'vzw', 'bedrijf', 'other', 'association', 'company', 'anders', 'zelfstandige', 'zelfstandig', 'freelancer', 'self-employed', 'self employed', 'universiteit', 'hogeschool', 'university', 'college', 'ngo', 'non-profit', 'nonprofit']],
]);

/** The options of the organisation-type question (also read inside a longer message). */
export function organisationTypeOptions(s: Speech): Option[] {
  return organisationTypes.map((type) => {
    const aliases = organisationTypeAliases.get(type) ?? [];
    return { id: `orgType:${type}`, label: s.m.organisationTypes[type], aliases, keywords: aliases };
  });
}

/** Typed words that keep a text field's current value; anything else typed is the new value. */
const keepWords = ['zo laten', 'laat zo', 'laten', 'behouden', 'hetzelfde', 'ongewijzigd', 'klopt', 'ja', 'ok', 'oke', 'keep', 'keep it', 'same', 'unchanged', 'yes'];

function keepOption(form: FormFlow, field: FieldDef, s: Speech): Option[] {
  // The first question asks the whole name: keeping it keeps the whole name.
  const value = field.id === 'firstName' ? [answerOf(form.draft, 'firstName'), answerOf(form.draft, 'lastName')].filter(Boolean).join(' ') : fieldValue(field, form.draft, s);
  // Only the exact label or a keep word picks it: a correction that is part of the old value is a new value.
  return value ? [{ id: 'keep', label: s.m.keep(value), aliases: keepWords, exactOnly: true }] : [];
}

/** Every step's options: choices for choice steps, "keep" for a text step that has a value. */
export function optionsFor(form: FormFlow, s: Speech): Option[] {
  const { m } = s;
  const field = fieldOfStep(form.step, s);
  if (field?.type === 'session') {
    const series = field.series ?? 0;
    const skip: Option[] = isRequired(s.event, series) ? [] : [{ id: 'session:none', label: m.seats.noSession, aliases: ['geen', 'geen sessie', 'none', 'no session', 'overslaan', 'skip'] }];
    if (form.meanwhileFor) return sessionOptions(series, s).filter((o) => !o.disabled && o.id !== `session:${form.meanwhileFor}`);
    if (form.fullOffer !== null) {
      const others = sessionOptions(series, s).filter((o) => !o.disabled);
      const fallback: Option[] = others.length === 0 ? [] : [{ id: 'wait:fallback', label: m.seats.waitWithFallback(form.fullOffer), aliases: ['intussen', 'wachtlijst en intussen', 'meanwhile', 'waiting list and meanwhile'] }];
      const only: Option = { id: 'wait:only', label: m.seats.waitOnly(form.fullOffer), aliases: ['wachtlijst', 'waiting list', 'waitlist', 'op de wachtlijst', 'alleen wachtlijst', 'zonder andere sessie', 'without another session'] };
      return [...fallback, only, ...others, ...skip];
    }
    const current = parseSeriesValue(answerOf(form.draft, field.id));
    return [...sessionOptions(series, s, { current: current?.hold ?? current?.wait ?? -1 }), ...skip];
  }
  if (field?.type === 'choice') return organisationTypeOptions(s);
  if (field?.type === 'yesNo') {
    const price = formatPrice(s.event.book?.priceEur ?? 0, s);
    return [
      { id: 'book:yes', label: m.bookYes(price), answers: 'yes', aliases: [...yesAliases, 'met boek', 'boek', 'het boek', 'with the book', 'the book', 'book'] },
      { id: 'book:no', label: m.bookNo, answers: 'no', aliases: [...noAliases, 'geen', 'geen boek', 'zonder boek', 'no book', 'without the book', 'without book'] },
    ];
  }
  const typo = field?.type === 'email' ? emailTypo(answerOf(form.draft, field.id) ?? '') : null;
  if (field && typo) {
    const typed = answerOf(form.draft, field.id) ?? '';
    return [
      { id: 'email:fix', label: m.reading.emailTypoYes(typo), answers: 'yes', aliases: [...yesAliases] },
      { id: 'keep', label: m.reading.emailTypoNo(typed), answers: 'no', aliases: [...noAliases, ...keepWords] },
    ];
  }
  if (field?.part === 'country') {
    return [...countryChoices.map((code) => ({ id: `country:${code}`, label: countryName(code, m.locale), aliases: [code.toLowerCase()] })), ...keepOption(form, field, s)];
  }
  if (field) return keepOption(form, field, s);
  switch (form.step) {
    case 'summary':
    case 'confirming':
      return [
        { id: 'confirm', label: m.confirm, answers: 'yes', aliases: [...yesAliases, 'bevestig', 'bevestigen', 'confirm', 'inschrijven', 'register', 'register me', 'schrijf me in'] },
        { id: 'change', label: m.change, answers: 'no', aliases: ['nee', 'no', 'wijzig', 'wijzigen', 'aanpassen', 'change', 'edit', 'niet juist', 'klopt niet'] },
        { id: 'stop', label: m.stop },
      ];
    case 'pickField':
      return changeMenu(form.draft, s);
    case 'venueFull':
      return [
        { id: 'waitlist', label: m.joinWaitlist, aliases: [...yesAliases, 'wachtlijst', 'waiting list'] },
        { id: 'stop', label: m.stop, aliases: [...noAliases] },
      ];
    case 'confirmStop':
      return [
        { id: 'stop:yes', label: m.stopYes, answers: 'yes', aliases: [...yesAliases, 'stop', 'stoppen'] },
        { id: 'stop:no', label: m.stopNo, answers: 'no', aliases: [...noAliases, 'verder', 'doorgaan', 'ik wil toch verder', 'continue', 'go on'] },
      ];
    default:
      return [];
  }
}

/** The change menu: every filled field, the address as one entry (it is asked as one line). */
function changeMenu(draft: Draft, s: Speech): Option[] {
  const options: Option[] = [];
  for (const field of applicableFields(s.event, draft)) {
    if (answerOf(draft, field.id) === undefined) continue;
    if (field.type === 'address' && field.part !== 'street') continue;
    const label = field.part === 'street' ? s.m.factAddress : fieldLabel(field, s);
    const hint = field.part === 'street' ? (summaryFacts(draft, s).find((f) => f.label === s.m.factAddress)?.value ?? '') : fieldValue(field, draft, s);
    options.push({ id: `change:${field.id}`, label, hint });
  }
  return options;
}

/** The question of a step, with its options. */
export function prompt(form: FormFlow, s: Speech): Reply {
  const { m, event } = s;
  const options = optionsFor(form, s);
  const field = fieldOfStep(form.step, s);
  if (field?.type === 'session') {
    const series = event.series.find((x) => x.id === field.series);
    if (form.meanwhileFor) return ask(m.seats.pickMeanwhile(form.meanwhileFor), options);
    if (form.fullOffer !== null) {
      const cap = s.availability.sessions.find((x) => x.sessionNumber === form.fullOffer)?.cap ?? findSession(event, form.fullOffer)?.capacity ?? 0;
      return ask(m.seats.fullOfferChoices(form.fullOffer, sessionTitleOf(form.fullOffer, s), cap), options);
    }
    return ask(series ? m.sessionPrompt(seriesName(series, s), seriesTime(series)) : m.pickOne, options);
  }
  // A colleague's form asks about the colleague ("Wat is de naam van je collega?").
  const prompts = form.forSomeoneElse ? { ...m.prompts, ...m.promptsForColleague } : m.prompts;
  // "sofie@gmial.com": asked as a check until it is confirmed, corrected or typed again.
  const typo = field?.type === 'email' ? emailTypo(answerOf(form.draft, field.id) ?? '') : null;
  if (typo) return ask(m.reading.emailTypo(typo), options);
  if (field?.type === 'yesNo') return ask(prompts.book(event.book?.title ?? '', formatPrice(event.book?.priceEur ?? 0, s)), options);
  if (field) return ask(prompts[field.key as Exclude<FormField, 'book'>], options);
  switch (form.step) {
    case 'summary':
    case 'confirming': {
      const summary = form.forSomeoneElse ? m.summaryPromptColleague : m.summaryPrompt;
      return ask(form.draft.waitlist ? `${summary}\n${m.summaryWaitlist}` : summary, options, summaryFacts(form.draft, s));
    }
    case 'pickField':
      return ask(m.pickField, options);
    case 'venueFull':
      return ask(m.venueFullMeanwhile(s.availability.venueCap), options);
    default:
      return ask(m.confirmStop, options);
  }
}

/** Why a typed value was refused, in the person's language. */
export function problemText(field: FieldDef, problem: FieldProblem, s: Speech): string {
  if (problem === 'too_long' && field.maxLength !== undefined) return s.m.tooLongMax(field.maxLength);
  if (problem === 'invalid_characters' && field.type === 'name') return s.m.nameCharacters;
  return s.m.problems[problem];
}

/** A checked value for one field, or why not (in the person's language); `recheck` is a field filled by a guess, to ask next as a check. */
export type Accepted = { ok: true; draft: Draft; implicit: FieldId[]; recheck?: FieldId } | { ok: false; reason: string };

/**
 * Checks a typed value for the text field `field`. A full name at the first-name question fills
 * the last name too, and the last-name question completes the first name (see `readName`); yes,
 * no and greetings are no names; "zelfstandige" or a colleague's "zelfde organisatie als ik"
 * (`mine`: the registrar's own registration) answer the organisation and its type.
 */
export function acceptText(form: FormFlow, field: FieldDef, typed: string, s: Speech, mine?: { organisation: string; organisationType: OrganisationType } | null): Accepted {
  const { draft } = form;
  const text = withoutLeadIn(typed);
  const refuse = (result: FieldResult<string> & { ok: false }): Accepted => ({ ok: false, reason: problemText(field, result.reason, s) });
  const all = (answers: Array<[FieldId, string]>): Accepted | null => {
    const checked: Array<[FieldId, string]> = [];
    for (const [id, value] of answers) {
      const result = fieldById(s.event, id)?.check(value, draft, s.event);
      if (!result?.ok) return null;
      checked.push([id, result.value]);
    }
    return { ok: true, draft: withAnswers(draft, checked), implicit: checked.map(([id]) => id).filter((id) => id !== field.id) };
  };
  if (field.type === 'name') {
    if (isNoName(text)) return { ok: false, reason: s.m.reading.notAName };
    const name = readName(field.id === 'lastName' ? 'lastName' : 'firstName', text, draft);
    const read = all(name.answers);
    if (read?.ok && name.guessed) return { ...read, implicit: [], recheck: 'lastName' };
    if (read) return read;
  }
  if (field.type === 'organisation') {
    const organisation = readOrganisation(text, s, form.forSomeoneElse ? mine : null);
    if (organisation && 'refused' in organisation) return { ok: false, reason: organisation.refused };
    const read = organisation ? all(organisation.answers) : null;
    if (read) return read;
  }
  const result = field.check(text, draft, s.event);
  if (!result.ok) return refuse(result);
  const checked: Accepted = { ok: true, draft: withAnswers(draft, [[field.id, result.value]]), implicit: [] };
  // A likely typo in a provider's domain is asked as a check, unless it is typed once more as it was.
  const again = answerOf(draft, field.id)?.toLowerCase() === result.value.toLowerCase();
  return field.type === 'email' && !again && emailTypo(result.value) ? { ...checked, recheck: field.id } : checked;
}

/** Whether any session chosen to hold is full right now (the ledger has the last word at confirm); a session waited for is meant to be full. */
export function firstFullChoice(draft: Draft, s: Speech): { series: number; session: number } | null {
  for (const series of s.event.series) {
    const hold = parseSeriesValue(answerOf(draft, `session:${series.id}`))?.hold ?? null;
    const session = hold === null ? null : findSession(s.event, hold);
    if (session && seatsLeft(session, s) === 0) return { series: series.id, session: session.number };
  }
  return null;
}

/** Whether the draft still needs the venue waiting list (`draft.waitlist`): the venue is full. Sessions are waited for per series. */
export function needsWaitlist(_draft: Draft, s: Speech): boolean {
  return isVenueFull(s);
}

/** The options of a typed answer at a choice step (sessions, yes/no, ...), or null. */
export function matchStepOption(form: FormFlow, text: string, s: Speech, mode: MatchMode): Option | null {
  const options = optionsFor(form, s);
  if (options.length === 0) return null;
  const picked = matchOption(text, options, mode);
  if (picked) return picked;
  // A full session typed by number or title also counts: it leads to the waiting-list offer.
  const series = seriesOfStep(form.step);
  if (series !== null && (form.fullOffer !== null || form.meanwhileFor)) return matchOption(text, sessionOptions(series, s, { allowFull: true }), mode);
  return null;
}

/** Help after the third failed answer at one step: an example or the choices, and the organisers' address. */
export function stuckHelp(form: FormFlow, s: Speech): string {
  const field = fieldOfStep(form.step, s);
  // The first question asks the whole name: its example is a whole name.
  const example = field?.id === 'firstName' ? `${s.m.examples.firstName} ${s.m.examples.lastName}` : isTextStep(field) ? s.m.examples[field.key as FormField] : '';
  if (isTextStep(field)) return s.m.stuckText(example, s.event.contact);
  const choices = optionsFor(form, s).filter((o) => !o.disabled && o.id !== 'keep');
  const lines = choices.map((o) => (o.id.startsWith('session:') ? `${o.id.slice('session:'.length)}. ${o.label}` : `- ${o.label}`));
  return s.m.stuckChoice(lines.join('\n'), s.event.contact);
}
