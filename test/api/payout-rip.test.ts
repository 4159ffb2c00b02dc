/**
 * The creator's RIP on payouts (issue 13, point 5): the agreement's brand sees it on that
 * creator's due payouts only — in the agreement's list, the payout's detail and /me/payouts —
 * and never on scheduled or paid ones, never the creator's own view, never another brand.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount } from './factories';
import { signedScene } from './deliverables-scene';
import { MARK, listPayouts, ok, step } from './payouts-scene';

const RIP = '00799999001234567803';

describe('the creator’s RIP on payouts', () => {
	it('shown to the brand for the due payout only; null for the scheduled one and once paid; never to the creator', async () => {
		const s = await signedScene();
		await env.DB.prepare('UPDATE creators SET payout_rip = ?2 WHERE id = ?1').bind(s.creator.creatorId, RIP).run();
		const brandView = await listPayouts(s.brand.client, s.agreementId);
		const [due, scheduled] = brandView.payouts as unknown as { id: string; status: string; creatorRip: string | null }[];
		expect([due.status, due.creatorRip]).toEqual(['due', RIP]);
		expect([scheduled.status, scheduled.creatorRip]).toEqual(['scheduled', null]);
		expect(((await listPayouts(s.creator.client, s.agreementId)).payouts as unknown as { creatorRip: string | null }[]).map((p) => p.creatorRip)).toEqual([null, null]);

		const detail = (await (await s.brand.client.call(`/payouts/${due.id}`)).json()) as { payout: { creatorRip: string | null } };
		expect(detail.payout.creatorRip).toBe(RIP);
		const mine = (await (await s.brand.client.call('/me/payouts')).json()) as { payouts: { id: string; creatorRip: string | null }[] };
		expect(mine.payouts.find((p) => p.id === due.id)?.creatorRip).toBe(RIP);
		const creatorMine = (await (await s.creator.client.call('/me/payouts')).json()) as { payouts: { creatorRip: string | null }[] };
		expect(creatorMine.payouts.every((p) => p.creatorRip === null)).toBe(true);

		// Another brand: 404, the RIP nowhere.
		const other = await brandAccount('Autre Marque');
		const foreign = await other.client.call(`/payouts/${due.id}`);
		expect(foreign.status).toBe(404);
		expect(await foreign.text()).not.toContain(RIP);
		const otherMine = await (await other.client.call('/me/payouts?status=all')).text();
		expect(otherMine).not.toContain(RIP);

		// Paid: no longer shown, also in the step's own answer.
		const paid = await ok(await step(s.brand.client, due.id, 'mark-paid', MARK));
		expect((paid.payout as unknown as { creatorRip: string | null }).creatorRip).toBeNull();
	});

	it('held or with a RIP whose key fails: not shown', async () => {
		const s = await signedScene();
		await env.DB.prepare('UPDATE creators SET payout_rip = ?2 WHERE id = ?1').bind(s.creator.creatorId, '00799999001234567804').run();
		const [due] = (await listPayouts(s.brand.client, s.agreementId)).payouts as unknown as { creatorRip: string | null }[];
		expect(due.creatorRip).toBeNull();
		await env.DB.prepare('UPDATE creators SET payout_rip = ?2 WHERE id = ?1').bind(s.creator.creatorId, RIP).run();
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'flagged' WHERE agreement_id = ?1").bind(s.agreementId).run();
		const [held] = (await listPayouts(s.brand.client, s.agreementId)).payouts as unknown as { held: boolean; creatorRip: string | null }[];
		expect([held.held, held.creatorRip]).toEqual([true, null]);
	});
});
