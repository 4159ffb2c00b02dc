import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp, uniqueEmail } from './helpers';
import { sha256Hex } from '../../worker/domain/encoding';

const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

describe('register', () => {
	it('creates a brand user with a brand organisation and signs them in', async () => {
		const client = new Client();
		const email = uniqueEmail('brand');
		const res = await client.call('/auth/register', { json: { email: email.toUpperCase(), password: 'motdepasse-sur', role: 'brand', name: 'Cosmétiques Oran' } });
		expect(res.status).toBe(201);
		const body = (await res.json()) as { user: Record<string, unknown> };
		expect(body.user).toEqual({ id: expect.any(String), email, role: 'brand', name: 'Cosmétiques Oran', locale: 'fr' });

		const me = (await (await client.call('/me')).json()) as { brand: { name: string; role: string }; creator: null };
		expect(me.brand).toEqual({ id: expect.any(String), name: 'Cosmétiques Oran', role: 'owner' });
		expect(me.creator).toBeNull();
	});

	it('creates a creator profile for a creator', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Nour Beauté' });
		const me = (await (await client.call('/me')).json()) as { brand: null; creator: { id: string; handle: string } };
		expect(me.brand).toBeNull();
		expect(me.creator.handle).toMatch(/^nour\.beaute\.[0-9a-f]{6}$/);
		const row = await env.DB.prepare('SELECT display_name FROM creators WHERE user_id = ?1').bind(user.id).first<{ display_name: string }>();
		expect(row?.display_name).toBe('Nour Beauté');
	});

	it('sets an HttpOnly, SameSite=Lax session cookie and stores only its SHA-256', async () => {
		const client = new Client();
		const res = await client.call('/auth/register', { json: { email: uniqueEmail(), password: 'motdepasse-sur', role: 'creator', name: 'Amine' } });
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wasla_session='))!;
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/); // plain http: a Secure cookie would never come back
		const token = client.session!;
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
		expect(await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1').bind(token).first()).toBeNull();
		expect(
			await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1')
				.bind(await sha256Hex(token))
				.first()
		).not.toBeNull();
	});

	it('marks the cookie Secure on https', async () => {
		const { exports } = await import('cloudflare:workers');
		const res = await exports.default.fetch('https://wasla.test/api/v1/auth/register', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.200.0.1' },
			body: JSON.stringify({ email: uniqueEmail(), password: 'motdepasse-sur', role: 'brand', name: 'Sécurisé' })
		});
		expect(res.status).toBe(201);
		expect(res.headers.getSetCookie().find((c) => c.startsWith('wasla_session='))).toMatch(/Secure/);
	});

	it('refuses a taken email (any case) with 409 and changes nothing', async () => {
		const { email } = await signUp();
		const before = [await count('users'), await count('brands'), await count('sessions')];
		const res = await new Client().call('/auth/register', { json: { email: `  ${email.toUpperCase()} `, password: 'autre-mot-de-passe', role: 'creator', name: 'Autre' } });
		expect(res.status).toBe(409);
		expect(await res.json()).toEqual({
			type: 'about:blank',
			title: 'Already exists',
			status: 409,
			code: 'already_exists',
			detail: 'Un compte existe déjà avec cette adresse e-mail.',
			errors: [{ path: 'email', message: 'Un compte existe déjà avec cette adresse e-mail.' }],
			requestId: expect.any(String)
		});
		expect([await count('users'), await count('brands'), await count('sessions')]).toEqual(before);
	});
});

