/** Expected outcomes are values: a tagged union, never an exception matched by its message. */
export type Result<T, E extends { reason: string }> = ({ ok: true } & T) | ({ ok: false } & E);
