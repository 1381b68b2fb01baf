import { describe, expect, it } from 'vitest';
import { BalieError } from '../../src/core/index.ts';
import { defaultConsoleNow, defaultEventPath, loadConfig } from '../../src/app/config.ts';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BalieError);
    expect((error as BalieError).code).toBe('config_invalid');
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({ eventPath: defaultEventPath, now: null, redisUrl: null, smtpUrl: null, mailDir: 'outbox', mailFrom: null, stateTtlDays: 30, reminderDays: 2, purgeDaysAfter: 30, links: null, logLevel: null, port: 3978, host: '0.0.0.0', organisers: [], deskSecret: null, checkinSecret: null, trustProxy: null });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      BALIE_EVENT: 'events/other.yaml',
      BALIE_NOW: '2020-10-22T23:59:00+02:00',
      REDIS_URL: 'redis://127.0.0.1:6390/2',
      SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525',
      BALIE_MAIL_DIR: '/tmp/mails',
      BALIE_MAIL_FROM: 'Netwerkdag <noreply@vlaamsbrabant.be>',
      BALIE_STATE_TTL_DAYS: '7',
      BALIE_REMINDER_DAYS: '3',
      BALIE_PURGE_DAYS_AFTER: '0',
      BALIE_PUBLIC_URL: 'https://balie.example.org/',
      BALIE_LINK_SECRET: 'a-secret-of-at-least-thirty-two-characters',
      LOG_LEVEL: 'debug',
      PORT: '8080',
      HOST: '::',
    });
    expect(config).toEqual({
      eventPath: 'events/other.yaml',
      now: new Date('2020-10-22T21:59:00Z'),
      redisUrl: 'redis://127.0.0.1:6390/2',
      smtpUrl: 'smtp://mailer:secret@127.0.0.1:2525',
      mailDir: '/tmp/mails',
      mailFrom: { name: 'Netwerkdag', address: 'noreply@vlaamsbrabant.be' },
      stateTtlDays: 7,
      reminderDays: 3,
      purgeDaysAfter: 0,
      links: { publicUrl: 'https://balie.example.org', secret: 'a-secret-of-at-least-thirty-two-characters' },
      logLevel: 'debug',
      port: 8080,
      host: '::',
      organisers: [],
      deskSecret: null,
      checkinSecret: null,
      trustProxy: null,
    });
  });

  it('reads BALIE_NOW without an offset as Brussels time, summer and winter', () => {
    expect(loadConfig({ BALIE_NOW: '2020-10-15T09:00' }).now).toEqual(new Date('2020-10-15T07:00:00Z'));
    expect(loadConfig({ BALIE_NOW: '2020-11-02T09:00:30' }).now).toEqual(new Date('2020-11-02T08:00:30Z'));
    expect(loadConfig({ BALIE_NOW: '2020-10-15T07:00:00Z' }).now).toEqual(new Date('2020-10-15T07:00:00Z'));
  });

  it('pins the console default at 15 October 2020, 09:00 in Brussels', () => {
    expect(defaultConsoleNow).toEqual(new Date('2020-10-15T07:00:00Z'));
  });

  it('accepts the Redis URL forms the Redis store knows', () => {
    for (const url of ['redis://127.0.0.1:6390', 'rediss://user:pw@redis.example.org:6380/1', 'redis+sentinel://10.0.0.1:26379,10.0.0.2:26379/balie']) {
      expect(loadConfig({ REDIS_URL: url }).redisUrl).toBe(url);
    }
  });

  it('reads BALIE_MAIL_FROM with or without a name, and refuses what is no address', () => {
    expect(loadConfig({ BALIE_MAIL_FROM: 'noreply@vlaamsbrabant.be' }).mailFrom).toEqual({ name: null, address: 'noreply@vlaamsbrabant.be' });
    expect(loadConfig({ BALIE_MAIL_FROM: '"Provincie Vlaams-Brabant" <noreply@vlaamsbrabant.be>' }).mailFrom).toEqual({
      name: 'Provincie Vlaams-Brabant',
      address: 'noreply@vlaamsbrabant.be',
    });
    for (const bad of ['noreply', 'Netwerkdag <noreply>', 'a@b.be, c@d.be', 'Netwerkdag noreply@vlaamsbrabant.be']) {
      expect(problem({ BALIE_MAIL_FROM: bad })).toContain('BALIE_MAIL_FROM: expected an e-mail address');
    }
  });

  it('reads the organiser accounts, separated by commas or white space', () => {
    const hash = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(loadConfig({ BALIE_ORGANISERS: `anna:${hash}, bert:${hash}\ncarla:${hash}` }).organisers.map((a) => a.name)).toEqual(['anna', 'bert', 'carla']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ BALIE_NOW: '', REDIS_URL: '  ', LOG_LEVEL: '' })).toMatchObject({ now: null, redisUrl: null, logLevel: null });
  });

  it.each([
    ['BALIE_NOW', 'tomorrow', /BALIE_NOW: expected an ISO time/],
    ['BALIE_NOW', '2020-13-45T09:00:00Z', /BALIE_NOW: expected an ISO time/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL: expected a URL such as redis:\/\//],
    ['REDIS_URL', 'http://127.0.0.1:6379', /REDIS_URL: expected a URL/],
    ['SMTP_URL', 'mail.example.org', /SMTP_URL: expected a URL such as smtp:\/\//],
    ['BALIE_STATE_TTL_DAYS', 'thirty', /BALIE_STATE_TTL_DAYS: expected a whole number of days/],
    ['BALIE_STATE_TTL_DAYS', '0', /BALIE_STATE_TTL_DAYS: expected a whole number of days/],
    ['BALIE_REMINDER_DAYS', '-1', /BALIE_REMINDER_DAYS: expected a whole number of days before the event/],
    ['BALIE_PURGE_DAYS_AFTER', 'soon', /BALIE_PURGE_DAYS_AFTER: expected a whole number of days after the event/],
    ['BALIE_PUBLIC_URL', 'balie.example.org', /BALIE_PUBLIC_URL: expected a URL/],
    ['BALIE_LINK_SECRET', 'short', /BALIE_LINK_SECRET: expected at least 32 characters/],
    ['BALIE_STATE_TTL_DAYS', '1.5', /BALIE_STATE_TTL_DAYS: expected a whole number of days/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent/],
    ['BALIE_ORGANISERS', 'anna:secret', /BALIE_ORGANISERS: expected name:hash entries/],
    ['BALIE_ORGANISERS', 'anna:scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,anna:scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', /BALIE_ORGANISERS: the organiser anna is listed twice/],
    ['BALIE_CHECKIN_SECRET', 'short', /BALIE_CHECKIN_SECRET: expected at least 32 characters/],
    ['BALIE_DESK_SECRET', 'short', /BALIE_DESK_SECRET: expected at least 32 characters/],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(problem({ [name]: value })).toMatch(message);
  });

  it('wants a link secret with a public URL, naming it', () => {
    expect(problem({ BALIE_PUBLIC_URL: 'https://balie.example.org' })).toMatch(/BALIE_LINK_SECRET: needed with BALIE_PUBLIC_URL/);
  });

  it('names every bad variable at once', () => {
    const message = problem({ LOG_LEVEL: 'loud', BALIE_STATE_TTL_DAYS: '-1' });
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('BALIE_STATE_TTL_DAYS');
  });
});
