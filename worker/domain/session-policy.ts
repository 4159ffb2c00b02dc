/**
 * Session lifetime rules. A session ends after SESSION_IDLE_MS without use or
 * SESSION_ABSOLUTE_MS after login, whichever comes first.
 */
import { sha256Hex, toBase64Url } from './encoding';

export const SESSION_COOKIE = 'wasla_session';
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Sliding the idle expiry costs a write; do it at most this often per session. */
export const SESSION_TOUCH_MS = 15 * 60 * 1000;

/** A new session token: 256 random bits, base64url. Only its SHA-256 is stored. */
export async function newSessionToken(): Promise<{ token: string; hash: string }> {
	const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
	return { token, hash: await hashSessionToken(token) };
}

/** What sessions.token_hash stores: SHA-256 of the cookie token as sent (changing it ends every session). */
export function hashSessionToken(token: string): Promise<string> {
	return sha256Hex(token);
}

export interface SessionTimes {
	createdAt: number;
	lastSeenAt: number;
	idleExpiresAt: number;
	absoluteExpiresAt: number;
}

export function newSessionTimes(now: number): SessionTimes {
	return {
		createdAt: now,
		lastSeenAt: now,
		idleExpiresAt: now + SESSION_IDLE_MS,
		absoluteExpiresAt: now + SESSION_ABSOLUTE_MS
	};
}

/** 'expired', 'touch' (valid, slide the idle expiry) or 'valid'. */
export function sessionState(s: SessionTimes, now: number): 'expired' | 'touch' | 'valid' {
	if (now >= s.idleExpiresAt || now >= s.absoluteExpiresAt) return 'expired';
	return now - s.lastSeenAt >= SESSION_TOUCH_MS ? 'touch' : 'valid';
}

/** The idle expiry after a touch, never past the absolute one. */
export function slidIdleExpiry(s: SessionTimes, now: number): number {
	return Math.min(now + SESSION_IDLE_MS, s.absoluteExpiresAt);
}
