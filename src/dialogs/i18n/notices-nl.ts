/**
 * What Balie tells a person unprompted in their own chat when the ledger changed their
 * registration (one text per outbox entry kind; `updated` for a kind without one of its own).
 * Nested in the catalogue as `notices`; its shape is the type the English one must match.
 */
export const noticesNl = {
  confirmation: (title: string, when: string) => `Je inschrijving voor de *${title}* (${when}) is bevestigd. Het overzicht staat ook in je mailbox.`,
  waitlisted: (title: string) =>
    `Je staat op de *wachtlijst* voor de ${title}. Komt er een plaats vrij, dan schuif je automatisch door en laat ik het je hier weten.`,
  sessionChanged: (title: string, changes: string[]) => `Je sessiekeuze voor de *${title}* is gewijzigd: ${changes.join(' en ')}.`,
  sessionChange: (previous: number, now: number) => `sessie ${now} in plaats van sessie ${previous}`,
  cancelled: (title: string) =>
    `Je inschrijving voor de *${title}* is geannuleerd en je plaats is vrijgegeven. Wil je toch komen, dan kan je je opnieuw inschrijven zolang er plaats is.`,
  bumped: (title: string) =>
    `Slecht nieuws: door strengere coronaregels moest het aantal plaatsen voor de *${title}* omlaag, en wie het laatst inschreef, verliest eerst zijn plaats. ` +
    'Je staat nu op de *wachtlijst*: komt er opnieuw plaats vrij, dan schuif je automatisch door.',
  promoted: (title: string, when: string) => `Goed nieuws: er kwam een plaats vrij. Je bent nu *ingeschreven* voor de *${title}* (${when}).`,
  updated: (title: string) => `Je inschrijving voor de *${title}* is bijgewerkt.`,
  reminder: (title: string, when: string) =>
    `Nog even en het is zover: de *${title}* (${when}). Dit zijn je sessies en de zalen; de agenda staat ook in je mailbox. Kan je toch niet komen, laat het dan weten: je plaats gaat naar de wachtlijst.`,
  cannotCome: 'Ik kan toch niet komen',
  organiserMessage: (title: string, message: string) => `Bericht van de organisatie van de *${title}*:\n${message}`,
  leaveWaitlist: 'Wachtlijst verlaten',
  registerAgain: 'Opnieuw inschrijven',
};

/** The shape of every notices catalogue. */
export type NoticeMessages = typeof noticesNl;
