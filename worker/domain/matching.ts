/**
 * Match scores (issue 4, point 1): how well a creator who passed a campaign's hard filters
 * fits it, on evidence. Six criteria (the sixth, the track record on Wasla, in
 * track-record.ts, issue 16), each 0–100 with a reason (an i18n key of
 * worker/i18n.ts and the numbers it cites), a weighted total the brand can tune per
 * campaign, minus a risk penalty. Pure: the service loads the precomputed features
 * (creator_features) and the campaign, this module scores.
 *
 * The constants below are the product's judgement, named and explained where they are set,
 * and pinned by hand-computed cases in test/unit/matching.test.ts.
 */
import type { MessageKey } from '../i18n';
import type { FormatFeatures } from './creator-features';
import { cosine, readableWords } from './affinity';
import { FORMATS, type Format } from './taxonomy';

import { CRITERIA, type Criterion, type MatchWeights } from './match-codes';

export { CRITERIA, type Criterion, type MatchWeights };

/**
 * Default weights (sum 100). Engagement on the right format and comments that ask to buy
 * are the seed article's two strongest signals of sales; editorial fit next; the audience's
 * cities matter but are often estimated; ad load is a brake rather than a driver. The track
 * record (what the creator delivered on Wasla) takes 10, the five others keeping their
 * proportions; it only counts for creators who have one (see totalScore).
 */
export const DEFAULT_WEIGHTS: MatchWeights = { engagement: 27, commentQuality: 22, affinity: 18, partnershipLoad: 9, audienceFit: 14, trackRecord: 10 };

/** Risk penalty: this many points off the total per point of the creator's 0–100 risk (risk 100 → −30). */
export const RISK_PENALTY_PER_POINT = 0.3;

export type Confidence = 'high' | 'medium' | 'low';

export interface Reason {
	key: MessageKey;
	params: Record<string, string | number>;
	/** Sub-sentences rendered in order and joined into the `{parts}` placeholder (the track record's list of numbers). */
	parts?: Reason[];
}

export interface CriterionScore {
	score: number;
	reason: Reason;
	confidence: Confidence;
	/** True when the value is an estimate (audience fit without a breakdown). */
	estimated: boolean;
}

const clamp = (x: number, lo = 0, hi = 100) => Math.max(lo, Math.min(hi, x));
const round = (x: number) => Math.round(x);
const round1 = (x: number) => Math.round(x * 10) / 10;
const pct1 = (share: number) => round1(share * 100);

// ---------------------------------------------------------------------------------------
// engagement
// ---------------------------------------------------------------------------------------

/**
 * Median engagement rate per format and follower tier: (likes + comments + saves + shares)
 * ÷ reach, per post, Instagram. Sources (public benchmark reports; values vary by year and
 * method, so these are rounded judgement, not measurements of ours):
 * - Socialinsider, "Instagram benchmarks" 2024: engagement by reach ≈ 4–7 % for reels and
 *   carousels of accounts under 50k, falling with size;
 * - HypeAuditor, "State of Influencer Marketing" 2024 and Influencer Marketing Hub
 *   "Benchmark Report" 2024: engagement falls with account size (nano 2–4 %, micro
 *   1.5–2.5 % per follower, mid ≈ 1–1.5 %, macro < 1 %); per reach the figures run about
 *   2–3× higher, since a post reaches a fraction of the followers;
 * - Story interaction (replies, shares, sticker taps over reach) is commonly quoted at
 *   2–4 % for small accounts; lives draw few viewers but a high interaction share.
 * Tiers are follower counts [min, max). The demo seeder draws around these values.
 */
export const ENGAGEMENT_BENCHMARKS: { min: number; max: number; median: Record<Format, number> }[] = [
	{ min: 0, max: 5_000, median: { reel: 0.09, post: 0.08, story: 0.04, live: 0.1 } },
	{ min: 5_000, max: 20_000, median: { reel: 0.07, post: 0.065, story: 0.03, live: 0.08 } },
	{ min: 20_000, max: 50_000, median: { reel: 0.06, post: 0.055, story: 0.025, live: 0.07 } },
	{ min: 50_000, max: 100_000, median: { reel: 0.05, post: 0.045, story: 0.02, live: 0.06 } },
	{ min: 100_000, max: 500_000, median: { reel: 0.04, post: 0.035, story: 0.015, live: 0.05 } },
	{ min: 500_000, max: Infinity, median: { reel: 0.03, post: 0.025, story: 0.01, live: 0.04 } }
];

