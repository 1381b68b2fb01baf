/**
 * What the form says when an answer is read as something else than what was asked: a yes or a
 * greeting typed as a name, a sentence as an organisation, a likely typo in an e-mail domain, a
 * person who does not know what to do. Nested in the catalogue as `reading`.
 */
export const readingNl = {
  notAName: 'Dat lijkt me geen naam.',
  notAnOrganisation: 'Dat lijkt me geen naam van een organisatie. Typ de naam, bv. Gemeente Leuven (werk je als zelfstandige, typ dan "zelfstandige").',
  sameOrganisationUnknown: 'Ik weet niet welke organisatie je bedoelt; typ de naam voluit, bv. Gemeente Leuven.',
  selfEmployed: 'Zelfstandige',
  emailTypo: (suggestion: string) => `Bedoel je *${suggestion}*?`,
  emailTypoYes: (suggestion: string) => `Ja, ${suggestion}`,
  emailTypoNo: (typed: string) => `Nee, ${typed} klopt`,
  /** Said before the question again to someone who asks what to do ("sorry, wat moet ik nu doen?", "hallo?"). */
  whatNow: (who: string, purpose: string, example: string) =>
    `${who} en stel daarvoor een paar korte vragen. ${purpose} Typ gewoon je antwoord op de vraag hieronder, bv. ${example}. "terug" brengt je naar de vorige vraag, "stop" stopt.`,
  whatNowChoice: (who: string, purpose: string) =>
    `${who} en stel daarvoor een paar korte vragen. ${purpose} Kies hieronder een antwoord (of typ het). "terug" brengt je naar de vorige vraag, "stop" stopt.`,
  registering: 'Ik schrijf je in voor de netwerkdag',
  registeringColleague: 'Ik schrijf je collega in voor de netwerkdag',
  sorryIntro: 'Geen probleem!',
  hereIntro: 'Ik ben er!',
  whyPrefix: 'Goede vraag.',
  /** Why a question is asked ("waarom wil je mijn naam?"), per field. */
  why: {
    name: 'Je naam staat op je inschrijving en in de bevestiging.',
    email: 'Naar je e-mailadres sturen we de bevestiging en eventuele wijzigingen.',
    phone: 'Je telefoonnummer vragen we voor contactopvolging.',
    organisation: 'Zo weten de organisatoren uit welke organisaties de deelnemers komen.',
    session: 'Je kiest één sessie per reeks; de sessies van een reeks lopen tegelijk.',
    book: 'Het boek is niet verplicht; "nee" is ook goed.',
    address: 'Het adres gebruiken we alleen om het boek op te sturen.',
    summary: 'Klopt alles, kies dan "Ja, inschrijven"; anders "Iets wijzigen".',
  },
};
