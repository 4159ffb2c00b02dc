import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../worker/domain/password';

describe('password hashing', () => {
	it('stores PBKDF2-SHA256 at 100 000 iterations with a random salt', async () => {
		const a = await hashPassword('correct horse');
		const b = await hashPassword('correct horse');
		expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(PBKDF2_ITERATIONS).toBe(100_000);
		expect(a).not.toBe(b);
	});

	it('verifies the right password and refuses others and malformed hashes', async () => {
		const stored = await hashPassword('correct horse');
		expect(await verifyPassword('correct horse', stored)).toBe(true);
		expect(await verifyPassword('correct horsE', stored)).toBe(false);
		expect(await verifyPassword('correct horse', null)).toBe(false);
		expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
		expect(await verifyPassword('x', 'pbkdf2-sha256$999999999$AAAA$AAAA')).toBe(false);
	});
});
