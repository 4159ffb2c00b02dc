/**
 * GET /creators/:id/similar (issue 16, point 3): the nearest creators, best first, the
 * source never in its own list, the campaign's hard filters when opened from a campaign,
 * who may call it (brands and admins; a creator 403, a guest 401), 404 for an unknown
 * creator or another brand's campaign with nothing changed, and never a contact, payout or
 * rates field in the JSON.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { creatorTermVector } from '../../worker/domain/affinity';
import type { Niche } from '../../worker/domain/taxonomy';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client } from './helpers';
import { adminClient } from './payouts-scene';
import { changedTables, dbSnapshot } from './db-snapshot';
import { lookAlikeBands, lookAlikeCandidates, LOOK_ALIKE_STEPS, seekLookAlikes, type CandidateQuery } from '../../worker/services/look-alike-sql';

const CAR = ['essai voiture citadine', 'moteur diesel et entretien garage', 'conduite sportive voiture', 'pneus hiver entretien'];
const FOOD = ['recette chorba frik', 'gâteau sans four recette', 'rechta maison cuisine'];

interface Similar {
	creatorId: string;
	similarity: number;
	reason: string;
	reasonFactors: string[];
	factors: Record<string, number>;
	displayName: string;
	handle: string;
	wilaya: string;
	followersTotal: number;
}

interface Made {
	id: string;
	handle: string;
}

let n = 0;
/** A creator with a profile, features and private fields (phone, RIP, rates) written straight to D1. */
async function creator(
	name: string,
	o: { wilaya?: string; niches?: Niche[]; followers?: number; texts?: string[]; reelRate?: number; rates?: Record<string, number>; audience?: Record<string, number> } = {}
): Promise<Made> {
	n += 1;
	const c = await creatorAccount(env, name, {
		wilaya: o.wilaya ?? '47',
		niches: o.niches ?? ['automotive'],
		accounts: [{ platform: 'instagram', handle: `look.${n}`, followers: o.followers ?? 12_000 }],
		features: {
			engagementByFormat: { reel: { posts: 8, engagementRate: o.reelRate ?? 0.07, avgViews: 4000, avgReach: 3000 }, story: { posts: 6, engagementRate: 0.03, avgViews: 800, avgReach: null } },
			commentMix: { positive: 0.4 }
		}
	});
	await env.DB.batch([
		env.DB.prepare("UPDATE creators SET rates = ?2, audience = ?3, bio = ?4, phone = '+213555123456', payout_rip = '00799999000123456789', legal_name = 'Nom Légal' WHERE id = ?1").bind(
			c.creatorId,
			JSON.stringify(o.rates ?? { reel: 15000, story: 6000 }),
			JSON.stringify({ wilayas: o.audience ?? { '47': 0.5, '16': 0.2 } }),
			(o.texts ?? CAR).join('. ')
		),
		env.DB.prepare('UPDATE creator_features SET affinity_terms = ?2 WHERE creator_id = ?1').bind(c.creatorId, JSON.stringify(creatorTermVector(o.texts ?? CAR)))
	]);
	return { id: c.creatorId, handle: c.handle };
}

async function similar(
	client: Client,
	id: string,
	query = ''
): Promise<{ status: number; body: { creators: Similar[]; campaign: { id: string } | null; creator: { id: string } } & Record<string, unknown>; text: string }> {
	const res = await client.call(`/creators/${id}/similar${query}`);
	const text = await res.text();
	return { status: res.status, body: JSON.parse(text) as never, text };
}

