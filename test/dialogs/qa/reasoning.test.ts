import { describe, expect, it } from 'vitest';
import { findSession } from '../../../src/core/index.ts';
import { ask, emptyAvailability, event, textOf } from './qa-fixture.ts';

const lines = (text: string): string[] => text.split('\n');
/** A comparison names a few sessions, never the whole programme. */
const short = (text: string): void => {
  expect(lines(text).length, text).toBeLessThanOrEqual(6);
  expect(text, text).not.toMatch(/programma van de|programme of the/iu);
};

describe('superlatives and comparisons over sessions', () => {
  it('the fewest and the most seats name the sessions and the number, in a few lines', async () => {
    const fewest = textOf(await ask('welke sessie telt de minste plaatsen?'));
    expect(fewest).toMatch(/^Sessies 4, 8 en 9 hebben de minste plaatsen, max\. 11 deelnemers/u);
    short(fewest);
    const most = textOf(await ask('which workshop holds the most participants?'));
    expect(most).toMatch(/^Sessions 2 and 6 have the most seats, max\. 58 participants/u);
    short(most);
  });

  it('within the series the question names', async () => {
    const text = textOf(await ask('wat is de kleinste workshop van reeks 1'));
    expect(text).toContain('Sessie 4');
    expect(text).not.toMatch(/Sessies? (?:4, )?8/u);
  });

  it('rooms by their largest session', async () => {
    expect(textOf(await ask('welk lokaal is het grootst?'))).toContain('*Provincieraadzaal*: max. 58');
    expect(textOf(await ask('which is the smallest room?'))).toMatch(/\*Zaal 6\+7\* and \*Zaal 4\+5\*: max\. 11/u);
  });

  it('two sessions compared get a yes or a no first, with both numbers', async () => {
    const no = textOf(await ask('is sessie 3 groter dan sessie 7?'));
    expect(no).toMatch(/^Nee, ze zijn even groot: sessie 3 .*max\. 15 deelnemers; sessie 7 .*max\. 15 deelnemers\.$/u);
    const yes = textOf(await ask('has the workplace learning session more seats than talenten tellen?'));
    expect(yes).toMatch(/^Yes: session 6 .*max\. 58 participants; session 5 .*max\. 40 participants\.$/u);
  });

  it('two sessions named by their themes, one theme in two texts but one title', async () => {
    expect(textOf(await ask('is talenten tellen even groot als sociale clausules?'))).toMatch(/^Ja, ze zijn even groot: sessie 5 .*; sessie 1 /u);
  });

  it('the sessions with a given cap', async () => {
    const text = textOf(await ask('which sessions have 15 seats?'));
    expect(text).toMatch(/^Sessions with max\. 15 participants:/u);
    expect(text).toContain('*3. ');
    expect(text).toContain('*7. ');
    expect(lines(text)).toHaveLength(3);
  });

  it('live seats when the question asks what is left', async () => {
    const availability = emptyAvailability();
    availability.sessions = availability.sessions.map((s) => (s.sessionNumber === 2 ? { ...s, taken: 50 } : s));
    const text = textOf(await ask('welke sessie heeft nog de minste vrije plaatsen?', { availability }));
    expect(text).toMatch(/^Sessie 2 heeft de minste vrije plaatsen, nog 8 plaatsen vrij/u);
  });

  it('thresholds and counts of speakers', async () => {
    const text = textOf(await ask('welke workshops hebben minder dan 15 plaatsen'));
    for (const n of [4, 8, 9]) expect(text).toContain(`*${n}. `);
    expect(text).not.toContain('*3. ');
    const single = textOf(await ask('which sessions have just one speaker?'));
    expect(single).toContain('Mieke Frans');
    expect(single).toContain('Jo Helsen');
    expect(single).not.toContain('Leen Vandermeeren');
  });

  it('the bigger of two sessions named', async () => {
    expect(textOf(await ask('sessie 1 of sessie 3, welke is de grootste?'))).toMatch(/^Sessie 1 heeft de meeste plaatsen, max\. 40 deelnemers:/u);
    expect(textOf(await ask('which session has more seats: 5 or 8?'))).toMatch(/^Session 5 has the most seats, max\. 40 participants:/u);
  });

  it('a superlative with nothing to count is no comparison', async () => {
    expect(textOf(await ask('welke sessie is het meest interessant voor een schepen?'))).not.toMatch(/de meeste plaatsen/u);
  });
});

