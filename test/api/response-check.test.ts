/**
 * The test client checks every response against its route's declared responses
 * (response-check.ts); these tests show the check refuses what it must, and that the
 * OpenAPI document states what an outside linter asks for (security on every operation,
 * a 4xx wherever a client can err, a license).
 */
import { describe, expect, it } from 'vitest';
import { Client } from './helpers';
import { responseProblems } from './response-check';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
	new Response(JSON.stringify({ type: 'about:blank', title: 'T', status, code: 'not_found', detail: 'D', requestId: 'r', ...extra }), {
		status,
		headers: { 'content-type': 'application/problem+json' }
	});

describe('response check', () => {
	it('accepts a declared status with a body of its schema, and a well-formed problem', async () => {
		expect(await responseProblems('GET', '/health', Response.json({ ok: true }))).toEqual([]);
		expect(await responseProblems('GET', '/campaigns/abc', problem(404))).toEqual([]);
		// A path no route matches is only held to the problem shape.
		expect(await responseProblems('GET', '/no-such-route', problem(404))).toEqual([]);
	});

	it('refuses a status the route does not declare, a body off its schema, a 5xx and a malformed problem', async () => {
		expect((await responseProblems('GET', '/campaigns/abc', problem(409, { code: 'invalid_state' })))[0]).toMatch(/status 409 is not declared by GET \/campaigns\/:id/);
		expect((await responseProblems('GET', '/health', Response.json({ ok: false })))[0]).toMatch(/does not match the declared 200 schema: ok/);
		expect((await responseProblems('GET', '/health', Response.json({ ok: true }, { status: 500 }))).join()).toMatch(/no request may yield a 5xx/);
		expect((await responseProblems('GET', '/campaigns/abc', problem(404, { requestId: undefined })))[0]).toMatch(/problem body: requestId/);
		expect((await responseProblems('GET', '/campaigns/abc', problem(404, { status: 400 })))[0]).toMatch(/problem status 400 on a 404/);
		expect((await responseProblems('GET', '/campaigns/abc', Response.json({ error: 'x' }, { status: 404 })))[0]).toMatch(/expected application\/problem\+json/);
	});
});

describe('OpenAPI document, as an outside linter reads it', () => {
	interface Op {
		security?: unknown[];
		responses: Record<string, unknown>;
		'x-role'?: string;
	}
	it('says which operations are public, gives each a 4xx a client can cause, and has a license', async () => {
		const doc = (await (await new Client().call('/openapi.json')).json()) as { info: { license?: { name: string } }; paths: Record<string, Record<string, Op>> };
		expect(doc.info.license?.name).toBe('Proprietary');
		const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ id: `${method} ${path}`, op })));
		expect(ops.length).toBeGreaterThan(60);
		for (const { id, op } of ops) {
			expect(op.security, id).toEqual(op['x-role'] ? [{ session: [] }] : []);
			if (op['x-role']) expect(Object.keys(op.responses), id).toContain('401');
			if (id !== 'get /health')
				expect(
					Object.keys(op.responses).some((s) => s.startsWith('4')),
					id
				).toBe(true);
		}
	});
});
