import type { FieldProblem, OrganisationType } from '../../core/index.ts';
import { channelNl } from './channel-nl.ts';
import { noticesNl } from './notices-nl.ts';
import { ownNl } from './own-nl.ts';
import { privacyNl } from './privacy-nl.ts';
import { readingNl } from './reading-nl.ts';
import { seatsNl } from './seats-nl.ts';
import type { FormField } from '../form-field-ids.ts';

export type { FormField } from '../form-field-ids.ts';

/** The Dutch catalogue; its shape is the type every other catalogue must match. */
export const nl = {
  locale: 'nl-BE',
  menu: {
    register: 'Inschrijven',
    myRegistration: 'Mijn inschrijving',
    programme: 'Programma',
    help: 'Help',
    otherLanguage: 'English',
  },
  greeting: (title: string, when: string, venue: string) =>
    `Hallo! Ik ben Balie, de inschrijvingsbalie van de *${title}* (${when}, ${venue}). Waarmee kan ik je helpen?`,
  menuPrompt: 'Waarmee kan ik je helpen?',
  anythingElse: 'Kan ik nog iets voor je doen?',
  idleHelp: (contact: string) =>
    'Bij mij kan je:\n- je *inschrijven* voor de netwerkdag\n- *je inschrijving* bekijken, een sessie wijzigen of annuleren\n' +
    '- vragen stellen over het *programma*, bv. "Wanneer is sessie 3?"\n' +
    '- zien wat ik over je bijhoud ("mijn gegevens"), of het laten wissen ("verwijder mijn gegevens")\n' +
    `Typ "English please" for English. Een mens spreken? Mail ${contact}.`,
  thanks: 'Graag gedaan!',
  goodbye: 'Oké, tot ziens! Typ gerust iets als je me nog nodig hebt.',
  dontKnow: (contact: string) => `Daar heb ik helaas geen antwoord op. Voor die vraag help je best ${contact} verder.`,
  emptyMessage: 'Ik kreeg een leeg bericht.',
  messageTooLong: (max: number) => `Dat bericht is te lang voor mij (meer dan ${max} tekens).`,
  staleChoice: 'Die knop hoort bij een eerdere vraag.',
  languageSwitched: 'Oké, we gaan verder in het Nederlands.',
  closed: (date: string, contact: string) =>
    `De inschrijvingen zijn afgesloten (dat kon tot en met ${date}). Inschrijven, wijzigen of annuleren kan niet meer via mij; mail daarvoor naar ${contact}.`,

  programmeIntro: (title: string, when: string, hours: string, venue: string) => `*${title}* – ${when}, ${hours}, ${venue}. Je kiest één sessie per reeks:`,
  programmeSeries: (name: string, time: string) => `*${name}* (${time})`,
  programmeSession: (number: number, title: string, room: string, seats: string) => `${number}. ${title} – ${room}, ${seats}`,
  programmeOutro: 'Vraag gerust meer over een sessie, bv. "Wie spreekt in sessie 2?"',
  askSession: (number: number) => `Meer over sessie ${number}`,
  askSessionQuestion: (number: number) => `sessie ${number}`,

  seatsLeft: (n: number) => (n === 1 ? 'nog 1 plaats vrij' : `nog ${n} plaatsen vrij`),
  full: 'volzet',
  sessionHint: (number: number, room: string, seats: string) => `sessie ${number} · ${room} · ${seats}`,
  currentChoice: 'je huidige keuze',

  formIntro: 'Fijn dat je erbij wilt zijn! Ik stel je een paar korte vragen. Typ gerust "terug", "stop" of "help".',
  formIntroOther: 'Dan schrijven we iemand anders in: geef hun gegevens, de bevestiging gaat naar hun e-mailadres. Typ gerust "terug", "stop" of "help".',
  notedForOtherSeries: (number: number, series: string) => `Sessie ${number} hoort bij ${series}; die heb ik voor die reeks genoteerd.`,
  fullInOtherSeries: (number: number, series: string) => `Sessie ${number} hoort bij ${series} en is volzet; daar vraag ik straks naar.`,
  venueFullIntro: (cap: number) => `Let op: alle ${cap} plaatsen zijn ingenomen. Je kunt je wel inschrijven op de wachtlijst; komt er een plaats vrij, dan schuif je door.`,
  sessionsNoted: (sessions: string[]) => `Je koos al: ${sessions.map((x) => `*${x}*`).join(' en ')}. Die heb ik genoteerd; in het overzicht kan je ze nog wijzigen.`,
  alreadyRegistered: (name: string) => `Je bent al ingeschreven als ${name}. Wil je je inschrijving bekijken, of iemand anders inschrijven?`,
  registerSomeoneElse: 'Iemand anders inschrijven',
  formHelp:
    'Ik vraag je gegevens, je keuze van sessies en of je het boek wilt. Typ "terug" voor de vorige vraag, ' +
    '"wijzig e-mail" (of een ander veld) om iets aan te passen, "stop" om te stoppen, of stel gewoon een vraag over het programma.',
  keep: (value: string) => `Zo laten: ${value}`,
  firstQuestion: 'Dit is de eerste vraag.',
  notYet: 'Daar komen we straks aan toe.',
  stopped: 'Oké, ik ben gestopt. Er is niets bewaard.',
  leftForm: 'Ik heb het invullen onderbroken; er is niets bewaard.',
  alreadyInForm: 'We zijn al bezig met je inschrijving.',
  pickOne: 'Kies een van de opties (je mag ook het nummer typen).',
  dontKnowInForm: (contact: string) => `Daar heb ik geen antwoord op (mail gerust ${contact}).`,
  lookedLikeEmailOwner: 'Met dit e-mailadres ben je al ingeschreven. Kijk bij "Mijn inschrijving".',

  prompts: {
    firstName: 'Wat is je naam? Je voornaam en achternaam, bv. Ann Peeters.',
    lastName: 'En je achternaam?',
    email: 'Wat is je e-mailadres? Daar sturen we de bevestiging naartoe.',
    phone: 'Op welk telefoonnummer kunnen we je bereiken? (We vragen het voor contactopvolging.)',
    organisation: 'Voor welke organisatie kom je? (overheidsdienst, bedrijf, vereniging, ...)',
    organisationType: 'Wat voor organisatie is dat?',
    book: (title: string, price: string) => `Wil je het boek *${title}* bestellen (${price})? We sturen het dan op.`,
    street: 'Naar welk adres mogen we het boek sturen? Geef straat en huisnummer, postcode en gemeente (bv. Provincieplein 1, 3010 Leuven).',
    postalCode: 'Postcode?',
    city: 'Gemeente?',
    country: 'Land?',
  } satisfies Record<FormField, unknown>,
  /** The questions that differ when registering a colleague (the others are the same). */
  promptsForColleague: {
    firstName: 'Wat is de naam van je collega? Voornaam en achternaam, bv. Ann Peeters.',
    lastName: 'En de achternaam van je collega?',
    email: 'Wat is het e-mailadres van je collega? Daar sturen we de bevestiging naartoe.',
    phone: 'Op welk telefoonnummer kunnen we je collega bereiken? (We vragen het voor contactopvolging.)',
    organisation: 'Voor welke organisatie komt je collega? (overheidsdienst, bedrijf, vereniging, ...)',
    book: (title: string, price: string) => `Wil je collega het boek *${title}* bestellen (${price})? We sturen het dan op.`,
  },
  summaryPromptColleague: 'Klopt alles? Dan schrijf ik je collega in.',
  examples: {
    firstName: 'Ann',
    lastName: 'Peeters',
    email: 'ann.peeters@voorbeeld.be',
    phone: '0470 12 34 56',
    organisation: 'Gemeente Leuven',
    organisationType: 'Lokaal bestuur',
    book: 'ja',
    street: 'Provincieplein 1',
    postalCode: '3010',
    city: 'Leuven',
    country: 'België',
  } satisfies Record<FormField, string>,
  /** Where a one-screen form asks a field differently from the chat (the chat asks the whole name, and the whole address, at once). */
  screenPrompts: { firstName: 'Je voornaam', lastName: 'Je achternaam', street: 'Straat en huisnummer (bv. Provincieplein 1)' } as Partial<Record<FormField, string>>,
  seriesName: (_id: number, name: string) => name,
  sessionPrompt: (series: string, time: string) => `Welke sessie kies je in *${series}* (${time})?`,
  fieldNames: {
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    email: 'E-mail',
    phone: 'Telefoon',
    organisation: 'Organisatie',
    organisationType: 'Soort organisatie',
    book: 'Boek',
    street: 'Straat en nummer',
    postalCode: 'Postcode',
    city: 'Gemeente',
    country: 'Land',
  } satisfies Record<FormField, string>,
  seriesFieldName: (series: string) => `Sessie in ${series.toLowerCase()}`,
  organisationTypes: {
    local_government: 'Lokaal bestuur',
    social_economy: 'Sociale-economiebedrijf',
    other: 'Andere stakeholder',
  } satisfies Record<OrganisationType, string>,
  yes: 'Ja',
  no: 'Nee',
  bookYes: (price: string) => `Ja, graag (${price})`,
  bookNo: 'Nee, dank je',

  problems: {
    empty: 'Ik kreeg geen antwoord.',
    too_short: 'Dat is te kort; typ het voluit.',
    too_long: 'Dat is te lang.',
    invalid_characters: 'Daar staan tekens in die ik niet kan gebruiken; gebruik gewone letters, cijfers en leestekens.',
    invalid_email: 'Dat lijkt geen geldig e-mailadres (bv. naam@voorbeeld.be).',
    invalid_phone: 'Dat telefoonnummer herken ik niet. Geef een Belgisch nummer (bv. 0470 12 34 56) of een internationaal (bv. +31 6 12345678).',
    invalid_postal_code: 'Dat is geen geldige postcode; een Belgische postcode heeft 4 cijfers (bv. 3010).',
    invalid_country: 'Dat land ken ik niet. Typ de naam van het land (bv. België, Nederland) of de landcode (bv. BE).',
    needs_house_number: 'Vergeet het huisnummer niet (bv. Provincieplein 1).',
  } satisfies Record<FieldProblem, string>,
  tooLongMax: (max: number) => `Dat is te lang (max. ${max} tekens).`,
  nameCharacters: 'Gebruik alleen letters, spaties, koppeltekens en apostrofs.',
  postalCodeCountry: (code: string, country: string) => `De postcode ${code} past niet bij ${country}. Geef de postcode opnieuw.`,
  postalCodeOf: (country: string) => `Dat is geen postcode van ${country}.`,
  fieldRequired: 'Vul dit in.',
  stuckText: (example: string, contact: string) => `Lukt het niet? Een voorbeeld: ${example}. Of mail ${contact}, dan helpen we je verder.`,
  stuckChoice: (choices: string, contact: string) => `Typ het nummer of een stukje van de naam. Je kan kiezen uit:\n${choices}\nLukt het niet? Mail ${contact}.`,
  confirmStop: 'Wil je echt stoppen? Wat je invulde gaat verloren.',
  stopYes: 'Ja, stoppen',
  stopNo: 'Nee, verder invullen',
  notStopped: 'Oké, we gaan verder.',
  about: (title: string) => `Ik ben Balie, de digitale inschrijvingsbalie van de *${title}*: bij mij kan je je inschrijven, je inschrijving wijzigen en vragen stellen over het programma.`,
  languagesSpoken: 'Sorry, ik spreek alleen Nederlands en Engels. / Sorry, I only speak Dutch and English.',
  notedFields: (fields: string[]) => `Genoteerd: ${fields.join(', ')}.`,
  changedTo: (field: string, value: string) => `Oké, ${field.toLowerCase()} is nu: ${value}.`,
  fullNamedAtStart: (number: number, title: string) => `Sessie ${number} (*${title}*) is volzet; bij die reeks kan je kiezen voor de wachtlijst of een andere sessie.`,
  sessionOfAnsweredSeries: (number: number, series: string) => `Sessie ${number} hoort bij ${series}, waar je al een sessie koos (typ "toch sessie ${number}" om die te wijzigen).`,
  formTitle: (title: string) => `Inschrijven voor de ${title}`,
  formScreenIntro: (price: string) => `Vul je gegevens in, kies een sessie per reeks en zeg of je het boek wilt${price ? ` (${price})` : ''}. Je krijgt een bevestiging per e-mail.`,
  waitlistField: 'Wachtlijst',
  waitlistFieldPrompt: 'Is een gekozen sessie volzet, wil je dan op de wachtlijst?',
  venueFullInForm: (cap: number) => `Alle ${cap} plaatsen zijn ingenomen; kies de wachtlijst om je toch in te schrijven.`,
  sessionFullInForm: (number: number) => `Sessie ${number} is volzet. Kies een andere sessie, of de wachtlijst voor deze sessie.`,
  formHasMistakes: 'Nog niet alles is in orde; er is niets ingeschreven:',

  fullOffer: (number: number, title: string) => `Sessie ${number} (*${title}*) is volzet. Wil je op de wachtlijst, of kies je een andere sessie?`,
  fullMeanwhile: (number: number, title: string) => `Sessie ${number} (*${title}*) is intussen volzet geraakt.`,
  joinWaitlist: 'Op de wachtlijst',
  summaryPrompt: 'Klopt alles? Dan schrijf ik je in.',
  summaryWaitlist: 'Je komt op de *wachtlijst*: zodra er een plaats vrijkomt, schuif je door en laten we het je weten.',
  confirm: 'Ja, inschrijven',
  change: 'Iets wijzigen',
  stop: 'Stoppen',
  pickField: 'Wat wil je wijzigen?',
  factWaitlist: 'Wachtlijst',
  factAddress: 'Verzendadres',
  factName: 'Naam',
  factStatus: 'Status',
  factCheckinCode: 'Check-in code (toon hem aan de ingang)',
  statusConfirmed: 'ingeschreven',
  statusWaitlisted: 'op de wachtlijst',
  bookOrdered: (price: string) => `ja (${price})`,
  bookNotOrdered: 'nee',

  registered: (email: string) => `Je bent ingeschreven! Je krijgt een bevestiging met een overzicht op ${email}. Tot op de netwerkdag!`,
  registeredWaitlisted: (email: string) =>
    `Je staat op de wachtlijst. Komt er een plaats vrij, dan schuif je automatisch door en laten we het je weten. Je krijgt een bevestiging op ${email}.`,
  emailTaken: (email: string) =>
    `Met ${email} is al iemand ingeschreven (één inschrijving per e-mailadres). Was jij dat, kijk dan bij "Mijn inschrijving". Of geef een ander e-mailadres.`,
  venueFullMeanwhile: (cap: number) => `Intussen zijn alle ${cap} plaatsen ingenomen. Wil je op de wachtlijst?`,
  somethingWentWrong: 'Er ging iets mis; probeer het nog eens.',

  detailsByMail: (contact: string) =>
    `Je naam, telefoonnummer of organisatie pas ik hier niet aan: mail daarvoor ${contact}. Een sessie, het boek of je e-mailadres wijzigen, of annuleren, kan wel hier.`,
  noRegistration: (contact: string) => `Ik vind geen inschrijving van jou via dit kanaal, dus er is nog niets te wijzigen of te annuleren. Schrijf je je hier in, dan kan je later via *Mijn inschrijving* een sessie wijzigen of annuleren. Schreef je je elders in, mail dan ${contact}.`,
  viewConfirmed: (title: string, when: string) => `Je bent ingeschreven voor de *${title}* (${when}).`,
  viewWaitlisted: (title: string) => `Je staat op de *wachtlijst* voor de ${title}. Komt er een plaats vrij, dan schuif je automatisch door en krijg je bericht.`,
  changeSession: 'Sessie wijzigen',
  cancelRegistration: 'Inschrijving annuleren',
  backToMenu: 'Terug naar het menu',
  pickSeries: 'In welke reeks wil je een andere sessie?',
  pickNewSession: (series: string, time: string) => `Welke sessie wil je in *${series}* (${time})?`,
  sessionFullPickOther: (number: number) => `Sessie ${number} is volzet; kies een andere.`,
  alreadyYourSession: (number: number) => `Sessie ${number} is al je keuze.`,
  sessionChanged: (series: string, number: number, title: string, previous: number) =>
    `Gewijzigd: in ${series.toLowerCase()} volg je nu sessie ${number} (*${title}*) in plaats van sessie ${previous}. Je krijgt een bevestiging per e-mail.`,
  sessionChangedWaitlisted: (series: string, number: number, title: string, previous: number) =>
    `Gewijzigd: in ${series.toLowerCase()} wacht je nu op sessie ${number} (*${title}*) in plaats van sessie ${previous}.`,
  confirmCancel: 'Wil je je inschrijving echt annuleren? Je plaatsen komen dan vrij voor iemand anders.',
  cancelYes: 'Ja, annuleren',
  cancelNo: 'Nee, toch niet',
  cancelled: 'Je inschrijving is geannuleerd; je krijgt nog een bevestiging per e-mail. Jammer dat je er niet bij kunt zijn!',
  notCancelled: 'Oké, je inschrijving blijft staan.',
  registrationGone: 'Ik vind je inschrijving niet meer; misschien werd ze al geannuleerd.',

  registeredOther: (name: string, email: string) =>
    `${name} is ingeschreven! De bevestiging met een overzicht gaat naar ${email}. Je vindt de inschrijving terug bij *Mijn inschrijving*.`,
  registeredOtherWaitlisted: (name: string, email: string) =>
    `${name} staat op de wachtlijst. Komt er een plaats vrij, dan schuift ${name} automatisch door. De bevestiging gaat naar ${email}.`,
  andList: (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`),
  noRegistrationClosed: (date: string, contact: string) =>
    `Ik vind geen inschrijving van jou via dit kanaal. De inschrijvingen zijn afgesloten (dat kon tot en met ${date}); met vragen kan je terecht bij ${contact}.`,
  closedForChanges: (date: string, contact: string, canCancel: boolean) =>
    canCancel
      ? `De inschrijvingen zijn afgesloten (dat kon tot en met ${date}), dus wijzigen kan niet meer via mij; mail daarvoor naar ${contact}. Annuleren kan nog: dan gaat je plaats naar de wachtlijst.`
      : `De inschrijvingen zijn afgesloten (dat kon tot en met ${date}), dus wijzigen of annuleren kan niet meer via mij. Mail daarvoor naar ${contact}.`,
  viewOther: (name: string, title: string, when: string) => `Dit is de inschrijving van *${name}* voor de *${title}* (${when}).`,
  viewOtherWaitlisted: (name: string, title: string) => `*${name}* staat op de *wachtlijst* voor de ${title}.`,
  alsoRegistered: (names: string) => `Je schreef ook in: ${names}. Kies een naam om die inschrijving te bekijken of te wijzigen.`,
  noOwnRegistration: (names: string) => `Je hebt zelf geen inschrijving via dit kanaal, maar je schreef wel in: ${names}.`,
  noColleagueRegistration: 'Ik vind geen inschrijving die je voor iemand anders maakte.',
  pickRegistration: 'Over wiens inschrijving gaat het?',
  ownRegistration: 'Mijn eigen inschrijving',
  orderBook: 'Boek bestellen',
  cancelBook: 'Boek afbestellen',
  changeEmail: 'E-mailadres wijzigen',
  confirmCancelOther: (name: string) => `Wil je de inschrijving van ${name} echt annuleren? De plaatsen komen dan vrij voor iemand anders.`,
  cancelledOther: (name: string) => `De inschrijving van ${name} is geannuleerd; de bevestiging gaat naar hun e-mailadres.`,
  notCancelledOther: (name: string) => `Oké, de inschrijving van ${name} blijft staan.`,
  sessionChangedOther: (name: string, series: string, number: number, title: string, previous: number) =>
    `Gewijzigd: in ${series.toLowerCase()} volgt ${name} nu sessie ${number} (*${title}*) in plaats van sessie ${previous}. De bevestiging gaat naar hun e-mailadres.`,
  sessionChangedOtherWaitlisted: (name: string, series: string, number: number, title: string, previous: number) =>
    `Gewijzigd: in ${series.toLowerCase()} wacht ${name} nu op sessie ${number} (*${title}*) in plaats van sessie ${previous}.`,
  askNewEmail: 'Wat is het nieuwe e-mailadres? Daar sturen we voortaan alles naartoe.',
  askNewEmailOther: (name: string) => `Wat is het nieuwe e-mailadres van ${name}? Daar sturen we voortaan alles naartoe.`,
  sameEmail: 'Dat is al het e-mailadres van deze inschrijving.',
  confirmEmail: (from: string, to: string) =>
    `Het e-mailadres wordt *${to}* in plaats van ${from}. We sturen een bevestiging naar ${to} en een kort bericht naar ${from}. Klopt dat?`,
  emailChanged: (to: string) => `Het e-mailadres is gewijzigd: voortaan gaat alles naar ${to}. Daar komt nu een bevestiging; het oude adres krijgt een kort bericht.`,
  emailTakenOnChange: (email: string) => `Met ${email} is al iemand anders ingeschreven (één inschrijving per e-mailadres). Geef een ander e-mailadres, of typ "terug".`,
  bookIntro: (title: string, price: string) => `Het boek *${title}* kost ${price}; we sturen het op.`,
  forPerson: (name: string) => `Voor *${name}*:`,
  askStreet: 'Naar welk adres mogen we het boek sturen? Eerst straat en huisnummer.',
  askPostalCode: 'Postcode?',
  askCity: 'Gemeente?',
  askCountry: 'Land?',
  confirmBook: (title: string, price: string, address: string) => `Zal ik het boek *${title}* (${price}) bestellen, te versturen naar ${address}?`,
  confirmAddress: (address: string) => `Zal ik het boek voortaan naar ${address} sturen?`,
  confirmNoBook: (title: string) => `Wil je het boek *${title}* afbestellen?`,
  yesChange: 'Ja, graag',
  noKeep: 'Nee, zo laten',
  bookOrderedNow: (address: string) => `Het boek is besteld en wordt verstuurd naar ${address}. Er komt een bevestiging per e-mail.`,
  addressChanged: (address: string) => `Het boek gaat nu naar ${address}. Er komt een bevestiging per e-mail.`,
  bookCancelled: 'Het boek is afbesteld. Er komt een bevestiging per e-mail.',
  alreadyBook: (address: string) => `Het boek is al besteld (verzendadres: ${address}). Typ "wijzig adres" voor een ander adres, of "geen boek" om het af te bestellen.`,
  noBookOrdered: 'Er is geen boek besteld, dus er is niets af te bestellen.',
  noBookOffered: 'Bij deze dag hoort geen boek om te bestellen.',
  notChanged: 'Oké, er is niets gewijzigd.',
  turnBusy: 'Ik ben je vorige bericht nog aan het verwerken. Probeer het zo meteen opnieuw.',
  turnFailed: 'Sorry, er ging iets mis aan mijn kant. Er is niets gewijzigd; probeer het zo meteen opnieuw.',
  notices: noticesNl,
  own: ownNl,
  privacy: privacyNl,
  seats: seatsNl,
  channel: channelNl,
  reading: readingNl,
};

/** The shape every catalogue has. */
export type Messages = typeof nl;
