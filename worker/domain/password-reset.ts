/**
 * Forgotten passwords (issue 14, point 9): the rules of an emailed reset link. A link
 * carries 256 random bits (base64url); only their SHA-256 is stored. It works once, for
 * 30 minutes after it was issued, and only while it is the latest one the account asked for.
 */
import { sha256Hex, toBase64Url } from './encoding';

export const PASSWORD_RESET = {
	/** How long a link works after it was issued. */
	ttlMs: 30 * 60 * 1000
} as const;

/** The page that opens from the email; the token is the last path segment. */
export const RESET_PAGE_PATH = '/password-reset';

/** A token is 43 base64url characters (32 bytes); anything else cannot be one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new link token and the hash stored for it. */
export async function newResetToken(): Promise<{ token: string; hash: string }> {
	const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
	return { token, hash: await hashResetToken(token) };
}

/** What password_resets.token_hash stores: SHA-256 (hex) of the token as written in the link. */
export function hashResetToken(token: string): Promise<string> {
	return sha256Hex(token);
}

/** Whether `token` has the shape of a token we issue (cheap check before any lookup). */
export function isResetTokenShape(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}

export interface ResetTimes {
	expiresAt: number;
	usedAt: number | null;
}

/** 'used', 'expired' (at exactly `expiresAt` it no longer works) or 'valid'. */
export function resetState(r: ResetTimes, now: number): 'used' | 'expired' | 'valid' {
	if (r.usedAt !== null) return 'used';
	return now >= r.expiresAt ? 'expired' : 'valid';
}

/** The link written into the email: `<origin>/password-reset/<token>`. */
export function resetLink(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}${RESET_PAGE_PATH}/${token}`;
}
