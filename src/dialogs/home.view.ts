import type { Availability, EventData, Language, RegistrationRecord } from '../core/index.ts';
import { isRegistrationOpen, sessionsOfSeries } from '../core/index.ts';
import { draftFromRecord, summaryFacts } from './registration.steps.ts';
import { ask, eventWhen, seatsLeft, seriesName, seriesTime, speech } from './render.ts';
import type { Reply } from './types.ts';

/** What a home screen is built from: the live data of one person, read without a turn. */
export interface HomeContext {
  event: EventData;
  now: Date;
  availability: Availability;
  myRegistration: RegistrationRecord | null;
  lang: Language;
}

/**
 * A person's registration at a glance, for a channel's own home screen (Slack's App Home): their
 * registration with its facts and the choices to change a session or cancel, or the invitation to
 * register; then the seats left per session. Nothing changes: the choices are pressed like any
 * other and start the usual dialog. Pure.
 */
export function homeView(ctx: HomeContext): Reply[] {
  const s = speech(ctx.event, ctx.availability, ctx.lang);
  const { m, event } = s;
  const open = isRegistrationOpen(event, ctx.now);
  const record = ctx.myRegistration;
  let glance: Reply;
  if (record) {
    const text = record.status === 'confirmed' ? m.viewConfirmed(event.title, eventWhen(s)) : m.viewWaitlisted(event.title);
    const facts = [...summaryFacts(draftFromRecord(record, event), s), { label: m.factStatus, value: record.status === 'confirmed' ? m.statusConfirmed : m.statusWaitlisted }];
    const options = open
      ? [
          { id: 'change-session', label: m.changeSession },
          { id: 'cancel-registration', label: m.cancelRegistration },
          { id: 'my-registration', label: m.menu.myRegistration },
        ]
      : [{ id: 'my-registration', label: m.menu.myRegistration }];
    glance = ask(text, options, facts);
  } else {
    glance = ask(m.channel.home.notRegistered(event.title), open ? [{ id: 'register', label: m.menu.register }] : []);
  }
  const lines = [m.channel.home.seatsTitle];
  for (const series of event.series) {
    lines.push('', `${seriesName(series, s)} (${seriesTime(series)})`);
    for (const session of sessionsOfSeries(event, series.id)) {
      const left = seatsLeft(session, s);
      lines.push(m.programmeSession(session.number, session.title, session.room, left > 0 ? m.seatsLeft(left) : m.full));
    }
  }
  return [glance, { text: lines.join('\n') }];
}
