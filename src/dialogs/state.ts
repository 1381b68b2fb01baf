import { z } from 'zod';
import { languages, organisationTypes } from '../core/index.ts';

const formFields = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'organisation',
  'organisationType',
  'book',
  'street',
  'postalCode',
  'city',
  'country',
] as const;

/** A step of the registration form: a field, a session per series (`session:<series id>`), or a stage around the summary. */
export const formStepSchema = z.union([
  z.enum([...formFields, 'summary', 'pickField', 'confirming', 'venueFull']),
  z.templateLiteral(['session:', z.number().int().positive()]),
]);
export type FormStep = z.infer<typeof formStepSchema>;

const value = z.string().max(300);

/** What has been entered so far; checked values only (the checkers in core ran on them). */
export const draftSchema = z.object({
  firstName: value.optional(),
  lastName: value.optional(),
  email: value.optional(),
  phone: value.optional(),
  organisation: value.optional(),
  organisationType: z.enum(organisationTypes).optional(),
  /** Session number per series id (keys are series ids as text, JSON-friendly). */
  sessions: z.record(z.string().regex(/^\d{1,4}$/), z.number().int().positive()),
  book: z.boolean().optional(),
  street: value.optional(),
  postalCode: value.optional(),
  city: value.optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** The person agreed to the waiting list (a chosen session or the venue was full). */
  waitlist: z.boolean(),
});
export type Draft = z.infer<typeof draftSchema>;

const formSchema = z.object({
  kind: z.literal('form'),
  /** Set when the form started; part of the register key. */
  id: z.string().min(1).max(100),
  step: formStepSchema,
  draft: draftSchema,
  /** Steps answered before, for "terug". */
  history: z.array(formStepSchema).max(60),
  /** Where to go back to after changing one field ("wijzig e-mail" from the summary). */
  returnTo: formStepSchema.nullable(),
  /** A full session the person chose at the current session step; we offer the waiting list or another. */
  fullOffer: z.number().int().positive().nullable(),
  /** The person is registering someone else (a colleague): the registrant is marked so. */
  forSomeoneElse: z.boolean().optional(),
});
export type FormFlow = z.infer<typeof formSchema>;

/** What a person set out to do in "Mijn inschrijving". */
export const manageIntents = ['view', 'change', 'cancel', 'orderBook', 'cancelBook', 'changeAddress', 'changeEmail'] as const;
export type ManageIntent = (typeof manageIntents)[number];

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
