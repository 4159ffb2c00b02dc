/** The payouts' state machine, schedule, due moments, hold and crisis adjustment (worker/domain/payouts.ts). */
import { describe, expect, it } from 'vitest';
import {
	PAYOUT_ACTIONS,
	PAYOUT_STATUSES,
	checkPayoutAction,
	crisisPlan,
	crisisTransactions,
	fallingDue,
	milestoneReached,
	payoutDeadline,
	payoutHeld,
	payoutOverdue,
	payoutTransactions,
	planPayouts
} from '../../worker/domain/payouts';
import { balanced } from '../../worker/domain/ledger';

const parties = { brandId: 'b1', creatorId: 'c1' };

describe('state machine', () => {
	it('the brand marks paid (early too), the creator confirms or disputes, the brand answers with proof, an admin decides', () => {
		expect(checkPayoutAction('due', 'mark_paid', 'brand')).toEqual({ ok: true, to: 'paid' });
		expect(checkPayoutAction('scheduled', 'mark_paid', 'brand')).toEqual({ ok: true, to: 'paid' });
		expect(checkPayoutAction('paid', 'confirm', 'creator')).toEqual({ ok: true, to: 'confirmed' });
		expect(checkPayoutAction('paid', 'dispute', 'creator')).toEqual({ ok: true, to: 'disputed' });
		expect(checkPayoutAction('disputed', 'resolve_proof', 'brand')).toEqual({ ok: true, to: 'paid' });
		expect(checkPayoutAction('disputed', 'resolve_paid', 'admin')).toEqual({ ok: true, to: 'confirmed' });
		expect(checkPayoutAction('disputed', 'resolve_unpaid', 'admin')).toEqual({ ok: true, to: 'due' });
	});

	it('the wrong side is forbidden whatever the status; the wrong status is a conflict', () => {
		expect(checkPayoutAction('due', 'mark_paid', 'creator')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkPayoutAction('paid', 'confirm', 'brand')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkPayoutAction('disputed', 'resolve_paid', 'brand')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkPayoutAction('confirmed', 'mark_paid', 'brand')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkPayoutAction('due', 'confirm', 'creator')).toEqual({ ok: false, code: 'invalid_state' });
		expect(checkPayoutAction('cancelled', 'mark_paid', 'brand')).toEqual({ ok: false, code: 'invalid_state' });
	});

	it('confirmed and cancelled are final: no action leaves them', () => {
		for (const rule of Object.values(PAYOUT_ACTIONS)) {
			expect(rule.from).not.toContain('confirmed');
			expect(rule.from).not.toContain('cancelled');
		}
		expect(PAYOUT_STATUSES).toContain('cancelled');
	});
});

describe('schedule from the terms', () => {
	const signedAt = Date.parse('2027-01-05T20:30:00Z'); // 21:30 in Algiers, 5 January

	it('50/50: the signature half due at signing with its deadline, the approval half scheduled', () => {
		const plan = planPayouts(
			{
				paymentSchedule: [
					{ milestone: 'signature', amountDzd: 12_500, dueDays: 7 },
					{ milestone: 'approval', amountDzd: 12_501, dueDays: 3 }
				]
			},
			signedAt
		);
		expect(plan).toEqual([
			{ seq: 1, milestone: 'signature', amountDzd: 12_500, dueDays: 7, status: 'due', fallsDueAt: signedAt, deadlineAt: Date.parse('2027-01-12T23:00:00Z') },
			{ seq: 2, milestone: 'approval', amountDzd: 12_501, dueDays: 3, status: 'scheduled', fallsDueAt: null, deadlineAt: null }
		]);
	});

	it('instalments of 0 DA make no payout', () => {
		const plan = planPayouts(
			{
				paymentSchedule: [
					{ milestone: 'signature', amountDzd: 0, dueDays: 7 },
					{ milestone: 'publication', amountDzd: 9000, dueDays: 0 }
				]
			},
			signedAt
		);
		expect(plan.map((p) => [p.seq, p.milestone, p.amountDzd])).toEqual([[1, 'publication', 9000]]);
	});

	it('deadlines count Algiers days: an event at 23:30 Algiers (22:30 UTC) is on its Algiers day', () => {
		expect(payoutDeadline(Date.parse('2027-01-05T22:30:00Z'), 0)).toBe(Date.parse('2027-01-05T23:00:00Z'));
		// 00:30 Algiers on the 6th is 23:30 UTC on the 5th: the 6th counts.
		expect(payoutDeadline(Date.parse('2027-01-05T23:30:00Z'), 1)).toBe(Date.parse('2027-01-07T23:00:00Z'));
	});
});

