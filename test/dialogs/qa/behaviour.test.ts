import { describe, expect, it } from 'vitest';
import type { Registrant } from '../../../src/core/index.ts';
import { confidentAnswer, isProbablyQuestion } from '../../../src/dialogs/qa/index.ts';
import { MemorySeatLedger } from '../../../src/store/memory-seat-ledger.ts';
import { afterDeadline, ask, emptyAvailability, event, readQuestions, textOf } from './qa-fixture.ts';

function person(n: number, sessions: [number, number]): Registrant {
  return {
    firstName: 'Test',
    lastName: `Persoon ${n}`,
    email: `persoon${n}@example.org`,
    phone: '+3216267600',
    organisation: 'Gemeente Voorbeeld',
    organisationType: 'local_government',
    sessions,
    book: null,
    language: 'nl',
    owner: `test:${n}`,
  };
}

async function ledgerWith(registrations: Array<[number, number]>): Promise<MemorySeatLedger> {
  const ledger = new MemorySeatLedger(event);
  let n = 0;
  for (const sessions of registrations) {
    n += 1;
    const result = await ledger.register({ key: `reg-${n}`, at: new Date('2020-10-10T10:00:00Z'), registrant: person(n, sessions), waitlistIfFull: false });
    expect(result.ok).toBe(true);
  }
  return ledger;
}

describe('live seat counts', () => {
  it('counts the seats left in a session after registrations', async () => {
    const ledger = await ledgerWith([
      [4, 9],
      [4, 8],
      [4, 5],
    ]);
    const availability = await ledger.availability();
    expect(textOf(await ask('hoeveel plaatsen zijn er nog in sessie 4', { availability }))).toContain('nog 8 plaatsen vrij');
    expect(textOf(await ask('how many seats are left in the LDE session?', { availability }))).toContain('8 seats left');
    expect(textOf(await ask('is sessie 9 nog vrij', { availability }))).toContain('nog 10 plaatsen');
    expect(textOf(await ask('zijn er nog plaatsen voor talenten tellen', { availability }))).toContain('nog 39 plaatsen');
  });

  it('says a session is full when the ledger says so', async () => {
    const ledger = await ledgerWith(Array.from({ length: 11 }, () => [4, 5] as [number, number]));
    const availability = await ledger.availability();
    const nl = textOf(await ask('is workshop 4 volzet?', { availability }));
    expect(nl).toContain('volzet');
    expect(nl).not.toMatch(/nog \d+ plaats/u);
    expect(textOf(await ask('is session 4 full', { availability }))).toContain('full');
    expect(textOf(await ask('welke sessies zijn er in reeks 1 met nog plaats', { availability }))).toContain('nog 40 vrij');
  });

  it('counts the venue: cap, registered and left', async () => {
    const ledger = await ledgerWith([
      [1, 5],
      [2, 6],
    ]);
    const text = textOf(await ask('hoeveel plaatsen zijn er nog', { availability: await ledger.availability() }));
    expect(text).toContain('100');
    expect(text).toContain('nog 98 plaatsen');
  });

  it('uses the live cap when organisers changed it', async () => {
    const availability = emptyAvailability();
    availability.sessions = availability.sessions.map((s) => (s.sessionNumber === 3 ? { ...s, cap: 20, taken: 5 } : s));
    const text = textOf(await ask('hoeveel plaatsen heeft samenwerken werkt', { availability }));
    expect(text).toContain('Max. 20');
    expect(text).toContain('nog 15 plaatsen');
  });
});

describe('unknown topics: honest, with the contact, nothing invented', () => {
  const questions = [
    'is er parking aan het provinciehuis?',
    'Kan ik er met de fiets naartoe?',
    'is er lunch voorzien',
    'krijgen we koffie',
    'is er wifi',
    'is het gebouw toegankelijk voor een rolstoel',
    'krijg ik een attest',
    'mag ik een collega meebrengen',
    'is er een lift',
    'Where can I park my car?',
    'Will there be lunch?',
    'is there wifi in the building',
    'do I get a certificate of attendance',
    'is there a cloakroom',
  ];
  for (const question of questions) {
    it(question, async () => {
      const answer = await ask(question);
      const text = textOf(answer);
      expect(text).toContain(event.contact);
      expect(text).not.toMatch(/\d/u);
      expect(answer?.lang).toBe(/^(where|will|is there|do i)/iu.test(question) ? 'en' : 'nl');
    });
  }
});

