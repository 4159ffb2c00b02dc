/**
 * GET /campaigns/:id/matches and the creator's flags (issue 4): hard filters, the six
 * criteria with reasons in the viewer's language, tunable weights, the risk penalty that
 * lowers but never hides, creators' explanations, and tenancy.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { brandAccount, createCampaign } from './factories';
import { type Client, signUp } from './helpers';

const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

interface Match {
	creatorId: string;
	score: number;
	baseScore: number;
	riskPenalty: number;
	creator: { displayName: string; wilaya: string };
	criteria: Record<string, { score: number | null; reason: string; confidence: string; estimated: boolean }>;
	why: string[];
	risk: { score: number; flags: { code: string; reason: string; explanation: string | null }[] };
}

/** A creator through the real API: profile, then posts (5 reels, 9.1 % engagement on reach) and follower history. */
async function creator(
	name: string,
	opts: { wilaya?: string; niches?: string[]; followers?: number; rates?: Record<string, number>; spike?: boolean; bio?: string; captions?: string; audience?: object; comments?: string[] }
) {
	const s = await signUp({ role: 'creator', name });
	const followers = opts.followers ?? 12_000;
	const profile = await s.client.call('/creators/me', {
		method: 'PUT',
		json: {
			displayName: name,
			wilaya: opts.wilaya ?? '16',
			niches: opts.niches ?? ['beauty'],
			accounts: [{ platform: 'instagram', handle: name.toLowerCase().replace(/\W/g, '.'), followers }],
			rates: opts.rates ?? { reel: 15000, story: 6000 },
			bio: opts.bio ?? 'Skincare et maquillage à petit prix',
			...(opts.audience ? { audience: opts.audience } : {})
		}
	});
	expect(profile.status).toBe(200);
	const posts = Array.from({ length: 5 }, (_, i) => ({
		ref: `${name}-r${i}`,
		format: 'reel',
		postedAt: iso((3 + i * 7) * DAY),
		views: 1500,
		reach: 1000,
		likes: 80,
		comments: 5,
		saves: 3,
		shares: 3,
		sponsored: i === 0,
		caption: opts.captions ?? 'Routine skincare sérum vitamine C',
		commentSamples: opts.comments ?? ['ch7al le prix ?', 'livraison l Oran svp', 'trop beau ce sérum 😍', 'nice', 'first']
	}));
	expect((await s.client.call('/creators/me/posts', { json: { platform: 'instagram', posts } })).status).toBe(200);
	const points = Array.from({ length: 40 }, (_, d) => ({
		date: iso((40 - d) * DAY).slice(0, 10),
		followers: followers - 400 + d * 10 + (opts.spike && d >= 30 ? 4000 : 0)
	}));
	expect((await s.client.call('/creators/me/followers', { json: { platform: 'instagram', points } })).status).toBe(200);
	const me = (await (await s.client.call('/me')).json()) as { creator: { id: string } };
	return { ...s, id: me.creator.id };
}

async function matches(
	client: Client,
	campaignId: string,
	query = ''
): Promise<{ status: number; body: { matches: Match[]; total: number; totalCapped: boolean; weights: Record<string, number>; customWeights: boolean } }> {
	const res = await client.call(`/campaigns/${campaignId}/matches${query}`);
	return { status: res.status, body: (await res.json()) as never };
}

