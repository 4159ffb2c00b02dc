/**
 * Email-address changes (issue 15, point 3). `requestEmailChange` (the route asks for a fresh
 * re-authentication) emails a confirmation link to the new address and changes nothing else;
 * `confirmEmailChange` switches the address when the link is used, once, and tells the old
 * address. Tokens, their hashing and expiry are the password reset's (worker/domain/password-reset.ts).
 */
import type { users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { CallerContext, RequestContext } from '../context';
import { appOrigin } from '../context';
import { AppError } from '../errors';
import { normaliseEmail } from '../domain/accounts';
import { iso } from '../domain/dates';
import { EMAIL_CHANGE, emailChangeLink } from '../domain/email-change';
import { hashResetToken, isResetTokenShape, newResetToken, resetState } from '../domain/password-reset';
import { LIMITS } from '../domain/rate-limit-rules';
import { emailChangeEmail, emailChangedEmail } from './account-emails';
import { isUniqueViolation } from './conflicts';
import { queueEmailStatement } from './outbox';
import { consume } from './rate-limit';

/** The configured public origin when there is one (never a link to a Host header someone sent us), else the request's (local runs). */
function linkOrigin(ctx: RequestContext): string {
	return ctx.env.APP_URL?.trim() ? appOrigin(ctx.env) : ctx.origin;
}

const taken = () => new AppError('already_exists', { detailKey: 'detail_email_taken', fieldKeys: [{ path: 'email', key: 'detail_email_taken' }] });
const invalidLink = () => new AppError('invalid_request', { detailKey: 'detail_email_change_invalid' });

/**
 * PUT /me/email. Counted per account; the new address must differ from the current one and be
 * nobody's. One batch replaces the account's unused links with the new one and queues its
 * email to the new address. The account's address is unchanged until the link is confirmed.
 */
export async function requestEmailChange(ctx: CallerContext, input: { email: string }) {
	const email = normaliseEmail(input.email);
	await consume(ctx, LIMITS.emailChangeUser, ctx.user.id);
	const me = await ctx.db.prepare('SELECT email, locale FROM users WHERE id = ?1').bind(ctx.user.id).first<SqlPick<typeof users, 'email' | 'locale'>>();
	if (!me) throw new AppError('unauthenticated');
	if (me.email === email) throw new AppError('invalid_request', { fieldKeys: [{ path: 'email', key: 'detail_email_same' }] });
	if (await ctx.db.prepare('SELECT 1 AS x FROM users WHERE email = ?1').bind(email).first()) throw taken();
	const { token, hash } = await newResetToken();
	const expiresAt = ctx.now + EMAIL_CHANGE.ttlMs;
	const minutes = EMAIL_CHANGE.ttlMs / 60_000;
	await ctx.db.batch([
		ctx.db.prepare('DELETE FROM email_changes WHERE user_id = ?1 AND used_at IS NULL').bind(ctx.user.id),
		ctx.db.prepare('INSERT INTO email_changes (token_hash, user_id, new_email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(hash, ctx.user.id, email, ctx.now, expiresAt),
		queueEmailStatement(ctx.db, emailChangeEmail(me.locale, { to: email, link: emailChangeLink(linkOrigin(ctx), token), minutes }), ctx.now)
	]);
	console.info(JSON.stringify({ level: 'info', msg: 'email change requested', userId: ctx.user.id, requestId: ctx.requestId, ip: ctx.ip }));
	return { pendingEmail: email, expiresAt: iso(expiresAt) };
}

/**
 * POST /auth/email/confirm. The link's token is the credential (no session needed: it may be
 * opened on another device). One batch, each statement conditioned on the link still being
 * unused, unexpired and the new address free: the address changes, the link is marked used,
 * the account's other links go, and the old address is told. Of two racing uses, one wins.
 */
export async function confirmEmailChange(ctx: RequestContext, input: { token: string }) {
	const { db, now } = ctx;
	await consume(ctx, LIMITS.emailChangeConfirmIp, ctx.ip ?? 'unknown');
	if (!isResetTokenShape(input.token)) throw invalidLink();
	const hash = await hashResetToken(input.token);
	const row = await db
		.prepare('SELECT c.user_id, c.new_email, c.expires_at, c.used_at, u.email, u.locale FROM email_changes c JOIN users u ON u.id = c.user_id WHERE c.token_hash = ?1')
		.bind(hash)
		.first<{ user_id: string; new_email: string; expires_at: number; used_at: number | null; email: string; locale: 'fr' | 'ar' | 'en' }>();
	if (!row || resetState({ expiresAt: row.expires_at, usedAt: row.used_at }, now) !== 'valid') throw invalidLink();
	if (await db.prepare('SELECT 1 AS x FROM users WHERE email = ?1').bind(row.new_email).first()) throw taken();
	const live = 'EXISTS (SELECT 1 FROM email_changes WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2)';
	let results: D1Result[];
	try {
		results = await db.batch([
			db.prepare(`UPDATE users SET email = ?3 WHERE id = ?4 AND email = ?5 AND ${live}`).bind(hash, now, row.new_email, row.user_id, row.email),
			db
				.prepare('UPDATE email_changes SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND EXISTS (SELECT 1 FROM users WHERE id = ?3 AND email = ?4)')
				.bind(hash, now, row.user_id, row.new_email),
			db.prepare('DELETE FROM email_changes WHERE user_id = ?2 AND token_hash <> ?1 AND used_at IS NULL').bind(hash, row.user_id),
			queueEmailStatement(db, emailChangedEmail(row.locale, { to: row.email, newEmail: row.new_email }), now, {
				sql: 'EXISTS (SELECT 1 FROM email_changes WHERE token_hash = ?6 AND used_at = ?7)',
				params: [hash, now]
			})
		]);
	} catch (err) {
		if (isUniqueViolation(err)) throw taken();
		throw err;
	}
	if (results[1].meta.changes !== 1) throw invalidLink();
	console.info(JSON.stringify({ level: 'info', msg: 'email change confirmed', userId: row.user_id, requestId: ctx.requestId, ip: ctx.ip }));
	return { email: row.new_email };
}
