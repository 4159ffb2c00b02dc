/**
 * No request, however malformed, gets a 5xx: every documented route, as a guest, a brand and
 * a creator, with missing, broken and wrongly typed bodies and odd path ids.
 */
import { describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';

interface Doc {
	paths: Record<string, Record<string, unknown>>;
}

const BODIES: { name: string; body?: string; type?: string }[] = [
	{ name: 'no body' },
	{ name: 'broken JSON', body: '{"a":', type: 'application/json' },
	{ name: 'JSON null', body: 'null', type: 'application/json' },
	{ name: 'JSON array', body: '[1,2]', type: 'application/json' },
	{
		name: 'wrong types',
		body: JSON.stringify({ email: 1, title: [], pitch: {}, feeDzd: 'beaucoup', formats: 'reel', wilaya: 16, points: 'x', posts: null, terms: 1, body: 5, reason: false, done: 'yes', ids: 'x' }),
		type: 'application/json'
	},
	{ name: 'csv garbage', body: 'a,b\n"unclosed', type: 'text/csv' },
	{ name: 'form body', body: 'x=1', type: 'application/x-www-form-urlencoded' }
];

const IDS = ['x', '00000000-0000-0000-0000-000000000000', "'; DROP TABLE users; --", '%E2%82%AC'];

describe('no 5xx on any route', () => {
	it('answers every documented route with a 2xx/4xx whatever the input', async () => {
		const doc = (await (await new Client().call('/openapi.json')).json()) as Doc;
		const clients = [new Client(), (await signUp({ role: 'brand' })).client, (await signUp({ role: 'creator' })).client];
		const failures: string[] = [];
		let calls = 0;
		for (const [path, methods] of Object.entries(doc.paths)) {
			for (const method of Object.keys(methods)) {
				// Signing out or erasing the account would end the clients' sessions mid-test.
				if ((path === '/auth/logout' || path === '/me') && method !== 'get') continue;
				for (const id of path.includes('{') ? IDS : ['']) {
					const concrete = path.replace(/\{[^}]+\}/g, id);
					for (const client of clients) {
						const variants =
							method === 'get'
								? [
										{ ...BODIES[0], query: '' },
										{ ...BODIES[0], name: 'odd query', query: '?page=-1&limit=abc&lang=xx&status=nope' }
									]
								: BODIES.map((b) => ({ ...b, query: '' }));
						for (const b of variants) {
							const res = await client.call(`/api/v1${concrete}${b.query}`, {
								method: method.toUpperCase(),
								body: b.body,
								headers: b.type ? { 'content-type': b.type } : {}
							});
							calls++;
							if (res.status >= 500) failures.push(`${method.toUpperCase()} ${concrete} [${b.name}] → ${res.status} ${await res.text()}`);
							else await res.arrayBuffer();
						}
					}
				}
			}
		}
		expect(calls).toBeGreaterThan(300);
		expect(failures).toEqual([]);
	}, 120_000);
});
