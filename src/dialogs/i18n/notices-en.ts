import type { NoticeMessages } from './notices-nl.ts';

/** The English notices; typed as the Dutch ones so they have exactly the same keys. */
export const noticesEn: NoticeMessages = {
  confirmation: (title, when) => `Your registration for the *${title}* (${when}) is confirmed. The overview is in your mailbox too.`,
  waitlisted: (title) => `You are on the *waiting list* for the ${title}. When a place comes free you move up automatically and I will let you know here.`,
  sessionChanged: (title, changes) => `Your choice of sessions for the *${title}* has changed: ${changes.join(' and ')}.`,
  sessionChange: (previous, now) => `session ${now} instead of session ${previous}`,
  cancelled: (title) => `Your registration for the *${title}* is cancelled and your place released. If you can come after all, register again while there is room.`,
  bumped: (title) =>
    `Bad news: stricter COVID rules meant fewer places for the *${title}*, and the latest registrations lose their place first. ` +
    'You are now on the *waiting list*: when a place comes free again you move up automatically.',
  promoted: (title, when) => `Good news: a place came free. You are now *registered* for the *${title}* (${when}).`,
  updated: (title) => `Your registration for the *${title}* has been updated.`,
  reminder: (title, when) =>
    `Not long now: the *${title}* (${when}). These are your sessions and their rooms; the calendar is in your mailbox too. If you can't come after all, let me know: your place goes to the waiting list.`,
  cannotCome: "I can't come after all",
  organiserMessage: (title, message) => `A message from the organisers of the *${title}*:\n${message}`,
  leaveWaitlist: 'Leave the waiting list',
  registerAgain: 'Register again',
};
