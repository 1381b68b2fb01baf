import { hasOneSessionPerSeries, type EventData } from '../../src/core/index.ts';

// A deliberately naive second implementation of the ledger's rules, for model-based property
// tests: it recounts everything from the list of registrations on every question.

interface ModelRegistration {
  email: string;
  /** The address as typed (the ledger keeps it so; `email` is its lower-case key). */
  spelling: string;
  sessions: number[];
  status: 'confirmed' | 'waitlisted';
  seq: number;
  book: boolean;
}

/** What a command did, compared between the model and a real ledger. */
export type Outcome =
  | { ok: true; status?: 'confirmed' | 'waitlisted'; bumped: string[]; promoted: string[] }
  | { ok: false; reason: string; sessionNumbers?: number[] };

/** The ledger as a list of registrations in seq order and the caps. */
export class LedgerModel {
  venueCap: number;
  readonly caps: Map<number, number>;
  registrations: ModelRegistration[] = [];
  #nextSeq = 1;

  constructor(private readonly event: EventData) {
    this.venueCap = event.venueCap;
    this.caps = new Map(event.sessions.map((s) => [s.number, s.capacity]));
  }

  register(email: string, sessions: number[], waitlistIfFull: boolean): Outcome {
    if (!hasOneSessionPerSeries(this.event, sessions)) return { ok: false, reason: 'invalid_sessions' };
    if (this.#find(email)) return { ok: false, reason: 'email_taken' };
    const full = this.#confirmed().length >= this.venueCap ? 'venue' : sessions.filter((n) => !this.#hasSeat(n));
    const fits = full !== 'venue' && full.length === 0;
    if (!fits && !waitlistIfFull) {
      return full === 'venue' ? { ok: false, reason: 'venue_full' } : { ok: false, reason: 'session_full', sessionNumbers: full };
    }
    const status = fits ? 'confirmed' : 'waitlisted';
    this.registrations.push({ email: email.toLowerCase(), spelling: email, sessions, status, seq: this.#nextSeq++, book: false });
    return { ok: true, status, bumped: [], promoted: [] };
  }

  change(email: string | null, sessionNumber: number): Outcome {
    const registration = email ? this.#find(email) : undefined;
    if (!registration) return { ok: false, reason: 'not_found' };
    const session = this.event.sessions.find((s) => s.number === sessionNumber);
    if (!session) return { ok: false, reason: 'invalid_session' };
    const index = this.event.series.findIndex((s) => s.id === session.series);
    if (registration.sessions[index] === sessionNumber) return { ok: false, reason: 'unchanged' };
    if (registration.status === 'confirmed' && !this.#hasSeat(sessionNumber)) {
      return { ok: false, reason: 'session_full', sessionNumbers: [sessionNumber] };
    }
    registration.sessions = registration.sessions.map((n, i) => (i === index ? sessionNumber : n));
    const promoted = this.#promote();
    return { ok: true, status: registration.status, bumped: [], promoted };
  }

  cancel(email: string | null): Outcome {
    const registration = email ? this.#find(email) : undefined;
    if (!registration) return { ok: false, reason: 'not_found' };
    this.registrations = this.registrations.filter((r) => r !== registration);
    return { ok: true, bumped: [], promoted: this.#promote() };
  }

  /** A new address and/or a book order (one fixed shipping address) for the registration of `email`; seats never move. */
  updateDetails(email: string | null, details: { email?: string; book?: boolean }): Outcome {
    const registration = email ? this.#find(email) : undefined;
    if (!registration) return { ok: false, reason: 'not_found' };
    const sameEmail = details.email === undefined || details.email === registration.spelling;
    if (sameEmail && (details.book === undefined || details.book === registration.book)) return { ok: false, reason: 'unchanged' };
    const holder = details.email === undefined ? undefined : this.#find(details.email);
    if (holder && holder !== registration) return { ok: false, reason: 'email_taken' };
    if (details.email !== undefined) Object.assign(registration, { email: details.email.toLowerCase(), spelling: details.email });
    if (details.book !== undefined) registration.book = details.book;
    return { ok: true, status: registration.status, bumped: [], promoted: [] };
  }

  setVenueCap(cap: number): Outcome {
    this.venueCap = cap;
    const bumped: string[] = [];
    while (this.#confirmed().length > cap) bumped.push(this.#bumpLatest(this.#confirmed()));
    return { ok: true, bumped, promoted: this.#promote() };
  }

  setSessionCap(sessionNumber: number, cap: number): Outcome {
    if (!this.caps.has(sessionNumber)) return { ok: false, reason: 'invalid_session' };
    this.caps.set(sessionNumber, cap);
    const bumped: string[] = [];
    const holders = () => this.#confirmed().filter((r) => r.sessions.includes(sessionNumber));
    while (holders().length > cap) bumped.push(this.#bumpLatest(holders()));
    return { ok: true, bumped, promoted: this.#promote() };
  }

  /** "email:status:s1,s2:book" per registration in seq order. */
  lines(): string[] {
    return this.registrations.map((r) => `${r.email}:${r.status}:${r.sessions.join(',')}:${r.book}`);
  }

  #find(email: string): ModelRegistration | undefined {
    return this.registrations.find((r) => r.email === email.toLowerCase());
  }

  #confirmed(): ModelRegistration[] {
    return this.registrations.filter((r) => r.status === 'confirmed');
  }

  #hasSeat(sessionNumber: number): boolean {
    const cap = this.caps.get(sessionNumber) ?? 0;
    return this.#confirmed().filter((r) => r.sessions.includes(sessionNumber)).length < cap;
  }

  #bumpLatest(candidates: ModelRegistration[]): string {
    const latest = candidates.reduce((a, b) => (b.seq > a.seq ? b : a));
    latest.status = 'waitlisted';
    return latest.email;
  }

  #promote(): string[] {
    const promoted: string[] = [];
    for (const r of this.registrations) {
      if (r.status !== 'waitlisted') continue;
      if (this.#confirmed().length < this.venueCap && r.sessions.every((n) => this.#hasSeat(n))) {
        r.status = 'confirmed';
        promoted.push(r.email);
      }
    }
    return promoted;
  }
}
