import type { EventData } from '../../core/index.ts';
import type { ProgrammeAnswerer } from '../types.ts';
import { ProgrammeQa } from './answerer.ts';
import { IntentClassifier } from './classifier.ts';
import { EntityFinder } from './entities.ts';

export { confidentAnswer } from './answerer.ts';
export { isProbablyQuestion } from './text.ts';

/** Trains the intent model and indexes the programme of `event`; the answerer is ready when this resolves. */
export async function createProgrammeAnswerer(event: EventData): Promise<ProgrammeAnswerer> {
  const classifier = await IntentClassifier.train(event);
  const intentWords = new Set([...classifier.vocabulary.nl, ...classifier.vocabulary.en]);
  return new ProgrammeQa(event, classifier, new EntityFinder(event, intentWords));
}