describe('login and logout', () => {
	it('issues a new token at every login and ends the previous session of that browser', async () => {
		const { client, email, password } = await signUp();
		const first = client.session!;
		const res = await client.call('/auth/login', { json: { email, password } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { user: { email: string } }).user.email).toBe(email);
		const second = client.session!;
		expect(second).not.toBe(first);
		expect(
			await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1')
				.bind(await sha256Hex(first))
				.first()
		).toBeNull();
		const stale = new Client();
		stale.cookies.set('wasla_session', first);
		expect((await stale.call('/me')).status).toBe(401);
		expect((await client.call('/me')).status).toBe(200);
	});

	it('answers the same 401 for a wrong password and an unknown account', async () => {
		const { email } = await signUp();
		const wrong = await new Client().call('/auth/login', { json: { email, password: 'pas-le-bon' } });
		const unknown = await new Client().call('/auth/login', { json: { email: uniqueEmail('ghost'), password: 'pas-le-bon' } });
		for (const res of [wrong, unknown]) {
			expect(res.status).toBe(401);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const body = (await res.json()) as Record<string, unknown>;
			expect({ ...body, requestId: 'x' }).toEqual({
				type: 'about:blank',
				title: 'Invalid credentials',
				status: 401,
				code: 'invalid_credentials',
				detail: 'E-mail ou mot de passe incorrect.',
				requestId: 'x'
			});
		}
	});

	it('logs out server-side: the row is deleted and the cookie cleared', async () => {
		const { client } = await signUp();
		const token = client.session!;
		const res = await client.call('/auth/logout', { method: 'POST' });
		expect(res.status).toBe(204);
		expect(res.headers.getSetCookie().join()).toMatch(/wasla_session=;.*Max-Age=0/);
		expect(
			await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1')
				.bind(await sha256Hex(token))
				.first()
		).toBeNull();
		const replay = new Client();
		replay.cookies.set('wasla_session', token);
		expect((await replay.call('/me')).status).toBe(401);
	});

	it('answers 401 problem+json on /me without a session or with a garbage cookie', async () => {
		const anon = await new Client().call('/me');
		expect(anon.status).toBe(401);
		expect(((await anon.json()) as { code: string }).code).toBe('unauthenticated');
		const garbage = new Client();
		garbage.cookies.set('wasla_session', 'x'.repeat(500));
		expect((await garbage.call('/me')).status).toBe(401);
	});
});

describe('session expiry', () => {
	async function sessionOf(client: Client) {
		return sha256Hex(client.session!);
	}

	it('ends a session idle past its idle expiry, and deletes it', async () => {
		const { client } = await signUp();
		const hash = await sessionOf(client);
		await env.DB.prepare('UPDATE sessions SET idle_expires_at = ?2 WHERE token_hash = ?1')
			.bind(hash, Date.now() - 1)
			.run();
		expect((await client.call('/me')).status).toBe(401);
		expect(await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1').bind(hash).first()).toBeNull();
	});

	it('ends a session past its absolute expiry even when in use', async () => {
		const { client } = await signUp();
		const hash = await sessionOf(client);
		await env.DB.prepare('UPDATE sessions SET absolute_expires_at = ?2, last_seen_at = ?3 WHERE token_hash = ?1')
			.bind(hash, Date.now() - 1, Date.now())
			.run();
		expect((await client.call('/me')).status).toBe(401);
	});

	it('slides the idle expiry on use, never past the absolute expiry', async () => {
		const { client } = await signUp();
		const hash = await sessionOf(client);
		const now = Date.now();
		const absolute = now + 3 * 24 * 3600 * 1000;
		await env.DB.prepare('UPDATE sessions SET last_seen_at = ?2, idle_expires_at = ?3, absolute_expires_at = ?4 WHERE token_hash = ?1')
			.bind(hash, now - 3600_000, now + 60_000, absolute)
			.run();
		expect((await client.call('/me')).status).toBe(200);
		const row = await env.DB.prepare('SELECT last_seen_at, idle_expires_at FROM sessions WHERE token_hash = ?1').bind(hash).first<{ last_seen_at: number; idle_expires_at: number }>();
		expect(row!.last_seen_at).toBeGreaterThanOrEqual(now);
		expect(row!.idle_expires_at).toBe(absolute);
	});
});

describe('password change', () => {
	it('ends every other session and keeps the current one', async () => {
		const { client: a, email, password } = await signUp();
		const b = new Client();
		expect((await b.call('/auth/login', { json: { email, password } })).status).toBe(200);
		const res = await a.call('/auth/password', { json: { currentPassword: password, newPassword: 'nouveau-mot-de-passe' } });
		expect(res.status).toBe(204);
		expect((await a.call('/me')).status).toBe(200);
		expect((await b.call('/me')).status).toBe(401);
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(401);
		expect((await new Client().call('/auth/login', { json: { email, password: 'nouveau-mot-de-passe' } })).status).toBe(200);
	});

	it('refuses a wrong current password and keeps the old one', async () => {
		const { client, email, password } = await signUp();
		const res = await client.call('/auth/password', { json: { currentPassword: 'pas-le-bon', newPassword: 'nouveau-mot-de-passe' } });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			detail: 'Le mot de passe actuel est incorrect.',
			errors: [{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]
		});
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(200);
	});

	it('requires a session', async () => {
		expect((await new Client().call('/auth/password', { json: { currentPassword: 'x', newPassword: 'nouveau-mot-de-passe' } })).status).toBe(401);
	});
});
