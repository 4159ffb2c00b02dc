/** The crisis clause's rules (worker/domain/crisis.ts): who may ask, the deadline, lateness, and the payment effect of each rule with odd amounts. */
import { describe, expect, it } from 'vitest';
import { confirmingParty, mayRequestWithdrawal, milestonesReached, paymentEffect, withdrawalDeadline, withdrawalLate } from '../../worker/domain/crisis';
import { CRISIS_PAYMENTS, type PaymentMilestone } from '../../worker/domain/agreement-terms';

const HOUR = 3_600_000;
const schedule = (...amounts: [PaymentMilestone, number][]) => amounts.map(([milestone, amountDzd]) => ({ milestone, amountDzd }));

describe('who asks, who confirms, by when', () => {
	it('the brand may always ask; the creator only when the terms say either party', () => {
		expect(mayRequestWithdrawal('brand', 'brand')).toBe(true);
		expect(mayRequestWithdrawal('brand', 'creator')).toBe(false);
		expect(mayRequestWithdrawal('either', 'creator')).toBe(true);
		expect(mayRequestWithdrawal('either', 'brand')).toBe(true);
	});

	it('the other side confirms', () => {
		expect(confirmingParty('brand')).toBe('creator');
		expect(confirmingParty('creator')).toBe('brand');
	});

	it('the deadline is the request plus the terms’ hours', () => {
		const at = Date.parse('2027-01-12T22:30:00Z');
		expect(withdrawalDeadline(at, 24)).toBe(Date.parse('2027-01-13T22:30:00Z'));
		expect(withdrawalDeadline(at, 1)).toBe(at + HOUR);
		expect(withdrawalDeadline(at, 168)).toBe(at + 7 * 24 * HOUR);
	});

	it('late: pending past the deadline (the deadline itself is on time), or confirmed after it — for good', () => {
		const deadlineAt = 1_000_000;
		expect(withdrawalLate({ status: 'requested', deadlineAt, confirmedAt: null }, deadlineAt)).toBe(false);
		expect(withdrawalLate({ status: 'requested', deadlineAt, confirmedAt: null }, deadlineAt + 1)).toBe(true);
		expect(withdrawalLate({ status: 'removed', deadlineAt, confirmedAt: deadlineAt }, deadlineAt + 10 * HOUR)).toBe(false);
		expect(withdrawalLate({ status: 'removed', deadlineAt, confirmedAt: deadlineAt + 1 }, deadlineAt + 1)).toBe(true);
		// A removal on time stays on time however late it is read.
		expect(withdrawalLate({ status: 'removed', deadlineAt, confirmedAt: deadlineAt - 5 }, deadlineAt * 10)).toBe(false);
	});
});

describe('milestones reached at the request', () => {
	it('signature always; approval once every deliverable was approved; publication once every one was published', () => {
		expect(milestonesReached({ total: 3, approved: 2, published: 1 })).toEqual(['signature']);
		expect(milestonesReached({ total: 3, approved: 3, published: 2 })).toEqual(['signature', 'approval']);
		expect(milestonesReached({ total: 3, approved: 3, published: 3 })).toEqual(['signature', 'approval', 'publication']);
		expect(milestonesReached({ total: 0, approved: 0, published: 0 })).toEqual(['signature']);
	});
});