/** Ratio to the median that scores 100 (and its inverse scores 0); 1× scores 50. */
export const ENGAGEMENT_FULL_RATIO = 2;
/** Fewer posts than this in the campaign's formats over 90 days gives a low confidence. */
export const ENGAGEMENT_MIN_POSTS = 4;

export function benchmarkFor(followers: number) {
	return ENGAGEMENT_BENCHMARKS.find((b) => followers >= b.min && followers < b.max) ?? ENGAGEMENT_BENCHMARKS[ENGAGEMENT_BENCHMARKS.length - 1];
}

/**
 * Engagement on the campaign's formats over the last 90 days against the tier's median:
 * the creator's rate is the post-weighted mean of the formats' rates, the benchmark the
 * post-weighted mean of the same formats' medians. Score = 50 + 50 × log(ratio) / log(2),
 * clamped: 1× the median → 50, 2× → 100, ½ → 0. When the creator carries an
 * `engagement_incoherent` flag the figures themselves are in doubt: the score is capped at
 * 50 (never a reason to pick them) and the reason says so.
 */
export const DOUBTFUL_ENGAGEMENT_CAP = 50;

export function engagementScore(byFormat: Partial<Record<Format, FormatFeatures>>, formats: readonly Format[], followers: number, doubtful = false): CriterionScore {
	const tier = benchmarkFor(followers);
	let posts = 0;
	let rate = 0;
	let median = 0;
	for (const f of formats) {
		const ff = byFormat[f];
		if (!ff || ff.posts === 0) continue;
		posts += ff.posts;
		rate += ff.engagementRate * ff.posts;
		median += tier.median[f] * ff.posts;
	}
	const tierParams = { tierMin: tier.min, tierMax: Number.isFinite(tier.max) ? tier.max : 0 };
	if (posts === 0) {
		return { score: 0, confidence: 'low', estimated: false, reason: { key: 'match_engagement_none', params: { formats: formats.length } } };
	}
	rate /= posts;
	median /= posts;
	const ratio = rate / median;
	const raw = ratio <= 0 ? 0 : clamp(round(50 + (50 * Math.log(ratio)) / Math.log(ENGAGEMENT_FULL_RATIO)));
	const score = doubtful ? Math.min(raw, DOUBTFUL_ENGAGEMENT_CAP) : raw;
	const single = formats.filter((f) => (byFormat[f]?.posts ?? 0) > 0);
	return {
		score,
		confidence: doubtful ? 'low' : posts >= ENGAGEMENT_MIN_POSTS ? 'high' : 'low',
		estimated: false,
		reason: {
			key: doubtful ? 'match_engagement_doubtful' : single.length === 1 ? 'match_engagement_format' : 'match_engagement_formats',
			params: { format: single[0], rate: pct1(rate), times: round1(ratio), median: pct1(median), posts, ...tierParams }
		}
	};
}

// ---------------------------------------------------------------------------------------
// commentQuality
// ---------------------------------------------------------------------------------------

/** Share of purchase-intent comments that earns the full intent part (the seed article's "prix ? livraison ?"). */
export const INTENT_FULL_SHARE = 0.3;
/** Share of positive comments that earns the full warmth part. */
export const POSITIVE_FULL_SHARE = 0.4;
/** Generic + spam above this share starts costing points, one per percentage point. */
export const NOISE_FREE_SHARE = 0.4;
/** Fewer sampled comments than this: low confidence. */
export const COMMENTS_MIN_SAMPLE = 20;

/**
 * Comment quality from the labelled comment mix: 80 points for purchase intent (full at
 * 30 % of comments), 20 for warmth (full at 40 % positive), minus one point per
 * percentage point of generic + spam above 40 %.
 */
export function commentQualityScore(mix: Partial<Record<string, number>>, sampled: number): CriterionScore {
	if (sampled === 0) {
		return { score: 0, confidence: 'low', estimated: false, reason: { key: 'match_comments_none', params: {} } };
	}
	const intent = mix.purchase_intent ?? 0;
	const positive = mix.positive ?? 0;
	const noise = (mix.generic ?? 0) + (mix.spam ?? 0);
	const score = clamp(round(80 * Math.min(1, intent / INTENT_FULL_SHARE) + 20 * Math.min(1, positive / POSITIVE_FULL_SHARE) - 100 * Math.max(0, noise - NOISE_FREE_SHARE)));
	return {
		score,
		confidence: sampled >= COMMENTS_MIN_SAMPLE ? 'high' : 'low',
		estimated: false,
		reason: { key: 'match_comments', params: { intent: round(intent * 100), noise: round(noise * 100), total: sampled } }
	};
}

