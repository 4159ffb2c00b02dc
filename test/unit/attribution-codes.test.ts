/** Codes read without ambiguity and link slugs (worker/domain/attribution-codes.ts). */
import { describe, expect, it } from 'vitest';
import { SLUG_ALPHABET, SLUG_LENGTH, SLUG_PATTERN, codeKey, codesOfTerms, newSlug } from '../../worker/domain/attribution-codes';

describe('codeKey', () => {
	it('reads what a customer types as the code it stands for', () => {
		for (const typed of ['NOUR10', 'nour10', 'Nour 10', 'nour-10', 'NOURIO', 'NOURLO', 'ＮＯＵＲ１０']) expect(codeKey(typed), typed).toBe('N0UR10');
		expect(codeKey('INSTA-NOUR')).toBe(codeKey('insta nour'));
		expect(codeKey('INSTA-NOUR')).not.toBe(codeKey('INSTA-NOURA'));
	});
});

describe('newSlug', () => {
	it('draws 8 characters from an alphabet without look-alikes', () => {
		expect(SLUG_ALPHABET).not.toMatch(/[01ilou]/);
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const slug = newSlug();
			expect(slug).toMatch(SLUG_PATTERN);
			seen.add(slug);
		}
		expect(seen.size).toBe(2000);
		expect(SLUG_LENGTH).toBe(8);
	});

	it('rejects the bytes that would bias the draw', () => {
		// 240 is the first byte past the largest multiple of 30 under 256: skipped, never mapped to a character.
		let call = 0;
		const slug = newSlug((b) => {
			call += 1;
			b.fill(call === 1 ? 240 : 31);
			return b;
		});
		expect(slug).toBe(SLUG_ALPHABET[1].repeat(SLUG_LENGTH));
		expect(call).toBe(2);
	});
});

describe('codesOfTerms', () => {
	it('puts the promo code and the keyword live, each with its key', () => {
		expect(codesOfTerms({ attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' } })).toEqual([
			{ kind: 'promo', code: 'NOUR10', key: 'N0UR10' },
			{ kind: 'keyword', code: 'INSTA-NOUR', key: '1NSTAN0UR' }
		]);
	});
});
