/**
 * Observed niches (issue 16, point 2): captions, hashtags and comments about the posts →
 * niches with a confidence and the words that decided; declared against observed; and the
 * niches affinity reads when the two disagree.
 */
import { describe, expect, it } from 'vitest';
import { compareNiches, effectiveNiches, nicheWordsIn, observeNiches, parseObservedNiches, type ObservedNiche } from '../../worker/domain/observed-niches';
import { computeCreatorFeatures } from '../../worker/domain/creator-features';
import { affinityScore } from '../../worker/domain/matching';
import { scoreCandidates, type CandidateRow } from '../../worker/domain/match-candidates';
import { DEFAULT_WEIGHTS } from '../../worker/domain/matching';

const FOOD_CAPTIONS = [
	'Chorba frik maison pour ce soir #ramadan #cuisine',
	'وصفة البوراك بالجبن، سهلة وسريعة',
	'Mon gâteau au chocolat sans four ! #RecetteFacile',
	'tbikh lyoum: tajine zitoune 😋',
	'Easy couscous recipe for beginners',
	'حلويات العيد: المقادير في التعليق'
];

describe('nicheWordsIn', () => {
	it('finds niche words in French, Arabic script, Darija and English, and inside hashtags', () => {
		expect(nicheWordsIn('Mon gâteau au chocolat #RecetteFacile').get('food')).toEqual(['gâteau', 'chocolat', 'recette']);
		expect(nicheWordsIn('#makeuptutorial du jour').get('beauty')).toEqual(['makeuptutorial']);
		expect(nicheWordsIn('وصفة البوراك بالجبن').get('food')).toEqual(['وصفة', 'البوراك']);
		expect(nicheWordsIn('tbikh lyoum: tajine zitoune').get('food')).toEqual(['tbikh', 'tajine']);
		expect(nicheWordsIn('le hijab avec la veste').get('modest_fashion')).toEqual(['hijab']);
		expect(nicheWordsIn('le hijab avec la veste').get('fashion')).toEqual(['veste']);
		expect(nicheWordsIn('bonne soirée à tous').size).toBe(0);
	});
});

describe('observeNiches', () => {
	it('infers food from food captions, with a confidence and the words that decided', () => {
		const observed = observeNiches({ captions: FOOD_CAPTIONS, comments: [] });
		// six captions, every one about food: share 1 × evidence 6/6 = 1
		expect(observed[0]).toMatchObject({ niche: 'food', confidence: 1 });
		// ramadan and the eid (lifestyle) in two of six: observed, with little confidence (2/6 × 2/6 = 0.11)
		expect(observed.slice(1)).toEqual([{ niche: 'lifestyle', confidence: 0.11, words: ['ramadan', 'العيد'] }]);
		expect(observed[0].words.length).toBeGreaterThan(0);
		expect(observed[0].words.length).toBeLessThanOrEqual(5);
	});

	it('counts comments about the post at half a caption, generic and spam comments not at all', () => {
		const captions = ['Ma routine skincare du soir', 'Sérum vitamine C : mon avis'];
		const pods = Array(40).fill('trop stylé 😘');
		const spam = Array(20).fill('suivez ma page recettes et gâteaux 👉');
		const alone = observeNiches({ captions, comments: [...pods, ...spam] });
		expect(alone.map((o) => o.niche)).toEqual(['beauty']);
		// two captions of evidence: share 1 × 2/6 = 0.33
		expect(alone[0].confidence).toBe(0.33);
		const talked = observeNiches({ captions, comments: Array(4).fill('la crème hydrate super bien ma peau, merci') });
		// 2 + 4 × 0.5 = 4 pieces → 4/6 = 0.67
		expect(talked[0]).toMatchObject({ niche: 'beauty', confidence: 0.67 });
	});

	it('keeps up to three niches above a fifth of the evidence, most confident first', () => {
		const captions = [...FOOD_CAPTIONS, 'Mon nouveau rouge à lèvres et mascara', 'Palette maquillage nude', 'Le sac et la robe du jour'];
		const observed = observeNiches({ captions, comments: [] });
		expect(observed.map((o) => o.niche)).toEqual(['food', 'beauty', 'lifestyle']);
		expect(observed[0].confidence).toBeGreaterThan(observed[1].confidence);
		// fashion: one caption of nine, under the 20 % share and the two-piece minimum
		expect(observed.some((o) => o.niche === 'fashion')).toBe(false);
	});

	it('says nothing without evidence', () => {
		expect(observeNiches({ captions: ['bonne journée', ''], comments: ['😍😍', 'bravo'] })).toEqual([]);
		expect(observeNiches({ captions: ['#cuisine'], comments: [] })).toEqual([]);
	});
});