describe('falling due', () => {
	const payouts = [
		{ id: 'a', status: 'scheduled', milestone: 'approval' as const },
		{ id: 'p', status: 'scheduled', milestone: 'publication' as const },
		{ id: 's', status: 'due', milestone: 'signature' as const }
	];
	it('approval when the last deliverable is approved, publication when the last one is published', () => {
		expect(fallingDue(payouts, { total: 3, approved: 2, published: 0 }, { total: 3, approved: 3, published: 0 }).map((p) => p.id)).toEqual(['a']);
		expect(fallingDue(payouts, { total: 3, approved: 1, published: 0 }, { total: 3, approved: 2, published: 0 })).toEqual([]);
		expect(fallingDue(payouts, { total: 3, approved: 3, published: 2 }, { total: 3, approved: 3, published: 3 }).map((p) => p.id)).toEqual(['p']);
	});
	it('without deliverables only the signature is reached', () => {
		expect(milestoneReached('approval', { total: 0, approved: 0, published: 0 })).toBe(false);
		expect(milestoneReached('signature', { total: 0, approved: 0, published: 0 })).toBe(true);
	});
});

describe('held and overdue', () => {
	it('held while a publication is flagged, for unpaid payouts only; a held payout is never overdue', () => {
		expect(payoutHeld({ status: 'due' }, 1)).toBe(true);
		expect(payoutHeld({ status: 'scheduled' }, 2)).toBe(true);
		expect(payoutHeld({ status: 'paid' }, 1)).toBe(false);
		expect(payoutHeld({ status: 'due' }, 0)).toBe(false);
		expect(payoutOverdue({ status: 'due', deadlineAt: 100 }, false, 101)).toBe(true);
		expect(payoutOverdue({ status: 'due', deadlineAt: 100 }, false, 100)).toBe(false);
		expect(payoutOverdue({ status: 'due', deadlineAt: 100 }, true, 101)).toBe(false);
		expect(payoutOverdue({ status: 'paid', deadlineAt: 100 }, false, 101)).toBe(false);
	});
});

describe('crisis adjustment', () => {
	const ps = [
		{ id: 's', seq: 1, status: 'confirmed' as const, amountDzd: 10_000 },
		{ id: 'a', seq: 2, status: 'scheduled' as const, amountDzd: 10_000 }
	];
	it('pro rata: what was paid counts first, the rest of the amount due is kept and becomes due', () => {
		const plan = crisisPlan(ps, { amountDueDzd: 13_333 });
		expect(plan).toEqual({ changes: [{ id: 'a', from: 10_000, to: 3333, status: 'due', becomesDue: true }], refundDzd: 0, amountDueDzd: 13_333 });
		const txs = crisisTransactions(plan, ps, parties);
		expect(txs.map((t) => [t.payoutId, t.tx.kind])).toEqual([['a', 'obligation']]);
		expect(txs.every((t) => balanced(t.tx))).toBe(true);
	});
	it('none due: open payouts are cancelled and what was paid comes back', () => {
		const plan = crisisPlan(ps, { amountDueDzd: 0 });
		expect(plan.changes).toEqual([{ id: 'a', from: 10_000, to: 0, status: 'cancelled', becomesDue: false }]);
		expect(plan.refundDzd).toBe(10_000);
		expect(crisisTransactions(plan, ps, parties).map((t) => t.tx.kind)).toEqual(['crisis_refund']);
	});
	it('a due payout reduced writes the reduction of the obligation', () => {
		const due = [{ id: 'd', seq: 1, status: 'due' as const, amountDzd: 8000 }];
		const plan = crisisPlan(due, { amountDueDzd: 5000 });
		expect(plan.changes).toEqual([{ id: 'd', from: 8000, to: 5000, status: 'due', becomesDue: false }]);
		const [t] = crisisTransactions(plan, due, parties);
		expect(t.tx).toEqual({
			kind: 'crisis_reduction',
			entries: [
				{ account: 'brand:b1:payable', amountDzd: 3000 },
				{ account: 'creator:c1:receivable', amountDzd: -3000 }
			]
		});
	});
	it('in full: nothing changes but scheduled payouts become due', () => {
		const plan = crisisPlan(ps, { amountDueDzd: 20_000 });
		expect(plan.changes).toEqual([{ id: 'a', from: 10_000, to: 10_000, status: 'due', becomesDue: true }]);
	});
});

describe('ledger of each step', () => {
	it('paying a scheduled payout early recognises the obligation first', () => {
		expect(payoutTransactions('mark_paid', 'scheduled', parties, 5000).map((t) => t.kind)).toEqual(['obligation', 'payment']);
		expect(payoutTransactions('mark_paid', 'due', parties, 5000).map((t) => t.kind)).toEqual(['payment']);
	});
	it('a fee only when the rate is above 0', () => {
		expect(payoutTransactions('confirm', 'paid', parties, 5000).map((t) => t.kind)).toEqual(['confirmation']);
		expect(payoutTransactions('confirm', 'paid', parties, 5000, 250).map((t) => t.kind)).toEqual(['confirmation', 'platform_fee']);
	});
});