describe('payment effect', () => {
	const odd = { feeDzd: 100_001, total: 3, schedule: schedule(['signature', 33_334], ['approval', 33_333], ['publication', 33_334]) };

	it('due in full: the whole fee, nothing withheld, nothing to give back', () => {
		const e = paymentEffect({ ...odd, rule: 'due_in_full', publishedBefore: 1, milestonesReached: ['signature'] });
		expect(e).toEqual({
			rule: 'due_in_full',
			feeDzd: 100_001,
			publishedBefore: 1,
			total: 3,
			amountDueDzd: 100_001,
			withheldDzd: 0,
			milestonesReached: ['signature'],
			scheduledDzd: 33_334,
			refund: false,
			refundDzd: 0,
			rounding: 'down_to_dinar'
		});
	});

	it('pro rata: the published share of the fee, rounded down to the dinar', () => {
		// 100 001 / 3 = 33 333.67 → 33 333; × 2 / 3 = 66 667.33 → 66 667; 3 / 3 is the whole fee.
		expect(paymentEffect({ ...odd, rule: 'pro_rata', publishedBefore: 1, milestonesReached: ['signature'] })).toMatchObject({
			amountDueDzd: 33_333,
			withheldDzd: 66_668,
			scheduledDzd: 33_334,
			refund: true,
			refundDzd: 1
		});
		expect(paymentEffect({ ...odd, rule: 'pro_rata', publishedBefore: 2, milestonesReached: ['signature', 'approval'] })).toMatchObject({
			amountDueDzd: 66_667,
			withheldDzd: 33_334,
			scheduledDzd: 66_667,
			refund: false,
			refundDzd: 0
		});
		expect(paymentEffect({ ...odd, rule: 'pro_rata', publishedBefore: 3, milestonesReached: ['signature', 'approval', 'publication'] })).toMatchObject({
			amountDueDzd: 100_001,
			withheldDzd: 0,
			scheduledDzd: 100_001,
			refund: false
		});
		// 7 dinars over 3 deliverables, 1 published: ⌊7/3⌋ = 2 (never 2.33, never 3).
		expect(paymentEffect({ rule: 'pro_rata', feeDzd: 7, total: 3, publishedBefore: 1, schedule: schedule(['signature', 7]), milestonesReached: ['signature'] })).toMatchObject({
			amountDueDzd: 2,
			withheldDzd: 5,
			refundDzd: 5
		});
	});

	it('none if not published: nothing due and what was paid refunded when nothing was online; the whole fee once something was', () => {
		expect(paymentEffect({ ...odd, rule: 'none_if_not_published', publishedBefore: 0, milestonesReached: ['signature', 'approval'] })).toMatchObject({
			amountDueDzd: 0,
			withheldDzd: 100_001,
			scheduledDzd: 66_667,
			refund: true,
			refundDzd: 66_667
		});
		expect(paymentEffect({ ...odd, rule: 'none_if_not_published', publishedBefore: 1, milestonesReached: ['signature'] })).toMatchObject({
			amountDueDzd: 100_001,
			withheldDzd: 0,
			refund: false,
			refundDzd: 0
		});
		// Nothing scheduled before publication: nothing to give back.
		expect(paymentEffect({ rule: 'none_if_not_published', feeDzd: 9_999, total: 2, publishedBefore: 0, schedule: schedule(['publication', 9_999]), milestonesReached: ['signature'] })).toMatchObject({
			amountDueDzd: 0,
			scheduledDzd: 0,
			refund: false,
			refundDzd: 0
		});
	});

	it('never exceeds the fee and stays in whole dinars, whatever the inputs', () => {
		for (const rule of CRISIS_PAYMENTS) {
			for (const [feeDzd, total, publishedBefore] of [
				[0, 3, 1],
				[1, 3, 2],
				[99_999_999, 7, 5],
				[25_000, 3, 9],
				[25_000, 3, -2],
				[12_345.9, 4, 3]
			]) {
				const e = paymentEffect({ rule, feeDzd, total, publishedBefore, schedule: schedule(['signature', 10 ** 9], ['approval', 10 ** 9]), milestonesReached: ['signature', 'approval'] });
				for (const amount of [e.amountDueDzd, e.withheldDzd, e.scheduledDzd, e.refundDzd]) {
					expect(Number.isInteger(amount), `${rule} ${feeDzd}`).toBe(true);
					expect(amount).toBeGreaterThanOrEqual(0);
					expect(amount).toBeLessThanOrEqual(e.feeDzd);
				}
				expect(e.amountDueDzd + e.withheldDzd).toBe(e.feeDzd);
				expect(e.publishedBefore).toBeGreaterThanOrEqual(0);
				expect(e.publishedBefore).toBeLessThanOrEqual(e.total);
			}
		}
	});
});
