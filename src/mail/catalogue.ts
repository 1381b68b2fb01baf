import type { Language, OrganisationType, OutboxEntry } from '../core/index.ts';

/** What a mail says about one session: number, title, time and room, already formatted. */
export interface SessionLine {
  number: number;
  title: string;
  time: string;
  room: string;
}

/** The e-mail texts of one language; the renderers hold no user-facing words of their own. */
export interface MailCatalogue {
  /** The language of these texts (session titles follow it). */
  lang: Language;
  locale: string;
  subject: Record<OutboxEntry['kind'], (eventTitle: string) => string>;
  greeting: (firstName: string) => string;
  intro: Record<OutboxEntry['kind'], string>;
  overviewHeading: string;
  nowHoldingHeading: string;
  changedHeading: string;
  previously: string;
  now: string;
  fields: {
    name: string;
    email: string;
    phone: string;
    organisation: string;
    organisationType: string;
    book: string;
    shippingAddress: string;
    reference: string;
    status: string;
  };
  organisationTypes: Record<OrganisationType, string>;
  status: { confirmed: string; waitlisted: string; cancelled: string };
  seriesLabel: (seriesId: number) => string;
  session: (line: SessionLine) => string;
  bookOrdered: (title: string, price: string) => string;
  noBook: string;
  eventHeading: string;
  eventWhen: (date: string, hours: string) => string;
  eventWhenLabel: string;
  eventWhere: string;
  manageHeading: string;
  manage: string;
  /** Instead of `manage` when someone else registered the person: they are the one who can change it in the bot. */
  manageByOther: string;
  contact: (address: string) => string;
  /** In the notice to an address a registration left: what to do if the person did not ask for it. */
  notYou: (address: string) => string;
  calendarHint: string;
  /** The reminder's way out: a link that cancels after one confirmation (cancelLink), or the words to send the bot. */
  cannotComeHeading: string;
  cannotComeLink: string;
  cannotComeLinkLabel: string;
  cannotComeChat: string;
  /** The data_export mail: what the attached file holds. */
  dataExportHint: string;
  /** The last words, per kind: a cancellation does not end with "see you there". */
  signOff: Record<OutboxEntry['kind'], string>;
  icsDayTitle: (eventTitle: string) => string;
  icsSessionTitle: (number: number, title: string) => string;
  /** A series row of a registration waiting for a session: the session waited for, and the one held meanwhile (or none). */
  waitingFor: (session: string, meanwhile: string | null, place: number | null) => string;
  /** A series row of a series skipped. */
  noSession: string;
  /** Instead of intro and subject for a promotion off, or a bump from, one session's waiting list. */
  sessionIntro: { promoted: (number: number) => string; bumped: (number: number) => string };
  sessionSubject: { promoted: (number: number, eventTitle: string) => string; bumped: (number: number, eventTitle: string) => string };
}

