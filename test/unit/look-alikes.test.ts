/**
 * Look-alike creators (worker/domain/look-alikes.ts): each factor moves the similarity the
 * right way, the source is never its own look-alike, ties are stable, and the reasons name
 * the factors that made a creator close, in the viewer's language.
 */
import { describe, expect, it } from 'vitest';
import { creatorTermVector, surfaceWords } from '../../worker/domain/affinity';
import {
	audienceSimilarity,
	engagementSimilarity,
	LOOK_ALIKE_WEIGHTS,
	lookAlikes,
	nicheSimilarity,
	profileOf,
	renderLookAlikeReason,
	tierSimilarity,
	type LookAlikeProfile
} from '../../worker/domain/look-alikes';

const ctx = (locale: 'fr' | 'ar' | 'en') => ({ locale, wilayaNames: new Map([['16', { fr: 'Alger', ar: 'الجزائر' }]]) });

const BEAUTY = ['routine skincare sérum vitamine', 'maquillage naturel du soir', 'crème hydratante et sérum'];
const FOOD = ['recette chorba frik', 'gâteau sans four recette', 'rechta maison cuisine'];

function profile(id: string, over: Partial<LookAlikeProfile> = {}): LookAlikeProfile {
	return {
		id,
		wilaya: '16',
		followersTotal: 12_000,
		niches: ['beauty'],
		terms: creatorTermVector(BEAUTY),
		engagement: { reel: { posts: 10, engagementRate: 0.07, avgViews: 5000, avgReach: 4000 }, story: { posts: 10, engagementRate: 0.03, avgViews: 900, avgReach: null } },
		audienceWilayas: { '16': 0.6, '09': 0.2 },
		...over
	};
}

const similarity = (source: LookAlikeProfile, other: LookAlikeProfile, pool: LookAlikeProfile[] = []) =>
	lookAlikes(source, [other, ...pool], { minSimilarity: 0, limit: 100 }).find((l) => l.id === other.id)!;

