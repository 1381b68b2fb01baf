import { describe, expect, it } from 'vitest';
import type { Language, OutboxEntry, RegistrationRecord } from '../../src/core/index.ts';
import { MailWorker, smtpSender } from '../../src/mail/index.ts';
import { MemoryOutbox } from '../../src/store/memory-outbox.ts';
import { useSmtpServer, type CapturedMail } from '../helpers/smtp-server.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { loadEvent, manualClock, outboxEntry, registrant } from './fixtures.ts';

const event = loadEvent();
const smtp = useSmtpServer();


/** Sends one entry through the worker and the real SMTP server; returns what the server got. */
async function deliver(entry: OutboxEntry): Promise<CapturedMail> {
  const outbox = new MemoryOutbox();
  outbox.add(entry);
  const before = smtp().messages.length;
  const sender = smtpSender(smtp().url, { name: event.title, address: 'balie@example.org' });
  const worker = new MailWorker({ outbox, event, sender, clock: manualClock() });
  expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
  sender.close();
  const [mail] = (await smtp().waitForMessages(before + 1)).slice(before);
  if (!mail) throw new Error('no mail captured');
  return mail;
}

// A details change: the e-mail address moved from the old one, and the book was added.
const previousDetails = { email: 'anna.oud@example.org', book: null };

function entryFor(kind: OutboxEntry['kind'], language: Language, overrides: Partial<RegistrationRecord> = {}, more: Partial<OutboxEntry> = {}): OutboxEntry {
  const extra =
    kind === 'session_changed'
      ? { previousSessions: [1, 6] }
      : kind === 'details_changed' || kind === 'old_email_notice'
        ? { previousDetails }
        : kind === 'organiser_message'
          ? { message: { nl: 'De deuren gaan open om 12:00.', en: 'The doors open at 12:00.' } }
          : {};
  const sessions = kind === 'session_changed' ? [2, 6] : [1, 6];
  return outboxEntry(kind, { language, sessions, ...overrides }, { id: `out-${kind}-${language}`, ...extra, ...more });
}

