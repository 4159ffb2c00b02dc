import { describe, expect, it } from 'vitest';
import { creatorHandle, normaliseEmail } from '../../worker/domain/accounts';
import { retryAfterSeconds, windowStart } from '../../worker/domain/rate-limit-rules';
import { newSessionTimes, newSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, sessionState, slidIdleExpiry } from '../../worker/domain/session-policy';
import { sha256Hex } from '../../worker/domain/encoding';
import { pickLocale } from '../../worker/i18n';

describe('session policy', () => {
	const t0 = Date.UTC(2026, 10, 26, 9, 0, 0);

	it('tokens carry 256 random bits and are stored as their SHA-256', async () => {
		const a = await newSessionToken();
		const b = await newSessionToken();
		expect(a.token).not.toBe(b.token);
		expect(a.token).toHaveLength(43);
		expect(a.hash).toBe(await sha256Hex(a.token));
	});

	it('is valid, then needs a touch, then expires when idle', () => {
		const s = newSessionTimes(t0);
		expect(sessionState(s, t0 + 1000)).toBe('valid');
		expect(sessionState(s, t0 + SESSION_TOUCH_MS)).toBe('touch');
		expect(sessionState(s, t0 + SESSION_IDLE_MS)).toBe('expired');
	});

	it('expires at the absolute limit however recently it was used', () => {
		const s = { ...newSessionTimes(t0), lastSeenAt: t0 + SESSION_ABSOLUTE_MS - 1000, idleExpiresAt: t0 + SESSION_ABSOLUTE_MS + SESSION_IDLE_MS };
		expect(sessionState(s, t0 + SESSION_ABSOLUTE_MS)).toBe('expired');
	});

	it('slides the idle expiry but never past the absolute one', () => {
		const s = newSessionTimes(t0);
		expect(slidIdleExpiry(s, t0 + 1000)).toBe(t0 + 1000 + SESSION_IDLE_MS);
		expect(slidIdleExpiry(s, t0 + SESSION_ABSOLUTE_MS - 1000)).toBe(t0 + SESSION_ABSOLUTE_MS);
	});
});

describe('rate-limit windows', () => {
	const limit = { name: 't', max: 3, windowMs: 15 * 60 * 1000 };
	it('aligns windows and counts down Retry-After to the window end', () => {
		const start = Date.UTC(2026, 10, 26, 9, 0, 0);
		expect(windowStart(start + 60_000, limit)).toBe(start);
		expect(retryAfterSeconds(start + 60_000, limit)).toBe(14 * 60);
		expect(retryAfterSeconds(start + limit.windowMs - 10, limit)).toBe(1);
	});
});

describe('account rules', () => {
	it('normalises emails', () => {
		expect(normaliseEmail('  Yasmine@Boutique.DZ ')).toBe('yasmine@boutique.dz');
	});

	it('makes ASCII handles from names in any script', () => {
		expect(creatorHandle('Nour Beauté', 'a1b2c3')).toBe('nour.beaute.a1b2c3');
		expect(creatorHandle('نور', 'a1b2c3')).toBe('createur.a1b2c3');
		expect(creatorHandle("Sara l'Oranaise !!", '000001')).toBe('sara.l.oranaise.000001');
	});
});

describe('language negotiation', () => {
	it('prefers ?lang, then the cookie, then Accept-Language by q, then French', () => {
		expect(pickLocale('ar', 'en', 'fr')).toBe('ar');
		expect(pickLocale('xx', 'en', 'ar')).toBe('en');
		expect(pickLocale(undefined, undefined, 'de-DE,en;q=0.5,ar;q=0.8')).toBe('ar');
		expect(pickLocale(undefined, undefined, 'de, it')).toBe('fr');
		expect(pickLocale(undefined, undefined, undefined)).toBe('fr');
	});
});
