/**
 * Changing the email address (issue 15, point 3) through the Worker's fetch with real D1 and
 * the real outbox: asked behind the step-up (PUT /me/email), a link goes to the new address and
 * nothing changes until it is confirmed (POST /auth/email/confirm); then the account signs in
 * with the new address, the old one is told, and the link does not work twice. Refusals (the
 * same address, another account's, a stale session, a replaced or expired link) change nothing.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp, uniqueEmail } from './helpers';
import { sha256Hex } from '../../worker/domain/encoding';

const at = (ms: number) => ({ 'x-wasla-dev-now': new Date(ms).toISOString() });
const MIN = 60_000;

interface OutboxRow {
	kind: string;
	subject: string;
	text: string;
}
const outboxFor = async (email: string) => (await env.DB.prepare('SELECT kind, subject, text FROM outbox WHERE to_email = ?1 ORDER BY created_at, rowid').bind(email).all<OutboxRow>()).results;
const emailOf = async (id: string) => (await env.DB.prepare('SELECT email FROM users WHERE id = ?1').bind(id).first<{ email: string }>())?.email;

/** The token of the latest confirmation link emailed to `email`. */
async function linkToken(email: string): Promise<string> {
	const rows = (await outboxFor(email)).filter((r) => r.kind === 'email_change');
	const match = /\/email\/confirm\/([\w-]{43})/.exec(rows.at(-1)?.text ?? '');
	if (!match) throw new Error(`no confirmation link for ${email}`);
	return match[1];
}

describe('changing the email address', () => {
	it('emails a link to the new address and changes nothing until it is confirmed; then the new address signs in and the old one is told', async () => {
		const { client, user, email, password } = await signUp();
		const next = uniqueEmail('nouvelle');
		const res = await client.call('/me/email', { method: 'PUT', json: { email: `  ${next.toUpperCase()} ` } });
		expect(res.status).toBe(202);
		const body = (await res.json()) as { pendingEmail: string; expiresAt: string };
		expect(body.pendingEmail).toBe(next);
		expect(await emailOf(user.id)).toBe(email);
		const [mail] = await outboxFor(next);
		expect(mail).toMatchObject({ kind: 'email_change', subject: 'Confirmez votre nouvelle adresse e-mail Wasla' });
		const token = await linkToken(next);
		expect(mail.text).toContain(`http://wasla.test/email/confirm/${token}`);
		// Only the token's hash is stored.
		const stored = await env.DB.prepare('SELECT token_hash, new_email, expires_at - created_at AS ttl FROM email_changes WHERE user_id = ?1').bind(user.id).all();
		expect(stored.results).toEqual([{ token_hash: await sha256Hex(token), new_email: next, ttl: 60 * MIN }]);
		// Still the old address until then.
		expect((await new Client().call('/auth/login', { json: { email: next, password } })).status).toBe(401);

		const ok = await new Client().call('/auth/email/confirm', { json: { token } });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ email: next });
		expect(await emailOf(user.id)).toBe(next);
		expect((await new Client().call('/auth/login', { json: { email: next, password } })).status).toBe(200);
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(401);
		const notice = (await outboxFor(email)).filter((m) => m.kind === 'email_changed');
		expect(notice).toHaveLength(1);
		expect(notice[0].text).toContain(next);

		// The link works once.
		const again = await new Client().call('/auth/email/confirm', { json: { token } });
		expect(again.status).toBe(400);
		expect((await outboxFor(email)).filter((m) => m.kind === 'email_changed')).toHaveLength(1);
	});

	it('needs a fresh re-authentication, and refuses the same address and another account’s: nothing is sent', async () => {
		const { client, user, email } = await signUp();
		const other = await signUp({ role: 'creator' });
		const wanted = uniqueEmail('plus-tard');
		const stale = await client.call('/me/email', { method: 'PUT', json: { email: wanted }, headers: at(Date.now() + 6 * MIN) });
		expect(stale.status).toBe(403);
		expect(await stale.json()).toMatchObject({ code: 'reauth_required' });
		const same = await client.call('/me/email', { method: 'PUT', json: { email: email.toUpperCase() } });
		expect(same.status).toBe(400);
		expect(((await same.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['email']);
		const taken = await client.call('/me/email', { method: 'PUT', json: { email: other.email } });
		expect(taken.status).toBe(409);
		expect(await outboxFor(wanted)).toEqual([]);
		expect((await outboxFor(other.email)).filter((m) => m.kind === 'email_change')).toEqual([]);
		expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM email_changes WHERE user_id = ?1').bind(user.id).first<{ n: number }>())?.n).toBe(0);
		expect(await emailOf(user.id)).toBe(email);
	});

	it('a newer request replaces the older link; an expired link, a malformed one, or an address taken meanwhile change nothing', async () => {
		const { client, user, email } = await signUp();
		const first = uniqueEmail('premiere');
		const second = uniqueEmail('seconde');
		expect((await client.call('/me/email', { method: 'PUT', json: { email: first } })).status).toBe(202);
		const oldToken = await linkToken(first);
		expect((await client.call('/me/email', { method: 'PUT', json: { email: second } })).status).toBe(202);
		expect((await new Client().call('/auth/email/confirm', { json: { token: oldToken } })).status).toBe(400);
		expect((await new Client().call('/auth/email/confirm', { json: { token: 'pas-un-jeton' } })).status).toBe(400);
		const token = await linkToken(second);
		const late = await new Client().call('/auth/email/confirm', { json: { token }, headers: at(Date.now() + 61 * MIN) });
		expect(late.status).toBe(400);
		expect(await emailOf(user.id)).toBe(email);

		// Someone signs up with the address before the link is used.
		await signUp({ email: second });
		const raced = await new Client().call('/auth/email/confirm', { json: { token } });
		expect(raced.status).toBe(409);
		expect(await emailOf(user.id)).toBe(email);
		expect((await outboxFor(email)).filter((m) => m.kind === 'email_changed')).toEqual([]);
	});
});
