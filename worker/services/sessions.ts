/** Sessions in D1: created at login, looked up by the SHA-256 of the cookie token. */
import type { sessions, users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { SessionUser } from '../env';
import { hashSessionToken, newSessionTimes, newSessionToken, sessionState, slidIdleExpiry } from '../domain/session-policy';

export interface ClientInfo {
	ip: string | null;
	userAgent: string | null;
}

/** Starts a session for the user and returns the cookie token (never stored). */
export async function createSession(d1: D1Database, userId: string, client: ClientInfo, now: number) {
	const { token, hash } = await newSessionToken();
	const t = newSessionTimes(now);
	await d1
		.prepare(
			`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at, ip, user_agent)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`
		)
		.bind(hash, userId, t.createdAt, t.lastSeenAt, t.idleExpiresAt, t.absoluteExpiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null)
		.run();
	return { token, hash, expiresAt: t.absoluteExpiresAt };
}

type SessionRow = SqlPick<typeof sessions, 'token_hash' | 'created_at' | 'last_seen_at' | 'idle_expires_at' | 'absolute_expires_at'> &
	SqlPick<typeof users, 'id' | 'email' | 'name' | 'role' | 'locale'>;

/** The user behind a cookie token, or null when unknown or expired (an expired row is deleted). */
export async function resolveSession(d1: D1Database, token: string, now: number) {
	const hash = await hashSessionToken(token);
	const row = await d1
		.prepare(
			`SELECT s.token_hash, s.created_at, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at,
			        u.id, u.email, u.name, u.role, u.locale
			 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1`
		)
		.bind(hash)
		.first<SessionRow>();
	if (!row) return null;
	const times = {
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at,
		idleExpiresAt: row.idle_expires_at,
		absoluteExpiresAt: row.absolute_expires_at
	};
	const state = sessionState(times, now);
	if (state === 'expired') {
		await d1.prepare('DELETE FROM sessions WHERE token_hash = ?1').bind(hash).run();
		return null;
	}
	if (state === 'touch') {
		await d1.prepare('UPDATE sessions SET last_seen_at = ?2, idle_expires_at = ?3 WHERE token_hash = ?1').bind(hash, now, slidIdleExpiry(times, now)).run();
	}
	const user: SessionUser = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
	return { hash, user };
}

export async function deleteSession(d1: D1Database, hash: string) {
	await d1.prepare('DELETE FROM sessions WHERE token_hash = ?1').bind(hash).run();
}

/** Ends every session of the user except `keepHash` (after a password change). */
export async function deleteOtherSessions(d1: D1Database, userId: string, keepHash: string | null) {
	await d1.prepare('DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2').bind(userId, keepHash).run();
}