describe('creators like this one', () => {
	let brand: Awaited<ReturnType<typeof brandAccount>>;
	let source: Made;
	let twin: Made;
	let cousin: Made;
	let otherTopic: Made;
	let elsewhere: Made;
	let big: Made;
	let storyOnly: Made;
	let campaignId: string;

	beforeAll(async () => {
		brand = await brandAccount('Garage Auto Ouargla');
		source = await creator('Source Auto');
		twin = await creator('Jumeau Auto');
		// Same niche and size, other words and a weaker engagement: further.
		cousin = await creator('Cousin Auto', { texts: FOOD, reelRate: 0.02 });
		// Another niche: outside the prefilter, however close otherwise.
		otherTopic = await creator('Autre Sujet', { niches: ['food'], texts: CAR });
		// Close, but lives in Alger (outside the campaign's wilayas).
		elsewhere = await creator('Ailleurs Auto', { wilaya: '16' });
		// Close, but beyond the campaign's follower range.
		big = await creator('Gros Compte Auto', { followers: 40_000 });
		// Close, but prices only stories (the campaign asks for reels).
		storyOnly = await creator('Stories Auto', { rates: { story: 5000 } });
		campaignId = await createCampaign(env, { brandId: brand.brandId, wilayas: ['47'], niches: ['automotive'], formats: ['reel'], followerMin: 5000, followerMax: 30_000 });
	});

	it('lists the nearest first, never the creator itself, with a reason, for a brand', async () => {
		const { status, body } = await similar(brand.client, source.id);
		expect(status).toBe(200);
		const ids = body.creators.map((c) => c.creatorId);
		expect(ids).not.toContain(source.id);
		expect(ids).not.toContain(otherTopic.id);
		const twinEntry = body.creators.find((c) => c.creatorId === twin.id)!;
		expect(body.creators[0].similarity).toBe(twinEntry.similarity);
		// Equal similarities (the twin and the copies in Alger, at 40 000, stories only): by id.
		const top = body.creators.filter((c) => c.similarity === twinEntry.similarity).map((c) => c.creatorId);
		expect(top).toEqual([...top].sort());
		expect(top).toContain(elsewhere.id);
		expect(ids).toContain(cousin.id);
		expect(ids.indexOf(twin.id)).toBeLessThan(ids.indexOf(cousin.id));
		expect(body.creators.length).toBeLessThanOrEqual(10);
		const sims = body.creators.map((c) => c.similarity);
		expect(sims).toEqual([...sims].sort((a, b) => b - a));
		expect(twinEntry.similarity).toBeGreaterThan(body.creators.find((c) => c.creatorId === cousin.id)!.similarity);
		expect(twinEntry.factors.content).toBe(100);
		expect(twinEntry.reason).toMatch(/^Proche par\u00a0: /);
		expect(twinEntry.reasonFactors[0]).toBe('content');
		expect(twinEntry.reason).toContain('voiture');
		expect(twinEntry.reason).not.toContain('voitur,');
		expect(body.creator.id).toBe(source.id);
		expect(body.campaign).toBeNull();
	});

	it('in the requested language', async () => {
		const { body } = await similar(brand.client, source.id, '?lang=ar');
		expect(body.creators[0].reason).toMatch(/^قريب من حيث: /);
		const en = await similar(brand.client, source.id, '?lang=en');
		expect(en.body.creators[0].reason).toMatch(/^Close in /);
	});

	it('never shows contact, payout, legal or rates data', async () => {
		const { text, body } = await similar(brand.client, source.id);
		expect(body.creators.length).toBeGreaterThan(0);
		for (const secret of ['+213555123456', '00799999000123456789', 'Nom Légal', '15000', 'phone', 'payoutRip', 'rip', 'rates', 'email', 'legal']) expect(text).not.toContain(secret);
	});

	it('opened from a campaign, keeps only creators passing its hard filters', async () => {
		const without = (await similar(brand.client, source.id)).body.creators.map((c) => c.creatorId);
		for (const id of [elsewhere.id, big.id, storyOnly.id]) expect(without).toContain(id);
		const { status, body } = await similar(brand.client, source.id, `?campaignId=${campaignId}`);
		expect(status).toBe(200);
		const ids = body.creators.map((c) => c.creatorId);
		expect(ids).toEqual([twin.id, cousin.id]);
		expect(body.campaign).toEqual({ id: campaignId, title: 'Lancement sérum Blida' });
	});

	it('an admin may filter by any campaign', async () => {
		const admin = await adminClient();
		const { status, body } = await similar(admin, source.id, `?campaignId=${campaignId}`);
		expect(status).toBe(200);
		expect(body.creators.map((c) => c.creatorId)).toEqual([twin.id, cousin.id]);
	});

	it('refuses a guest (401), a creator (403), another brand’s campaign and an unknown creator (404), changing nothing', async () => {
		const stranger = await brandAccount('Autre Marque');
		const creatorClient = (await creatorAccount(env, 'Curieuse')).client;
		const cases: [Client, string, number][] = [
			[new Client(), `/creators/${source.id}/similar`, 401],
			[creatorClient, `/creators/${source.id}/similar`, 403],
			[stranger.client, `/creators/${source.id}/similar?campaignId=${campaignId}`, 404],
			[brand.client, `/creators/${crypto.randomUUID()}/similar`, 404],
			[brand.client, `/creators/${crypto.randomUUID()}/similar?campaignId=${campaignId}`, 404],
			[brand.client, `/creators/${source.id}/similar?campaignId=${crypto.randomUUID()}`, 404],
			[brand.client, `/creators/${source.id}/similar?campaignId=${encodeURIComponent('../x')}`, 400],
			[brand.client, `/creators/${source.id}/similar?lang=de`, 400]
		];
		for (const [client, path, status] of cases) {
			const before = await dbSnapshot();
			const res = await client.call(path);
			expect(res.status, path).toBe(status);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const body = await res.text();
			expect(body).not.toContain(twin.id);
			expect(changedTables(before, await dbSnapshot())).toEqual([]);
		}
	});
});

