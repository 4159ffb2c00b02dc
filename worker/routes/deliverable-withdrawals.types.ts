/** Schemas of the crisis-clause routes (issue 11, point 5). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { CRISIS_PAYMENTS, PAYMENT_MILESTONES } from '../domain/agreement-terms';
import { multiLineCheck } from '../domain/text';
import { DeliverableItem } from './deliverables.types';

export const WITHDRAWAL_REASON = { min: 3, max: 1000 } as const;

export const WithdrawalBody = v.strictObject({
	reason: v.pipe(
		v.string('withdrawal_reason_length'),
		v.trim(),
		multiLineCheck(),
		v.minLength(WITHDRAWAL_REASON.min, 'withdrawal_reason_length'),
		v.maxLength(WITHDRAWAL_REASON.max, 'withdrawal_reason_length'),
		v.description('Why the content must come down (3 to 1000 characters); shown to the other side and kept on the audit chain.')
	)
});

const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));
const Dzd = v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Whole dinars'));

/** What the withdrawal does to the fee (worker/domain/crisis.ts), recorded for the payouts to apply. */
export const PaymentEffectOut = v.object({
	rule: v.picklist(CRISIS_PAYMENTS),
	feeDzd: Dzd,
	publishedBefore: v.pipe(v.number(), v.description('Deliverables of the agreement published before the request, the withdrawn one included.')),
	total: v.pipe(v.number(), v.description('Deliverables of the agreement.')),
	amountDueDzd: v.pipe(Dzd, v.description('What the creator is owed in all under the rule; pro rata is rounded down to the dinar.')),
	withheldDzd: v.pipe(Dzd, v.description('Fee − amount due.')),
	milestonesReached: v.array(v.picklist(PAYMENT_MILESTONES)),
	scheduledDzd: v.pipe(Dzd, v.description('The instalments of the schedule whose milestone was reached before the request.')),
	refund: v.pipe(v.boolean(), v.description('Whether amounts paid beyond the amount due go back to the brand.')),
	refundDzd: v.pipe(Dzd, v.description('Scheduled beyond the amount due: refunded if paid, no longer owed if not.')),
	rounding: v.literal('down_to_dinar')
});

export const WithdrawalOut = v.object({
	id: v.string(),
	requestedBy: v.picklist(['brand', 'creator']),
	reason: v.string(),
	requestedAt: Iso,
	deadlineAt: v.pipe(Iso, v.description('requestedAt + the terms’ withdrawal hours.')),
	status: v.picklist(['requested', 'removed']),
	confirmedAt: v.nullable(Iso),
	late: v.pipe(v.boolean(), v.description('Pending past the deadline, or confirmed after it.')),
	paymentEffect: PaymentEffectOut
});

export const WithdrawalResponse = v.object({ withdrawal: WithdrawalOut, deliverable: DeliverableItem });
