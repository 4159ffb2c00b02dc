/** Schemas of the password-reset routes (issue 14). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { Email, Password } from './accounts.types';

/** The token from the emailed link; any other string is answered as an invalid link (400 `reset_link_invalid`). */
const ResetToken = v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(256, 'invalid_type'), v.description('The last path segment of the emailed link (/password-reset/<token>).'));

export const ForgotBody = v.strictObject({ email: Email });

export const ForgotResponse = v.object({
	accepted: v.pipe(v.literal(true), v.description('Always true: the answer is the same whether or not an account has the address.')),
	expiresInMinutes: v.pipe(v.number(), v.description('How long an emailed link works (30).'))
});

export const ResetCheckBody = v.strictObject({ token: ResetToken });

export const ResetCheckResponse = v.object({ expiresAt: v.pipe(v.string(), v.description('When the link stops working (ISO 8601).')) });

export const ResetBody = v.strictObject({ token: ResetToken, password: Password });
