/**
 * The second factor on D1 (issue 15, point 3): TOTP enrolment and confirmation, recovery
 * codes, turning it off, the pending login that waits for a code, and re-authentication
 * (step-up) for sensitive changes. Rules and crypto live in worker/domain/two-factor.ts.
 */
import { renderSVG } from 'uqr';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { CallerContext, RequestContext, ServiceContext } from '../context';
import type { Env } from '../env';
import { AppError } from '../errors';
import { normaliseEmail } from '../domain/accounts';
import { verifyPassword } from '../domain/password';
import { LIMITS } from '../domain/rate-limit-rules';
import { hashSessionToken, newSessionToken } from '../domain/session-policy';
import {
	ENROLMENT_TTL_MS,
	LOGIN_CHALLENGE_MAX_FAILURES,
	LOGIN_CHALLENGE_TTL_MS,
	STEP_UP_TTL_MS,
	classifyCode,
	decryptSecret,
	encryptSecret,
	groupSecret,
	hashRecoveryCode,
	matchTotp,
	newRecoveryCodes,
	newTotpSecret,
	otpauthUri,
	secretKey,
	secretToBase32
} from '../domain/two-factor';
import { consume, refund } from './rate-limit';
import { passkeyAssertionOptions, passkeyError, usePasskey } from './passkeys';
import { createSession, markReauthenticated } from './sessions';

type FactorRow = SqlPick<typeof users, 'id' | 'email' | 'password_hash' | 'totp_secret' | 'totp_enabled_at' | 'totp_last_step' | 'totp_pending_secret' | 'totp_pending_at'> & {
	/** How many passkeys the user has registered (worker/services/passkeys.ts). */
	passkey_count: number;
};

const DEVELOPMENT_KEY = 'wasla-development-mfa-key';

/**
 * The key TOTP secrets are encrypted with: from MFA_ENCRYPTION_KEY; in development without
 * it, a fixed value. A deployment without the secret cannot enrol anyone: 503 problem+json
 * `unavailable` (nothing stored), and the operator sees why in the log.
 */
export function mfaKey(env: Pick<Env, 'MFA_ENCRYPTION_KEY' | 'APP_ENV'>): Promise<CryptoKey> {
	const material = env.MFA_ENCRYPTION_KEY?.trim() || (env.APP_ENV === 'development' ? DEVELOPMENT_KEY : '');
	if (!material) {
		console.error('MFA_ENCRYPTION_KEY is not configured: set it with `wrangler secret put MFA_ENCRYPTION_KEY`');
		throw new AppError('unavailable', { detailKey: 'detail_mfa_unavailable' });
	}
	return secretKey(material);
}

async function factorRow(ctx: ServiceContext, userId: string): Promise<FactorRow | null> {
	return ctx.db
		.prepare(
			`SELECT id, email, password_hash, totp_secret, totp_enabled_at, totp_last_step, totp_pending_secret, totp_pending_at,
			 (SELECT COUNT(*) FROM passkeys WHERE passkeys.user_id = users.id) AS passkey_count FROM users WHERE id = ?1`
		)
		.bind(userId)
		.first<FactorRow>();
}

/** Whether the user has confirmed TOTP (the factor recovery codes come with). */
export function factorOn(row: Pick<FactorRow, 'totp_enabled_at' | 'totp_secret'>): boolean {
	return row.totp_enabled_at !== null && row.totp_secret !== null;
}

/** Whether signing in and re-authenticating ask for a second factor: TOTP on, or at least one passkey. */
export function hasSecondFactor(row: Pick<FactorRow, 'totp_enabled_at' | 'totp_secret' | 'passkey_count'>): boolean {
	return factorOn(row) || row.passkey_count > 0;
}

const codeError = (path: string) => new AppError('invalid_request', { fieldKeys: [{ path, key: 'totp_code_invalid' }] });

/**
 * Checks a second-factor code for the user and uses it up: a TOTP code moves
 * `totp_last_step` forward (guarded, so the same step never passes twice, even in parallel),
 * a recovery code gets its `used_at`. False when the code is wrong, replayed or used.
 */
