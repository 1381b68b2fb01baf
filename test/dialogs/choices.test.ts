import { describe, expect, it } from 'vitest';
import { matchOption, normalise, yesNo, type Option } from '../../src/dialogs/choices.ts';
import { guessLanguage, looksLikeQuestion, parseCommand, parseIdleIntent } from '../../src/dialogs/commands.ts';

const sessions: Option[] = [
  { id: 'session:5', label: 'Talenten tellen', aliases: ['5'], keywords: ['sessie 5'] },
  { id: 'session:6', label: 'Ook getest op lokale besturen: werkplekleren', aliases: ['6'], keywords: ['sessie 6'] },
  { id: 'session:7', label: 'Wijk-werken: de opstap naar werk', aliases: ['7'], keywords: ['sessie 7'] },
];

describe('typed answers to choices', () => {
  it('normalises case, accents, punctuation and invisible characters', () => {
    expect(normalise('  Ja, GRAAG!  ')).toBe('ja graag');
    expect(normalise('België\u200b')).toBe('belgie');
    expect(normalise('e-mail')).toBe('e mail');
  });

  it('matches by id, own number, position, label, fragment and keyword', () => {
    expect(matchOption('session:6', sessions)?.id).toBe('session:6');
    expect(matchOption('7', sessions)?.id).toBe('session:7');
    expect(matchOption('nr 5', sessions)?.id).toBe('session:5');
    const types: Option[] = [{ id: 'orgType:local_government', label: 'Lokaal bestuur' }, { id: 'orgType:social_economy', label: 'Sociale-economiebedrijf' }];
    expect(matchOption('2', types)?.id).toBe('orgType:social_economy');
    expect(matchOption('nr 1', types)?.id).toBe('orgType:local_government');
    expect(matchOption('talenten TELLEN', sessions)?.id).toBe('session:5');
    expect(matchOption('werkplek', sessions)?.id).toBe('session:6');
    expect(matchOption('ik kies sessie 7 graag', sessions)?.id).toBe('session:7');
    expect(matchOption('wijk werken', sessions)?.id).toBe('session:7');
  });

  it('never takes a number for a place in a list of sessions: "2" is session 2, not the second option', () => {
    expect(matchOption('2', sessions)).toBeNull();
    expect(matchOption('1', sessions)).toBeNull();
    const menu: Option[] = [{ id: 'register', label: 'Inschrijven' }, { id: 'help', label: 'Help' }];
    expect(matchOption('2', menu)?.id).toBe('help');
  });

  it('refuses what is ambiguous, unknown or only loosely similar in exact mode', () => {
    expect(matchOption('werk', sessions)).toBeNull();
    expect(matchOption('9', sessions)).toBeNull();
    // Options with numbers of their own are never picked by position: "2" is session 2, not the second listed.
    expect(matchOption('2', sessions)).toBeNull();
    expect(matchOption('nr 1', sessions)).toBeNull();
    expect(matchOption('', sessions)).toBeNull();
    expect(matchOption('xyz', sessions)).toBeNull();
    expect(matchOption('werkplek', sessions, 'exact')).toBeNull();
    expect(matchOption('Talenten tellen', sessions, 'exact')?.id).toBe('session:5');
  });

  it('understands yes and no in both languages', () => {
    expect(['ja', 'Ja!', 'yes', 'oké', 'ja graag'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['nee', 'Neen.', 'no', 'no thanks'].map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
    expect(['jaa', 'jaaa!', 'yess', 'ja hoor, prima', 'doe maar', 'sounds good', 'oké dan'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['neee', 'nee hoor', 'nooo', 'nee, dank u'].map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
    expect(yesNo('misschien')).toBeNull();
    expect(yesNo('ja maar niet nu')).toBeNull();
  });
});

describe('global commands', () => {
  it('reads stop, back, help and language in both languages', () => {
    expect(parseCommand('Stop!')).toEqual({ kind: 'stop' });
    expect(parseCommand('annuleer')).toEqual({ kind: 'stop' });
    expect(parseCommand('terug')).toEqual({ kind: 'back' });
    expect(parseCommand('Go back')).toEqual({ kind: 'back' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
    expect(parseCommand('English please')).toEqual({ kind: 'language', lang: 'en' });
    expect(parseCommand('taal en')).toEqual({ kind: 'language', lang: 'en' });
    expect(parseCommand('Nederlands graag')).toEqual({ kind: 'language', lang: 'nl' });
    expect(parseCommand('ik stop bij sessie 2')).toBeNull();
    expect(parseCommand('Jan')).toBeNull();
  });

  it('reads which field to change', () => {
    expect(parseCommand('wijzig e-mail')).toEqual({ kind: 'change', target: 'email' });
    expect(parseCommand('change email')).toEqual({ kind: 'change', target: 'email' });
    expect(parseCommand('Ik wil mijn telefoonnummer wijzigen')).toEqual({ kind: 'change', target: 'phone' });
    expect(parseCommand('pas de postcode aan')).toEqual({ kind: 'change', target: 'postalCode' });
    expect(parseCommand('wijzig reeks 2')).toEqual({ kind: 'change', target: 'session:2' });
    expect(parseCommand('change the first session')).toEqual({ kind: 'change', target: 'session:1' });
    expect(parseCommand('wijzig sessie')).toEqual({ kind: 'change', target: 'session' });
    expect(parseCommand('wijzig')).toEqual({ kind: 'change', target: null });
    expect(parseCommand('change my hat')).toEqual({ kind: 'change', target: null });
    expect(parseCommand('Van Pas')).toBeNull();
    expect(parseCommand('Jan Fix')).toBeNull();
    expect(parseCommand('e-mailadres wijzigen')).toEqual({ kind: 'change', target: 'email' });
  });

  it('recognises questions and idle intents', () => {
    expect(looksLikeQuestion('Wanneer is sessie 3')).toBe(true);
    expect(looksLikeQuestion('sessie 3?')).toBe(true);
    expect(looksLikeQuestion('Where is the venue')).toBe(true);
    expect(looksLikeQuestion('Jan')).toBe(false);
    expect(parseIdleIntent('Ik wil me inschrijven')).toBe('register');
    expect(parseIdleIntent('I want to sign up')).toBe('register');
    expect(parseIdleIntent('mijn inschrijving')).toBe('myRegistration');
    expect(parseIdleIntent('Annuleer mijn inschrijving')).toBe('cancelRegistration');
    expect(parseIdleIntent('I want to change my session')).toBe('changeSession');
    expect(parseIdleIntent('goedemorgen')).toBe('greeting');
    expect(parseIdleIntent('bedankt!')).toBe('thanks');
    expect(parseIdleIntent('wat is arbeidszorg')).toBeNull();
    expect(guessLanguage("I'd like to register")).toBe('en');
    expect(guessLanguage('Ik wil me graag inschrijven')).toBe('nl');
    expect(guessLanguage('hi')).toBeNull();
    expect(guessLanguage('Jan')).toBeNull();
  });
});
