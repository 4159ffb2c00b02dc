/** Schemas of the second-factor routes (issue 15, point 3). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { PASSWORD_MAX } from '../domain/password';

/** A TOTP code (6 digits) or a recovery code (XXXXX-XXXXX); spaces and dashes are ignored. */
export const SecondFactorCode = v.pipe(
	v.string('required'),
	v.trim(),
	v.nonEmpty('required'),
	v.maxLength(20, 'totp_code_invalid'),
	v.description('The 6-digit code of the authenticator app, or one of the recovery codes (XXXXX-XXXXX).')
);

const CurrentPassword = v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(PASSWORD_MAX, 'password_length'), v.description('The account’s current password.'));

export const EnrolBody = v.strictObject({ password: CurrentPassword });

export const EnrolResponse = v.object({
	secret: v.pipe(v.string(), v.description('The TOTP secret, base32 (what an authenticator app takes typed in).')),
	secretGrouped: v.pipe(v.string(), v.description('The same secret in groups of four characters, for reading.')),
	otpauthUrl: v.pipe(v.string(), v.description('otpauth://totp/… URI (SHA-1, 6 digits, 30 s) that the QR code carries.')),
	qrSvg: v.pipe(v.string(), v.description('The QR code of otpauthUrl as an SVG document.'))
});

export const ConfirmBody = v.strictObject({ code: v.pipe(SecondFactorCode, v.description('The 6-digit code the app shows now for the new secret.')) });

export const RecoveryCodesResponse = v.object({
	recoveryCodes: v.pipe(v.array(v.string()), v.description('Ten single-use recovery codes, shown this once (only their hashes are kept).'))
});

export const TwoFactorStatusResponse = v.object({
	twoFactor: v.object({
		enabled: v.boolean(),
		enabledAt: v.nullable(v.string()),
		recoveryCodesLeft: v.pipe(v.number(), v.description('Unused recovery codes.')),
		reauthenticatedUntil: v.pipe(v.nullable(v.string()), v.description('Until when this session may make sensitive changes without confirming again (ISO 8601), or null.'))
	})
});

export const ReauthBody = v.strictObject({
	password: CurrentPassword,
	code: v.optional(v.pipe(SecondFactorCode, v.description('Required when two-factor authentication is on: a TOTP or recovery code.')))
});

export const ReauthResponse = v.object({
	reauthenticatedUntil: v.pipe(v.string(), v.description('Sensitive changes are allowed until then (5 minutes).')),
	twoFactor: v.pipe(v.boolean(), v.description('Whether a second factor was checked.'))
});

export const SecondFactorLoginBody = v.strictObject({ code: SecondFactorCode });
