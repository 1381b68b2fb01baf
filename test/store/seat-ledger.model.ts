import { isValidSeriesChoice, type EventData, type LedgerSnapshot } from '../../src/core/index.ts';

// A deliberately naive second implementation of the ledger's rules, for model-based property
// tests: it recounts everything from the list of registrations on every question.

interface ModelRegistration {
  email: string;
  /** The address as typed (the ledger keeps it so; `email` is its lower-case key). */
  spelling: string;
  sessions: number[];
  waitingFor: number[];
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

  /** The model of a real ledger's snapshot (caps and registrations), to predict what a command does to it. */
  static fromSnapshot(event: EventData, snapshot: LedgerSnapshot): LedgerModel {
    const model = new LedgerModel(event);
    model.venueCap = snapshot.availability.venueCap;
    for (const s of snapshot.availability.sessions) model.caps.set(s.sessionNumber, s.cap);
    model.registrations = snapshot.registrations.map((r) => ({
      email: r.email.toLowerCase(),
      spelling: r.email,
      sessions: [...r.sessions],
      waitingFor: [...(r.waitingFor ?? [])],
      status: r.status,
      seq: r.seq,
      book: r.book !== null,
    }));
    model.#nextSeq = Math.max(0, ...snapshot.registrations.map((r) => r.seq)) + 1;
    return model;
  }

