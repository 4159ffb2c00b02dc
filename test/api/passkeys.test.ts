/**
 * Passkeys as a second factor (issue 15, point 3) through the Worker's fetch with real D1 and
 * @simplewebauthn/server's real checks: a software authenticator (test/api/soft-authenticator.ts)
 * answers the options as a browser would. Registering (behind the step-up), listing, signing in
 * with a passkey instead of a code (also for an account without TOTP), re-authenticating with
 * one, removing it; and every refusal — replayed challenge, wrong origin or RP ID, a counter that
 * goes back, another account's credential — is a 4xx problem that changes nothing. Later times
 * are played with the development clock header (x-wasla-dev-now).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { decodeBase32 } from '@oslojs/encoding';
import { Client, signUp } from './helpers';
import { SoftAuthenticator, signedChallenge } from './soft-authenticator';
import { totpCode } from '../../worker/domain/two-factor';
import { createApp } from '../../worker/app';
import type { Env } from '../../worker/env';

const at = (ms: number) => ({ 'x-wasla-dev-now': new Date(ms).toISOString() });
const MIN = 60_000;

interface PasskeyRow {
	id: string;
	credential_id: string;
	counter: number;
	transports: string;
	name: string;
	last_used_at: number | null;
}
const rows = async (userId: string) =>
	(await env.DB.prepare('SELECT id, credential_id, counter, transports, name, last_used_at FROM passkeys WHERE user_id = ?1 ORDER BY created_at').bind(userId).all<PasskeyRow>()).results;
const problemPaths = async (res: Response) => ((await res.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path);

async function registrationOptions(client: Client, headers?: Record<string, string>) {
	const res = await client.call('/me/passkeys/options', { method: 'POST', headers });
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { options: PublicKeyCredentialCreationOptionsJSON }).options;
}

/** Signs up (a fresh session may make sensitive changes) and registers one passkey. */
async function withPasskey(opts: { role?: 'brand' | 'creator'; name?: string } = {}) {
	const account = await signUp({ role: opts.role ?? 'brand' });
	const authenticator = await SoftAuthenticator.create();
	const options = await registrationOptions(account.client);
	const res = await account.client.call('/me/passkeys', { json: { name: opts.name ?? 'Téléphone de Lina', response: await authenticator.register(options) } });
	expect(res.status, await res.clone().text()).toBe(201);
	const { passkey } = (await res.json()) as { passkey: { id: string; name: string } };
	return { ...account, authenticator, passkey, registeredAt: Date.now() };
}

/** Password step of a login: 401 mfa_required and the pending-login cookie. */
async function pendingLogin(email: string, password: string, headers?: Record<string, string>) {
	const client = new Client();
	const res = await client.call('/auth/login', { json: { email, password }, headers });
	expect(res.status).toBe(401);
	expect(await res.json()).toMatchObject({ code: 'mfa_required' });
	return client;
}

async function loginOptions(client: Client, headers?: Record<string, string>) {
	const res = await client.call('/auth/login/passkey/options', { method: 'POST', headers });
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { options: PublicKeyCredentialRequestOptionsJSON }).options;
}

