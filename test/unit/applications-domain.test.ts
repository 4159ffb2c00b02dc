import { describe, expect, it } from 'vitest';
import { APPLICATION_TRANSITIONS, canMove, checkTransition, isOpenForDecision, sourcesOf } from '../../worker/domain/application-status';
import { acceptsApplications, algiersDay, datesOutsideWindow, isCalendarDay, looksLikeCentimes, normaliseDays } from '../../worker/domain/application-rules';
import { asciiName, defaultPaymentSchedule, prefillTerms, promoCodeFor, whatsappKeywordFor } from '../../worker/domain/agreement-terms';
import { APPLICATION_STATUSES } from '../../worker/domain/taxonomy';

describe('application state machine', () => {
	it('has a row for every status and only final states have no way out', () => {
		expect(Object.keys(APPLICATION_TRANSITIONS).sort()).toEqual([...APPLICATION_STATUSES].sort());
		expect(APPLICATION_STATUSES.filter((s) => APPLICATION_TRANSITIONS[s].length === 0)).toEqual(['accepted', 'declined', 'withdrawn']);
	});

	it.each([
		['pending', 'shortlist', { ok: true }],
		['pending', 'accept', { ok: true }],
		['shortlisted', 'accept', { ok: true }],
		['shortlisted', 'decline', { ok: true }],
		['shortlisted', 'shortlist', { ok: false, code: 'already_done' }],
		['accepted', 'accept', { ok: false, code: 'already_done' }],
		['accepted', 'decline', { ok: false, code: 'invalid_state' }],
		['declined', 'accept', { ok: false, code: 'invalid_state' }],
		['declined', 'shortlist', { ok: false, code: 'invalid_state' }],
		['withdrawn', 'accept', { ok: false, code: 'invalid_state' }]
	] as const)('%s + %s → %o', (from, action, expected) => {
		expect(checkTransition(from, action)).toEqual(expected);
	});

	it('lists the sources each action is allowed from (the UPDATE guard)', () => {
		expect(sourcesOf('accept')).toEqual(['pending', 'shortlisted']);
		expect(sourcesOf('decline')).toEqual(['pending', 'shortlisted']);
		expect(sourcesOf('shortlist')).toEqual(['pending']);
		expect(canMove('accepted', 'pending')).toBe(false);
		expect(isOpenForDecision('shortlisted')).toBe(true);
		expect(isOpenForDecision('declined')).toBe(false);
	});
});

describe('application rules', () => {
	it('warns when a fee looks like centimes, never for ordinary fees', () => {
		expect(looksLikeCentimes(25_000)).toBe(false);
		expect(looksLikeCentimes(500_000)).toBe(false);
		expect(looksLikeCentimes(1_500_000)).toBe(true); // "1 500 000" said for 15 000 DA
		expect(looksLikeCentimes(1_500_001)).toBe(false); // not a round hundred: typed on purpose
		expect(looksLikeCentimes(1_500_000, 2_000_000)).toBe(false); // within a big campaign's budget
		expect(looksLikeCentimes(0)).toBe(false);
	});

	it('checks days against the campaign window in Algiers time', () => {
		// 2026-12-01 00:30 in Algiers is still 2026-11-30 in UTC.
		const start = Date.UTC(2026, 10, 30, 23, 30);
		const end = Date.UTC(2026, 11, 14, 12, 0);
		expect(algiersDay(start)).toBe('2026-12-01');
		expect(datesOutsideWindow(['2026-11-30', '2026-12-01', '2026-12-14', '2026-12-15'], { startsAt: start, endsAt: end })).toEqual([0, 3]);
		expect(datesOutsideWindow(['1999-01-01'], { startsAt: null, endsAt: null })).toEqual([]);
		expect(isCalendarDay('2026-02-29')).toBe(false);
		expect(isCalendarDay('2028-02-29')).toBe(true);
		expect(isCalendarDay('2026-1-01')).toBe(false);
		expect(normaliseDays(['2026-12-03', '2026-12-01', '2026-12-03'])).toEqual(['2026-12-01', '2026-12-03']);
	});

	it('opens applications only for open campaigns before their deadline', () => {
		const now = 1_000_000;
		expect(acceptsApplications({ status: 'open', applyBy: null }, now)).toBe(true);
		expect(acceptsApplications({ status: 'open', applyBy: now + 1 }, now)).toBe(true);
		expect(acceptsApplications({ status: 'open', applyBy: now }, now)).toBe(false);
		expect(acceptsApplications({ status: 'draft', applyBy: null }, now)).toBe(false);
		expect(acceptsApplications({ status: 'closed', applyBy: null }, now)).toBe(false);
	});
});

