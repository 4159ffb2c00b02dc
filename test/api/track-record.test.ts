/**
 * The track record (issue 16, point 4) through the real routes: a creator's agreement is
 * completed step by step (publications, D+1/D+7 figures, the brand's approvals), orders are
 * recorded, and creator_track_records follows each path; GET /campaigns/:id/matches then
 * scores the sixth criterion from it, and says "no history yet" for a newcomer.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, createCampaign } from './factories';
import { signUp, type Client } from './helpers';
import { DAY, ago, approvedScene, published, report, reviewStats } from './deliverable-flow';
import { deliverableTerms } from './deliverables-scene';
import { formatDecimal } from '../../worker/domain/numbers';
import { algiersDay } from '../../worker/domain/application-rules';

interface TrackRow {
	campaigns: number;
	published: number;
	on_time: number;
	disclosed: number;
	views_ratio: number | null;
	views_compared: number;
	fees_dzd: number;
	orders: number;
	orders_amount_dzd: number;
}

const trackOf = (creatorId: string) => env.DB.prepare('SELECT * FROM creator_track_records WHERE creator_id = ?1').bind(creatorId).first<TrackRow>();

/** Full profile through the API (so the matches' candidate index has the creator), beauty in Algiers, 12 000 followers. */
async function profile(client: Client, name: string) {
	const res = await client.call('/creators/me', {
		method: 'PUT',
		json: {
			displayName: name,
			wilaya: '16',
			niches: ['beauty'],
			accounts: [{ platform: 'instagram', handle: name.toLowerCase().replace(/\W/g, '.'), followers: 12_000 }],
			rates: { reel: 15000 },
			bio: 'Skincare et maquillage'
		}
	});
	expect(res.status, await res.clone().text()).toBe(200);
}

/** The creator's own history: three reels of 1 000, 2 000 and 3 000 views (median 2 000). */
async function history(client: Client) {
	const posts = [1000, 2000, 3000].map((views, i) => ({
		ref: `own-${i}`,
		format: 'reel',
		postedAt: ago((40 + i) * DAY),
		views,
		reach: views,
		likes: 50,
		comments: 5,
		saves: 2,
		shares: 2,
		sponsored: false,
		caption: 'Routine skincare'
	}));
	expect((await client.call('/creators/me/posts', { json: { platform: 'instagram', posts } })).status).toBe(200);
}

const ok = async (res: Response) => expect(res.status, await res.clone().text()).toBe(200);

/** Two reels, all in `approved` (approvedScene), the creator's profile and history in place. */
async function twoReels() {
	const s = await approvedScene({
		shape: (t) => ({ ...deliverableTerms(t), deliverables: [{ platform: 'instagram', format: 'reel', count: 2, storyHighlightHours: null }] })
	});
	await profile(s.creator.client, 'Nour Beauty');
	await history(s.creator.client);
	const [first, second] = s.list;
	return { ...s, first, second };
}

/** D+1 and D+7 reported by the creator and approved by the brand: the deliverable is done. */
async function measure(s: Awaited<ReturnType<typeof twoReels>>, id: string, d7Views: number) {
	await ok(await report(s.creator.client, id, 'D1', { views: d7Views / 2 }));
	await ok(await report(s.creator.client, id, 'D7', { views: d7Views }));
	await ok(await reviewStats(s.brand.client, id, 'D1', 'approve'));
	await ok(await reviewStats(s.brand.client, id, 'D7', 'approve'));
}

const order = (client: Client, campaignId: string, body: Record<string, unknown>) => client.call(`/campaigns/${campaignId}/conversions`, { json: { source: 'asked', channel: 'store', ...body } });

describe('creator_track_records follows what changes it', () => {
	it('nothing until the agreement is completed; then each publication, measurement and order is counted', async () => {
		const s = await twoReels();
		const creatorId = s.creator.creatorId;
		// The second reel was due ten days ago: published eight days ago, it is late; and without the label, flagged.
		await env.DB.prepare('UPDATE deliverables SET publish_due_at = ?2 WHERE id = ?1')
			.bind(s.second.id, Date.now() - 10 * DAY)
			.run();

		await published(s.creator.client, s.first.id);
		await published(s.creator.client, s.second.id, { disclosure: { label: false, hashtag: '#sponsorisé' } });
		expect(await trackOf(creatorId)).toBeNull();

		await measure(s, s.first.id, 4000);
		// One deliverable done, one still published: the agreement is not completed.
		expect(await trackOf(creatorId)).toBeNull();

		await measure(s, s.second.id, 1000);
		const fees = await env.DB.prepare("SELECT sum(amount_dzd) AS n FROM payouts WHERE agreement_id = ?1 AND status <> 'cancelled'").bind(s.agreementId).first<{ n: number }>();
		expect(fees!.n).toBeGreaterThan(0);
		// D+7 views 4 000 and 1 000 against the median of the own reels (2 000; the delivered posts left out): 2× and ½×.
		expect(await trackOf(creatorId)).toMatchObject({ campaigns: 1, published: 2, on_time: 1, disclosed: 1, views_ratio: 1.25, views_compared: 2, fees_dzd: fees!.n, orders: 0 });

		// A delivered order credited to the creator counts; a pending one not yet; its delivery later does.
		await expect(order(s.brand.client, s.campaignId, { creatorId, amountDzd: 5000, orderRef: 'T-1', deliveryStatus: 'delivered' }).then((r) => r.status)).resolves.toBe(201);
		expect(await trackOf(creatorId)).toMatchObject({ orders: 1, orders_amount_dzd: 5000 });
		await expect(order(s.brand.client, s.campaignId, { creatorId, amountDzd: 3000, orderRef: 'T-2', deliveryStatus: 'pending' }).then((r) => r.status)).resolves.toBe(201);
		expect(await trackOf(creatorId)).toMatchObject({ orders: 1, orders_amount_dzd: 5000 });
		await expect(order(s.brand.client, s.campaignId, { creatorId, amountDzd: 3000, orderRef: 'T-2', deliveryStatus: 'delivered' }).then((r) => r.status)).resolves.toBe(200);
		expect(await trackOf(creatorId)).toMatchObject({ orders: 2, orders_amount_dzd: 8000 });

		// The CSV import path too.
		const csv = await s.brand.client.call(`/campaigns/${s.campaignId}/conversions`, {
			method: 'POST',
			body: `orderRef,ref,amountDzd,channel,at,deliveryStatus\nT-1,,5000,shop,${algiersDay(Date.now())},returned\n`,
			headers: { 'content-type': 'text/csv' }
		});
		expect(csv.status, await csv.clone().text()).toBe(200);
		expect(await trackOf(creatorId)).toMatchObject({ orders: 1, orders_amount_dzd: 3000 });
	});
});

