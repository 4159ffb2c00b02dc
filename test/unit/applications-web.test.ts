import { describe, expect, it } from 'vitest';
import { isolate, parseDinars } from '../../web/src/lib/applications';

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
