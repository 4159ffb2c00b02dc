/** The helpers every service shares: JSON columns, ISO instants, lost races. */
import { describe, expect, it } from 'vitest';
import { iso, isoOrNull } from '../../worker/domain/dates';
import { jsonArray, jsonObjectOr, jsonObjectOrNull, jsonStrings, parseJsonOr } from '../../worker/domain/json';
import { AppError } from '../../worker/errors';
import { isUniqueViolation, retryOnConflict } from '../../worker/services/conflicts';

describe('JSON columns', () => {
	it('reads what the column should hold, and "nothing" for anything else', () => {
		expect(jsonArray('[1,"a"]')).toEqual([1, 'a']);
		expect(jsonStrings('["reel","story"]')).toEqual(['reel', 'story']);
		expect(jsonObjectOr('{"a":1}', {})).toEqual({ a: 1 });
		expect(jsonObjectOrNull('{"a":1}')).toEqual({ a: 1 });
		for (const damaged of [null, undefined, '', 'nope', '{"a":', '5', '"x"', 'null', 'true']) {
			expect(jsonArray(damaged)).toEqual([]);
			expect(jsonStrings(damaged)).toEqual([]);
			expect(jsonObjectOr(damaged, { fallback: true })).toEqual({ fallback: true });
			expect(jsonObjectOrNull(damaged)).toBeNull();
			expect(parseJsonOr(damaged, 'f')).toBe('f');
		}
		expect(jsonArray('{"a":1}')).toEqual([]);
		expect(jsonStrings('["a",1]')).toEqual([]);
		expect(jsonObjectOrNull('[1]')).toBeNull();
	});
});

describe('ISO instants', () => {
	it('writes epoch ms as ISO 8601 UTC with milliseconds, null kept', () => {
		expect(iso(Date.UTC(2026, 11, 2, 9, 30, 15, 250))).toBe('2026-12-02T09:30:15.250Z');
		expect(isoOrNull(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(isoOrNull(null)).toBeNull();
	});
});

describe('lost races', () => {
	it('recognises unique and primary-key violations, in the message or its cause', () => {
		expect(isUniqueViolation(new Error('D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT'))).toBe(true);
		expect(isUniqueViolation(new Error('batch failed', { cause: new Error('SQLITE_CONSTRAINT_PRIMARYKEY') }))).toBe(true);
		expect(isUniqueViolation(new Error('no such table: x'))).toBe(false);
		expect(isUniqueViolation('UNIQUE constraint failed')).toBe(true);
	});

	it('re-runs an operation that lost a race, and gives up with the given error', async () => {
		let runs = 0;
		const won = await retryOnConflict(
			async () => {
				if (++runs < 3) throw new Error('UNIQUE constraint failed: x');
				return 'ok';
			},
			{ attempts: 3, lost: () => new AppError('invalid_state') }
		);
		expect([won, runs]).toEqual(['ok', 3]);
		await expect(
			retryOnConflict(
				async () => {
					throw new Error('UNIQUE constraint failed: x');
				},
				{ attempts: 2, lost: () => new AppError('invalid_state', { detailKey: 'detail_agreement_busy' }) }
			)
		).rejects.toMatchObject({ code: 'invalid_state', detailKey: 'detail_agreement_busy' });
		await expect(retryOnConflict(() => Promise.reject(new TypeError('other')), { attempts: 5, lost: () => new AppError('invalid_state') })).rejects.toThrow(TypeError);
	});
});
