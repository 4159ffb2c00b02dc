/**
 * Forgotten password (issue 14, point 9): POST /auth/password/forgot, /auth/password/reset/check
 * and /auth/password/reset, through the Worker's fetch with real D1, the real outbox and the
 * real SMTP delivery to the test inbox.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, awayFromRateWindowEdge, signUp, uniqueEmail } from './helpers';
import { waitForMail } from './inbox';
import { sha256Hex } from '../../worker/domain/encoding';
import { LIMITS } from '../../worker/domain/rate-limit-rules';

const LINK = /http:\/\/wasla\.test\/password-reset\/([A-Za-z0-9_-]{43})/;

interface OutboxRow {
	kind: string;
	subject: string;
	text: string;
	locale: string;
	status: string;
}

const outboxFor = async (email: string) =>
	(await env.DB.prepare('SELECT kind, subject, text, locale, status FROM outbox WHERE to_email = ?1 ORDER BY created_at, rowid').bind(email).all<OutboxRow>()).results;

/** The token of the latest reset email written for `email`. */
async function latestToken(email: string): Promise<string> {
	const rows = (await outboxFor(email)).filter((r) => r.kind === 'password_reset');
	const m = LINK.exec(rows.at(-1)?.text ?? '');
	if (!m) throw new Error(`no reset link for ${email}`);
	return m[1];
}

const forgot = (email: string, client = new Client(), headers?: Record<string, string>) => client.call('/auth/password/forgot', { json: { email }, headers });
const reset = (token: string, password: string, client = new Client(), headers?: Record<string, string>) => client.call('/auth/password/reset', { json: { token, password }, headers });
const login = (email: string, password: string) => new Client().call('/auth/login', { json: { email, password } });

const invalidLink = {
	type: 'about:blank',
	title: 'Reset link invalid',
	status: 400,
	code: 'reset_link_invalid',
	detail: 'Ce lien de réinitialisation ne fonctionne plus\u00a0: il a déjà servi, un lien plus récent l’a remplacé, ou ses 30\u00a0minutes sont passées. Demandez-en un nouveau.',
	requestId: expect.any(String)
};

describe('asking for a reset link', () => {
	it('answers the same for a known and an unknown address, and writes the email only for the account', async () => {
		const { email } = await signUp({ role: 'creator', name: 'Nour Beauté' });
		const nobody = uniqueEmail('nobody');

		const known = await forgot(email.toUpperCase());
		const unknown = await forgot(nobody);
		expect(known.status).toBe(202);
		expect(unknown.status).toBe(202);
		const knownBody = await known.json();
		expect(knownBody).toEqual({ accepted: true, expiresInMinutes: 30 });
		expect(await unknown.json()).toEqual(knownBody);
		expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());

		expect(await outboxFor(nobody)).toEqual([]);
		const rows = await outboxFor(email);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ kind: 'password_reset', locale: 'fr', subject: 'Réinitialiser votre mot de passe Wasla' });
		expect(rows[0].text).toContain('30\u00a0minutes');

		// Only the hash of the link's token is stored, with a 30-minute expiry.
		const token = await latestToken(email);
		const stored = await env.DB.prepare('SELECT r.token_hash, r.expires_at - r.created_at AS ttl, r.used_at FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = ?1')
			.bind(email)
			.all<{ token_hash: string; ttl: number; used_at: number | null }>();
		expect(stored.results).toEqual([{ token_hash: await sha256Hex(token), ttl: 30 * 60 * 1000, used_at: null }]);
		const anywhere = await env.DB.prepare('SELECT count(*) AS n FROM password_resets WHERE token_hash = ?1').bind(token).first<{ n: number }>();
		expect(anywhere!.n).toBe(0);
	});

	it('really delivers the link by SMTP, in the account’s language', async () => {
		const email = uniqueEmail('ar');
		const client = new Client();
		expect((await client.call('/auth/register', { json: { email, password: 'motdepasse-sur', role: 'brand', name: 'متجر ياسمين', locale: 'ar' } })).status).toBe(201);
		// Asked from a French browser: the email follows the account, not the asker.
		expect((await forgot(email, new Client(), { 'accept-language': 'fr' })).status).toBe(202);
		const [mail] = await waitForMail(email);
		expect(mail.subject).toBe('إعادة تعيين كلمة مرور حسابك في وصلة');
		expect(mail.text).toContain('يُستعمل الرابط مرة واحدة فقط');
		const token = await latestToken(email);
		expect(mail.text).toContain(`http://wasla.test/password-reset/${token}`);
		expect(mail.html).toContain(`href="http://wasla.test/password-reset/${token}"`);
		expect(mail.html).toMatch(/dir="rtl"/);
	});

	it('refuses an address that is not one, changing nothing', async () => {
		const res = await forgot('pas-une-adresse');
		expect(res.status).toBe(400);
		expect(((await res.json()) as { errors: unknown }).errors).toEqual([{ path: 'email', message: 'Adresse e-mail invalide.' }]);
	});

	it('a newer link replaces the older one', async () => {
		const { email } = await signUp();
		await forgot(email);
		const first = await latestToken(email);
		await forgot(email);
		const second = await latestToken(email);
		expect(second).not.toBe(first);

		const old = await reset(first, 'nouveau-mot-de-passe');
		expect(old.status).toBe(400);
		expect(await old.json()).toEqual(invalidLink);
		expect((await reset(second, 'nouveau-mot-de-passe')).status).toBe(200);
	});
});

