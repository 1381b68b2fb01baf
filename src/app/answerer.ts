import type { EventData } from '../core/index.ts';
import type { ProgrammeAnswerer } from '../dialogs/types.ts';

/**
 * The programme answerer the app wires in.
 * TODO(lead): switch to `createProgrammeAnswerer(event)` from src/dialogs/qa/index.ts once the
 * Q&A helper's module lands; until then no question is recognised, so dialogs answer their own way.
 */
export function createAnswerer(_event: EventData): ProgrammeAnswerer {
  return { answer: async () => null };
}
