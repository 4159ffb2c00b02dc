import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/domain/encoding';
import {
	AGREEMENT_ACTIONS,
	AGREEMENT_STATUSES,
	SIGNING_CODE,
	allowedActions,
	checkAction,
	cleanUserAgent,
	codeState,
	consentSha256,
	consentText,
	countingSignatures,
	generateSigningCode,
	hashSigningCode,
	isComplete,
	normaliseCode,
	sameHash
} from '../../worker/domain/signing';

/** A fake random source returning the given 32-bit values in turn. */
function sequence(...values: number[]) {
	let i = 0;
	const calls = { n: 0 };
	const fill = (buf: Uint32Array) => {
		calls.n += 1;
		buf[0] = values[i++ % values.length];
	};
	return { fill, calls };
}

describe('signing codes', () => {
	it('are six digits, zero-padded, from one 32-bit draw when it is below the unbiased limit', () => {
		const s = sequence(42);
		expect(generateSigningCode(s.fill)).toBe('000042');
		expect(s.calls.n).toBe(1);
		expect(generateSigningCode(sequence(123_456_789).fill)).toBe('456789');
	});

	it('redraw values in the incomplete last block of 10^6 (no modulo bias)', () => {
		const limit = Math.floor(2 ** 32 / 1e6) * 1e6; // 4 294 000 000
		const s = sequence(limit, 2 ** 32 - 1, limit - 1);
		expect(generateSigningCode(s.fill)).toBe(String((limit - 1) % 1e6).padStart(6, '0'));
		expect(s.calls.n).toBe(3);
	});

	it('from crypto.getRandomValues: always 6 digits, and spread over the space', () => {
		const codes = Array.from({ length: 2000 }, () => generateSigningCode());
		for (const c of codes) expect(c).toMatch(/^\d{6}$/);
		expect(new Set(codes).size).toBeGreaterThan(1990);
		const firstDigits = new Set(codes.map((c) => c[0]));
		expect(firstDigits.size).toBe(10);
	});

	it('are stored as SHA-256 salted with the code id', async () => {
		expect(await hashSigningCode('id-1', '123456')).toBe(await sha256Hex('id-1:123456'));
		expect(await hashSigningCode('id-1', '123456')).not.toBe(await hashSigningCode('id-2', '123456'));
		expect(sameHash('abc', 'abc')).toBe(true);
		expect(sameHash('abc', 'abd')).toBe(false);
		expect(sameHash('abc', 'abcd')).toBe(false);
	});

	it('are usable for 10 minutes, once, 5 tries, for the version they were issued for', () => {
		const now = 1_000_000;
		const fresh = { attempts: 0, expiresAt: now + SIGNING_CODE.ttlMs, usedAt: null, version: 2 };
		expect(SIGNING_CODE).toEqual({ digits: 6, ttlMs: 600_000, maxAttempts: 5 });
		expect(codeState(fresh, now, 2)).toBe('usable');
		expect(codeState(fresh, now + SIGNING_CODE.ttlMs - 1, 2)).toBe('usable');
		expect(codeState(fresh, now + SIGNING_CODE.ttlMs, 2)).toBe('expired');
		expect(codeState({ ...fresh, attempts: 4 }, now, 2)).toBe('usable');
		expect(codeState({ ...fresh, attempts: 5 }, now, 2)).toBe('exhausted');
		expect(codeState({ ...fresh, usedAt: now }, now, 2)).toBe('used');
		expect(codeState(fresh, now, 3)).toBe('stale');
	});

	it('accept spaces or a dash between the two halves, nothing else', () => {
		expect(normaliseCode('123456')).toBe('123456');
		expect(normaliseCode(' 123 456 ')).toBe('123456');
		expect(normaliseCode('123-456')).toBe('123456');
		expect(normaliseCode('12345')).toBeNull();
		expect(normaliseCode('12345a')).toBeNull();
		expect(normaliseCode('١٢٣٤٥٦')).toBeNull();
	});
});

