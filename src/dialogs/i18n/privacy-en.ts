import type { PrivacyMessages } from './privacy-nl.ts';

/** The English privacy texts; typed as the Dutch ones so they have exactly the same keys. */
export const privacyEn: PrivacyMessages = {
  shownIntro: 'This is everything I keep about you:',
  ownHeading: 'Your registration',
  registeredAt: 'Registered on',
  forOthers: (names) => `You also registered: ${names}. That data belongs to them; I do not show it here.`,
  alsoKept: (channel) =>
    `I also remember this conversation (where we are, your language) and how to message you on ${channel}, and I keep the e-mails and messages about your registration. Why: contact tracing, your confirmation and the book. All of it is deleted after the event.`,
  nothingRegistered: 'I have no registration of yours. I only remember this conversation and how to reach you here.',
  mailed: (email) => `I also sent this to *${email}* as a file (JSON).`,
  notMailed: 'I could not send the file: your registration no longer exists.',
  confirmErase: (hasRegistration) =>
    hasRegistration
      ? 'Do you really want all your data deleted? Then I *cancel* your registration (your place goes to the waiting list) and delete your data, this conversation and how I reach you here. This cannot be undone.'
      : 'Do you really want all your data deleted? Then I delete this conversation and how I reach you here.',
  eraseYes: 'Yes, delete everything',
  eraseNo: 'No, delete nothing',
  erased: (cancelled) =>
    cancelled
      ? 'Done: your registration is cancelled and your place goes to the waiting list. Your name, e-mail, phone and address are deleted, also from the messages already sent, as are this conversation and how I reach you here.'
      : 'Done: this conversation and how I reach you here are deleted.',
  othersKept: 'The registrations you made for others stay; to cancel them, do that first through "my registration".',
  notErased: 'All right, I delete nothing.',
};
