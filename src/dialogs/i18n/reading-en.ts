import type { readingNl } from './reading-nl.ts';

/** The English texts of the form's reading (same shape as `readingNl`). */
export const readingEn: typeof readingNl = {
  notAName: "That doesn't look like a name.",
  notAnOrganisation: 'That doesn\'t look like the name of an organisation. Type its name, e.g. City of Leuven (self-employed? then type "self-employed").',
  sameOrganisationUnknown: "I don't know which organisation you mean; please type its full name, e.g. City of Leuven.",
  selfEmployed: 'Self-employed',
  emailTypo: (suggestion) => `Did you mean *${suggestion}*?`,
  emailTypoYes: (suggestion) => `Yes, ${suggestion}`,
  emailTypoNo: (typed) => `No, ${typed} is right`,
  whatNow: (who, purpose, example) =>
    `${who} and ask a few short questions for that. ${purpose} Just type your answer to the question below, e.g. ${example}. "back" takes you to the previous question, "stop" stops.`,
  whatNowChoice: (who, purpose) =>
    `${who} and ask a few short questions for that. ${purpose} Pick an answer below (or type it). "back" takes you to the previous question, "stop" stops.`,
  registering: 'I am registering you for the networking day',
  registeringColleague: 'I am registering your colleague for the networking day',
  sorryIntro: 'No problem!',
  hereIntro: "I'm here!",
  whyPrefix: 'Good question.',
  why: {
    name: 'Your name goes on your registration and in the confirmation.',
    email: 'We send the confirmation, and any changes, to your e-mail address.',
    phone: 'We ask for your phone number for contact follow-up.',
    organisation: 'So the organisers know which organisations the participants come from.',
    session: 'You pick one session per series; the sessions of one series run at the same time.',
    book: 'The book is optional; "no" is fine too.',
    address: 'We only use the address to send you the book.',
    summary: 'If everything is right, choose "Yes, register me"; otherwise "Change something".',
  },
};
