import { findSession, sessionTitle, type EventData, type Language, type RegistrationRecord } from '../core/index.ts';
import { escapeHtml } from '../mail/index.ts';

/** The words of the "ik kan toch niet komen" pages, per language (Dutch the default). */
const texts = {
  nl: {
    ask: (title: string) => `Kan je toch niet naar de ${title} komen?`,
    holds: 'Je bent ingeschreven voor:',
    waits: 'Je staat op de wachtlijst voor:',
    explain: 'Annuleer je, dan gaat je plaats naar de eerste op de wachtlijst. Dit kan je niet ongedaan maken; je kan je wel opnieuw inschrijven zolang er plaats is.',
    confirm: 'Ja, annuleer mijn inschrijving',
    done: (title: string) => `Je inschrijving voor de ${title} is geannuleerd. Je plaats gaat naar de wachtlijst; je krijgt nog een bevestiging per mail.`,
    gone: 'Deze inschrijving bestaat niet meer: ze is al geannuleerd, of de gegevens zijn gewist.',
    invalid: 'Deze link klopt niet. Gebruik de link uit je herinneringsmail, of stuur "ik kan toch niet komen" naar de inschrijvingsbot.',
    session: (n: number, title: string, room: string) => `sessie ${n}, ${title} (${room})`,
  },
  en: {
    ask: (title: string) => `Can't make it to the ${title} after all?`,
    holds: 'You are registered for:',
    waits: 'You are on the waiting list for:',
    explain: 'If you cancel, your place goes to the first person on the waiting list. This cannot be undone, but you can register again while there is room.',
    confirm: 'Yes, cancel my registration',
    done: (title: string) => `Your registration for the ${title} is cancelled. Your place goes to the waiting list; a confirmation follows by e-mail.`,
    gone: 'This registration no longer exists: it was cancelled already, or its data was deleted.',
    invalid: 'This link is not right. Use the link in your reminder e-mail, or send "I can\'t come" to the registration bot.',
    session: (n: number, title: string, room: string) => `session ${n}, ${title} (${room})`,
  },
} satisfies Record<Language, unknown>;

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** The confirmation step: what the person holds, and one button that cancels it. */
export function askPage(event: EventData, r: RegistrationRecord, action: string): string {
  const t = texts[r.language] ?? texts.nl;
  const sessions = r.sessions
    .map((n) => findSession(event, n))
    .filter((s) => s !== null)
    .map((s) => `<li>${escapeHtml(t.session(s.number, sessionTitle(s, r.language), s.room))}</li>`)
    .join('');
  return page(
    r.language,
    t.ask(event.title),
    `<p>${escapeHtml(r.status === 'confirmed' ? t.holds : t.waits)}</p><ul>${sessions}</ul><p>${escapeHtml(t.explain)}</p>` +
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(t.confirm)}</button></form>`,
  );
}

/** After the cancel. */
export function donePage(event: EventData, lang: Language): string {
  return page(lang, event.title, `<p>${escapeHtml(texts[lang].done(event.title))}</p>`);
}

/** The registration is gone (cancelled before, or erased). */
export function gonePage(event: EventData, lang: Language = 'nl'): string {
  return page(lang, event.title, `<p>${escapeHtml(texts[lang].gone)}</p>`);
}

/** A link whose signature does not hold. */
export function invalidPage(event: EventData): string {
  return page('nl', event.title, `<p>${escapeHtml(texts.nl.invalid)}</p><p lang="en">${escapeHtml(texts.en.invalid)}</p>`);
}
