/**
 * Payouts (issue 13): the instalments of a signed agreement's fee, the double-entry ledger
 * that records each step (worker/domain/ledger.ts), and the idempotency keys of the
 * money-moving requests (worker/idempotency.ts). Wasla holds no money: the brand pays the
 * creator directly; these tables are the record both sides review.
 *
 * Ledger rows are append-only and every transaction sums to zero, whoever writes: migration
 * 0019 adds, by hand, triggers that refuse a transaction whose entries (given with it, as
 * JSON) are fewer than two, not whole non-zero dinars or do not sum to zero; write those
 * entries into ledger_entries from the transaction itself; refuse any other entry (none
 * without its transaction, none added later); and refuse any UPDATE or DELETE of either table.
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { agreements, campaigns } from './campaigns';
import { creators } from './creators';

/** One instalment of the payment schedule of a signed agreement. */
export const payouts = sqliteTable(
	'payouts',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		brandId: text('brand_id').notNull(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		/** 1-based position in the schedule. */
		seq: integer('seq').notNull(),
		/** signature, approval or publication (agreement-terms.ts PAYMENT_MILESTONES). */
		milestone: text('milestone').notNull(),
		/** What is owed now, integer dinars (a crisis withdrawal may reduce it). */
		amountDzd: integer('amount_dzd').notNull(),
		/** The amount the signed terms scheduled. */
		scheduledDzd: integer('scheduled_dzd').notNull(),
		/** Days after the milestone's event to pay. */
		dueDays: integer('due_days').notNull(),
		/** worker/domain/payouts.ts PAYOUT_STATUSES. */
		status: text('status').notNull(),
		/** When its event happened (null while scheduled; a payout paid early has none). */
		fallsDueAt: integer('falls_due_at'),
		/** The end of the Algiers day `due_days` after the event: overdue past it (reminders read it). */
		deadlineAt: integer('deadline_at'),
		paidAt: integer('paid_at'),
		paidByUserId: text('paid_by_user_id'),
		/** ccp, baridimob, bank or cash. */
		method: text('method'),
		/** The transfer's reference as the brand typed it. */
		reference: text('reference'),
		/** The proof file in R2 (image or PDF, type detected from its bytes) and its SHA-256. */
		proofKey: text('proof_key'),
		proofType: text('proof_type'),
		proofSha256: text('proof_sha256'),
		confirmedAt: integer('confirmed_at'),
		disputedAt: integer('disputed_at'),
		disputeReason: text('dispute_reason'),
		resolvedAt: integer('resolved_at'),
		/** proof (the brand answered), paid or unpaid (an admin decided). */
		resolution: text('resolution'),
		resolutionNote: text('resolution_note'),
		cancelledAt: integer('cancelled_at'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('payouts_agreement_seq_uq').on(t.agreementId, t.seq),
		index('payouts_brand_status_idx').on(t.brandId, t.status, t.deadlineAt),
		index('payouts_creator_status_idx').on(t.creatorId, t.status, t.deadlineAt)
	]
);

/** One balanced transaction of the ledger. Append-only. */
export const ledgerTransactions = sqliteTable(
	'ledger_transactions',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		/** The payout it is about (null for an agreement-wide one, e.g. a crisis refund). */
		payoutId: text('payout_id'),
		/** worker/domain/ledger.ts LEDGER_KINDS. */
		kind: text('kind').notNull(),
		at: integer('at').notNull(),
		/** `<user id>:<Idempotency-Key>` of the request that made it, when it had one: one effect per key. */
		idempotencyKey: text('idempotency_key'),
		/** The entries as written, `[[account, amountDzd], …]`: a trigger checks they sum to zero and writes them to ledger_entries. */
		entries: text('entries').notNull(),
		entryCount: integer('entry_count').notNull(),
		createdByUserId: text('created_by_user_id')
	},
	(t) => [
		index('ledger_transactions_agreement_idx').on(t.agreementId, t.at),
		index('ledger_transactions_payout_idx').on(t.payoutId),
		uniqueIndex('ledger_transactions_idempotency_uq').on(t.idempotencyKey, t.kind)
	]
);

/** One entry of a transaction: integer dinars, positive = debit, negative = credit, never 0. */
export const ledgerEntries = sqliteTable(
	'ledger_entries',
	{
		transactionId: text('transaction_id').notNull(),
		seq: integer('seq').notNull(),
		account: text('account').notNull(),
		amountDzd: integer('amount_dzd').notNull()
	},
	(t) => [primaryKey({ columns: [t.transactionId, t.seq] }), index('ledger_entries_account_idx').on(t.account)]
);

/**
 * Idempotency keys of money-moving requests (worker/idempotency.ts), per caller: claimed
 * before the work (INSERT … ON CONFLICT DO NOTHING), then the first answer stored for replay.
 * Swept by the cleanup cron once expired.
 */
export const idempotencyKeys = sqliteTable(
	'idempotency_keys',
	{
		/** The caller's user id. */
		scope: text('scope').notNull(),
		key: text('key').notNull(),
		/** SHA-256 of method, path and body: the same key with another request is refused (422). */
		requestHash: text('request_hash').notNull(),
		/** in_progress while the first request runs, done once its answer is stored. */
		state: text('state').notNull(),
		/** Random per claim: only the claimer stores the answer or releases the key. */
		token: text('token').notNull(),
		/** A claim whose request died is taken over after this. */
		lockedUntil: integer('locked_until').notNull(),
		responseStatus: integer('response_status'),
		responseType: text('response_type'),
		responseBody: text('response_body'),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)]
);
