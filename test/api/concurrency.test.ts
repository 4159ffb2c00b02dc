/**
 * Parallel requests as an attacker or an impatient user sends them (issue 9, points 2 and 5):
 * the per-account login limit counts before the password work, downloads of a signed PDF
 * all succeed whatever the audit chain's contention, and concurrent signing-code requests
 * neither fail with 409 nor spend quota they did not use.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { agreementScene, requestCode, sendReady, sign } from './agreements-scene';
import { awayFromRateWindowEdge, Client, signUp } from './helpers';
import { LIMITS } from '../../worker/domain/rate-limit-rules';

const counter = async (key: string) => (await env.DB.prepare('SELECT count FROM rate_limits WHERE key = ?1').bind(key).first<{ count: number }>())?.count ?? 0;

describe('login limit under parallel guesses', () => {
	beforeEach(() => awayFromRateWindowEdge());

	it('checks at most 5 of 50 parallel wrong passwords from 50 addresses; the rest are refused before any password work', async () => {
		const { email, password } = await signUp();
		const results = await Promise.all(Array.from({ length: 50 }, (_, i) => new Client().call('/auth/login', { json: { email, password: `mauvais-${i}-motdepasse` } })));
		const statuses = results.map((r) => r.status);
		const checked = statuses.filter((s) => s === 401).length;
		expect(checked).toBeLessThanOrEqual(LIMITS.loginAccount.max);
		expect(checked).toBeGreaterThan(0);
		expect(statuses.filter((s) => s === 429).length).toBe(50 - checked);
		// The account stays locked for the window, even with the right password.
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(429);
	});

	it('a successful login gives its slot back: only failures count', async () => {
		const { email, password } = await signUp();
		for (let i = 0; i < LIMITS.loginAccount.max - 1; i++) {
			expect((await new Client().call('/auth/login', { json: { email, password: 'pas-le-bon-du-tout' } })).status).toBe(401);
		}
		for (let i = 0; i < 3; i++) expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(200);
		expect(await counter(`${LIMITS.loginAccount.name}:${email}`)).toBe(LIMITS.loginAccount.max - 1);
	});
});

describe('signed PDF and signing codes under parallel requests', () => {
	beforeEach(() => awayFromRateWindowEdge());

	it('ten parallel downloads of a signed PDF all succeed with the same bytes, and the chain stays valid', async () => {
		const s = await agreementScene({ brandName: 'Savons Béjaïa', creatorName: 'Rania Lounis' });
		await sendReady(s);
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId), 'Rania Lounis')).status).toBe(200);
		expect((await sign(s.brand.client, s.agreementId, await requestCode(s.brand.client, s.brand.email, s.agreementId), 'Lina Benali')).status).toBe(200);
		// The first download seals and stores the file; the parallel ones then contend only for the chain.
		const first = await s.creator.client.call(`/agreements/${s.agreementId}/pdf?lang=fr`);
		expect(first.status).toBe(200);
		const sealed = new Uint8Array(await first.arrayBuffer());

		const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? s.brand.client : s.creator.client).call(`/agreements/${s.agreementId}/pdf?lang=fr`)));
		expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
		for (const r of results) expect(new Uint8Array(await r.arrayBuffer())).toEqual(sealed);

		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean; events: { action: string }[] };
		expect(trail.chainValid).toBe(true);
		// Recording is best-effort, but twelve re-reads of the head are enough for ten racers.
		expect(trail.events.filter((e) => e.action === 'downloaded').length).toBe(11);
	}, 120_000);

	it('parallel code requests all succeed within the quota, the rest are 429, none is 409', async () => {
		const s = await agreementScene({ brandName: 'Dattes Biskra', creatorName: 'Imane Zerrouki' });
		await sendReady(s);
		const results = await Promise.all(Array.from({ length: 8 }, () => s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })));
		const statuses = results.map((r) => r.status).sort();
		expect(statuses).toEqual([...Array(LIMITS.signingCode.max).fill(202), ...Array(8 - LIMITS.signingCode.max).fill(429)]);
		const codes = await env.DB.prepare('SELECT count(*) AS n FROM signing_codes WHERE agreement_id = ?1 AND user_id = ?2').bind(s.agreementId, s.creator.user.id).first<{ n: number }>();
		expect(codes!.n).toBe(LIMITS.signingCode.max);
		const trail = (await (await s.creator.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean };
		expect(trail.chainValid).toBe(true);
	}, 120_000);

	it('a code request that fails after being counted gives its slot back', async () => {
		const s = await agreementScene({ brandName: 'Miel Médéa', creatorName: 'Sarah Bouzid' });
		await sendReady(s);
		const key = `${LIMITS.signingCode.name}:${s.agreementId}:${s.creator.user.id}`;
		// Every write of a new code now loses its race, as if other requests always took the chain's next seq.
		await env.DB.prepare(
			`CREATE TRIGGER test_codes_always_lose BEFORE INSERT ON signing_codes WHEN NEW.agreement_id = '${s.agreementId}'
			 BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: agreement_events.agreement_id, agreement_events.seq'); END`
		).run();
		try {
			const refused = await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' });
			expect(refused.status).toBe(409);
			expect(((await refused.json()) as { code: string }).code).toBe('invalid_state');
			expect(await counter(key)).toBe(0);
		} finally {
			await env.DB.prepare('DROP TRIGGER test_codes_always_lose').run();
		}
		// The whole hourly quota is still there.
		for (let i = 0; i < LIMITS.signingCode.max; i++) {
			expect((await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })).status).toBe(202);
		}
		expect(await counter(key)).toBe(LIMITS.signingCode.max);
	}, 120_000);
});
