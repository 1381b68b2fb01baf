import type { Language } from '../../core/index.ts';

/** Every phrase the Q&A says, per language; the facts that fill them come from the event file. */
export interface QaPhrases {
  locale: string;
  register: string;
  moreAbout: (n: number) => string;
  moreAboutQuestion: (n: number) => string;
  programmeQuestion: string;
  programmeLabel: string;
  series: (n: number) => string;
  whenSession: (n: number, title: string, series: string, date: string, from: string, to: string) => string;
  whereSession: (n: number, title: string, room: string, venue: string) => string;
  speakersOf: (n: number, title: string) => string;
  speakersLabel: string;
  speakerLabel: string;
  timeLine: (series: string, date: string, from: string, to: string) => string;
  roomLine: (room: string, venue: string) => string;
  summaryInDutch: string;
  seatsLine: (cap: number, free: number) => string;
  seatsFull: (cap: number) => string;
  day: (title: string, date: string, from: string, to: string) => string;
  dayWhere: (title: string, venue: string, street: string, postalCode: string, city: string, country: string) => string;
  price: (free: boolean, eur: number) => string;
  deadline: (date: string, open: boolean) => string;
  audience: (list: string) => string;
  /** The asker's organisation is one of the audiences: `word` as they named it ("OCMW"), `kind` the audience it belongs to. */
  audienceYes: (list: string, word: string | null, kind: string) => string;
  /** The asker is not plainly one of the audiences: who it is meant for, and whom to ask. */
  audienceAsk: (list: string, email: string) => string;
  venueSeats: (cap: number, taken: number, free: number, waitlist: number) => string;
  /** Waiting lists, from the live ledger: one session's, every list, and the asker's own places. */
  sessionWaitlist: (n: number, waiting: number, cap: number, free: number) => string;
  allWaitlists: (venue: number, sessions: string[]) => string;
  sessionWaiting: (n: number, waiting: number) => string;
  myWaitlists: (lines: string[]) => string;
  myWaitLine: (n: number, place: number | null) => string;
  myVenueWait: (place: number | null) => string;
  notWaiting: string;
  noRegistrationToWait: string;
  coronaStricter: (cap: number) => string;
  coronaRelaxed: string;
  presentations: (text: string) => string;
  contact: (email: string) => string;
  book: (title: string, eur: number, shipping: boolean) => string;
  noBook: string;
  partners: (list: string) => string;
  registerHow: string;
  registerClosed: string;
  onePerSeries: (series: string) => string;
  manage: (closes: string) => string;
  manageClosed: string;
  myRegistration: string;
  unknown: (email: string) => string;
  offtopic: (title: string, email: string) => string;
  seriesList: (series: string, from: string, to: string) => string;
  atTime: (time: string, series: string, from: string, to: string) => string;
  noSessionAt: (time: string, dayFrom: string, dayTo: string) => string;
  nothingScheduled: (from: string, to: string, dayFrom: string, dayTo: string) => string;
  notOnPage: (from: string, to: string) => string;
  seriesStarts: (series: string, time: string) => string;
  dayHoursAsk: (dayFrom: string, dayTo: string, email: string) => string;
  dayHours: (dayFrom: string, dayTo: string) => string;
  nextSeries: (series: string, next: string, from: string, to: string) => string;
  previousSeries: (series: string, previous: string, from: string, to: string) => string;
  dayOverAfter: (series: string, end: string) => string;
  dayStartsWith: (series: string, start: string) => string;
  roomList: (room: string) => string;
  orgSessions: (org: string) => string;
  orgSpeakers: (org: string) => string;
  orgPartner: (org: string) => string;
  speakerOrgs: (list: string) => string;
  orgNoSessions: (org: string) => string;
  speakerCard: (name: string, org: string) => string;
  abbreviation: (short: string, long: string) => string;
  discussedIn: string;
  topicList: string;
  programme: (title: string) => string;
  noSuchSession: (n: number, count: number) => string;
  and: string;
}

