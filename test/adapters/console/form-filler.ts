import type { Language } from '../../../src/core/index.ts';
import { messages } from '../../../src/dialogs/i18n/index.ts';

/** The parts of a reply the filler looks at (a dialog Reply or a JSONL reply). */
export interface SeenReply {
  text: string;
  choices?: Array<{ id: string; label: string; disabled?: boolean }>;
}

/** Who registers, as they would type it. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organisation: string;
  /** Typed at the organisation-type question (a label fragment or its number). */
  organisationType: string;
  /** Session number to pick in each series, in series order; a disabled one is skipped for the first free one. */
  sessions: number[];
  book: null | { street: string; postalCode: string; city: string; country: string };
  /**
   * How they type: one answer per question (`stepwise`, the default), the way people answer the
   * questions as asked (`asked`: the full name at the name question, the address in one line), or
   * everything in the first message after the form opened (`oneMessage`).
   */
  typing?: 'stepwise' | 'asked' | 'oneMessage';
}

/** The next thing the person sends, or `done` once the bot confirmed the registration. */
export type NextStep = { kind: 'text'; text: string } | { kind: 'choice'; id: string } | { kind: 'done'; waitlisted: boolean };

/**
 * Answers the bot's pending question the way a person would, recognising it by the texts of the
 * dialogs' own catalogue, so that a reworded prompt does not break the drivers. Null when the
 * replies ask nothing it knows (the caller fails with the replies it saw).
 */
export function nextStep(replies: readonly SeenReply[], person: Person, lang: Language): NextStep | null {
  const m = messages(lang);
  const all = replies.map((r) => r.text).join('\n');
  if (all.includes(m.registered(person.email))) return { kind: 'done', waitlisted: false };
  if (all.includes(m.registeredWaitlisted(person.email))) return { kind: 'done', waitlisted: true };
  const last = replies.at(-1);
  if (!last) return null;
  const text = last.text;
  const choices = last.choices ?? [];
  const pick = (label: string) => choices.find((c) => c.label === label);

  const typing = person.typing ?? 'stepwise';
  const address = person.book ? `${person.book.street}, ${person.book.postalCode} ${person.book.city}` : undefined;
  if (typing === 'oneMessage' && text.includes(m.prompts.firstName)) return { kind: 'text', text: everything(person, lang) };
  const fields: Array<[string, string | undefined]> = [
    [m.prompts.firstName, typing === 'stepwise' ? person.firstName : `${person.firstName} ${person.lastName}`],
    [m.prompts.lastName, person.lastName],
    [m.prompts.email, person.email],
    [m.prompts.phone, person.phone],
    [m.prompts.organisation, person.organisation],
    [m.prompts.organisationType, person.organisationType],
    [m.prompts.street, typing === 'stepwise' ? person.book?.street : address],
    [m.prompts.postalCode, person.book?.postalCode],
    [m.prompts.city, person.book?.city],
    [m.prompts.country, person.book?.country],
  ];
  for (const [prompt, answer] of fields) if (answer !== undefined && text.includes(prompt)) return { kind: 'text', text: answer };

  const sessionChoices = choices.filter((c) => c.id.startsWith('session:'));
  if (sessionChoices.length > 0) {
    const wanted = person.sessions.map((n) => `session:${n}`);
    const chosen = sessionChoices.find((c) => wanted.includes(c.id) && !c.disabled) ?? sessionChoices.find((c) => !c.disabled);
    return chosen ? { kind: 'choice', id: chosen.id } : null;
  }
  const confirm = pick(m.confirm);
  if (confirm && text.includes(m.summaryPrompt)) return { kind: 'choice', id: confirm.id };
  const bookNo = pick(m.bookNo);
  const bookYes = choices.find((c) => c !== bookNo);
  if (bookNo && bookYes && choices.length === 2) return { kind: 'choice', id: person.book ? bookYes.id : bookNo.id };
  const register = choices.find((c) => c.id === 'register');
  if (register) return { kind: 'choice', id: register.id };
  return null;
}

/** All answers in one message, as a person who read the whole form first would type them. */
function everything(person: Person, lang: Language): string {
  const book = person.book ? [lang === 'en' ? 'with the book' : 'met boek', `${person.book.street}, ${person.book.postalCode} ${person.book.city}`] : [lang === 'en' ? 'no book' : 'geen boek'];
  const sessions = `${lang === 'en' ? 'sessions' : 'sessies'} ${person.sessions.join(lang === 'en' ? ' and ' : ' en ')}`;
  return [`${person.firstName} ${person.lastName}`, person.email, person.phone, person.organisation, lang === 'en' ? 'local government' : 'lokaal bestuur', sessions, ...book].join(', ');
}

/** The n-th of many distinct, valid people (for the benchmark and load tests). */
export function personNumber(n: number, sessions: number[], withBook: boolean): Person {
  return {
    firstName: 'Ann',
    lastName: `Peeters-${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + (Math.floor(n / 26) % 26))}`,
    email: `ann.peeters.${n}@example.org`,
    phone: `+32 470 ${String(n % 1_000_000).padStart(6, '0')}`,
    organisation: 'Gemeente Leuven',
    organisationType: '1',
    sessions,
    book: withBook ? { street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven', country: 'België' } : null,
  };
}