describe('each factor moves the similarity the right way', () => {
	const source = profile('src');
	const twin = profile('twin');
	// Pool members that make idf meaningful (a term every candidate has weighs little).
	const pool = [profile('p1', { terms: creatorTermVector(FOOD), niches: ['food'] }), profile('p2', { terms: creatorTermVector(['voyage hôtel plage']), niches: ['travel'] })];

	it('a twin is close on every factor', () => {
		const l = similarity(source, twin, pool);
		expect(l.factors).toEqual({ content: 100, niches: 100, tier: 100, engagement: 100, audience: 80 });
		expect(l.similarity).toBe(Math.round(100 - LOOK_ALIKE_WEIGHTS.audience * 0.2));
	});

	it('content: other words, lower', () => {
		const other = profile('food-words', { terms: creatorTermVector(FOOD) });
		expect(similarity(source, other, pool).factors.content).toBe(0);
		expect(similarity(source, other, pool).similarity).toBeLessThan(similarity(source, twin, pool).similarity);
	});

	it('niches: fewer shared, lower (Jaccard)', () => {
		expect(nicheSimilarity(['beauty'], ['beauty'])).toEqual({ score: 1, shared: 1, same: true });
		expect(nicheSimilarity(['beauty'], ['beauty', 'fashion']).score).toBe(0.5);
		expect(nicheSimilarity(['beauty'], ['food']).score).toBe(0);
		expect(nicheSimilarity([], []).score).toBe(0);
		const half = profile('half', { niches: ['beauty', 'fashion'] });
		const none = profile('none', { niches: ['food'] });
		expect(similarity(source, half, pool).similarity).toBeLessThan(similarity(source, twin, pool).similarity);
		expect(similarity(source, none, pool).similarity).toBeLessThan(similarity(source, half, pool).similarity);
	});

	it('tier: same band 1, neighbouring 0.5, further 0', () => {
		expect(tierSimilarity(12_000, 6_000)).toBe(1);
		expect(tierSimilarity(12_000, 30_000)).toBe(0.5);
		expect(tierSimilarity(12_000, 80_000)).toBe(0);
		expect(similarity(source, profile('big', { followersTotal: 80_000 }), pool).factors.tier).toBe(0);
	});

	it('engagement: other formats or another level against the tier median, lower', () => {
		const lives = profile('lives', { engagement: { live: { posts: 5, engagementRate: 0.08, avgViews: 100, avgReach: null } } });
		expect(engagementSimilarity(source, lives)).toEqual({ score: 0, format: null });
		// Same mix, engagement 4× lower on every format: only the mix half remains.
		const weak = profile('weak', { engagement: { reel: { posts: 10, engagementRate: 0.0175, avgViews: 1, avgReach: 1 }, story: { posts: 10, engagementRate: 0.0075, avgViews: 1, avgReach: null } } });
		expect(engagementSimilarity(source, weak).score).toBeCloseTo(0.5, 5);
		// A bigger account with the same ratio to its own tier's median is as close.
		const scaled = profile('scaled', {
			followersTotal: 30_000,
			engagement: { reel: { posts: 10, engagementRate: 0.06, avgViews: 1, avgReach: 1 }, story: { posts: 10, engagementRate: 0.025, avgViews: 1, avgReach: null } }
		});
		expect(engagementSimilarity(source, scaled).score).toBeCloseTo(1, 5);
		expect(engagementSimilarity(source, profile('none', { engagement: {} })).score).toBe(0);
	});

	it('audience: shared wilayas raise it; without a breakdown the home wilaya stands in', () => {
		expect(audienceSimilarity(source, profile('same')).score).toBeCloseTo(0.8, 5);
		expect(audienceSimilarity(source, profile('oran', { audienceWilayas: { '31': 0.9 } })).score).toBe(0);
		expect(audienceSimilarity(profile('a', { audienceWilayas: {} }), profile('b', { audienceWilayas: {} }))).toEqual({ score: 1, estimated: true });
		expect(audienceSimilarity(profile('a', { audienceWilayas: {} }), profile('b', { audienceWilayas: {}, wilaya: '31' })).score).toBe(0);
		// Shares over 1 in all are scaled down, never counted twice.
		expect(audienceSimilarity(profile('a', { audienceWilayas: { '16': 1.5, '09': 0.5 } }), profile('b', { audienceWilayas: { '16': 1 } })).score).toBeCloseTo(0.75, 5);
	});
});

describe('the list', () => {
	it('never includes the source, keeps 10, drops those not close enough, breaks ties by id', () => {
		const source = profile('src');
		const many = Array.from({ length: 14 }, (_, i) => profile(`c${String(i).padStart(2, '0')}`));
		const far = profile('far', { niches: ['food'], terms: creatorTermVector(FOOD), followersTotal: 900_000, engagement: {}, audienceWilayas: { '31': 1 }, wilaya: '31' });
		const list = lookAlikes(source, [source, far, ...many]);
		expect(list).toHaveLength(10);
		expect(list.map((l) => l.id)).not.toContain('src');
		expect(list.map((l) => l.id)).not.toContain('far');
		// Identical candidates: by id.
		expect(list.map((l) => l.id)).toEqual(many.slice(0, 10).map((c) => c.id));
		expect(lookAlikes(source, [far])).toEqual([]);
	});

	it('best first', () => {
		const source = profile('src');
		const list = lookAlikes(source, [profile('b-weak', { niches: ['beauty', 'fashion'], followersTotal: 80_000 }), profile('a-strong')], { minSimilarity: 0 });
		expect(list.map((l) => l.id)).toEqual(['a-strong', 'b-weak']);
		expect(list[0].similarity).toBeGreaterThan(list[1].similarity);
	});
});

