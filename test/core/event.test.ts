import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BalieError, findSession, parseEvent, sessionsOfSeries, sessionTimes, seriesOf } from '../../src/core/index.ts';

const path = fileURLToPath(new URL('../../events/netwerkdag-2020.yaml', import.meta.url));
const text = readFileSync(path, 'utf8');

// The file as YAML gives it, before validation: any shape at all, which is what these tests break.
type RawEvent = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The real file with one change applied, as YAML text. */
function edited(change: (raw: RawEvent) => void): string {
  const raw: RawEvent = parse(text);
  change(raw);
  return stringify(raw);
}

/** The message of the BalieError that parsing throws. */
function problemsOf(yamlText: string): string {
  try {
    parseEvent(yamlText, 'events/bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(BalieError);
    expect((error as BalieError).code).toBe('event_file_invalid');
    return (error as BalieError).message;
  }
  throw new Error('expected the file to be refused');
}

describe('parseEvent: the real event file', () => {
  const event = parseEvent(text, path);

  it('holds the event as the seed describes it', () => {
    expect(event).toMatchObject({
      id: 'netwerkdag-2020',
      title: 'Netwerkdag sociale economie',
      date: '2020-10-29',
      timezone: 'Europe/Brussels',
      hours: { start: '12:15', end: '16:45' },
      venue: { name: 'Provinciehuis Vlaams-Brabant', street: 'Provincieplein 1', postalCode: '3010', city: 'Leuven' },
      venueCap: 100,
      price: 'free',
      registrationCloses: '2020-10-22',
      capacityLoweredRule: 'lifo',
      contact: 'sociale.economie@vlaamsbrabant.be',
      book: { priceEur: 33, shippingAddressRequired: true },
    });
    expect(event.book?.title).toContain('Aan de slag met sociale economie');
    expect(event.audiences).toHaveLength(3);
  });

  it('has two series and nine sessions with the seed caps', () => {
    expect(event.series.map((s) => [s.id, s.start, s.end])).toEqual([[1, '13:30', '15:00'], [2, '15:15', '16:45']]);
    expect(event.sessions.map((s) => [s.number, s.series, s.capacity])).toEqual([
      [1, 1, 40], [2, 1, 58], [3, 1, 15], [4, 1, 11], [5, 2, 40], [6, 2, 58], [7, 2, 15], [8, 2, 11], [9, 2, 11],
    ]);
    expect(sessionsOfSeries(event, 2).map((s) => s.number)).toEqual([5, 6, 7, 8, 9]);
    for (const session of event.sessions) {
      expect(session.speakers.length).toBeGreaterThan(0);
      expect(session.description.length).toBeGreaterThan(20);
    }
  });

  it('gives every session an English title and summary; without one the file is still valid', () => {
    for (const session of event.sessions) {
      expect(session.en?.title, `session ${session.number}`).toBeTruthy();
      expect(session.en?.summary.length, `session ${session.number}`).toBeGreaterThan(60);
    }
    expect(event.en?.tagline).toMatch(/^A day full of instruments/u);
    const bare = parseEvent(edited((raw) => {
      delete raw.sessions[0].en;
      delete raw.en;
    }), 'events/bare.yaml');
    expect(bare.sessions[0]?.en).toBeUndefined();
    expect(bare.en).toBeUndefined();
  });

  it('finds sessions and their series and times (29 Oct 2020 is winter time, UTC+1)', () => {
    const session = findSession(event, 7);
    expect(session?.room).toBe('Zaal 2+3');
    expect(findSession(event, 10)).toBeNull();
    if (!session) return;
    expect(seriesOf(event, session).name).toBe('Reeks 2');
    const times = sessionTimes(event, session);
    expect([times.start.toISOString(), times.end.toISOString()]).toEqual(['2020-10-29T14:15:00.000Z', '2020-10-29T15:45:00.000Z']);
  });
});

describe('parseEvent: a bad file names the source, the path and the field', () => {
  it.each([
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 2.5],
    ['text', 'ten'],
    ['missing', undefined],
  ])('session capacity %s', (_label, capacity) => {
    const message = problemsOf(edited((raw) => {
      raw.sessions[3].capacity = capacity;
    }));
    expect(message).toBe('events/bad.yaml: sessions[3].capacity: expected a positive integer');
  });

  it('reports every field problem at once', () => {
    const message = problemsOf(edited((raw) => {
      delete raw.title;
      raw.venueCap = 0;
      raw.contact = 'not an address';
    }));
    expect(message).toContain('title: expected text');
    expect(message).toContain('venueCap: expected a positive integer');
    expect(message).toContain('contact: expected an e-mail address');
  });

  it('refuses a session number that appears twice', () => {
    expect(problemsOf(edited((raw) => {
      raw.sessions[4].number = 1;
    }))).toBe('events/bad.yaml: sessions[4].number: session number 1 appears twice');
  });

  it('refuses a session in an unknown series, and a series without sessions', () => {
    expect(problemsOf(edited((raw) => {
      raw.sessions[5].series = 7;
    }))).toBe('events/bad.yaml: sessions[5].series: no series with id 7');
    expect(problemsOf(edited((raw) => {
      raw.series.push({ id: 3, name: 'Reeks 3', start: '17:00', end: '18:00' });
    }))).toBe('events/bad.yaml: series[2]: a series needs at least one session');
  });

  it('refuses bad times, dates and time zones', () => {
    expect(problemsOf(edited((raw) => {
      raw.series[0].start = '25:00';
    }))).toBe('events/bad.yaml: series[0].start: expected a time HH:MM');
    expect(problemsOf(edited((raw) => {
      raw.registrationCloses = '22 oktober';
    }))).toBe('events/bad.yaml: registrationCloses: expected a date YYYY-MM-DD');
    expect(problemsOf(edited((raw) => {
      raw.registrationCloses = '2020-10-32';
    }))).toBe('events/bad.yaml: registrationCloses: expected a date YYYY-MM-DD');
    expect(problemsOf(edited((raw) => {
      raw.timezone = 'Mars/Olympus';
    }))).toBe('events/bad.yaml: timezone: expected an IANA time zone such as Europe/Brussels');
  });

  it('refuses an English summary without its text', () => {
    expect(problemsOf(edited((raw) => {
      raw.sessions[2].en = { title: 'Working together works!' };
    }))).toBe('events/bad.yaml: sessions[2].en.summary: expected text');
  });

  it('refuses a session without speakers and a capacity rule other than LIFO', () => {
    expect(problemsOf(edited((raw) => {
      raw.sessions[0].speakers = [];
    }))).toBe('events/bad.yaml: sessions[0].speakers: expected at least one speaker');
    expect(problemsOf(edited((raw) => {
      raw.capacityLoweredRule = 'fifo';
    }))).toMatch(/^events\/bad\.yaml: capacityLoweredRule: /);
  });

  it('refuses text that is not YAML or not an event', () => {
    expect(problemsOf('title: [')).toMatch(/^events\/bad\.yaml: not valid YAML: /);
    expect(problemsOf('')).toMatch(/^events\/bad\.yaml: \(root\): /);
    expect(problemsOf('- 1\n- 2\n')).toMatch(/^events\/bad\.yaml: \(root\): /);
  });
});
