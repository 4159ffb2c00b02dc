/**
 * Target age bands of a campaign (optional; [] = all ages): stored in campaigns.age_bands,
 * returned youngest first, validated against AGE_BANDS, cleared with [].
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, signUp } from './helpers';

const DAY = 86_400_000;
const isoIn = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const body = (over: Record<string, unknown> = {}) => ({
	title: 'Crèmes solaires : la routine été',
	objective: 'whatsapp_sales',
	formats: ['reel'],
	wilayas: ['16'],
	niches: ['beauty'],
	applyBy: isoIn(5),
	startsAt: isoIn(7),
	endsAt: isoIn(20),
	...over
});

const row = (id: string) => env.DB.prepare('SELECT * FROM campaigns WHERE id = ?1').bind(id).first<Record<string, unknown>>();
const count = async () => (await env.DB.prepare('SELECT count(*) AS n FROM campaigns').first<{ n: number }>())!.n;

async function create(client: Client, over: Record<string, unknown> = {}) {
	const res = await client.call('/campaigns', { json: body(over) });
	expect(res.status, await res.clone().text()).toBe(201);
	return ((await res.json()) as { campaign: { id: string; ageBands: string[] } }).campaign;
}

const invalid = (errors: { path: string; message: string }[], detail = 'Certains champs sont invalides.') => ({
	type: 'about:blank',
	title: 'Invalid request',
	status: 400,
	code: 'invalid_request',
	detail,
	errors,
	requestId: expect.any(String)
});

const UNKNOWN = 'Tranche d’âge inconnue : 13-17, 18-24, 25-34, 35-44, 45-54 ou 55+.';

describe('campaign target age bands', () => {
	let brand: Client;
	beforeAll(async () => {
		brand = (await signUp({ role: 'brand', name: 'Boutique Yasmine' })).client;
	});

	it('are stored and returned youngest first, for the brand and for creators', async () => {
		const campaign = await create(brand, { ageBands: ['35-44', '18-24'] });
		expect(campaign.ageBands).toEqual(['18-24', '35-44']);
		expect((await row(campaign.id))!.age_bands).toBe('["18-24","35-44"]');
		const read = (await (await brand.call(`/campaigns/${campaign.id}`)).json()) as { campaign: { ageBands: string[] } };
		expect(read.campaign.ageBands).toEqual(['18-24', '35-44']);
		// Creators see them on an open offer: they are part of who the brand wants to reach.
		expect((await brand.call(`/campaigns/${campaign.id}/publish`, { method: 'POST' })).status).toBe(200);
		const { client: creator } = await signUp({ role: 'creator' });
		const seen = (await (await creator.call(`/campaigns/${campaign.id}`)).json()) as { campaign: { ageBands: string[] } };
		expect(seen.campaign.ageBands).toEqual(['18-24', '35-44']);
	});

	it('default to none (all ages) when left out', async () => {
		const campaign = await create(brand);
		expect(campaign.ageBands).toEqual([]);
		expect((await row(campaign.id))!.age_bands).toBe('[]');
	});

	const cases: { name: string; ageBands: unknown; errors: { path: string; message: string }[] }[] = [
		{ name: 'an unknown band', ageBands: ['18-24', '18-25'], errors: [{ path: 'ageBands.1', message: UNKNOWN }] },
		{ name: 'a number', ageBands: [18], errors: [{ path: 'ageBands.0', message: UNKNOWN }] },
		{ name: 'a band twice', ageBands: ['25-34', '25-34'], errors: [{ path: 'ageBands', message: 'La liste contient des doublons.' }] },
		{ name: 'a string instead of a list', ageBands: '18-24', errors: [{ path: 'ageBands', message: 'Valeur invalide.' }] },
		{ name: 'null', ageBands: null, errors: [{ path: 'ageBands', message: 'Valeur invalide.' }] }
	];
	for (const c of cases) {
		it(`refuse ${c.name} with the field path, creating nothing`, async () => {
			const before = await count();
			const res = await brand.call('/campaigns', { json: body({ ageBands: c.ageBands }) });
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual(invalid(c.errors));
			expect(await count()).toBe(before);
		});
	}

	it('refuse more than the six bands there are', async () => {
		const res = await brand.call('/campaigns', { json: body({ ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+', '13-17'] }) });
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string; message: string }[] };
		expect(problem.errors).toContainEqual({ path: 'ageBands', message: 'Liste trop longue.' });
	});

	it('answer in Arabic when asked', async () => {
		const res = await brand.call('/campaigns?lang=ar', { json: body({ ageBands: ['adults'] }) });
		expect(await res.json()).toEqual(
			invalid(
				[{ path: 'ageBands.0', message: 'فئة عمرية غير معروفة: \u206613-17\u2069 أو \u206618-24\u2069 أو \u206625-34\u2069 أو \u206635-44\u2069 أو \u206645-54\u2069 أو 55+.' }],
				'بعض الحقول غير صالحة.'
			)
		);
	});

	it('PATCH sets them, keeps them when left out, clears them with [], and changes nothing when refused', async () => {
		const { id } = await create(brand);
		const set = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { ageBands: ['55+', '45-54'] } });
		expect(set.status).toBe(200);
		expect(((await set.json()) as { campaign: { ageBands: string[] } }).campaign.ageBands).toEqual(['45-54', '55+']);

		const other = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { title: 'Nouveau titre' } });
		expect(((await other.json()) as { campaign: { ageBands: string[] } }).campaign.ageBands).toEqual(['45-54', '55+']);

		const before = await row(id);
		const bad = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { title: 'Encore un titre', ageBands: ['13-17', '60+'] } });
		expect(await bad.json()).toEqual(invalid([{ path: 'ageBands.1', message: UNKNOWN }]));
		expect(await row(id)).toEqual(before);

		const cleared = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { ageBands: [] } });
		expect(cleared.status).toBe(200);
		expect(((await cleared.json()) as { campaign: { ageBands: string[] } }).campaign.ageBands).toEqual([]);
		expect((await row(id))!.age_bands).toBe('[]');
	});

	it('another brand gets 404 and a creator 403 when setting them, and nothing changes', async () => {
		const { id } = await create(brand, { ageBands: ['18-24'] });
		const before = await row(id);
		const { client: rival } = await signUp({ role: 'brand', name: 'Concurrent' });
		expect((await rival.call(`/campaigns/${id}`, { method: 'PATCH', json: { ageBands: [] } })).status).toBe(404);
		const { client: creator } = await signUp({ role: 'creator' });
		expect((await creator.call(`/campaigns/${id}`, { method: 'PATCH', json: { ageBands: [] } })).status).toBe(403);
		expect(await row(id)).toEqual(before);
	});
});
