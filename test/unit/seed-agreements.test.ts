/**
 * The demo agreements (issue 14, point 2): after the seed, every accepted application has
 * its agreement, made through the app's services, in every state — draft, sent, signed by
 * one party, signed by both — with an audit chain that verifies and, once signed by both,
 * the sealed PDFs that POST /verify accepts.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, seedStatements } from '../../db/seed/generate';
import { type SeededAgreement, seedAgreements } from '../../db/seed/agreements';
import { COMPLETED_AGREEMENTS } from '../../db/seed/completed';
import { agreementChainVerdict } from '../../worker/services/agreements';
import type { Env } from '../../worker/env';
import { Client } from '../api/helpers';

let seeded: SeededAgreement[];

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
	return (
		await env.DB.prepare(sql)
			.bind(...params)
			.all<T>()
	).results;
}

beforeAll(async () => {
	const statements = seedStatements(await generateSeed({ seed: 11, anchorDate: '2026-11-26', creators: 60 }));
	for (let i = 0; i < statements.length; i += 50) await env.DB.batch(statements.slice(i, i + 50).map((s) => env.DB.prepare(s)));
	seeded = await seedAgreements(env as unknown as Env, { now: Date.now() });
}, 120_000);

describe('demo agreements', () => {
	it('every accepted application has an agreement; nothing is left to "see the contract" into a 404', async () => {
		expect(seeded.length).toBeGreaterThan(4);
		const orphans = await rows("SELECT a.id FROM applications a LEFT JOIN agreements g ON g.application_id = a.id WHERE a.status = 'accepted' AND g.id IS NULL");
		expect(orphans).toEqual([]);
	});

	it('has every state: draft, sent, signed by one party (either), signed by both', async () => {
		const states = await rows<{ status: string; signatures: number }>(
			`SELECT g.status, (SELECT count(*) FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version) AS signatures FROM agreements g`
		);
		const has = (status: string, signatures: number) => states.some((s) => s.status === status && s.signatures === signatures);
		expect(has('draft', 0)).toBe(true);
		expect(has('awaiting_signatures', 0)).toBe(true);
		expect(has('awaiting_signatures', 1)).toBe(true);
		expect(has('signed', 2)).toBe(true);
		const oneParty = await rows<{ party: string }>(
			"SELECT DISTINCT s.party FROM agreement_signatures s JOIN agreements g ON g.id = s.agreement_id AND g.status = 'awaiting_signatures' AND s.version = g.version"
		);
		expect(oneParty.map((p) => p.party).sort()).toEqual(['brand', 'creator']);
	});

	it('each audit chain verifies, and a signed agreement carries what signing makes: deliverables, payouts, three sealed PDFs', async () => {
		for (const a of seeded) {
			expect(await agreementChainVerdict({ db: env.DB } as never, { agreementId: a.agreementId }), a.state).toMatchObject({ valid: true });
		}
		const signed = seeded.filter((a) => a.state === 'signed');
		expect(signed.length).toBeGreaterThan(0);
		for (const a of signed) {
			const [deliverables, payouts, docs] = await Promise.all([
				rows('SELECT id FROM deliverables WHERE agreement_id = ?1', a.agreementId),
				rows('SELECT id FROM payouts WHERE agreement_id = ?1', a.agreementId),
				rows<{ lang: string }>('SELECT lang FROM agreement_documents WHERE agreement_id = ?1 ORDER BY lang', a.agreementId)
			]);
			expect(deliverables.length).toBeGreaterThan(0);
			expect(payouts.length).toBeGreaterThan(0);
			expect(docs.map((d) => d.lang)).toEqual(['ar', 'en', 'fr']);
		}
	});

	it('a sealed demo PDF verifies as the app’s own seal', async () => {
		const a = seeded.find((x) => x.state === 'signed')!;
		const key = await env.DB.prepare("SELECT r2_key AS k FROM agreement_documents WHERE agreement_id = ?1 AND lang = 'fr'").bind(a.agreementId).first<{ k: string }>();
		const object = await env.FILES.get(key!.k);
		const bytes = await object!.arrayBuffer();
		const res = await new Client().call('/verify', { method: 'POST', body: bytes, headers: { 'content-type': 'application/pdf' } });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ valid: true, agreementId: a.agreementId });
	});

	it('the creators were told in their inbox: “agreement sent” for each sent one', async () => {
		const sent = seeded.filter((a) => a.state !== 'draft');
		for (const a of sent) {
			const n = await rows(
				"SELECT n.id FROM notifications n JOIN creators c ON c.user_id = n.user_id WHERE c.id = ?1 AND n.kind = 'agreement_sent' AND json_extract(n.payload, '$.agreementId') = ?2",
				a.creatorId,
				a.agreementId
			);
			expect(n.length, a.state).toBe(1);
		}
	});

	it('carries a few signed agreements to the end, so the matches show track records with real numbers (issue 16)', async () => {
		const completed = seeded.filter((a) => a.completed);
		expect(completed.length).toBe(COMPLETED_AGREEMENTS);
		for (const a of completed) {
			const open = await rows("SELECT id FROM deliverables WHERE agreement_id = ?1 AND status <> 'done'", a.agreementId);
			expect(open, a.agreementId).toEqual([]);
			const [track] = await rows<{ campaigns: number; published: number; on_time: number; disclosed: number; views_ratio: number; orders: number }>(
				'SELECT * FROM creator_track_records WHERE creator_id = ?1',
				a.creatorId
			);
			// Two reels per completed agreement, published early with the agreed disclosure.
			const campaigns = completed.filter((x) => x.creatorId === a.creatorId).length;
			expect(track).toMatchObject({ campaigns, published: 2 * campaigns, on_time: 2 * campaigns, disclosed: 2 * campaigns });
			expect(track.views_ratio).toBeGreaterThan(0);
			expect(track.orders).toBeGreaterThan(0);
		}
		expect(await rows('SELECT creator_id FROM creator_track_records WHERE creator_id NOT IN (SELECT value FROM json_each(?1))', JSON.stringify(completed.map((a) => a.creatorId)))).toEqual([]);
	});

	it('is idempotent: a second run finds nothing left to do', async () => {
		expect(await seedAgreements(env as unknown as Env, { now: Date.now() })).toEqual([]);
	});
});
