/**
 * The second factor (issue 15, point 3) through the Worker's fetch with real D1: TOTP
 * enrolment and confirmation, login with a code (pending login cookie), recovery codes used
 * once, replays refused, wrong codes changing nothing, and the step-up that sensitive changes
 * need (403 `reauth_required`, then POST /auth/reauth). Times after the login are played with
 * the development clock header (x-wasla-dev-now), as an authenticator app a minute later would.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '@oslojs/encoding';
import { Client, signUp } from './helpers';
import { totpCode } from '../../worker/domain/two-factor';

const at = (ms: number) => ({ 'x-wasla-dev-now': new Date(ms).toISOString() });
const MIN = 60_000;

interface Status {
	twoFactor: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number; reauthenticatedUntil: string | null };
}

async function status(client: Client, headers?: Record<string, string>): Promise<Status['twoFactor']> {
	const res = await client.call('/me/mfa', { headers });
	expect(res.status).toBe(200);
	return ((await res.json()) as Status).twoFactor;
}

const userRow = (id: string) =>
	env.DB.prepare('SELECT totp_secret, totp_enabled_at, totp_last_step, totp_pending_secret FROM users WHERE id = ?1')
		.bind(id)
		.first<{ totp_secret: string | null; totp_enabled_at: number | null; totp_last_step: number | null; totp_pending_secret: string | null }>();

/** Signs up and turns TOTP on; returns the secret as the app holds it, the recovery codes and when it was confirmed. */
async function enrolled(role: 'brand' | 'creator' = 'brand') {
	const account = await signUp({ role });
	const start = await account.client.call('/me/mfa/totp', { json: { password: account.password } });
	expect(start.status).toBe(200);
	const enrolment = (await start.json()) as { secret: string; secretGrouped: string; otpauthUrl: string; qrSvg: string };
	const secret = decodeBase32(enrolment.secret);
	const confirmedAt = Date.now();
	const confirm = await account.client.call('/me/mfa/totp/confirm', { json: { code: totpCode(secret, confirmedAt) }, headers: at(confirmedAt) });
	expect(confirm.status).toBe(200);
	const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
	return { ...account, secret, enrolment, recoveryCodes, confirmedAt };
}

describe('enrolling TOTP', () => {
	it('needs the password, shows the secret, its otpauth URI and QR code, and stores the secret encrypted', async () => {
		const { client, password, user, email } = await signUp();
		const wrong = await client.call('/me/mfa/totp', { json: { password: 'pas-le-bon-mot' } });
		expect(wrong.status).toBe(400);
		expect(((await wrong.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['password']);
		expect((await userRow(user.id))?.totp_pending_secret).toBeNull();

		const res = await client.call('/me/mfa/totp', { json: { password } });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { secret: string; secretGrouped: string; otpauthUrl: string; qrSvg: string };
		expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(body.secretGrouped.replaceAll(' ', '')).toBe(body.secret);
		const uri = new URL(body.otpauthUrl);
		expect(uri.protocol).toBe('otpauth:');
		expect(decodeURIComponent(body.otpauthUrl)).toContain(`Wasla:${email}`);
		expect(uri.searchParams.get('secret')).toBe(body.secret);
		expect(uri.searchParams.get('issuer')).toBe('Wasla');
		expect(body.qrSvg).toMatch(/^<svg [^>]*viewBox/);

		const row = await userRow(user.id);
		expect(row?.totp_pending_secret).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
		expect(row?.totp_pending_secret).not.toContain(body.secret);
		expect(row?.totp_enabled_at).toBeNull();
		expect((await status(client)).enabled).toBe(false);
	});

	it('is on only after a right first code; a wrong one is a 400 that changes nothing', async () => {
		const { client, password, user } = await signUp({ role: 'creator' });
		const { secret: base32 } = (await (await client.call('/me/mfa/totp', { json: { password } })).json()) as { secret: string };
		const secret = decodeBase32(base32);
		const now = Date.now();
		const right = totpCode(secret, now);
		const wrong = right === '000000' ? '111111' : '000000';

		const before = await userRow(user.id);
		const refused = await client.call('/me/mfa/totp/confirm', { json: { code: wrong }, headers: at(now) });
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'code' }] });
		expect(await userRow(user.id)).toEqual(before);
		expect((await status(client)).enabled).toBe(false);

		const ok = await client.call('/me/mfa/totp/confirm', { json: { code: right }, headers: at(now) });
		expect(ok.status).toBe(200);
		const { recoveryCodes } = (await ok.json()) as { recoveryCodes: string[] };
		expect(recoveryCodes).toHaveLength(10);
		expect(new Set(recoveryCodes).size).toBe(10);
		for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		const s = await status(client);
		expect(s).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

		// Only hashes are stored.
		const stored = await env.DB.prepare('SELECT code_hash FROM recovery_codes WHERE user_id = ?1').bind(user.id).all<{ code_hash: string }>();
		expect(stored.results).toHaveLength(10);
		for (const r of stored.results) expect(recoveryCodes.map((c) => c.replace('-', ''))).not.toContain(r.code_hash);

		// A second confirmation, or a new enrolment, is refused while it is on.
		expect((await client.call('/me/mfa/totp/confirm', { json: { code: right }, headers: at(now) })).status).toBe(409);
		expect((await client.call('/me/mfa/totp', { json: { password } })).status).toBe(409);
	});
});