describe('agreement state machine', () => {
	it('has a rule for every action and only known statuses', () => {
		for (const a of AGREEMENT_ACTIONS) expect(checkAction('draft', a, 'brand')).toBeDefined();
		expect(AGREEMENT_STATUSES).toEqual(['draft', 'awaiting_signatures', 'signed', 'void']);
	});

	it('checks the role before the status: the wrong party is 403 whatever the status', () => {
		expect(checkAction('draft', 'edit', 'creator')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkAction('signed', 'edit', 'creator')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkAction('draft', 'propose', 'brand')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkAction('draft', 'send', 'creator')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkAction('draft', 'void', 'creator')).toEqual({ ok: false, code: 'forbidden' });
	});

	it('allows each action only from its statuses', () => {
		const table = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, { brand: allowedActions(s, 'brand', []), creator: allowedActions(s, 'creator', []) }]));
		expect(table).toEqual({
			draft: { brand: ['edit', 'send', 'void'], creator: ['propose'] },
			awaiting_signatures: { brand: ['reopen', 'void', 'request_code', 'sign'], creator: ['reopen', 'request_code', 'sign'] },
			signed: { brand: [], creator: [] },
			void: { brand: [], creator: [] }
		});
	});

	it('refuses a second signature of the same party with its own code (already_signed)', () => {
		expect(checkAction('awaiting_signatures', 'sign', 'brand', ['brand'])).toEqual({ ok: false, code: 'already_signed' });
		expect(checkAction('awaiting_signatures', 'request_code', 'brand', ['brand'])).toEqual({ ok: false, code: 'already_signed' });
		expect(checkAction('awaiting_signatures', 'sign', 'creator', ['brand'])).toEqual({ ok: true });
		expect(checkAction('signed', 'sign', 'creator', ['brand', 'creator'])).toEqual({ ok: false, code: 'already_signed' });
		expect(checkAction('void', 'sign', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkAction('draft', 'sign', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
	});

	it('counts only signatures of the current version; complete when both parties signed it', () => {
		const sigs = [
			{ party: 'creator' as const, version: 2 },
			{ party: 'brand' as const, version: 3 }
		];
		expect(countingSignatures(sigs, 3)).toEqual([{ party: 'brand', version: 3 }]);
		expect(countingSignatures(sigs, 4)).toEqual([]);
		expect(isComplete(['brand'])).toBe(false);
		expect(isComplete(['creator', 'brand'])).toBe(true);
	});
});

describe('consent text', () => {
	it('names the version and document hash in the signer’s language; its hash is of the exact text', async () => {
		const p = { version: 3, documentSha256: 'ab'.repeat(32) };
		const texts = { fr: consentText('fr', p), ar: consentText('ar', p), en: consentText('en', p) };
		for (const text of Object.values(texts)) {
			expect(text).toContain(p.documentSha256);
			expect(text).toContain('3');
		}
		expect(texts.fr).toMatch(/^Je confirme avoir lu l’accord/);
		expect(texts.ar).toMatch(/^أقرّ بأنني قرأت الاتفاق/);
		expect(texts.en).toMatch(/^I confirm that I have read the agreement/);
		expect(await consentSha256(texts.fr)).toBe(await sha256Hex(texts.fr));
		expect(await consentSha256(texts.fr)).not.toBe(await consentSha256(texts.ar));
		expect(consentText('fr', { ...p, version: 4 })).not.toBe(texts.fr);
	});
});

describe("cleanUserAgent (the certificate's browser line)", () => {
	it("keeps a browser's User-Agent as it is", () => {
		const ua = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
		expect(cleanUserAgent(ua)).toBe(ua);
	});

	it('drops control, bidi and invisible characters and collapses white space', () => {
		expect(cleanUserAgent('Evil\u0000UA\u202E/1.0\t\u200B(X11)\u2066 ')).toBe('Evil UA /1.0 (X11)');
		expect(cleanUserAgent(null)).toBe('');
		expect(cleanUserAgent('\u0007\u202A')).toBe('');
	});

	it('keeps at most 512 characters', () => {
		expect(cleanUserAgent('a'.repeat(600))).toHaveLength(512);
	});
});
