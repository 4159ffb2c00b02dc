/**
 * A confirmed crisis withdrawal applies the payment effect stored with it (worker/domain/crisis.ts,
 * `deliverable_withdrawals.payment_effect`) to the agreement's payouts, in the batch of the
 * confirmation: open instalments reduced, cancelled or made due, what was paid beyond the
 * amount due recorded as the creator's debt to the brand, and a `payouts_adjusted` event.
 */
import type { AuditEvent } from '../../domain/audit-events';
import type { PaymentEffect } from '../../domain/crisis';
import { jsonObjectOr } from '../../domain/json';
import { type PayoutStatus, crisisPlan, crisisTransactions, payoutDeadline } from '../../domain/payouts';
import { ledgerStatements, obligationId } from './ledger';
import type { PayoutRow } from './rows';

export async function crisisOnWithdrawal(
	db: D1Database,
	input: { agreementId: string; withdrawalId: string; paymentEffect: string; userId: string; brandId: string; creatorId: string },
	now: number
): Promise<{ events: AuditEvent[]; statements: D1PreparedStatement[] }> {
	const effect = jsonObjectOr<Partial<PaymentEffect>>(input.paymentEffect, {});
	if (typeof effect.amountDueDzd !== 'number') return { events: [], statements: [] };
	const [payouts, refunded] = await db.batch([
		db.prepare('SELECT * FROM payouts WHERE agreement_id = ?1 ORDER BY seq').bind(input.agreementId),
		db
			.prepare(
				`SELECT coalesce(sum(e.amount_dzd), 0) AS total FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
				 WHERE t.agreement_id = ?1 AND t.kind = 'crisis_refund' AND e.amount_dzd > 0`
			)
			.bind(input.agreementId)
	]);
	const rows = payouts.results as PayoutRow[];
	if (rows.length === 0) return { events: [], statements: [] };
	const amounts = rows.map((r) => ({ id: r.id, seq: r.seq, status: r.status as PayoutStatus, amountDzd: r.amount_dzd }));
	const plan = crisisPlan(amounts, { amountDueDzd: effect.amountDueDzd }, (refunded.results as { total: number }[])[0]?.total ?? 0);
	const parties = { brandId: input.brandId, creatorId: input.creatorId };
	const byId = new Map(rows.map((r) => [r.id, r]));
	const statements: D1PreparedStatement[] = [];
	for (const c of plan.changes) {
		const r = byId.get(c.id)!;
		const deadline = r.deadline_at ?? payoutDeadline(now, r.due_days);
		statements.push(
			db
				.prepare(
					`UPDATE payouts SET amount_dzd = ?3, status = ?4, falls_due_at = CASE WHEN ?4 = 'due' THEN coalesce(falls_due_at, ?5) ELSE falls_due_at END,
					 deadline_at = CASE WHEN ?4 = 'due' THEN ?6 ELSE deadline_at END, cancelled_at = CASE WHEN ?4 = 'cancelled' THEN ?5 ELSE NULL END, updated_at = ?5
					 WHERE id = ?1 AND status = ?2`
				)
				.bind(c.id, r.status, c.to, c.status, now, deadline)
		);
	}
	for (const t of crisisTransactions(plan, amounts, parties)) {
		const id = t.tx.kind === 'obligation' && t.payoutId ? obligationId(t.payoutId) : undefined;
		statements.push(...ledgerStatements(db, { agreementId: input.agreementId, payoutId: t.payoutId, at: now, userId: input.userId, id }, t.tx));
	}
	if (plan.changes.length === 0 && plan.refundDzd === 0) return { events: [], statements: [] };
	return {
		events: [
			{
				action: 'payouts_adjusted',
				data: {
					withdrawalId: input.withdrawalId,
					amountDueDzd: plan.amountDueDzd,
					refundDzd: plan.refundDzd,
					changes: plan.changes.map((c) => ({ payoutId: c.id, fromDzd: c.from, toDzd: c.to, status: c.status }))
				}
			}
		],
		statements
	};
}
