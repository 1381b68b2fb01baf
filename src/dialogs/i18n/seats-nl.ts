/**
 * Texts about what is held and waited for per series (issue 13): the three choices at a full
 * session, skipping a series, the waiting lists in "mijn inschrijving", the summary and notices.
 * Nested in the catalogue as `seats`; its shape is the type the English one must match.
 */
export const seatsNl = {
  fullOfferChoices: (number: number, title: string, cap: number) =>
    `Sessie ${number} (*${title}*) is volzet (${cap}/${cap}). Je kan op de wachtlijst voor sessie ${number} en intussen een andere sessie van deze reeks volgen, ` +
    `op de wachtlijst voor sessie ${number} zonder andere sessie, of gewoon een andere sessie kiezen.`,
  waitWithFallback: (number: number) => `Wachtlijst voor sessie ${number}, intussen een andere sessie`,
  waitOnly: (number: number) => `Wachtlijst voor sessie ${number}, zonder andere sessie`,
  noSession: 'Geen sessie in deze reeks',
  pickMeanwhile: (number: number) => `Welke sessie volg je intussen? Komt er in sessie ${number} een plaats vrij, dan schuif je automatisch door en laat ik het je weten.`,
  meanwhileFull: (number: number) => `Sessie ${number} is ook volzet; kies een sessie met plaats.`,
  /** A series as a summary row says it. */
  holding: (session: string) => session,
  waitingFor: (number: number, place: number | null) => `op de wachtlijst voor sessie ${number}${place === null ? '' : ` (plaats ${place})`}`,
  meanwhile: (session: string) => `intussen ${session}`,
  noOther: 'geen andere sessie',
  skipped: 'geen sessie',
  /** After registering, one line per session waited for. */
  registeredWaiting: (lines: string[]) => `Je staat ook op de wachtlijst: ${lines.join('; ')}. Komt er een plaats vrij, dan schuif je automatisch door en laat ik het je weten.`,
  waitLine: (number: number, place: number | null, meanwhile: number | null) =>
    `sessie ${number}${place === null ? '' : ` (plaats ${place})`}${meanwhile === null ? '' : `, intussen sessie ${meanwhile}`}`,
  /** "Mijn inschrijving". */
  leaveWaitlist: (number: number) => `Van de wachtlijst voor sessie ${number} gaan`,
  waitInstead: (number: number) => `Op de wachtlijst voor sessie ${number}`,
  leftWaitlist: (hold: number) => `Je staat niet meer op de wachtlijst in deze reeks; je houdt sessie ${hold}.`,
  nowWaiting: (number: number, place: number | null, meanwhile: number | null) =>
    `Je staat nu op de wachtlijst voor sessie ${number}${place === null ? '' : ` (plaats ${place})`}${meanwhile === null ? '' : `; intussen houd je sessie ${meanwhile}`}.`,
  promotedToSession: (number: number, title: string) =>
    `Goed nieuws: er kwam een plaats vrij in *sessie ${number}* van de ${title}. Je bent nu ingeschreven voor sessie ${number}; de sessie die je intussen in die reeks volgde, is vrijgegeven.`,
  bumpedFromSession: (number: number, title: string) =>
    `Slecht nieuws: het aantal plaatsen in *sessie ${number}* van de ${title} moest omlaag, en wie het laatst inschreef, verliest eerst zijn plaats. ` +
    `Je plaats op de dag en je andere sessies blijven; voor sessie ${number} sta je nu op de *wachtlijst* en schuif je automatisch door als er plaats vrijkomt.`,
  nowSkipping: (series: string) => `Je volgt nu geen sessie in ${series.toLowerCase()}.`,
};

/** The shape of every seats catalogue. */
export type SeatMessages = typeof seatsNl;
