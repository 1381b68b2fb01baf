import type { Writable } from 'node:stream';

/** How the terminal chat draws: ANSI styles or not, and the width to wrap at (asked again every turn, as a terminal can be resized). */
export interface TerminalDisplay {
  color: boolean;
  width: () => number | undefined;
}

/**
 * What the output can show: colour only on a terminal and without `NO_COLOR` (no-color.org: set
 * and not empty); the terminal's width, else `COLUMNS` when exported, else no wrapping (a pipe or
 * a file gets each line whole).
 */
export function terminalDisplay(output: Writable & { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined>): TerminalDisplay {
  const tty = output.isTTY === true;
  const columns = Number(env.COLUMNS);
  const fallback = Number.isInteger(columns) && columns > 0 ? columns : undefined;
  return {
    color: tty && !env.NO_COLOR,
    width: () => (tty && output.columns && output.columns > 0 ? output.columns : fallback),
  };
}
