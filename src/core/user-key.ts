// A lone surrogate (half of a UTF-16 pair, U+D800–U+DFFF on its own) is not text: every UTF-8
// encoder, node-redis's included, writes each one as U+FFFD, so "ann\ud800" and "ann\udfff" would
// become one Redis key and share a conversation and a registration.
const loneSurrogate = /\p{Cs}/u;

/** Whether a text is well-formed Unicode (no lone surrogates), so that it encodes to UTF-8 and back unchanged. */
export function isWellFormedText(text: string): boolean {
  return !loneSurrogate.test(text);
}
