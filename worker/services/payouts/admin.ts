/**
 * The admins' queue of disputed payouts (issue 13, point 3: "or an admin decides, with a
 * note"): every payout of every brand still disputed, the oldest dispute first, with who is
 * who, the creator's reason and whether a proof file is on it. An admin decides with
 * `POST /payouts/:id/resolve` ({outcome: paid | unpaid, note}).
 */
import type { CallerContext } from '../../context';
import { iso } from '../../domain/dates';

export const ADMIN_DISPUTES_PAGE = 20;

interface DisputeRow {
	id: string;
	agreement_id: string;
	seq: number;
	milestone: string;
	amount_dzd: number;
	method: string | null;
	reference: string | null;
	paid_at: number | null;
	disputed_at: number;
	dispute_reason: string | null;
	proof_type: string | null;
	campaign_title: string | null;
	brand_name: string;
	creator_name: string;
}

export async function adminDisputes(ctx: CallerContext, input: { page: number }) {
	const { db } = ctx;
	const offset = (input.page - 1) * ADMIN_DISPUTES_PAGE;
	const [rows, total] = await db.batch([
		db
			.prepare(
				`SELECT p.id, p.agreement_id, p.seq, p.milestone, p.amount_dzd, p.method, p.reference, p.paid_at, p.disputed_at, p.dispute_reason, p.proof_type,
				        c.title AS campaign_title, b.name AS brand_name, cr.display_name AS creator_name
				 FROM payouts p JOIN brands b ON b.id = p.brand_id JOIN creators cr ON cr.id = p.creator_id LEFT JOIN campaigns c ON c.id = p.campaign_id
				 WHERE p.status = 'disputed' ORDER BY p.disputed_at, p.id LIMIT ?1 OFFSET ?2`
			)
			.bind(ADMIN_DISPUTES_PAGE, offset),
		db.prepare("SELECT count(*) AS n FROM payouts WHERE status = 'disputed'")
	]);
	return {
		disputes: (rows.results as DisputeRow[]).map((r) => {
			return {
				payoutId: r.id,
				agreementId: r.agreement_id,
				seq: r.seq,
				milestone: r.milestone,
				amountDzd: r.amount_dzd,
				method: r.method,
				reference: r.reference,
				paidAt: r.paid_at === null ? null : iso(r.paid_at),
				disputedAt: iso(r.disputed_at),
				disputeReason: r.dispute_reason ?? '',
				/** A proof file is on the payout (the admin opens it with GET /payouts/:id/proof). */
				hasProof: r.proof_type !== null,
				campaignTitle: r.campaign_title ?? '',
				brandName: r.brand_name,
				creatorName: r.creator_name
			};
		}),
		total: (total.results[0] as { n: number }).n,
		page: input.page,
		pageSize: ADMIN_DISPUTES_PAGE
	};
}
