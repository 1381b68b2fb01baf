import type { SeatMessages } from './seats-nl.ts';

/** The English seats texts; typed as `SeatMessages` so it has exactly the Dutch keys. */
export const seatsEn: SeatMessages = {
  fullOfferChoices: (number, title, cap) =>
    `Session ${number} (*${title}*) is full (${cap}/${cap}). You can join the waiting list for session ${number} and attend another session of this series meanwhile, ` +
    `join the waiting list for session ${number} without another session, or simply choose another session.`,
  waitWithFallback: (number) => `Waiting list for session ${number}, another session meanwhile`,
  waitOnly: (number) => `Waiting list for session ${number}, no other session`,
  noSession: 'No session in this series',
  pickMeanwhile: (number) => `Which session will you attend meanwhile? If a place frees up in session ${number}, you move up automatically and I'll let you know.`,
  meanwhileFull: (number) => `Session ${number} is full too; please choose a session with places left.`,
  holding: (session) => session,
  waitingFor: (number, place) => `on the waiting list for session ${number}${place === null ? '' : ` (place ${place})`}`,
  meanwhile: (session) => `meanwhile ${session}`,
  noOther: 'no other session',
  skipped: 'no session',
  registeredWaiting: (lines) => `You're also on the waiting list: ${lines.join('; ')}. If a place frees up, you move up automatically and I'll let you know.`,
  waitLine: (number, place, meanwhile) => `session ${number}${place === null ? '' : ` (place ${place})`}${meanwhile === null ? '' : `, meanwhile session ${meanwhile}`}`,
  leaveWaitlist: (number) => `Leave the waiting list for session ${number}`,
  waitInstead: (number) => `Join the waiting list for session ${number}`,
  leftWaitlist: (hold) => `You're no longer on the waiting list in this series; you keep session ${hold}.`,
  nowWaiting: (number, place, meanwhile) =>
    `You're now on the waiting list for session ${number}${place === null ? '' : ` (place ${place})`}${meanwhile === null ? '' : `; meanwhile you keep session ${meanwhile}`}.`,
  promotedToSession: (number, title) =>
    `Good news: a place came free in *session ${number}* of the ${title}. You are now registered for session ${number}; the session you attended meanwhile in that series has been released.`,
  bumpedFromSession: (number, title) =>
    `Bad news: session ${number} of the ${title} had to lose places, and the latest registrations lose theirs first. ` +
    `Your place at the event and your other sessions stay; for *session ${number}* you are now on the *waiting list* and move up automatically when a place comes free.`,
  nowSkipping: (series) => `You're now attending no session in ${series.toLowerCase()}.`,
};
