/** Trims, folds runs of white space and normalises to NFC. */
export function tidy(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
