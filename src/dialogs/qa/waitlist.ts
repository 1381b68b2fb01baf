import { waitlistPlace, type Availability, type RegistrationRecord, type Waitlists } from '../../core/index.ts';
import { phrases } from './catalogue.ts';
import type { Language } from '../../core/index.ts';

// Questions about the waiting lists, answered from the live ledger (issue 13): "hoeveel mensen staan
// er op de wachtlijst voor sessie 4?" from the counters the turn read, and "sta ik nog op de
// wachtlijst?" from the asker's registration and, when it waits, the lists with its places.

const waitlistWord = /\b(?:wachtlijst(?:en)?|waiting ?lists?|waitlists?)\b/u;
const howMany = /\b(?:hoeveel|how many|aantal|number of)\b/u;
const aboutMe = /\b(?:sta ik|ben ik|staan wij|am i|are we|do i)\b/u;
const sessionNumber = /\b(?:sessie|session|workshop)\s*(\d{1,3})\b/u;

/** What the turn knows about the asker and the lists. */
export interface WaitlistFacts {
  availability: Availability;
  /** Absent: not known (not asked by a person in a chat); null: no registration. */
  myRegistration?: RegistrationRecord | null;
  waitlists?: Waitlists;
}

/** The answer lines to a waiting-list question, or null when `folded` (fold()ed text) is none. */
export function answerWaitlistQuestion(folded: string, lang: Language, facts: WaitlistFacts): string[] | null {
  if (!waitlistWord.test(folded)) return null;
  const p = phrases[lang];
  if (aboutMe.test(folded) && facts.myRegistration !== undefined) {
    const r = facts.myRegistration;
    if (!r) return [p.noRegistrationToWait];
    const place = (n: number | null) => (facts.waitlists ? waitlistPlace(facts.waitlists, r.id, n) : null);
    if (r.status === 'waitlisted') return [p.myWaitlists([p.myVenueWait(place(null))])];
    const lines = (r.waitingFor ?? []).map((n) => p.myWaitLine(n, place(n)));
    return [lines.length > 0 ? p.myWaitlists(lines) : p.notWaiting];
  }
  if (!howMany.test(folded)) return null;
  const { availability } = facts;
  const asked = sessionNumber.exec(folded);
  const seats = asked ? availability.sessions.find((s) => s.sessionNumber === Number(asked[1])) : undefined;
  if (seats) return [p.sessionWaitlist(seats.sessionNumber, seats.waiting ?? 0, seats.cap, Math.max(0, seats.cap - seats.taken))];
  if (asked) return null;
  const sessions = availability.sessions.filter((s) => (s.waiting ?? 0) > 0).map((s) => p.sessionWaiting(s.sessionNumber, s.waiting ?? 0));
  return [p.allWaitlists(availability.waitlistLength, sessions)];
}