// ---------------------------------------------------------------------------------------
// affinity
// ---------------------------------------------------------------------------------------

/** Parts of the affinity score: niche overlap, text similarity, past partnerships in the niche. */
export const AFFINITY_PARTS = { niches: 50, text: 40, partnerships: 10 } as const;
/** A cosine at or above this earns the whole text part (short bios rarely go higher). */
export const TEXT_FULL_COSINE = 0.35;
/** Past partnerships in the campaign's niches that earn the whole partnership part. */
export const PARTNERSHIPS_FULL = 2;

/**
 * Affinity: 50 × share of the campaign's niches the creator covers + 40 × min(1, cosine /
 * 0.35) of the campaign text (title, offer, brief) and the creator's bio and captions
 * (lnc.ltc TF-IDF, see affinity.ts) + 10 × min(1, partnerships in these niches / 2).
 */
export function affinityScore(input: {
	campaignNiches: readonly string[];
	creatorNiches: readonly string[];
	query: ReadonlyMap<string, number>;
	creatorTerms: Record<string, number>;
	nichePartnerships: number;
	/** Stem → a word of the campaign's texts (affinity.ts surfaceWords), so the reason cites real words. */
	surface?: ReadonlyMap<string, string>;
}): CriterionScore & { sharedTerms: string[]; sharedWords: string[] } {
	const shared = input.campaignNiches.filter((n) => input.creatorNiches.includes(n)).length;
	const nicheShare = input.campaignNiches.length === 0 ? 1 : shared / input.campaignNiches.length;
	const text = cosine(input.query, input.creatorTerms);
	const score = clamp(
		round(
			AFFINITY_PARTS.niches * nicheShare + AFFINITY_PARTS.text * Math.min(1, text.value / TEXT_FULL_COSINE) + AFFINITY_PARTS.partnerships * Math.min(1, input.nichePartnerships / PARTNERSHIPS_FULL)
		)
	);
	const hasText = Object.keys(input.creatorTerms).length > 0;
	const sharedWords = readableWords(text.shared, input.surface ?? new Map());
	return {
		score,
		confidence: hasText ? 'high' : 'medium',
		estimated: false,
		sharedTerms: text.shared,
		sharedWords,
		reason: {
			key: text.shared.length > 0 ? 'match_affinity_words' : 'match_affinity',
			params: {
				shared,
				niches: input.campaignNiches.length,
				similarity: Math.round(text.value * 100) / 100,
				words: sharedWords.join(', '),
				partnerships: input.nichePartnerships
			}
		}
	};
}

// ---------------------------------------------------------------------------------------
// partnershipLoad
// ---------------------------------------------------------------------------------------

/** Ad load up to this share costs nothing (one sponsored post in ten is normal). */
export const AD_LOAD_FREE = 0.1;
/** Ad load at or above this share scores 0 (every other post an ad). */
export const AD_LOAD_ZERO = 0.5;

/** Partnership load over the last 30 posts: 100 up to 10 % sponsored, 0 from 50 %, linear between. */
export function partnershipLoadScore(sponsoredShare: number, postsConsidered: number): CriterionScore {
	if (postsConsidered === 0) {
		return { score: 50, confidence: 'low', estimated: true, reason: { key: 'match_load_none', params: {} } };
	}
	const score = clamp(round(100 * (1 - (sponsoredShare - AD_LOAD_FREE) / (AD_LOAD_ZERO - AD_LOAD_FREE))));
	return {
		score,
		confidence: postsConsidered >= 10 ? 'high' : 'low',
		estimated: false,
		reason: { key: 'match_load', params: { sponsored: Math.round(sponsoredShare * postsConsidered), total: postsConsidered, percent: round(sponsoredShare * 100) } }
	};
}

// ---------------------------------------------------------------------------------------
// audienceFit
// ---------------------------------------------------------------------------------------

/** Audience share in the target wilayas that earns 100 (a local creator rarely has more). */
export const WILAYA_FULL_SHARE = 0.5;
/** Audience share in the target age bands that earns 100. */
export const AGE_FULL_SHARE = 0.6;
/**
 * Without a breakdown: the creator lives in a target wilaya → 60 (their own wilaya usually
 * holds a large part of a local micro-creator's audience, but it is a guess), otherwise 15.
 */