describe('registering a passkey', () => {
	it('gives options for this RP, stores the credential under its name and lists it without key material', async () => {
		const { client, user, email } = await signUp();
		const authenticator = await SoftAuthenticator.create();
		const options = await registrationOptions(client);
		expect(options.rp).toEqual({ name: 'Wasla', id: 'wasla.test' });
		expect(options.user.name).toBe(email);
		expect(options.attestation).toBe('none');
		expect(options.challenge).toMatch(/^[\w-]{32,}$/);

		const res = await client.call('/me/passkeys', { json: { name: '  Téléphone de Lina ', response: await authenticator.register(options) } });
		expect(res.status).toBe(201);
		const { passkey } = (await res.json()) as { passkey: { id: string; name: string; createdAt: string; lastUsedAt: string | null } };
		expect(passkey).toMatchObject({ name: 'Téléphone de Lina', lastUsedAt: null });
		const [row] = await rows(user.id);
		expect(row).toMatchObject({ id: passkey.id, credential_id: authenticator.id, counter: 0, name: 'Téléphone de Lina', last_used_at: null });
		expect(JSON.parse(row.transports)).toEqual(['internal', 'hybrid']);

		const list = await client.call('/me/passkeys');
		expect(list.status).toBe(200);
		const body = (await list.json()) as { passkeys: Record<string, unknown>[] };
		expect(body.passkeys).toEqual([passkey]);
		expect(JSON.stringify(body)).not.toContain(authenticator.id);
		expect(((await (await client.call('/me/mfa')).json()) as { twoFactor: { passkeys: number; enabled: boolean } }).twoFactor).toMatchObject({ passkeys: 1, enabled: false });

		// The next options exclude it, so the browser will not make a second one on the same device.
		const next = await registrationOptions(client);
		expect(next.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
	});

	it('refuses a replayed answer, a wrong origin, a wrong RP ID and another session’s challenge: 400 and nothing stored', async () => {
		const { client, user, email, password } = await signUp();
		const authenticator = await SoftAuthenticator.create();

		const wrongOrigin = await client.call('/me/passkeys', {
			json: { name: 'Pirate', response: await authenticator.register(await registrationOptions(client), { origin: 'https://wasla.test.evil.example' }) }
		});
		expect(wrongOrigin.status).toBe(400);
		expect(await problemPaths(wrongOrigin)).toEqual(['response']);
		const wrongRp = await client.call('/me/passkeys', { json: { name: 'Pirate', response: await authenticator.register(await registrationOptions(client), { rpId: 'evil.example' }) } });
		expect(wrongRp.status).toBe(400);

		// Options asked by another session of the same user are bound to that session.
		const other = new Client();
		expect((await other.call('/auth/login', { json: { email, password } })).status).toBe(200);
		const theirs = await authenticator.register(await registrationOptions(other));
		const stolen = await client.call('/me/passkeys', { json: { name: 'Volé', response: theirs } });
		expect(stolen.status).toBe(400);
		expect(await rows(user.id)).toEqual([]);

		const answer = await authenticator.register(await registrationOptions(client));
		expect((await client.call('/me/passkeys', { json: { name: 'Ordinateur', response: answer } })).status).toBe(201);
		const replay = await client.call('/me/passkeys', { json: { name: 'Encore', response: answer } });
		expect(replay.status).toBe(400);
		expect(await rows(user.id)).toHaveLength(1);
		// The session that asked for `theirs` may still answer its own challenge, once: the credential is taken.
		expect((await other.call('/me/passkeys', { json: { name: 'Même appareil', response: theirs } })).status).toBe(409);
		expect(await rows(user.id)).toHaveLength(1);
	});

	it('needs a fresh re-authentication; a bad name or body is a 400 that keeps the challenge unused', async () => {
		const { client, user } = await signUp();
		const stale = at(Date.now() + 6 * MIN);
		const refused = await client.call('/me/passkeys/options', { method: 'POST', headers: stale });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'reauth_required' });
		const authenticator = await SoftAuthenticator.create();
		const options = await registrationOptions(client);
		const answer = await authenticator.register(options);
		expect((await client.call('/me/passkeys', { json: { name: 'x', response: answer }, headers: stale })).status).toBe(403);
		const badName = await client.call('/me/passkeys', { json: { name: 'a\nb', response: answer } });
		expect(badName.status).toBe(400);
		expect(await problemPaths(badName)).toEqual(['name']);
		expect((await client.call('/me/passkeys', { json: { name: 'Clé', response: { ...answer, type: 'password' } } })).status).toBe(400);
		expect((await client.call('/me/passkeys', { json: { name: 'Clé', response: answer, userId: 'x' } })).status).toBe(400);
		expect(await rows(user.id)).toEqual([]);
		expect((await client.call('/me/passkeys', { json: { name: 'Clé', response: answer } })).status).toBe(201);
	});
});

