/**
 * The pure helpers of the crisis part of a deliverable page (web/src/lib/crisis.ts) and of the
 * content library page (web/src/lib/library.ts): who sees which form, the payment effect and
 * the rights window in words, and the filters read from the page's URL.
 */
import { describe, expect, it } from 'vitest';
import { clauseText, crisisState, paymentEffectText } from '../../web/src/lib/crisis';
import { apiQuery, readFilters, rightsText } from '../../web/src/lib/library';
import { translator } from '../../web/src/lib/server/i18n';
import { paymentEffect } from '../../worker/domain/crisis';
import type { DeliverableDetail } from '../../web/src/lib/deliverables';

const fr = translator('fr');
const ar = translator('ar');
const NBSP = '\u00a0';

type Shape = Pick<DeliverableDetail, 'party' | 'deliverable' | 'terms' | 'withdrawal'>;
const detail = (over: { party?: 'brand' | 'creator'; status?: string; requestedBy?: 'brand' | 'either'; withdrawal?: Partial<NonNullable<Shape['withdrawal']>> | null }): Shape =>
	({
		party: over.party ?? 'brand',
		deliverable: { status: over.status ?? 'published' },
		terms: { crisis: { requestedBy: over.requestedBy ?? 'either', withdrawalWithinHours: 24, payment: 'pro_rata' } },
		withdrawal: over.withdrawal ? { requestedBy: 'brand', status: 'requested', ...over.withdrawal } : null
	}) as unknown as Shape;

describe('crisis part', () => {
	it('offers the request to a party the terms allow while the content is online, and the confirmation to the other side', () => {
		expect(crisisState(detail({ status: 'approved' }))).toEqual({ kind: 'none' });
		expect(crisisState(detail({ status: 'published' }))).toEqual({ kind: 'can_request' });
		expect(crisisState(detail({ status: 'done', party: 'creator' }))).toEqual({ kind: 'can_request' });
		expect(crisisState(detail({ status: 'stats_d1', party: 'creator', requestedBy: 'brand' }))).toEqual({ kind: 'brand_only' });
		expect(crisisState(detail({ party: 'brand', withdrawal: { requestedBy: 'brand' } }))).toEqual({ kind: 'pending', confirm: false, other: 'creator' });
		expect(crisisState(detail({ party: 'creator', withdrawal: { requestedBy: 'brand' } }))).toEqual({ kind: 'pending', confirm: true, other: 'creator' });
		expect(crisisState(detail({ party: 'brand', withdrawal: { requestedBy: 'creator' } }))).toEqual({ kind: 'pending', confirm: true, other: 'brand' });
		expect(crisisState(detail({ status: 'withdrawn', withdrawal: { status: 'removed' } }))).toEqual({ kind: 'removed' });
	});

	it('says the payment effect in words, with dinars formatted for the reader', () => {
		const schedule = [{ milestone: 'signature' as const, amountDzd: 12_500 }];
		const pro = paymentEffect({ rule: 'pro_rata', feeDzd: 25_000, total: 3, publishedBefore: 1, schedule, milestonesReached: ['signature'] });
		expect(paymentEffectText(fr, 'fr', pro)).toEqual([
			`Rémunération au prorata des contenus publiés avant la demande${NBSP}: 1 sur 3, soit 8\u202f333${NBSP}DA sur 25\u202f000${NBSP}DA (arrondi au dinar inférieur).`,
			`Les échéances déjà exigibles dépassent ce montant de 4\u202f167${NBSP}DA${NBSP}: si elles ont été versées, cette somme revient à la marque${NBSP}; sinon, elle n’est plus due.`
		]);
		const full = paymentEffect({ rule: 'due_in_full', feeDzd: 25_000, total: 3, publishedBefore: 1, schedule, milestonesReached: ['signature'] });
		expect(paymentEffectText(fr, 'fr', full)).toEqual([`La rémunération reste due en totalité${NBSP}: 25\u202f000${NBSP}DA.`]);
		const none = paymentEffect({ rule: 'none_if_not_published', feeDzd: 25_000, total: 3, publishedBefore: 0, schedule, milestonesReached: ['signature'] });
		expect(paymentEffectText(ar, 'ar', none)[0]).toBe('لم يكن أي محتوى منشورًا قبل الطلب: لا يستحق أي مقابل مالي.');
		// A damaged or empty effect says nothing rather than wrong amounts.
		expect(paymentEffectText(fr, 'fr', {})).toEqual([]);
		expect(paymentEffectText(fr, 'fr', { rule: 'pro_rata', feeDzd: 'beaucoup' })).toEqual([]);
	});

	it('sums up the clause of the terms', () => {
		expect(clauseText(fr, { requestedBy: 'brand', withdrawalWithinHours: 12, payment: 'due_in_full' })).toBe(
			`Le contrat prévoit le retrait du contenu sous 12${NBSP}h en cas de crise, à la demande de la marque. La rémunération reste due en totalité.`
		);
	});
});

describe('content library page', () => {
	it('reads the filters of the URL, ignoring values that cannot be one, and asks the API for the set ones only', () => {
		const { filters, page } = readFilters(new URL('http://wasla.test/content?campaignId=c-1&creatorId=../x&format=reel&channel=tv&status=expired&page=2'));
		expect(filters).toEqual({ campaignId: 'c-1', creatorId: '', format: 'reel', channel: '', status: 'expired' });
		expect(page).toBe(2);
		expect(apiQuery(filters, page)).toBe('?campaignId=c-1&format=reel&status=expired&page=2');
		expect(readFilters(new URL('http://wasla.test/content?page=0')).page).toBe(1);
		expect(apiQuery(readFilters(new URL('http://wasla.test/content?campaignId=&format=')).filters, 1)).toBe('');
	});

	it('says the rights window: until a date, perpetual, expired, awaiting publication, withdrawn', () => {
		const base = { perpetual: false, rightsDays: 30, rightsUntil: '2027-02-12T10:00:00.000Z', expiredAt: null, withdrawnAt: null };
		expect(rightsText(fr, 'fr', { ...base, status: 'active' })).toBe('Jusqu’au 12 févr. 2027');
		expect(rightsText(fr, 'en', { ...base, status: 'active' })).toBe('Jusqu’au 12 Feb 2027');
		expect(rightsText(fr, 'fr', { ...base, perpetual: true, rightsDays: null, rightsUntil: null, status: 'active' })).toBe('Sans limite de durée');
		expect(rightsText(fr, 'fr', { ...base, status: 'expired' })).toBe('Expirés le 12 févr. 2027');
		expect(rightsText(fr, 'fr', { ...base, rightsUntil: null, status: 'awaiting_publication' })).toBe('30 jours à partir de la publication');
		expect(rightsText(fr, 'fr', { ...base, perpetual: true, rightsDays: null, rightsUntil: null, status: 'awaiting_publication' })).toBe('Sans limite de durée, à partir de la publication');
		expect(rightsText(fr, 'fr', { ...base, withdrawnAt: '2027-01-20T09:00:00.000Z', status: 'withdrawn' })).toBe('Retiré le 20 janv. 2027 (clause de crise)');
	});
});