describe('promo codes and WhatsApp keywords', () => {
	it.each([
		['Nour', 'NOUR10', 'INSTA-NOUR'],
		['Noûr Beauty', 'NOUR10', 'INSTA-NOUR'],
		['نور', 'NOUR10', 'INSTA-NOUR'],
		['ياسمين بن علي', 'YASMIN10', 'INSTA-YASMIN'],
		['سارة', 'SARA10', 'INSTA-SARA'],
		['أمينة', 'AMINA10', 'INSTA-AMINA'],
		['Léna Chloé', 'LENA10', 'INSTA-LENA'],
		['Çelik Ömer', 'CELIK10', 'INSTA-CELIK'],
		['  ✨ ', 'CREATEUR10', 'INSTA-CREATEUR'],
		['Abdelkaderbenyoucef', 'ABDELKADER10', 'INSTA-ABDELKADER']
	])('%s → %s / %s', (name, code, keyword) => {
		expect(promoCodeFor(name)).toBe(code);
		expect(whatsappKeywordFor(name)).toBe(keyword);
		expect(code).toMatch(/^[A-Z0-9]+$/);
	});

	it('names the platform in the keyword and keeps only ASCII', () => {
		expect(whatsappKeywordFor('Walid', 'tiktok')).toBe('TIKTOK-WALID');
		expect(asciiName('وليد شريف')).toBe('WLID CHRIF');
		expect(asciiName('جميلة')).toMatch(/^[ -~]+$/);
	});
});

describe('prefillTerms', () => {
	const base = {
		brand: { id: 'b1', name: 'Atelier Lina' },
		creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty.ab12' },
		campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales' as const, reuseRightsDays: 45, startsAt: Date.UTC(2026, 11, 1, 8), endsAt: Date.UTC(2026, 11, 14, 8) },
		application: { formats: ['reel', 'story', 'reel'] as ('reel' | 'story')[], feeDzd: 25_001, proposedDates: ['2026-12-05', '2026-12-03'] }
	};

	it('fills parties, deliverables, fee, schedule, rights, disclosure, crisis and codes', () => {
		const terms = prefillTerms(base);
		expect(terms).toEqual({
			schemaVersion: 2,
			parties: {
				brand: { id: 'b1', name: 'Atelier Lina', legalName: 'Atelier Lina', rcNumber: null, nif: null, representative: '' },
				creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty.ab12', legalName: '', rcNumber: null, nif: null, autoEntrepreneurCard: null }
			},
			campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales' },
			deliverables: [
				{ platform: 'instagram', format: 'reel', count: 1, storyHighlightHours: null },
				{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 72 }
			],
			publicationWindow: { from: '2026-12-01', to: '2026-12-14', proposedDates: ['2026-12-03', '2026-12-05'] },
			validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
			disclosure: { platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'], wholeLifeOfPost: true },
			reuseRights: { days: 45, perpetual: false, channels: ['website', 'catalogue', 'whatsapp_catalogue'] },
			crisis: { requestedBy: 'either', withdrawalWithinHours: 24, payment: 'pro_rata' },
			fee: { amountDzd: 25_001, currency: 'DZD' },
			paymentSchedule: [
				{ milestone: 'signature', amountDzd: 12_500, dueDays: 7 },
				{ milestone: 'approval', amountDzd: 12_501, dueDays: 7 }
			],
			attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' },
			termination: { noticeDays: 7, cureDays: 3 },
			personalData: { law: '18-07', shared: ['identity', 'contact', 'payment_details', 'audience_stats'], retentionMonths: 12 },
			law: { governingLaw: 'DZ', amicableDays: 30, courtWilaya: { code: '16', nameFr: 'Alger', nameAr: 'الجزائر' } }
		});
	});

	it('takes the publication window from the proposed days when the campaign has no dates', () => {
		const terms = prefillTerms({ ...base, campaign: { ...base.campaign, startsAt: null, endsAt: null } });
		expect(terms.publicationWindow).toEqual({ from: '2026-12-03', to: '2026-12-05', proposedDates: ['2026-12-03', '2026-12-05'] });
		const none = prefillTerms({ ...base, campaign: { ...base.campaign, startsAt: null, endsAt: null }, application: { ...base.application, proposedDates: [] } });
		expect(none.publicationWindow).toEqual({ from: null, to: null, proposedDates: [] });
	});

	it('schedules whole dinars that add up to the fee', () => {
		for (const fee of [1, 2, 15_000, 99_999]) {
			const s = defaultPaymentSchedule(fee);
			expect(s[0].amountDzd + s[1].amountDzd).toBe(fee);
			expect(s.every((m) => Number.isInteger(m.amountDzd))).toBe(true);
		}
	});
});