describe('signing in with the second factor', () => {
	it('answers 401 mfa_required with a pending-login cookie and no session, then signs in with a code; the same code again is refused', async () => {
		const { email, password, secret, confirmedAt, user } = await enrolled();
		const client = new Client();
		const later = confirmedAt + 2 * MIN;
		const first = await client.call('/auth/login', { json: { email, password }, headers: at(later) });
		expect(first.status).toBe(401);
		expect(await first.json()).toMatchObject({ code: 'mfa_required', status: 401 });
		expect(client.session).toBeUndefined();
		expect(client.cookies.get('wasla_login')).toMatch(/^[\w-]{43}$/);
		const cookie = first.headers.getSetCookie().find((c) => c.startsWith('wasla_login='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/Max-Age=300/i);
		// No session: the API still says nobody is signed in.
		expect((await client.call('/me', { headers: at(later) })).status).toBe(401);

		// The code that confirmed the enrolment (an earlier step) never works again.
		const replayedEnrolment = await client.call('/auth/login/second-factor', { json: { code: totpCode(secret, confirmedAt) }, headers: at(confirmedAt + 20_000) });
		expect(replayedEnrolment.status).toBe(400);

		const code = totpCode(secret, later);
		const ok = await client.call('/auth/login/second-factor', { json: { code }, headers: at(later) });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ user: { id: user.id, email, role: 'brand', name: 'Boutique Yasmine', locale: 'fr' } });
		expect(client.session).toBeTruthy();
		expect(client.cookies.has('wasla_login')).toBe(false);
		expect((await client.call('/me', { headers: at(later) })).status).toBe(200);

		// Replay: the same code (same step), on a new password login, is refused.
		const again = new Client();
		expect((await again.call('/auth/login', { json: { email, password }, headers: at(later) })).status).toBe(401);
		const replay = await again.call('/auth/login/second-factor', { json: { code }, headers: at(later + 5_000) });
		expect(replay.status).toBe(400);
		expect(await replay.json()).toMatchObject({ errors: [{ path: 'code' }] });
		expect(again.session).toBeUndefined();
	});

	it('accepts the code in the login body ("otp"), and refuses a wrong one without a session', async () => {
		const { email, password, secret, confirmedAt } = await enrolled('creator');
		const later = confirmedAt + 3 * MIN;
		const right = totpCode(secret, later);
		const wrongClient = new Client();
		const wrong = await wrongClient.call('/auth/login', { json: { email, password, otp: right === '123456' ? '654321' : '123456' }, headers: at(later) });
		expect(wrong.status).toBe(400);
		expect(wrongClient.session).toBeUndefined();
		const client = new Client();
		const ok = await client.call('/auth/login', { json: { email, password, otp: right }, headers: at(later) });
		expect(ok.status).toBe(200);
		expect(client.session).toBeTruthy();
	});

	it('takes each recovery code once', async () => {
		const { email, password, recoveryCodes, client: owner, confirmedAt } = await enrolled();
		const later = confirmedAt + MIN;
		const code = recoveryCodes[3].toLowerCase();
		const a = new Client();
		expect((await a.call('/auth/login', { json: { email, password, otp: code }, headers: at(later) })).status).toBe(200);
		const b = new Client();
		expect((await b.call('/auth/login', { json: { email, password }, headers: at(later) })).status).toBe(401);
		const reused = await b.call('/auth/login/second-factor', { json: { code: recoveryCodes[3] }, headers: at(later) });
		expect(reused.status).toBe(400);
		expect(b.session).toBeUndefined();
		expect((await status(owner, at(later))).recoveryCodesLeft).toBe(9);
		// Another one still works.
		expect((await b.call('/auth/login/second-factor', { json: { code: recoveryCodes[4] }, headers: at(later) })).status).toBe(200);
	});

	it('without a pending login, a code is a 401 that opens nothing; five wrong codes end the pending login', async () => {
		const { email, password, secret, confirmedAt } = await enrolled();
		const later = confirmedAt + MIN;
		const stranger = new Client();
		const none = await stranger.call('/auth/login/second-factor', { json: { code: totpCode(secret, later) }, headers: at(later) });
		expect(none.status).toBe(401);
		expect(stranger.session).toBeUndefined();

		const client = new Client();
		await client.call('/auth/login', { json: { email, password }, headers: at(later) });
		const right = totpCode(secret, later);
		const wrong = right === '999999' ? '888888' : '999999';
		for (let i = 0; i < 5; i++) expect((await client.call('/auth/login/second-factor', { json: { code: wrong }, headers: at(later) })).status).toBe(400);
		// The pending login is over: even the right code opens nothing.
		expect((await client.call('/auth/login/second-factor', { json: { code: right }, headers: at(later) })).status).toBe(401);
		expect(client.session).toBeUndefined();
		// Wrong codes count as failed logins of the account (5 per 15 minutes).
		expect((await new Client().call('/auth/login', { json: { email, password }, headers: at(later) })).status).toBe(429);
	});

	it('keeps the login of accounts without a second factor exactly as it was', async () => {
		const { email, password, user } = await signUp({ role: 'creator', name: 'Nour Beauté' });
		const client = new Client();
		const res = await client.call('/auth/login', { json: { email, password } });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ user: { id: user.id, email, role: 'creator', name: 'Nour Beauté', locale: 'fr' } });
		expect(client.cookies.has('wasla_login')).toBe(false);
	});
});

