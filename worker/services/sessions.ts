/** Sessions in D1: created at login, looked up by the SHA-256 of the cookie token. */
import type { sessions, users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { RequestContext, ServiceContext } from '../context';
import type { SessionUser } from '../env';
import type { FoundSession } from '../page-session';
import { hashSessionToken, newSessionTimes, newSessionToken, sessionState, slidIdleExpiry } from '../domain/session-policy';

/**
 * Starts a session for the user on the request's client (IP, user agent) and returns the cookie
 * token (never stored). Signing in is a proof of identity: the session may make sensitive
 * changes for the next 5 minutes (`reauth_at`, worker/domain/two-factor.ts `stepUpFresh`).
 */
export async function createSession(ctx: RequestContext, userId: string) {
	const { token, hash } = await newSessionToken();
	const t = newSessionTimes(ctx.now);
	await ctx.db
		.prepare(
			`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at, ip, user_agent, reauth_at)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?3)`
		)
		.bind(hash, userId, t.createdAt, t.lastSeenAt, t.idleExpiresAt, t.absoluteExpiresAt, ctx.ip, ctx.userAgent?.slice(0, 300) ?? null)
		.run();
	return { token, hash, expiresAt: t.absoluteExpiresAt };
}

type SessionRow = SqlPick<typeof sessions, 'token_hash' | 'created_at' | 'last_seen_at' | 'idle_expires_at' | 'absolute_expires_at' | 'reauth_at'> &
	SqlPick<typeof users, 'id' | 'email' | 'name' | 'role' | 'locale'>;

/**
 * The user behind a cookie token, or null when unknown or expired (an expired row is deleted).
 * The session middleware calls it to build the request's context, so it takes only the
 * database and the clock.
 */
export async function resolveSession(ctx: Pick<ServiceContext, 'db' | 'now'>, token: string): Promise<FoundSession | null> {
	const { db, now } = ctx;
	const hash = await hashSessionToken(token);
	const row = await db
		.prepare(
			`SELECT s.token_hash, s.created_at, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at, s.reauth_at,
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
		await db.prepare('DELETE FROM sessions WHERE token_hash = ?1').bind(hash).run();
		return null;
	}
	if (state === 'touch') {
		await db.prepare('UPDATE sessions SET last_seen_at = ?2, idle_expires_at = ?3 WHERE token_hash = ?1').bind(hash, now, slidIdleExpiry(times, now)).run();
	}
	const user: SessionUser = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
	// The times as they stand after this lookup (a page's later calls check them, worker/page-session.ts).
	const after = state === 'touch' ? { ...times, lastSeenAt: now, idleExpiresAt: slidIdleExpiry(times, now) } : times;
	return { hash, user, reauthAt: row.reauth_at, times: after };
}

/** Records that the session's user just proved who they are again (password, and second factor when on). */
export async function markReauthenticated(ctx: ServiceContext, hash: string) {
	await ctx.db.prepare('UPDATE sessions SET reauth_at = ?2 WHERE token_hash = ?1').bind(hash, ctx.now).run();
}

/** Ends one session (logout, or the one a new login replaces). */
export async function deleteSession(ctx: ServiceContext, hash: string) {
	await ctx.db.prepare('DELETE FROM sessions WHERE token_hash = ?1').bind(hash).run();
}

/** Ends every session of the user except `keepHash` (after a password change). */
export async function deleteOtherSessions(ctx: ServiceContext, userId: string, keepHash: string | null) {
	await ctx.db.prepare('DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2').bind(userId, keepHash).run();
}