describe('the look-alikes’ follower bands', () => {
	const now = Date.now();
	const around = 12_000;
	beforeAll(async () => {
		// 120 gaming creators from 3 000 to 48 000 followers (÷ and × 4 around 12 000), two wilayas, some pricing only stories.
		const inserts: D1PreparedStatement[] = [];
		for (let i = 0; i < 120; i++) {
			const id = `band-${String(i).padStart(3, '0')}`;
			const followers = Math.round(3000 * Math.pow(16, ((i * 37) % 120) / 119));
			inserts.push(
				env.DB.prepare("INSERT INTO users (id, email, name, role, locale, created_at) VALUES (?1, ?2, ?3, 'creator', 'fr', ?4)").bind(`u-${id}`, `${id}@example.dz`, id, now),
				env.DB.prepare(
					`INSERT INTO creators (id, user_id, display_name, handle, wilaya, bio, niches, languages, rates, audience, rates_public, followers_total, created_at, updated_at)
					 VALUES (?1, ?2, ?3, ?4, ?5, '', '["gaming"]', '["fr"]', ?6, '{}', 0, ?7, ?8, ?8)`
				).bind(id, `u-${id}`, id, id, i % 3 === 0 ? '31' : '16', JSON.stringify(i % 5 === 0 ? { story: 3000 } : { reel: 9000 }), followers, now)
			);
		}
		await env.DB.batch(inserts);
	});

	const whole = async (q: Omit<CandidateQuery, 'lo' | 'hi'>, range: [number, number] | null) => {
		const [lo, hi] = lookAlikeBands(q.around, range).at(-1)!;
		const { sql, params } = lookAlikeCandidates({ ...q, lo, hi });
		return (
			await env.DB.prepare(sql)
				.bind(...params)
				.all<{ id: string }>()
		).results.map((r) => r.id);
	};

	it('gives the whole band’s nearest from the first band that fills the pool', async () => {
		const seen = new Set<number>();
		for (const pool of [3, 10, 25, 60, 200]) {
			for (const [wilayas, formats, range] of [
				[null, null, null],
				[['16'], ['reel'], null],
				[['16', '31'], null, [5000, 20_000]]
			] as [string[] | null, string[] | null, [number, number] | null][]) {
				const q = { niches: ['gaming'], wilayas, formats, selfId: 'band-000', around, pool };
				let queries = 0;
				const counting = { prepare: (sql: string) => (queries++, env.DB.prepare(sql)) };
				const got = (await seekLookAlikes<{ id: string }>(counting, q, range)).map((r) => r.id);
				expect(got, JSON.stringify({ pool, wilayas, formats, range })).toEqual(await whole(q, range));
				expect(got).not.toContain('band-000');
				seen.add(queries);
			}
		}
		// Small pools stop at the narrowest band, large ones read the whole band.
		expect(seen.has(1)).toBe(true);
		expect(Math.max(...seen)).toBe(lookAlikeBands(around, null).length);
	});

	it('keeps each band inside the ratio it names (lo rounded up, hi down) and within the campaign’s range', () => {
		const bands = lookAlikeBands(10_001, null);
		LOOK_ALIKE_STEPS.forEach((r, i) => {
			expect(10_001 / bands[i][0]).toBeLessThanOrEqual(r);
			expect(10_001 / (bands[i][0] - 1)).toBeGreaterThan(r);
			expect(bands[i][1] / 10_001).toBeLessThanOrEqual(r);
			expect((bands[i][1] + 1) / 10_001).toBeGreaterThan(r);
		});
		for (const [lo, hi] of lookAlikeBands(10_001, [9000, 30_000])) {
			expect(lo).toBeGreaterThanOrEqual(9000);
			expect(hi).toBeLessThanOrEqual(30_000);
		}
	});
});
