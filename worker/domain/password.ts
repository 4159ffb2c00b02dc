/**
 * Password hashing: PBKDF2-SHA256 through WebCrypto at 100 000 iterations (workerd's
 * maximum), 16-byte random salt, 32-byte key. Stored as `pbkdf2-sha256$iter$salt$hash`.
 */
import { fromBase64, toBase64 } from './encoding';

export const PBKDF2_ITERATIONS = 100_000;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
	const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
	return new Uint8Array(bits);
}

/** Hashes a password with a fresh salt (or the given one, for deterministic demo data). */
export async function hashPassword(password: string, salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16))) {
	const hash = await derive(password, salt, PBKDF2_ITERATIONS);
	return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
	const parts = stored?.split('$');
	if (!parts || parts.length !== 4 || parts[0] !== 'pbkdf2-sha256') {
		// Burn the same work as a real check so unknown accounts cannot be told apart by timing.
		await derive(password, new Uint8Array(16), PBKDF2_ITERATIONS);
		return false;
	}
	const iterations = Number(parts[1]);
	if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
	const expected = fromBase64(parts[3]);
	const actual = await derive(password, fromBase64(parts[2]), iterations);
	return timingSafeEqual(actual, expected);
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}
