/**
 * The isolation matrix over every API route (issue 15, point 1): the routes come from the
 * router (test/api/api-routes.ts), the expectations from one table (test/api/isolation-matrix.ts),
 * so a route added without an entry fails here, named.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiOperations } from './api-routes';
import { MATRIX, type World, buildWorld, entryProblems, refusals } from './isolation-matrix';
import type { AuthzDenied } from '../../worker/authz-log';

const operations = apiOperations();

describe('isolation matrix', () => {
	it('has an entry for every route of the router, and none for a route that is gone', () => {
		const problems = operations.flatMap((op) => entryProblems(op, MATRIX[op.key]));
		const keys = new Set(operations.map((op) => op.key));
		for (const key of Object.keys(MATRIX)) if (!keys.has(key)) problems.push(`${key}: in the matrix but not a route of the router`);
		expect(problems).toEqual([]);
	});

	describe('refusals: guest 401, wrong role 403, another tenant 404; D1 unchanged; logged as authz.denied', () => {
		let world: World;
		const lines: AuthzDenied[] = [];
		const spy = vi.spyOn(console, 'warn');
		beforeAll(async () => {
			spy.mockImplementation((...args: unknown[]) => {
				try {
					const line = JSON.parse(String(args[0])) as AuthzDenied;
					if (line.event === 'authz.denied') lines.push(line);
				} catch {
					// Another warning: not ours to read.
				}
			});
			world = await buildWorld();
		}, 120_000);
		afterAll(() => spy.mockRestore());

		it.each(operations.filter((op) => MATRIX[op.key]).map((op) => [op.key, op] as const))('%s', async (_key, op) => {
			const { failures } = await refusals(op, MATRIX[op.key], world, () => lines);
			expect(failures).toEqual([]);
		});
	});
});
