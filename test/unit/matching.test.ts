/**
 * Match criteria against hand-computed expectations (issue 4, point 5). Each expected value
 * is worked out in the comment next to it from the constants in worker/domain/matching.ts.
 */
import { describe, expect, it } from 'vitest';
import { affinityTokens, campaignQueryVector, creatorTermVector, cosine } from '../../worker/domain/affinity';
import {
	baseQuality,
	affinityScore,
	audienceFitScore,
	commentQualityScore,
	DEFAULT_WEIGHTS,
	engagementScore,
	normaliseWeights,
	partnershipLoadScore,
	strongestCriteria,
	totalScore
} from '../../worker/domain/matching';

describe('engagement', () => {
	it('one format: 10.5 % on reels for a 12k account is 1.5× the 7 % median of 5–20k → 79', () => {
		// ratio 0.105 / 0.07 = 1.5; 50 + 50 × ln(1.5) / ln(2) = 50 + 50 × 0.585 = 79.2
		const s = engagementScore({ reel: { posts: 5, engagementRate: 0.105, avgViews: 9000, avgReach: 7000 } }, ['reel'], 12_000);
		expect(s.score).toBe(79);
		expect(s.confidence).toBe('high');
		expect(s.reason).toEqual({ key: 'match_engagement_format', params: { format: 'reel', rate: 10.5, times: 1.5, median: 7, posts: 5, tierMin: 5000, tierMax: 20000 } });
	});

	it('two formats are weighted by posts against the same formats’ medians → 55', () => {
		// rate = (4 × 6 % + 6 × 3 %) / 10 = 4.2 %; median (20–50k) = (4 × 6 % + 6 × 2.5 %) / 10 = 3.9 %
		// ratio 1.0769; 50 + 50 × ln(1.0769) / ln(2) = 55.3 → 55
		const s = engagementScore(
			{
				reel: { posts: 4, engagementRate: 0.06, avgViews: 1, avgReach: 1 },
				story: { posts: 6, engagementRate: 0.03, avgViews: 1, avgReach: 1 },
				post: { posts: 9, engagementRate: 0.2, avgViews: 1, avgReach: 1 }
			},
			['reel', 'story'],
			30_000
		);
		expect(s.score).toBe(55);
		expect(s.reason.key).toBe('match_engagement_formats');
		expect(s.reason.params.posts).toBe(10);
	});

	it('2× the median or more scores 100, half or less 0, nothing in the formats 0 with low confidence', () => {
		expect(engagementScore({ reel: { posts: 8, engagementRate: 0.14, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000).score).toBe(100);
		expect(engagementScore({ reel: { posts: 8, engagementRate: 0.035, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000).score).toBe(0);
		const none = engagementScore({ post: { posts: 8, engagementRate: 0.05, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000);
		expect(none).toMatchObject({ score: 0, confidence: 'low', reason: { key: 'match_engagement_none' } });
		// fewer than 4 posts: same score rule, low confidence
		expect(engagementScore({ reel: { posts: 2, engagementRate: 0.07, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000)).toMatchObject({ score: 50, confidence: 'low' });
	});

	it('incoherent engagement (a raised flag) is capped at 50 and says why', () => {
		const s = engagementScore({ reel: { posts: 8, engagementRate: 1.8, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000, true);
		expect(s).toMatchObject({ score: 50, confidence: 'low', reason: { key: 'match_engagement_doubtful' } });
		expect(engagementScore({ reel: { posts: 8, engagementRate: 0.035, avgViews: 1, avgReach: 1 } }, ['reel'], 10_000, true).score).toBe(0);
	});
});

describe('commentQuality', () => {
	it('15 % intent, 30 % positive, 50 % generic+spam → 40 + 15 − 10 = 45', () => {
		const s = commentQualityScore({ purchase_intent: 0.15, positive: 0.3, generic: 0.35, spam: 0.15 }, 120);
		expect(s.score).toBe(45);
		expect(s.reason).toEqual({ key: 'match_comments', params: { intent: 15, noise: 50, total: 120 } });
		expect(s.confidence).toBe('high');
	});
	it('30 % intent and 40 % positive with little noise is full marks; no comments is 0', () => {
		expect(commentQualityScore({ purchase_intent: 0.3, positive: 0.4, generic: 0.2, negative: 0.1 }, 50).score).toBe(100);
		expect(commentQualityScore({}, 0)).toMatchObject({ score: 0, confidence: 'low', reason: { key: 'match_comments_none' } });
		expect(commentQualityScore({ purchase_intent: 0.3 }, 8).confidence).toBe('low');
	});
});

describe('partnershipLoad', () => {
	it('30 % sponsored of 20 posts → 100 × (1 − (0.3 − 0.1) / 0.4) = 50, citing 6 of 20', () => {
		const s = partnershipLoadScore(0.3, 20);
		expect(s.score).toBe(50);
		expect(s.reason).toEqual({ key: 'match_load', params: { sponsored: 6, total: 20, percent: 30 } });
	});
	it('10 % or less is 100, 50 % or more is 0, no posts is a neutral estimated 50', () => {
		expect(partnershipLoadScore(0.1, 30).score).toBe(100);
		expect(partnershipLoadScore(0, 30).score).toBe(100);
		expect(partnershipLoadScore(0.5, 30).score).toBe(0);
		expect(partnershipLoadScore(0.8, 30).score).toBe(0);
		expect(partnershipLoadScore(0, 0)).toMatchObject({ score: 50, estimated: true, confidence: 'low' });
	});
});

describe('audienceFit', () => {
	const audience = { wilayas: { '16': 0.3, '09': 0.12, '31': 0.1 }, ageBands: { '18-24': 0.5, '25-34': 0.3 }, countryShareDZ: 0.92, creatorWilaya: '16' };
	it('42 % of the audience in Alger + Blida → 0.42 / 0.5 = 84', () => {
		const s = audienceFitScore(audience, ['16', '09'], []);
		expect(s).toMatchObject({ score: 84, estimated: false, confidence: 'high', reason: { key: 'match_audience', params: { percent: 42, targets: 2 } } });
	});
	it('with a target age band: √(0.84 × 0.3 / 0.6) = √0.42 = 0.648 → 65', () => {
		const s = audienceFitScore(audience, ['16', '09'], ['25-34']);
		expect(s.score).toBe(65);
		expect(s.reason).toEqual({ key: 'match_audience_ages', params: { percent: 42, targets: 2, agePercent: 30 } });
	});
	it('no wilaya breakdown: the creator’s own wilaya stands in, labelled estimated with low confidence', () => {
		const bare = { wilayas: {}, ageBands: {}, countryShareDZ: null, creatorWilaya: '16' };
		expect(audienceFitScore(bare, ['16', '31'], [])).toMatchObject({ score: 60, estimated: true, confidence: 'low', reason: { key: 'match_audience_estimated_in', params: { wilaya: '16' } } });
		expect(audienceFitScore({ ...bare, creatorWilaya: '09' }, ['16', '31'], [])).toMatchObject({ score: 15, estimated: true, reason: { key: 'match_audience_estimated_out' } });
	});
	it('a nationwide campaign uses the share in Algeria (full at 90 %)', () => {
		expect(audienceFitScore(audience, [], []).score).toBe(100);
		expect(audienceFitScore({ ...audience, countryShareDZ: 0.45 }, [], []).score).toBe(50);
	});
});

describe('affinity', () => {
	it('tokens are normalised, stemmed and free of function words in French and Arabic', () => {
		expect(affinityTokens('Les meilleurs soins de la peau à Oran !')).toEqual(['meilleur', 'soin', 'peau', 'oran']);
		expect(affinityTokens('العناية بالبشرة')).toEqual(['عنايه', 'بشره']);
		// a final e is folded like the plural (jolie = joli, skincare = skincar)
		expect(affinityTokens('@nour.dz 2026 ta3 skincare')).toEqual(['skincar']);
	});

	it('creator vectors are unit length, 1 + ln(tf) weighted', () => {
		const vec = creatorTermVector(['soin soin peau']);
		// soin: 1 + ln 2 = 1.693, peau: 1 → norm √(1.693² + 1) = 1.966
		expect(vec.soin).toBeCloseTo(0.861, 3);
		expect(vec.peau).toBeCloseTo(0.5086, 3);
	});

	it('the campaign vector uses idf over the candidates; the cosine cites the shared words', () => {
		const pool: Record<string, number>[] = [{ soin: 0.8, peau: 0.6 }, { foot: 1 }];
		const query = campaignQueryVector(
			new Map([
				['soin', 1],
				['peau', 1],
				['promo', 1]
			]),
			pool
		);
		// promo is used by no candidate: dropped; soin and peau: idf ln(3/1) each → 0.7071 each
		expect([...query.keys()]).toEqual(['soin', 'peau']);
		const c = cosine(query, pool[0]);
		expect(c.value).toBeCloseTo(0.7071 * 0.8 + 0.7071 * 0.6, 3);
		expect(c.shared).toEqual(['soin', 'peau']);
		expect(cosine(query, pool[1]).value).toBe(0);
	});

	it('half the niches + full text similarity + one past partnership → 25 + 40 + 5 = 70', () => {
		const query = new Map([
			['soin', 0.7071],
			['peau', 0.7071]
		]);
		const s = affinityScore({ campaignNiches: ['beauty', 'fashion'], creatorNiches: ['beauty'], query, creatorTerms: { soin: 0.8, peau: 0.6 }, nichePartnerships: 1 });
		expect(s.score).toBe(70);
		expect(s.reason).toEqual({ key: 'match_affinity_words', params: { shared: 1, niches: 2, similarity: 0.99, words: 'soin, peau', partnerships: 1 } });
	});
});

describe('total', () => {
	const criteria = { engagement: { score: 71 }, commentQuality: { score: 45 }, affinity: { score: 70 }, partnershipLoad: { score: 50 }, audienceFit: { score: 84 }, trackRecord: { score: null } };
	it('default weights without a track record: (27×71 + 22×45 + 18×70 + 9×50 + 14×84) / 90 = 64.37 (its 10 left out); risk 40 costs 12 → 52', () => {
		expect(totalScore(criteria, DEFAULT_WEIGHTS, 40)).toEqual({ base: 64.4, penalty: 12, score: 52 });
		expect(totalScore(criteria, DEFAULT_WEIGHTS, 0).score).toBe(64);
	});
	it('with a track record it counts its weight: (5 793 + 10×90) / 100 = 66.93; a poor one (20) pulls down to 59.9', () => {
		expect(totalScore({ ...criteria, trackRecord: { score: 90 } }, DEFAULT_WEIGHTS, 0)).toEqual({ base: 66.9, penalty: 0, score: 67 });
		expect(totalScore({ ...criteria, trackRecord: { score: 20 } }, DEFAULT_WEIGHTS, 0)).toEqual({ base: 59.9, penalty: 0, score: 60 });
	});
	it('a null criterion weighted alone leaves nothing to average: 0', () => {
		expect(totalScore(criteria, { engagement: 0, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0, trackRecord: 100 }, 0)).toEqual({ base: 0, penalty: 0, score: 0 });
	});
	it('tuned weights change the total: engagement only → 71', () => {
		expect(totalScore(criteria, { engagement: 1, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0, trackRecord: 0 }, 0).score).toBe(71);
	});
	it('weights are validated; bad or all-zero weights fall back to the defaults; weights set without trackRecord give it 0', () => {
		expect(normaliseWeights({ engagement: 50, commentQuality: 'x', affinity: -1, trackRecord: 10 })).toEqual({ ...DEFAULT_WEIGHTS, engagement: 50 });
		expect(normaliseWeights({ engagement: 50, commentQuality: 'x', affinity: -1 })).toEqual({ ...DEFAULT_WEIGHTS, engagement: 50, trackRecord: 0 });
		expect(normaliseWeights({ engagement: 0, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0 })).toEqual(DEFAULT_WEIGHTS);
		expect(normaliseWeights(null)).toEqual(DEFAULT_WEIGHTS);
		expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
	});
	it('"why this creator" names the criteria that lift the total most; a null track record never', () => {
		expect(strongestCriteria(criteria, DEFAULT_WEIGHTS)).toEqual(['engagement', 'affinity']);
		expect(strongestCriteria({ ...criteria, trackRecord: { score: 100 } }, { ...DEFAULT_WEIGHTS, trackRecord: 100 })).toEqual(['trackRecord', 'engagement']);
	});
});

describe('shortlist quality (campaign-independent, stored per creator)', () => {
	const input = {
		engagementByFormat: { reel: { posts: 5, engagementRate: 0.07, avgViews: 1, avgReach: 1 } },
		followers: 10_000,
		commentMix: { purchase_intent: 0.3, positive: 0.4 },
		commentsSampled: 50,
		sponsoredShare: 0.1,
		postsConsidered: 30,
		risk: 0,
		engagementDoubtful: false
	};
	it('engagement 50, comments 100, ad load 100 with weights 30/25/10 → 76.9 → 77; risk 40 costs 12 → 65', () => {
		expect(baseQuality(input)).toBe(77);
		expect(baseQuality({ ...input, risk: 40 })).toBe(65);
	});
	it('doubtful engagement is capped like in the precise score', () => {
		const strong = { ...input, engagementByFormat: { reel: { posts: 5, engagementRate: 0.5, avgViews: 1, avgReach: 1 } } };
		expect(baseQuality(strong)).toBe(100);
		// engagement capped at 50 → back to 77
		expect(baseQuality({ ...strong, engagementDoubtful: true })).toBe(77);
	});
});