describe('GET /campaigns/:id/matches: the sixth criterion', () => {
	it('scores the creator with a completed campaign from the recorded deliverables and orders, and says "no history yet" for a newcomer', async () => {
		const s = await twoReels();
		await published(s.creator.client, s.first.id);
		await published(s.creator.client, s.second.id);
		await measure(s, s.first.id, 4000);
		await measure(s, s.second.id, 4000);
		const fees = (await trackOf(s.creator.creatorId))!.fees_dzd;
		expect((await order(s.brand.client, s.campaignId, { creatorId: s.creator.creatorId, amountDzd: fees, orderRef: 'M-1' })).status).toBe(201);

		const fresh = await signUp({ role: 'creator', name: 'Lina Fresh' });
		await profile(fresh.client, 'Lina Fresh');
		await history(fresh.client);
		const freshId = ((await (await fresh.client.call('/me')).json()) as { creator: { id: string } }).creator.id;

		const brand = await brandAccount('Marque Suivante');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, formats: ['reel'], wilayas: ['16'], niches: ['beauty'] });
		const res = await brand.client.call(`/campaigns/${campaignId}/matches`);
		expect(res.status).toBe(200);
		type Out = { creatorId: string; baseScore: number; criteria: Record<string, { score: number | null; reason: string; confidence: string }> };
		const body = (await res.json()) as { matches: Out[]; weights: Record<string, number> };
		expect(body.weights.trackRecord).toBe(10);
		const veteran = body.matches.find((m) => m.creatorId === s.creator.creatorId)!;
		const newcomer = body.matches.find((m) => m.creatorId === freshId)!;
		// 2/2 on time, 2/2 disclosed, D+7 views 2× the median, one order whose amount equals the fee: 35 + 25 + 20 + 0 = 80.
		expect(veteran.criteria.trackRecord).toMatchObject({
			score: 80,
			confidence: 'medium',
			reason: `1 campagne(s) terminée(s) sur Wasla\u00a0: 2/2 livrables à l’heure, mention du partenariat respectée 2/2, vues J+7 2× sa médiane, ${formatDecimal(fees, 'fr')} DA par commande.`
		});
		expect(newcomer.criteria.trackRecord).toEqual({ score: null, reason: 'Pas encore d’historique sur Wasla (critère laissé hors du total).', confidence: 'low', estimated: false });
		// The newcomer's total is the mean of the five others over their 90 points of weight.
		const five = ['engagement', 'commentQuality', 'affinity', 'partnershipLoad', 'audienceFit'];
		const sum = five.reduce((x, c) => x + body.weights[c] * newcomer.criteria[c].score!, 0);
		expect(newcomer.baseScore).toBe(Math.round((sum / 90) * 10) / 10);

		const en = (await (await brand.client.call(`/campaigns/${campaignId}/matches?lang=en`)).json()) as { matches: Out[] };
		expect(en.matches.find((m) => m.creatorId === freshId)!.criteria.trackRecord.reason).toBe('No history on Wasla yet (criterion left out of the total).');
	});

	it('the weight is tunable; weights sent without it give it 0; another brand cannot touch them', async () => {
		const brand = await brandAccount('Marque Poids');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, formats: ['reel'], wilayas: ['16'], niches: ['beauty'] });
		const six = { engagement: 10, commentQuality: 10, affinity: 10, partnershipLoad: 10, audienceFit: 10, trackRecord: 50 };
		const put = await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: six });
		expect(put.status).toBe(200);
		expect(((await put.json()) as { weights: object }).weights).toEqual(six);
		const five = { engagement: 10, commentQuality: 10, affinity: 10, partnershipLoad: 10, audienceFit: 10 };
		const put5 = await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: five });
		expect(((await put5.json()) as { weights: object }).weights).toEqual({ ...five, trackRecord: 0 });
		for (const bad of [
			{ ...six, trackRecord: 101 },
			{ ...six, trackRecord: 'x' },
			{ ...six, trackRecord: 1.5 }
		]) {
			expect((await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: bad })).status, JSON.stringify(bad)).toBe(400);
		}
		expect(
			(await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: { ...five, engagement: 0, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0 } }))
				.status
		).toBe(400);
		const other = await brandAccount('Autre Poids');
		expect((await other.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: six })).status).toBe(404);
		expect(((await (await brand.client.call(`/campaigns/${campaignId}/match-weights`)).json()) as { weights: object }).weights).toEqual({ ...five, trackRecord: 0 });
	});
});
