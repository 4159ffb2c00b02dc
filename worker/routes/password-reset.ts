/** Forgotten passwords (issue 14, point 9): ask for an emailed link, check it, set a new password with it. */
import { type Router, route } from '../route';
import { json } from '../body';
import { checkPasswordReset, confirmPasswordReset, requestPasswordReset } from '../services/password-reset';
import { UserResponse } from './accounts.types';
import { setSessionCookie } from './accounts';
import { ForgotBody, ForgotResponse, ResetBody, ResetCheckBody, ResetCheckResponse } from './password-reset.types';

export function passwordResetRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/auth/password/forgot',
			summary:
				'Ask for a password-reset link: emailed, in the account’s language, only if an account has the address; single use, valid 30 minutes, replaces any earlier link. Same answer either way. 5 requests per address and 20 per IP per hour.',
			tags: ['accounts'],
			auth: 'public',
			body: json(ForgotBody),
			responses: {
				202: { description: 'Accepted; a link was emailed if an account has the address', schema: ForgotResponse },
				429: { description: 'Rate limited (per IP or per address), with Retry-After' }
			}
		},
		async (c, { ctx, body }) => c.json({ accepted: true, ...(await requestPasswordReset(ctx, body)) }, 202)
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/password/reset/check',
			summary: 'Whether a reset link still works (changes nothing; the reset page asks before showing its form)',
			tags: ['accounts'],
			auth: 'public',
			body: json(ResetCheckBody),
			responses: {
				200: { description: 'The link works until expiresAt', schema: ResetCheckResponse },
				400: { description: 'Invalid input, or `reset_link_invalid`: unknown, used, replaced or expired' }
			}
		},
		async (c, { ctx, body }) => c.json(await checkPasswordReset(ctx, body))
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/password/reset',
			summary:
				'Set a new password with a reset link (the sign-up’s password rules). Uses the link up, ends every session of the account on every device, and signs this browser in with a new session.',
			tags: ['accounts'],
			auth: 'public',
			body: json(ResetBody),
			responses: {
				200: { description: 'Password changed; every earlier session ended; sets a new wasla_session cookie', schema: UserResponse },
				400: { description: 'Invalid input (the link stays usable), or `reset_link_invalid`: unknown, used, replaced or expired (nothing changed)' },
				429: { description: 'Rate limited (per IP), with Retry-After' }
			}
		},
		async (c, { ctx, body }) => {
			const { user, session } = await confirmPasswordReset(ctx, body);
			setSessionCookie(c, session.token);
			return c.json({ user });
		}
	);
}
