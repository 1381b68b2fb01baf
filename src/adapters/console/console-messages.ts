import type { Reply } from '../../dialogs/types.ts';

/** What the console itself says (the dialogs' texts live in their own catalogues). Both languages at once: the conversation's language is not known before the first turn. */
export const consoleMessages = {
  /** The banner as replies, so that it is aligned and wrapped like any turn. */
  banner: (facts: { event: string; store: string; clock: string; mail: string; user: string }): Reply[] => [
    {
      text: `Balie: ${facts.event}`,
      facts: [
        { label: 'opslag / store:', value: facts.store },
        { label: 'klok / clock:', value: facts.clock },
        { label: 'e-mail:', value: facts.mail },
        { label: 'gebruiker / user:', value: `${facts.user} (verder als deze / to continue as this user: npm start -- --user ${shellWord(facts.user)})` },
      ],
    },
    {
      text: [
        'Typ een bericht, bv. "Ik wil me inschrijven" of "English please"; het nummer of de letter van een optie kiest die (een sessie heeft haar eigen nummer); Ctrl-D of Ctrl-C stopt.',
        'Type a message, e.g. "I want to register"; the number or letter of an option picks it (a session has its own number); Ctrl-D or Ctrl-C quits.',
      ].join('\n'),
    },
  ],
  goodbye: 'Tot ziens! / Goodbye!',
  turnFailed: 'Er ging iets mis; probeer het opnieuw. / Something went wrong; please try again.',
} as const;

/** A user id as one shell word, quoted when it holds anything but letters, digits and `_.:@-`. */
function shellWord(text: string): string {
  return /^[\w.:@-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
