/** Schemas of the second-factor routes (issue 15, point 3). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { PASSWORD_MAX } from '../domain/password';
import { PASSKEY_NAME_MAX } from '../domain/passkeys';
import { singleLineCheck } from '../domain/text';

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
		passkeys: v.pipe(v.number(), v.description('Registered passkeys; with at least one, signing in asks for a second factor even when TOTP is off.')),
		reauthenticatedUntil: v.pipe(v.nullable(v.string()), v.description('Until when this session may make sensitive changes without confirming again (ISO 8601), or null.'))
	})
});

export const ReauthResponse = v.object({
	reauthenticatedUntil: v.pipe(v.string(), v.description('Sensitive changes are allowed until then (5 minutes).')),
	twoFactor: v.pipe(v.boolean(), v.description('Whether a second factor was checked.'))
});

export const SecondFactorLoginBody = v.strictObject({ code: SecondFactorCode });

// ---- Passkeys (WebAuthn) -------------------------------------------------------------------

const B64url = (what: string, max: number) => v.pipe(v.string('invalid_type'), v.regex(/^[A-Za-z0-9_-]*$/, 'passkey_invalid'), v.maxLength(max, 'passkey_invalid'), v.description(what));

/** What every credential the browser returns carries (SimpleWebAuthn's JSON form, closed: @simplewebauthn/browser sends nothing else). */
const CredentialBase = {
	id: B64url('The credential id (base64url).', 1400),
	rawId: B64url('The same id (base64url).', 1400),
	type: v.picklist(['public-key'], 'passkey_invalid'),
	authenticatorAttachment: v.optional(v.picklist(['platform', 'cross-platform'], 'passkey_invalid')),
	clientExtensionResults: v.optional(v.pipe(v.record(v.string(), v.unknown()), v.description('Extension outputs (never read nor stored).')), {})
};

/** navigator.credentials.create()'s answer as @simplewebauthn/browser's startRegistration returns it. */
export const RegistrationCredential = v.strictObject({
	...CredentialBase,
	response: v.strictObject({
		clientDataJSON: B64url('base64url of the client data JSON.', 4000),
		attestationObject: B64url('base64url of the CBOR attestation object.', 16000),
		authenticatorData: v.optional(B64url('base64url.', 8000)),
		transports: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(20))), v.maxLength(10))),
		publicKeyAlgorithm: v.optional(v.number()),
		publicKey: v.optional(B64url('base64url.', 4000))
	})
});

/** navigator.credentials.get()'s answer as @simplewebauthn/browser's startAuthentication returns it. */
export const AuthenticationCredential = v.strictObject({
	...CredentialBase,
	response: v.strictObject({
		clientDataJSON: B64url('base64url of the client data JSON.', 4000),
		authenticatorData: B64url('base64url of the authenticator data.', 8000),
		signature: B64url('base64url of the signature.', 2000),
		userHandle: v.optional(B64url('base64url of the user handle.', 200))
	})
});

export const PasskeyName = v.pipe(
	v.string('required'),
	v.trim(),
	v.nonEmpty('required'),
	v.maxLength(PASSKEY_NAME_MAX, 'too_long'),
	singleLineCheck(),
	v.description('A name to recognise it by (“Téléphone de Lina”), at most 60 characters.')
);

export const PasskeyRegisterBody = v.strictObject({
	name: PasskeyName,
	response: v.pipe(RegistrationCredential, v.description('What @simplewebauthn/browser startRegistration() returned for the options of POST /me/passkeys/options.'))
});

export const Passkey = v.object({
	id: v.string(),
	name: v.string(),
	createdAt: v.string(),
	lastUsedAt: v.pipe(v.nullable(v.string()), v.description('When it last signed in or confirmed a change, or null.'))
});

export const PasskeyResponse = v.object({ passkey: Passkey });
export const PasskeysResponse = v.object({ passkeys: v.array(Passkey) });

/** PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON: handed as they are to @simplewebauthn/browser. */
export const PasskeyOptionsResponse = v.object({
	options: v.pipe(
		v.looseObject({ challenge: v.string(), timeout: v.optional(v.number()) }),
		v.description('WebAuthn options (JSON form) for startRegistration() or startAuthentication() of @simplewebauthn/browser; the challenge is good once, for 5 minutes.')
	)
});

export const PasskeyLoginBody = v.strictObject({
	response: v.pipe(AuthenticationCredential, v.description('What @simplewebauthn/browser startAuthentication() returned for the options of POST /auth/login/passkey/options.'))
});

export const ReauthBody = v.strictObject({
	password: CurrentPassword,
	code: v.optional(v.pipe(SecondFactorCode, v.description('When the account has a second factor, this or `passkey`: a TOTP or recovery code.'))),
	passkey: v.optional(
		v.pipe(
			AuthenticationCredential,
			v.description('When the account has a second factor, this or `code`: what @simplewebauthn/browser startAuthentication() returned for the options of POST /auth/reauth/passkey/options.')
		)
	)
});
