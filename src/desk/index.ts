import type { Router } from 'express';
import { BalieError } from '../core/index.ts';
import { CheckinCodes } from './checkin-code.ts';
import type { DeskDeps } from './desk-context.ts';
import { createDeskRouter, type DeskPages } from './desk-router.ts';
import { mountAudit } from './audit.page.ts';
import { mountCaps } from './caps.page.ts';
import { mountCheckin } from './checkin.page.ts';
import { mountExports } from './exports.ts';
import { mountMessage } from './message.page.ts';
import { mountLists } from './lists.page.ts';
import { mountOverview } from './overview.page.ts';
import { mountPurge } from './purge.page.ts';
import type { OrganiserAccount } from './organisers.ts';

export { CheckinCodes, developmentCheckinSecret } from './checkin-code.ts';
export { hashPassword, verifyPassword } from './organisers.ts';
export type { DeskDeps } from './desk-context.ts';

/** Every page of the desk, in menu order. */
export const deskPages: readonly DeskPages[] = [mountOverview, mountLists, mountCaps, mountMessage, mountExports, mountCheckin, mountAudit, mountPurge];

/** What the host needs to know to serve the desk (from the configuration). */
export interface DeskSettings {
  organisers: readonly OrganiserAccount[];
  deskSecret: string | null;
  checkinSecret: string | null;
}

/** The check-in codes of the host, or a start-up error: the door needs a secret of its own, never the development one. */
export function hostCheckinCodes(settings: DeskSettings, eventId: string): CheckinCodes | null {
  if (settings.checkinSecret) return new CheckinCodes(settings.checkinSecret, eventId);
  if (settings.organisers.length > 0) {
    throw new BalieError('config_invalid', 'Invalid configuration: BALIE_CHECKIN_SECRET: the organiser desk checks people in with codes made from it; set at least 32 random characters (openssl rand -base64 32)');
  }
  return null;
}

/** The desk's router, to mount at /organiser. */
export function createDesk(deps: DeskDeps, settings: DeskSettings): Router {
  return createDeskRouter(deps, { accounts: settings.organisers, secret: settings.deskSecret }, deskPages);
}
