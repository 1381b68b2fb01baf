import type { OwnMessages } from './own-nl.ts';

/** The English texts about one's own registration; typed as the Dutch ones. */
export const ownEn: OwnMessages = {
  resent: (email) => `I sent the confirmation again to *${email}*. If it is not there in a few minutes, please look in your spam folder too.`,
  resentOther: (name, email) => `I sent the confirmation of ${name} again to *${email}*.`,
  bookOrdered: (address) => `Yes, you ordered the book. We will send it to ${address}.`,
  noBook: 'No, you did not order the book. Would you like it after all? Then type "I want the book after all".',
  nameByMail: (contact) => `I can't change a name here. Please e-mail the right name to ${contact}; the organisers will then correct the registration.`,
  confirmColleague: 'Yes, register my colleague',
  helloAgain: 'Hello again! How can I help?',
  notUnderstood: "I didn't understand that. Pick what you want to do below, or type your question as a sentence.",
  filledSoFar: 'This is what you filled in so far:',
  nothingFilledYet: 'You have not filled in anything yet.',
};
