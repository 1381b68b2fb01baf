import QRCode from 'qrcode';
import type { Language, OutboxEntry, RegistrationRecord } from '../core/index.ts';
import { carriesCalendar } from './content.ts';

/** The personal check-in code of a registration (CheckinCodes in src/desk), or null when the host has none. */
export type CheckinCodeOf = (registration: RegistrationRecord) => string | null;

/** The check-in code of a mail and its QR code as PNG, shown inline (`cid:`) with the code printed below. */
export interface CheckinImage {
  code: string;
  png: Buffer;
}

/** The content id of the QR image in the mail's HTML. */
export const checkinCid = 'checkin-qr@balie';

export const checkinTexts: Record<Language, { heading: string; hint: string; code: string }> = {
  nl: { heading: 'Je check-in code', hint: 'Toon deze QR-code aan de ingang, of zeg de code eronder.', code: 'Code' },
  en: { heading: 'Your check-in code', hint: 'Show this QR code at the entrance, or say the code below it.', code: 'Code' },
};

/** Whether a mail carries the check-in code: every mail that confirms a place (the ones with the calendar file). */
export function carriesCheckin(entry: OutboxEntry): boolean {
  return carriesCalendar(entry);
}

/** The QR code of an entry's registration, or null when the mail carries none or the host makes no codes. */
export async function checkinImage(entry: OutboxEntry, codeOf: CheckinCodeOf | undefined): Promise<CheckinImage | null> {
  if (!codeOf || !carriesCheckin(entry)) return null;
  const code = codeOf(entry.registration);
  if (code === null) return null;
  return { code, png: await QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 2, scale: 6, type: 'png' }) };
}
