// Answers about one's own registration after registering (re-sent confirmation, book, name), and
// what the form holds so far.

/** The Dutch texts about one's own registration; their shape is the type of the English ones. */
export const ownNl = {
  resent: (email: string) => `Ik heb de bevestiging opnieuw gestuurd naar *${email}*. Zie je ze over enkele minuten niet, kijk dan ook in je map met ongewenste mail.`,
  resentOther: (name: string, email: string) => `Ik heb de bevestiging van ${name} opnieuw gestuurd naar *${email}*.`,
  bookOrdered: (address: string) => `Ja, je bestelde het boek. We sturen het naar ${address}.`,
  noBook: 'Nee, je bestelde geen boek. Wil je het toch? Typ dan "ik wil toch een boek".',
  nameByMail: (contact: string) => `Een naam pas ik hier niet aan. Mail de juiste naam naar ${contact}; de organisatoren passen je inschrijving dan aan.`,
  confirmColleague: 'Ja, schrijf mijn collega in',
  helloAgain: 'Hallo! Waarmee kan ik je helpen?',
  notUnderstood: "Dat begrijp ik niet. Kies hieronder wat je wil doen, of typ je vraag in een zin.",
  filledSoFar: 'Dit heb je tot nu toe ingevuld:',
  nothingFilledYet: 'Je hebt nog niets ingevuld.',
};

export type OwnMessages = typeof ownNl;
