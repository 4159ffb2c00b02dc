/**
 * Payouts (issue 13): the instalments of a signed agreement's fee, as the brand pays them
 * directly to the creator (CCP, BaridiMob, bank transfer, cash) and Wasla records them. Pure:
 * no D1, no Hono. The ledger that mirrors each step is worker/domain/ledger.ts.
 *
 * ```
 * scheduled ──fall_due──▶ due ──mark_paid──▶ paid ──confirm──▶ confirmed
 *     └────────mark_paid (early)──────────▶   │  ▲
 *                                      dispute│  │resolve_proof (brand adds proof)
 *                                             ▼  │
 *                                           disputed ──resolve_paid (admin)──▶ confirmed
 *                                                    └─resolve_unpaid (admin)─▶ due
 * scheduled | due ──cancel (a crisis leaves nothing of it due)──▶ cancelled
 * ```
 *
 * `held` is not a status: it is computed from the agreement's deliverables (a publication
 * flagged for a missing disclosure holds every unpaid payout of the agreement) and nobody can
 * pass it; the deadline does not run against the brand while held (`overdue` stays false).
 */
import { checkRip } from './rip';
import type { AgreementTerms, PaymentMilestone } from './agreement-terms';
import type { PaymentEffect } from './crisis';
import { addDays, algiersDayOf, endOfAlgiersDay } from './deliverables';
import {
	type LedgerTransaction,
	type Parties,
	confirmationTx,
	crisisRefundTx,
	crisisReductionTx,
	disputeProofTx,
	disputeTx,
	disputeUpheldPaidTx,
	obligationTx,
	paymentReversedTx,
	paymentTx,
	platformFeeTx
} from './ledger';

