/**
 * The exact shortlist's pure parts (worker/domain/match-bounds.ts): when the page is settled,
 * and the stored bounds being the scores themselves.
 */
import { describe, expect, it } from 'vitest';
import { featureBounds, FORMAT_BITS, FORMAT_SETS, formatsOfMask, keepBest, NICHE_BITS, RANK_WEIGHTS, rankFrontier, shortlistSettled } from '../../worker/domain/match-bounds';
import { commentQualityScore, engagementScore, partnershipLoadScore, RISK_PENALTY_PER_POINT } from '../../worker/domain/matching';
import { FORMATS, NICHES } from '../../worker/domain/taxonomy';

const page = (...scores: number[]) => scores;

describe('shortlistSettled', () => {
	it('stops only when the k-th total is above the rounded bound of every unread creator', () => {
		expect(shortlistSettled(page(90, 80, 72), 3, 71.49)).toBe(true);
		// 71.5 rounds to 72: an unread creator could tie the k-th and win on the base score
		expect(shortlistSettled(page(90, 80, 72), 3, 71.5)).toBe(false);
		expect(shortlistSettled(page(90, 80, 72), 3, 75)).toBe(false);
		// float slack: a bound computed as 71.4999999999 by SQL may be 71.5 in JavaScript
		expect(shortlistSettled(page(90, 80, 72), 3, 71.4999999999)).toBe(false);
	});

	it('is not settled while the page is not full, and always for an empty page', () => {
		expect(shortlistSettled(page(90, 80), 3, -5)).toBe(false);
		expect(shortlistSettled(page(), 0, 100)).toBe(true);
		// totals are clamped to 0–100, so a bound under −0.5 still leaves a 0 in play
		expect(shortlistSettled(page(0, 0, 0), 3, -10)).toBe(false);
	});
});

describe('keepBest', () => {
	it('keeps the k highest totals, highest first, ties kept', () => {
		const best: number[] = [];
		for (const t of [50, 70, 60, 70, 40, 90, 65]) keepBest(best, 4, t);
		expect(best).toEqual([90, 70, 70, 65]);
	});
});

describe('featureBounds', () => {
	const input = {
		engagementByFormat: { reel: { posts: 6, engagementRate: 0.15, avgViews: 900, avgReach: 700 }, story: { posts: 2, engagementRate: 0.01, avgViews: 300, avgReach: 250 } },
		followers: 12_000,
		commentMix: { purchase_intent: 0.2, positive: 0.3, generic: 0.5 },
		commentsSampled: 60,
		sponsoredShare: 0.2,
		postsConsidered: 30
	};

	it('stores the engagement score of every set of formats, indexed by its bits', () => {
		const b = featureBounds(input);
		expect(b.engagement).toHaveLength(15);
		for (const mask of FORMAT_SETS) expect(b.engagement[mask - 1]).toBe(engagementScore(input.engagementByFormat, formatsOfMask(mask), 12_000).score);
		// reel alone is far above its median, reel + story is pulled down by the weak stories
		expect(b.engagement[FORMAT_BITS.reel - 1]).toBe(100);
		expect(b.engagement[FORMAT_BITS.reel + FORMAT_BITS.story - 1]).toBeLessThan(100);
		expect(b.engagement[FORMAT_BITS.post - 1]).toBe(0);
	});

	it('stores comment quality and ad load as scored', () => {
		const b = featureBounds(input);
		expect(b.commentQuality).toBe(commentQualityScore(input.commentMix, 60).score);
		expect(b.partnershipLoad).toBe(partnershipLoadScore(0.2, 30).score);
		expect(b.followers).toBe(12_000);
	});

	it('has one bit per niche and per format, in taxonomy order', () => {
		expect(NICHES.map((n) => NICHE_BITS[n])).toEqual(NICHES.map((_, i) => 1 << i));
		expect(FORMATS.map((f) => FORMAT_BITS[f])).toEqual([1, 2, 4, 8]);
		expect(formatsOfMask(FORMAT_BITS.reel | FORMAT_BITS.live)).toEqual(['reel', 'live']);
	});
});

