/** Deliverables from the signed terms (issue 11, point 1): created by the second signature, listed, read, audited, isolated. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { count } from './agreements-scene';
import { signedScene, listDeliverables } from './deliverables-scene';
import { agreementScene } from './agreements-scene';

describe('deliverables from the signed terms', () => {
	it('the second signature creates one deliverable per format × count with due dates in Algiers time', async () => {
		const s = await signedScene();
		const list = await listDeliverables(s.creator.client, s.agreementId);
		expect(list.map((d) => [d.seq, d.platform, d.format, d.ordinal, d.status])).toEqual([
			[1, 'instagram', 'reel', 1, 'planned'],
			[2, 'instagram', 'reel', 2, 'planned'],
			[3, 'instagram', 'story', 1, 'planned']
		]);
		// The proposed 12 January first, then the rest spread over the window 10–20 January.
		expect(list.map((d) => d.publishOn)).toEqual(['2027-01-10', '2027-01-12', '2027-01-20']);
		expect(list[1].publishDueAt).toBe('2027-01-12T23:00:00.000Z');
		expect(list[1].dueAt).toBe(list[1].publishDueAt);
		expect(list[1].draftDueAt).toBe('2027-01-09T23:00:00.000Z');
		expect(list[0].next).toEqual({ party: 'creator', step: 'submit_draft', dueAt: list[0].draftDueAt, late: false });
		expect(list[0].correctionRounds).toBe(1);
		// The brand sees the same list.
		expect((await listDeliverables(s.brand.client, s.agreementId)).map((d) => d.id)).toEqual(list.map((d) => d.id));
	});

	it('writes the planning on the audit chain, which stays valid', async () => {
		const s = await signedScene();
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/audit`);
		const trail = (await res.json()) as { events: { action: string; data: { deliverables?: { id: string }[] } }[]; chainValid: boolean };
		expect(trail.chainValid).toBe(true);
		const actions = trail.events.map((e) => e.action);
		expect(actions.slice(-3)).toEqual(['completed', 'deliverables_planned', 'payouts_planned']);
		const ids = (await listDeliverables(s.brand.client, s.agreementId)).map((d) => d.id);
		expect(trail.events.at(-2)!.data.deliverables!.map((d) => d.id)).toEqual(ids);
	});

	it('an agreement not yet signed has none', async () => {
		const s = await agreementScene();
		expect(await listDeliverables(s.brand.client, s.agreementId)).toEqual([]);
		expect(await count('SELECT count(*) AS n FROM deliverables WHERE agreement_id = ?1', s.agreementId)).toBe(0);
	});

	it('an agreement signed before deliverables existed gets them planned once, on first read', async () => {
		const s = await signedScene();
		// Before deliverables (and payouts, planned after them) existed: neither rows nor planning events. The ledger is
		// append-only (its obligation stays, unread here).
		await env.DB.batch([
			env.DB.prepare('DELETE FROM deliverables WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare('DELETE FROM payouts WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare("DELETE FROM agreement_events WHERE agreement_id = ?1 AND action IN ('deliverables_planned', 'payouts_planned')").bind(s.agreementId)
		]);
		const [a, b] = await Promise.all([listDeliverables(s.creator.client, s.agreementId), listDeliverables(s.brand.client, s.agreementId)]);
		expect(a.map((d) => d.id)).toEqual(b.map((d) => d.id));
		expect(a).toHaveLength(3);
		expect(await count('SELECT count(*) AS n FROM deliverables WHERE agreement_id = ?1', s.agreementId)).toBe(3);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'deliverables_planned'", s.agreementId)).toBe(1);
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean };
		expect(trail.chainValid).toBe(true);
	});

	it('reads one deliverable with the terms that govern it', async () => {
		const s = await signedScene();
		const [first] = await listDeliverables(s.creator.client, s.agreementId);
		const res = await s.creator.client.call(`/deliverables/${first.id}`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { party: string; deliverable: { id: string }; terms: { reviewDays: number; disclosure: { hashtags: string[] } }; submissions: unknown[]; stats: unknown };
		expect(body.party).toBe('creator');
		expect(body.deliverable.id).toBe(first.id);
		expect(body.terms.reviewDays).toBe(2);
		expect(body.terms.disclosure.hashtags).toContain('#sponsorisé');
		expect(body.submissions).toEqual([]);
		expect(body.stats).toEqual({ D1: null, D7: null });
	});

	it('another brand, another creator and strangers get 404 for the list and the deliverable', async () => {
		const s = await signedScene();
		const [first] = await listDeliverables(s.brand.client, s.agreementId);
		const otherBrand = await brandAccount('Maison Rivale Oran');
		const otherCreator = await creatorAccount(env, 'Autre Créatrice');
		for (const client of [otherBrand.client, otherCreator.client]) {
			expect((await client.call(`/agreements/${s.agreementId}/deliverables`)).status).toBe(404);
			expect((await client.call(`/deliverables/${first.id}`)).status).toBe(404);
		}
		expect((await s.brand.client.call('/deliverables/does-not-exist')).status).toBe(404);
		expect((await s.brand.client.call('/deliverables/..%2F..%2Fadmin')).status).toBe(404);
	});
});
