/** The workspace pages' pure helpers (web/src/lib/workspace.ts): grouping by day, the due list's sections, RIP and phone for reading, the terms' codes and schedule. */
import { describe, expect, it } from 'vitest';
import { liveState, algiersDay, attributionOf, dayLabel, dueSections, dueText, formatPhone, formatRip, groupByDay, paymentScheduleOf } from '../../web/src/lib/workspace';
import { translator } from '../../web/src/lib/server/i18n';

const fr = translator('fr');

describe('grouping a timeline by day', () => {
	it('keeps the days in the order of the list and every item under its day', () => {
		const items = [
			{ id: 'a', day: '2027-01-07' },
			{ id: 'b', day: '2027-01-07' },
			{ id: 'c', day: '2027-01-09' },
			{ id: 'd', day: '2027-01-07' }
		];
		expect(groupByDay(items).map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
			['2027-01-07', ['a', 'b', 'd']],
			['2027-01-09', ['c']]
		]);
		expect(groupByDay([])).toEqual([]);
	});

	it('names today, tomorrow and yesterday, and other days in full, in Algiers', () => {
		expect(dayLabel(fr, 'fr', '2027-01-09', '2027-01-09')).toBe('Aujourd’hui');
		expect(dayLabel(fr, 'fr', '2027-01-10', '2027-01-09')).toBe('Demain');
		expect(dayLabel(fr, 'fr', '2027-01-08', '2027-01-09')).toBe('Hier');
		expect(dayLabel(fr, 'fr', '2027-01-12', '2027-01-09')).toBe('mardi 12 janvier 2027');
		expect(dayLabel(translator('en'), 'en', '2027-01-12', '2027-01-09')).toBe('Tuesday, 12 January 2027');
		// Arabic: the month names used in Algeria, Latin digits.
		expect(dayLabel(translator('ar'), 'ar', '2027-01-12', '2027-01-09')).toMatch(/^الثلاثاء.*12 جانفي 2027$/);
		// Across a month's end.
		expect(dayLabel(fr, 'fr', '2027-02-01', '2027-01-31')).toBe('Demain');
	});

	it('takes today’s day in Algiers, an hour ahead of UTC', () => {
		expect(algiersDay(Date.parse('2027-01-09T22:59:00Z'))).toBe('2027-01-09');
		expect(algiersDay(Date.parse('2027-01-09T23:00:00Z'))).toBe('2027-01-10');
	});
});

describe('deadlines for reading', () => {
	it('names the day a deadline at the end of an Algiers day closes, not the midnight after it', () => {
		// The end of 6 December in Algiers: 6 December 23:00 UTC.
		expect(dueText(fr, 'fr', '2026-12-06T23:00:00.000Z')).toBe('au plus tard le 6 déc. 2026');
		expect(dueText(translator('en'), 'en', '2026-12-06T23:00:00.000Z')).toBe('by the end of 6 Dec 2026');
	});

	it('keeps the time of any other deadline', () => {
		expect(dueText(fr, 'fr', '2026-12-06T09:30:00.000Z')).toBe('avant le 6 déc. 2026, 10:30');
	});
});

describe('the due list’s sections', () => {
	it('splits late, coming up and over, in that order, leaving empty ones out', () => {
		const late = { next: { party: 'creator' as const, step: 'submit_draft' as const, dueAt: '2027-01-01T23:00:00.000Z', late: true }, status: 'planned' as const };
		const open = { next: { party: 'brand' as const, step: 'review_draft' as const, dueAt: null, late: false }, status: 'draft_submitted' as const };
		const done = { next: null, status: 'done' as const };
		const withdrawn = { next: null, status: 'withdrawn' as const };
		expect(dueSections([late, open, done, withdrawn]).map((s) => [s.key, s.items])).toEqual([
			['late', [late]],
			['open', [open]],
			['over', [done, withdrawn]]
		]);
		expect(dueSections([open]).map((s) => s.key)).toEqual(['open']);
	});
});

describe('contact details for reading', () => {
	it('writes a RIP in its four parts and leaves anything else alone', () => {
		expect(formatRip('00799999001234567803')).toBe('007 99999 0012345678 03');
		expect(formatRip('12345')).toBe('12345');
	});

	it('writes an Algerian number in its usual groups', () => {
		expect(formatPhone('+213661234567')).toBe('+213 661 23 45 67');
		expect(formatPhone('+33612345678')).toBe('+33612345678');
	});
});

describe('what the workspace reads from the terms', () => {
	it('reads the codes, or none', () => {
		expect(attributionOf({ attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' } })).toEqual({ promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' });
		expect(attributionOf({})).toBeNull();
	});

	it('reads the schedule in whole dinars and skips what is not', () => {
		const terms = {
			fee: { amountDzd: 25000, currency: 'DZD' },
			paymentSchedule: [
				{ milestone: 'signature', amountDzd: 12500, dueDays: 7 },
				{ milestone: 'publication', amountDzd: 12500.5, dueDays: 7 },
				{ milestone: 'approval', amountDzd: 12500, dueDays: 0 }
			]
		};
		expect(paymentScheduleOf(terms)).toEqual({
			rows: [
				{ milestone: 'signature', amountDzd: 12500, dueDays: 7 },
				{ milestone: 'approval', amountDzd: 12500, dueDays: 0 }
			],
			feeDzd: 25000
		});
		expect(paymentScheduleOf({})).toEqual({ rows: [], feeDzd: null });
	});
});

describe('liveState (issue 12)', () => {
	it('says live, deactivated after the campaign, or not live yet', () => {
		expect(liveState(true, null)).toBe('live');
		expect(liveState(false, '2027-01-31T23:00:00.000Z')).toBe('ended');
		expect(liveState(false, null)).toBe('pending');
	});
});
