/**
 * Payouts falling due when the deliverables move (issue 13, point 1): the approval of the
 * last draft makes `approval` instalments due, the last publication `publication` ones. The
 * deliverables services add what this returns to the batch of the change itself, so the
 * payout falls due (with its deadline and its obligation in the ledger) exactly when the
 * change commits; the `payout_due` event goes on the chain after the change's own.
 */
import type { AuditEvent } from '../../domain/audit-events';
import { iso } from '../../domain/dates';
import { obligationTx } from '../../domain/ledger';
import { type DeliverableCounts, fallingDue, payoutDeadline } from '../../domain/payouts';
import type { PaymentMilestone } from '../../domain/agreement-terms';
import { deliverableCounts } from './plan';
import { ledgerStatements, obligationId } from './ledger';
import type { PayoutRow } from './rows';

/** What a change of one deliverable does to its counts. */
export type DeliverableChange = { deliverableId: string; approves?: boolean; publishes?: boolean };

/**
 * The event and statements that make due the scheduled payouts the change reaches. Read
 * before the change commits: the chain head read with the deliverable is the lock (a
 * concurrent change of the agreement fails the batch, which re-runs from fresh rows).
 */
export async function fallDueOnChange(db: D1Database, agreementId: string, change: DeliverableChange, now: number): Promise<{ events: AuditEvent[]; statements: D1PreparedStatement[] }> {
	const { results } = await db.prepare("SELECT * FROM payouts WHERE agreement_id = ?1 AND status = 'scheduled' ORDER BY seq").bind(agreementId).all<PayoutRow>();
	if (results.length === 0) return { events: [], statements: [] };
	const current = await db
		.prepare('SELECT approved_at IS NOT NULL AS approved, published_at IS NOT NULL AS published FROM deliverables WHERE id = ?1')
		.bind(change.deliverableId)
		.first<{ approved: number; published: number }>();
	const before = await deliverableCounts(db, agreementId);
	const after: DeliverableCounts = {
		total: before.total,
		approved: before.approved + (change.approves && !current?.approved ? 1 : 0),
		published: before.published + (change.publishes && !current?.published ? 1 : 0)
	};
	const due = fallingDue(
		results.map((r) => ({ ...r, milestone: r.milestone as PaymentMilestone })),
		before,
		after
	);
	if (due.length === 0) return { events: [], statements: [] };
	const statements: D1PreparedStatement[] = [];
	const items = due.map((p) => {
		const deadlineAt = payoutDeadline(now, p.due_days);
		statements.push(
			db.prepare("UPDATE payouts SET status = 'due', falls_due_at = ?2, deadline_at = ?3, updated_at = ?2 WHERE id = ?1 AND status = 'scheduled'").bind(p.id, now, deadlineAt),
			...ledgerStatements(db, { agreementId, payoutId: p.id, at: now, id: obligationId(p.id) }, obligationTx({ brandId: p.brand_id, creatorId: p.creator_id }, p.amount_dzd)!)
		);
		return { id: p.id, milestone: p.milestone, amountDzd: p.amount_dzd, deadlineAt: iso(deadlineAt) };
	});
	return { events: [{ action: 'payout_due', data: { payouts: items, deliverableId: change.deliverableId } }], statements };
}