describe('the day, the series and lengths of time', () => {
  it('a session lasts as long as its series, the day from its start to its end', async () => {
    expect(textOf(await ask('hoelang duurt zo een workshop?'))).toMatch(/^Een sessie duurt 1 u 30 \(90 minuten\)/u);
    expect(textOf(await ask('how long does the whole networking day take?'))).toMatch(/^The networking day lasts 4 hours 30 minutes \(270 minutes\): from 12:15 to 16:45\.$/u);
    expect(textOf(await ask('hoe lang duurt de workshop over wijk-werken'))).toMatch(/^Sessie 7 .* duurt 1 u 30 \(90 minuten\): van 15:15 tot 16:45\.$/u);
  });

  it('a length compared with the one asked gets a yes or a no', async () => {
    expect(textOf(await ask('duurt een workshop langer dan een uur?'))).toMatch(/^Ja\. Een sessie duurt 1 u 30/u);
    expect(textOf(await ask('is the day shorter than 4 hours?'))).toMatch(/^No\. The networking day lasts 4 hours 30 minutes/u);
  });

  it('the gap between the series is measured, and what happens then honestly not known', async () => {
    const text = textOf(await ask('hoeveel tijd zit er tussen de twee reeksen?'));
    expect(text).toContain('15 minuten');
    expect(text).toContain(event.contact);
  });

  it('the length between two times the question names', async () => {
    expect(textOf(await ask('hoeveel tijd is er tussen 13u30 en 16u45?'))).toBe('Van 13:30 tot 16:45 is het 3 u 15 (195 minuten).');
  });

  it('a date question gets the day, not a session', async () => {
    const text = textOf(await ask('op welke datum valt het evenement?'));
    expect(text).toContain('29 oktober 2020');
    expect(text).not.toMatch(/Sessie \d/u);
  });

  it('misspelt deadline words reach the deadline', async () => {
    for (const q of ['wat is de inschrijvingsdedline', 'uiterste inschrijfdatum?', 'registration deadlne?']) expect(textOf(await ask(q)), q).toContain('22');
  });
});

describe('what fits together, and in someone\'s day', () => {
  it('sessions of different series go together, with their times', async () => {
    const text = textOf(await ask('kan ik zowel naar sessie 2 als naar sessie 9?'));
    expect(text).toMatch(/^Ja, dat kan/u);
    expect(text).toContain('13:30–15:00');
    expect(text).toContain('15:15–16:45');
  });

  it('sessions of one series do not, and the answer says why', async () => {
    const text = textOf(await ask('could I do both the arbeidszorg session and the LDE one?'));
    expect(text).toMatch(/^No: sessions 2 and 4 run at the same time, in series 1 \(13:30–15:00\)/u);
  });

  it('bare numbers in a question about doing sessions together', async () => {
    expect(textOf(await ask('kan ik 3 en 9 volgen?'))).toMatch(/^Ja, dat kan: sessies 3 en 9/u);
  });

  it('what goes with one session: the other series', async () => {
    const text = textOf(await ask('which sessions can I combine with session 7?'));
    expect(text).toMatch(/^Session 7 is in series 2 \(15:15–16:45\); besides it you choose one session in series 1/u);
    expect(text).toContain('Social clauses in public procurement');
    expect(text).not.toContain('Talents count');
  });

  it('how many sessions one can follow', async () => {
    expect(textOf(await ask('how many sessions can I attend?'))).toMatch(/^You choose one session per series, so you follow 2/u);
    expect(textOf(await ask('mag ik drie workshops volgen?'))).toMatch(/^Nee: je kiest één sessie per reeks, dus je volgt er hoogstens 2/u);
  });

  it('arriving late leaves the series that start after it; leaving early the ones that end before', async () => {
    const late = textOf(await ask('ik ben er pas om kwart voor drie, wat kan ik nog volgen?'));
    expect(late).toContain('reeks 2 volgen (15:15–16:45)');
    expect(late).not.toContain('Sociale clausules');
    expect(late).toContain('al bezig');
    expect(textOf(await ask('my colleague arrives at half past three, what can she still do?'))).toContain('No series starts after 15:30.');
    expect(textOf(await ask('ik kom om 13 uur, ben ik op tijd?'))).toBe('Om 13:00 ben je op tijd voor alle reeksen: de eerste begint om 13:30.');
    const early = textOf(await ask('I need to leave at four, which sessions can I do?'));
    expect(early).toContain('series 1 (13:30–15:00)');
    expect(early).not.toContain('Talents count');
  });
});