/** Phrases every mail of a kind must hold, per language, in text and HTML alike. */
const expected: Record<OutboxEntry['kind'], Record<Language, { subject: RegExp; phrases: string[]; calendar: boolean; rows?: Array<[string, string]>; to?: string; absent?: string[] }>> = {
  confirmation: {
    nl: {
      subject: /^Bevestiging van je inschrijving: Netwerkdag sociale economie$/,
      phrases: [
        'Beste Anna',
        'Anna Peeters',
        'anna.peeters@example.org',
        '+32 470 12 34 56',
        'Gemeente Herent',
        'Lokaal bestuur',
        'Reeks 1',
        'sessie 1, Sociale clausules bij overheidsopdrachten (13:30–15:00, Spoor 95)',
        'Reeks 2',
        'sessie 6, Ook getest op lokale besturen: werkplekleren (15:15–16:45, Provincieraadzaal)',
        'Aan de slag met sociale economie. Handleiding voor begeesterde lokale besturen.',
        '€ 33,00',
        'Kerkstraat 12, 3020 Herent, België',
        'donderdag 29 oktober 2020, 12:15–16:45',
        'Provinciehuis Vlaams-Brabant, Provincieplein 1, 3010 Leuven',
        'mijn inschrijving',
        'sociale.economie@vlaamsbrabant.be',
        'reg-0001',
      ],
      calendar: true,
    },
    en: {
      subject: /^Your registration is confirmed: Netwerkdag sociale economie$/,
      phrases: [
        'Dear Anna',
        'Anna Peeters',
        '+32 470 12 34 56',
        'Local government',
        'Series 1',
        'session 1, Social clauses in public procurement (13:30–15:00, Spoor 95)',
        'session 6, Also tested on local governments: workplace learning (15:15–16:45, Provincieraadzaal)',
        '€33.00',
        'Kerkstraat 12, 3020 Herent, Belgium',
        'Thursday, 29 October 2020, 12:15–16:45',
        'Provincieplein 1, 3010 Leuven',
        'my registration',
        'sociale.economie@vlaamsbrabant.be',
      ],
      calendar: true,
    },
  },
  waitlisted: {
    nl: { subject: /^Je staat op de wachtlijst/, phrases: ['wachtlijst', 'Op de wachtlijst', 'sessie 1, Sociale clausules', 'mijn inschrijving'], calendar: false },
    en: { subject: /^You are on the waiting list/, phrases: ['waiting list', 'On the waiting list', 'session 1, Social clauses', 'my registration'], calendar: false },
  },
  session_changed: {
    nl: {
      subject: /^Je sessiekeuze is gewijzigd/,
      phrases: ['Wat er veranderde', 'Reeks 1, voordien', 'sessie 1, Sociale clausules', 'Reeks 1, nu', 'sessie 2, Wat is arbeidszorg? (13:30–15:00, Provincieraadzaal)', 'Ingeschreven'],
      calendar: true,
    },
    en: {
      subject: /^Your choice of sessions has changed/,
      phrases: ['What changed', 'Series 1, before', 'Series 1, now', 'session 2, What is arbeidszorg (supported care work)? (13:30–15:00, Provincieraadzaal)', 'Registered'],
      calendar: true,
    },
  },
  cancelled: {
    nl: { subject: /^Je inschrijving is geannuleerd/, phrases: ['geannuleerd', 'Geannuleerd', 'reg-0001', 'sociale.economie@vlaamsbrabant.be'], calendar: false },
    en: { subject: /^Your registration is cancelled/, phrases: ['cancelled', 'Cancelled', 'reg-0001'], calendar: false },
  },
  bumped: {
    nl: { subject: /^Je plaats is vervallen/, phrases: ['LIFO', 'wachtlijst', 'Op de wachtlijst', 'sessie 6'], calendar: false },
    en: { subject: /^Your place has lapsed/, phrases: ['LIFO', 'waiting list', 'On the waiting list', 'session 6'], calendar: false },
  },
  promoted: {
    nl: { subject: /^Er is een plaats vrijgekomen/, phrases: ['plaats vrijgekomen', 'Ingeschreven', 'sessie 1, Sociale clausules', 'donderdag 29 oktober 2020'], calendar: true },
    en: { subject: /^A place came free/, phrases: ['place came free', 'Registered', 'session 1, Social clauses', 'Thursday, 29 October 2020'], calendar: true },
  },
  details_changed: {
    nl: {
      subject: /^Je inschrijving is aangepast: Netwerkdag sociale economie$/,
      phrases: ['Wat er veranderde', 'Je gegevens', '+32 470 12 34 56', 'mijn inschrijving', 'Tot dan!'],
      rows: [
        ['E-mail, voordien', 'anna.oud@example.org'],
        ['E-mail, nu', 'anna.peeters@example.org'],
        ['Boek, voordien', 'Geen boek besteld'],
        ['Boek, nu', 'Ja, "Aan de slag met sociale economie.'],
        ['Verzendadres, nu', 'Kerkstraat 12, 3020 Herent, België'],
        ['Status', 'Ingeschreven'],
      ],
      calendar: true,
    },
    en: {
      subject: /^Your registration has been updated/,
      phrases: ['What changed', 'Your details'],
      rows: [
        ['E-mail, before', 'anna.oud@example.org'],
        ['E-mail, now', 'anna.peeters@example.org'],
        ['Book, now', 'Yes'],
        ['Shipping address, now', 'Kerkstraat 12, 3020 Herent, Belgium'],
        ['Status', 'Registered'],
      ],
      calendar: true,
    },
  },
  old_email_notice: {
    nl: {
      subject: /^Het e-mailadres van je inschrijving is gewijzigd: Netwerkdag/,
      phrases: ['Beste Anna', 'naar het nieuwe adres', 'Heb je dit niet zelf gevraagd', 'sociale.economie@vlaamsbrabant.be'],
      calendar: false,
      to: 'anna.oud@example.org',
      absent: ['anna.peeters@example.org', 'Kerkstraat', '+32', 'Tot dan'],
    },
    en: {
      subject: /^The e-mail address of your registration has changed/,
      phrases: ['Dear Anna', 'now go to the new address', 'Did you not ask for this'],
      calendar: false,
      to: 'anna.oud@example.org',
      absent: ['anna.peeters@example.org', 'Kerkstraat', 'See you there'],
    },
  },
  reminder: {
    nl: {
      subject: /^Herinnering: binnenkort is het zover, Netwerkdag sociale economie$/,
      phrases: [
        'Beste Anna',
        'sessie 1, Sociale clausules bij overheidsopdrachten (13:30–15:00, Spoor 95)',
        'sessie 6, Ook getest op lokale besturen: werkplekleren (15:15–16:45, Provincieraadzaal)',
        'donderdag 29 oktober 2020, 12:15–16:45',
        'Kan je toch niet komen?',
        'ik kan toch niet komen',
      ],
      calendar: true,
      absent: ['+32', 'Kerkstraat'],
    },
    en: {
      subject: /^Reminder: Netwerkdag sociale economie is coming up$/,
      phrases: ['Dear Anna', 'session 6, Also tested on local governments: workplace learning (15:15–16:45, Provincieraadzaal)', "Can't make it after all?", "I can't come"],
      calendar: true,
    },
  },
  data_export: {
    nl: { subject: /^Je gegevens bij de inschrijving: Netwerkdag/, phrases: ['Beste Anna', 'bijgevoegde bestand (JSON)', 'verwijder mijn gegevens'], calendar: false },
    en: { subject: /^Your data from the registration: Netwerkdag/, phrases: ['Dear Anna', 'attached file (JSON)', 'delete my data'], calendar: false },
  },
  organiser_message: {
    nl: { subject: /^Bericht van de organisatie: Netwerkdag/, phrases: ['De organisatie stuurt je dit bericht', 'De deuren gaan open om 12:00.', 'sessie 1'], calendar: false, absent: ['The doors open'] },
    en: { subject: /^A message from the organisers: Netwerkdag/, phrases: ['The organisers send you this message', 'The doors open at 12:00.'], calendar: false, absent: ['De deuren'] },
  },
};

