import { describe, expect, it } from 'vitest';
import { PASSWORD_RESET, hashResetToken, isResetTokenShape, newResetToken, resetLink, resetState } from '../../worker/domain/password-reset';
import { isMandatory } from '../../worker/domain/message-kinds';
import { passwordResetEmail } from '../../worker/services/account-emails';

describe('password-reset links', () => {
	it('a token is 256 random bits in base64url; only its SHA-256 is stored', async () => {
		const a = await newResetToken();
		const b = await newResetToken();
		expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(a.token).not.toBe(b.token);
		expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(a.hash).toBe(await hashResetToken(a.token));
		expect(a.hash).not.toBe(b.hash);
		expect(isResetTokenShape(a.token)).toBe(true);
		for (const bad of ['', 'x', `${a.token}=`, `${a.token.slice(0, 42)}/`, a.hash]) expect(isResetTokenShape(bad)).toBe(false);
	});

	it('works until 30 minutes after issue, exclusive, and never once used', () => {
		const issued = Date.UTC(2026, 10, 3, 9, 0);
		const expiresAt = issued + PASSWORD_RESET.ttlMs;
		expect(PASSWORD_RESET.ttlMs).toBe(30 * 60 * 1000);
		expect(resetState({ expiresAt, usedAt: null }, issued)).toBe('valid');
		expect(resetState({ expiresAt, usedAt: null }, expiresAt - 1)).toBe('valid');
		expect(resetState({ expiresAt, usedAt: null }, expiresAt)).toBe('expired');
		expect(resetState({ expiresAt, usedAt: issued + 1000 }, issued + 2000)).toBe('used');
	});

	it('links to the reset page on the given origin', () => {
		expect(resetLink('https://wasla.dz/', 'abc')).toBe('https://wasla.dz/password-reset/abc');
		expect(resetLink('http://127.0.0.1:8787', 'abc')).toBe('http://127.0.0.1:8787/password-reset/abc');
	});

	it('the email says, in each language, the link, its 30 minutes and that it works once; it cannot be turned off', () => {
		const link = 'https://wasla.dz/password-reset/tok';
		const fr = passwordResetEmail('fr', { to: 'a@b.dz', link, minutes: 30 });
		const ar = passwordResetEmail('ar', { to: 'a@b.dz', link, minutes: 30 });
		const en = passwordResetEmail('en', { to: 'a@b.dz', link, minutes: 30 });
		expect(fr.text).toContain(`ouvrez ce lien\u00a0: ${link}`);
		expect(fr.text).toContain('ne sert qu’une fois et fonctionne pendant 30\u00a0minutes');
		expect(ar.text).toContain(`افتح هذا الرابط: ${link}`);
		expect(ar.text).toContain('مرة واحدة فقط');
		expect(ar.text).toContain('30 دقيقة');
		expect(en.text).toContain(`open this link: ${link}`);
		expect(en.text).toContain('works once, for 30 minutes');
		for (const m of [fr, ar, en]) expect(m).toMatchObject({ to: 'a@b.dz', kind: 'password_reset' });
		expect([fr.locale, ar.locale, en.locale]).toEqual(['fr', 'ar', 'en']);
		expect(isMandatory('password_reset')).toBe(true);
	});
});
