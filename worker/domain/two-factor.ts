/**
 * The second factor (issue 15, point 3): TOTP codes (RFC 6238 through @oslojs/otp: SHA-1,
 * 6 digits, 30-second steps, one step of drift either way), single-use recovery codes, the
 * encryption of the TOTP secret at rest (AES-GCM, key derived from a Worker secret), and the
 * step-up rule for sensitive changes. Pure: the clock and the key material come in as arguments.
 */
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { decodeBase64urlIgnorePadding, encodeBase32UpperCaseNoPadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { sha256Hex } from './encoding';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (phone clocks drift). */
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = 'Wasla';
/** How long a started enrolment may be confirmed. */
export const ENROLMENT_TTL_MS = 15 * 60 * 1000;
/** How long a password-checked login waits for its second factor. */
export const LOGIN_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes one pending login may take before the password must be given again. */
export const LOGIN_CHALLENGE_MAX_FAILURES = 5;
/** How long a proof of identity (login or /reauth) lets a session make sensitive changes. */
export const STEP_UP_TTL_MS = 5 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;
/** The cookie holding a pending login's token (HttpOnly). */
export const LOGIN_CHALLENGE_COOKIE = 'wasla_login';

/** A fresh 160-bit TOTP secret (RFC 4226's recommended length). */
export function newTotpSecret(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): Uint8Array {
	return random(20);
}

/** The secret as authenticator apps take it typed in: base32, upper case, no padding. */
export function secretToBase32(secret: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(secret);
}

/** The base32 secret in groups of four, for reading and typing ("ABCD EFGH …"). */
export function groupSecret(base32: string): string {
	return base32.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The otpauth:// URI a QR code carries, labelled with the issuer and the account's email. */
export function otpauthUri(secret: Uint8Array, accountName: string): string {
	return createTOTPKeyURI(TOTP_ISSUER, accountName, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The 30-second step that contains `nowMs`. */
export function totpStep(nowMs: number): number {
	return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of the step containing `nowMs` (tests and the e2e use it as an authenticator app would). */
export function totpCode(secret: Uint8Array, nowMs: number): string {
	return generateHOTP(secret, BigInt(totpStep(nowMs)), TOTP_DIGITS);
}

/** A TOTP code as typed: digits only, spaces removed; null when it cannot be one. */
export function normaliseTotp(input: string): string | null {
	const code = input.replace(/[\s-]/g, '');
	return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The step a code matches, within the drift window, that is later than `lastStep`; null when
 * it matches none (wrong) or only steps already used (a replay: a code is good once).
 */
export function matchTotp(secret: Uint8Array, code: string, nowMs: number, lastStep: number | null): number | null {
	const typed = normaliseTotp(code);
	if (!typed) return null;
	const current = totpStep(nowMs);
	for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
		if (lastStep !== null && step <= lastStep) continue;
		if (verifyHOTP(secret, BigInt(step), TOTP_DIGITS, typed)) return step;
	}
	return null;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Ten recovery codes of 10 characters from an alphabet without look-alikes (no 0/O, 1/I),
 * written `XXXXX-XXXXX` (50 bits each).
 */
export function newRecoveryCodes(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const chars = [...random(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
		return `${chars.slice(0, 5)}-${chars.slice(5)}`;
	});
}

/** A recovery code as typed: upper case, without dashes or spaces; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	return code.length === 10 && [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : null;
}

/** What recovery_codes.code_hash stores: SHA-256 of the normalised code (50 random bits each, so a fast hash is enough). */
export function hashRecoveryCode(normalised: string): Promise<string> {
	return sha256Hex(`wasla-recovery:${normalised}`);
}

/** Which kind of second-factor code was typed: six digits are a TOTP code, ten letters/digits a recovery code. */
export function classifyCode(input: string): { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null {
	const totp = normaliseTotp(input);
	if (totp) return { kind: 'totp', code: totp };
	const recovery = normaliseRecoveryCode(input);
	return recovery ? { kind: 'recovery', code: recovery } : null;
}

/**
 * Whether a session that last proved its user at `reauthAt` may make a sensitive change at
 * `now` (a request dated earlier, as the development clock allows, counts as fresh).
 */
export function stepUpFresh(reauthAt: number | null, now: number): boolean {
	return reauthAt !== null && now - reauthAt < STEP_UP_TTL_MS;
}

/** The AES-GCM key for TOTP secrets, derived (HKDF-SHA-256) from the Worker secret's text. */
export async function secretKey(material: string): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(material), 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('wasla-totp-secret'), info: new TextEncoder().encode('v1') },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/**
 * Encrypts a TOTP secret for `users.totp_secret`: `v1.<iv>.<ciphertext>` (base64url), with
 * the user's id as additional data, so a value copied to another account does not decrypt.
 */
export async function encryptSecret(key: CryptoKey, secret: Uint8Array, userId: string, iv: Uint8Array = crypto.getRandomValues(new Uint8Array(12))): Promise<string> {
	const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: new TextEncoder().encode(userId) }, key, new Uint8Array(secret));
	return `v1.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(sealed))}`;
}

/** The secret back from `encryptSecret`'s text; throws when the key, the user or the text is wrong. */
export async function decryptSecret(key: CryptoKey, stored: string, userId: string): Promise<Uint8Array> {
	const [version, iv, data] = stored.split('.');
	if (version !== 'v1' || !iv || !data) throw new Error('unknown TOTP secret format');
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: new Uint8Array(decodeBase64urlIgnorePadding(iv)), additionalData: new TextEncoder().encode(userId) },
		key,
		new Uint8Array(decodeBase64urlIgnorePadding(data))
	);
	return new Uint8Array(plain);
}
