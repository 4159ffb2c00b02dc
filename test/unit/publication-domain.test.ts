/** Publication and stats rules of a deliverable (issue 11, points 3 and 4), without HTTP. */
import { describe, expect, it } from 'vitest';
import { canReviewPublication, checkPublishedAt, disclosureComplete, highlightShort, normaliseDisclosure, reviewAfterRecording } from '../../worker/domain/publication';
import { canAnswer, deliveredFigures, planReport, planReview, statsOpensAt } from '../../worker/domain/deliverable-stats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TERMS = { platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'] };

describe('publication time', () => {
	const now = Date.UTC(2027, 0, 15, 12);
	const signedAt = Date.UTC(2027, 0, 1, 9);
	it('may lie in the past, never in the future beyond 5 minutes of skew, never before the signature', () => {
		expect(checkPublishedAt(now - 3 * DAY, { now, signedAt })).toBeNull();
		expect(checkPublishedAt(now + 5 * 60_000, { now, signedAt })).toBeNull();
		expect(checkPublishedAt(now + 5 * 60_000 + 1, { now, signedAt })).toBe('future');
		expect(checkPublishedAt(signedAt, { now, signedAt })).toBeNull();
		expect(checkPublishedAt(signedAt - 1, { now, signedAt })).toBe('before_signature');
	});
});

describe('disclosure', () => {
	it('merges `hashtag` and `hashtags`, adds the #, drops case-insensitive duplicates and blanks', () => {
		expect(normaliseDisclosure({ label: true, hashtag: '#Sponsorisé', hashtags: ['#sponsorisé', ' #collab ', '#', 'ramadan'] })).toEqual({
			label: true,
			hashtags: ['#Sponsorisé', '#collab', '#ramadan']
		});
		expect(normaliseDisclosure({ label: false })).toEqual({ label: false, hashtags: [] });
	});

	it('is complete with the label and at least one of the terms’ hashtags, in any case', () => {
		expect(disclosureComplete(TERMS, { label: true, hashtags: ['#SPONSORISÉ'] })).toBe(true);
		expect(disclosureComplete(TERMS, { label: true, hashtags: ['#collab', '#إشهار'] })).toBe(true);
		// NFD é (e + combining acute) is the same hashtag.
		expect(disclosureComplete(TERMS, { label: true, hashtags: ['#sponsorise\u0301'] })).toBe(true);
		expect(disclosureComplete(TERMS, { label: false, hashtags: ['#sponsorisé'] })).toBe(false);
		expect(disclosureComplete(TERMS, { label: true, hashtags: ['#collab'] })).toBe(false);
		expect(disclosureComplete(TERMS, { label: true, hashtags: [] })).toBe(false);
	});

	it('a complete disclosure waits for the brand; an incomplete one is flagged disclosure_missing', () => {
		expect(reviewAfterRecording(true)).toEqual({ review: 'pending', flag: null });
		expect(reviewAfterRecording(false)).toEqual({ review: 'flagged', flag: 'disclosure_missing' });
	});

	it('the brand confirms a pending post and flags a pending or confirmed one; a flagged post waits for the creator', () => {
		expect(canReviewPublication('pending', 'confirm')).toBe(true);
		expect(canReviewPublication('confirmed', 'confirm')).toBe(false);
		expect(canReviewPublication('flagged', 'confirm')).toBe(false);
		expect(canReviewPublication('pending', 'flag')).toBe(true);
		expect(canReviewPublication('confirmed', 'flag')).toBe(true);
		expect(canReviewPublication('flagged', 'flag')).toBe(false);
		expect(canReviewPublication(null, 'confirm')).toBe(false);
	});
});

describe('story highlight', () => {
	it('is short with fewer hours than agreed; unknown until recorded', () => {
		expect(highlightShort(48, 47)).toBe(true);
		expect(highlightShort(48, 48)).toBe(false);
		expect(highlightShort(48, null)).toBeNull();
		expect(highlightShort(null, 10)).toBeNull();
	});
});

describe('stats windows', () => {
	it('open one and seven days after publication', () => {
		expect(statsOpensAt(1_000, 'D1')).toBe(1_000 + DAY);
		expect(statsOpensAt(1_000, 'D7')).toBe(1_000 + 7 * DAY);
	});

	it('a first report is the window’s transition; a later one corrects it until approved; D7 waits for D1', () => {
		expect(planReport('published', 'D1', null)).toEqual({ kind: 'first', action: 'report_d1' });
		expect(planReport('stats_d1', 'D7', null)).toEqual({ kind: 'first', action: 'report_d7' });
		expect(planReport('published', 'D7', null)).toEqual({ kind: 'refused', reason: 'd1_first' });
		expect(planReport('stats_d1', 'D1', 'submitted')).toEqual({ kind: 'correction' });
		expect(planReport('stats_d7', 'D1', 'queried')).toEqual({ kind: 'correction' });
		expect(planReport('stats_d7', 'D1', 'approved')).toEqual({ kind: 'refused', reason: 'approved' });
		expect(planReport('withdrawn', 'D1', 'submitted')).toEqual({ kind: 'refused', reason: 'invalid_state' });
		expect(planReport('done', 'D7', 'submitted')).toEqual({ kind: 'refused', reason: 'invalid_state' });
	});

	it('the brand queries a submitted window, approves a submitted or queried one, D7 only after D1 (and that closes)', () => {
		expect(planReview('stats_d1', 'D1', 'query', 'submitted', 'submitted')).toEqual({ ok: true, closes: false });
		expect(planReview('stats_d1', 'D1', 'query', 'queried', 'queried')).toEqual({ ok: false, reason: 'invalid_state' });
		expect(planReview('stats_d1', 'D1', 'approve', 'queried', 'queried')).toEqual({ ok: true, closes: false });
		expect(planReview('stats_d1', 'D1', 'approve', 'approved', 'approved')).toEqual({ ok: false, reason: 'invalid_state' });
		expect(planReview('stats_d7', 'D7', 'approve', 'submitted', 'submitted')).toEqual({ ok: false, reason: 'd1_first' });
		expect(planReview('stats_d7', 'D7', 'approve', 'submitted', 'approved')).toEqual({ ok: true, closes: true });
		expect(planReview('stats_d1', 'D7', 'approve', null, 'approved')).toEqual({ ok: false, reason: 'invalid_state' });
		expect(planReview('withdrawn', 'D1', 'approve', 'submitted', 'submitted')).toEqual({ ok: false, reason: 'invalid_state' });
	});

	it('the creator answers a queried window only', () => {
		expect(canAnswer('stats_d1', 'D1', 'queried')).toBe(true);
		expect(canAnswer('stats_d1', 'D1', 'submitted')).toBe(false);
		expect(canAnswer('done', 'D7', 'queried')).toBe(false);
	});

	it('the delivered post takes the approved D7 figures over D1, and nothing unapproved', () => {
		const d1 = { window: 'D1', status: 'approved', views: 1 };
		const d7 = { window: 'D7', status: 'approved', views: 7 };
		expect(deliveredFigures([d1, d7])).toBe(d7);
		expect(deliveredFigures([d1, { ...d7, status: 'submitted' }])).toBe(d1);
		expect(deliveredFigures([{ ...d1, status: 'queried' }])).toBeNull();
	});
});
