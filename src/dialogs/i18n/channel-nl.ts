/**
 * What the chat channels say themselves, outside the dialogs: the answer in a group chat, and the
 * bot's command menu. Nested in the catalogue as `channel`; the English one has the same shape.
 */
export const channelNl = {
  privateChatOnly: 'Ik help je graag, maar alleen in een privégesprek: stuur me een rechtstreeks bericht.',
  /** Teams: the button that opens the registration form as one card, and what the card says once it was sent. */
  openForm: 'Formulier invullen',
  formSent: 'Formulier verstuurd.',
  addressWithBook: 'Het adres waar we het boek naartoe sturen (alleen als je het boek bestelt):',
  /** One line per command in the platform's command menu (Telegram's setMyCommands). */
  commands: {
    start: 'Beginnen',
    inschrijven: 'Inschrijven voor de netwerkdag',
    mijninschrijving: 'Je inschrijving bekijken, een sessie wijzigen of annuleren',
    programma: 'Het programma en de sessies',
    help: 'Wat ik voor je kan doen',
    english: 'Switch to English',
  },
};

/** The shape of every channel catalogue. */
export type ChannelMessages = typeof channelNl;
