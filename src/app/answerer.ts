import type { EventData } from '../core/index.ts';
import { createProgrammeAnswerer } from '../dialogs/qa/index.ts';
import type { ProgrammeAnswerer } from '../dialogs/types.ts';

/** The programme answerer the app wires in: trained on the event at start-up, before the first turn. */
export function createAnswerer(event: EventData): Promise<ProgrammeAnswerer> {
  return createProgrammeAnswerer(event);
}
