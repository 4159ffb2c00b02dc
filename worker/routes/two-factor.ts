/**
 * The second factor (issue 15, point 3): TOTP enrolment and confirmation, recovery codes,
 * turning it off, finishing a login that waits for a code, and re-authentication (step-up)
 * before sensitive changes.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import type { RequestContext } from '../context';
import { type Router, route } from '../route';
import { json } from '../body';
import { problemBody } from '../problem';
import { LOGIN_CHALLENGE_COOKIE, LOGIN_CHALLENGE_TTL_MS } from '../domain/two-factor';
import {
	completeLoginChallenge,
	confirmTotp,
	disableTotp,
	loginPasskeyOptions,
	reauthPasskeyOptions,
	reauthenticate,
	regenerateRecoveryCodes,
	startTotpEnrolment,
	twoFactorStatus
} from '../services/two-factor';
import { listPasskeys, passkeyRegistrationOptions, registerPasskey, removePasskey } from '../services/passkeys';
import { ById } from './params';
import { publicUser } from '../services/accounts';
import { deleteSession } from '../services/sessions';
import { UserResponse } from './accounts.types';
import {
	ConfirmBody,
	EnrolBody,
	EnrolResponse,
	PasskeyLoginBody,
	PasskeyOptionsResponse,
	PasskeyRegisterBody,
	PasskeyResponse,
	PasskeysResponse,
	ReauthBody,
	ReauthResponse,
	RecoveryCodesResponse,
	SecondFactorLoginBody,
	TwoFactorStatusResponse
} from './two-factor.types';
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
		async (c, { ctx, body }) => signedIn(c, ctx, await completeLoginChallenge(ctx, { token: getCookie(c, LOGIN_CHALLENGE_COOKIE), code: body.code }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/login/passkey/options',
			summary:
				'Options for finishing a login that waits for its second factor with a passkey (the pending-login cookie wasla_login set by POST /auth/login): the account’s passkeys, a challenge good once for 5 minutes',
			tags: ['accounts'],
			auth: 'public',
			responses: {
				200: { description: 'Options for startAuthentication() of @simplewebauthn/browser', schema: PasskeyOptionsResponse },
				401: { description: 'No pending login, or it expired or took five wrong answers: give the password again' },
				409: { description: 'The account has no passkey: use a code' },
				429: { description: 'Rate limited (the login limits)' },
				503: { description: 'Passkeys are not configured (production without APP_URL)' }
			}
		},
		async (c, { ctx }) => c.json(await loginPasskeyOptions(ctx, { token: getCookie(c, LOGIN_CHALLENGE_COOKIE) }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/login/passkey',
			summary: 'Finish a login that waits for its second factor with a passkey: the assertion answering POST /auth/login/passkey/options, with the pending-login cookie',
			tags: ['accounts'],
			auth: 'public',
			body: json(PasskeyLoginBody),
			responses: {
				200: { description: 'Signed in; sets the wasla_session cookie and clears wasla_login', schema: UserResponse },
				400: {
					description:
						'Not accepted (`errors[].path = "passkey"`): another account’s or an unknown credential, a wrong origin or RP ID, a challenge used already or expired, a bad signature or a counter that went back; five end the pending login'
				},
				401: { description: 'No pending login, or it expired or took five wrong answers: give the password again' },
				429: { description: 'Rate limited (the login limits)' },
				503: { description: 'Passkeys are not configured (production without APP_URL)' }
			}
		},
		async (c, { ctx, body }) => signedIn(c, ctx, await completeLoginChallenge(ctx, { token: getCookie(c, LOGIN_CHALLENGE_COOKIE), passkey: body.response }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/reauth',
			summary: 'Confirm the password (and, when the account has a second factor, a TOTP or recovery code or a passkey assertion) again: sensitive changes are then allowed for 5 minutes',
			tags: ['accounts'],
			auth: 'user',
			body: json(ReauthBody),
			responses: {
				200: { description: 'Confirmed', schema: ReauthResponse },
				400: {
					description:
						'Wrong password (`errors[].path = "password"`), or a missing, wrong or used code (`"code"`; `"passkey"` for an account with only passkeys), or a passkey assertion not accepted (`"passkey"`)'
				},
				429: { description: 'Rate limited (the login limits)' },
				503: { description: 'The second factor cannot be checked: the server is not configured for it' }
			}
		},
		async (c, { ctx, body }) => c.json(await reauthenticate(ctx, body))
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/reauth/passkey/options',
			summary:
				'Options for confirming the session with a passkey (then POST /auth/reauth with the password and the assertion as `passkey`): a challenge bound to this session, good once for 5 minutes',
			tags: ['accounts'],
			auth: 'user',
			responses: {
				200: { description: 'Options for startAuthentication() of @simplewebauthn/browser', schema: PasskeyOptionsResponse },
				409: { description: 'The account has no passkey' },
				503: { description: 'Passkeys are not configured (production without APP_URL)' }
			}
		},
		async (c, { ctx }) => c.json(await reauthPasskeyOptions(ctx))
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
				429: { description: 'Rate limited (the login limits)' },
				503: { description: 'The server has no key to store TOTP secrets with (MFA_ENCRYPTION_KEY): nothing was stored' }
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
				429: { description: 'Too many wrong codes' },
				503: { description: 'The server has no key to read TOTP secrets with (MFA_ENCRYPTION_KEY): nothing changed' }
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

	route(
		r,
		{
			method: 'get',
			path: '/me/passkeys',
			summary: 'The caller’s passkeys: name, when added and last used (no key material)',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: PasskeysResponse } }
		},
		async (c, { ctx }) => c.json(await listPasskeys(ctx))
	);

	route(
		r,
		{
			method: 'post',
			path: '/me/passkeys/options',
			summary: 'Options for registering a passkey (needs a re-authentication in the last 5 minutes): the existing ones excluded, a challenge bound to this session, good once for 5 minutes',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			responses: {
				200: { description: 'Options for startRegistration() of @simplewebauthn/browser', schema: PasskeyOptionsResponse },
				409: { description: 'Ten passkeys already' },
				503: { description: 'Passkeys are not configured (production without APP_URL)' }
			}
		},
		async (c, { ctx }) => c.json(await passkeyRegistrationOptions(ctx))
	);

	route(
		r,
		{
			method: 'post',
			path: '/me/passkeys',
			summary: 'Register a passkey (needs a re-authentication in the last 5 minutes): the browser’s answer to POST /me/passkeys/options and a name; from then on signing in asks for a second factor',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			body: json(PasskeyRegisterBody),
			responses: {
				201: { description: 'Registered', schema: PasskeyResponse },
				400: { description: 'Invalid name, or an answer not accepted (`errors[].path = "response"`): wrong origin or RP ID, a challenge used already, expired or another session’s' },
				409: { description: 'This credential is already registered, or ten passkeys already' },
				503: { description: 'Passkeys are not configured (production without APP_URL)' }
			}
		},
		async (c, { ctx, body }) => c.json(await registerPasskey(ctx, body), 201)
	);

	route(
		r,
		{
			method: 'delete',
			path: '/me/passkeys/:id',
			summary: 'Remove one of the caller’s passkeys (needs a re-authentication in the last 5 minutes)',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			params: ById,
			responses: { 204: { description: 'Removed' } }
		},
		async (c, { ctx, params }) => {
			await removePasskey(ctx, params.id);
			return c.body(null, 204);
		}
	);
}

/** A pending login finished: the session cookie replaces any old session and the pending-login cookie. */
async function signedIn(c: Context<AppEnv>, ctx: RequestContext, done: { userId: string; session: { token: string } }): Promise<Response> {
	if (ctx.sessionHash) await deleteSession(ctx, ctx.sessionHash);
	clearLoginChallengeCookie(c);
	setSessionCookie(c, done.session.token);
	return c.json({ user: await publicUser(ctx, done.userId) });
}