describe('signing in with a passkey', () => {
	it('asks an account with only a passkey for its second factor, and signs in with it; the counter and last use are saved', async () => {
		const { email, password, user, authenticator } = await withPasskey();
		const client = await pendingLogin(email, password);
		expect(client.session).toBeUndefined();
		const options = await loginOptions(client);
		expect(options.rpId).toBe('wasla.test');
		expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
		const ok = await client.call('/auth/login/passkey', { json: { response: await authenticator.assert(options) } });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ user: { id: user.id, email } });
		expect(client.session).toBeTruthy();
		expect(client.cookies.has('wasla_login')).toBe(false);
		expect((await client.call('/me')).status).toBe(200);
		const [row] = await rows(user.id);
		expect(row.counter).toBe(1);
		expect(row.last_used_at).not.toBeNull();
		// A code is no way in for an account without TOTP.
		const other = await pendingLogin(email, password);
		expect((await other.call('/auth/login/second-factor', { json: { code: '123456' } })).status).toBe(400);
		expect(other.session).toBeUndefined();
	});

	it('refuses a replayed challenge, a counter that went back, a wrong origin or RP ID and another account’s passkey: 400, no session, the passkey unchanged', async () => {
		const lina = await withPasskey();
		const amine = await withPasskey({ name: 'Clé USB' });
		// (Each refusal counts as a failed login of the account: five per 15 minutes. Nour takes the replays.)
		const nour = await withPasskey({ role: 'creator' });

		// A right answer, used once; the same answer again (its challenge is gone) is refused.
		const first = await pendingLogin(nour.email, nour.password);
		const answer = await nour.authenticator.assert(await loginOptions(first));
		expect((await first.call('/auth/login/passkey', { json: { response: answer } })).status).toBe(200);
		const nourAfter = await rows(nour.user.id);
		const replay = await pendingLogin(nour.email, nour.password);
		await loginOptions(replay); // a fresh challenge is waiting; the old answer does not carry it
		const replayed = await replay.call('/auth/login/passkey', { json: { response: answer } });
		expect(replayed.status).toBe(400);
		expect(await problemPaths(replayed)).toEqual(['passkey']);
		expect(replay.session).toBeUndefined();
		expect(await rows(nour.user.id)).toEqual(nourAfter);
		// Without asking for options first there is no challenge to answer.
		const noOptions = await pendingLogin(nour.email, nour.password);
		expect((await noOptions.call('/auth/login/passkey', { json: { response: await nour.authenticator.assert({ challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }) } })).status).toBe(400);
		// Without a pending login: 401 for the options and the answer alike.
		const stranger = new Client();
		expect((await stranger.call('/auth/login/passkey/options', { method: 'POST' })).status).toBe(401);
		expect((await stranger.call('/auth/login/passkey', { json: { response: answer } })).status).toBe(401);
		expect(stranger.session).toBeUndefined();

		// Lina signs in once (her counter is now 1), then each bent answer is refused.
		const once = await pendingLogin(lina.email, lina.password);
		expect((await once.call('/auth/login/passkey', { json: { response: await lina.authenticator.assert(await loginOptions(once)) } })).status).toBe(200);
		const after = await rows(lina.user.id);
		expect(after[0].counter).toBe(1);

		const tries: [string, (o: PublicKeyCredentialRequestOptionsJSON) => ReturnType<SoftAuthenticator['assert']>][] = [
			// A clone of the authenticator signs with a counter already seen.
			['counter went back', (o) => lina.authenticator.assert(o, { counter: 1 })],
			['wrong origin', (o) => lina.authenticator.assert(o, { origin: 'https://evil.example' })],
			['wrong RP ID', (o) => lina.authenticator.assert(o, { rpId: 'evil.example' })],
			// Amine's own passkey, signing Lina's challenge: not one of Lina's credentials.
			['another account’s passkey', (o) => amine.authenticator.assert(o)]
		];
		for (const [what, sign] of tries) {
			const client = await pendingLogin(lina.email, lina.password);
			const res = await client.call('/auth/login/passkey', { json: { response: await sign(await loginOptions(client)) } });
			expect(res.status, what).toBe(400);
			expect(await res.json(), what).toMatchObject({ code: 'invalid_request', errors: [{ path: 'passkey' }] });
			expect(client.session, what).toBeUndefined();
			expect(await rows(lina.user.id), what).toEqual(after);
		}
		expect((await rows(amine.user.id))[0].counter).toBe(0);

		// The real device, with its next counter, still gets in.
		const good = await pendingLogin(lina.email, lina.password);
		expect((await good.call('/auth/login/passkey', { json: { response: await lina.authenticator.assert(await loginOptions(good)) } })).status).toBe(200);
	});

	it('lets an account with TOTP and a passkey use either; the login options of a TOTP-only account are a 409', async () => {
		const { client, email, password, authenticator } = await withPasskey();
		const start = (await (await client.call('/me/mfa/totp', { json: { password } })).json()) as { secret: string };
		const secret = decodeBase32(start.secret);
		const now = Date.now();
		expect((await client.call('/me/mfa/totp/confirm', { json: { code: totpCode(secret, now) }, headers: at(now) })).status).toBe(200);
		const later = now + 2 * MIN;
		const byCode = await pendingLogin(email, password, at(later));
		expect((await byCode.call('/auth/login/second-factor', { json: { code: totpCode(secret, later) }, headers: at(later) })).status).toBe(200);
		const byKey = await pendingLogin(email, password, at(later));
		expect((await byKey.call('/auth/login/passkey', { json: { response: await authenticator.assert(await loginOptions(byKey, at(later))) }, headers: at(later) })).status).toBe(200);

		const totpOnly = await signUp();
		const s = (await (await totpOnly.client.call('/me/mfa/totp', { json: { password: totpOnly.password } })).json()) as { secret: string };
		expect((await totpOnly.client.call('/me/mfa/totp/confirm', { json: { code: totpCode(decodeBase32(s.secret), now) }, headers: at(now) })).status).toBe(200);
		const pending = await pendingLogin(totpOnly.email, totpOnly.password, at(later));
		expect((await pending.call('/auth/login/passkey/options', { method: 'POST', headers: at(later) })).status).toBe(409);
	});
});

