import { z } from 'zod';
import { languages } from '../core/index.ts';
import { fixedFieldIds } from './form-field-ids.ts';

const fixedFields = fixedFieldIds;

/** A field id as stored: a fixed field or `session:<series id>` (never a built-in object name). */
const fieldIdSchema = z.union([z.enum(fixedFields), z.templateLiteral(['session:', z.number().int().positive()])]);

export type FieldId = z.infer<typeof fieldIdSchema>;
const fieldIdPattern = new RegExp(`^(?:${fixedFields.join('|')}|session:[1-9]\\d{0,3})$`);

/** A step of the registration form: a field, or a stage around the summary. */
export const formStepSchema = z.union([fieldIdSchema, z.enum(['summary', 'pickField', 'confirming', 'venueFull', 'confirmStop'])]);
export type FormStep = z.infer<typeof formStepSchema>;

/** Drafts stored before the form became one list of fields had a property per field; read them as values. */
function legacyDraft(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'values' in raw) return raw;
  const old = raw as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const id of fixedFields) {
    const value = old[id];
    if (typeof value === 'string') values[id] = value;
    if (typeof value === 'boolean') values[id] = value ? 'yes' : 'no';
  }
  if (typeof old.sessions === 'object' && old.sessions !== null) {
    for (const [series, number] of Object.entries(old.sessions)) if (typeof number === 'number') values[`session:${series}`] = String(number);
  }
  return { values, waitlist: old.waitlist === true };
}

/**
 * What has been entered so far, by field id; checked values only (the field's checker in core ran
 * on them): sessions as their number, the book as yes/no, the country as an ISO code.
 */
export const draftSchema = z.preprocess(
  legacyDraft,
  z.object({
    values: z.record(z.string().regex(fieldIdPattern), z.string().max(300)) as z.ZodType<Partial<Record<FieldId, string>>>,
    /** The person agreed to the waiting list (a chosen session or the venue was full). */
    waitlist: z.boolean(),
  }),
);
export type Draft = z.infer<typeof draftSchema>;

const formSchema = z.object({
  kind: z.literal('form'),
  /** A random id given when the form started (the turn's nonce); part of the register key. */
  id: z.string().min(1).max(100),
  step: formStepSchema,
  draft: draftSchema,
  /** Steps answered before, for "terug". */
  history: z.array(formStepSchema).max(60),
  /** Where to go back to after changing one field ("wijzig e-mail" from the summary), or after "stop" is not confirmed. */
  returnTo: formStepSchema.nullable(),
  /** A full session the person chose at the current session step; we offer the waiting list or another. */
  fullOffer: z.number().int().positive().nullable(),
  /** A full session the person waits for at the current session step: the session to hold meanwhile is asked. */
  meanwhileFor: z.number().int().positive().nullable().optional(),
  /** Fields filled by an answer to another question (a full name, a one-line address): not asked on the way. */
  implicit: z.array(fieldIdSchema).max(40).default([]),
  /** Failed answers at the current step; from the third one on, help is offered. */
  failures: z.number().int().nonnegative().max(1000).default(0),
  /** Full sessions the sign-up message named, by series id: offered with the waiting list when that series is asked. */
  wanted: z.record(z.string().regex(/^\d{1,4}$/), z.number().int().positive()).default({}),
  /** The person is registering someone else (a colleague): the registrant is marked so. */
  forSomeoneElse: z.boolean().optional(),
});
export type FormFlow = z.infer<typeof formSchema>;

/** What a person set out to do in "Mijn inschrijving". */
export const manageIntents = ['view', 'change', 'cancel', 'orderBook', 'cancelBook', 'changeAddress', 'changeEmail', 'resend', 'bookStatus', 'changeName'] as const;
export type ManageIntent = (typeof manageIntents)[number];

const value = z.string().max(300);

const manageSchema = z.object({
  kind: z.literal('manage'),
  step: z.enum([
    'view',
    'pickRegistration',
    'pickSeries',
    'pickSession',
    'confirmCancel',
    'changing',
    'cancelling',
    'email',
    'confirmEmail',
    'street',
    'postalCode',
    'city',
    'country',
    'confirmBook',
    'confirmNoBook',
    'updating',
  ]),
  series: z.number().int().positive().nullable(),
  /** Set when the manage dialog opened; part of the idempotency keys of its effects. */
  opId: z.string().min(1).max(100),
  /** The registration being managed (one's own, or one made for someone else and picked); null: one's own (states stored before), or none picked yet. */
  registrationId: z.string().min(1).max(100).nullable().default(null),
  /** At pickRegistration: what to do with the registration picked. */
  intent: z.enum(manageIntents).default('view'),
  /** The new e-mail address or shipping address typed so far (checked values only). */
  entered: z
    .object({
      email: value.optional(),
      street: value.optional(),
      postalCode: value.optional(),
      city: value.optional(),
      country: z.string().regex(/^[A-Z]{2}$/).optional(),
    })
    .default({}),
});
export type ManageFlow = z.infer<typeof manageSchema>;

const offeredSchema = z.object({ id: z.string().max(300), label: z.string().max(300) });

const idleSchema = z.object({
  kind: z.literal('idle'),
  /** The choices of the last idle reply, so that typing "2" or a label works. */
  offered: z.array(offeredSchema).max(20),
});
export type IdleFlow = z.infer<typeof idleSchema>;

/** The state of one user's conversation; plain JSON so any ConversationStore can keep it. */
export const conversationStateSchema = z.object({
  v: z.literal(1),
  lang: z.enum(languages),
  greeted: z.boolean(),
  /**
   * Seat changes completed in this conversation. Every effect key includes it, so a retried turn
   * reuses its key (nothing completed in between) while a new registration after a cancel, or a
   * second swap back and forth, gets a new one, even with the clock pinned.
   */
  ops: z.number().int().nonnegative(),
  flow: z.discriminatedUnion('kind', [idleSchema, formSchema, manageSchema]),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;
