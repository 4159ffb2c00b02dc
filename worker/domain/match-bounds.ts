/**
 * The exact shortlist of matching (issue 16, point 5). A campaign's page is the true top of
 * every creator who passes its hard filters, without scoring them all: each candidate gets an
 * upper bound of its total from values stored per creator (creator_niches, copied from
 * creator_features and creators by triggers, migration 0026), SQL reads the candidates in
 * decreasing bound, and the Worker scores them exactly until the page's last creator beats
 * the bound of every creator not read yet (the threshold rule of Fagin, Lotem & Naor 2001).
 *
 * Why each stored value bounds its criterion (matching.ts):
 * - engagement: stored for each of the 15 sets of formats (`engagementScore` on that set,
 *   without the doubtful cap, which only lowers it), for the follower count it was computed
 *   at (another count: 100); the campaign's set picks its column.
 * - commentQuality, partnershipLoad and the risk penalty do not depend on the campaign: the
 *   stored values are the scores themselves.
 * - affinity: 50 × the share of the campaign's niches found among the creator's searchable
 *   niches (a superset of the ones affinity reads) + 40 (text) + 10 (partnerships).
 * - audienceFit: 60 for a creator without a wilaya breakdown when the campaign names
 *   wilayas (they live in one of them: the estimate), 100 otherwise.
 * Too high a bound only makes the shortlist longer; the test in test/api/match-exact.test.ts
 * and `npm run bench -- matching` compare the page with the scores of every candidate.
 */
import { commentQualityScore, engagementScore, partnershipLoadScore, RISK_PENALTY_PER_POINT } from './matching';
import type { FormatFeatures } from './creator-features';
import { FORMATS, NICHES, type Format, type Niche } from './taxonomy';

/** A niche's bit in creator_niches.niche_bit / niches_mask (the table match_niche_bits holds the same). */
export const NICHE_BITS = Object.fromEntries(NICHES.map((n, i) => [n, 1 << i])) as Record<Niche, number>;
/** A format's bit in creator_niches.priced (a priced rate for that format). */
export const FORMAT_BITS = Object.fromEntries(FORMATS.map((f, i) => [f, 1 << i])) as Record<Format, number>;
/** The formats of a set of FORMAT_BITS. */
export const formatsOfMask = (mask: number): Format[] => FORMATS.filter((f) => (mask & FORMAT_BITS[f]) !== 0);
/** Non-empty sets of formats: 1 … 15. */
export const FORMAT_SETS = Array.from({ length: (1 << FORMATS.length) - 1 }, (_, i) => i + 1);

export interface FeatureBounds {
	/** engagementScore on each set of formats, at index FORMAT_BITS of the set − 1 (creator_niches.bound_e<set>). */
	engagement: number[];
	commentQuality: number;
	partnershipLoad: number;
	/** The follower count the engagement bounds hold for. */
	followers: number;
}

/** The stored bounds of one creator's features, with the functions the score itself uses. */
export function featureBounds(input: {
	engagementByFormat: Partial<Record<Format, FormatFeatures>>;
	followers: number;
	commentMix: Partial<Record<string, number>>;
	commentsSampled: number;
	sponsoredShare: number;
	postsConsidered: number;
}): FeatureBounds {
	const engagement = FORMAT_SETS.map((mask) => engagementScore(input.engagementByFormat, formatsOfMask(mask), input.followers).score);
	return {
		engagement,
		commentQuality: commentQualityScore(input.commentMix, input.commentsSampled).score,
		partnershipLoad: partnershipLoadScore(input.sponsoredShare, input.postsConsidered).score,
		followers: input.followers
	};
}

/** Slack for the float arithmetic of SQL against JavaScript's. */
const EPSILON = 1e-6;

/**
 * True when no unread candidate can enter the first `k`: `best` holds the best totals scored
 * so far, highest first; every unread creator's bound is at most `nextBound`, so their rounded
 * total is at most round(nextBound), and the k-th total is strictly above it (a tie could
 * still win on the base score).
 */
export function shortlistSettled(best: readonly number[], k: number, nextBound: number): boolean {
	if (k <= 0) return true;
	const kth = best[k - 1];
	if (kth === undefined) return false;
	return kth > Math.max(0, Math.min(100, Math.round(nextBound + EPSILON)));
}

/** Adds a total to the best `k` (highest first), in place. */
export function keepBest(best: number[], k: number, total: number): void {
	if (best.length >= k && total <= best[best.length - 1]) return;
	let i = best.length;
	while (i > 0 && best[i - 1] < total) i -= 1;
	best.splice(i, 0, total);
	if (best.length > k) best.pop();
}

/**
 * The weights of creator_niches.rank_key (migration 0029), the order each niche is scanned in:
 * rank_key = Σ RANK_WEIGHTS[c] × the creator's highest bound for c over every campaign shape
 * (engagement: the best of the 15 sets; audience fit: with or without age bands) − the risk
 * penalty. They are DEFAULT_WEIGHTS / 100 when it was written; changing them needs a migration
 * (test/api/match-exact.test.ts compares the column with these).
 */
export const RANK_WEIGHTS = { engagement: 0.27, commentQuality: 0.22, partnershipLoad: 0.09, audienceFit: 0.14 } as const;
export type RankedCriterion = keyof typeof RANK_WEIGHTS;

/** The largest risk (creator_niches.risk is clamped to 0–100). */
const RISK_MAX = 100;

/**
 * The highest bound a candidate whose rank_key is at most `rankKey` can have, for a campaign
 * whose criteria are given as { weight (normalised), rank } — their part bounded by rank_key's
 * term — or { weight, constant } — their part at most that for every creator. With λ the largest
 * ratio of a ranked criterion's weight to its RANK_WEIGHTS, the ranked parts sum to at most
 * λ × (rank_key + penalty) and the bound to constants + λ × rank_key + max(0, λ − 1) × the
 * largest penalty: 1 × rank_key for the default weights, looser the further the weights are from
 * them (then more of the index is read, never less than needed).
 */
export function rankFrontier(parts: readonly { weight: number; constant: number; rank?: RankedCriterion }[]) {
	let constant = 0;
	let lambda = 0;
	for (const p of parts) {
		if (p.rank) lambda = Math.max(lambda, p.weight / RANK_WEIGHTS[p.rank]);
		else constant += p.weight * p.constant;
	}
	const slack = Math.max(0, lambda - 1) * RISK_PENALTY_PER_POINT * RISK_MAX;
	return {
		/** The highest bound at this rank_key, plus `extra` (parts the caller adds). */
		at: (rankKey: number, extra: number) => constant + extra + lambda * rankKey + slack,
		/** The rank_key below which every bound is at most `target` (−Infinity when rank_key does not lower it). */
		depth: (target: number, extra: number) => (lambda === 0 ? -Infinity : (target - constant - extra - slack) / lambda)
	};
}