export const ESTIMATED_IN_TARGET = 60;
export const ESTIMATED_OUTSIDE = 15;

export interface AudienceInput {
	/** {wilayaCode: share}; empty when the creator gave no breakdown. */
	wilayas: Record<string, number>;
	/** {ageBand: share}; empty when unknown. */
	ageBands: Record<string, number>;
	countryShareDZ: number | null;
	creatorWilaya: string | null;
}

/**
 * Audience fit: share of the audience in the target wilayas (full at 50 %) and, when the
 * campaign names age bands and the creator gave them, in those bands (full at 60 %); the
 * two combine by geometric mean. A nationwide campaign (no target wilaya) uses the share
 * in Algeria. With no wilaya breakdown the creator's own wilaya stands in: "estimated",
 * low confidence.
 */
export function audienceFitScore(audience: AudienceInput, targetWilayas: readonly string[], targetAges: readonly string[]): CriterionScore {
	const hasWilayas = Object.keys(audience.wilayas).length > 0;
	const ages = targetAges.length > 0 && Object.keys(audience.ageBands).length > 0;
	const ageShare = ages ? targetAges.reduce((s, a) => s + (audience.ageBands[a] ?? 0), 0) : null;
	const ageFit = ageShare === null ? null : Math.min(1, ageShare / AGE_FULL_SHARE);
	const combine = (wilayaFit: number) => (ageFit === null ? wilayaFit : Math.sqrt(wilayaFit * ageFit));
	const agePart: Record<string, number> = ageShare === null ? {} : { agePercent: round(ageShare * 100) };

	if (targetWilayas.length === 0) {
		const dz = audience.countryShareDZ;
		if (dz === null) {
			return { score: 80, confidence: 'low', estimated: true, reason: { key: 'match_audience_national_estimated', params: {} } };
		}
		return {
			score: round(100 * combine(Math.min(1, dz / 0.9))),
			confidence: 'medium',
			estimated: false,
			reason: { key: ageShare === null ? 'match_audience_national' : 'match_audience_national_ages', params: { percent: round(dz * 100), ...agePart } }
		};
	}
	if (!hasWilayas) {
		const inTarget = audience.creatorWilaya !== null && targetWilayas.includes(audience.creatorWilaya);
		// An estimate on an estimate: age bands are left out here (creators without a city
		// breakdown rarely have an age breakdown either).
		return {
			score: inTarget ? ESTIMATED_IN_TARGET : ESTIMATED_OUTSIDE,
			confidence: 'low',
			estimated: true,
			reason: { key: inTarget ? 'match_audience_estimated_in' : 'match_audience_estimated_out', params: { wilaya: audience.creatorWilaya ?? '' } }
		};
	}
	const share = targetWilayas.reduce((s, w) => s + (audience.wilayas[w] ?? 0), 0);
	const score = round(100 * combine(Math.min(1, share / WILAYA_FULL_SHARE)));
	return {
		score: clamp(score),
		confidence: 'high',
		estimated: false,
		reason: { key: ageShare === null ? 'match_audience' : 'match_audience_ages', params: { percent: round(share * 100), targets: targetWilayas.length, ...agePart } }
	};
}

// ---------------------------------------------------------------------------------------
// total
// ---------------------------------------------------------------------------------------

/**
 * The track record's weight in weights a brand set without it (saved before the sixth
 * criterion existed, or sent by a client that knows five): 0, so they keep meaning exactly
 * what the brand chose.
 */
export const TRACK_RECORD_WEIGHT_UNSET = 0;

/** Validates stored or submitted weights: integers 0–100, at least one positive. */
export function normaliseWeights(raw: unknown): MatchWeights {
	if (!raw || typeof raw !== 'object') return { ...DEFAULT_WEIGHTS };
	const out = { ...DEFAULT_WEIGHTS };
	if (!('trackRecord' in raw)) out.trackRecord = TRACK_RECORD_WEIGHT_UNSET;
	for (const c of CRITERIA) {
		const v = (raw as Record<string, unknown>)[c];
		if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100) out[c] = v;
	}
	return CRITERIA.some((c) => out[c] > 0) ? out : { ...DEFAULT_WEIGHTS };
}

export interface MatchTotal {
	/** The weighted sum before the risk penalty, 0–100. */
	base: number;
	penalty: number;
	/** base − penalty, 0–100, rounded. */
	score: number;
}

