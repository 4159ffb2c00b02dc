/** Schemas of the account routes. Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/password';
import { singleLineCheck } from '../domain/text';

export const Email = v.pipe(
	v.string('required'),
	v.trim(),
	v.nonEmpty('required'),
	v.maxLength(254, 'email_invalid'),
	v.email('email_invalid'),
	v.description('Email address; compared case-insensitively.')
);

export const Password = v.pipe(v.string('required'), v.minLength(PASSWORD_MIN, 'password_length'), v.maxLength(PASSWORD_MAX, 'password_length'), v.description('8 to 128 characters.'));

/** A brand name or a creator's display name: one line, 2 to 80 characters. */
export const AccountName = v.pipe(
	v.string('required'),
	v.trim(),
	singleLineCheck(),
	v.minLength(2, 'name_length'),
	v.maxLength(80, 'name_length'),
	v.description('Brand name or creator display name: one line, 2 to 80 characters.')
);

export const Locale = v.pipe(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'), v.description('Preferred language.'));

export const RegisterBody = v.strictObject({
	email: Email,
	password: Password,
	role: v.pipe(v.picklist(['brand', 'creator'], 'role_invalid'), v.description('"brand" creates a brand organisation; "creator" a creator profile.')),
	name: AccountName,
	locale: v.optional(Locale),
	acceptTerms: v.optional(
		v.pipe(
			v.boolean('invalid_type'),
			v.description(
				'The sign-up form\'s "I accept the terms and the privacy notice" box. false: 422, nothing is created. Absent (older clients): acceptance of the current versions is recorded with source "api"; true records source "web".'
			)
		)
	),
	acceptInvitation: v.optional(
		v.pipe(
			v.string('invalid_type'),
			v.nonEmpty('required'),
			v.maxLength(64, 'invitation_unavailable'),
			v.description(
				'Brand accounts only: the id of a pending invitation addressed to this email (from the invitation link), to join that team instead of creating a brand. Never implied: without it, a brand sign-up creates its own brand.'
			)
		)
	)
});

export const ConsentResponse = v.object({
	documents: v.array(
		v.object({
			document: v.pipe(v.picklist(['terms', 'privacy']), v.description('terms: the terms of use (/legal/terms); privacy: the privacy notice (/legal/privacy).')),
			currentVersion: v.pipe(v.string(), v.description('The version in force (YYYY-MM-DD).')),
			effective: v.pipe(v.string(), v.description('The day the current version applies from (YYYY-MM-DD).')),
			path: v.pipe(v.string(), v.description('The page where the text is read.')),
			accepted: v.pipe(
				v.nullable(v.object({ version: v.string(), acceptedAt: v.string(), locale: v.string(), source: v.picklist(['web', 'api']) })),
				v.description('The latest version the caller accepted, or null.')
			),
			reacceptDue: v.pipe(v.boolean(), v.description('True when the caller has not accepted the current version: ask again.'))
		})
	),
	accepted: v.pipe(
		v.array(v.object({ document: v.picklist(['terms', 'privacy']), version: v.string(), acceptedAt: v.string(), locale: v.string(), source: v.picklist(['web', 'api']) })),
		v.description('Every acceptance, oldest first.')
	)
});

export const LoginBody = v.strictObject({
	email: Email,
	password: v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(PASSWORD_MAX, 'password_length')),
	otp: v.optional(
		v.pipe(
			v.string('required'),
			v.trim(),
			v.nonEmpty('required'),
			v.maxLength(20, 'totp_code_invalid'),
			v.description('Only for accounts with two-factor authentication: a TOTP code or a recovery code. Without it such an account gets 401 `mfa_required` and a pending-login cookie (wasla_login).')
		)
	)
});

export const PasswordChangeBody = v.strictObject({
	currentPassword: v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(PASSWORD_MAX, 'password_length')),
	newPassword: Password
});

export const LocaleBody = v.strictObject({ locale: Locale });

export const UserOut = v.object({
	id: v.string(),
	email: v.string(),
	role: v.picklist(['brand', 'creator', 'admin']),
	name: v.string(),
	locale: v.picklist(['fr', 'ar', 'en'])
});

export const UserResponse = v.object({ user: UserOut });

export const MeResponse = v.object({
	user: UserOut,
	brand: v.nullable(v.object({ id: v.string(), name: v.string(), role: v.picklist(['owner', 'member']) })),
	creator: v.nullable(v.object({ id: v.string(), handle: v.string() })),
	unread: v.pipe(v.number(), v.description('The caller’s unread notifications, all categories (what the header shows).'))
});