export async function useSecondFactor(ctx: ServiceContext, row: FactorRow, input: string): Promise<boolean> {
	const code = classifyCode(input);
	if (!code || !factorOn(row)) return false;
	if (code.kind === 'recovery') {
		const used = await ctx.db
			.prepare('UPDATE recovery_codes SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL')
			.bind(row.id, await hashRecoveryCode(code.code), ctx.now)
			.run();
		return used.meta.changes === 1;
	}
	const secret = await decryptSecret(await mfaKey(ctx.env), row.totp_secret!, row.id);
	const step = matchTotp(secret, code.code, ctx.now, row.totp_last_step);
	if (step === null) return false;
	const moved = await ctx.db.prepare('UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?2)').bind(row.id, step).run();
	return moved.meta.changes === 1;
}

/** The caller's second factor as the settings page shows it. */
export async function twoFactorStatus(ctx: CallerContext) {
	const row = await factorRow(ctx, ctx.user.id);
	const left = await ctx.db.prepare('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL').bind(ctx.user.id).first<{ n: number }>();
	const on = row !== null && factorOn(row);
	return {
		enabled: on,
		enabledAt: on ? new Date(row.totp_enabled_at!).toISOString() : null,
		recoveryCodesLeft: on ? (left?.n ?? 0) : 0,
		passkeys: row?.passkey_count ?? 0,
		reauthenticatedUntil: ctx.reauthAt !== null && ctx.now - ctx.reauthAt < STEP_UP_TTL_MS ? new Date(ctx.reauthAt + STEP_UP_TTL_MS).toISOString() : null
	};
}

/** Counts a password check under the login limits (per IP, and failures per account) and refunds the account's slot when it is right. */
async function checkPasswordLimited(ctx: RequestContext, row: Pick<FactorRow, 'email' | 'password_hash'> | null, email: string, password: string): Promise<boolean> {
	await consume(ctx, LIMITS.loginIp, ctx.ip ?? 'unknown');
	await consume(ctx, LIMITS.loginAccount, email);
	const ok = await verifyPassword(password, row?.password_hash ?? null);
	if (ok) await refund(ctx, LIMITS.loginAccount, email);
	return ok;
}

/**
 * Starts (or restarts) TOTP enrolment after checking the password: a new secret, stored
 * encrypted as pending until a first code confirms it. Returns what the authenticator app
 * needs: the secret (base32, and grouped by four for typing), the otpauth:// URI and its QR code as SVG.
 */
export async function startTotpEnrolment(ctx: CallerContext, input: { password: string }) {
	// Before anything is counted or stored: without the key nothing could be kept (503).
	const key = await mfaKey(ctx.env);
	const row = await factorRow(ctx, ctx.user.id);
	if (!row || !(await checkPasswordLimited(ctx, row, row.email, input.password))) {
		throw new AppError('invalid_request', { detailKey: 'detail_wrong_password', fieldKeys: [{ path: 'password', key: 'detail_wrong_password' }] });
	}
	if (factorOn(row)) throw new AppError('invalid_state', { detailKey: 'detail_totp_already_on' });
	const secret = newTotpSecret();
	const sealed = await encryptSecret(key, secret, row.id);
	await ctx.db.prepare('UPDATE users SET totp_pending_secret = ?2, totp_pending_at = ?3 WHERE id = ?1').bind(row.id, sealed, ctx.now).run();
	const base32 = secretToBase32(secret);
	const otpauthUrl = otpauthUri(secret, row.email);
	return { secret: base32, secretGrouped: groupSecret(base32), otpauthUrl, qrSvg: renderSVG(otpauthUrl, { border: 2 }) };
}

/**
 * Ten fresh recovery codes replacing the user's old ones (statements for one batch, written
 * only while the factor is on, so they follow a confirmation in the same batch) and the codes
 * in clear, shown once.
 */
async function recoveryCodeStatements(ctx: ServiceContext, userId: string) {
	const codes = newRecoveryCodes();
	const hashes = await Promise.all(codes.map((c) => hashRecoveryCode(c.replace('-', ''))));
	const on = 'EXISTS (SELECT 1 FROM users WHERE id = ?1 AND totp_enabled_at IS NOT NULL)';
	const stmts = [
		ctx.db.prepare(`DELETE FROM recovery_codes WHERE user_id = ?1 AND ${on}`).bind(userId),
		...hashes.map((h) => ctx.db.prepare(`INSERT INTO recovery_codes (user_id, code_hash, created_at) SELECT ?1, ?2, ?3 WHERE ${on}`).bind(userId, h, ctx.now))
	];
	return { codes, stmts };
}

/**
 * Turns the factor on with a first code from the app: the pending secret becomes the
 * secret, that code's step is used up, ten recovery codes are made (returned once, stored
 * hashed) and the session counts as freshly re-authenticated. A wrong code changes nothing.
 */
