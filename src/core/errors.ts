/** Codes for failures that are bugs or infrastructure, not expected outcomes (those are Results). */
export type BalieErrorCode =
  | 'event_file_invalid'
  | 'config_invalid'
  | 'store_unavailable'
  | 'state_conflict'
  | 'turn_busy'
  | 'user_key_invalid'
  | 'internal';

/** The one exception class of Balie: a code to branch on and a message for people. */
export class BalieError extends Error {
  constructor(
    readonly code: BalieErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BalieError';
  }
}
