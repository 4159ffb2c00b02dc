import { describe, expect, it } from 'vitest';
import { feeFromRates, isolate, parseDinars } from '../../web/src/lib/applications';

describe('apply form helpers', () => {
	it.each([
		['15000', 15000],
		['15 000', 15000],
		['15\u202f000', 15000],
		['15.000', 15000],
		['1.500.000', 1500000],
		['', undefined],
		['   ', undefined],
		['2500.5', null],
		['15,5', null],
		['-300', null],
		['quinze mille', null]
	])('parseDinars(%j) → %j', (raw, expected) => {
		expect(parseDinars(raw)).toBe(expected);
	});

	it('isolates user text inside translated sentences', () => {
		expect(isolate('Sérum été')).toBe('\u2068Sérum été\u2069');
	});
});

describe('feeFromRates', () => {
	it('adds the rates of the formats the creator priced, in the order asked', () => {
		expect(feeFromRates(['reel', 'story', 'live'], { story: 5000, reel: 15000 })).toEqual({
			total: 20000,
			parts: [
				{ format: 'reel', amount: 15000 },
				{ format: 'story', amount: 5000 }
			]
		});
	});

	it('suggests nothing when no format asked has a rate', () => {
		expect(feeFromRates(['live'], { story: 5000 })).toEqual({ total: null, parts: [] });
		expect(feeFromRates(['reel'], null)).toEqual({ total: null, parts: [] });
		expect(feeFromRates([], { reel: 15000 })).toEqual({ total: null, parts: [] });
		expect(feeFromRates(['reel'], { reel: 0 })).toEqual({ total: null, parts: [] });
	});
});
