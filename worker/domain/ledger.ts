/**
 * The payouts' double-entry ledger (issue 13, point 2). Wasla holds no money: the ledger is
 * the exact record both sides review of what the brand owes, says it sent, and what the
 * creator confirms receiving. Pure: no D1, no Hono; the services write what these builders
 * return, in the batch of the step they record.
 *
 * Amounts are integer dinars, signed: positive = debit, negative = credit. Every
 * transaction's entries sum to zero (`balanced`), and the database refuses one that does not
 * (migration 0019's triggers). Balances are derived by summing entries, never stored.
 *
 * Chart of accounts (`<id>` is the brand's or the creator's id):
 *
 * | account                        | normal | what its balance says                                        |
 * | ------------------------------ | ------ | ------------------------------------------------------------ |
 * | `brand:<id>:payable`           | credit | what the brand owes creators and has not marked paid         |
 * | `brand:<id>:cash`              | credit | what the brand says it paid (marked paid, not reversed)      |
 * | `brand:<id>:refund_receivable` | debit  | what creators must give back after a crisis withdrawal       |
 * | `creator:<id>:receivable`      | debit  | what the creator is owed and was not marked paid             |
 * | `creator:<id>:in_transit`      | debit  | marked paid by the brand, awaiting the creator's confirmation |
 * | `creator:<id>:disputed`        | debit  | marked paid, the creator says it did not arrive              |
 * | `creator:<id>:cash`            | debit  | what the creator confirmed receiving                         |
 * | `creator:<id>:refund_payable`  | credit | what the creator must give back after a crisis withdrawal    |
 * | `creator:<id>:fees`            | debit  | the platform fee charged on confirmed payments               |
 * | `platform:fees`                | credit | the platform's fee income                                    |
 *
 * Platform fee: a rate in basis points (0 by default: no fee), charged on each confirmed
 * payment: fee = ⌊amount × bps / 10 000⌋ — rounded DOWN to the dinar, so the creator never
 * loses a fraction of a dinar to rounding.
 */

export type LedgerAccount =
	`brand:${string}:${'payable' | 'cash' | 'refund_receivable'}` | `creator:${string}:${'receivable' | 'in_transit' | 'disputed' | 'cash' | 'refund_payable' | 'fees'}` | 'platform:fees';

/** What a transaction records. */
export const LEDGER_KINDS = [
	/** A payout fell due (or was paid early): the brand owes it. */
	'obligation',
	/** The brand marked it paid: its debt is settled on its side, the money is in transit to the creator. */
	'payment',
	/** The creator confirmed receiving it. */
	'confirmation',
	/** The creator disputed it: what was in transit is disputed. */
	'dispute',
	/** The brand answered the dispute with proof: back in transit, awaiting confirmation. */
	'dispute_proof',
	/** An admin decided it was paid. */
	'dispute_upheld_paid',
	/** An admin decided it was not paid: the payment is reversed, the payout is owed again. */
	'payment_reversed',
	/** A crisis withdrawal reduced or cancelled what was owed. */
	'crisis_reduction',
	/** A crisis withdrawal: what was paid beyond the amount due goes back to the brand. */
	'crisis_refund',
	/** The platform's fee on a confirmed payment. */
	'platform_fee'
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
	account: LedgerAccount;
	/** Integer dinars; positive = debit, negative = credit; never 0. */
	amountDzd: number;
}

export interface LedgerTransaction {
	kind: LedgerKind;
	entries: LedgerEntry[];
}

/** The two sides of an agreement's payouts. */
export interface Parties {
	brandId: string;
	creatorId: string;
}

export const account = {
	brandPayable: (p: Parties): LedgerAccount => `brand:${p.brandId}:payable`,
	brandCash: (p: Parties): LedgerAccount => `brand:${p.brandId}:cash`,
	brandRefund: (p: Parties): LedgerAccount => `brand:${p.brandId}:refund_receivable`,
	creatorReceivable: (p: Parties): LedgerAccount => `creator:${p.creatorId}:receivable`,
	creatorTransit: (p: Parties): LedgerAccount => `creator:${p.creatorId}:in_transit`,
	creatorDisputed: (p: Parties): LedgerAccount => `creator:${p.creatorId}:disputed`,
	creatorCash: (p: Parties): LedgerAccount => `creator:${p.creatorId}:cash`,
	creatorRefund: (p: Parties): LedgerAccount => `creator:${p.creatorId}:refund_payable`,
	creatorFees: (p: Parties): LedgerAccount => `creator:${p.creatorId}:fees`,
	platformFees: 'platform:fees' as LedgerAccount
};

/** Basis points: 10 000 = 100 %. */
export const MAX_FEE_BPS = 10_000;

function whole(amountDzd: number): number {
	if (!Number.isSafeInteger(amountDzd) || amountDzd < 0) throw new RangeError(`ledger amounts are whole non-negative dinars, got ${amountDzd}`);
	return amountDzd;
}