const nl: MailCatalogue = {
  lang: 'nl',
  locale: 'nl-BE',
  waitingFor: (session, meanwhile, place) => `op de wachtlijst voor ${session}${place === null ? '' : ` (plaats ${place})`}; intussen ${meanwhile ?? 'geen andere sessie'}`,
  noSession: 'geen sessie',
  sessionIntro: {
    promoted: (n) => `Goed nieuws: er is een plaats vrijgekomen in sessie ${n}. Je bent nu ingeschreven voor sessie ${n}; een sessie die je intussen volgde in die reeks, is vrijgegeven. Hieronder wat je nu hebt.`,
    bumped: (n) =>
      `Door strengere coronaregels moest het aantal plaatsen in sessie ${n} verlaagd worden. Volgens het LIFO-principe (last in, first out) vervalt je plaats in sessie ${n}; je plaats op de dag en je andere sessies blijven. Je staat nu op de wachtlijst voor sessie ${n}: komt er opnieuw plaats vrij, dan schuif je automatisch door.`,
  },
  sessionSubject: {
    promoted: (n, t) => `Er is een plaats vrijgekomen in sessie ${n}: ${t}`,
    bumped: (n, t) => `Je plaats in sessie ${n} is vervallen: ${t}`,
  },
  subject: {
    confirmation: (t) => `Bevestiging van je inschrijving: ${t}`,
    waitlisted: (t) => `Je staat op de wachtlijst: ${t}`,
    session_changed: (t) => `Je sessiekeuze is gewijzigd: ${t}`,
    cancelled: (t) => `Je inschrijving is geannuleerd: ${t}`,
    bumped: (t) => `Je plaats is vervallen, je staat op de wachtlijst: ${t}`,
    promoted: (t) => `Er is een plaats vrijgekomen, je bent ingeschreven: ${t}`,
    details_changed: (t) => `Je inschrijving is aangepast: ${t}`,
    old_email_notice: (t) => `Het e-mailadres van je inschrijving is gewijzigd: ${t}`,
    reminder: (t) => `Herinnering: binnenkort is het zover, ${t}`,
    data_export: (t) => `Je gegevens bij de inschrijving: ${t}`,
    organiser_message: (t) => `Bericht van de organisatie: ${t}`,
  },
  greeting: (firstName) => `Beste ${firstName},`,
  intro: {
    confirmation: 'Bedankt voor je inschrijving. Je plaats is bevestigd. Hieronder vind je een overzicht van alle gegevens die je ingevuld hebt.',
    waitlisted: 'De zaal zit vol. Je staat op de wachtlijst: komt er een plaats vrij, dan schrijven we je automatisch in en laten we het je weten.',
    session_changed: 'Je sessiekeuze is gewijzigd. Dit is wat er veranderde en wat je nu hebt.',
    cancelled: 'Je inschrijving is geannuleerd. Je plaats is vrijgegeven voor iemand anders.',
    bumped:
      'Door strengere coronaregels moest het aantal plaatsen verlaagd worden. Volgens het LIFO-principe (last in, first out) vervalt je plaats. Je staat nu op de wachtlijst: komt er opnieuw plaats vrij, dan schrijven we je automatisch in.',
    promoted: 'Goed nieuws: er is een plaats vrijgekomen. Je bent nu ingeschreven voor de sessies hieronder.',
    details_changed: 'Je inschrijving is aangepast. Hieronder zie je wat er veranderde en al je gegevens zoals ze nu zijn.',
    old_email_notice:
      'Het e-mailadres van je inschrijving is gewijzigd. Berichten over je inschrijving gaan vanaf nu naar het nieuwe adres; naar dit adres sturen we er geen meer.',
    reminder: 'Binnenkort is het zover. Hieronder vind je nog eens je sessies en de zalen, en in de bijlage het agenda-bestand.',
    data_export: 'Je vroeg welke gegevens we over je bijhouden. Je vindt ze allemaal in het bijgevoegde bestand (JSON).',
    organiser_message: 'De organisatie stuurt je dit bericht over de dag:',
  },
  overviewHeading: 'Je gegevens',
  nowHoldingHeading: 'Je inschrijving nu',
  changedHeading: 'Wat er veranderde',
  previously: 'Voordien',
  now: 'Nu',
  fields: {
    name: 'Naam',
    email: 'E-mail',
    phone: 'Telefoon',
    organisation: 'Organisatie',
    organisationType: 'Soort organisatie',
    book: 'Boek',
    shippingAddress: 'Verzendadres',
    reference: 'Referentie',
    status: 'Status',
  },
  organisationTypes: {
    local_government: 'Lokaal bestuur',
    social_economy: 'Sociale-economiebedrijf',
    other: 'Andere (overheidsdienst, bedrijf, vereniging, ...)',
  },
  status: { confirmed: 'Ingeschreven', waitlisted: 'Op de wachtlijst', cancelled: 'Geannuleerd' },
  seriesLabel: (id) => `Reeks ${id}`,
  session: (s) => `sessie ${s.number}, ${s.title} (${s.time}, ${s.room})`,
  bookOrdered: (title, price) => `Ja, "${title}" (${price})`,
  noBook: 'Geen boek besteld',
  eventHeading: 'Praktisch',
  eventWhen: (date, hours) => `${date}, ${hours}`,
  eventWhenLabel: 'Wanneer',
  eventWhere: 'Waar',
  manageHeading: 'Iets wijzigen of annuleren?',
  manage:
    'Stuur "mijn inschrijving" naar de inschrijvingsbot, in hetzelfde kanaal waarin je je inschreef. Daar kan je je sessiekeuze wijzigen, het boek bestellen of afbestellen, je e-mailadres wijzigen of je inschrijving annuleren.',
  manageByOther:
    'Iemand anders schreef je in via de inschrijvingsbot; wie je inschreef, kan daar je sessiekeuze, het boek of je e-mailadres wijzigen of je inschrijving annuleren. Of mail de organisatie.',
  contact: (address) => `Vragen? Mail de organisatie op ${address}.`,
  notYou: (address) => `Heb je dit niet zelf gevraagd, of klopt er iets niet? Mail dan meteen naar ${address}.`,
  calendarHint: 'In de bijlage vind je een agenda-bestand (.ics) met de dag en je sessies.',
  cannotComeHeading: 'Kan je toch niet komen?',
  cannotComeLink: 'Laat het ons weten, dan geven we je plaats aan iemand op de wachtlijst:',
  cannotComeLinkLabel: 'ik kan toch niet komen',
  cannotComeChat: 'Stuur "ik kan toch niet komen" naar de inschrijvingsbot, dan geven we je plaats aan iemand op de wachtlijst.',
  dataExportHint:
    'We bewaren je gegevens voor de contactopsporing, je bevestiging en de levering van het boek, en wissen ze na het evenement. Stuur "verwijder mijn gegevens" naar de inschrijvingsbot om ze nu al te laten wissen.',
  signOff: {
    confirmation: 'Tot dan!',
    waitlisted: 'Tot dan!',
    session_changed: 'Tot dan!',
    cancelled: 'Jammer dat je er niet bij kunt zijn. Hopelijk tot een volgende keer!',
    bumped: 'Tot dan!',
    promoted: 'Tot dan!',
    details_changed: 'Tot dan!',
    old_email_notice: 'Met vriendelijke groeten, de organisatie.',
    reminder: 'Tot binnenkort!',
    data_export: 'Met vriendelijke groeten, de organisatie.',
    organiser_message: 'Tot dan!',
  },
  icsDayTitle: (t) => t,
  icsSessionTitle: (n, t) => `Sessie ${n}: ${t}`,
};

