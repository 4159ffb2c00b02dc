/**
 * The exact shortlist's pure parts (worker/domain/match-bounds.ts): when the page is settled,
 * and the stored bounds being the scores themselves.
 */
import { describe, expect, it } from 'vitest';
import { featureBounds, FORMAT_BITS, FORMAT_SETS, formatsOfMask, keepBest, NICHE_BITS, shortlistSettled } from '../../worker/domain/match-bounds';
import { commentQualityScore, engagementScore, partnershipLoadScore } from '../../worker/domain/matching';
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