/** A transaction moving `amount` from `credit` to `debit` (and more pairs), without zero entries. */
function tx(kind: LedgerKind, amountDzd: number, pairs: [debit: LedgerAccount, credit: LedgerAccount][]): LedgerTransaction | null {
	const a = whole(amountDzd);
	if (a === 0) return null;
	return { kind, entries: pairs.flatMap(([debit, credit]) => [{ account: debit, amountDzd: a } as LedgerEntry, { account: credit, amountDzd: -a } as LedgerEntry]) };
}

/** A payout of `amount` fell due (or is paid early): the creator is owed it, the brand owes it. */
export const obligationTx = (p: Parties, amountDzd: number) => tx('obligation', amountDzd, [[account.creatorReceivable(p), account.brandPayable(p)]]);

/** The brand marked it paid: its debt is settled on its side; on the creator's, the money is in transit until confirmed. */
export const paymentTx = (p: Parties, amountDzd: number) =>
	tx('payment', amountDzd, [
		[account.brandPayable(p), account.brandCash(p)],
		[account.creatorTransit(p), account.creatorReceivable(p)]
	]);

/** The creator confirmed receiving it. */
export const confirmationTx = (p: Parties, amountDzd: number) => tx('confirmation', amountDzd, [[account.creatorCash(p), account.creatorTransit(p)]]);

/** The creator disputed it. */
export const disputeTx = (p: Parties, amountDzd: number) => tx('dispute', amountDzd, [[account.creatorDisputed(p), account.creatorTransit(p)]]);

/** The brand answered with proof: in transit again. */
export const disputeProofTx = (p: Parties, amountDzd: number) => tx('dispute_proof', amountDzd, [[account.creatorTransit(p), account.creatorDisputed(p)]]);

/** An admin decided it was paid: received. */
export const disputeUpheldPaidTx = (p: Parties, amountDzd: number) => tx('dispute_upheld_paid', amountDzd, [[account.creatorCash(p), account.creatorDisputed(p)]]);

/** An admin decided it was not paid: the payment is reversed on both sides; the payout is owed again. */
export const paymentReversedTx = (p: Parties, amountDzd: number) =>
	tx('payment_reversed', amountDzd, [
		[account.brandCash(p), account.brandPayable(p)],
		[account.creatorReceivable(p), account.creatorDisputed(p)]
	]);

/** A crisis withdrawal reduced what was owed (a due payout) by `amount`. */
export const crisisReductionTx = (p: Parties, amountDzd: number) => tx('crisis_reduction', amountDzd, [[account.brandPayable(p), account.creatorReceivable(p)]]);

/** A crisis withdrawal: the creator gives back `amount` paid beyond what the rule leaves due. */
export const crisisRefundTx = (p: Parties, amountDzd: number) => tx('crisis_refund', amountDzd, [[account.brandRefund(p), account.creatorRefund(p)]]);

/**
 * The platform fee on a confirmed payment of `amount` at `bps` basis points: ⌊amount × bps /
 * 10 000⌋, rounded down to the dinar (the creator never loses a fraction); null when it is 0.
 */
export function platformFee(amountDzd: number, bps: number): number {
	const rate = Number.isInteger(bps) && bps > 0 ? Math.min(bps, MAX_FEE_BPS) : 0;
	// Integers: amounts ≤ 10^8 × 10^4 stay far below 2^53.
	return Math.floor((whole(amountDzd) * rate) / MAX_FEE_BPS);
}

export const platformFeeTx = (p: Parties, amountDzd: number, bps: number) => tx('platform_fee', platformFee(amountDzd, bps), [[account.creatorFees(p), account.platformFees]]);

/** Whether a transaction's entries sum to zero (and it has some, none of them 0 or fractional). */
export function balanced(t: { entries: readonly { amountDzd: number }[] }): boolean {
	return t.entries.length >= 2 && t.entries.every((e) => Number.isSafeInteger(e.amountDzd) && e.amountDzd !== 0) && t.entries.reduce((s, e) => s + e.amountDzd, 0) === 0;
}

/** Balances by account, derived from the entries (never stored). */
export function balances(transactions: readonly { entries: readonly LedgerEntry[] }[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const t of transactions) for (const e of t.entries) out.set(e.account, (out.get(e.account) ?? 0) + e.amountDzd);
	return out;
}

/** Which side an account belongs to (`GET /ledger/balance` answers the caller's side). */
export function accountOwner(acc: string): { side: 'brand' | 'creator'; id: string } | { side: 'platform' } | null {
	const m = /^(brand|creator):([^:]+):[a-z_]+$/.exec(acc);
	if (m) return { side: m[1] as 'brand' | 'creator', id: m[2] };
	return acc.startsWith('platform:') ? { side: 'platform' } : null;
}