const en: MailCatalogue = {
  lang: 'en',
  locale: 'en-GB',
  waitingFor: (session, meanwhile, place) => `on the waiting list for ${session}${place === null ? '' : ` (place ${place})`}; meanwhile ${meanwhile ?? 'no other session'}`,
  noSession: 'no session',
  sessionIntro: {
    promoted: (n) => `Good news: a place came free in session ${n}. You are now registered for session ${n}; a session you attended meanwhile in that series has been released. Below is what you have now.`,
    bumped: (n) =>
      `Stricter coronavirus rules meant the number of places in session ${n} had to be lowered. Under the LIFO principle (last in, first out) your place in session ${n} lapses; your place at the event and your other sessions stay. You are now on the waiting list for session ${n}: when a place comes free again, you move up automatically.`,
  },
  sessionSubject: {
    promoted: (n, t) => `A place came free in session ${n}: ${t}`,
    bumped: (n, t) => `Your place in session ${n} has lapsed: ${t}`,
  },
  subject: {
    confirmation: (t) => `Your registration is confirmed: ${t}`,
    waitlisted: (t) => `You are on the waiting list: ${t}`,
    session_changed: (t) => `Your choice of sessions has changed: ${t}`,
    cancelled: (t) => `Your registration is cancelled: ${t}`,
    bumped: (t) => `Your place has lapsed, you are on the waiting list: ${t}`,
    promoted: (t) => `A place came free, you are registered: ${t}`,
    details_changed: (t) => `Your registration has been updated: ${t}`,
    old_email_notice: (t) => `The e-mail address of your registration has changed: ${t}`,
    reminder: (t) => `Reminder: ${t} is coming up`,
    data_export: (t) => `Your data from the registration: ${t}`,
    organiser_message: (t) => `A message from the organisers: ${t}`,
  },
  greeting: (firstName) => `Dear ${firstName},`,
  intro: {
    confirmation: 'Thank you for registering. Your place is confirmed. Below is an overview of everything you entered.',
    waitlisted: 'The venue is full. You are on the waiting list: when a place comes free we register you automatically and let you know.',
    session_changed: 'Your choice of sessions has changed. This is what changed and what you hold now.',
    cancelled: 'Your registration is cancelled. Your place has been released for someone else.',
    bumped:
      'Stricter COVID rules made us lower the number of places. Following the LIFO rule (last in, first out) your place has lapsed. You are now on the waiting list: when a place comes free again we register you automatically.',
    promoted: 'Good news: a place came free. You are now registered for the sessions below.',
    details_changed: 'Your registration has been updated. Below is what changed and all your details as they are now.',
    old_email_notice:
      'The e-mail address of your registration has been changed. Messages about your registration now go to the new address; we will send no more to this one.',
    reminder: 'The day is nearly here. Below are your sessions and their rooms once more, and the calendar file is attached.',
    data_export: 'You asked which data we keep about you. It is all in the attached file (JSON).',
    organiser_message: 'The organisers send you this message about the day:',
  },
  overviewHeading: 'Your details',
  nowHoldingHeading: 'Your registration now',
  changedHeading: 'What changed',
  previously: 'Before',
  now: 'Now',
  fields: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    organisation: 'Organisation',
    organisationType: 'Type of organisation',
    book: 'Book',
    shippingAddress: 'Shipping address',
    reference: 'Reference',
    status: 'Status',
  },
  organisationTypes: {
    local_government: 'Local government',
    social_economy: 'Social economy enterprise',
    other: 'Other (public service, company, association, ...)',
  },
  status: { confirmed: 'Registered', waitlisted: 'On the waiting list', cancelled: 'Cancelled' },
  seriesLabel: (id) => `Series ${id}`,
  session: (s) => `session ${s.number}, ${s.title} (${s.time}, ${s.room})`,
  bookOrdered: (title, price) => `Yes, "${title}" (${price})`,
  noBook: 'No book ordered',
  eventHeading: 'Practical',
  eventWhen: (date, hours) => `${date}, ${hours}`,
  eventWhenLabel: 'When',
  eventWhere: 'Where',
  manageHeading: 'Want to change or cancel?',
  manage:
    'Send "my registration" (or "mijn inschrijving") to the registration bot, in the same channel you registered in. There you can change your sessions, order or cancel the book, change your e-mail address or cancel your registration.',
  manageByOther:
    'Someone else registered you through the registration bot; whoever registered you can change your sessions, the book or your e-mail address there, or cancel. Or e-mail the organisers.',
  contact: (address) => `Questions? E-mail the organisers at ${address}.`,
  notYou: (address) => `Did you not ask for this, or is something wrong? Please e-mail ${address} straight away.`,
  calendarHint: 'The attached calendar file (.ics) holds the day and your sessions.',
  cannotComeHeading: "Can't make it after all?",
  cannotComeLink: 'Let us know and we will give your place to someone on the waiting list:',
  cannotComeLinkLabel: "I can't come after all",
  cannotComeChat: 'Send "I can\'t come" to the registration bot and we will give your place to someone on the waiting list.',
  dataExportHint:
    'We keep your data for contact tracing, your confirmation and the delivery of the book, and delete it after the event. Send "delete my data" to the registration bot to have it deleted now.',
  signOff: {
    confirmation: 'See you there!',
    waitlisted: 'See you there!',
    session_changed: 'See you there!',
    cancelled: "We're sorry you can't make it. We hope to see you another time!",
    bumped: 'See you there!',
    promoted: 'See you there!',
    details_changed: 'See you there!',
    old_email_notice: 'Kind regards, the organisers.',
    reminder: 'See you soon!',
    data_export: 'Kind regards, the organisers.',
    organiser_message: 'See you there!',
  },
  icsDayTitle: (t) => t,
  icsSessionTitle: (n, t) => `Session ${n}: ${t}`,
};

/** The catalogues by language; Dutch is the default. */
export const mailCatalogues: Record<Language, MailCatalogue> = { nl, en };