/**
 * Weighted mean of the criteria (weights need not sum to 100) minus 0.3 × risk. A criterion
 * scored null (no evidence: no track record yet) is left out and the mean is taken over the
 * others' weights, so a newcomer is neither helped nor hurt by a guess.
 */
export function totalScore(criteria: Record<Criterion, { score: number | null }>, weights: MatchWeights, risk: number): MatchTotal {
	const scored = CRITERIA.filter((c) => criteria[c].score !== null);
	const sum = scored.reduce((s, c) => s + weights[c], 0);
	const base = sum === 0 ? 0 : scored.reduce((s, c) => s + weights[c] * criteria[c].score!, 0) / sum;
	const penalty = RISK_PENALTY_PER_POINT * clamp(risk);
	return { base: round1(base), penalty: round1(penalty), score: clamp(round(base - penalty)) };
}

/**
 * "Why this creator": the criteria that lift the total most (weight × score above the
 * weighted average of the others), strongest first, at most `n`.
 */
export function strongestCriteria(criteria: Record<Criterion, { score: number | null }>, weights: MatchWeights, n = 2): Criterion[] {
	const at = (c: Criterion) => criteria[c].score ?? 0;
	return [...CRITERIA]
		.filter((c) => weights[c] > 0 && at(c) >= 60)
		.sort((a, b) => weights[b] * at(b) - weights[a] * at(a) || CRITERIA.indexOf(a) - CRITERIA.indexOf(b))
		.slice(0, n);
}

/** The formats a campaign asks for, in taxonomy order (unknown strings dropped). */
export function campaignFormats(formats: readonly string[]): Format[] {
	return FORMATS.filter((f) => formats.includes(f));
}

// ---------------------------------------------------------------------------------------
// shortlist
// ---------------------------------------------------------------------------------------

/**
 * The campaign-independent part of a match, stored per creator (creator_features
 * .quality_score) so that SQL can shortlist before the precise scoring: engagement over
 * every format the creator posted, comment quality and ad load with their default weights,
 * minus the risk penalty. Affinity and audience fit depend on the campaign and are left to
 * the precise pass; so is the track record (stored apart, creator_track_records, and read
 * for the shortlisted creators only, so the shortlist scan joins nothing more).
 */
export function baseQuality(input: {
	engagementByFormat: Partial<Record<Format, FormatFeatures>>;
	followers: number;
	commentMix: Partial<Record<string, number>>;
	commentsSampled: number;
	sponsoredShare: number;
	postsConsidered: number;
	risk: number;
	engagementDoubtful: boolean;
}): number {
	const formats = FORMATS.filter((f) => (input.engagementByFormat[f]?.posts ?? 0) > 0);
	const criteria = {
		engagement: engagementScore(input.engagementByFormat, formats, input.followers, input.engagementDoubtful),
		commentQuality: commentQualityScore(input.commentMix, input.commentsSampled),
		partnershipLoad: partnershipLoadScore(input.sponsoredShare, input.postsConsidered),
		affinity: { score: 0 },
		audienceFit: { score: 0 },
		trackRecord: { score: null }
	};
	return totalScore(criteria, { ...DEFAULT_WEIGHTS, affinity: 0, audienceFit: 0, trackRecord: 0 }, input.risk).score;
}

/**
 * Rows read beyond the requested page in the first read of the exact shortlist
 * (worker/services/match-shortlist.ts): the service reads candidates in decreasing upper bound
 * (worker/domain/match-bounds.ts) and scores them until the page's last creator beats every
 * bound not read yet, so the margin no longer decides which creators can appear — the bounds
 * do, and the page equals scoring every candidate (test/api/match-exact.test.ts, `npm run
 * bench -- matching`). It only sets how many rows the first read fetches; further reads double.
 */
export const SHORTLIST_MARGIN = 50;

/**
 * Candidates counted at most for a campaign's `total`: past it the route says "more than 10 000"
 * (`totalCapped`) instead of counting every row of a national campaign (84 000 candidates took
 * 11 ms of D1 for a number nobody pages through).
 */
export const MATCH_TOTAL_CAP = 10_000;

/**
 * How deep matches can be browsed (offset + limit): each page is exact, so a deeper page scores
 * every creator above it — 50 pages of 20 is more than a brand reads; past it, 400.
 */
export const MATCH_DEPTH = 1_000;
