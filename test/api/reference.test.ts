import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import csv from '../../db/wilayas.csv?raw';
import { parseWilayasCsv } from '../../db/wilayas';
import { Client, signUp } from './helpers';
import { createApp } from '../../worker/app';
import { adminUpsertSql } from '../../worker/services/admin';
import { hashPassword } from '../../worker/domain/password';

describe('wilayas', () => {
	it('lists the 69 wilayas of db/wilayas.csv in French by default', async () => {
		const res = await new Client().call('/wilayas');
		expect(res.status).toBe(200);
		const { wilayas } = (await res.json()) as { wilayas: { code: string; name: string; nameFr: string; nameAr: string; parentCode: string | null }[] };
		const expected = parseWilayasCsv(csv);
		expect(wilayas).toHaveLength(69);
		expect(wilayas.map((w) => [w.code, w.nameFr, w.nameAr, w.parentCode])).toEqual(expected.map((w) => [w.code, w.nameFr, w.nameAr, w.parentCode]));
		expect(wilayas.find((w) => w.code === '16')!.name).toBe('Alger');
		expect(wilayas.find((w) => w.code === '68')).toMatchObject({ name: 'Bou Saâda', parentCode: '28' });
	});

	it('names them in Arabic with ?lang=ar, and refuses an unknown language', async () => {
		const { wilayas } = (await (await new Client().call('/wilayas?lang=ar')).json()) as { wilayas: { code: string; name: string }[] };
		expect(wilayas.find((w) => w.code === '31')!.name).toBe('وهران');
		const bad = await new Client().call('/wilayas?lang=xx');
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { errors: unknown[] }).errors).toEqual([{ path: 'lang', message: 'Langue inconnue : fr, ar ou en.' }]);
	});
});

describe('system routes', () => {
	it('GET /health answers once D1 answers', async () => {
		const res = await new Client().call('/health');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true });
	});

	it('unknown routes answer a 404 problem', async () => {
		const res = await new Client().call('/nope');
		expect(res.status).toBe(404);
		expect(((await res.json()) as { code: string }).code).toBe('not_found');
	});

	it('an unexpected error becomes a generic 500 with a request id and no internals', async () => {
		const app = createApp();
		app.get('/api/v1/boom', () => {
			throw new Error('D1_ERROR: no such column: password_hash SELECT * FROM users');
		});
		const errors: string[] = [];
		const original = console.error;
		console.error = (msg: string) => errors.push(msg);
		try {
			const res = await app.fetch(new Request('http://wasla.test/api/v1/boom?q=secret-input', { headers: { 'accept-language': 'en' } }), env);
			expect(res.status).toBe(500);
			const text = await res.text();
			const body = JSON.parse(text);
			expect(body).toEqual({
				type: 'about:blank',
				title: 'Internal error',
				status: 500,
				code: 'internal',
				detail: 'Something unexpected went wrong. Try again; if it persists, send us the request id.',
				requestId: expect.any(String)
			});
			expect(text).not.toMatch(/D1_ERROR|SELECT|secret-input|at /);
			expect(res.headers.get('x-request-id')).toBe(body.requestId);
			expect(errors.join('\n')).toContain(body.requestId);
		} finally {
			console.error = original;
		}
	});

	it('the dev outbox does not exist outside development', async () => {
		const app = createApp();
		const res = await app.fetch(new Request('http://wasla.test/api/v1/dev/outbox'), { ...env, APP_ENV: 'production' });
		expect(res.status).toBe(404);
		expect((await new Client().call('/dev/outbox')).status).toBe(200);
	});
});

describe('OpenAPI', () => {
	it('documents every route with its schemas, generated from the route specs', async () => {
		const res = await new Client().call('/openapi.json');
		expect(res.status).toBe(200);
		const doc = (await res.json()) as {
			openapi: string;
			paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } }>>;
		};
		expect(doc.openapi).toBe('3.1.0');
		for (const [path, method] of [
			['/auth/register', 'post'],
			['/auth/login', 'post'],
			['/auth/logout', 'post'],
			['/me', 'get'],
			['/wilayas', 'get'],
			['/health', 'get'],
			['/brands/me/invitations', 'post']
		]) {
			expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
		}
		const register = doc.paths['/auth/register'].post.requestBody!.content['application/json'].schema;
		expect(Object.keys(register.properties).sort()).toEqual(['acceptInvitation', 'acceptTerms', 'email', 'locale', 'name', 'password', 'role']);
		expect(register.required.sort()).toEqual(['email', 'name', 'password', 'role']);
		expect(register.properties.password).toMatchObject({ minLength: 8, maxLength: 128 });
		expect(doc.paths['/dev/outbox']).toBeUndefined();
	});

	it('serves a readable reference page at /api/docs', async () => {
		const res = await exports.default.fetch('http://wasla.test/api/docs');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
		const html = await res.text();
		expect(html).toContain('<code>/api/v1/auth/register</code>');
		expect(html).toContain('Create an account (brand or creator) and sign in');
	});
});

describe('admin accounts', () => {
	it('admin:create makes an admin who can log in; the public API cannot', async () => {
		const email = `admin.${Date.now()}@wasla.dz`;
		await env.DB.exec(adminUpsertSql(email, await hashPassword('admin-password-1'), crypto.randomUUID(), Date.now()).replaceAll('\n', ' '));
		const client = new Client();
		const res = await client.call('/auth/login', { json: { email, password: 'admin-password-1' } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin');
		expect((await new Client().call('/auth/register', { json: { email: `x${email}`, password: 'motdepasse-sur', role: 'admin', name: 'Pirate' } })).status).toBe(400);
	});

	it('promotes an existing user and ends their sessions', async () => {
		const { client, email } = await signUp({ role: 'creator' });
		for (const stmt of adminUpsertSql(email, await hashPassword('admin-password-2'), crypto.randomUUID(), Date.now())
			.split(';')
			.filter((s) => s.trim())) {
			await env.DB.prepare(stmt).run();
		}
		expect((await client.call('/me')).status).toBe(401);
		const res = await new Client().call('/auth/login', { json: { email, password: 'admin-password-2' } });
		expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin');
	});
});
