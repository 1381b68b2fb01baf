import type { RegistrationRecord } from '../core/index.ts';
import { normalise } from './choices.ts';
import type { ManageFlow } from './state.ts';
import type { TurnContext } from './types.ts';

// Which registration a message in "Mijn inschrijving" is about. A person can hold their own
// registration and ones they made for colleagues; a change or a cancel only ever touches someone
// else's registration when the person picked it (a button, or their name in the message).

/** The person's registrations in this turn: their own first, then the ones made for others. */
export function ownedRegistrations(ctx: TurnContext): RegistrationRecord[] {
  return [...(ctx.myRegistration ? [ctx.myRegistration] : []), ...(ctx.registeredForOthers ?? [])];
}

/** Whether the person holds any registration (their own or one for someone else). */
export function hasRegistrations(ctx: TurnContext): boolean {
  return ownedRegistrations(ctx).length > 0;
}

/** Whether `record` is the person's own registration. */
export function isOwn(record: RegistrationRecord, ctx: TurnContext): boolean {
  return ctx.myRegistration?.id === record.id;
}

/** "Roos Blondeel". */
export function fullName(record: RegistrationRecord): string {
  return `${record.firstName} ${record.lastName}`;
}

/** The registration the manage dialog is about: the one picked, or (a state stored before picking existed) the person's own; null when it is gone. */
export function managedRecord(manage: ManageFlow, ctx: TurnContext): RegistrationRecord | null {
  if (manage.registrationId === null) return ctx.myRegistration;
  return ownedRegistrations(ctx).find((r) => r.id === manage.registrationId) ?? null;
}

/** Whose registration a message is about: one registration, "ask which", or why there is none to act on. */
export type Whose =
  | { kind: 'record'; record: RegistrationRecord }
  | { kind: 'pick' }
  | { kind: 'noOwn' }
  | { kind: 'noOthers' }
  | { kind: 'none' };

const otherPeople = /\b(?:collega|collegas|colleague|colleagues|iemand anders|someone else|hij|zij|ze|hem|him|he|she|her)\b/u;
const self = /\b(?:mijn eigen|my own|mezelf|mijzelf|myself|zelf)\b/u;
const firstPerson = /\b(?:ik|i|me|mij|mijn|my|m n)\b/u;

/** "Piet kan niet komen", "Rita can't come": a sentence about someone named, in the third person. */
const namedSubject = /^(?:\p{Lu}[\p{L}'’-]+)(?: \p{Lu}[\p{L}'’-]+)? (?:kan|komt|moet|is|zal|wil|can|cannot|can't|can’t|won't|will|is)\b/u;
const pronounOrGreeting = /^(?:ik|i|ok|oké|okay|hallo|hello|hi|hey|dag|sorry|nee|no|ja|yes|toch|helaas|jammer|wij|we|mijn|my)$/iu;

function namesSomeoneElse(text: string, own: RegistrationRecord | null): boolean {
  const match = namedSubject.exec(text.trim());
  if (!match) return false;
  const first = match[0].split(' ')[0] ?? '';
  return !pronounOrGreeting.test(first) && (!own || normalise(first) !== normalise(own.firstName));
}

function mentions(text: string, words: string): boolean {
  return words.length > 0 && ` ${text} `.includes(` ${words} `);
}

/**
 * Whose registration `text` is about: a colleague named in it (full name, or a first name only one
 * of them has), the person themselves ("mijn eigen", their own name, or "ik ..."), "a colleague"
 * (the only one, or ask which), else the one being managed (`current`), else their own.
 */
export function whoseRegistration(text: string, ctx: TurnContext, current: RegistrationRecord | null = null): Whose {
  const n = normalise(text);
  const own = ctx.myRegistration;
  const others = ctx.registeredForOthers ?? [];
  const byName = others.filter((r) => mentions(n, normalise(fullName(r))));
  if (byName.length === 1) return { kind: 'record', record: byName[0]! };
  const ownFirst = own ? normalise(own.firstName) : null;
  const byFirstName = others.filter((r) => normalise(r.firstName) !== ownFirst && mentions(n, normalise(r.firstName)));
  if (byName.length === 0 && byFirstName.length === 1) return { kind: 'record', record: byFirstName[0]! };
  if (self.test(n) || (own && mentions(n, normalise(fullName(own))))) return own ? { kind: 'record', record: own } : { kind: 'noOwn' };
  // Someone named who has no registration here is never the person's own registration.
  if (namesSomeoneElse(text, own)) return others.length > 0 ? { kind: 'pick' } : { kind: 'noOthers' };
  if (otherPeople.test(n)) {
    if (others.length === 1) return { kind: 'record', record: others[0]! };
    return others.length > 1 ? { kind: 'pick' } : { kind: 'noOthers' };
  }
  if (firstPerson.test(n)) return own ? { kind: 'record', record: own } : others.length > 0 ? { kind: 'noOwn' } : { kind: 'none' };
  if (current) return { kind: 'record', record: current };
  if (own) return { kind: 'record', record: own };
  return others.length > 0 ? { kind: 'noOwn' } : { kind: 'none' };
}
