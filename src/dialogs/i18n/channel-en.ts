import type { ChannelMessages } from './channel-nl.ts';

/** The English channel texts; typed as the Dutch ones so they have exactly the same keys. */
export const channelEn: ChannelMessages = {
  privateChatOnly: 'I am happy to help, but only in a private chat: send me a direct message.',
  openForm: 'Fill in the form',
  formSent: 'Form sent.',
  addressWithBook: 'Where we send the book (only if you order it):',
  commands: {
    start: 'Start',
    inschrijven: 'Register for the networking day',
    mijninschrijving: 'View your registration, change a session or cancel',
    programma: 'The programme and its sessions',
    help: 'What I can do for you',
    english: 'Continue in English',
  },
  continueInDm: 'I am happy to help you further in a direct message.',
  openDm: 'Open our chat',
  formShortTitle: 'Register',
  formClose: 'Close',
  answeredInDm: 'I am answering you in our direct messages.',
  home: {
    notRegistered: (title: string) => `You have not registered for the *${title}* yet.`,
    seatsTitle: '*Seats per session*',
  },
};