export async function confirmTotp(ctx: CallerContext, input: { code: string }) {
	await consume(ctx, LIMITS.secondFactorUser, ctx.user.id);
	const row = await factorRow(ctx, ctx.user.id);
	if (!row) throw new AppError('unauthenticated');
	if (factorOn(row)) throw new AppError('invalid_state', { detailKey: 'detail_totp_already_on' });
	if (!row.totp_pending_secret || row.totp_pending_at === null || ctx.now - row.totp_pending_at >= ENROLMENT_TTL_MS) {
		throw new AppError('invalid_state', { detailKey: 'detail_totp_not_pending' });
	}
	const secret = await decryptSecret(await mfaKey(ctx.env), row.totp_pending_secret, row.id);
	const step = matchTotp(secret, input.code, ctx.now, null);
	if (step === null) throw codeError('code');
	const { codes, stmts } = await recoveryCodeStatements(ctx, row.id);
	const results = await ctx.db.batch([
		ctx.db
			.prepare(
				`UPDATE users SET totp_secret = totp_pending_secret, totp_enabled_at = ?2, totp_last_step = ?3, totp_pending_secret = NULL, totp_pending_at = NULL
				 WHERE id = ?1 AND totp_enabled_at IS NULL AND totp_pending_secret = ?4`
			)
			.bind(row.id, ctx.now, step, row.totp_pending_secret),
		...stmts,
		...(ctx.sessionHash ? [ctx.db.prepare('UPDATE sessions SET reauth_at = ?2 WHERE token_hash = ?1').bind(ctx.sessionHash, ctx.now)] : [])
	]);
	if (results[0].meta.changes !== 1) throw new AppError('invalid_state', { detailKey: 'detail_totp_already_on' });
	await refund(ctx, LIMITS.secondFactorUser, ctx.user.id);
	return { recoveryCodes: codes };
}

/** Turns the factor off (the route asks for a fresh re-authentication): secret, pending enrolment and recovery codes go. */
export async function disableTotp(ctx: CallerContext) {
	const row = await factorRow(ctx, ctx.user.id);
	if (!row || !factorOn(row)) throw new AppError('invalid_state', { detailKey: 'detail_totp_off' });
	await ctx.db.batch([
		ctx.db.prepare('UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, totp_pending_secret = NULL, totp_pending_at = NULL WHERE id = ?1').bind(row.id),
		ctx.db.prepare('DELETE FROM recovery_codes WHERE user_id = ?1').bind(row.id),
		ctx.db.prepare('DELETE FROM login_challenges WHERE user_id = ?1').bind(row.id)
	]);
}

/** Replaces the recovery codes with ten new ones (the route asks for a fresh re-authentication); the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: CallerContext) {
	const row = await factorRow(ctx, ctx.user.id);
	if (!row || !factorOn(row)) throw new AppError('invalid_state', { detailKey: 'detail_totp_off' });
	const { codes, stmts } = await recoveryCodeStatements(ctx, row.id);
	await ctx.db.batch(stmts);
	return { recoveryCodes: codes };
}

/**
 * Re-authentication for sensitive changes: the password, and a second factor when the user
 * has one (a TOTP or recovery code, or an assertion of one of their passkeys answering the
 * options of POST /auth/reauth/passkey/options), under the login limits. Marks the session;
 * the next 5 minutes allow them.
 */
export async function reauthenticate(ctx: CallerContext, input: { password: string; code?: string; passkey?: AuthenticationResponseJSON }) {
	const row = await factorRow(ctx, ctx.user.id);
	if (!row || !(await checkPasswordLimited(ctx, row, row.email, input.password))) {
		throw new AppError('invalid_request', { detailKey: 'detail_wrong_password', fieldKeys: [{ path: 'password', key: 'detail_wrong_password' }] });
	}
	const second = hasSecondFactor(row);
	if (second) {
		await consume(ctx, LIMITS.secondFactorUser, row.id);
		if (input.passkey) {
			if (!ctx.sessionHash || !(await usePasskey(ctx, 'reauth', row.id, ctx.sessionHash, input.passkey))) throw passkeyError('passkey');
		} else if (!input.code || !(await useSecondFactor(ctx, row, input.code))) {
			throw factorOn(row) ? codeError('code') : passkeyError('passkey');
		}
		await refund(ctx, LIMITS.secondFactorUser, row.id);
	}
	if (ctx.sessionHash) await markReauthenticated(ctx, ctx.sessionHash);
	return { reauthenticatedUntil: new Date(ctx.now + STEP_UP_TTL_MS).toISOString(), twoFactor: second };
}

