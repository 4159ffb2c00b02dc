/**
 * Orders of a campaign (issue 12, point 4, API): one from the staff form or a CSV, each
 * credited to at most one creator by the attribution rule, stored once per brand and order
 * reference (a new delivery status updates it, the same one is a duplicate), with row errors.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { count } from './agreements-scene';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { signedScene } from './deliverables-scene';
import type { Client } from './helpers';
import { algiersDay } from '../../worker/domain/application-rules';

interface Conversion {
	result: string;
	conversion: { orderRef: string; creator: { id: string; displayName: string } | null; attributedBy: string | null; deliveryStatus: string; amountDzd: number };
}
interface Imported {
	preview: boolean;
	imported: number;
	updated: number;
	duplicates: number;
	unattributed: number;
	rows: { orderRef: string; result: string; creator: string | null; attributedBy: string | null }[];
	rejected: { line: number; column: string; message: string }[];
}

const order = (client: Client, campaignId: string, body: Record<string, unknown>) => client.call(`/campaigns/${campaignId}/conversions`, { json: body });
const csv = (client: Client, campaignId: string, text: string, query = '') =>
	client.call(`/campaigns/${campaignId}/conversions${query}`, { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } });

describe('an order from the staff form', () => {
	it('credits the creator whose code the customer gave, once per order reference; a new status updates it', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const res = await order(s.brand.client, s.campaignId, { source: 'code', ref: 'nourio', channel: 'whatsapp', amountDzd: 4500, orderRef: 'A-1001', deliveryStatus: 'pending' });
		expect(res.status).toBe(201);
		const first = (await res.json()) as Conversion;
		expect(first.conversion).toMatchObject({ orderRef: 'A-1001', attributedBy: 'code', deliveryStatus: 'pending', amountDzd: 4500 });
		expect(first.conversion.creator!.displayName).toBe('Nour Beauty');

		const delivered = await order(s.brand.client, s.campaignId, { source: 'code', ref: 'NOUR10', channel: 'whatsapp', amountDzd: 4500, orderRef: 'A-1001', deliveryStatus: 'delivered' });
		expect(delivered.status).toBe(200);
		expect(((await delivered.json()) as Conversion).result).toBe('update');
		const again = await order(s.brand.client, s.campaignId, { source: 'code', ref: 'NOUR10', channel: 'whatsapp', amountDzd: 4500, orderRef: 'A-1001', deliveryStatus: 'delivered' });
		expect(((await again.json()) as Conversion).result).toBe('duplicate');
		expect(await count("SELECT count(*) AS n FROM conversions WHERE order_ref = 'A-1001' AND delivery_status = 'delivered'")).toBe(1);
	});

	it('three taps: the staff picks the creator and the amount; a reference is made when none is typed', async () => {
		const s = await signedScene({ creatorName: 'Sara Mode' });
		const res = await order(s.brand.client, s.campaignId, { source: 'asked', creatorId: s.creator.creatorId, channel: 'store', amountDzd: 2800 });
		expect(res.status).toBe(201);
		const c = ((await res.json()) as Conversion).conversion;
		expect(c.orderRef).toMatch(/^W-[A-Z2-9]{8}$/);
		expect(c).toMatchObject({ attributedBy: 'asked', creator: { id: s.creator.creatorId } });
		// A creator without a signed agreement for this campaign is refused, and nothing is written.
		const stranger = await creatorAccount(env, 'Créatrice Inconnue');
		const refused = await order(s.brand.client, s.campaignId, { source: 'asked', creatorId: stranger.creatorId, channel: 'store', amountDzd: 2800, orderRef: 'S-1' });
		expect(refused.status).toBe(400);
		expect(await count("SELECT count(*) AS n FROM conversions WHERE order_ref = 'S-1'")).toBe(0);
	});

	it('credits the link clicked in the 30 days before the order, and only those', async () => {
		const s = await signedScene({ creatorName: 'Lina Looks' });
		const { link } = (await (await s.brand.client.call(`/agreements/${s.agreementId}/codes`)).json()) as { link: string };
		const slug = link.slice(3);
		const day = 24 * 3600 * 1000;
		const at = Date.parse('2026-11-20T12:00:00.000Z');
		const click = (id: string, t: number) =>
			env.DB.prepare("INSERT INTO link_clicks (id, slug, campaign_id, creator_id, at, device, visitor_hash) VALUES (?1, ?2, ?3, ?4, ?5, 'mobile', ?1)").bind(
				id,
				slug,
				s.campaignId,
				s.creator.creatorId,
				t
			);
		// Clicks before the 30 days and after the order explain nothing.
		await env.DB.batch([click('old', at - 31 * day), click('later', at + 3600 * 1000)]);
		const body = (orderRef: string) => ({ source: 'link', ref: link, channel: 'whatsapp', amountDzd: 3900, orderRef, at: new Date(at).toISOString() });
		const none = await order(s.brand.client, s.campaignId, body('L-1'));
		expect(none.status).toBe(201);
		expect(((await none.json()) as Conversion).conversion).toMatchObject({ creator: null, attributedBy: null });
		// Many clicks inside the window (each order reads one per link): the next order is credited.
		await env.DB.batch(Array.from({ length: 60 }, (_, i) => click(`in-${i}`, at - (i + 1) * 3600 * 1000)));
		const credited = await order(s.brand.client, s.campaignId, body('L-2'));
		expect(credited.status).toBe(201);
		expect(((await credited.json()) as Conversion).conversion).toMatchObject({ attributedBy: 'link', creator: { id: s.creator.creatorId, displayName: 'Lina Looks' } });
	});

	it('an order nothing explains is kept, unattributed', async () => {
		const s = await signedScene();
		const res = await order(s.brand.client, s.campaignId, { ref: 'ma cousine', channel: 'shop', amountDzd: 1500, orderRef: 'U-1' });
		expect(res.status).toBe(201);
		expect(((await res.json()) as Conversion).conversion).toMatchObject({ creator: null, attributedBy: null });
	});

	it('refuses bad input with field errors, another campaign’s reference with 409, and other tenants with 404/403', async () => {
		const s = await signedScene();
		for (const [body, path] of [
			[{ channel: 'fax', amountDzd: 10 }, 'channel'],
			[{ channel: 'shop', amountDzd: 12.5 }, 'amountDzd'],
			[{ channel: 'shop', amountDzd: -1 }, 'amountDzd'],
			[{ channel: 'shop', amountDzd: 10, source: 'tv' }, 'source'],
			[{ channel: 'shop', amountDzd: 10, orderRef: 'A\u202e1' }, 'orderRef'],
			[{ channel: 'shop', amountDzd: 10, at: 'hier' }, 'at']
		] as const) {
			const res = await order(s.brand.client, s.campaignId, body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
		}
		const otherCampaign = await createCampaign(env, { brandId: s.brand.brandId, title: 'Autre campagne', formats: ['reel'] });
		expect((await order(s.brand.client, otherCampaign, { channel: 'shop', amountDzd: 100, orderRef: 'X-1' })).status).toBe(201);
		const clash = await order(s.brand.client, s.campaignId, { channel: 'shop', amountDzd: 100, orderRef: 'X-1' });
		expect(clash.status).toBe(409);
		const other = await brandAccount('Marque Voisine');
		expect((await order(other.client, s.campaignId, { channel: 'shop', amountDzd: 100 })).status).toBe(404);
		expect((await order(s.creator.client, s.campaignId, { channel: 'shop', amountDzd: 100 })).status).toBe(403);
		expect(await count('SELECT count(*) AS n FROM conversions WHERE campaign_id = ?1', s.campaignId)).toBe(0);
	});
});

describe('the orders CSV', () => {
	const file = (lines: string[]) => ['orderRef,ref,amountDzd,channel,at,deliveryStatus', ...lines].join('\n');

	it('preview writes nothing and says whom each order credits; the import merges known references', async () => {
		const s = await signedScene({ creatorName: 'Amel Soins' });
		// The order's day as the brand's sheet writes it: Algiers time (from 23:00 UTC it is already tomorrow there).
		const today = algiersDay(Date.now());
		const text = file([
			`C-1,AMEL10,4500,whatsapp,${today},delivered`,
			`C-2,insta-amel,3000,dm,${today},pending`,
			`C-3,@amel_soins,2000,shop,${today},returned`,
			`C-4,,1000,shop,${today},delivered`,
			`C-2,insta-amel,3000,dm,${today},delivered`
		]);
		const preview = await csv(s.brand.client, s.campaignId, text, '?mode=preview');
		expect(preview.status).toBe(200);
		const p = (await preview.json()) as Imported;
		expect(p.preview).toBe(true);
		expect(p.rows.map((r) => [r.orderRef, r.result, r.attributedBy])).toEqual([
			['C-1', 'insert', 'code'],
			['C-2', 'insert', 'keyword'],
			['C-3', 'insert', 'asked'],
			['C-4', 'insert', null],
			['C-2', 'update', 'keyword']
		]);
		expect(await count('SELECT count(*) AS n FROM conversions WHERE campaign_id = ?1', s.campaignId)).toBe(0);

		const res = await csv(s.brand.client, s.campaignId, text);
		expect(res.status).toBe(200);
		const out = (await res.json()) as Imported;
		expect([out.imported, out.updated, out.duplicates, out.unattributed]).toEqual([4, 1, 0, 1]);
		expect(await count("SELECT count(*) AS n FROM conversions WHERE campaign_id = ?1 AND order_ref = 'C-2' AND delivery_status = 'delivered'", s.campaignId)).toBe(1);
		// The same file again: nothing new; C-1, C-3 and C-4 repeat (duplicates), C-2's two lines change its stored status twice (updates).
		const again = (await (await csv(s.brand.client, s.campaignId, text)).json()) as Imported;
		expect([again.imported, again.updated, again.duplicates]).toEqual([0, 2, 3]);
	});

	it('a file with bad rows is 422 with each line and column, and nothing is saved; ?importValid=1 imports the good rows', async () => {
		const s = await signedScene();
		// The order's day as the brand's sheet writes it: Algiers time (from 23:00 UTC it is already tomorrow there).
		const today = algiersDay(Date.now());
		const text = file([`E-1,NOUR10,4500,whatsapp,${today},delivered`, `E-2,NOUR10,beaucoup,whatsapp,${today},delivered`, `E-3,NOUR10,100,fax,${today},perdu`]);
		const res = await csv(s.brand.client, s.campaignId, text);
		expect(res.status).toBe(422);
		const problem = (await res.json()) as { errors: { line: number; column: string; message: string }[] };
		expect(problem.errors.map((e) => [e.line, e.column])).toEqual([
			[3, 'amountDzd'],
			[4, 'channel'],
			[4, 'deliveryStatus']
		]);
		expect(problem.errors[0].message).toMatch(/dinars entiers/);
		expect(await count('SELECT count(*) AS n FROM conversions WHERE campaign_id = ?1', s.campaignId)).toBe(0);
		const partial = (await (await csv(s.brand.client, s.campaignId, text, '?importValid=1')).json()) as Imported;
		expect(partial.imported).toBe(1);
		expect(partial.rejected.map((r) => r.line)).toEqual([3, 4, 4]);
	});
});

describe('the intention log and the sales desk (issue 12, points 4 and 5)', () => {
	interface Desk {
		creators: { id: string; promoCode: string | null; keyword: string | null; link: string | null; live: boolean; intentions: Record<'asked' | 'whatsapp' | 'dm', { today: number; total: number }> }[];
		orders: { orderRef: string; creatorName: string | null; deliveryStatus: string }[];
		total: number;
	}
	const tap = (client: Client, campaignId: string, body: Record<string, unknown>) => client.call(`/campaigns/${campaignId}/intentions`, { json: body });

	it('one tap records an answer or a conversation for a creator; the desk tallies them today and in total', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		for (const kind of ['whatsapp', 'whatsapp', 'asked', 'dm']) expect((await tap(s.brand.client, s.campaignId, { creatorId: s.creator.creatorId, kind })).status).toBe(201);
		expect((await tap(s.brand.client, s.campaignId, { creatorId: s.creator.creatorId, kind: 'dm', at: new Date(Date.now() - 3 * 86_400_000).toISOString() })).status).toBe(201);
		expect((await order(s.brand.client, s.campaignId, { source: 'code', ref: 'NOUR10', channel: 'whatsapp', amountDzd: 4500, orderRef: 'D-1' })).status).toBe(201);
		const res = await s.brand.client.call(`/campaigns/${s.campaignId}/sales`);
		expect(res.status).toBe(200);
		const desk = (await res.json()) as Desk;
		expect(desk.creators).toHaveLength(1);
		expect(desk.creators[0]).toMatchObject({ id: s.creator.creatorId, promoCode: 'NOUR10', keyword: 'INSTA-NOUR', live: true });
		expect(desk.creators[0].link).toMatch(/^\/l\/[a-z2-9]{8}$/);
		expect(desk.creators[0].intentions).toEqual({ asked: { today: 1, total: 1 }, whatsapp: { today: 2, total: 2 }, dm: { today: 1, total: 2 } });
		expect(desk.orders.map((o) => [o.orderRef, o.creatorName])).toEqual([['D-1', 'Nour Beauty']]);
		expect(desk.total).toBe(1);
	});

	it('refuses a creator of another campaign, an unknown kind, and other tenants', async () => {
		const s = await signedScene();
		const elsewhere = await signedScene();
		const before = await count('SELECT count(*) AS n FROM intentions');
		expect((await tap(s.brand.client, s.campaignId, { creatorId: elsewhere.creator.creatorId, kind: 'dm' })).status).toBe(400);
		expect((await tap(s.brand.client, s.campaignId, { creatorId: s.creator.creatorId, kind: 'phone' })).status).toBe(400);
		expect((await tap(elsewhere.brand.client, s.campaignId, { creatorId: s.creator.creatorId, kind: 'dm' })).status).toBe(404);
		expect((await s.creator.client.call(`/campaigns/${s.campaignId}/sales`)).status).toBe(403);
		expect((await elsewhere.brand.client.call(`/campaigns/${s.campaignId}/sales`)).status).toBe(404);
		expect(await count('SELECT count(*) AS n FROM intentions')).toBe(before);
	});
});

describe('GET /campaigns/:id/report (issue 12, point 6: the numbers)', () => {
	it('reads the latest D+7 figures, clicks, conversations and delivered orders, and what each cost', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const fee = (await (await s.brand.client.call(`/agreements/${s.agreementId}`)).json()) as { agreement: { terms: { fee: { amountDzd: number } } } };
		expect(fee.agreement.terms.fee.amountDzd).toBe(25_000);
		const pieces = ((await (await s.brand.client.call(`/agreements/${s.agreementId}/deliverables`)).json()) as { deliverables: { id: string; format: string }[] }).deliverables;
		const [reel] = pieces;
		const story = pieces.find((p) => p.format === 'story')!;
		const now = Date.now();
		const stat = (window: string, views: number) =>
			env.DB.prepare(
				"INSERT INTO deliverable_stats (deliverable_id, window, views, reach, likes, comments, saves, shares, replies, link_clicks, status, submitted_at, updated_at) VALUES (?1, ?2, ?3, 900, 80, 12, 30, 9, 4, 20, 'approved', ?4, ?4)"
			).bind(reel.id, window, views, now);
		const { link } = (await (await s.brand.client.call(`/agreements/${s.agreementId}/codes`)).json()) as { link: string };
		const slug = link.slice(3);
		// Fixture: one D+1 and one D+7 window (the D+7 figures count), and 4 counted clicks (the link route is tested in tracked-links.test.ts).
		await env.DB.batch([
			stat('D1', 1_000),
			stat('D7', 2_500),
			// The story's D+1: 400 views, 100 exits (completion 0.75), no replies.
			env.DB.prepare(
				"INSERT INTO deliverable_stats (deliverable_id, window, views, reach, likes, comments, saves, shares, replies, link_clicks, navigation, exits, status, submitted_at, updated_at) VALUES (?1, 'D1', 400, 300, 0, 0, 0, 0, 0, 0, 50, 100, 'approved', ?2, ?2)"
			).bind(story.id, now),
			...[1, 2, 3, 4].map((i) =>
				env.DB.prepare("INSERT INTO link_clicks (id, slug, campaign_id, creator_id, at, device, visitor_hash) VALUES (?1, ?2, ?3, ?4, ?5, 'mobile', ?6)").bind(
					`click-${slug}-${i}`,
					slug,
					s.campaignId,
					s.creator.creatorId,
					now,
					`v${i}`
				)
			)
		]);
		for (const kind of ['whatsapp', 'whatsapp', 'dm', 'asked']) await s.brand.client.call(`/campaigns/${s.campaignId}/intentions`, { json: { creatorId: s.creator.creatorId, kind } });
		await order(s.brand.client, s.campaignId, { ref: 'NOUR10', channel: 'whatsapp', amountDzd: 9_000, orderRef: 'R-1' });
		await order(s.brand.client, s.campaignId, { ref: 'INSTA-NOUR', channel: 'dm', amountDzd: 7_001, orderRef: 'R-2' });
		await order(s.brand.client, s.campaignId, { ref: 'NOUR10', channel: 'shop', amountDzd: 5_000, orderRef: 'R-3', deliveryStatus: 'returned' });
		await order(s.brand.client, s.campaignId, { ref: 'personne', channel: 'store', amountDzd: 1_500, orderRef: 'R-4' });

		const res = await s.brand.client.call(`/campaigns/${s.campaignId}/report`);
		expect(res.status).toBe(200);
		const r = (await res.json()) as {
			totals: { unattributedOrders: number; conversion: { orders: number; revenueDzd: number } };
			creators: {
				attention: { views: number; reported: number; deliverables: number };
				intention: Record<string, number>;
				conversion: Record<string, number | null>;
				costs: Record<string, number | null>;
				recommendation: { keep: boolean; reasons: { message: string }[] };
			}[];
		};
		const c = r.creators[0];
		expect(c.attention).toMatchObject({ views: 2_900, completion: 0.75, reported: 2, deliverables: 3 });
		expect(c.intention).toEqual({ clicks: 4, storyReplies: 4, whatsapp: 2, dms: 1, asked: 1, conversations: 3 });
		// Delivered: 9 000 + 7 001 = 16 001 over 2; one return of 3.
		expect(c.conversion).toEqual({ orders: 2, revenueDzd: 16_001, averageBasketDzd: 8_000, codeUses: 3, returned: 1, pending: 0, returnRate: 0.33 });
		// 25 000 / 4 = 6 250; / 3 = 8 333; / 2 = 12 500; 16 001 / 25 000 = 0.64.
		expect(c.costs).toEqual({ feeDzd: 25_000, costPerClickDzd: 6_250, costPerConversationDzd: 8_333, costPerOrderDzd: 12_500, revenueOverFee: 0.64 });
		expect(c.recommendation.keep).toBe(false);
		expect(c.recommendation.reasons[0].message).toBe('Seulement 2 ventes livrées (il en faut au moins 3).');
		expect(r.totals).toMatchObject({ unattributedOrders: 1, conversion: { orders: 3, revenueDzd: 17_501 } });
		// Another brand and the creator cannot read it.
		expect((await (await brandAccount('Marque Curieuse')).client.call(`/campaigns/${s.campaignId}/report`)).status).toBe(404);
		expect((await s.creator.client.call(`/campaigns/${s.campaignId}/report`)).status).toBe(403);
	});
});

describe('the campaign journal in the report (issue 12, point 6)', () => {
	it('puts the publication hour next to the clicks, conversations and delivered orders of each hour', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const [reel] = ((await (await s.brand.client.call(`/agreements/${s.agreementId}/deliverables`)).json()) as { deliverables: { id: string }[] }).deliverables;
		const { link } = (await (await s.brand.client.call(`/agreements/${s.agreementId}/codes`)).json()) as { link: string };
		const slug = link.slice(3);
		const t = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00Z`);
		// Fixture: the reel went online at 18:05 (the publication flow is tested in deliverable-publication.test.ts), 3 clicks that hour, 1 at 20:40.
		await env.DB.batch([
			env.DB.prepare('UPDATE deliverables SET published_at = ?1 WHERE id = ?2').bind(t('18:05'), reel.id),
			...['18:10', '18:20', '18:59', '20:40'].map((hhmm, i) =>
				env.DB.prepare("INSERT INTO link_clicks (id, slug, campaign_id, creator_id, at, device, visitor_hash) VALUES (?1, ?2, ?3, ?4, ?5, 'mobile', ?6)").bind(
					`j-${slug}-${i}`,
					slug,
					s.campaignId,
					s.creator.creatorId,
					t(hhmm),
					`v${i}`
				)
			)
		]);
		for (const [kind, hhmm] of [
			['whatsapp', '19:15'],
			['dm', '19:30'],
			['asked', '19:45']
		])
			await s.brand.client.call(`/campaigns/${s.campaignId}/intentions`, { json: { creatorId: s.creator.creatorId, kind, at: new Date(t(hhmm)).toISOString() } });
		await order(s.brand.client, s.campaignId, { ref: 'NOUR10', channel: 'whatsapp', amountDzd: 4_000, orderRef: 'J-1', at: new Date(t('20:10')).toISOString() });
		await order(s.brand.client, s.campaignId, { ref: 'NOUR10', channel: 'whatsapp', amountDzd: 4_000, orderRef: 'J-2', at: new Date(t('20:20')).toISOString(), deliveryStatus: 'pending' });

		const r = (await (await s.brand.client.call(`/campaigns/${s.campaignId}/report`)).json()) as {
			journal: { bucketHours: number; buckets: { at: string; clicks: number; conversations: number; orders: number }[]; publications: { at: string; creatorId: string; format: string }[] };
		};
		expect(r.journal.bucketHours).toBe(1);
		expect(r.journal.publications).toEqual([{ at: '2026-12-01T18:05:00.000Z', creatorId: s.creator.creatorId, format: 'reel' }]);
		// "asked" is an answer, not a conversation; the pending order is not a sale yet.
		expect(r.journal.buckets).toEqual([
			{ at: '2026-12-01T18:00:00.000Z', clicks: 3, conversations: 0, orders: 0 },
			{ at: '2026-12-01T19:00:00.000Z', clicks: 0, conversations: 2, orders: 0 },
			{ at: '2026-12-01T20:00:00.000Z', clicks: 1, conversations: 0, orders: 1 }
		]);
	});
});

describe('GET /campaigns/:id/report.csv', () => {
	it('downloads the report as CSV with a byte-order mark, for the brand only', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		await order(s.brand.client, s.campaignId, { ref: 'NOUR10', channel: 'whatsapp', amountDzd: 9_000, orderRef: 'CSV-1' });
		const res = await s.brand.client.call(`/campaigns/${s.campaignId}/report.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="wasla-report-/);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
		expect(lines[0]).toMatch(/^creator,handle,views,/);
		expect(lines[1]).toMatch(/^Nour Beauty,/);
		expect(lines[1].split(',')[13]).toBe('9000');
		expect(lines[2]).toMatch(/^TOTAL,,/);
		expect((await s.creator.client.call(`/campaigns/${s.campaignId}/report.csv`)).status).toBe(403);
		expect((await (await brandAccount('Marque Tierce')).client.call(`/campaigns/${s.campaignId}/report.csv`)).status).toBe(404);
	});
});
