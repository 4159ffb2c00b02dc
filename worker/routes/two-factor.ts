/**
 * The second factor (issue 15, point 3): TOTP enrolment and confirmation, recovery codes,
 * turning it off, finishing a login that waits for a code, and re-authentication (step-up)
 * before sensitive changes.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { type Router, route } from '../route';
import { json } from '../body';
import { problemBody } from '../problem';
import { LOGIN_CHALLENGE_COOKIE, LOGIN_CHALLENGE_TTL_MS } from '../domain/two-factor';
import { completeLoginChallenge, confirmTotp, disableTotp, reauthenticate, regenerateRecoveryCodes, startTotpEnrolment, twoFactorStatus } from '../services/two-factor';
import { publicUser } from '../services/accounts';
import { deleteSession } from '../services/sessions';
import { UserResponse } from './accounts.types';
import { ConfirmBody, EnrolBody, EnrolResponse, ReauthBody, ReauthResponse, RecoveryCodesResponse, SecondFactorLoginBody, TwoFactorStatusResponse } from './two-factor.types';
import { setSessionCookie } from './accounts';

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:';

/** The 401 `mfa_required` of a login whose password was right, with the pending login's HttpOnly cookie (5 minutes). */
export function secondFactorRequired(c: Context<AppEnv>, token: string): Response {
	setCookie(c, LOGIN_CHALLENGE_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/', maxAge: Math.floor(LOGIN_CHALLENGE_TTL_MS / 1000) });
	return c.body(JSON.stringify(problemBody('mfa_required', c.get('locale'), { requestId: c.get('requestId') })), 401, { 'content-type': 'application/problem+json; charset=utf-8' });
}

export function clearLoginChallengeCookie(c: Context<AppEnv>) {
	if (getCookie(c, LOGIN_CHALLENGE_COOKIE) !== undefined) deleteCookie(c, LOGIN_CHALLENGE_COOKIE, { path: '/', secure: secure(c) });
}

export function twoFactorRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/auth/login/second-factor',
			summary: 'Finish a login that waits for its second factor: a TOTP or recovery code, with the pending-login cookie (wasla_login) set by POST /auth/login',
			tags: ['accounts'],
			auth: 'public',
			body: json(SecondFactorLoginBody),
			responses: {
				200: { description: 'Signed in; sets the wasla_session cookie and clears wasla_login', schema: UserResponse },
				400: { description: 'Wrong, replayed or used code (`errors[].path = "code"`); five end the pending login' },
				401: { description: 'No pending login, or it expired (5 minutes) or took five wrong codes: give the password again' },
				429: { description: 'Rate limited (the login limits)' }
			}
		},
		async (c, { ctx, body }) => {
			const { userId, session } = await completeLoginChallenge(ctx, { token: getCookie(c, LOGIN_CHALLENGE_COOKIE), code: body.code });
			if (ctx.sessionHash) await deleteSession(ctx, ctx.sessionHash);
			clearLoginChallengeCookie(c);
			setSessionCookie(c, session.token);
			return c.json({ user: await publicUser(ctx, userId) });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/reauth',
			summary: 'Confirm the password (and a TOTP or recovery code when two-factor authentication is on) again: sensitive changes are then allowed for 5 minutes',
			tags: ['accounts'],
			auth: 'user',
			body: json(ReauthBody),
			responses: {
				200: { description: 'Confirmed', schema: ReauthResponse },
				400: { description: 'Wrong password (`errors[].path = "password"`), or a missing, wrong or used code (`"code"`)' },
				429: { description: 'Rate limited (the login limits)' }
			}
		},
		async (c, { ctx, body }) => c.json(await reauthenticate(ctx, body))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/mfa',
			summary: 'The caller’s second factor: on or off, unused recovery codes, and until when this session may make sensitive changes',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: TwoFactorStatusResponse } }
		},
		async (c, { ctx }) => c.json({ twoFactor: await twoFactorStatus(ctx) })
	);

	route(
		r,
		{
			method: 'post',
			path: '/me/mfa/totp',
			summary: 'Start TOTP enrolment (password required): a new secret, its otpauth:// URI and QR code; it is on only once confirmed with a first code',
			tags: ['accounts'],
			auth: 'user',
			body: json(EnrolBody),
			responses: {
				200: { description: 'Enrolment started (valid 15 minutes)', schema: EnrolResponse },
				400: { description: 'Wrong password (`errors[].path = "password"`)' },
				409: { description: 'Two-factor authentication is already on' },
				429: { description: 'Rate limited (the login limits)' }
			}
		},
		async (c, { ctx, body }) => c.json(await startTotpEnrolment(ctx, body))
	);

	route(
		r,
		{
			method: 'post',
			path: '/me/mfa/totp/confirm',
			summary: 'Turn TOTP on with a first code from the app; answers ten single-use recovery codes, shown once',
			tags: ['accounts'],
			auth: 'user',
			body: json(ConfirmBody),
			responses: {
				200: { description: 'On', schema: RecoveryCodesResponse },
				400: { description: 'Wrong code (`errors[].path = "code"`): nothing changed' },
				409: { description: 'No enrolment in progress (or older than 15 minutes), or already on' },
				429: { description: 'Too many wrong codes' }
			}
		},
		async (c, { ctx, body }) => c.json(await confirmTotp(ctx, body))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/me/mfa/totp',
			summary: 'Turn two-factor authentication off (needs a re-authentication in the last 5 minutes); recovery codes are deleted',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			responses: { 204: { description: 'Off' }, 409: { description: 'It was not on' } }
		},
		async (c, { ctx }) => {
			await disableTotp(ctx);
			return c.body(null, 204);
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/me/mfa/recovery-codes',
			summary: 'Replace the recovery codes with ten new ones (needs a re-authentication in the last 5 minutes); the old ones stop working',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			responses: { 200: { description: 'New codes, shown once', schema: RecoveryCodesResponse }, 409: { description: 'Two-factor authentication is not on' } }
		},
		async (c, { ctx }) => c.json(await regenerateRecoveryCodes(ctx))
	);
}
