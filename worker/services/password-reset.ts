/**
 * Forgotten passwords (issue 14, point 9). `requestPasswordReset` emails a single-use link
 * valid 30 minutes and answers the same, with the same work, whether or not an account has
 * the address; `confirmPasswordReset` sets the new password from the link, ends every session
 * of the account and opens a fresh one for the browser that used the link.
 */
import type { users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { RequestContext } from '../context';
import { appOrigin } from '../context';
import { AppError } from '../errors';
import { normaliseEmail } from '../domain/accounts';
import { iso } from '../domain/dates';
import { hashPassword } from '../domain/password';
import { PASSWORD_RESET, hashResetToken, isResetTokenShape, newResetToken, resetLink, resetState } from '../domain/password-reset';
import { LIMITS } from '../domain/rate-limit-rules';
import { passwordResetEmail } from './account-emails';
import { queueEmailStatement } from './outbox';
import { consume } from './rate-limit';
import { createSession, deleteSession } from './sessions';

/** Accounts a link can be sent to: those that can sign in with a password (seeded profiles without one cannot). */
const RESETTABLE = 'email = ?1 AND password_hash IS NOT NULL';

/**
 * Where the emailed link points: the configured public origin (`APP_URL`) when there is one,
 * so a request that reached the Worker under another host name cannot make us email a link
 * to that host; else the request's own origin (local runs without APP_URL).
 */
function linkOrigin(ctx: RequestContext): string {
	return ctx.env.APP_URL?.trim() ? appOrigin(ctx.env) : ctx.origin;
}

function securityLog(ctx: RequestContext, msg: string, userId: string) {
	console.info(JSON.stringify({ level: 'info', msg, userId, requestId: ctx.requestId, ip: ctx.ip }));
}

/**
 * POST /auth/password/forgot. Counted per IP and per address before anything else (429 with
 * Retry-After), then the same statements run whether or not an account has the address: a
 * fresh token is hashed, and one D1 batch deletes the account's older unused links, stores the
 * new link's hash and queues the email — the last two only when the account exists (their
 * `INSERT … SELECT … WHERE` finds no row otherwise). The answer never depends on the account.
 */
export async function requestPasswordReset(ctx: RequestContext, input: { email: string }): Promise<{ expiresInMinutes: number }> {
	const { db, now } = ctx;
	const email = normaliseEmail(input.email);
	await consume(ctx, LIMITS.passwordResetIp, ctx.ip ?? 'unknown');
	await consume(ctx, LIMITS.passwordResetAccount, email);

	const account = await db.prepare(`SELECT id, locale FROM users WHERE ${RESETTABLE}`).bind(email).first<SqlPick<typeof users, 'id' | 'locale'>>();
	const { token, hash } = await newResetToken();
	const expiresAt = now + PASSWORD_RESET.ttlMs;
	const minutes = PASSWORD_RESET.ttlMs / 60_000;
	const message = passwordResetEmail(account?.locale ?? ctx.locale, { to: email, link: resetLink(linkOrigin(ctx), token), minutes });
	await db.batch([
		db.prepare(`DELETE FROM password_resets WHERE used_at IS NULL AND user_id IN (SELECT id FROM users WHERE ${RESETTABLE})`).bind(email),
		db.prepare(`INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at) SELECT ?2, id, ?3, ?4, NULL FROM users WHERE ${RESETTABLE}`).bind(email, hash, now, expiresAt),
		queueEmailStatement(db, message, now, { sql: 'EXISTS (SELECT 1 FROM users WHERE email = ?6 AND password_hash IS NOT NULL)', params: [email] })
	]);
	if (account) securityLog(ctx, 'password reset requested', account.id);
	return { expiresInMinutes: minutes };
}

type ResetRow = { user_id: string; expires_at: number; used_at: number | null } & SqlPick<typeof users, 'email' | 'name' | 'role' | 'locale'>;

/** The link's row while it still works, else the one refusal every invalid link gets (400 `reset_link_invalid`). */
async function liveReset(ctx: RequestContext, token: string): Promise<ResetRow & { hash: string }> {
	if (!isResetTokenShape(token)) throw new AppError('reset_link_invalid');
	const hash = await hashResetToken(token);
	const row = await ctx.db
		.prepare(
			'SELECT r.user_id, r.expires_at, r.used_at, u.email, u.name, u.role, u.locale FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = ?1 AND u.password_hash IS NOT NULL'
		)
		.bind(hash)
		.first<ResetRow>();
	if (!row || resetState({ expiresAt: row.expires_at, usedAt: row.used_at }, ctx.now) !== 'valid') throw new AppError('reset_link_invalid');
	return { ...row, hash };
}

/** POST /auth/password/reset/check: whether a link still works, and until when. Reads only. */
export async function checkPasswordReset(ctx: RequestContext, input: { token: string }): Promise<{ expiresAt: string }> {
	const row = await liveReset(ctx, input.token);
	return { expiresAt: iso(row.expires_at) };
}

/**
 * POST /auth/password/reset. The new password was checked by the sign-up's rules (the route's
 * schema) before this runs, so a refused password leaves the link usable. One D1 batch, every
 * statement conditioned on the link still being unused and unexpired at that moment, sets the
 * password, ends every session of the account, clears its failed-login counter, and marks the
 * link used last: of two requests racing with one link, exactly one changes anything. Then a
 * new session opens for this browser (the session it came with, whoever's, is ended).
 */
export async function confirmPasswordReset(ctx: RequestContext, input: { token: string; password: string }) {
	const { db, now } = ctx;
	await consume(ctx, LIMITS.passwordResetConfirmIp, ctx.ip ?? 'unknown');
	const reset = await liveReset(ctx, input.token);
	const passwordHash = await hashPassword(input.password);
	const live = 'EXISTS (SELECT 1 FROM password_resets WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2)';
	const results = await db.batch([
		db.prepare(`UPDATE users SET password_hash = ?3, password_changed_at = ?2 WHERE id = ?4 AND ${live}`).bind(reset.hash, now, passwordHash, reset.user_id),
		db.prepare(`DELETE FROM sessions WHERE user_id = ?3 AND ${live}`).bind(reset.hash, now, reset.user_id),
		db.prepare(`DELETE FROM rate_limits WHERE key = ?3 AND ${live}`).bind(reset.hash, now, `${LIMITS.loginAccount.name}:${reset.email}`),
		db.prepare(`DELETE FROM password_resets WHERE user_id = ?3 AND token_hash <> ?1 AND ${live}`).bind(reset.hash, now, reset.user_id),
		db.prepare('UPDATE password_resets SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2').bind(reset.hash, now)
	]);
	if (results[results.length - 1].meta.changes !== 1) throw new AppError('reset_link_invalid');
	securityLog(ctx, 'password reset completed', reset.user_id);
	if (ctx.sessionHash) await deleteSession(ctx, ctx.sessionHash);
	const session = await createSession(ctx, reset.user_id);
	return { user: { id: reset.user_id, email: reset.email, name: reset.name, role: reset.role, locale: reset.locale }, session };
}
