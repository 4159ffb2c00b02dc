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
		const today = new Date().toISOString().slice(0, 10);
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
		const today = new Date().toISOString().slice(0, 10);
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
