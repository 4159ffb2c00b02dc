/**
 * GET /me/payouts/statement (JSON) and /me/payouts/statement.csv: the caller's side — a
 * creator's payouts, or those of the brand they act for — as a statement with totals by
 * Algiers month, by agreement and counterparty, and overall (worker/domain/payout-statement.ts).
 * Reads only; one query on the side's indexed column.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { iso, isoOrNull } from '../../domain/dates';
import { type StatementPayout, buildStatement } from '../../domain/payout-statement';
import { payoutHeld } from '../../domain/payouts';
import { viewerOf } from '../viewer';

export async function payoutStatement(ctx: CallerContext) {
	const viewer = await viewerOf(ctx);
	if (!viewer) throw new AppError('not_found');
	const column = viewer.side === 'brand' ? 'brand_id' : 'creator_id';
	const id = viewer.side === 'brand' ? viewer.brandId : viewer.creatorId;
	const { results } = await ctx.db
		.prepare(
			`SELECT p.id, p.agreement_id, p.seq, p.milestone, p.amount_dzd, p.status, p.created_at, p.deadline_at, p.paid_at, p.disputed_at, p.confirmed_at, p.method, p.reference,
			        coalesce(c.title, '') AS campaign_title, ${viewer.side === 'brand' ? 'cr.display_name' : 'b.name'} AS counterparty,
			        (SELECT count(*) FROM deliverables d WHERE d.agreement_id = p.agreement_id AND d.publication_review = 'flagged' AND d.status <> 'withdrawn') AS flagged
			 FROM payouts p JOIN brands b ON b.id = p.brand_id JOIN creators cr ON cr.id = p.creator_id LEFT JOIN campaigns c ON c.id = p.campaign_id
			 WHERE p.${column} = ?1 AND p.status <> 'cancelled'`
		)
		.bind(id)
		.all<{
			id: string;
			agreement_id: string;
			seq: number;
			milestone: string;
			amount_dzd: number;
			status: string;
			created_at: number;
			deadline_at: number | null;
			paid_at: number | null;
			disputed_at: number | null;
			confirmed_at: number | null;
			method: string | null;
			reference: string | null;
			campaign_title: string;
			counterparty: string;
			flagged: number;
		}>();
	const payouts: StatementPayout[] = results.map((r) => ({
		id: r.id,
		agreementId: r.agreement_id,
		campaignTitle: r.campaign_title,
		counterparty: r.counterparty,
		seq: r.seq,
		milestone: r.milestone,
		amountDzd: r.amount_dzd,
		status: r.status,
		createdAt: r.created_at,
		deadlineAt: r.deadline_at,
		paidAt: r.paid_at,
		disputedAt: r.disputed_at,
		confirmedAt: r.confirmed_at,
		method: r.method,
		reference: r.reference,
		held: payoutHeld(r, r.flagged)
	}));
	return { side: viewer.side, statement: buildStatement(payouts, ctx.now) };
}

/** The JSON answer: the statement with its lines' moments as ISO 8601. */
export async function payoutStatementJson(ctx: CallerContext) {
	const { side, statement } = await payoutStatement(ctx);
	return {
		side,
		...statement,
		lines: statement.lines.map((l) => ({
			...l,
			createdAt: iso(l.createdAt),
			deadlineAt: isoOrNull(l.deadlineAt),
			paidAt: isoOrNull(l.paidAt),
			disputedAt: isoOrNull(l.disputedAt),
			confirmedAt: isoOrNull(l.confirmedAt)
		}))
	};
}
