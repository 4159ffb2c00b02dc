/**
 * Path parameters are declared on the route specs (worker/route.ts): a value that cannot be
 * an id answers 404 like an unknown id, after the role check; other malformed parameters
 * answer 400 with a field error; the OpenAPI document carries their schemas.
 */
import { describe, expect, it } from 'vitest';
import { agreementScene } from './agreements-scene';
import { brandAccount } from './factories';
import { Client } from './helpers';

interface Doc {
	paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[] }>>;
}

const notFound = { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: expect.any(String), requestId: expect.any(String) };

describe('path parameters', () => {
	it('answers 404 for ids that cannot be ids, whatever the route, and 401 first without a session', async () => {
		const brand = await brandAccount();
		for (const id of ['x%20y', 'a'.repeat(65), '%27%3B%20DROP%20TABLE%20users%3B%20--', '%E2%82%AC', '-leading-dash']) {
			const calls: [string, string, unknown?][] = [
				['GET', `/campaigns/${id}`],
				['GET', `/applications/${id}`],
				['GET', `/agreements/${id}`],
				['GET', `/agreements/${id}/audit`],
				['PATCH', `/campaigns/${id}/tasks/${id}`, { done: true }],
				['DELETE', `/brands/me/invitations/${id}`]
			];
			for (const [method, path, json] of calls) {
				const res = await brand.client.call(path, { method, json });
				expect(res.status, `${method} ${path}`).toBe(404);
				expect(await res.json()).toEqual(notFound);
				expect((await new Client().call(path, { method, json })).status, `guest ${path}`).toBe(401);
			}
		}
	});

	it('answers 400 on `version` for a version that is not a number, and 404 for an unknown one', async () => {
		const s = await agreementScene();
		for (const version of ['x', '0', '1234567', '-1']) {
			const res = await s.brand.client.call(`/agreements/${s.agreementId}/versions/${version}`);
			expect(res.status, version).toBe(400);
			expect(((await res.json()) as { errors: unknown }).errors).toEqual([{ path: 'version', message: 'Numéro de version invalide.' }]);
		}
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/versions/99`)).status).toBe(404);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/versions/1`)).status).toBe(200);
	});

	it('documents each path parameter with its schema', async () => {
		const doc = (await (await new Client().call('/openapi.json')).json()) as Doc;
		const params = (path: string, method = 'get') => doc.paths[path][method].parameters?.filter((p) => p.in === 'path') ?? [];
		expect(params('/agreements/{id}')).toEqual([{ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string', pattern: expect.any(String) }) }]);
		expect(params('/agreements/{id}/versions/{version}').map((p) => p.name)).toEqual(['id', 'version']);
		expect(params('/creators/me/risk/{code}/explanation', 'put')[0].schema).toMatchObject({ enum: expect.arrayContaining(['follower_spike']) });
		expect(params('/media-kits/{handle}')[0].schema).toMatchObject({ type: 'string', maxLength: 120 });
		for (const [path, methods] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(methods)) {
				const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
				expect(
					(op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
					`${method} ${path}`
				).toEqual(names);
			}
		}
	});
});