describe('re-authenticating with a passkey, and removing one', () => {
	it('asks for password and passkey after 5 minutes, then removes it; another user’s passkey is a 404; the login is password-only again', async () => {
		const { client, email, password, user, authenticator, passkey, registeredAt } = await withPasskey();
		const other = await withPasskey({ role: 'creator' });
		const later = registeredAt + 6 * MIN;
		const refused = await client.call(`/me/passkeys/${passkey.id}`, { method: 'DELETE', headers: at(later) });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'reauth_required' });

		// The password alone is not enough for an account with a passkey.
		const noFactor = await client.call('/auth/reauth', { json: { password }, headers: at(later) });
		expect(noFactor.status).toBe(400);
		expect(await problemPaths(noFactor)).toEqual(['passkey']);
		const optionsRes = await client.call('/auth/reauth/passkey/options', { method: 'POST', headers: at(later) });
		expect(optionsRes.status).toBe(200);
		const { options } = (await optionsRes.json()) as { options: PublicKeyCredentialRequestOptionsJSON };
		const answer = await authenticator.assert(options);
		expect(signedChallenge(answer)).toBe(options.challenge);
		// A wrong password with the right assertion changes nothing (and the assertion is not used up by it).
		expect((await client.call('/auth/reauth', { json: { password: 'pas-le-bon-mot', passkey: answer }, headers: at(later) })).status).toBe(400);
		// Another user's passkey answering this session's challenge is refused.
		const foreign = await client.call('/auth/reauth', { json: { password, passkey: await other.authenticator.assert(options) }, headers: at(later) });
		expect(foreign.status).toBe(400);
		expect((await client.call(`/me/passkeys/${passkey.id}`, { method: 'DELETE', headers: at(later) })).status).toBe(403);

		const fresh = (await (await client.call('/auth/reauth/passkey/options', { method: 'POST', headers: at(later) })).json()) as { options: PublicKeyCredentialRequestOptionsJSON };
		const ok = await client.call('/auth/reauth', { json: { password, passkey: await authenticator.assert(fresh.options) }, headers: at(later) });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ reauthenticatedUntil: new Date(later + 5 * MIN).toISOString(), twoFactor: true });

		// Another user's passkey id is unknown here.
		expect((await client.call(`/me/passkeys/${other.passkey.id}`, { method: 'DELETE', headers: at(later) })).status).toBe(404);
		expect(await rows(other.user.id)).toHaveLength(1);
		expect((await client.call(`/me/passkeys/${passkey.id}`, { method: 'DELETE', headers: at(later) })).status).toBe(204);
		expect(await rows(user.id)).toEqual([]);
		expect((await client.call(`/me/passkeys/${passkey.id}`, { method: 'DELETE', headers: at(later) })).status).toBe(404);
		expect((await new Client().call('/auth/login', { json: { email, password }, headers: at(later) })).status).toBe(200);
	});
});

