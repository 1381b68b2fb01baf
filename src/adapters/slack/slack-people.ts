import { z } from 'zod';
import type { Language } from '../../core/index.ts';
import type { ChannelLogger } from '../channel.ts';
import type { SlackApi } from './slack-notifier.ts';

/** What Slack says about a person (users.info): their locale, and their name and verified e-mail for the form's prefill. */
export interface SlackPerson {
  locale?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

const userInfo = z.looseObject({
  user: z
    .looseObject({
      locale: z.string().max(35).optional(),
      real_name: z.string().max(200).optional(),
      profile: z.looseObject({ first_name: z.string().max(200).optional(), last_name: z.string().max(200).optional(), real_name: z.string().max(200).optional(), email: z.string().max(320).optional() }).optional(),
    })
    .optional(),
});

// A BCP 47-ish tag ('nl-NL', 'en-US'): anything else is dropped rather than passed to the dialogs.
const localePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
const ttlMs = 15 * 60_000;
const maxPeople = 10_000;

function personOf(raw: unknown): SlackPerson {
  const parsed = userInfo.safeParse(raw);
  const user = parsed.success ? parsed.data.user : undefined;
  if (!user) return {};
  const profile = user.profile ?? {};
  const [first, ...rest] = (profile.real_name ?? user.real_name ?? '').trim().split(/\s+/);
  const firstName = profile.first_name?.trim() || first || undefined;
  const lastName = profile.last_name?.trim() || (rest.length > 0 ? rest.join(' ') : undefined);
  return {
    ...(user.locale && localePattern.test(user.locale) ? { locale: user.locale } : {}),
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...(profile.email ? { email: profile.email.trim() } : {}),
  };
}

/**
 * users.info (with the locale) per person, kept a quarter of an hour in this process, so that a
 * conversation costs one call and not one per message. A failure gives an empty person (Dutch, no
 * prefill) and is tried again next time.
 */
export class SlackPeople {
  readonly #known = new Map<string, { person: SlackPerson; at: number }>();

  constructor(
    private readonly api: SlackApi,
    private readonly logger: ChannelLogger,
  ) {}

  async get(userId: string): Promise<SlackPerson> {
    const known = this.#known.get(userId);
    if (known && known.at > Date.now() - ttlMs) return known.person;
    try {
      const person = personOf(await this.api.users.info({ user: userId, include_locale: true }));
      if (this.#known.size >= maxPeople) this.#known.clear();
      this.#known.set(userId, { person, at: Date.now() });
      return person;
    } catch (error) {
      this.logger.warn({ code: (error as { data?: { error?: unknown } }).data?.error ?? 'network' }, 'slack: users.info failed');
      return {};
    }
  }

  /** The language of a person known here (the labels of a notice), Dutch when unknown. */
  languageOf(userId: string): Language {
    return this.#known.get(userId)?.person.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
  }
}