describe('off-topic and gibberish are not answered confidently', () => {
  const questions = ['asdf qwerty', 'blablabla', 'xkcd zzz 42', 'de kat zit op de mat', 'ik hou van pizza', 'what is the capital of France?', 'who will win the world cup', 'vertel een mop', 'hoe maak ik spaghetti'];
  for (const question of questions) {
    it(question, async () => {
      const answer = await ask(question);
      if (answer) {
        expect(answer.confidence).toBeLessThan(confidentAnswer);
        expect(textOf(answer)).toContain(event.contact);
      }
    });
  }

  it('returns nothing for text without letters', async () => {
    expect(await ask('12345')).toBeNull();
    expect(await ask('   ')).toBeNull();
  });
});

describe('every fact comes from the event file', () => {
  const times = new Set([event.hours.start, event.hours.end, ...event.series.flatMap((s) => [s.start, s.end])]);
  const all = [...readQuestions('qa-public.jsonl'), ...readQuestions('questions.jsonl'), ...readQuestions('paraphrases.jsonl')];
  it('times, prices, e-mail addresses and session numbers in the answers exist', async () => {
    for (const { q } of all) {
      const text = textOf(await ask(q));
      // "Om 15:30 loopt reeks 2" repeats the time asked; every other time must be the programme's.
      const own = text.replace(/\b(?:Om|At) \d{2}:\d{2}/gu, '');
      for (const time of own.match(/\b\d{2}:\d{2}\b/gu) ?? []) expect(times, `${q}: ${time}`).toContain(time);
      for (const price of text.match(/€ ?\d+/gu) ?? []) expect(price.replace(/\D/gu, ''), q).toBe(String(event.book?.priceEur));
      for (const email of text.match(/[\w.]+@[\w.]+\w/gu) ?? []) expect(email, q).toBe(event.contact);
      if (/geen sessie|no session/u.test(text)) continue;
      for (const [, n] of text.matchAll(/\b(?:sessie|session) (\d+)/gu)) expect(Number(n), q).toBeLessThanOrEqual(event.sessions.length);
    }
  });

  it('speakers are named with their own organisation', async () => {
    const orgOf = new Map(event.sessions.flatMap((s) => s.speakers.map((p) => [p.name, p.organisation] as const)));
    for (const { q } of all) {
      const text = textOf(await ask(q));
      for (const [name, org] of orgOf) {
        for (const [, said] of text.matchAll(new RegExp(`${name} \\(([^)]+)\\)`, 'gu'))) if (!/^(sessie|session) /u.test(said as string)) expect(said, q).toBe(org);
      }
    }
  });
});

describe('language', () => {
  it('answers English questions in English even when the conversation is Dutch', async () => {
    const answer = await ask('Who speaks at the session about the decision tree?', { lang: 'nl' });
    expect(answer?.lang).toBe('en');
    expect(textOf(answer)).toContain('Speakers in session 8');
  });

  it('answers Dutch questions in Dutch even when the conversation is English', async () => {
    const answer = await ask('wie spreekt er over werkplekleren', { lang: 'en' });
    expect(answer?.lang).toBe('nl');
    expect(textOf(answer)).toContain('Sprekers in sessie 6');
  });

  it('keeps the conversation language when the words do not tell', async () => {
    expect((await ask('VDAB', { lang: 'en' }))?.lang).toBe('en');
    expect((await ask('VDAB', { lang: 'nl' }))?.lang).toBe('nl');
    expect((await ask('sessie 3', { lang: 'nl' }))?.lang).toBe('nl');
  });
});