describe('personal data', () => {
	it('exports the passkeys’ names and dates (no key material), and erasing the account deletes them', async () => {
		const { client, user, authenticator } = await withPasskey({ name: 'Ordinateur du bureau' });
		const res = await client.call('/me/export');
		expect(res.status).toBe(200);
		const text = await res.text();
		expect((JSON.parse(text) as { passkeys: unknown[] }).passkeys).toEqual([{ name: 'Ordinateur du bureau', created_at: expect.any(String), last_used_at: null }]);
		expect(text).not.toContain(authenticator.id);
		expect((await client.call('/me', { method: 'DELETE' })).status).toBe(202);
		expect(await rows(user.id)).toEqual([]);
	});
});

describe('configuration', () => {
	const production = (extra: Partial<Env>) => {
		const bindings: Env = { ...(env as unknown as Env), APP_ENV: 'production', ...extra };
		for (const [k, v] of Object.entries(extra)) if (v === undefined) delete (bindings as unknown as Record<string, unknown>)[k];
		return bindings;
	};
	const call = (client: Client, bindings: Env, path: string, body: unknown) =>
		createApp().fetch(
			new Request(`http://wasla.test/api/v1${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: `wasla_session=${client.session}`, 'cf-connecting-ip': client.ip },
				body: JSON.stringify(body)
			}),
			bindings
		);

	it('takes the RP ID and origin from APP_URL in production, not from the request’s host; without APP_URL passkeys are a 503', async () => {
		const { client } = await signUp();
		const res = await call(client, production({ APP_URL: 'https://wasla.example' }), '/me/passkeys/options', undefined);
		expect(res.status).toBe(200);
		const { options } = (await res.json()) as { options: PublicKeyCredentialCreationOptionsJSON };
		expect(options.rp.id).toBe('wasla.example');
		// The "browser" on http://wasla.test (the request's host) is not the configured origin.
		const answer = await (await SoftAuthenticator.create('http://wasla.test', 'wasla.example')).register(options);
		expect((await call(client, production({ APP_URL: 'https://wasla.example' }), '/me/passkeys', { name: 'Clé', response: answer })).status).toBe(400);

		const missing = await call(client, production({ APP_URL: undefined }), '/me/passkeys/options', undefined);
		expect(missing.status).toBe(503);
		expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(await missing.json()).toMatchObject({ code: 'unavailable', status: 503 });
	});

	it('answers enrolling TOTP without MFA_ENCRYPTION_KEY in production with a 503 problem, storing nothing', async () => {
		const { client, user, password } = await signUp();
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			const res = await call(client, production({ MFA_ENCRYPTION_KEY: undefined, APP_URL: 'http://wasla.test' }), '/me/mfa/totp', { password });
			expect(res.status).toBe(503);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(await res.json()).toMatchObject({ code: 'unavailable', status: 503 });
		} finally {
			console.error = original;
		}
		expect(JSON.stringify(errors)).toContain('MFA_ENCRYPTION_KEY');
		const row = await env.DB.prepare('SELECT totp_pending_secret, totp_pending_at FROM users WHERE id = ?1').bind(user.id).first();
		expect(row).toEqual({ totp_pending_secret: null, totp_pending_at: null });
	});
});
