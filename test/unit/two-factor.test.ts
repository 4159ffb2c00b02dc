/** The second factor's rules (worker/domain/two-factor.ts): TOTP steps and drift, replays, recovery codes, secrets at rest, step-up. */
import { describe, expect, it } from 'vitest';
import {
	STEP_UP_TTL_MS,
	classifyCode,
	decryptSecret,
	encryptSecret,
	groupSecret,
	hashRecoveryCode,
	matchTotp,
	newRecoveryCodes,
	normaliseRecoveryCode,
	otpauthUri,
	secretKey,
	secretToBase32,
	stepUpFresh,
	totpCode,
	totpStep
} from '../../worker/domain/two-factor';

// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890".
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP codes', () => {
	it('match the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
		expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
		expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
		expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
		expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
	});

	it('accept one step of drift either way and return the step they matched', () => {
		const now = 1_234_567_890_000;
		const step = totpStep(now);
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now, null)).toBe(step);
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, null)).toBe(step - 1);
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now, null)).toBe(step + 1);
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now, null)).toBeNull();
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), now, null)).toBeNull();
	});

	it('refuse a step already used, or an earlier one (replays)', () => {
		const now = 1_234_567_890_000;
		const step = totpStep(now);
		const code = totpCode(RFC_SECRET, now);
		expect(matchTotp(RFC_SECRET, code, now, step)).toBeNull();
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, step)).toBeNull();
		expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now, step)).toBe(step + 1);
		expect(matchTotp(RFC_SECRET, code, now, step - 1)).toBe(step);
	});

	it('ignore spaces in what is typed and refuse anything but six digits', () => {
		const now = 59_000;
		expect(matchTotp(RFC_SECRET, '287 082', now, null)).toBe(totpStep(now));
		expect(matchTotp(RFC_SECRET, '28708', now, null)).toBeNull();
		expect(matchTotp(RFC_SECRET, '２８７０８２', now, null)).toBeNull();
		expect(matchTotp(RFC_SECRET, 'abcdef', now, null)).toBeNull();
	});

	it('make an otpauth URI with the issuer, the account and the base32 secret; the secret reads in groups of four', () => {
		const uri = otpauthUri(RFC_SECRET, 'nour@example.dz');
		expect(uri).toBe('otpauth://totp/Wasla:nour%40example.dz?issuer=Wasla&algorithm=SHA1&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&period=30&digits=6');
		expect(groupSecret(secretToBase32(RFC_SECRET))).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
	});
});

describe('recovery codes', () => {
	it('are ten distinct XXXXX-XXXXX codes without look-alike characters', () => {
		let n = 0;
		const codes = newRecoveryCodes((len) => Uint8Array.from({ length: len }, () => n++ % 256));
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
	});

	it('are read whatever the case, spaces and dashes, and hashed on the normalised form', async () => {
		expect(normaliseRecoveryCode(' abcde-fgh23 ')).toBe('ABCDEFGH23');
		expect(normaliseRecoveryCode('ABCDE-FGH2O')).toBeNull();
		expect(await hashRecoveryCode('ABCDEFGH23')).toMatch(/^[0-9a-f]{64}$/);
		expect(await hashRecoveryCode('ABCDEFGH23')).not.toBe(await hashRecoveryCode('ABCDEFGH24'));
	});

	it('are told apart from TOTP codes', () => {
		expect(classifyCode('123 456')).toEqual({ kind: 'totp', code: '123456' });
		expect(classifyCode('abcde-fgh23')).toEqual({ kind: 'recovery', code: 'ABCDEFGH23' });
		expect(classifyCode('12345')).toBeNull();
		expect(classifyCode('<script>')).toBeNull();
	});
});

describe('secrets at rest', () => {
	it('round-trip through AES-GCM, bound to the key and to the user', async () => {
		const key = await secretKey('a-worker-secret');
		const stored = await encryptSecret(key, RFC_SECRET, 'user-1');
		expect(stored).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
		expect(stored).not.toContain(secretToBase32(RFC_SECRET));
		expect(await decryptSecret(key, stored, 'user-1')).toEqual(RFC_SECRET);
		await expect(decryptSecret(key, stored, 'user-2')).rejects.toThrow();
		await expect(decryptSecret(await secretKey('another-secret'), stored, 'user-1')).rejects.toThrow();
		await expect(decryptSecret(key, 'v0.x.y', 'user-1')).rejects.toThrow();
	});

	it('never encrypt the same secret to the same text twice', async () => {
		const key = await secretKey('a-worker-secret');
		expect(await encryptSecret(key, RFC_SECRET, 'u')).not.toBe(await encryptSecret(key, RFC_SECRET, 'u'));
	});
});

describe('step-up', () => {
	it('lasts five minutes after the last proof of identity', () => {
		const t = 1_700_000_000_000;
		expect(stepUpFresh(null, t)).toBe(false);
		expect(stepUpFresh(t, t)).toBe(true);
		expect(stepUpFresh(t, t + STEP_UP_TTL_MS - 1)).toBe(true);
		expect(stepUpFresh(t, t + STEP_UP_TTL_MS)).toBe(false);
	});
});
