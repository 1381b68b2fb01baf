import { normalise } from './choices.ts';
import type { ManageIntent } from './state.ts';

// Questions after registering that only the person's own registration answers: "ik heb geen
// bevestigingsmail gekregen", "heb ik een boek besteld?", "wat zijn mijn sessies?".

const mailWord = /\b(?:bevestiging\w*|mail|mailtje|e mail|email|confirmation|confirmation mail|confirmation email)\b/u;
const notWord = /\b(?:niet|geen|nooit|not|no|never|didn t|did not|haven t|have not|hasn t|nothing)\b/u;
const receivedWord = /\b(?:gekregen|ontvangen|gehad|binnen|aangekomen|toegekomen|receive|received|get|got|arrived|come)\b/u;
const againWord = /\b(?:opnieuw|nog eens|nogmaals|terug|again|resend|re send)\b/u;
const sendWord = /\b(?:stuur|sturen|stuurt|verstuur|versturen|zend|zenden|send|sent|resend|mail)\b/u;
const bookWord = /\b(?:boek|book)\b/u;
const haveI = /\b(?:heb ik|had ik|ben ik|have i|did i|is my|is er)\b/u;
const orderedWord = /\b(?:besteld|bestelling|ordered|order)\b/u;
const ownChoices = /\b(?:wat zijn mijn|welke zijn mijn|what are my|show me my|toon mijn|geef mijn)\b|^(?:mijn|my) (?:sessies|sessions|keuzes|choices)$/u;

const nameWord = /\b(?:naam|voornaam|achternaam|familienaam|name|first name|last name|surname)\b/u;
const nameChange = /\b(?:wijzig\w*|verander\w*|aanpassen|pas|corrigeer\w*|verbeter\w*|typfout|tikfout|schrijffout|fout|verkeerd|change|correct|fix|typo|wrong|misspelled|spelled)\b/u;
const newName = /\b(?:ik heet nu|ik heet eigenlijk|mijn naam is nu|my name is now|i m now called|my new name)\b/u;

/** Whether a message asks which sessions or details one chose ("wat zijn mijn sessies?", "what did I choose?"). */
export function asksOwnChoices(text: string): boolean {
  const n = normalise(text);
  return ownChoices.test(n) && /\b(?:sessies?|sessions?|keuzes?|choices?|workshops?|gegevens|details)\b/u.test(n);
}

/** "ik heb geen bevestigingsmail gekregen", "heb ik een boek besteld?", "typfout in mijn naam": the wish, or null. */
export function ownRegistrationAsk(text: string): Extract<ManageIntent, 'resend' | 'bookStatus' | 'changeName'> | null {
  const n = normalise(text);
  if (n.length === 0 || n.length > 200) return null;
  if (mailWord.test(n) && ((notWord.test(n) && receivedWord.test(n)) || (againWord.test(n) && sendWord.test(n)))) return 'resend';
  if (bookWord.test(n) && haveI.test(n) && orderedWord.test(n)) return 'bookStatus';
  if ((nameWord.test(n) && nameChange.test(n)) || newName.test(n)) return 'changeName';
  return null;
}
