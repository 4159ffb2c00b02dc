/**
 * cosine (worker/domain/affinity.ts), as matching scores every candidate with it: the creator's
 * own terms looked up in the campaign's query, summed in the query's order.
 */
import { describe, expect, it } from 'vitest';
import { cosine } from '../../worker/domain/affinity';

describe('cosine', () => {
	const query = new Map([
		['serum', 0.6],
		['vitamin', 0.5],
		['constructor', 0.4],
		['routin', 0.3],
		['skincar', 0.2]
	]);

	it('sums the shared terms in the query’s order and names the three that weigh most', () => {
		const doc = { skincar: 0.7, routin: 0.1, serum: 0.3, other: 0.9 };
		const { value, shared } = cosine(query, doc);
		// The same float as adding in the query's order (serum, routin, skincar).
		expect(value).toBe(0.6 * 0.3 + 0.3 * 0.1 + 0.2 * 0.7);
		expect(shared).toEqual(['serum', 'skincar', 'routin']);
	});

	it('reads only the creator’s own terms (a parsed object inherits "constructor", "toString"…)', () => {
		const doc = JSON.parse('{"serum": 0.5}') as Record<string, number>;
		const { value, shared } = cosine(query, doc);
		expect(value).toBe(0.3);
		expect(shared).toEqual(['serum']);
		expect(cosine(new Map([['toString', 1]]), {}).value).toBe(0);
	});

	it('is 0 with nothing shared and stays within 0–1', () => {
		expect(cosine(query, { autre: 1 })).toEqual({ value: 0, shared: [] });
		expect(cosine(new Map([['a', 2]]), { a: 2 }).value).toBe(1);
	});
});