describe('recommendations by interest, in English and in long questions', () => {
  it('finds the session from what the asker does', async () => {
    const cases: Array<[string, string]> = [
      ['I handle public contracts for our town and want them to create jobs, which workshop should I attend?', 'Social clauses'],
      ['wij willen als gemeente meer doen met circulaire economie en nieuwe vormen van ondernemerschap, welke sessie raad je aan?', 'Innovatie in de sociale economie'],
      ['our city hall wants to offer traineeships on the work floor, any advice on a session?', 'workplace learning'],
    ];
    cases.push(['ik werk bij een maatwerkbedrijf dat graag opdrachten van de stad zou krijgen, welke workshop?', 'Sociale clausules']);
    for (const [q, title] of cases) {
      const text = textOf(await ask(q));
      expect(text, q).toContain(title);
      expect(lines(text).length, q).toBeLessThanOrEqual(4);
    }
  });
});

describe('what a session covers, from its description and bullet points', () => {
  it('a list asked of a session gives its bullet points', async () => {
    const text = textOf(await ask('welke aanpakken komen aan bod in de sessie over sociale clausules?'));
    for (const bullet of findSession(event, 1)?.bullets ?? []) expect(text).toContain(bullet);
  });

  it('who did what in the text: the organisations the description names, not the speakers', async () => {
    const text = textOf(await ask('wie werkte er samen in het project van de werkplekleren-sessie?'));
    expect(text).toContain('Taskforce Spitsregio Leuven');
    expect(text).not.toContain('Roos Van Der Jeught');
  });

  it('what an organisation does in the descriptions, with its speakers', async () => {
    const text = textOf(await ask('wat doet Groep Intro op de netwerkdag?'));
    expect(text).toContain('Groep Intro ondersteunde');
    expect(text).toContain('Eva Parys');
  });

  it('a word only one session\'s text has names that session', async () => {
    expect(textOf(await ask('hoeveel mensen extra wil het regeerakkoord aan de slag helpen?'))).toContain('120.000 mensen extra');
  });

  it('a number in the text', async () => {
    expect(textOf(await ask('na hoeveel jaar stromen de mensen in de LDE-projecten door?'))).toContain('na 5 jaar');
  });

  it('a term of one session\'s text, in the sentence that has it', async () => {
    const text = textOf(await ask('wat zijn knelpuntvacatures?'));
    expect(text).toContain('Uit de beschrijving van sessie 6');
    expect(text).toContain('knelpuntvacatures ingevuld');
    expect(lines(text)).toHaveLength(2);
  });

  it('in English, from the English summary', async () => {
    const text = textOf(await ask('which measures does the arbeidszorg session go through?'));
    expect(text).toContain('From the description of session 2');
    expect(text).toContain('work-like activities (AMA)');
  });
});