describe('campaign matches', () => {
	let brand: Awaited<ReturnType<typeof brandAccount>>;
	let campaignId: string;
	let good: Awaited<ReturnType<typeof creator>>;
	let spiky: Awaited<ReturnType<typeof creator>>;
	let offTopic: Awaited<ReturnType<typeof creator>>;
	const excluded: string[] = [];

	beforeAll(async () => {
		brand = await brandAccount('Cosmétiques Oran');
		campaignId = await createCampaign(env, {
			brandId: brand.brandId,
			wilayas: ['16', '09'],
			niches: ['beauty'],
			formats: ['reel'],
			followerMin: 5000,
			followerMax: 40000,
			title: 'Sérum vitamine C : routine skincare'
		});
		good = await creator('Nour Skincare', { audience: { wilayas: { '16': 0.3, '09': 0.12 }, countryShareDZ: 0.95 } });
		spiky = await creator('Lina Spike', { spike: true });
		offTopic = await creator('Sami Beauty Food', { niches: ['beauty', 'food'], bio: 'Recettes et gâteaux', captions: 'Chorba frik et bourek maison', wilaya: '09' });
		// each fails exactly one hard filter
		excluded.push((await creator('Wrong Wilaya', { wilaya: '31' })).id);
		excluded.push((await creator('Wrong Niche', { niches: ['gaming'], captions: 'Session FIFA sur PS5, manette en main #gaming' })).id);
		excluded.push((await creator('Too Big', { followers: 90_000 })).id);
		excluded.push((await creator('No Reel Rate', { rates: { story: 5000 } })).id);
	});

	it('keeps only creators who pass every hard filter', async () => {
		const { status, body } = await matches(brand.client, campaignId);
		expect(status).toBe(200);
		const ids = body.matches.map((m) => m.creatorId);
		expect(ids).toEqual(expect.arrayContaining([good.id, spiky.id, offTopic.id]));
		for (const id of excluded) expect(ids).not.toContain(id);
		expect(body.total).toBe(ids.length);
		expect(body.totalCapped).toBe(false);
	});

	it('browses at most 1 000 matches deep: a deeper page is a 400 naming the page, changing nothing', async () => {
		expect((await matches(brand.client, campaignId, '?limit=100&page=10')).status).toBe(200);
		expect((await matches(brand.client, campaignId, '?limit=20&page=50')).status).toBe(200);
		for (const query of ['?limit=100&page=11', '?limit=20&page=51', '?page=100000']) {
			const res = await brand.client.call(`/campaigns/${campaignId}/matches${query}`);
			expect(res.status, query).toBe(400);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const body = (await res.json()) as { errors: { path: string; message: string }[] };
			expect(body.errors).toEqual([{ path: 'page', message: 'Seuls les 1 000 premiers créateurs se parcourent page par page\u00a0: affinez les filtres de la campagne pour voir les autres.' }]);
		}
		// The comparison view has no pages.
		expect((await matches(brand.client, campaignId, `?ids=${good.id}&page=60`)).status).toBe(200);
	});

	it('follows profile changes: a creator who adds the campaign’s niche becomes a candidate, and leaves when removing it', async () => {
		const s = await creator('Niche Later', { niches: ['gaming'], captions: 'Session FIFA sur PS5, manette en main #gaming' });
		const has = async () => (await matches(brand.client, campaignId)).body.matches.some((m) => m.creatorId === s.id);
		expect(await has()).toBe(false);
		const put = (niches: string[]) =>
			s.client.call('/creators/me', {
				method: 'PUT',
				json: { displayName: 'Niche Later', wilaya: '16', niches, accounts: [{ platform: 'instagram', handle: 'niche.later', followers: 12000 }], rates: { reel: 15000 } }
			});
		expect((await put(['gaming', 'beauty'])).status).toBe(200);
		expect(await has()).toBe(true);
		expect((await put(['gaming'])).status).toBe(200);
		expect(await has()).toBe(false);
	});

	it('scores the six criteria with reasons that cite the numbers, in French by default', async () => {
		const { body } = await matches(brand.client, campaignId);
		const m = body.matches.find((x) => x.creatorId === good.id)!;
		// 91 interactions over 1 000 reach = 9.1 %; 12 000 followers → 5–20k tier, reel median 7 %
		// ratio 1.3 → 50 + 50 × ln(1.3) / ln(2) = 68.9 → 69
		expect(m.criteria.engagement.score).toBe(69);
		expect(m.criteria.engagement.reason).toMatch(/^Engagement Reels de 9,1 % sur 5 publications, 1,3 fois la médiane des comptes de 5\s000 à 20\s000 abonnés \(7 %\)\.$/u);
		// 2 of 5 sample comments per post ask price/delivery (40 %), 2 generic (40 %), 1 positive (20 %)
		expect(m.criteria.commentQuality.score).toBe(90);
		expect(m.criteria.commentQuality.reason).toContain('40 % des 25 commentaires');
		// 1 sponsored of 5 posts = 20 % → 100 × (1 − 0.1 / 0.4) = 75
		expect(m.criteria.partnershipLoad).toMatchObject({ score: 75, reason: '1 publications sponsorisées sur les 5 dernières (20 %).' });
		// 42 % in the target wilayas → 0.42 / 0.5 = 84
		expect(m.criteria.audienceFit).toMatchObject({ score: 84, estimated: false });
		expect(m.criteria.affinity.reason).toMatch(/1 niche\(s\) sur 1 en commun/);
		// No campaign on Wasla yet: the sixth criterion has no score and stays out of the total.
		expect(m.criteria.trackRecord).toMatchObject({ score: null, reason: 'Pas encore d’historique sur Wasla (critère laissé hors du total).' });
		expect(m.why.length).toBeGreaterThan(0);
	});

	it('labels the audience fit "estimated" when the creator gave no breakdown', async () => {
		const { body } = await matches(brand.client, campaignId);
		const m = body.matches.find((x) => x.creatorId === spiky.id)!;
		expect(m.criteria.audienceFit).toMatchObject({ score: 60, estimated: true, confidence: 'low' });
		expect(m.criteria.audienceFit.reason).toBe('Estimé : pas de répartition par wilaya ; le créateur vit dans une wilaya ciblée (Alger).');
	});

	it('speaks Arabic to an Arabic reader', async () => {
		const { body } = await matches(brand.client, campaignId, '?lang=ar');
		const m = body.matches.find((x) => x.creatorId === good.id)!;
		expect(m.criteria.engagement.reason).toMatch(/^تفاعل الريلز بنسبة 9,1% على 5 منشورًا/u);
		const s = body.matches.find((x) => x.creatorId === spiky.id)!;
		expect(s.criteria.audienceFit.reason).toContain('الجزائر');
	});

	it('affinity follows the campaign’s words: the skincare creator beats the food creator', async () => {
		const { body } = await matches(brand.client, campaignId);
		const a = body.matches.find((x) => x.creatorId === good.id)!;
		const b = body.matches.find((x) => x.creatorId === offTopic.id)!;
		expect(a.criteria.affinity.score).toBeGreaterThan(b.criteria.affinity.score!);
		expect(a.criteria.affinity.reason).toMatch(/mots communs : .*(skincar|serum|vitamin)/);
	});

	it('a follower spike lowers the score but never hides the creator', async () => {
		const { body } = await matches(brand.client, campaignId);
		const s = body.matches.find((x) => x.creatorId === spiky.id)!;
		expect(s.risk.flags.map((f) => f.code)).toContain('follower_spike');
		expect(s.risk.score).toBeGreaterThan(0);
		expect(s.riskPenalty).toBeCloseTo(0.3 * s.risk.score, 1);
		expect(s.score).toBe(Math.max(0, Math.round(s.baseScore - s.riskPenalty)));
		expect(s.risk.flags[0].reason).toMatch(/^Pic d’abonnés le \d{4}-\d{2}-\d{2}/);
	});

	it('the creator sees the flag, explains it, and the brand reads the explanation', async () => {
		const own = (await (await spiky.client.call('/creators/me/risk')).json()) as { score: number; flags: { code: string; explanation: string | null }[] };
		expect(own.flags.map((f) => f.code)).toContain('follower_spike');
		const put = await spiky.client.call('/creators/me/risk/follower_spike/explanation', { method: 'PUT', json: { explanation: 'Passage à la télévision (Echorouk) le jour du pic.' } });
		expect(put.status).toBe(200);
		const { body } = await matches(brand.client, campaignId);
		const flag = body.matches.find((x) => x.creatorId === spiky.id)!.risk.flags.find((f) => f.code === 'follower_spike')!;
		expect(flag.explanation).toBe('Passage à la télévision (Echorouk) le jour du pic.');
		// the explanation survives a recomputation while the flag stays raised
		await spiky.client.call('/creators/me/posts', { json: { platform: 'instagram', posts: [] } });
		const again = (await (await spiky.client.call('/creators/me/risk')).json()) as { flags: { code: string; explanation: string | null }[] };
		expect(again.flags.find((f) => f.code === 'follower_spike')!.explanation).toContain('télévision');
	});

	it('refuses explanations for unknown or unraised flags, and too long ones, changing nothing', async () => {
		expect((await good.client.call('/creators/me/risk/follower_spike/explanation', { method: 'PUT', json: { explanation: 'x' } })).status).toBe(409);
		expect((await good.client.call('/creators/me/risk/made_up/explanation', { method: 'PUT', json: { explanation: 'x' } })).status).toBe(404);
		const long = await spiky.client.call('/creators/me/risk/follower_spike/explanation', { method: 'PUT', json: { explanation: 'x'.repeat(1001) } });
		expect(long.status).toBe(400);
		const own = (await (await spiky.client.call('/creators/me/risk')).json()) as { flags: { code: string; explanation: string | null }[] };
		expect(own.flags.find((f) => f.code === 'follower_spike')!.explanation).toContain('télévision');
		expect((await brand.client.call('/creators/me/risk')).status).toBe(403);
	});

	it('the brand tunes the weights per campaign; invalid weights change nothing', async () => {
		const before = await matches(brand.client, campaignId);
		expect(before.body.customWeights).toBe(false);
		const engagementOnly = { engagement: 100, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0 };
		const put = await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: engagementOnly });
		expect(put.status).toBe(200);
		const after = await matches(brand.client, campaignId);
		// Sent without the sixth criterion: it weighs 0, the weights mean what the brand chose.
		expect(after.body.weights).toEqual({ ...engagementOnly, trackRecord: 0 });
		const m = after.body.matches.find((x) => x.creatorId === good.id)!;
		expect(m.baseScore).toBe(69);
		for (const bad of [{ ...engagementOnly, engagement: 101 }, { ...engagementOnly, engagement: 0 }, { ...engagementOnly, extra: 1 }, { engagement: 'x' }]) {
			const res = await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: bad });
			expect(res.status, JSON.stringify(bad)).toBe(400);
		}
		expect((await matches(brand.client, campaignId)).body.weights).toEqual({ ...engagementOnly, trackRecord: 0 });
		expect((await brand.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'DELETE' })).status).toBe(200);
		expect((await matches(brand.client, campaignId)).body.customWeights).toBe(false);
	});

	it('compares two to four chosen creators', async () => {
		const { status, body } = await matches(brand.client, campaignId, `?ids=${good.id},${offTopic.id}`);
		expect(status).toBe(200);
		expect(body.matches.map((m) => m.creatorId).sort()).toEqual([good.id, offTopic.id].sort());
		expect((await matches(brand.client, campaignId, `?ids=a,b,c,d,e`)).status).toBe(400);
		expect((await matches(brand.client, campaignId, `?limit=0`)).status).toBe(400);
	});

	it('another brand gets 404, a creator 403, a guest 401; nothing changes', async () => {
		const other = await brandAccount('Autre Marque');
		expect((await other.client.call(`/campaigns/${campaignId}/matches`)).status).toBe(404);
		expect((await other.client.call(`/campaigns/${campaignId}/match-weights`)).status).toBe(404);
		const put = await other.client.call(`/campaigns/${campaignId}/match-weights`, { method: 'PUT', json: { engagement: 1, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0 } });
		expect(put.status).toBe(404);
		expect((await matches(brand.client, campaignId)).body.customWeights).toBe(false);
		expect((await good.client.call(`/campaigns/${campaignId}/matches`)).status).toBe(403);
		const { Client } = await import('./helpers');
		expect((await new Client().call(`/campaigns/${campaignId}/matches`)).status).toBe(401);
		expect((await brand.client.call(`/campaigns/does-not-exist/matches`)).status).toBe(404);
	});
});

