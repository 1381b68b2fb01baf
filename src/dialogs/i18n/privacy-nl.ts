/**
 * What Balie says about the personal data it keeps ("mijn gegevens", "verwijder mijn gegevens").
 * Nested in the catalogue as `privacy`; its shape is the type the English one must match.
 */
export const privacyNl = {
  shownIntro: 'Dit is alles wat ik over je bijhoud:',
  ownHeading: 'Je inschrijving',
  registeredAt: 'Ingeschreven op',
  forOthers: (names: string): string => `Je schreef ook in: ${names}. Die gegevens horen bij hen; ik toon ze hier niet.`,
  alsoKept: (channel: string): string =>
    `Verder onthoud ik dit gesprek (waar we zijn, je taal) en hoe ik je via ${channel} een bericht stuur, en bewaar ik de mails en berichten over je inschrijving. Waarom: de contactopsporing, je bevestiging en het boek. Alles wordt gewist na het evenement.`,
  nothingRegistered: 'Ik heb geen inschrijving van je. Ik onthoud alleen dit gesprek en hoe ik je hier bereik.',
  mailed: (email: string): string => `Ik stuurde je dit ook als bestand (JSON) naar *${email}*.`,
  notMailed: 'Het bestand kon ik niet versturen: je inschrijving bestaat niet meer.',
  confirmErase: (hasRegistration: boolean): string =>
    hasRegistration
      ? 'Wil je echt al je gegevens laten verwijderen? Dan *annuleer* ik je inschrijving (je plaats gaat naar de wachtlijst), en wis ik je gegevens, dit gesprek en hoe ik je hier bereik. Dat kan niet ongedaan gemaakt worden.'
      : 'Wil je echt al je gegevens laten verwijderen? Dan wis ik dit gesprek en hoe ik je hier bereik.',
  eraseYes: 'Ja, verwijder alles',
  eraseNo: 'Nee, niets verwijderen',
  erased: (cancelled: boolean): string =>
    cancelled
      ? 'Gedaan: je inschrijving is geannuleerd en je plaats gaat naar de wachtlijst. Je naam, e-mail, telefoon en adres zijn gewist, ook uit de berichten die al verstuurd waren, net als dit gesprek en hoe ik je hier bereik.'
      : 'Gedaan: dit gesprek en hoe ik je hier bereik zijn gewist.',
  othersKept: 'De inschrijvingen die je voor anderen maakte, blijven staan; wil je die annuleren, doe dat dan eerst via "mijn inschrijving".',
  notErased: 'Goed, ik verwijder niets.',
};

/** The shape of every privacy catalogue. */
export type PrivacyMessages = typeof privacyNl;