describe('reasons', () => {
	const source = profile('src', { terms: creatorTermVector(['Routine skincare au sérum', 'Mon sérum préféré', 'skincare du soir']) });
	const pool = [profile('p1', { terms: creatorTermVector(FOOD), niches: ['food'] }), profile('p2', { terms: creatorTermVector(['voyage hôtel plage']), niches: ['travel'] })];

	it('1 to 3 factors, strongest first, as one sentence in each language', () => {
		const twin = profile('twin', { terms: creatorTermVector(['Routine skincare au sérum', 'sérum vitamine', 'skincare']) });
		const [l] = lookAlikes(source, [twin, ...pool], { surface: surfaceWords(['Routine skincare au sérum', 'Mon sérum préféré']) });
		expect(l.id).toBe('twin');
		expect(l.reasons.map((r) => r.factor)).toEqual(['content', 'niches', 'engagement']);
		const fr = renderLookAlikeReason(l.reasons, ctx('fr'));
		expect(fr).toMatch(
			/^Proche par\u00a0: les mots de ses contenus \((skincare|sérum|routine)(, (skincare|sérum|routine)){0,2}\), les mêmes thématiques et un engagement comparable en (Reels|stories)\.$/
		);
		expect(fr).not.toMatch(/serum|maquillag/);
		expect(renderLookAlikeReason(l.reasons, ctx('ar'))).toMatch(/^قريب من حيث: كلمات محتواه \(.+\)، نفس المجالات وتفاعل مماثل في (الريلز|القصص)\.$/);
		expect(renderLookAlikeReason(l.reasons, ctx('en'))).toMatch(/^Close in the words of their content \(.+\), the same niches and comparable engagement on (Reels|Story)\.$/);
	});

	it('tier and audience reasons cite the band and the wilaya, numbers formatted for the locale', () => {
		const near = profile('near', { terms: creatorTermVector(FOOD), niches: ['food'], engagement: {}, audienceWilayas: {}, followersTotal: 25_000 });
		const home = profile('home', { audienceWilayas: {} });
		const l = similarity(profile('s', { audienceWilayas: {}, terms: creatorTermVector(['voyage hôtel plage']), niches: ['travel'], engagement: {} }), near);
		expect(l.reasons.map((r) => r.factor)).toEqual(['audience', 'tier']);
		expect(renderLookAlikeReason(l.reasons, ctx('fr'))).toBe('Proche par\u00a0: la même wilaya (Alger) et une taille de compte voisine (20\u202f000 à 50\u202f000 abonnés).');
		expect(renderLookAlikeReason(l.reasons, ctx('en'))).toBe('Close in the same wilaya (Alger) and a neighbouring account size (20,000–50,000 followers).');
		expect(renderLookAlikeReason(l.reasons, ctx('ar'))).toContain('الجزائر');
		const h = similarity(source, home, pool);
		expect(h.reasons.length).toBeGreaterThanOrEqual(1);
		expect(h.reasons.length).toBeLessThanOrEqual(3);
		const audience = similarity(source, profile('aud'), pool).factors.audience;
		expect(audience).toBe(80);
	});

	it('a weak look-alike still gets its single strongest factor', () => {
		const weak = profile('weak', { terms: creatorTermVector(FOOD), niches: ['beauty', 'fashion', 'food'], engagement: {}, audienceWilayas: { '31': 1 }, followersTotal: 30_000 });
		const l = similarity(source, weak, pool);
		expect(l.reasons.map((r) => r.factor)).toEqual(['tier']);
	});
});

describe('rows → profiles', () => {
	it('reads the stored JSON, damaged cells as nothing, and the effective niches', () => {
		const row = {
			id: 'r1',
			display_name: 'Nour',
			handle: 'nour',
			wilaya: '16',
			niches: '["fashion"]',
			rates: '{"reel":15000}',
			audience: '{"wilayas":{"16":0.5,"x":"bad"}}',
			followers_total: 12000,
			engagement_by_format: '{"reel":{"posts":3,"engagementRate":0.05,"avgViews":10,"avgReach":null},"story":{"posts":"x"}}',
			affinity_terms: 'not json',
			observed_niches: '[{"niche":"food","confidence":0.8,"words":["recette"]}]'
		};
		const p = profileOf(row);
		expect(p.profile.niches).toEqual(['food']);
		expect(p.searchable).toEqual(['fashion', 'food']);
		expect(p.profile.terms).toEqual({});
		expect(p.profile.audienceWilayas).toEqual({ '16': 0.5 });
		expect(Object.keys(p.profile.engagement)).toEqual(['reel']);
		expect(p.rates).toEqual({ reel: 15000 });
	});
});