describe('declared against observed', () => {
	const food: ObservedNiche[] = [{ niche: 'food', confidence: 0.9, words: ['recette', 'chorba'] }];
	it('explains a mismatch: declared beauty, observed food', () => {
		expect(compareNiches(['beauty'], food)).toEqual({ confirmed: [], declaredOnly: ['beauty'], observedOnly: ['food'], mismatch: true });
		expect(effectiveNiches(['beauty'], food)).toEqual(['food']);
	});
	it('keeps the declared niches when one of them is observed, or when the content is unclear', () => {
		expect(compareNiches(['beauty', 'food'], food)).toEqual({ confirmed: ['food'], declaredOnly: ['beauty'], observedOnly: [], mismatch: false });
		expect(effectiveNiches(['beauty', 'food'], food)).toEqual(['beauty', 'food']);
		const unclear: ObservedNiche[] = [{ niche: 'food', confidence: 0.33, words: ['recette'] }];
		expect(compareNiches(['beauty'], unclear).mismatch).toBe(false);
		expect(effectiveNiches(['beauty'], unclear)).toEqual(['beauty']);
		expect(effectiveNiches(['beauty'], [])).toEqual(['beauty']);
	});
	it('reads stored values defensively', () => {
		expect(parseObservedNiches([{ niche: 'food', confidence: 0.5, words: ['a', 3] }, { niche: 'nope', confidence: 1 }, null, 'x'])).toEqual([{ niche: 'food', confidence: 0.5, words: ['a'] }]);
		expect(parseObservedNiches('[]')).toEqual([]);
	});
});

describe('in the creator features and in matching', () => {
	const now = Date.parse('2026-11-30T00:00:00Z');
	const post = (caption: string, i: number) => ({
		platform: 'instagram',
		format: 'reel' as const,
		postedAt: now - (i + 1) * 86_400_000,
		caption,
		views: 1000,
		reach: 800,
		likes: 60,
		comments: 4,
		saves: 2,
		shares: 1,
		sponsored: false
	});

	it('computeCreatorFeatures stores the observed niches next to the other features', () => {
		const f = computeCreatorFeatures({
			posts: FOOD_CAPTIONS.map(post),
			points: [],
			comments: ['ch7al le gâteau ?'],
			followersByPlatform: { instagram: 9000 },
			now,
			profileTexts: ['Beauté et maquillage']
		});
		expect(f.observedNiches[0]).toMatchObject({ niche: 'food' });
		expect(f.observedNiches[0].words).toContain('gâteau');
	});

	it('a creator declaring beauty whose content is food scores on food', () => {
		const base = { campaignNiches: ['food'], query: new Map<string, number>(), creatorTerms: {}, nichePartnerships: 0 };
		const observed = observeNiches({ captions: FOOD_CAPTIONS, comments: [] });
		// declared niches alone: no niche in common
		expect(affinityScore({ ...base, creatorNiches: ['beauty'] }).score).toBe(0);
		// what matching reads: the observed niche stands in for the declared one
		expect(affinityScore({ ...base, creatorNiches: effectiveNiches(['beauty'], observed) }).score).toBe(50);

		const row: CandidateRow = {
			id: 'c1',
			display_name: 'Amel',
			handle: 'amel',
			wilaya: '16',
			niches: '["beauty"]',
			rates: '{"reel":15000}',
			audience: '{}',
			followers_total: 12000,
			engagement_by_format: null,
			sponsored_share: null,
			comment_mix: null,
			affinity_terms: null,
			observed_niches: JSON.stringify(observed),
			risk_score: 0,
			posts_total: 0,
			comments_sampled: 0,
			flag_codes: null
		};
		const campaign = {
			id: 'k1',
			title: 'Recettes du ramadan',
			objective: 'visibility',
			offer: '',
			brief: { keyMessages: [], dos: [], donts: [], angle: '' },
			formats: ['reel'],
			wilayas: ['16'],
			niches: ['food'],
			ageBands: [],
			followerMin: 5000,
			followerMax: 40000,
			budgetDzd: 100000,
			reuseRightsDays: 0,
			startsAt: null,
			endsAt: null,
			applyBy: null
		} as unknown as Parameters<typeof scoreCandidates>[0];
		const [scored] = scoreCandidates(campaign, [row], new Map(), DEFAULT_WEIGHTS);
		expect(scored.criteria.affinity.reason.params).toMatchObject({ shared: 1, niches: 1 });
		// without the observed niches the same creator does not even pass the niche filter
		expect(scoreCandidates(campaign, [{ ...row, observed_niches: '[]' }], new Map(), DEFAULT_WEIGHTS)).toEqual([]);
	});
});
