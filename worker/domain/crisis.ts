/**
 * The crisis clause in practice (issue 11, point 5): who may ask for published content to be
 * withdrawn, by when the other side must remove it, and what the terms say the fee becomes.
 * Pure: no D1, no Hono. The payouts issue applies the payment effect; this only records it.
 */
import type { CrisisPayment, CrisisRequester, PaymentMilestone } from './agreement-terms';
import type { DeliverableParty } from './deliverables';

const HOUR_MS = 3_600_000;

/** What a withdrawal request is in: asked and waiting for the other side, or the content is confirmed removed. */
export const WITHDRAWAL_STATUSES = ['requested', 'removed'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

/** Whether `party` may ask for a withdrawal under the terms: the brand always, the creator only when the terms say either party. */
export function mayRequestWithdrawal(requestedBy: CrisisRequester, party: DeliverableParty): boolean {
	return party === 'brand' || requestedBy === 'either';
}

/** Who confirms the removal: the side that did not ask. */
export function confirmingParty(requestedBy: DeliverableParty): DeliverableParty {
	return requestedBy === 'brand' ? 'creator' : 'brand';
}

/** The moment the content must be down: the request plus the terms' hours. */
export function withdrawalDeadline(requestedAt: number, withinHours: number): number {
	return requestedAt + withinHours * HOUR_MS;
}

/**
 * Whether the removal is late: a pending request once `now` is past its deadline; a removal
 * confirmed after the deadline stays late for good (the moment of confirmation is what counts,
 * the deadline itself is still on time).
 */
export function withdrawalLate(w: { status: WithdrawalStatus | string; deadlineAt: number; confirmedAt: number | null }, now: number): boolean {
	if (w.status === 'requested') return now > w.deadlineAt;
	return w.confirmedAt !== null && w.confirmedAt > w.deadlineAt;
}

/**
 * The instalments of the payment schedule whose milestone was reached when the withdrawal was
 * asked, as far as the deliverables tell: `signature` always (only signed agreements have
 * deliverables); `approval` ("on approval of the content") once every deliverable of the
 * agreement was approved; `publication` ("on publication of the content") once every one was
 * published. What was actually paid is the payouts issue's to know.
 */
export function milestonesReached(counts: { total: number; approved: number; published: number }): PaymentMilestone[] {
	const reached: PaymentMilestone[] = ['signature'];
	if (counts.total > 0 && counts.approved >= counts.total) reached.push('approval');
	if (counts.total > 0 && counts.published >= counts.total) reached.push('publication');
	return reached;
}

/** What a withdrawal does to the fee, as the terms name it. Integer dinars; stored as JSON and on the audit chain. */
export type PaymentEffect = {
	/** The terms' rule (agreement-terms.ts CRISIS_PAYMENTS). */
	rule: CrisisPayment;
	/** The agreement's whole fee. */
	feeDzd: number;
	/** Deliverables of the agreement published before the request (the one withdrawn included: it is online). */
	publishedBefore: number;
	/** Deliverables of the agreement. */
	total: number;
	/** What the creator is owed in all under the rule (never more than the fee). */
	amountDueDzd: number;
	/** What is no longer due: fee − amountDue. */
	withheldDzd: number;
	/** The milestones of the schedule reached before the request, and the sum of their instalments. */
	milestonesReached: PaymentMilestone[];
	scheduledDzd: number;
	/** Whether amounts already paid beyond `amountDueDzd` go back to the brand. */
	refund: boolean;
	/** What the schedule had made due beyond `amountDueDzd`: refunded if it was paid, no longer owed if not. */
	refundDzd: number;
	/** How a share of the fee is rounded: down to the dinar (the creator never gets a fraction more than the rule). */
	rounding: 'down_to_dinar';
};

export interface PaymentEffectInput {
	rule: CrisisPayment;
	feeDzd: number;
	publishedBefore: number;
	total: number;
	/** The payment schedule of the terms (its amounts add up to the fee). */
	schedule: readonly { milestone: PaymentMilestone; amountDzd: number }[];
	milestonesReached: readonly PaymentMilestone[];
}

const wholeDinars = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * The payment effect of a withdrawal asked now:
 * - `due_in_full`: the whole fee stays due;
 * - `pro_rata`: ⌊fee × publishedBefore / total⌋ — rounded down to the dinar;
 * - `none_if_not_published`: nothing if nothing was published before the request (amounts
 *   paid are refunded), else the whole fee. Content must be online to be withdrawn, so through
 *   the API at least one deliverable was published and the whole fee is due; the rule is still
 *   written in full.
 * The refund is what the reached milestones made due beyond the amount due. Inputs are
 * clamped (counts to 0…total, amounts to whole non-negative dinars), so no amount exceeds the fee.
 */
export function paymentEffect(input: PaymentEffectInput): PaymentEffect {
	const feeDzd = wholeDinars(input.feeDzd);
	const total = Math.max(0, Math.floor(input.total));
	const publishedBefore = Math.min(total, Math.max(0, Math.floor(input.publishedBefore)));
	let amountDueDzd: number;
	switch (input.rule) {
		case 'due_in_full':
			amountDueDzd = feeDzd;
			break;
		case 'pro_rata':
			// Integers throughout: fee ≤ 10^8 and counts ≤ 400 stay far below 2^53.
			amountDueDzd = total === 0 ? feeDzd : Math.floor((feeDzd * publishedBefore) / total);
			break;
		case 'none_if_not_published':
			amountDueDzd = publishedBefore > 0 ? feeDzd : 0;
			break;
	}
	const reached = [...new Set(input.milestonesReached)];
	const scheduledDzd = Math.min(
		feeDzd,
		input.schedule.filter((m) => reached.includes(m.milestone)).reduce((sum, m) => sum + wholeDinars(m.amountDzd), 0)
	);
	const refundDzd = Math.max(0, scheduledDzd - amountDueDzd);
	return {
		rule: input.rule,
		feeDzd,
		publishedBefore,
		total,
		amountDueDzd,
		withheldDzd: feeDzd - amountDueDzd,
		milestonesReached: reached,
		scheduledDzd,
		refund: refundDzd > 0,
		refundDzd,
		rounding: 'down_to_dinar'
	};
}