describe('abbreviations, all of them from the event file', () => {
  it('lists every abbreviation the texts spell out', async () => {
    const text = textOf(await ask('welke afkortingen staan er in de info?'));
    for (const short of ['AMA', 'GBO', 'LDE', 'LIFO']) expect(text).toContain(`*${short}*`);
  });

  it('explains several at once, and says so when one is not spelt out', async () => {
    const text = textOf(await ask('waar staan GBO en LDE voor?'));
    expect(text).toContain('Geïntegreerd breed onthaal');
    expect(text).toContain('Lokale diensteneconomie');
    expect(textOf(await ask('waar staat VVSG voor?'))).toMatch(/^Waar \*VVSG\* voor staat, schrijft de informatie over de netwerkdag niet uit\./u);
  });
});

describe('yes/no questions: yes or no first', () => {
  it.each([
    ['is het boek verplicht?', /^Nee, het boek is optioneel/u],
    ['is deelnemen gratis?', /^Ja\. Deelname is \*gratis\*/u],
    ['moet ik iets betalen om te komen?', /^Nee\. /u],
    ['is the book free?', /^No\. /u],
    ['is het op een vrijdag?', /^Nee\. /u],
    ['kan ik het via teams volgen?', /^Nee\. /u],
    ['is sessie 8 volzet?', /^Nee\. /u],
    ['ligt de netwerkdag in Gent?', /^Nee\. .*Leuven/u],
    ['mag het aantal deelnemers per workshop overschreden worden?', /^Nee: «Het aantal deelnemers per workshop mag niet overschreden worden\.»$/u],
  ])('%s', async (q, pattern) => {
    expect(textOf(await ask(q))).toMatch(pattern);
  });

  it('no yes or no when the facts do not settle it', async () => {
    expect(textOf(await ask('is dit iets voor een student?'))).not.toMatch(/^(?:Ja|Nee)\b/u);
  });
});

describe('two-part questions get both parts, and nothing else', () => {
  it('time and room of one session', async () => {
    const text = textOf(await ask('beslissingsboom: om hoe laat en in welk lokaal?'));
    expect(lines(text)).toHaveLength(2);
    expect(text).toContain('15:15');
    expect(text).toContain('Zaal 4+5');
  });

  it('a fragment that lists what it wants', async () => {
    const text = textOf(await ask('sessie 9 uur zaal sprekers'));
    for (const part of ['15:15', 'Zaal 6+7', 'Jo Helsen']) expect(text).toContain(part);
  });

  it('the day and a session', async () => {
    const text = textOf(await ask('hoe laat begint de netwerkdag en wanneer start reeks 2?'));
    expect(text).toContain('12:15');
    expect(text).toContain('15:15');
  });
});

describe('English conversations use the English summaries; Dutch ones the Dutch text', () => {
  it('a session card', async () => {
    const session = findSession(event, 8);
    const en = textOf(await ask('tell me about session 8', { lang: 'en' }));
    expect(en).toContain(session?.en?.summary);
    expect(en).toContain('*8. The decision tree explained* (Toelichting beslissingsboom)');
    expect(en).not.toContain('(in Dutch)');
    const nl = textOf(await ask('vertel meer over sessie 8'));
    expect(nl).toContain('Als medewerker van een lokaal bestuur');
    expect(nl).not.toContain(session?.en?.summary);
  });
});

describe('issue 9: the language of the day and who may come', () => {
  it('the page does not say in which language: honestly, with the contact', async () => {
    for (const q of ['wordt de dag in het Nederlands gegeven?', 'Are the talks in English?']) {
      const text = textOf(await ask(q));
      expect(text, q).toContain(event.contact);
      expect(text, q).toMatch(/staat niet in de informatie|does not say/u);
    }
  });

  it('"ik ben geen ambtenaar" hears the other audiences', async () => {
    const text = textOf(await ask('ik ben geen ambtenaar, mag ik toch komen?'));
    expect(text).toMatch(/^Dat hoeft niet: de netwerkdag is niet alleen voor lokale besturen, maar ook voor sociale economiebedrijven en stakeholders\./u);
    expect(text).toContain(event.contact);
  });
});
