/**
 * Issue 9, point 11: production unless development is said explicitly. The development
 * routes (the email outbox, which lists every signing code) answer only when APP_ENV is
 * exactly "development"; a missing, empty or unknown value is production.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { queueEmailStatement } from '../../worker/services/outbox';
import { uniqueEmail } from './helpers';

const outboxWith = (appEnv: string | undefined) => {
	const bindings: Env = { ...(env as unknown as Env) };
	if (appEnv === undefined) delete bindings.APP_ENV;
	else bindings.APP_ENV = appEnv;
	return createApp().fetch(new Request('http://wasla.test/api/v1/dev/outbox'), bindings);
};

describe('the development outbox exists only when APP_ENV is "development"', () => {
	const to = uniqueEmail('code');
	beforeAll(async () => {
		await queueEmailStatement(env.DB, { to, subject: 'Votre code de signature : 482913', text: 'Code : 482913', kind: 'signing_code', locale: 'fr' }, Date.now()).run();
	});

	for (const appEnv of [undefined, '', 'production', 'Development', 'dev', 'staging', ' development']) {
		it(`APP_ENV ${JSON.stringify(appEnv)}: 404 problem+json, no message shown`, async () => {
			const res = await outboxWith(appEnv);
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const text = await res.text();
			expect(JSON.parse(text)).toMatchObject({ status: 404, code: 'not_found' });
			expect(text).not.toContain('482913');
			expect(text).not.toContain(to);
		});
	}

	it('APP_ENV "development" (npm start, the tests): the messages', async () => {
		const res = await outboxWith('development');
		expect(res.status).toBe(200);
		const { messages } = (await res.json()) as { messages: { to: string; subject: string }[] };
		expect(messages.find((m) => m.to === to)?.subject).toBe('Votre code de signature : 482913');
	});

	it('?to= lists only the emails sent to that address, however many others came later', async () => {
		for (let i = 0; i < 3; i++) {
			await queueEmailStatement(env.DB, { to: uniqueEmail('other'), subject: `Autre ${i}`, text: 'x', kind: 'signing_code', locale: 'fr' }, Date.now() + 1000 + i).run();
		}
		const bindings = { ...(env as unknown as Env), APP_ENV: 'development' };
		const read = async (query: string) =>
			((await (await createApp().fetch(new Request(`http://wasla.test/api/v1/dev/outbox${query}`), bindings)).json()) as { messages: { to: string; subject: string }[] }).messages;
		expect(await read(`?limit=1&to=${encodeURIComponent(to)}`)).toEqual([expect.objectContaining({ to, subject: 'Votre code de signature : 482913' })]);
		expect((await read('?limit=1'))[0]?.to).not.toBe(to);
	});

	it('the cron-at-a-time route is 404 outside development and runs the cron in development', async () => {
		const call = (appEnv: string) =>
			createApp().fetch(
				new Request('http://wasla.test/api/v1/dev/scheduled', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-04T09:00:00Z' }) }),
				{ ...(env as unknown as Env), APP_ENV: appEnv }
			);
		expect((await call('production')).status).toBe(404);
		const dev = await call('development');
		expect(dev.status).toBe(200);
		expect(await dev.json()).toMatchObject({ at: '2026-12-04T09:00:00.000Z', cleanup: expect.any(Object) });
	});

	it('the documentation never lists it', async () => {
		const res = await createApp().fetch(new Request('http://wasla.test/api/v1/openapi.json'), { ...(env as unknown as Env), APP_ENV: 'development' });
		const paths = Object.keys(((await res.json()) as { paths: Record<string, unknown> }).paths);
		expect(paths).not.toContain('/dev/outbox');
		expect(paths).not.toContain('/dev/scheduled');
	});
});

describe('the development request clock (x-wasla-dev-now)', () => {
	const register = (appEnv: string, email: string) =>
		createApp().fetch(
			new Request('http://wasla.test/api/v1/auth/register', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-wasla-dev-now': '2026-01-02T03:04:05.000Z', 'cf-connecting-ip': `10.250.${appEnv.length}.9` },
				body: JSON.stringify({ email, password: 'motdepasse-solide-2026', role: 'creator', name: 'Horloge Test' })
			}),
			{ ...(env as unknown as Env), APP_ENV: appEnv }
		);
	const createdAt = async (email: string) => (await env.DB.prepare('SELECT created_at FROM users WHERE email = ?1').bind(email).first<{ created_at: number }>())!.created_at;

	it('is ignored in production: the request runs at the real time', async () => {
		const email = uniqueEmail('clock-prod');
		const before = Date.now();
		expect((await register('production', email)).status).toBe(201);
		expect(await createdAt(email)).toBeGreaterThanOrEqual(before);
	});

	it('sets the request’s time in development', async () => {
		const email = uniqueEmail('clock-dev');
		expect((await register('development', email)).status).toBe(201);
		expect(new Date(await createdAt(email)).toISOString()).toBe('2026-01-02T03:04:05.000Z');
	});
});
