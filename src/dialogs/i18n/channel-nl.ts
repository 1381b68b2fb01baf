/**
 * What the chat channels say themselves, outside the dialogs: the answer in a group chat, and the
 * bot's command menu. Nested in the catalogue as `channel`; the English one has the same shape.
 */
export const channelNl = {
  privateChatOnly: 'Ik help je graag, maar alleen in een privégesprek: stuur me een rechtstreeks bericht.',
  /** The button that opens the whole form on one screen (a Slack modal, a Teams card), and what the card says once it was sent. */
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
  /** In a channel where the app was mentioned: one line and a button that opens the direct messages. */
  continueInDm: 'Ik help je graag verder in een rechtstreeks bericht.',
  openDm: 'Open ons gesprek',
  /** The one-screen form's short title (Slack: at most 24 characters) and its close button. */
  formShortTitle: 'Inschrijven',
  formClose: 'Sluiten',
  /** The answer to a slash command typed outside the direct messages. */
  answeredInDm: 'Ik antwoord je in ons rechtstreeks gesprek.',
  /** The home tab (Slack's App Home). */
  home: {
    notRegistered: (title: string) => `Je bent nog niet ingeschreven voor de *${title}*.`,
    seatsTitle: '*Plaatsen per sessie*',
  },
};

/** The shape of every channel catalogue. */
export type ChannelMessages = typeof channelNl;
