/** The deliverables' life cycle as data, and their planning from signed terms (worker/domain/deliverables.ts). */
import { describe, expect, it } from 'vitest';
import {
	DELIVERABLE_ACTIONS,
	DELIVERABLE_STATUSES,
	DELIVERABLE_TRANSITIONS,
	type DeliverableStatus,
	checkDeliverableAction,
	endOfAlgiersDay,
	isLate,
	nextStep,
	planDeliverables,
	publicationDays
} from '../../worker/domain/deliverables';

const validation = { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 };
const signedAt = Date.parse('2027-01-02T10:00:00Z');

describe('deliverable state machine', () => {
	it('walks the whole path planned → done, with a correction round', () => {
		const path: [DeliverableStatus, keyof typeof DELIVERABLE_ACTIONS, 'brand' | 'creator'][] = [
			['planned', 'submit', 'creator'],
			['draft_submitted', 'request_changes', 'brand'],
			['changes_requested', 'submit', 'creator'],
			['draft_submitted', 'approve', 'brand'],
			['approved', 'publish', 'creator'],
			['published', 'report_d1', 'creator'],
			['stats_d1', 'report_d7', 'creator'],
			['stats_d7', 'close', 'brand']
		];
		let status: DeliverableStatus = 'planned';
		for (const [from, action, party] of path) {
			expect(status).toBe(from);
			const check = checkDeliverableAction(status, action, party);
			expect(check.ok, `${action} from ${status}`).toBe(true);
			if (check.ok) status = check.to;
		}
		expect(status).toBe('done');
	});

	it('refuses the other side (403) before the wrong status (409)', () => {
		expect(checkDeliverableAction('planned', 'submit', 'brand')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkDeliverableAction('draft_submitted', 'approve', 'creator')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkDeliverableAction('planned', 'approve', 'brand')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkDeliverableAction('approved', 'submit', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkDeliverableAction('planned', 'publish', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkDeliverableAction('withdrawn', 'report_d1', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
	});

	it('only online content can be withdrawn, by either side, and withdrawn and done are the ends', () => {
		for (const s of DELIVERABLE_STATUSES) {
			const online = ['published', 'stats_d1', 'stats_d7', 'done'].includes(s);
			expect(checkDeliverableAction(s, 'withdraw', 'brand').ok, s).toBe(online);
			expect(checkDeliverableAction(s, 'withdraw', 'creator').ok, s).toBe(online);
		}
		expect(DELIVERABLE_TRANSITIONS.withdrawn).toEqual([]);
		expect(DELIVERABLE_TRANSITIONS.done).toEqual(['withdrawn']);
		expect([...DELIVERABLE_TRANSITIONS.draft_submitted].sort()).toEqual(['approved', 'changes_requested']);
	});
});

describe('planning from the signed terms', () => {
	it('makes one deliverable per format × count, in terms order, numbered within their format', () => {
		const plan = planDeliverables(
			{
				deliverables: [
					{ platform: 'instagram', format: 'reel', count: 2, storyHighlightHours: null },
					{ platform: 'tiktok', format: 'post', count: 1, storyHighlightHours: null },
					{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 48 }
				],
				publicationWindow: { from: '2027-01-10', to: '2027-01-20', proposedDates: [] },
				validation
			},
			signedAt
		);
		expect(plan.map((p) => [p.seq, p.platform, p.format, p.ordinal, p.storyHighlightHours])).toEqual([
			[1, 'instagram', 'reel', 1, null],
			[2, 'instagram', 'reel', 2, null],
			[3, 'tiktok', 'post', 1, null],
			[4, 'instagram', 'story', 1, 48]
		]);
		// Four posts spread across 10–20 January: start, about a third, two thirds, end.
		expect(plan.map((p) => p.publishOn)).toEqual(['2027-01-10', '2027-01-13', '2027-01-17', '2027-01-20']);
	});

	it('computes due moments in Algiers time (UTC+1): the end of the day, draft and review before publication', () => {
		const [p] = planDeliverables(
			{ deliverables: [{ platform: 'instagram', format: 'reel', count: 1, storyHighlightHours: null }], publicationWindow: { from: '2027-01-15', to: '2027-01-15', proposedDates: [] }, validation },
			signedAt
		);
		expect(p.publishOn).toBe('2027-01-15');
		// The end of 15 January in Algiers is 23:00 UTC.
		expect(new Date(p.publishDueAt).toISOString()).toBe('2027-01-15T23:00:00.000Z');
		expect(new Date(p.draftDueAt).toISOString()).toBe('2027-01-13T23:00:00.000Z');
		// Review 2 days after the draft day, but never after the publication day.
		expect(new Date(p.reviewDueAt).toISOString()).toBe('2027-01-15T23:00:00.000Z');
		expect(endOfAlgiersDay('2027-03-01')).toBe(Date.parse('2027-03-01T23:00:00Z'));
	});

	it('uses the proposed dates inside the window first, then spreads the rest', () => {
		expect(publicationDays({ publicationWindow: { from: '2027-01-10', to: '2027-01-20', proposedDates: ['2027-01-12', '2027-02-01'] }, validation }, 3, '2027-01-02')).toEqual([
			'2027-01-10',
			'2027-01-12',
			'2027-01-20'
		]);
	});

	it('without a window, plans the earliest day a reviewed draft can go out; a day already past at signing moves there too', () => {
		expect(publicationDays({ publicationWindow: { from: null, to: null, proposedDates: [] }, validation }, 1, '2027-01-02')).toEqual(['2027-01-06']);
		expect(publicationDays({ publicationWindow: { from: '2026-12-20', to: '2026-12-20', proposedDates: [] }, validation }, 1, '2027-01-02')).toEqual(['2027-01-06']);
	});
});

describe('next step', () => {
	const base = { draftDueAt: 1000, publishDueAt: 5000, lastSubmittedAt: null, reviewDays: 2, publishedAt: null };
	it('names who acts next and by when, and whether it is late', () => {
		expect(nextStep({ ...base, status: 'planned' })).toEqual({ party: 'creator', step: 'submit_draft', dueAt: 1000 });
		expect(nextStep({ ...base, status: 'draft_submitted', lastSubmittedAt: 0 })).toEqual({ party: 'brand', step: 'review_draft', dueAt: 2 * 86_400_000 });
		expect(nextStep({ ...base, status: 'published', publishedAt: 0 })).toEqual({ party: 'creator', step: 'report_d1', dueAt: 2 * 86_400_000 });
		expect(nextStep({ ...base, status: 'done' })).toBeNull();
		expect(isLate(nextStep({ ...base, status: 'planned' }), 1001)).toBe(true);
		expect(isLate(nextStep({ ...base, status: 'planned' }), 1000)).toBe(false);
	});
});