describe('step-up for sensitive changes', () => {
	it('refuses turning the factor off after 5 minutes with 403 reauth_required, then allows it after POST /auth/reauth with password and code', async () => {
		const { client, password, secret, confirmedAt, user } = await enrolled();
		const later = confirmedAt + 6 * MIN;
		const refused = await client.call('/me/mfa/totp', { method: 'DELETE', headers: at(later) });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'reauth_required', status: 403 });
		expect((await userRow(user.id))?.totp_enabled_at).not.toBeNull();

		// The password alone is not enough while the factor is on; a wrong password changes nothing.
		const noCode = await client.call('/auth/reauth', { json: { password }, headers: at(later) });
		expect(noCode.status).toBe(400);
		expect(await noCode.json()).toMatchObject({ errors: [{ path: 'code' }] });
		expect((await client.call('/auth/reauth', { json: { password: 'pas-le-bon-mot', code: totpCode(secret, later) }, headers: at(later) })).status).toBe(400);
		expect((await client.call('/me/mfa/totp', { method: 'DELETE', headers: at(later) })).status).toBe(403);

		const ok = await client.call('/auth/reauth', { json: { password, code: totpCode(secret, later) }, headers: at(later) });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ reauthenticatedUntil: new Date(later + 5 * MIN).toISOString(), twoFactor: true });

		// Still fresh a bit later; the factor goes off with its recovery codes.
		const off = await client.call('/me/mfa/totp', { method: 'DELETE', headers: at(later + MIN) });
		expect(off.status).toBe(204);
		expect(await userRow(user.id)).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, totp_pending_secret: null });
		expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?1').bind(user.id).first<{ n: number }>())?.n).toBe(0);
		// Signing in needs only the password again.
		expect((await new Client().call('/auth/login', { json: { email: user.email, password }, headers: at(later + MIN) })).status).toBe(200);
	});

	it('asks again for the password change, team invitations, recovery codes and a new payout RIP; a fresh login or reauth allows them', async () => {
		const brand = await signUp();
		const stale = at(Date.now() + 6 * MIN);
		const pw = await brand.client.call('/auth/password', { json: { currentPassword: brand.password, newPassword: 'nouveau-mot-de-passe' }, headers: stale });
		expect(pw.status).toBe(403);
		expect(await pw.json()).toMatchObject({ code: 'reauth_required' });
		expect((await new Client().call('/auth/login', { json: { email: brand.email, password: brand.password } })).status).toBe(200);

		const invite = await brand.client.call('/brands/me/invitations', { json: { email: 'equipe@example.dz' }, headers: stale });
		expect(invite.status).toBe(403);
		expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM brand_invitations WHERE email = ?1').bind('equipe@example.dz').first<{ n: number }>())?.n).toBe(0);
		expect((await brand.client.call('/me/mfa/recovery-codes', { method: 'POST', headers: stale })).status).toBe(403);

		// Without a second factor, the password alone re-authenticates.
		const re = await brand.client.call('/auth/reauth', { json: { password: brand.password }, headers: stale });
		expect(re.status).toBe(200);
		expect(await re.json()).toMatchObject({ twoFactor: false });
		expect((await brand.client.call('/brands/me/invitations', { json: { email: 'equipe@example.dz' }, headers: stale })).status).toBe(201);

		const creator = await signUp({ role: 'creator' });
		const profile = { displayName: 'Amina', wilaya: '09', niches: ['food'] };
		// Within 5 minutes of signing up, a RIP is saved.
		expect((await creator.client.call('/creators/me', { method: 'PUT', json: { ...profile, payoutRip: '00799999001234567803' } })).status).toBe(200);
		const later = at(Date.now() + 10 * MIN);
		// The same RIP sent again (the profile form resends it) is not a change; another one is.
		expect((await creator.client.call('/creators/me', { method: 'PUT', json: { ...profile, payoutRip: '007 99999 0012345678 03' }, headers: later })).status).toBe(200);
		const changed = await creator.client.call('/creators/me', { method: 'PUT', json: { ...profile, displayName: 'Autre', payoutRip: null }, headers: later });
		expect(changed.status).toBe(403);
		expect(await changed.json()).toMatchObject({ code: 'reauth_required' });
		const row = await env.DB.prepare('SELECT payout_rip, display_name FROM creators WHERE user_id = ?1').bind(creator.user.id).first<{ payout_rip: string; display_name: string }>();
		expect(row).toEqual({ payout_rip: '00799999001234567803', display_name: 'Amina' });
	});

	it('regenerates recovery codes within 5 minutes of confirming the factor: the old ones stop working', async () => {
		const { client, email, password, recoveryCodes, confirmedAt } = await enrolled();
		const now = confirmedAt + MIN;
		const res = await client.call('/me/mfa/recovery-codes', { method: 'POST', headers: at(now) });
		expect(res.status).toBe(200);
		const fresh = ((await res.json()) as { recoveryCodes: string[] }).recoveryCodes;
		expect(fresh).toHaveLength(10);
		expect(fresh).not.toContain(recoveryCodes[0]);
		expect((await new Client().call('/auth/login', { json: { email, password, otp: recoveryCodes[0] }, headers: at(now) })).status).toBe(400);
		expect((await new Client().call('/auth/login', { json: { email, password, otp: fresh[0] }, headers: at(now) })).status).toBe(200);
	});
});