const nl: QaPhrases = {
  sessionWaitlist: (n, waiting, cap, free) =>
    waiting === 0
      ? `Op de wachtlijst voor sessie ${n} staat nu niemand${free > 0 ? `: er zijn nog ${free} van de ${cap} plaatsen vrij` : ''}.`
      : `Op de wachtlijst voor sessie ${n} ${waiting === 1 ? 'staat nu 1 persoon' : `staan nu ${waiting} mensen`} (sessie ${n} is volzet: ${cap} plaatsen).`,
  allWaitlists: (venue, sessions) =>
    `Op de wachtlijst voor de dag ${venue === 1 ? 'staat 1 persoon' : `staan ${venue} mensen`}${sessions.length > 0 ? `; voor sessies: ${sessions.join(', ')}` : '; op de wachtlijsten van de sessies staat niemand'}.`,
  sessionWaiting: (n, waiting) => `sessie ${n}: ${waiting}`,
  myWaitlists: (lines) => `Ja: je staat op de wachtlijst ${lines.join(' en ')}. Komt er een plaats vrij, dan schuif je automatisch door en laat ik het je weten.`,
  myWaitLine: (n, place) => `voor sessie ${n}${place === null ? '' : ` (plaats ${place})`}`,
  myVenueWait: (place) => `voor de dag${place === null ? '' : ` (plaats ${place})`}`,
  notWaiting: 'Nee, je staat op geen enkele wachtlijst: je bent ingeschreven. Wat je volgt, zie je bij *Mijn inschrijving*.',
  noRegistrationToWait: 'Ik vind geen inschrijving van jou op dit kanaal, dus ook geen plaats op een wachtlijst.',
  locale: 'nl-BE',
  register: 'Inschrijven',
  moreAbout: (n) => `Meer over sessie ${n}`,
  moreAboutQuestion: (n) => `Vertel meer over sessie ${n}`,
  programmeQuestion: 'Wat is het programma?',
  programmeLabel: 'Het programma',
  series: (n) => `reeks ${n}`,
  whenSession: (n, title, series, date, from, to) => `Sessie ${n} ${title} is in ${series}: ${date}, van ${from} tot ${to}.`,
  whereSession: (n, title, room, venue) => `Sessie ${n} ${title} is in *${room}* (${venue}).`,
  speakersOf: (n, title) => `Sprekers in sessie ${n} ${title}:`,
  speakersLabel: 'Sprekers',
  speakerLabel: 'Spreker',
  timeLine: (series, date, from, to) => `${capitalise(series)}, ${date}, ${from}–${to}`,
  roomLine: (room, venue) => `Zaal: ${room} (${venue})`,
  summaryInDutch: '',
  seatsLine: (cap, free) => `Max. ${cap} deelnemers; nu nog ${free} ${free === 1 ? 'plaats' : 'plaatsen'} vrij.`,
  seatsFull: (cap) => `Max. ${cap} deelnemers; deze sessie is nu volzet (je kan op de wachtlijst).`,
  day: (title, date, from, to) => `De ${title} is op ${date}, van ${from} tot ${to}.`,
  dayWhere: (title, venue, street, postalCode, city, country) => `De ${title} vindt plaats in het *${venue}*, ${street}, ${postalCode} ${city}, ${country}.`,
  price: (free, eur) => (free ? 'Deelname is *gratis*.' : `Deelname kost € ${eur}.`),
  deadline: (date, open) => (open ? `De inschrijvingen worden afgesloten op ${date} (die dag telt nog mee).` : `De inschrijvingen zijn gesloten: ${date} was de laatste dag.`),
  audience: (list) => `De netwerkdag is bedoeld voor: ${list}.`,
  audienceYes: (list, word, kind) => `Ja, je bent welkom${word ? `: een ${word} is een ${kind}` : ''}. De netwerkdag is bedoeld voor: ${list}.`,
  audienceAsk: (list, email) =>
    `De netwerkdag is bedoeld voor: ${list}. Of dat ook voor jou geldt, staat niet in de informatie over de netwerkdag: vraag het gerust aan de organisatoren via *${email}*.`,
  venueSeats: (cap, taken, free, waitlist) =>
    `Er kunnen maximaal ${cap} mensen op locatie deelnemen (omwille van corona). Nu zijn er ${taken} ingeschreven, dus nog ${free} plaatsen vrij${waitlist ? `; ${waitlist} op de wachtlijst` : ''}.`,
  coronaStricter: (cap) =>
    `Het aantal plaatsen is beperkt tot ${cap} omwille van corona. Worden de regels strenger, dan moet het aantal deelnemers omlaag volgens het LIFO-principe (last in, first out): wie het laatst inschreef, verliest eerst zijn plaats, en krijgt daar bericht van.`,
  coronaRelaxed:
    'Als de corona regels versoepelen, kunnen we extra mensen toelaten: de wachtlijst schuift dan op, in volgorde van inschrijving (wie eerst komt, eerst maalt). Je krijgt bericht als je erbij bent.',
  presentations: (text) => `${text} Deelnemen gebeurt op locatie.`,
  contact: (email) => `Voor vragen kan je mailen naar *${email}*.`,
  book: (title, eur, shipping) =>
    `Het boek is *${title}* Je kan het aan voordeeltarief van € ${eur} bestellen: als je je inschrijft, vraag ik of je het wil${shipping ? ' en naar welk verzendadres we het sturen' : ''}. Ben je al ingeschreven, typ dan "ik wil toch een boek".`,
  noBook: 'Er wordt bij deze netwerkdag geen boek aangeboden.',
  partners: (list) => `De netwerkdag komt er met medewerking van ${list}.`,
  registerHow: 'Je kan je hier meteen inschrijven: kies *Inschrijven*. Ik vraag je contactgegevens (voor contactopvolging), je organisatie, je keuze voor reeks 1 en reeks 2, en of je het boek wil bestellen. Daarna krijg je een mail met een overzicht.',
  registerClosed: 'De inschrijvingen zijn gesloten.',
  onePerSeries: (series) => `De sessies van één reeks lopen tegelijk: je kiest één sessie in ${series}.`,
  manage: (closes) => `Kies *Mijn inschrijving* om je inschrijving te bekijken, een andere sessie te kiezen of te annuleren. Dat kan tot en met ${closes}.`,
  manageClosed: 'Wijzigen of annuleren kan niet meer: de inschrijvingen zijn gesloten.',
  myRegistration: 'Mijn inschrijving',
  unknown: (email) => `Dat weet ik helaas niet: daarover staat niets in de informatie over de netwerkdag. Stel je vraag gerust aan de organisatoren via *${email}*.`,
  offtopic: (title, email) => `Daar kan ik je niet mee helpen: ik beantwoord vragen over de ${title} (programma, sprekers, zalen, plaatsen, inschrijven). Voor andere vragen: *${email}*.`,
  seriesList: (series, from, to) => `In ${series} (${from}–${to}) kan je kiezen uit:`,
  atTime: (time, series, from, to) => `Om ${time} loopt ${series} (${from}–${to}):`,
  noSessionAt: (time, dayFrom, dayTo) => `Om ${time} is er geen sessie. De dag loopt van ${dayFrom} tot ${dayTo}; de sessies zijn in reeks 1 en reeks 2.`,
  nothingScheduled: (from, to, dayFrom, dayTo) => `Van ${from} tot ${to} staat er niets op het programma: de netwerkdag loopt van ${dayFrom} tot ${dayTo}.`,
  notOnPage: (from, to) => `Van ${from} tot ${to}: wat er dan gebeurt, staat niet in de informatie over de netwerkdag.`,
  seriesStarts: (series, time) => `${capitalise(series)} begint om ${time}.`,
  dayHoursAsk: (dayFrom, dayTo, email) => `De dag loopt van ${dayFrom} tot ${dayTo}. Meer weten? Vraag het gerust aan de organisatoren via *${email}*.`,
  dayHours: (dayFrom, dayTo) => `De dag loopt van ${dayFrom} tot ${dayTo}.`,
  nextSeries: (series, next, from, to) => `Na ${series} komt ${next} (${from}–${to}); je kan kiezen uit:`,
  previousSeries: (series, previous, from, to) => `Vóór ${series} komt ${previous} (${from}–${to}); je kan kiezen uit:`,
  dayOverAfter: (series, end) => `Na ${series} (tot ${end}) is de netwerkdag afgelopen.`,
  dayStartsWith: (series, start) => `De netwerkdag begint om ${start}; ${series} is de eerste reeks.`,
  roomList: (room) => `In *${room}*:`,
  orgSessions: (org) => `Sessies met sprekers van *${org}*:`,
  orgSpeakers: (org) => `Sprekers van *${org}*:`,
  orgPartner: (org) => `${org} werkt mee aan de netwerkdag als partner.`,
  speakerOrgs: (list) => `De sprekers komen van ${list}.`,
  orgNoSessions: (org) => `Er spreekt niemand van ${org} op de netwerkdag.`,
  speakerCard: (name, org) => `*${name}* (${org}) spreekt in:`,
  abbreviation: (short, long) => `*${short}*: ${long}.`,
  discussedIn: 'Dat komt aan bod in',
  topicList: 'Daarover gaat:',
  programme: (title) => `Het programma van de ${title}:`,
  noSuchSession: (n, count) => `Er is geen sessie ${n}; de sessies zijn genummerd van 1 tot ${count}.`,
  and: 'en',
};