  register(email: string, sessions: number[], waitlistIfFull: boolean, waitingFor: number[] = []): Outcome {
    if (!isValidSeriesChoice(this.event, sessions, waitingFor)) return { ok: false, reason: 'invalid_sessions' };
    if (this.#find(email)) return { ok: false, reason: 'email_taken' };
    const venueFull = this.#confirmed().length >= this.venueCap;
    if (venueFull && !waitlistIfFull) return { ok: false, reason: 'venue_full' };
    const plan = venueFull ? null : this.#plan(sessions, waitingFor, waitlistIfFull);
    if (plan && plan.full.length > 0) return { ok: false, reason: 'session_full', sessionNumbers: plan.full };
    const status = plan ? 'confirmed' : 'waitlisted';
    this.registrations.push({
      email: email.toLowerCase(),
      spelling: email,
      sessions: plan ? plan.sessions : sessions,
      waitingFor: plan ? plan.waitingFor : waitingFor,
      status,
      seq: this.#nextSeq++,
      book: false,
    });
    return { ok: true, status, bumped: [], promoted: [] };
  }

  change(email: string | null, sessionNumber: number): Outcome {
    const registration = email ? this.#find(email) : undefined;
    if (!registration) return { ok: false, reason: 'not_found' };
    const index = this.#seriesIndex(sessionNumber);
    if (index < 0) return { ok: false, reason: 'invalid_session' };
    return this.#setSeries(registration, index, sessionNumber, null);
  }

  changeSeries(email: string | null, seriesId: number, hold: number | null, wait: number | null): Outcome {
    const registration = email ? this.#find(email) : undefined;
    if (!registration) return { ok: false, reason: 'not_found' };
    const index = this.event.series.findIndex((s) => s.id === seriesId);
    const bad = (n: number | null) => n !== null && this.#seriesIndex(n) !== index;
    if (index < 0 || bad(hold) || bad(wait) || (hold !== null && hold === wait)) return { ok: false, reason: 'invalid_session' };
    if (hold === null && wait === null && this.event.series[index]!.required) return { ok: false, reason: 'series_required' };
    return this.#setSeries(registration, index, hold, wait);
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
    while (this.#confirmed().length > cap) {
      const latest = this.#latest(this.#confirmed());
      latest.status = 'waitlisted';
      bumped.push(latest.email);
    }
    return { ok: true, bumped, promoted: this.#promote() };
  }

  setSessionCap(sessionNumber: number, cap: number): Outcome {
    if (!this.caps.has(sessionNumber)) return { ok: false, reason: 'invalid_session' };
    this.caps.set(sessionNumber, cap);
    const bumped: string[] = [];
    const index = this.#seriesIndex(sessionNumber);
    const holders = () => this.#confirmed().filter((r) => r.sessions.includes(sessionNumber));
    while (holders().length > cap) {
      const latest = this.#latest(holders());
      latest.sessions = latest.sessions.filter((n) => n !== sessionNumber);
      if (!latest.waitingFor.some((n) => this.#seriesIndex(n) === index)) latest.waitingFor = this.#ordered([...latest.waitingFor, sessionNumber]);
      bumped.push(latest.email);
    }
    return { ok: true, bumped, promoted: this.#promote() };
  }

  /** "email:status:s1,s2:w1,w2:book" per registration in seq order. */
  lines(): string[] {
    return this.registrations.map((r) => `${r.email}:${r.status}:${r.sessions.join(',')}:${r.waitingFor.join(',')}:${r.book}`);
  }

  #seriesIndex(sessionNumber: number): number {
    const session = this.event.sessions.find((s) => s.number === sessionNumber);
    return session ? this.event.series.findIndex((s) => s.id === session.series) : -1;
  }

  #ordered(list: number[]): number[] {
    return [...list].sort((a, b) => this.#seriesIndex(a) - this.#seriesIndex(b));
  }

  #inSeries(list: number[], index: number): number | null {
    return list.find((n) => this.#seriesIndex(n) === index) ?? null;
  }

  /** Per series: a wanted session with a seat is held; else a full one to hold is refused, or waited for (a full fallback dropped). */
  #plan(sessions: number[], waitingFor: number[], waitIfFull: boolean): { sessions: number[]; waitingFor: number[]; full: number[] } {
    const plan = { sessions: [] as number[], waitingFor: [] as number[], full: [] as number[] };
    this.event.series.forEach((_, index) => {
      const held = this.#inSeries(sessions, index);
      const wanted = this.#inSeries(waitingFor, index);
      if (wanted !== null && this.#hasSeat(wanted)) return void plan.sessions.push(wanted);
      if (wanted !== null) plan.waitingFor.push(wanted);
      if (held === null) return;
      if (this.#hasSeat(held)) plan.sessions.push(held);
      else if (!waitIfFull) plan.full.push(held);
      else if (wanted === null) plan.waitingFor.push(held);
    });
    return plan;
  }

  #setSeries(r: ModelRegistration, index: number, hold: number | null, wait: number | null): Outcome {
    const held = this.#inSeries(r.sessions, index);
    const waited = this.#inSeries(r.waitingFor, index);
    if (r.status === 'confirmed' && wait !== null && (wait === held || this.#hasSeat(wait))) [hold, wait] = [wait, null];
    if (hold === held && wait === waited) return { ok: false, reason: 'unchanged' };
    if (r.status === 'confirmed' && hold !== null && hold !== held && !this.#hasSeat(hold)) return { ok: false, reason: 'session_full', sessionNumbers: [hold] };
    const replace = (list: number[], n: number | null) => this.#ordered([...list.filter((m) => this.#seriesIndex(m) !== index), ...(n === null ? [] : [n])]);
    r.sessions = replace(r.sessions, hold);
    r.waitingFor = replace(r.waitingFor, wait);
    return { ok: true, status: r.status, bumped: [], promoted: this.#promote() };
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

  #latest(candidates: ModelRegistration[]): ModelRegistration {
    return candidates.reduce((a, b) => (b.seq > a.seq ? b : a));
  }

  /** The sessions' waiting lists (lowest session number with a seat first), then the venue's. */
  #promote(): string[] {
    const promoted: string[] = [];
    for (;;) {
      const numbers = [...this.caps.keys()].sort((a, b) => a - b);
      const waitersOf = (n: number) => this.#confirmed().filter((r) => r.waitingFor.includes(n));
      const sessionNumber = numbers.find((n) => this.#hasSeat(n) && waitersOf(n).length > 0);
      if (sessionNumber === undefined) break;
      const first = waitersOf(sessionNumber).reduce((a, b) => (b.seq < a.seq ? b : a));
      const index = this.#seriesIndex(sessionNumber);
      first.sessions = this.#ordered([...first.sessions.filter((n) => this.#seriesIndex(n) !== index), sessionNumber]);
      first.waitingFor = first.waitingFor.filter((n) => n !== sessionNumber);
      promoted.push(first.email);
    }
    for (const r of this.registrations) {
      if (r.status !== 'waitlisted' || this.#confirmed().length >= this.venueCap) continue;
      const plan = this.#plan(r.sessions, r.waitingFor, true);
      Object.assign(r, { status: 'confirmed', sessions: plan.sessions, waitingFor: plan.waitingFor });
      promoted.push(r.email);
    }
    return promoted;
  }
}
