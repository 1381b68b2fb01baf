/**
 * One organiser action as the audit log keeps it: who, when and what, never the personal data
 * itself (a registration is named by its number `#12`, a list by its name).
 */
export interface AuditEntry {
  /** ISO time. */
  at: string;
  organiser: string;
  /** `login`, `cap_change`, `message`, `checkin`, `export`, ... */
  action: string;
  /** What was done, without names, e-mail addresses, phone numbers or addresses. */
  detail: string;
}

/** Where organiser actions are written; the desk shows the latest. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The latest `limit` entries, newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

/** The first check-in of a registration, or the one recorded before (`first: false`). */
export interface CheckinMark {
  first: boolean;
  /** ISO time of the (first) check-in. */
  at: string;
}

/** Who came in at the door: one check-in per registration, the first one counts. */
export interface CheckinBook {
  /** Records a check-in of `registrationId` at `at` unless there is one already (atomic across processes). */
  mark(registrationId: string, at: Date): Promise<CheckinMark>;
  /** Every check-in: registration id -> ISO time. */
  all(): Promise<Map<string, string>>;
}
