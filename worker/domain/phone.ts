/**
 * Algerian phone numbers (LOCAL.md): +213 and 9 national digits; mobiles start with 5
 * (Ooredoo), 6 (Mobilis) or 7 (Djezzy). People type "0550 12 34 56", "+213550123456" or
 * "00213 550…"; Wasla stores E.164 (+213XXXXXXXXX). Number ranges change, so an unusual
 * first digit is a warning, never a refusal.
 */

/** First national digits of Algerian mobile numbers. */
export const MOBILE_PREFIXES = ['5', '6', '7'] as const;

export type PhoneCheck = { ok: true; e164: string; warning: 'unusual_prefix' | null } | { ok: false; reason: 'phone_invalid' };

/** Normalises an Algerian phone number to E.164, or says why it cannot be one. */
export function normaliseAlgerianPhone(raw: string): PhoneCheck {
	const compact = raw.trim().replace(/[\s.\-()\u00a0\u202f]/g, '');
	let national: string;
	if (/^\+213\d+$/.test(compact)) national = compact.slice(4);
	else if (/^00213\d+$/.test(compact)) national = compact.slice(5);
	else if (/^213\d{9}$/.test(compact)) national = compact.slice(3);
	else if (/^0\d{9}$/.test(compact)) national = compact.slice(1);
	else return { ok: false, reason: 'phone_invalid' };
	// "+213 0550 …" (the trunk 0 kept after the country code) is a common slip.
	if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
	if (!/^[1-9]\d{8}$/.test(national)) return { ok: false, reason: 'phone_invalid' };
	const warning = (MOBILE_PREFIXES as readonly string[]).includes(national[0]) ? null : 'unusual_prefix';
	return { ok: true, e164: `+213${national}`, warning };
}