/** The HTML part as a person reads it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('every kind of mail, in Dutch and English, as the SMTP server receives it', { timeout: 30_000 }, () => {
  for (const kind of Object.keys(expected) as Array<OutboxEntry['kind']>) {
    for (const language of ['nl', 'en'] as const) {
      it(`${kind} (${language})`, async () => {
        const want = expected[kind][language];
        const { parsed, envelope } = await deliver(entryFor(kind, language));
        expect(parsed.subject).toMatch(want.subject);
        expect(parsed.messageId).toBe(`<out-${kind}-${language}@balie.netwerkdag-2020>`);
        const to = want.to ?? 'anna.peeters@example.org';
        expect(envelope.to).toEqual([to]);
        expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ name: 'Anna Peeters', address: to }]);
        expect(parsed.replyTo?.value[0]?.address).toBe('sociale.economie@vlaamsbrabant.be');
        const text = parsed.text ?? '';
        const html = visibleText(typeof parsed.html === 'string' ? parsed.html : '');
        for (const phrase of want.phrases) {
          expect(text, `text part holds "${phrase}"`).toContain(phrase);
          expect(html, `HTML part holds "${phrase}"`).toContain(phrase);
        }
        for (const [label, value] of want.rows ?? []) {
          expect(text, `text part holds the row ${label}`).toContain(`${label}: ${value}`);
          expect(html, `HTML part holds the row ${label}`).toContain(`${label} ${value}`);
        }
        for (const phrase of want.absent ?? []) {
          expect(text, `text part leaves out "${phrase}"`).not.toContain(phrase);
          expect(html, `HTML part leaves out "${phrase}"`).not.toContain(phrase);
        }
        const calendars = parsed.attachments.filter((a) => a.contentType.startsWith('text/calendar'));
        expect(calendars.length).toBe(want.calendar ? 1 : 0);
      });
    }
  }

  it('ends a cancellation without "Tot dan!" or "See you there!"', async () => {
    const nl = await deliver(entryFor('cancelled', 'nl'));
    expect(nl.parsed.text?.trimEnd()).toMatch(/Hopelijk tot een volgende keer!$/);
    expect(nl.parsed.text).not.toContain('Tot dan');
    const en = await deliver(entryFor('cancelled', 'en'));
    expect(en.parsed.text).not.toContain('See you there');
  });

  it('sends no calendar and no e-mail rows when a details change only added the book', async () => {
    const entry = entryFor('details_changed', 'nl', {}, { previousDetails: { email: 'anna.peeters@example.org', book: null } });
    const { parsed } = await deliver(entry);
    expect(parsed.text).toContain('Boek, nu: Ja');
    expect(parsed.text).not.toContain('E-mail, voordien');
    expect(parsed.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toHaveLength(0);
  });

  it('tells a colleague registered by someone else who can change it, instead of "send mijn inschrijving"', async () => {
    const { parsed } = await deliver(entryFor('confirmation', 'nl', { forSomeoneElse: true }));
    expect(parsed.text).toContain('Iemand anders schreef je in via de inschrijvingsbot');
    expect(parsed.text).not.toContain('Stuur "mijn inschrijving"');
  });

  it('says "no book" when none was ordered, and shows no shipping address', async () => {
    const nl = await deliver(entryFor('confirmation', 'nl', { book: null }));
    expect(nl.parsed.text).toContain('Boek: Geen boek besteld');
    expect(nl.parsed.text).not.toContain('Verzendadres');
    expect(nl.parsed.text).not.toContain('33');
    const en = await deliver(entryFor('confirmation', 'en', { book: null }));
    expect(en.parsed.text).toContain('Book: No book ordered');
  });

  it('names the organisation type of each kind of organisation', async () => {
    const social = await deliver(entryFor('confirmation', 'nl', { organisationType: 'social_economy' }));
    expect(social.parsed.text).toContain('Soort organisatie: Sociale-economiebedrijf');
    const other = await deliver(entryFor('confirmation', 'en', { organisationType: 'other' }));
    expect(other.parsed.text).toContain('Type of organisation: Other');
  });
});

describe('a mail to someone waiting for a session says their place on its waiting list', () => {
  it('reads the place from the live waiting lists when the mail is sent ("op de wachtlijst voor sessie 4 (plaats 2)")', async () => {
    const ledger = new MemorySeatLedger(event);
    const clock = manualClock();
    await ledger.setSessionCap({ key: 'cap', at: clock.now(), sessionNumber: 4, cap: 1 });
    const people = ['een', 'twee', 'drie'].map((name, i) => registrant({ firstName: name, email: `${name}@example.org`, owner: `test:${i}`, sessions: [4, 7], book: null }));
    for (const [i, who] of people.entries()) {
      const result = await ledger.register({ key: `r${i}`, at: clock.now(), registrant: who, waitlistIfFull: true });
      if (!result.ok) throw new Error(result.reason);
    }
    const before = smtp().messages.length;
    const sender = smtpSender(smtp().url, { name: event.title, address: 'balie@example.org' });
    const worker = new MailWorker({ outbox: ledger, event, sender, clock, waitlists: () => ledger.waitlists() });
    expect(await worker.drain()).toEqual({ sent: 3, retried: 0, failed: 0 });
    sender.close();
    const mails = (await smtp().waitForMessages(before + 3)).slice(before);
    const textTo = (address: string) => mails.find((m) => m.envelope.to.includes(address))?.parsed.text ?? '';
    expect(textTo('een@example.org')).not.toMatch(/wachtlijst voor/);
    expect(textTo('twee@example.org')).toMatch(/op de wachtlijst voor sessie 4, .*\(plaats 1\); intussen geen andere sessie/);
    expect(textTo('drie@example.org')).toMatch(/op de wachtlijst voor sessie 4, .*\(plaats 2\); intussen geen andere sessie/);
  });
});
