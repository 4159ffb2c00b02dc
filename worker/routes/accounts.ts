/** Accounts: register, login, logout, me, password, language. Teams and invitations: routes/team.ts; forgotten passwords: routes/password-reset.ts. */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { type Router, route } from '../route';
import { json } from '../body';
import { contentDisposition } from '../downloads';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../domain/session-policy';
import { changePassword, describeMe, loginUser, registerUser, saveLocale } from '../services/accounts';
import { describeConsent } from '../services/consents';
import { deleteSession } from '../services/sessions';
import { erasePersonalData, exportPersonalData } from '../services/personal-data';
import { ConsentResponse, LocaleBody, LoginBody, MeResponse, PasswordChangeBody, RegisterBody, UserResponse } from './accounts.types';
import { clearLoginChallengeCookie, secondFactorRequired } from './two-factor';

export function setSessionCookie(c: Context<AppEnv>, token: string) {
	setCookie(c, SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'Lax',
		secure: new URL(c.req.url).protocol === 'https:',
		path: '/',
		maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000)
	});
}

function clearSessionCookie(c: Context<AppEnv>) {
	deleteCookie(c, SESSION_COOKIE, { path: '/', secure: new URL(c.req.url).protocol === 'https:' });
}

export function accountRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/auth/register',
			summary: 'Create an account (brand or creator) and sign in; a brand account may explicitly join the team that invited it (acceptInvitation)',
			tags: ['accounts'],
			auth: 'public',
			body: json(RegisterBody),
			responses: {
				201: { description: 'Created; sets the wasla_session cookie', schema: UserResponse },
				400: { description: 'Invalid input, or an invitation that is not pending for this email' },
				409: { description: 'Email taken' },
				422: { description: 'acceptTerms is false: the terms and privacy notice were not accepted; nothing was created' },
				429: { description: 'Rate limited' }
			}
		},
		async (c, { ctx, body }) => {
			const { user, session } = await registerUser(ctx, body);
			setSessionCookie(c, session.token);
			return c.json({ user }, 201);
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/login',
			summary: 'Sign in; a new session token every time',
			tags: ['accounts'],
			auth: 'public',
			body: json(LoginBody),
			responses: {
				200: { description: 'Signed in; sets the wasla_session cookie', schema: UserResponse },
				400: { description: 'Invalid input, or (two-factor accounts) a wrong, replayed or used `otp`' },
				401: {
					description:
						'Wrong credentials (`invalid_credentials`); or the password is right but the account has two-factor authentication and no `otp` was given (`mfa_required`): a pending-login cookie (wasla_login, HttpOnly, 5 minutes) is set for POST /auth/login/second-factor'
				},
				429: { description: 'Rate limited' }
			}
		},
		async (c, { ctx, body }) => {
			const result = await loginUser(ctx, body);
			if (result.challenge) return secondFactorRequired(c, result.challenge.token);
			if (ctx.sessionHash) await deleteSession(ctx, ctx.sessionHash);
			clearLoginChallengeCookie(c);
			setSessionCookie(c, result.session.token);
			return c.json({ user: result.user });
		}
	);

	route(r, { method: 'post', path: '/auth/logout', summary: 'End the current session', tags: ['accounts'], auth: 'public', responses: { 204: { description: 'Signed out' } } }, async (c, { ctx }) => {
		if (ctx.sessionHash) await deleteSession(ctx, ctx.sessionHash);
		clearSessionCookie(c);
		return c.body(null, 204);
	});

	route(
		r,
		{
			method: 'post',
			path: '/auth/password',
			summary: 'Change the password (needs a re-authentication in the last 5 minutes); every other session ends',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			body: json(PasswordChangeBody),
			responses: { 204: { description: 'Changed' }, 400: { description: 'Invalid input or wrong current password' } }
		},
		async (c, { ctx, body }) => {
			await changePassword(ctx, body);
			return c.body(null, 204);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/me',
			summary: 'The signed-in user, their brand or creator profile',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: MeResponse }, 401: { description: 'No session' } }
		},
		async (c, { ctx }) => c.json(await describeMe(ctx))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/export',
			summary: 'Everything Wasla holds about the caller (Law 18-07 access right)',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'JSON export' } }
		},
		async (c, { ctx }) => {
			c.header('content-disposition', contentDisposition('wasla-export.json'));
			return c.json(await exportPersonalData(ctx));
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/consent',
			summary: 'The versions of the terms and privacy notice the caller accepted, when, and the current versions (reacceptDue tells when to ask again)',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: ConsentResponse }, 401: { description: 'No session' } }
		},
		async (c, { ctx }) => c.json(await describeConsent(ctx))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/me',
			summary: 'Erase or pseudonymise the caller’s personal data and end all sessions',
			tags: ['accounts'],
			auth: 'user',
			responses: { 202: { description: 'Erased' } }
		},
		async (c, { ctx }) => {
			await erasePersonalData(ctx);
			clearSessionCookie(c);
			return c.json({ erased: true }, 202);
		}
	);

	route(
		r,
		{
			method: 'put',
			path: '/me/locale',
			summary: 'Set the preferred language (used for emails)',
			tags: ['accounts'],
			auth: 'user',
			body: json(LocaleBody),
			responses: { 204: { description: 'Saved' } }
		},
		async (c, { ctx, body }) => {
			await saveLocale(ctx, body);
			return c.body(null, 204);
		}
	);
}