describe('rankFrontier', () => {
	const w = (engagement: number, commentQuality: number, affinity: number, partnershipLoad: number, audienceFit: number, trackRecord: number) => {
		const sum = engagement + commentQuality + affinity + partnershipLoad + audienceFit + trackRecord;
		return {
			engagement: engagement / sum,
			commentQuality: commentQuality / sum,
			affinity: affinity / sum,
			partnershipLoad: partnershipLoad / sum,
			audienceFit: audienceFit / sum,
			trackRecord: trackRecord / sum
		};
	};
	const parts = (x: ReturnType<typeof w>) => [
		{ weight: x.engagement, constant: 0, rank: 'engagement' as const },
		{ weight: x.commentQuality, constant: 0, rank: 'commentQuality' as const },
		{ weight: x.affinity, constant: 90 },
		{ weight: x.partnershipLoad, constant: 0, rank: 'partnershipLoad' as const },
		{ weight: x.audienceFit, constant: 0, rank: 'audienceFit' as const },
		{ weight: x.trackRecord, constant: 100 }
	];
	/** A creator's bound as the shortlist's SQL computes it, and its rank_key (migration 0029). */
	const creator = (b: { e: number; c: number; l: number; a: number; risk: number }, x: ReturnType<typeof w>) => ({
		bound: x.engagement * b.e + x.commentQuality * b.c + x.affinity * 90 + x.partnershipLoad * b.l + x.audienceFit * b.a + x.trackRecord * 100 - RISK_PENALTY_PER_POINT * b.risk,
		rankKey: RANK_WEIGHTS.engagement * b.e + RANK_WEIGHTS.commentQuality * b.c + RANK_WEIGHTS.partnershipLoad * b.l + RANK_WEIGHTS.audienceFit * b.a - RISK_PENALTY_PER_POINT * b.risk
	});

	it('is the bound itself at the default weights, with no slack', () => {
		const x = w(27, 22, 18, 9, 14, 10);
		const f = rankFrontier(parts(x));
		for (const b of [
			{ e: 80, c: 60, l: 100, a: 60, risk: 0 },
			{ e: 10, c: 95, l: 40, a: 100, risk: 70 }
		]) {
			const { bound, rankKey } = creator(b, x);
			expect(f.at(rankKey, 0)).toBeCloseTo(bound, 9);
		}
	});

	it('never falls under a bound, whatever the weights (λ scales rank_key, risk adds slack above 1)', () => {
		let seed = 7;
		const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		for (let i = 0; i < 2000; i++) {
			const x = w(...(Array.from({ length: 6 }, () => Math.floor(rand() * 101) + (i === 0 ? 1 : 0)) as [number, number, number, number, number, number]));
			if (!Object.values(x).every(Number.isFinite)) continue;
			const f = rankFrontier(parts(x));
			const b = { e: rand() * 100, c: rand() * 100, l: rand() * 100, a: rand() * 100, risk: rand() < 0.3 ? rand() * 100 : 0 };
			const { bound, rankKey } = creator(b, x);
			expect(f.at(rankKey, 0)).toBeGreaterThanOrEqual(bound - 1e-9);
			// and at any rank_key above it (unread candidates are bounded by the last one read)
			expect(f.at(rankKey + rand() * 10, 0)).toBeGreaterThanOrEqual(bound - 1e-9);
		}
	});

	it('gives the depth where the frontier meets a target, and −∞ when rank_key does not lower it', () => {
		const f = rankFrontier(parts(w(40, 10, 20, 5, 15, 10)));
		expect(f.at(f.depth(70, 1.5), 1.5)).toBeCloseTo(70, 9);
		const flat = rankFrontier([
			{ weight: 0.5, constant: 90 },
			{ weight: 0.5, constant: 100 },
			{ weight: 0, constant: 0, rank: 'engagement' }
		]);
		expect(flat.depth(50, 0)).toBe(-Infinity);
		expect(flat.at(-1000, 0)).toBeCloseTo(95, 9);
	});
});
