import emailSpellChecker from '@zootools/email-spell-checker';

// The mail providers people here use most; a typo is suggested only towards one of them, never
// towards an organisation's own domain ("vdab.bee" may be a typo, but "stad.gent" is right).
const providers = [...emailSpellChecker.POPULAR_DOMAINS, 'telenet.be', 'skynet.be', 'proximus.be', 'hotmail.be', 'outlook.be', 'live.be', 'scarlet.be'].map((domain) => domain.toLowerCase());
const known = new Set(providers);

/** "sofie@gmial.com" -> "sofie@gmail.com": the address with a well-known provider's domain it was likely meant to have, or null. */
export function emailTypo(email: string): string | null {
  const suggestion = emailSpellChecker.run({ email, domains: providers });
  if (!suggestion || !known.has(suggestion.domain.toLowerCase())) return null;
  return suggestion.full.toLowerCase() === email.toLowerCase() ? null : suggestion.full;
}