describe('rate limits on reset requests', () => {
	it('per address, across IPs and whether or not an account has it: 429 with Retry-After, and no email beyond', async () => {
		await awayFromRateWindowEdge();
		const { email } = await signUp();
		const nobody = uniqueEmail('nobody');
		for (let i = 0; i < LIMITS.passwordResetAccount.max; i++) {
			expect((await forgot(email)).status).toBe(202);
			expect((await forgot(nobody)).status).toBe(202);
		}
		const blocked = await forgot(email);
		const blockedUnknown = await forgot(nobody);
		for (const res of [blocked, blockedUnknown]) {
			expect(res.status).toBe(429);
			const retry = Number(res.headers.get('retry-after'));
			expect(retry).toBeGreaterThan(0);
			expect(retry).toBeLessThanOrEqual(LIMITS.passwordResetAccount.windowMs / 1000);
		}
		expect(await blocked.json()).toMatchObject({ code: 'rate_limited', status: 429 });
		expect((await outboxFor(email)).filter((r) => r.kind === 'password_reset')).toHaveLength(LIMITS.passwordResetAccount.max);
		expect(await outboxFor(nobody)).toEqual([]);
	});

	it('per IP, whatever the address', async () => {
		await awayFromRateWindowEdge();
		const ip = new Client().ip;
		for (let i = 0; i < LIMITS.passwordResetIp.max; i++) expect((await forgot(uniqueEmail('burst'), new Client(ip))).status).toBe(202);
		const { email } = await signUp();
		const res = await forgot(email, new Client(ip));
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await outboxFor(email)).toEqual([]);
		// Another client is not affected.
		expect((await forgot(email)).status).toBe(202);
	});
});