const en: QaPhrases = {
  sessionWaitlist: (n, waiting, cap, free) =>
    waiting === 0
      ? `Nobody is on the waiting list for session ${n} right now${free > 0 ? `: ${free} of its ${cap} places are still free` : ''}.`
      : `${waiting === 1 ? '1 person is' : `${waiting} people are`} on the waiting list for session ${n} right now (session ${n} is full: ${cap} places).`,
  allWaitlists: (venue, sessions) =>
    `${venue === 1 ? '1 person is' : `${venue} people are`} on the waiting list for the day${sessions.length > 0 ? `; for sessions: ${sessions.join(', ')}` : '; nobody is on the waiting list of a session'}.`,
  sessionWaiting: (n, waiting) => `session ${n}: ${waiting}`,
  myWaitlists: (lines) => `Yes: you are on the waiting list ${lines.join(' and ')}. If a place frees up, you move up automatically and I'll let you know.`,
  myWaitLine: (n, place) => `for session ${n}${place === null ? '' : ` (place ${place})`}`,
  myVenueWait: (place) => `for the day${place === null ? '' : ` (place ${place})`}`,
  notWaiting: "No, you are on no waiting list: you're registered. *My registration* shows what you attend.",
  noRegistrationToWait: "I can't find a registration of yours on this channel, so no place on a waiting list either.",
  locale: 'en-GB',
  register: 'Register',
  moreAbout: (n) => `More about session ${n}`,
  moreAboutQuestion: (n) => `Tell me more about session ${n}`,
  programmeQuestion: 'What is the programme?',
  programmeLabel: 'The programme',
  series: (n) => `series ${n}`,
  whenSession: (n, title, series, date, from, to) => `Session ${n} ${title} is in ${series}: ${date}, from ${from} to ${to}.`,
  whereSession: (n, title, room, venue) => `Session ${n} ${title} is in *${room}* (${venue}).`,
  speakersOf: (n, title) => `Speakers in session ${n} ${title}:`,
  speakersLabel: 'Speakers',
  speakerLabel: 'Speaker',
  timeLine: (series, date, from, to) => `${capitalise(series)}, ${date}, ${from}–${to}`,
  roomLine: (room, venue) => `Room: ${room} (${venue})`,
  summaryInDutch: '(in Dutch) ',
  seatsLine: (cap, free) => `Max. ${cap} participants; ${free} ${free === 1 ? 'seat' : 'seats'} left right now.`,
  seatsFull: (cap) => `Max. ${cap} participants; this session is full right now (you can join the waiting list).`,
  day: (title, date, from, to) => `The ${title} (networking day) is on ${date}, from ${from} to ${to}.`,
  dayWhere: (title, venue, street, postalCode, city, country) => `The ${title} takes place at the *${venue}*, ${street}, ${postalCode} ${city}, ${country}.`,
  price: (free, eur) => (free ? 'Taking part is *free*.' : `Taking part costs € ${eur}.`),
  deadline: (date, open) => (open ? `Registration closes on ${date} (that whole day still counts).` : `Registration is closed: ${date} was the last day.`),
  audience: (list) => `The networking day is meant for: ${list}.`,
  audienceYes: (list, word, kind) => `Yes, you are welcome${word ? `: ${/^[aeiou]/iu.test(word) ? 'an' : 'a'} ${word} is a ${kind}` : ''}. The networking day is meant for: ${list}.`,
  audienceAsk: (list, email) =>
    `The networking day is meant for: ${list}. Whether that includes you, the information about the day does not say: please ask the organisers at *${email}*.`,
  venueSeats: (cap, taken, free, waitlist) =>
    `At most ${cap} people can attend on site (because of corona). ${taken} have registered so far, so ${free} places are left${waitlist ? `; ${waitlist} on the waiting list` : ''}.`,
  coronaStricter: (cap) =>
    `Places are limited to ${cap} because of corona. If the rules get stricter, the number of participants must go down by the LIFO principle (last in, first out): the latest registrations lose their place first, and are told so.`,
  coronaRelaxed:
    'If the corona rules relax, extra people can be admitted: the waiting list moves up in order of registration (first come, first served). You are told when you are in.',
  presentations: () => 'Some presentations are available digitally afterwards. Attendance itself is on site.',
  contact: (email) => `For questions, e-mail *${email}*.`,
  book: (title, eur, shipping) =>
    `The book is *${title}* You can order it at the reduced price of € ${eur}: when you register I ask whether you want it${shipping ? ' and for a shipping address' : ''}. Already registered? Type "I'd like the book after all".`,
  noBook: 'No book is offered with this networking day.',
  partners: (list) => `The networking day is organised with the cooperation of ${list}.`,
  registerHow: 'You can register right here: choose *Register*. I will ask for your contact details (for contact tracing), your organisation, your choice for series 1 and series 2, and whether you want to order the book. You then get an e-mail with an overview.',
  registerClosed: 'Registration is closed.',
  onePerSeries: (series) => `The sessions of one series run at the same time: you choose one session in ${series}.`,
  manage: (closes) => `Choose *My registration* to see your registration, pick another session or cancel. That is possible until ${closes}.`,
  manageClosed: 'Changing or cancelling is no longer possible: registration is closed.',
  myRegistration: 'My registration',
  unknown: (email) => `I am sorry, I do not know: the information about the networking day does not say. Please ask the organisers at *${email}*.`,
  offtopic: (title, email) => `I cannot help with that: I answer questions about the ${title} (programme, speakers, rooms, seats, registration). For anything else: *${email}*.`,
  seriesList: (series, from, to) => `In ${series} (${from}–${to}) you can choose from:`,
  atTime: (time, series, from, to) => `At ${time}, ${series} runs (${from}–${to}):`,
  noSessionAt: (time, dayFrom, dayTo) => `There is no session at ${time}. The day runs from ${dayFrom} to ${dayTo}; the sessions are in series 1 and series 2.`,
  nothingScheduled: (from, to, dayFrom, dayTo) => `Nothing is scheduled from ${from} to ${to}: the networking day runs from ${dayFrom} to ${dayTo}.`,
  notOnPage: (from, to) => `From ${from} to ${to}: the information about the networking day does not say what happens then.`,
  seriesStarts: (series, time) => `${capitalise(series)} starts at ${time}.`,
  dayHoursAsk: (dayFrom, dayTo, email) => `The day runs from ${dayFrom} to ${dayTo}. For more, please ask the organisers at *${email}*.`,
  dayHours: (dayFrom, dayTo) => `The day runs from ${dayFrom} to ${dayTo}.`,
  nextSeries: (series, next, from, to) => `After ${series} comes ${next} (${from}–${to}); you can choose from:`,
  previousSeries: (series, previous, from, to) => `Before ${series} comes ${previous} (${from}–${to}); you can choose from:`,
  dayOverAfter: (series, end) => `After ${series} (until ${end}) the networking day is over.`,
  dayStartsWith: (series, start) => `The networking day starts at ${start}; ${series} is the first series.`,
  roomList: (room) => `In *${room}*:`,
  orgSessions: (org) => `Sessions with speakers from *${org}*:`,
  orgSpeakers: (org) => `Speakers from *${org}*:`,
  orgPartner: (org) => `${org} is a partner of the networking day.`,
  speakerOrgs: (list) => `The speakers come from ${list}.`,
  orgNoSessions: (org) => `Nobody from ${org} speaks at the networking day.`,
  speakerCard: (name, org) => `*${name}* (${org}) speaks in:`,
  abbreviation: (short, long) => `*${short}*: ${long}.`,
  discussedIn: 'This is covered in',
  topicList: 'That is covered in:',
  programme: (title) => `The programme of the ${title}:`,
  noSuchSession: (n, count) => `There is no session ${n}; the sessions are numbered 1 to ${count}.`,
  and: 'and',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The phrases of one language. */
export const phrases: Record<Language, QaPhrases> = { nl, en };
