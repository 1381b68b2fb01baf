import type { Language } from '../core/index.ts';
import { messages } from './i18n/index.ts';
import type { Reply } from './types.ts';

/** What the bot says when a turn cannot run now (another turn of the same user holds the lock). */
export function busyReply(lang: Language): Reply {
  return { text: messages(lang).turnBusy };
}

/** What the bot says when infrastructure failed mid-turn: nothing was saved. */
export function failureReply(lang: Language): Reply {
  return { text: messages(lang).turnFailed };
}