describe('next steps', () => {
  it('offers registering and more about the session', async () => {
    const answer = await ask('Waar is sessie 3?');
    expect(answer?.replies[0]?.choices).toEqual([
      { id: 'register', label: 'Inschrijven' },
      { id: 'ask:Vertel meer over sessie 3', label: 'Meer over sessie 3' },
    ]);
    const en = await ask('Where is session 3?');
    expect(en?.replies[0]?.choices?.map((c) => c.label)).toEqual(['Register', 'More about session 3']);
  });

  it('answers its own "more about" choice with the whole session', async () => {
    const first = await ask('wie spreekt in sessie 7');
    const more = first?.replies[0]?.choices?.find((c) => c.id.startsWith('ask:'));
    const text = textOf(await ask(more?.id.slice('ask:'.length) ?? ''));
    for (const part of ['Wijk-werken: de opstap naar werk', '15:15', 'Zaal 2+3', 'Tine Kelchtermans (IGO)', 'werkzoekenden', 'Max. 15']) expect(text).toContain(part);
  });

  it('answers the dialog\'s session choices ("sessie 3", "session 3")', async () => {
    expect(textOf(await ask('sessie 3'))).toContain('Samenwerken werkt!');
    expect(textOf(await ask('session 3', { lang: 'en' }))).toContain('Anne Moyaerts (VDAB)');
  });

  it('does not offer registering after the deadline, and says it is closed', async () => {
    const answer = await ask('kan ik me nog inschrijven?', { now: afterDeadline });
    expect(textOf(answer)).toContain('gesloten');
    expect(answer?.replies[0]?.choices?.some((c) => c.id === 'register')).toBe(false);
  });

  it('keeps answers short and in the text model (*bold* and line breaks only)', async () => {
    for (const { q } of readQuestions('questions.jsonl')) {
      const answer = await ask(q);
      for (const reply of answer?.replies ?? []) {
        expect(reply.text.split('\n').length, q).toBeLessThanOrEqual(13);
        expect(reply.text, q).not.toMatch(/[#_`[\]<>]/u);
      }
    }
  });
});

describe('isProbablyQuestion', () => {
  it.each(['wie spreekt er?', 'hoeveel plaatsen zijn er nog', 'Kan ik parkeren', 'What time does it start', 'is er lunch', 'waar is sessie 3'])('%s is a question', (text) => {
    expect(isProbablyQuestion(text)).toBe(true);
  });
  it.each(['Jan', 'Peeters', 'jan.peeters@example.org', '+32 16 26 76 00', 'VDAB', 'ja', 'Provincieplein 1'])('%s is not', (text) => {
    expect(isProbablyQuestion(text)).toBe(false);
  });
});

describe('time ranges: what overlaps them, and honestly what the event file leaves open', () => {
  it('a range before the first series says the page does not say, with the day hours and the contact', async () => {
    const text = textOf(await ask('Wat gebeurt er tussen 12:15 en 13:30?'));
    expect(text).toContain('Van 12:15 tot 13:30');
    expect(text).toContain('staat niet in de informatie');
    expect(text).toContain('De dag loopt van 12:15 tot 16:45');
    expect(text).toContain('Reeks 1 begint om 13:30');
    expect(text).toContain(event.contact);
    expect(text).not.toContain('geen sessie');
  });

  it('a range across the pause names the gap and the series that starts in it', async () => {
    const text = textOf(await ask('Wat staat er op het programma tussen 15:00 en 15:30?'));
    expect(text).toContain('Van 15:00 tot 15:15');
    expect(text).toContain('reeks 2 (15:15–16:45)');
    expect(text).toContain('Talenten tellen');
    expect(text).not.toContain('reeks 1');
    expect(text).not.toContain('Sociale clausules');
  });

  it('"between 2 and 3 pm" is series 1, in English, and nothing of series 2', async () => {
    const answer = await ask('What is on between 2 and 3 pm?', { lang: 'nl' });
    const text = textOf(answer);
    expect(answer?.lang).toBe('en');
    expect(text).toContain('series 1 (13:30–15:00)');
    expect(text).toContain('Sociale clausules bij overheidsopdrachten');
    expect(text).not.toContain('Talenten tellen');
  });

  it('a range wholly before the day says nothing is scheduled and when the day runs', async () => {
    const text = textOf(await ask('What happens between 10 and 11?'));
    expect(text).toBe('Nothing is scheduled from 10:00 to 11:00: the networking day runs from 12:15 to 16:45.');
  });

  it('"na 15u" is the rest of the day', async () => {
    const text = textOf(await ask('welke sessies zijn er na 15u'));
    expect(text).toContain('reeks 2 (15:15–16:45)');
    expect(text).not.toContain('reeks 1');
  });
});

describe('the series after (or before) another', () => {
  it('after the first series comes series 2 with its sessions', async () => {
    const nl = textOf(await ask('Wat is er na de eerste reeks?'));
    expect(nl).toContain('Na reeks 1 komt reeks 2 (15:15–16:45)');
    expect(nl).toContain('Innovatie in de sociale economie');
    expect(nl).not.toContain('Sociale clausules');
    const en = textOf(await ask('What comes after the first series?'));
    expect(en).toContain('After series 1 comes series 2 (15:15–16:45)');
    expect(en).not.toContain('Sociale clausules');
  });

  it('after the last series the day is over; before series 2 is series 1', async () => {
    expect(textOf(await ask('wat is er na reeks 2'))).toBe('Na reeks 2 (tot 16:45) is de netwerkdag afgelopen.');
    const before = textOf(await ask('what is before the second series?'));
    expect(before).toContain('Before series 2 comes series 1 (13:30–15:00)');
    expect(before).not.toContain('Talenten tellen');
  });
});

describe('who may come: the audiences of the event file', () => {
  it('an OCMW is a local government: yes', async () => {
    const text = textOf(await ask('Ik werk bij een OCMW, mag ik komen?'));
    expect(text).toMatch(/^Ja, je bent welkom: een OCMW is een lokaal bestuur/u);
    for (const audience of event.audiences) expect(text).toContain(audience);
    expect(text).not.toContain('Nancy Van Nerum');
  });

  it('a municipality is a local government: yes, in English', async () => {
    const answer = await ask('I work for a municipality, can I attend?');
    expect(answer?.lang).toBe('en');
    expect(textOf(answer)).toMatch(/^Yes, you are welcome: a municipality is a local government/u);
    expect(answer?.confidence).toBeGreaterThanOrEqual(confidentAnswer);
  });

  it('others hear who it is meant for and whom to ask, not yes or no', async () => {
    for (const question of ['Kan ik als werkzoekende ook komen?', 'I am a student, can I attend?', 'ik werk bij VDAB, mag ik komen?']) {
      const text = textOf(await ask(question));
      for (const audience of event.audiences) expect(text, question).toContain(audience);
      expect(text, question).toContain(event.contact);
      expect(text, question).not.toMatch(/^(Ja|Yes)\b/u);
    }
  });

  it('"als" with a condition is not who asks', async () => {
    expect(textOf(await ask('als de regels strenger worden, mag ik dan nog komen?'))).not.toContain('bedoeld voor');
  });
});

describe('"room" as space', () => {
  it('"any room in session 4" asks for free seats, not the room', async () => {
    const text = textOf(await ask('Is there any room in session 4?'));
    expect(text).toContain('11 seats left');
    expect(text).not.toContain('is in *Zaal 6+7*');
    expect(textOf(await ask('Is there room for me in the LDE workshop?'))).toContain('seats left');
    expect(textOf(await ask('Is er nog plaats in sessie 4?'))).toContain('nog 11 plaatsen vrij');
  });

  it('"which room" still asks where', async () => {
    expect(textOf(await ask('which room is session 4 in'))).toContain('Zaal 6+7');
  });
});