describe('observed niches in matching (issue 16)', () => {
	it('a creator declaring beauty whose content is food is matched and scored on food, the mismatch shown', async () => {
		const brand = await brandAccount('Traiteur Blida');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, wilayas: ['16'], niches: ['food'], formats: ['reel'], followerMin: 5000, followerMax: 40000, title: 'Recettes du ramadan' });
		const amel = await creator('Amel Cuisine', {
			niches: ['beauty'],
			bio: 'Beauté et bons plans',
			captions: 'Chorba frik et bourek maison, la recette #cuisine',
			comments: ['ch7al le prix ?', 'la recette marche trop bien, merci', 'nice', 'first', '😍😍']
		});
		const beautyOnly = await creator('Ines Glow', { niches: ['beauty'] });
		const { status, body } = await matches(brand.client, campaignId);
		expect(status).toBe(200);
		const ids = body.matches.map((m) => m.creatorId);
		expect(ids).toContain(amel.id);
		// a beauty creator whose content is beauty stays out of a food campaign
		expect(ids).not.toContain(beautyOnly.id);
		const m = body.matches.find((x) => x.creatorId === amel.id) as unknown as Match & {
			creator: { niches: string[]; observedNiches: { niche: string; confidence: number; words: string[] }[]; nicheCheck: { mismatch: boolean; observedOnly: string[] } };
		};
		expect(m.creator.niches).toEqual(['beauty']);
		expect(m.creator.observedNiches[0]).toMatchObject({ niche: 'food' });
		expect(m.creator.observedNiches[0].words).toEqual(expect.arrayContaining(['recette', 'chorba']));
		expect(m.creator.nicheCheck).toMatchObject({ mismatch: true, observedOnly: ['food'] });
		expect(m.criteria.affinity.reason).toMatch(/1 niche\(s\) sur 1 en commun/);

		// the public profile and the media kit say the same
		const profile = (await (await brand.client.call(`/creators/${amel.id}`)).json()) as {
			creator: { handle: string; observedNiches: { niche: string }[]; nicheCheck: { mismatch: boolean; declaredOnly: string[] } };
		};
		expect(profile.creator.observedNiches.map((o) => o.niche)).toContain('food');
		expect(profile.creator.nicheCheck).toMatchObject({ mismatch: true, declaredOnly: ['beauty'] });
		const kit = (await (await brand.client.call(`/media-kits/${profile.creator.handle}`)).json()) as { creator: { observedNiches: { niche: string }[] } };
		expect(kit.creator.observedNiches[0].niche).toBe('food');

		// declaring food too ends the mismatch; the creator stays a candidate
		const put = await amel.client.call('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Amel Cuisine', wilaya: '16', niches: ['beauty', 'food'], accounts: [{ platform: 'instagram', handle: 'amel.cuisine', followers: 12000 }], rates: { reel: 15000 } }
		});
		expect(put.status).toBe(200);
		const after = (await matches(brand.client, campaignId)).body.matches.find((x) => x.creatorId === amel.id) as unknown as { creator: { nicheCheck: { mismatch: boolean; confirmed: string[] } } };
		expect(after.creator.nicheCheck).toMatchObject({ mismatch: false, confirmed: ['food'] });
	});
});
