/**
 * Changing the account's email address (issue 15, point 3): asked with a fresh
 * re-authentication, confirmed from the link emailed to the new address; the old one is told.
 */
import * as v from 'valibot';
import { type Router, route } from '../route';
import { json } from '../body';
import { confirmEmailChange, requestEmailChange } from '../services/email-change';
import { Email } from './accounts.types';

const EmailChangeBody = v.strictObject({ email: v.pipe(Email, v.description('The new address: a confirmation link is emailed to it.')) });

const EmailChangeResponse = v.object({
	pendingEmail: v.pipe(v.string(), v.description('The address waiting for its confirmation (lower case).')),
	expiresAt: v.pipe(v.string(), v.description('When the emailed link stops working (ISO 8601, 60 minutes).'))
});

const EmailConfirmBody = v.strictObject({
	token: v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(256, 'invalid_type'), v.description('The last path segment of the emailed link (/email/confirm/<token>).'))
});

const EmailConfirmResponse = v.object({ email: v.pipe(v.string(), v.description('The account’s address from now on.')) });

export function emailChangeRoutes(r: Router) {
	route(
		r,
		{
			method: 'put',
			path: '/me/email',
			summary: 'Change the account’s email address (needs a re-authentication in the last 5 minutes): a link is emailed to the new address; the address changes only once it is confirmed',
			tags: ['accounts'],
			auth: 'user',
			stepUp: true,
			body: json(EmailChangeBody),
			responses: {
				202: { description: 'Link sent to the new address; nothing changed yet (an older unconfirmed link stops working)', schema: EmailChangeResponse },
				400: { description: 'Invalid address, or the current one (`errors[].path = "email"`)' },
				409: { description: 'Another account has this address' },
				429: { description: 'Rate limited (5 per hour per account)' }
			}
		},
		async (c, { ctx, body }) => c.json(await requestEmailChange(ctx, body), 202)
	);

	route(
		r,
		{
			method: 'post',
			path: '/auth/email/confirm',
			summary: 'Confirm a new email address with the token of the emailed link (no session needed): the address changes and the old one is told',
			tags: ['accounts'],
			auth: 'public',
			body: json(EmailConfirmBody),
			responses: {
				200: { description: 'Changed', schema: EmailConfirmResponse },
				400: { description: 'Unknown, used, replaced or expired link: nothing changed' },
				409: { description: 'Another account took this address in the meantime' },
				429: { description: 'Rate limited' }
			}
		},
		async (c, { ctx, body }) => c.json(await confirmEmailChange(ctx, body))
	);
}
