/** Schemas of the payouts routes (issue 13). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { PAYMENT_MILESTONES } from '../domain/agreement-terms';
import { LEDGER_KINDS } from '../domain/ledger';
import { PAYOUT_METHODS, PAYOUT_STATUSES } from '../domain/payouts';
import { multiLineCheck, singleLineCheck } from '../domain/text';

const TEXT = { min: 3, max: 1000 } as const;
export const REFERENCE_MAX = 100;

export const MarkPaidBody = v.strictObject({
	method: v.pipe(v.picklist(PAYOUT_METHODS, 'payout_method_invalid'), v.description('How the brand paid: CCP, BaridiMob, bank transfer or cash.')),
	reference: v.pipe(
		v.string('payout_reference_length'),
		v.trim(),
		singleLineCheck(),
		v.minLength(1, 'payout_reference_length'),
		v.maxLength(REFERENCE_MAX, 'payout_reference_length'),
		v.description('The transfer’s or receipt’s reference, one line, 1 to 100 characters.')
	),
	at: v.optional(
		v.pipe(
			v.string('payout_paid_at_invalid'),
			v.isoTimestamp('payout_paid_at_invalid'),
			v.description('When the money left (ISO 8601 with an offset); the request’s time by default. Never in the future nor before the signature.')
		)
	)
});

const text = (key: 'payout_reason_length' | 'payout_note_length', description: string) =>
	v.pipe(v.string(key), v.trim(), multiLineCheck(), v.minLength(TEXT.min, key), v.maxLength(TEXT.max, key), v.description(description));

export const DisputeBody = v.strictObject({ reason: text('payout_reason_length', 'Why the money did not arrive (3 to 1000 characters); shown to the brand and kept on the audit chain.') });

export const ResolveBody = v.strictObject({
	outcome: v.pipe(
		v.picklist(['proof', 'paid', 'unpaid'], 'payout_outcome_invalid'),
		v.description('`proof`: the brand answers with the proof it added (back to paid, awaiting confirmation); `paid` / `unpaid`: an admin’s decision.')
	),
	note: text('payout_note_length', 'The answer or the decision, 3 to 1000 characters; kept on the audit chain.')
});

export const PartyPayoutsQuery = v.object({ status: v.optional(v.picklist(['open', 'all'], 'invalid_type'), 'open') });

const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));
const Dzd = v.pipe(v.number(), v.integer(), v.description('Whole dinars'));

export const PayoutItem = v.object({
	id: v.string(),
	agreementId: v.string(),
	seq: v.number(),
	milestone: v.picklist(PAYMENT_MILESTONES),
	amountDzd: v.pipe(Dzd, v.description('What is owed now (a crisis withdrawal may have reduced it).')),
	scheduledDzd: v.pipe(Dzd, v.description('What the signed terms scheduled.')),
	dueDays: v.number(),
	status: v.picklist(PAYOUT_STATUSES),
	held: v.pipe(v.boolean(), v.description('Unpaid while a publication of the agreement is flagged for its disclosure: it cannot be marked paid and is never overdue.')),
	overdue: v.pipe(v.boolean(), v.description('Due, not held, past its deadline.')),
	fallsDueAt: v.nullable(Iso),
	deadlineAt: v.pipe(v.nullable(Iso), v.description('The end of the Algiers day the terms’ due days after the event.')),
	paidAt: v.nullable(Iso),
	method: v.nullable(v.string()),
	reference: v.nullable(v.string()),
	proof: v.nullable(v.object({ type: v.string(), sha256: v.string() })),
	confirmedAt: v.nullable(Iso),
	disputedAt: v.nullable(Iso),
	disputeReason: v.nullable(v.string()),
	resolvedAt: v.nullable(Iso),
	resolution: v.nullable(v.picklist(['proof', 'paid', 'unpaid'])),
	resolutionNote: v.nullable(v.string()),
	cancelledAt: v.nullable(Iso),
	creatorRip: v.pipe(
		v.nullable(v.string()),
		v.description('The creator’s RIP (20 digits, key checked), shown to the agreement’s brand only while the payout is due (overdue included) and not held; null otherwise and for everyone else.')
	)
});

export const AgreementPayoutsResponse = v.object({
	party: v.picklist(['brand', 'creator']),
	held: v.boolean(),
	feeDzd: v.pipe(Dzd, v.description('The sum of the scheduled instalments: the fee.')),
	payouts: v.array(PayoutItem)
});

export const PayoutResponse = v.object({
	party: v.picklist(['brand', 'creator', 'admin']),
	payout: PayoutItem,
	history: v.array(
		v.object({
			seq: v.number(),
			at: Iso,
			actor: v.pipe(v.string(), v.description('brand, creator, or system (the platform, or an admin’s decision)')),
			action: v.string(),
			data: v.record(v.string(), v.unknown())
		})
	)
});

const Entry = v.object({ account: v.string(), amountDzd: v.pipe(Dzd, v.description('Positive = debit, negative = credit')) });

export const LedgerResponse = v.object({
	transactions: v.array(v.object({ id: v.string(), kind: v.picklist(LEDGER_KINDS), at: Iso, payoutId: v.nullable(v.string()), entries: v.array(Entry) })),
	balances: v.array(v.object({ account: v.string(), balanceDzd: Dzd }))
});

export const BalanceResponse = v.object({ side: v.picklist(['brand', 'creator']), accounts: v.array(v.object({ account: v.string(), balanceDzd: Dzd })) });

export const PartyPayoutsResponse = v.object({ side: v.picklist(['brand', 'creator']), payouts: v.array(PayoutItem) });

const Amounts = {
	scheduledDzd: v.pipe(Dzd, v.description('Scheduled: the milestone has not come yet (counted in the month of the signature).')),
	dueDzd: v.pipe(Dzd, v.description('Due, not paid yet (in the month of the deadline); overdue included.')),
	paidDzd: v.pipe(Dzd, v.description('Marked paid, awaiting the creator’s confirmation (in the month of the payment).')),
	disputedDzd: v.pipe(Dzd, v.description('Disputed by the creator (in the month of the dispute).')),
	confirmedDzd: v.pipe(Dzd, v.description('Confirmed received (in the month of the confirmation).')),
	overdueDzd: v.pipe(Dzd, v.description('The part of `dueDzd` past its deadline and not held.')),
	totalDzd: v.pipe(Dzd, v.description('scheduled + due + paid + disputed + confirmed'))
};

export const StatementResponse = v.object({
	side: v.picklist(['brand', 'creator']),
	months: v.array(v.object({ month: v.pipe(v.string(), v.description('YYYY-MM, Algiers time')), ...Amounts })),
	agreements: v.array(
		v.object({ agreementId: v.string(), campaignTitle: v.string(), counterparty: v.pipe(v.string(), v.description('The creator’s name for a brand, the brand’s for a creator')), ...Amounts })
	),
	totals: v.object(Amounts),
	lines: v.array(
		v.object({
			id: v.string(),
			agreementId: v.string(),
			campaignTitle: v.string(),
			counterparty: v.string(),
			seq: v.number(),
			milestone: v.string(),
			amountDzd: Dzd,
			status: v.picklist(PAYOUT_STATUSES),
			column: v.picklist(['scheduled', 'due', 'paid', 'disputed', 'confirmed']),
			month: v.string(),
			overdue: v.boolean(),
			held: v.boolean(),
			createdAt: Iso,
			deadlineAt: v.nullable(Iso),
			paidAt: v.nullable(Iso),
			disputedAt: v.nullable(Iso),
			confirmedAt: v.nullable(Iso),
			method: v.nullable(v.string()),
			reference: v.nullable(v.string())
		})
	)
});

export const ReceiptVerifyQuery = v.object({
	sha256: v.pipe(v.string('receipt_hash_invalid'), v.regex(/^[0-9a-f]{64}$/, 'receipt_hash_invalid'), v.description('The receipt hash printed in its footer: 64 lowercase hex digits.'))
});

export const ReceiptVerifyResponse = v.variant('valid', [
	v.object({
		valid: v.literal(true),
		receipt: v.object({
			payoutId: v.string(),
			agreementId: v.string(),
			brandId: v.string(),
			creatorId: v.string(),
			seq: v.number(),
			milestone: v.picklist(PAYMENT_MILESTONES),
			amountDzd: Dzd,
			method: v.string(),
			reference: v.string(),
			paidAt: Iso,
			confirmedAt: Iso,
			sha256: v.string(),
			brandName: v.string(),
			creatorName: v.string(),
			campaignTitle: v.string()
		})
	}),
	v.object({
		valid: v.literal(false),
		reason: v.pipe(
			v.picklist(['unknown', 'altered', 'unrecorded']),
			v.description(
				'unknown: not this payout’s receipt (or not confirmed); altered: the stored payout no longer hashes to what the chain recorded; unrecorded: confirmed before receipts were recorded'
			)
		)
	})
]);

export const AdminDisputesQuery = v.object({
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1')
});

export const AdminDisputesResponse = v.object({
	disputes: v.array(
		v.object({
			payoutId: v.string(),
			agreementId: v.string(),
			seq: v.number(),
			milestone: v.string(),
			amountDzd: Dzd,
			method: v.nullable(v.string()),
			reference: v.nullable(v.string()),
			paidAt: v.nullable(Iso),
			disputedAt: Iso,
			disputeReason: v.string(),
			hasProof: v.boolean(),
			campaignTitle: v.string(),
			brandName: v.string(),
			creatorName: v.string()
		})
	),
	total: v.number(),
	page: v.number(),
	pageSize: v.number()
});