export const PAYOUT_STATUSES = ['scheduled', 'due', 'paid', 'confirmed', 'disputed', 'cancelled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** How the brand says it paid. */
export const PAYOUT_METHODS = ['ccp', 'baridimob', 'bank', 'cash'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

/** Who acts on a payout: a party of the agreement, the platform's admin (disputes), or the platform itself (events). */
export type PayoutActor = 'brand' | 'creator' | 'admin' | 'system';

/**
 * The life cycle as data: who may take each action, from which statuses, to which. Services
 * call `checkPayoutAction` and repeat `from` in their `UPDATE … WHERE status IN (…)` guard.
 */
export const PAYOUT_ACTIONS = {
	/** The milestone's event happened (signature, every deliverable approved, every one published). */
	fall_due: { by: 'system', from: ['scheduled'], to: 'due' },
	/** The brand says it paid; a scheduled payout may be paid early. */
	mark_paid: { by: 'brand', from: ['scheduled', 'due'], to: 'paid' },
	/** The creator confirms the money arrived. */
	confirm: { by: 'creator', from: ['paid'], to: 'confirmed' },
	/** The creator says it did not (a reason). */
	dispute: { by: 'creator', from: ['paid'], to: 'disputed' },
	/** The brand answers a dispute with proof (and a note): back to paid, awaiting the creator's confirmation. */
	resolve_proof: { by: 'brand', from: ['disputed'], to: 'paid' },
	/** An admin decides the payment was made. */
	resolve_paid: { by: 'admin', from: ['disputed'], to: 'confirmed' },
	/** An admin decides it was not: the payout is due again (the marking is reversed). */
	resolve_unpaid: { by: 'admin', from: ['disputed'], to: 'due' },
	/** A crisis withdrawal leaves nothing of this instalment due. */
	cancel: { by: 'system', from: ['scheduled', 'due'], to: 'cancelled' }
} as const satisfies Record<string, { by: PayoutActor; from: readonly PayoutStatus[]; to: PayoutStatus }>;

export type PayoutAction = keyof typeof PAYOUT_ACTIONS;

export type PayoutCheck = { ok: true; to: PayoutStatus } | { ok: false; code: 'forbidden' | 'invalid_state' };

/** Whether `actor` may take `action` on a payout in `status`: 403 for the wrong side, 409 for the wrong status. */
export function checkPayoutAction(status: PayoutStatus, action: PayoutAction, actor: PayoutActor): PayoutCheck {
	const rule = PAYOUT_ACTIONS[action];
	if (rule.by !== actor) return { ok: false, code: 'forbidden' };
	if (!(rule.from as readonly PayoutStatus[]).includes(status)) return { ok: false, code: 'invalid_state' };
	return { ok: true, to: rule.to };
}

/** Statuses whose amount the brand has said it paid (in transit, confirmed or disputed). */
export const MARKED_PAID_STATUSES: readonly PayoutStatus[] = ['paid', 'confirmed', 'disputed'];
/** Statuses in which nothing was paid yet and the amount can still change. */
export const OPEN_STATUSES: readonly PayoutStatus[] = ['scheduled', 'due'];

// ---- the schedule -----------------------------------------------------------------------------

/** One payout to create when an agreement is signed. */
export interface PlannedPayout {
	/** 1-based position in the schedule (terms order; instalments of 0 DA are left out). */
	seq: number;
	milestone: PaymentMilestone;
	amountDzd: number;
	dueDays: number;
	status: 'scheduled' | 'due';
	/** When it fell due (signature: the signing itself), else null until its event. */
	fallsDueAt: number | null;
	deadlineAt: number | null;
}

/**
 * The deadline of an instalment whose event happened at `eventAt`: the end of the Algiers
 * calendar day `dueDays` days after the event's day (0: the end of that same day).
 */
export function payoutDeadline(eventAt: number, dueDays: number): number {
	return endOfAlgiersDay(addDays(algiersDayOf(eventAt), Math.max(0, Math.floor(dueDays))));
}

/**
 * The payouts of `terms` signed at `signedAt`: one per instalment of the payment schedule
 * with an amount; those on `signature` are due at once (deadline from the signature), the
 * others scheduled until their event.
 */
export function planPayouts(terms: Pick<AgreementTerms, 'paymentSchedule'>, signedAt: number): PlannedPayout[] {
	const out: PlannedPayout[] = [];
	for (const m of terms.paymentSchedule) {
		const amountDzd = Math.floor(m.amountDzd);
		if (!(amountDzd > 0)) continue;
		const due = m.milestone === 'signature';
		out.push({
			seq: out.length + 1,
			milestone: m.milestone,
			amountDzd,
			dueDays: m.dueDays,
			status: due ? 'due' : 'scheduled',
			fallsDueAt: due ? signedAt : null,
			deadlineAt: due ? payoutDeadline(signedAt, m.dueDays) : null
		});
	}
	return out;
}

/** How far the agreement's deliverables are. */
export interface DeliverableCounts {
	total: number;
	approved: number;
	published: number;
}

/**
 * Whether a milestone's event has happened: `signature` once signed (always, for a signed
 * agreement); `approval` once every deliverable of the agreement is approved; `publication`
 * once every one is published. An agreement without deliverables reaches only the signature.
 */
export function milestoneReached(milestone: PaymentMilestone, counts: DeliverableCounts): boolean {
	switch (milestone) {
		case 'signature':
			return true;
		case 'approval':
			return counts.total > 0 && counts.approved >= counts.total;
		case 'publication':
			return counts.total > 0 && counts.published >= counts.total;
	}
}

/**
 * The scheduled payouts a change of the deliverables makes due: those whose milestone is
 * reached `after` the change and was not `before` it.
 */
export function fallingDue<P extends { status: PayoutStatus | string; milestone: PaymentMilestone }>(payouts: readonly P[], before: DeliverableCounts, after: DeliverableCounts): P[] {
	return payouts.filter((p) => p.status === 'scheduled' && milestoneReached(p.milestone, after) && !milestoneReached(p.milestone, before));
}

/** Whether a payout is held: unpaid while a publication of the agreement is flagged (the agreed disclosure missing). */
export function payoutHeld(p: { status: PayoutStatus | string }, flaggedPublications: number): boolean {
	return flaggedPublications > 0 && (OPEN_STATUSES as readonly string[]).includes(p.status);
}

/** Overdue: due, not held, and past its deadline (the deadline itself is on time). */
export function payoutOverdue(p: { status: PayoutStatus | string; deadlineAt: number | null }, held: boolean, now: number): boolean {
	return p.status === 'due' && !held && p.deadlineAt !== null && now > p.deadlineAt;
}

/**
 * The creator's RIP as the payout shows it to `viewer` (issue 13, point 5): only to the
 * agreement's brand, only while the payout is due (overdue included) and not held — the
 * moment the brand has to pay — and only a RIP whose key checks (`checkRip`), as 20 digits.
 * Null otherwise: to the creator (it is theirs, on their profile), to an admin, and for a
 * payout that is scheduled, held, paid, confirmed, disputed or cancelled.
 */
export function ripShown(p: { status: PayoutStatus | string }, held: boolean, viewer: PayoutActor, rip: string | null): string | null {
	if (viewer !== 'brand' || p.status !== 'due' || held || !rip) return null;
	const checked = checkRip(rip);
	return checked.ok ? checked.rip : null;
}

// ---- a crisis withdrawal ----------------------------------------------------------------------

/** A payout as the crisis adjustment reads it. */
export interface PayoutAmount {
	id: string;
	seq: number;
	status: PayoutStatus;
	amountDzd: number;
}

/** What a confirmed withdrawal does to each payout, and what the creator must give back. */
export interface CrisisPlan {
	/** Open payouts whose amount changes (`to` 0: cancelled); `due`: whether it is due after the crisis. */
	changes: { id: string; from: number; to: number; status: PayoutStatus; becomesDue: boolean }[];
	/** What was already marked paid beyond the amount due under the rule: the creator gives it back. */
	refundDzd: number;
	/** What the creator is owed in all under the rule. */
	amountDueDzd: number;
}

/**
 * Applies a withdrawal's payment effect (worker/domain/crisis.ts) to the payouts: the amount
 * due under the rule is allotted to the payouts in schedule order — what was marked paid
 * first (it is spent), then the open ones, each kept up to what remains, reduced or cancelled
 * beyond it. Open payouts kept with an amount become due now (the content is gone, so their
 * milestone may never come; the rule says what is owed). What was marked paid beyond the
 * amount due goes back to the brand (`refundDzd`, as crisis.ts `refundDzd` says of what the
 * schedule made due: refunded if it was paid), less what earlier withdrawals of the agreement
 * already sent back (`alreadyRefundedDzd`), so a second withdrawal never refunds twice.
 * Integer dinars throughout.
 */
export function crisisPlan(payouts: readonly PayoutAmount[], effect: Pick<PaymentEffect, 'amountDueDzd'>, alreadyRefundedDzd = 0): CrisisPlan {
	const ordered = [...payouts].sort((a, b) => a.seq - b.seq);
	const amountDueDzd = Math.max(0, Math.floor(effect.amountDueDzd));
	// What the creator keeps of what was marked paid: earlier withdrawals' refunds are already going back.
	const marked = ordered.filter((p) => MARKED_PAID_STATUSES.includes(p.status)).reduce((s, p) => s + p.amountDzd, 0) - Math.max(0, alreadyRefundedDzd);
	let left = Math.max(0, amountDueDzd - marked);
	const changes: CrisisPlan['changes'] = [];
	for (const p of ordered) {
		if (!OPEN_STATUSES.includes(p.status)) continue;
		const to = Math.min(p.amountDzd, left);
		left -= to;
		const becomesDue = to > 0 && p.status === 'scheduled';
		if (to !== p.amountDzd || becomesDue) changes.push({ id: p.id, from: p.amountDzd, to, status: to === 0 ? 'cancelled' : 'due', becomesDue });
	}
	const refundDzd = Math.max(0, marked - amountDueDzd);
	return { changes, refundDzd, amountDueDzd };
}

// ---- what each step writes in the ledger --------------------------------------------------------

/**
 * The ledger transactions of `action` on a payout of `amountDzd` in status `from`, at a platform
 * fee of `feeBps` (charged on confirmed payments). Paying a scheduled payout early recognises
 * the obligation first, so the brand's payable never goes into credit it did not owe.
 */
export function payoutTransactions(action: PayoutAction, from: PayoutStatus, parties: Parties, amountDzd: number, feeBps = 0): LedgerTransaction[] {
	const list: (LedgerTransaction | null)[] = (() => {
		switch (action) {
			case 'fall_due':
				return [obligationTx(parties, amountDzd)];
			case 'mark_paid':
				return [from === 'scheduled' ? obligationTx(parties, amountDzd) : null, paymentTx(parties, amountDzd)];
			case 'confirm':
				return [confirmationTx(parties, amountDzd), platformFeeTx(parties, amountDzd, feeBps)];
			case 'dispute':
				return [disputeTx(parties, amountDzd)];
			case 'resolve_proof':
				return [disputeProofTx(parties, amountDzd)];
			case 'resolve_paid':
				return [disputeUpheldPaidTx(parties, amountDzd), platformFeeTx(parties, amountDzd, feeBps)];
			case 'resolve_unpaid':
				return [paymentReversedTx(parties, amountDzd)];
			case 'cancel':
				return [from === 'due' ? crisisReductionTx(parties, amountDzd) : null];
		}
	})();
	return list.filter((t): t is LedgerTransaction => t !== null);
}

/**
 * The ledger transactions of a crisis plan: a due payout reduced by the difference; a
 * scheduled one kept and made due recognised at its kept amount; the refund as the creator's
 * debt to the brand.
 */
export function crisisTransactions(plan: CrisisPlan, payouts: readonly PayoutAmount[], parties: Parties): { payoutId: string | null; tx: LedgerTransaction }[] {
	const byId = new Map(payouts.map((p) => [p.id, p]));
	const out: { payoutId: string | null; tx: LedgerTransaction | null }[] = [];
	for (const c of plan.changes) {
		const p = byId.get(c.id);
		if (!p) continue;
		if (p.status === 'due') out.push({ payoutId: c.id, tx: crisisReductionTx(parties, c.from - c.to) });
		else if (p.status === 'scheduled' && c.to > 0) out.push({ payoutId: c.id, tx: obligationTx(parties, c.to) });
	}
	out.push({ payoutId: null, tx: crisisRefundTx(parties, plan.refundDzd) });
	return out.filter((o): o is { payoutId: string | null; tx: LedgerTransaction } => o.tx !== null);
}
