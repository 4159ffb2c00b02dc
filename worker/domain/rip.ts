/**
 * Algerian RIP/RIB (LOCAL.md): 20 digits = bank (3) + agency (5) + account (10) + key (2).
 * Key = 97 − ((agency‖account as an integer × 100) mod 97); the bank code is not part of
 * it. Postal (CCP/BaridiMob) RIPs are 007 99999 + CCP number padded to 10 digits + key.
 * When the remainder is 0 some tools write 97 and others 00: both are accepted.
 * The 15-digit integer exceeds 2^53, hence BigInt.
 */

/** Bank and agency code of every postal (CCP / BaridiMob) RIP. */
export const CCP_PREFIX = '00799999';

/** The two-digit key for an agency (5 digits) and account (10 digits). */
export function ripKey(agency: string, account: string): string {
	const remainder = (BigInt(agency + account) * 100n) % 97n;
	return String(97n - remainder).padStart(2, '0');
}

export type RipCheck = { ok: true; rip: string; kind: 'ccp' | 'bank' } | { ok: false; reason: 'rip_format' | 'rip_key' };

/** Checks a RIP typed with or without spaces; returns its 20 digits and kind when the key matches. */
export function checkRip(raw: string): RipCheck {
	const rip = raw.replace(/[\s\u00a0\u202f-]/g, '');
	if (!/^\d{20}$/.test(rip)) return { ok: false, reason: 'rip_format' };
	const agency = rip.slice(3, 8);
	const account = rip.slice(8, 18);
	const given = rip.slice(18);
	const expected = ripKey(agency, account);
	const matches = given === expected || (expected === '97' && given === '00');
	if (!matches) return { ok: false, reason: 'rip_key' };
	return { ok: true, rip, kind: rip.startsWith(CCP_PREFIX) ? 'ccp' : 'bank' };
}

/** The postal RIP of a CCP account number (up to 10 digits), key included. */
export function ccpToRip(ccp: string): string {
	const account = ccp.padStart(10, '0');
	return `${CCP_PREFIX}${account}${ripKey('99999', account)}`;
}
