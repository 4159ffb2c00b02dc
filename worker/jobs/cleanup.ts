/**
 * Cron task: deletes what has expired and nobody will read again — sessions past their
 * idle or absolute expiry (they are refused anyway, and hold an IP and a user agent) and
 * rate-limit windows older than a day (the longest window is an hour), and idempotency keys
 * past their 24 hours (worker/idempotency.ts), and password-reset links past their 30 minutes,
 * used or not (an expired link is refused anyway; its row only said who asked and when), and
 * pending logins (second factor) and unanswered passkey challenges past their 5 minutes, and
 * email-change links past their 60 minutes.
 */
import type { ServiceContext } from '../context';
import { expiredKeysStatement } from '../idempotency';

const DAY_MS = 24 * 3600 * 1000;

export async function cleanupExpired(ctx: ServiceContext): Promise<{ sessions: number; rateLimits: number; idempotencyKeys: number; passwordResets: number }> {
	const [sessions, rateLimits, keys, resets] = await ctx.db.batch([
		ctx.db.prepare('DELETE FROM sessions WHERE idle_expires_at <= ?1 OR absolute_expires_at <= ?1').bind(ctx.now),
		ctx.db.prepare('DELETE FROM rate_limits WHERE window_start < ?1').bind(ctx.now - DAY_MS),
		expiredKeysStatement(ctx.db, ctx.now),
		ctx.db.prepare('DELETE FROM password_resets WHERE expires_at <= ?1').bind(ctx.now),
		ctx.db.prepare('DELETE FROM login_challenges WHERE expires_at <= ?1').bind(ctx.now),
		ctx.db.prepare('DELETE FROM webauthn_challenges WHERE expires_at <= ?1').bind(ctx.now),
		ctx.db.prepare('DELETE FROM email_changes WHERE expires_at <= ?1').bind(ctx.now)
	]);
	return { sessions: sessions.meta.changes, rateLimits: rateLimits.meta.changes, idempotencyKeys: keys.meta.changes, passwordResets: resets.meta.changes };
}
