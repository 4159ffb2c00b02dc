import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { awayFromRateWindowEdge, Client, freshIp, ORIGIN, signUp, uniqueEmail } from './helpers';
import { LIMITS } from '../../worker/domain/rate-limit-rules';

const users = async () => (await env.DB.prepare('SELECT count(*) AS n FROM users').first<{ n: number }>())!.n;

describe('rate limits (exact counters in D1)', () => {
	beforeEach(() => awayFromRateWindowEdge());

	it('limits login attempts per IP, whatever the account, with Retry-After', async () => {
		const ip = freshIp();
		for (let i = 0; i < LIMITS.loginIp.max; i++) {
			const res = await new Client(ip).call('/auth/login', { json: { email: uniqueEmail('nobody'), password: 'pas-le-bon' } });
			expect(res.status).toBe(401);
		}
		const { email, password } = await signUp();
		const blocked = await new Client(ip).call('/auth/login', { json: { email, password } });
		expect(blocked.status).toBe(429);
		const retry = Number(blocked.headers.get('retry-after'));
		expect(retry).toBeGreaterThan(0);
		expect(retry).toBeLessThanOrEqual(LIMITS.loginIp.windowMs / 1000);
		expect(await blocked.json()).toEqual({
			type: 'about:blank',
			title: 'Too many requests',
			status: 429,
			code: 'rate_limited',
			detail: 'Trop de tentatives. Réessayez dans quelques minutes.',
			requestId: expect.any(String)
		});
		const row = await env.DB.prepare('SELECT count FROM rate_limits WHERE key = ?1').bind(`login:ip:${ip}`).first<{ count: number }>();
		expect(row!.count).toBe(LIMITS.loginIp.max + 1);
		// Another IP is not affected.
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(200);
	});

	it('locks an account after repeated failures from many IPs, even for the right password', async () => {
		const { email, password } = await signUp();
		for (let i = 0; i < LIMITS.loginAccount.max; i++) {
			expect((await new Client().call('/auth/login', { json: { email, password: 'pas-le-bon' } })).status).toBe(401);
		}
		const res = await new Client().call('/auth/login', { json: { email: email.toUpperCase(), password } });
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('successful logins do not count against the account', async () => {
		const { email, password } = await signUp();
		for (let i = 0; i < LIMITS.loginAccount.max + 2; i++) {
			expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(200);
		}
	});

	it('limits sign-ups per IP and creates nothing once limited', async () => {
		const ip = freshIp();
		for (let i = 0; i < LIMITS.registerIp.max; i++) {
			const res = await new Client(ip).call('/auth/register', { json: { email: uniqueEmail('burst'), password: 'motdepasse-sur', role: 'creator', name: 'Burst' } });
			expect(res.status).toBe(201);
		}
		const before = await users();
		const res = await new Client(ip).call('/auth/register', { json: { email: uniqueEmail('burst'), password: 'motdepasse-sur', role: 'creator', name: 'Burst' } });
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await users()).toBe(before);
	});

	it('limits sign-up attempts per account (email) across IPs', async () => {
		const email = uniqueEmail('target');
		const statuses: number[] = [];
		for (let i = 0; i < LIMITS.registerAccount.max + 1; i++) {
			const res = await new Client().call('/auth/register', { json: { email, password: 'motdepasse-sur', role: 'brand', name: 'Cible' } });
			statuses.push(res.status);
		}
		expect(statuses[0]).toBe(201);
		expect(statuses.slice(1, -1).every((s) => s === 409)).toBe(true);
		expect(statuses.at(-1)).toBe(429);
	});
});

describe('cross-origin refusal', () => {
	it('refuses a JSON POST from another Origin and creates nothing', async () => {
		const before = await users();
		const res = await new Client().call('/auth/register', {
			json: { email: uniqueEmail(), password: 'motdepasse-sur', role: 'brand', name: 'Attaque' },
			headers: { origin: 'https://evil.example' }
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({
			type: 'about:blank',
			title: 'Cross-origin request refused',
			status: 403,
			code: 'cross_origin',
			detail: 'Requête refusée : elle ne vient pas de Wasla.',
			requestId: expect.any(String)
		});
		expect(await users()).toBe(before);
	});

	it('refuses a form-encoded POST from another Origin before reading it', async () => {
		const res = await new Client().call('/auth/login', {
			method: 'POST',
			body: 'email=a%40b.dz&password=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }
		});
		expect(res.status).toBe(403);
	});

	it('keeps the session when a foreign site posts logout, and allows the same origin', async () => {
		const { client } = await signUp();
		expect((await client.call('/auth/logout', { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
		expect((await client.call('/me')).status).toBe(200);
		expect((await client.call('/auth/logout', { method: 'POST', headers: { origin: ORIGIN } })).status).toBe(204);
	});

	it('lets GET requests from anywhere through', async () => {
		expect((await new Client().call('/wilayas', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
	});
});

describe('browser security headers on API answers (issue 9)', () => {
	it('marks every API answer nosniff: JSON, problems, unknown paths and files', async () => {
		const { client } = await signUp();
		for (const res of [
			await client.call('/me'),
			await new Client().call('/me'),
			await new Client().call('/nope'),
			await new Client().call('/auth/login', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
			await new Client().call('/api/v1/openapi.json')
		]) {
			await res.arrayBuffer();
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		}
	});

	it('gives the HTML reference a CSP that allows no script and only its own style, by hash', async () => {
		const res = await new Client().call('/api/docs');
		const html = await res.text();
		expect(res.status).toBe(200);
		const csp = res.headers.get('content-security-policy') ?? '';
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style)));
		const hash = btoa(String.fromCharCode(...digest));
		expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
		expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
});