/** Options for a passkey assertion that POST /auth/reauth will check, bound to this session. */
export async function reauthPasskeyOptions(ctx: CallerContext) {
	if (!ctx.sessionHash) throw new AppError('unauthenticated');
	return passkeyAssertionOptions(ctx, 'reauth', ctx.user.id, ctx.sessionHash);
}

/** Opens a pending login for a user whose password was right: the token goes in the HttpOnly `wasla_login` cookie. */
export async function openLoginChallenge(ctx: ServiceContext, userId: string) {
	const { token, hash } = await newSessionToken();
	await ctx.db.batch([
		// One pending login per account at a time; expired ones of anyone go too.
		ctx.db.prepare('DELETE FROM login_challenges WHERE user_id = ?1 OR expires_at <= ?2').bind(userId, ctx.now),
		ctx.db.prepare('INSERT INTO login_challenges (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)').bind(hash, userId, ctx.now, ctx.now + LOGIN_CHALLENGE_TTL_MS)
	]);
	return { token, expiresAt: ctx.now + LOGIN_CHALLENGE_TTL_MS };
}

const loginExpired = () => new AppError('invalid_credentials', { detailKey: 'detail_login_challenge_invalid' });

/** The pending login behind the `wasla_login` token and its user, or 401 when there is none, it expired or took five wrong answers. */
async function pendingLogin(ctx: ServiceContext, token: string | undefined): Promise<{ hash: string; row: FactorRow }> {
	if (!token || token.length > 128) throw loginExpired();
	const hash = await hashSessionToken(token);
	const challenge = await ctx.db
		.prepare('SELECT user_id, expires_at, failures FROM login_challenges WHERE token_hash = ?1')
		.bind(hash)
		.first<{ user_id: string; expires_at: number; failures: number }>();
	if (!challenge || challenge.expires_at <= ctx.now || challenge.failures >= LOGIN_CHALLENGE_MAX_FAILURES) throw loginExpired();
	const row = await factorRow(ctx, challenge.user_id);
	if (!row || !hasSecondFactor(row)) throw loginExpired();
	return { hash, row };
}

/** Options for finishing a pending login with a passkey: the user's passkeys allowed, the challenge bound to the pending login. */
export async function loginPasskeyOptions(ctx: RequestContext, input: { token: string | undefined }) {
	await consume(ctx, LIMITS.loginIp, ctx.ip ?? 'unknown');
	const { hash, row } = await pendingLogin(ctx, input.token);
	return passkeyAssertionOptions(ctx, 'login', row.id, hash);
}

/**
 * Finishes a pending login with a TOTP or recovery code (`code`), or with a passkey assertion
 * answering the options of POST /auth/login/passkey/options (`passkey`): counted under the
 * login limits (per IP, and each wrong answer as a failed login of the account); five wrong
 * answers end the pending login. Right: the pending login is deleted and a session opens.
 */
export async function completeLoginChallenge(ctx: RequestContext, input: { token: string | undefined; code: string } | { token: string | undefined; passkey: AuthenticationResponseJSON }) {
	await consume(ctx, LIMITS.loginIp, ctx.ip ?? 'unknown');
	const { hash, row } = await pendingLogin(ctx, input.token);
	const email = normaliseEmail(row.email);
	await consume(ctx, LIMITS.loginAccount, email);
	const right = 'passkey' in input ? await usePasskey(ctx, 'login', row.id, hash, input.passkey) : await useSecondFactor(ctx, row, input.code);
	if (!right) {
		await ctx.db.prepare('UPDATE login_challenges SET failures = failures + 1 WHERE token_hash = ?1').bind(hash).run();
		throw 'passkey' in input ? passkeyError('passkey') : codeError('code');
	}
	// Only one request turns a pending login into a session.
	const taken = await ctx.db.prepare('DELETE FROM login_challenges WHERE token_hash = ?1').bind(hash).run();
	if (taken.meta.changes !== 1) throw loginExpired();
	await refund(ctx, LIMITS.loginAccount, email);
	return { userId: row.id, session: await createSession(ctx, row.id) };
}

/** Whether the user must give a second factor to sign in (TOTP on, or a passkey), and the row to check it against. */
export async function secondFactorOf(ctx: ServiceContext, userId: string): Promise<FactorRow | null> {
	const row = await factorRow(ctx, userId);
	return row && hasSecondFactor(row) ? row : null;
}