describe('setting a new password from the link', () => {
	it('sets the password, ends every other session and signs this browser in', async () => {
		const { client: laptop, email, password } = await signUp({ role: 'creator' });
		const phone = new Client();
		expect((await phone.call('/auth/login', { json: { email, password } })).status).toBe(200);
		expect((await phone.call('/me')).status).toBe(200);

		await forgot(email);
		const browser = new Client();
		const res = await reset(await latestToken(email), 'un-tout-nouveau-mot', browser);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ user: { id: expect.any(String), email, role: 'creator', name: 'Boutique Yasmine', locale: 'fr' } });
		expect(browser.session).toBeDefined();
		expect((await browser.call('/me')).status).toBe(200);

		// Every session that existed before is gone, on every device.
		expect((await laptop.call('/me')).status).toBe(401);
		expect((await phone.call('/me')).status).toBe(401);
		expect((await login(email, password)).status).toBe(401);
		expect((await login(email, 'un-tout-nouveau-mot')).status).toBe(200);
	});

	it('works once: the same link again is refused and changes nothing', async () => {
		const { email } = await signUp();
		await forgot(email);
		const token = await latestToken(email);
		expect((await reset(token, 'premier-nouveau')).status).toBe(200);
		const again = await reset(token, 'second-nouveau');
		expect(again.status).toBe(400);
		expect(await again.json()).toEqual(invalidLink);
		expect((await login(email, 'second-nouveau')).status).toBe(401);
		expect((await login(email, 'premier-nouveau')).status).toBe(200);
	});

	it('two requests racing with one link: exactly one sets its password', async () => {
		const { email } = await signUp();
		await forgot(email);
		const token = await latestToken(email);
		const answers = await Promise.all([reset(token, 'course-numero-un'), reset(token, 'course-numero-deux')]);
		expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
		const winner = answers[0].status === 200 ? 'course-numero-un' : 'course-numero-deux';
		const loser = winner === 'course-numero-un' ? 'course-numero-deux' : 'course-numero-un';
		expect((await login(email, winner)).status).toBe(200);
		expect((await login(email, loser)).status).toBe(401);
	});

	it('works for 30 minutes after it was issued, not a moment longer; the cron then deletes it', async () => {
		const { email, password } = await signUp();
		const issued = Date.now();
		await forgot(email, new Client(), { 'x-wasla-dev-now': new Date(issued).toISOString() });
		const token = await latestToken(email);
		const at = (ms: number) => ({ 'x-wasla-dev-now': new Date(issued + ms).toISOString() });

		const check = await new Client().call('/auth/password/reset/check', { json: { token }, headers: at(30 * 60 * 1000 - 1000) });
		expect(check.status).toBe(200);
		expect(await check.json()).toEqual({ expiresAt: new Date(issued + 30 * 60 * 1000).toISOString() });

		const late = await reset(token, 'trop-tard-hélas', new Client(), at(30 * 60 * 1000));
		expect(late.status).toBe(400);
		expect(await late.json()).toEqual(invalidLink);
		expect((await login(email, password)).status).toBe(200);

		const hash = await sha256Hex(token);
		const rows = () => env.DB.prepare('SELECT count(*) AS n FROM password_resets WHERE token_hash = ?1').bind(hash).first<{ n: number }>();
		const before = await new Client().call('/dev/scheduled', { json: { now: new Date(issued + 29 * 60 * 1000).toISOString() } });
		expect(before.status).toBe(200);
		expect((await rows())!.n).toBe(1);
		const run = await new Client().call('/dev/scheduled', { json: { now: new Date(issued + 30 * 60 * 1000).toISOString() } });
		expect(((await run.json()) as { cleanup: { passwordResets: number } }).cleanup.passwordResets).toBeGreaterThanOrEqual(1);
		expect((await rows())!.n).toBe(0);
	});

	it('a password outside the sign-up’s rules is refused and the link stays usable', async () => {
		const { email, password } = await signUp();
		await forgot(email);
		const token = await latestToken(email);
		const short = await reset(token, 'court');
		expect(short.status).toBe(400);
		expect(await short.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'password', message: 'Le mot de passe doit contenir entre 8 et 128 caractères.' }] });
		expect((await login(email, password)).status).toBe(200);
		expect((await new Client().call('/auth/password/reset/check', { json: { token } })).status).toBe(200);
		expect((await reset(token, 'enfin-assez-long')).status).toBe(200);
	});

	it('checking a link reads only: it still works afterwards', async () => {
		const { email } = await signUp();
		await forgot(email);
		const token = await latestToken(email);
		for (let i = 0; i < 3; i++) expect((await new Client().call('/auth/password/reset/check', { json: { token } })).status).toBe(200);
		expect((await reset(token, 'toujours-valable')).status).toBe(200);
	});

	it('an unknown or malformed token gets the same refusal; a missing one a field error', async () => {
		for (const token of ['x', 'A'.repeat(43), '../../etc/passwd']) {
			const res = await reset(token, 'nouveau-mot-de-passe');
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual(invalidLink);
			const check = await new Client().call('/auth/password/reset/check', { json: { token } });
			expect(check.status).toBe(400);
			expect(((await check.json()) as { code: string }).code).toBe('reset_link_invalid');
		}
		const missing = await new Client().call('/auth/password/reset', { json: { password: 'nouveau-mot-de-passe' } });
		expect(missing.status).toBe(400);
		expect(await missing.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'token', message: 'Ce champ est obligatoire.' }] });
	});

	it('a link does not survive the account’s erasure', async () => {
		const { client, email } = await signUp();
		await forgot(email);
		const token = await latestToken(email);
		expect((await client.call('/me', { method: 'DELETE' })).status).toBe(202);
		const res = await reset(token, 'revenir-apres-effacement');
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual(invalidLink);
	});

	it('a successful reset clears the failed-login counter that locked the account', async () => {
		await awayFromRateWindowEdge();
		const { email } = await signUp();
		for (let i = 0; i < LIMITS.loginAccount.max; i++) expect((await login(email, 'pas-le-bon')).status).toBe(401);
		expect((await login(email, 'motdepasse-sur')).status).toBe(429);
		await forgot(email);
		expect((await reset(await latestToken(email), 'de-nouveau-dedans')).status).toBe(200);
		expect((await login(email, 'de-nouveau-dedans')).status).toBe(200);
	});
});
