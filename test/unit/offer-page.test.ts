/** The landing page's pure helpers (worker/domain/offer-page.ts): how a price reads and is typed. */
import { describe, expect, it } from 'vitest';
import { formatPriceDzd, parsePriceDzd } from '../../worker/domain/offer-page';

describe('formatPriceDzd', () => {
	it('Latin digits grouped by a narrow no-break space, a no-break space before the unit; English DZD with commas', () => {
		expect(formatPriceDzd(12500, 'fr')).toBe('12\u202f500\u00a0DA');
		expect(formatPriceDzd(1250000, 'fr')).toBe('1\u202f250\u202f000\u00a0DA');
		expect(formatPriceDzd(900, 'ar')).toBe('900\u00a0د.ج');
		expect(formatPriceDzd(12500, 'ar')).toBe('12\u202f500\u00a0د.ج');
		expect(formatPriceDzd(12500, 'en')).toBe('DZD\u00a012,500');
		expect(formatPriceDzd(0, 'fr')).toBe('0\u00a0DA');
	});
	it('refuses what is not whole dinars', () => {
		expect(() => formatPriceDzd(12.5, 'fr')).toThrow(RangeError);
		expect(() => formatPriceDzd(-1, 'fr')).toThrow(RangeError);
	});
});

describe('parsePriceDzd', () => {
	it('reads what a brand types', () => {
		for (const [raw, n] of [
			['2500', 2500],
			[' 2 500 ', 2500],
			['2\u202f500', 2500],
			['2 500 DA', 2500],
			['2500da', 2500],
			['12.500', 12500],
			['1.250.000', 1250000],
			['2 500 د.ج', 2500],
			['0', 0],
			['10000000', 10000000]
		] as const)
			expect(parsePriceDzd(raw), raw).toBe(n);
	});
	it('refuses decimals, negatives, over 10 million and anything else', () => {
		for (const raw of ['', '12,5', '12.5', '-5', '10000001', 'abc', '1e5', '2 500 €', '0x10']) expect(parsePriceDzd(raw), raw).toBeNull();
	});
});
