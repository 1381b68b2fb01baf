import type {
  Availability,
  CancelCommand,
  CancelResult,
  ChangeSessionCommand,
  ChangeSessionResult,
  ChangeSeriesCommand,
  ChangeSeriesResult,
  EventData,
  Language,
  RegisterCommand,
  RegisterResult,
  RegistrationRecord,
  UpdateDetailsCommand,
  UpdateDetailsResult,
  Waitlists,
} from '../core/index.ts';

/** A button or numbered option; every choice can also be answered by typing. */
export interface Choice {
  id: string;
  label: string;
  /** e.g. "3 plaatsen vrij" */
  hint?: string;
  /** true when it cannot be chosen now (a full session). */
  disabled?: boolean;
}

/** A label/value row, for a summary card. */
export interface Fact {
  label: string;
  value: string;
}

/** What a dialog says: text in a small safe markdown subset (*bold*, line breaks), choices, facts. */
export interface Reply {
  text: string;
  choices?: Choice[];
  facts?: Fact[];
  /** After a one-screen form was sent back with mistakes: the reason per field id, to show next to each field (the text lists them too). */
  fieldErrors?: Record<string, string>;
}

/**
 * What a person sent: free text, the id of a choice they pressed, or a whole registration form
 * filled in on one screen (an Adaptive Card, a Slack modal): the values by field id of
 * `formSchema()`, checked like the chat's answers (`checkFormSubmission`).
 */
export type UserInput = { kind: 'text'; text: string } | { kind: 'choice'; id: string } | { kind: 'form'; values: Record<string, string> };

/** Who is talking: `<channel>:<user id>`, plus the channel's locale when it gives one. */
export interface User {
  key: string;
  locale?: string;
}

/** A seat change the dialog asks for; the caller executes it once and reports the outcome. */
export type LedgerEffect =
  | { kind: 'register'; command: Omit<RegisterCommand, 'at'> }
  | { kind: 'changeSession'; command: Omit<ChangeSessionCommand, 'at'> }
  | { kind: 'changeSeries'; command: Omit<ChangeSeriesCommand, 'at'> }
  | { kind: 'cancel'; command: Omit<CancelCommand, 'at'> }
  | { kind: 'updateDetails'; command: Omit<UpdateDetailsCommand, 'at'> }
  /** Mail the person everything Balie keeps about them (their own registration's address). */
  | { kind: 'exportData'; command: { key: string; registrationId: string } }
  /** Cancel the person's own registration (if any), blank it everywhere, forget their address and conversation. */
  | { kind: 'eraseData'; command: { key: string; registrationId: string | null } };

/** The outcome of a LedgerEffect, with the live data read right after it. */
export type EffectOutcome = (
  | { kind: 'register'; result: RegisterResult }
  | { kind: 'changeSession'; result: ChangeSessionResult }
  | { kind: 'changeSeries'; result: ChangeSeriesResult }
  | { kind: 'cancel'; result: CancelResult }
  | { kind: 'updateDetails'; result: UpdateDetailsResult }
  | { kind: 'exportData'; mailedTo: string | null }
  | { kind: 'eraseData'; cancelled: boolean }
) & { availability: Availability; myRegistration: RegistrationRecord | null; registeredForOthers?: RegistrationRecord[]; waitlists?: Waitlists };

/** The outcome of a seat change (not of the personal-data effects). */
export type SeatOutcome = Exclude<EffectOutcome, { kind: 'exportData' } | { kind: 'eraseData' }>;

/** Context for answering a programme question. */
export interface QaContext {
  /** The conversation's language; the answer may switch when the question is clearly in the other one. */
  lang: Language;
  availability: Availability;
  now: Date;
  /** The asker's own registration (null: none), when a person asks in a chat: "sta ik nog op de wachtlijst?". */
  myRegistration?: RegistrationRecord | null;
  /** The waiting lists, read when the asker's registration waits (their places). */
  waitlists?: Waitlists;
}

/** An answer to a programme question. */
export interface QaAnswer {
  lang: Language;
  replies: Reply[];
  /** 0..1; dialogs in the middle of a form only interrupt for confident answers. */
  confidence: number;
}

/** Answers questions about the event from the event file and the live counters; never invents. */
export interface ProgrammeAnswerer {
  /** An answer, or null when the text is not a question it recognises. */
  answer(question: string, context: QaContext): Promise<QaAnswer | null>;
}

/** Everything a turn may read; gathered by the caller before the turn. */
export interface TurnContext {
  event: EventData;
  now: Date;
  user: User;
  availability: Availability;
  /** This user's own registration, if any (splitOwnRegistrations of ledger.findAllByOwner). */
  myRegistration: RegistrationRecord | null;
  /** The registrations this user made for others (colleagues), in seq order; absent: none. */
  registeredForOthers?: RegistrationRecord[];
  /** The waiting lists, read when one of this user's registrations waits (place numbers); absent: not read. */
  waitlists?: Waitlists;
  answerer: ProgrammeAnswerer;
  /**
   * A fresh id for this turn (the caller makes it; dialogs stay pure). A form started in the turn
   * takes it as its id, so its register key never repeats an earlier form's, even when a lost
   * conversation starts again with the clock pinned.
   */
  nonce: string;
  /** The personal check-in code of a registration (shown in "mijn inschrijving"); absent when the host makes none. */
  checkinCode?: (registration: RegistrationRecord) => string | null;
}

/** The outcome of one turn: the new state, what to say, and at most one seat change to execute. */
export interface TurnResult<S> {
  state: S;
  replies: Reply[];
  effect: LedgerEffect | null;
}
