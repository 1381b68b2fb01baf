/**
 * The ids of the registration form's own fields (the session of each series is added per event),
 * in the order they are asked. A new field is an id here, its entry in `form-fields.ts` and its
 * texts in the catalogues (the compiler asks for them).
 */
export const fixedFieldIds = ['firstName', 'lastName', 'email', 'phone', 'organisation', 'organisationType', 'book', 'street', 'postalCode', 'city', 'country'] as const;

/** A form field the registration dialog asks for, by its catalogue key (sessions are asked per series). */
export type FormField = (typeof fixedFieldIds)[number];
