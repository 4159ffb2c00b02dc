/**
 * Payouts from the signed terms: in the batch of the second signature (sign.ts), and once for
 * agreements signed before payouts existed. Those on `signature` are due at once, with their
 * obligation in the ledger.
 */
import type { AgreementTerms } from '../../domain/agreement-terms';
import { readStoredTerms } from '../../domain/agreement-terms';
import type { AuditEvent } from '../../domain/audit-events';
import { isoOrNull } from '../../domain/dates';
import { obligationTx } from '../../domain/ledger';
import { type DeliverableCounts, milestoneReached, payoutDeadline, planPayouts } from '../../domain/payouts';
import { chainEvents, eventStatement, readHead, retryAppend } from '../agreements/history';
import { ledgerStatements, obligationId } from './ledger';

export interface PayoutTarget {
	agreementId: string;
	brandId: string;
	creatorId: string;
	campaignId: string;
	version: number;
}

/**
 * The payouts of `terms` signed at `signedAt`: their INSERTs, the obligations of those due at
 * once, and the `payouts_planned` event. `reached` (backfill only) makes later milestones
 * already reached due at `signedAt` too. `OR IGNORE` on (agreement, seq) keeps a second
 * planning from adding rows; the obligation's fixed id keeps it from adding entries.
 */
export function planPayoutStatements(db: D1Database, target: PayoutTarget, terms: Pick<AgreementTerms, 'paymentSchedule'>, signedAt: number, reached?: DeliverableCounts) {
	const planned = planPayouts(terms, signedAt).map((p) => {
		const due = p.status === 'due' || (reached !== undefined && milestoneReached(p.milestone, reached));
		return { ...p, id: crypto.randomUUID(), status: due ? ('due' as const) : ('scheduled' as const), fallsDueAt: due ? signedAt : null, deadlineAt: due ? payoutDeadline(signedAt, p.dueDays) : null };
	});
	const parties = { brandId: target.brandId, creatorId: target.creatorId };
	const statements = planned.flatMap((p) => {
		const insert = db
			.prepare(
				`INSERT OR IGNORE INTO payouts (id, agreement_id, brand_id, creator_id, campaign_id, seq, milestone, amount_dzd, scheduled_dzd, due_days, status, falls_due_at, deadline_at, created_at, updated_at)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?13)`
			)
			.bind(p.id, target.agreementId, target.brandId, target.creatorId, target.campaignId, p.seq, p.milestone, p.amountDzd, p.dueDays, p.status, p.fallsDueAt, p.deadlineAt, signedAt);
		const tx = p.status === 'due' ? obligationTx(parties, p.amountDzd) : null;
		return [insert, ...(tx ? ledgerStatements(db, { agreementId: target.agreementId, payoutId: p.id, at: signedAt, id: obligationId(p.id) }, tx) : [])];
	});
	const event: AuditEvent = {
		action: 'payouts_planned',
		data: {
			version: target.version,
			payouts: planned.map((p) => ({ id: p.id, seq: p.seq, milestone: p.milestone, amountDzd: p.amountDzd, status: p.status, deadlineAt: isoOrNull(p.deadlineAt) }))
		}
	};
	return { statements, event, planned };
}

/**
 * Agreements signed before payouts existed: planned on first access, from the signature's
 * time, with milestones the deliverables already reached due then. Written only while the
 * agreement has none; a concurrent first access loses on the chain's seq and finds the rows.
 */
export async function ensurePayouts(
	db: D1Database,
	now: number,
	agreement: { id: string; brand_id: string; creator_id: string; campaign_id: string; version: number; terms: string; status: string; completed_at: number | null }
) {
	if (agreement.status !== 'signed') return;
	const has = () => db.prepare('SELECT 1 AS x FROM payouts WHERE agreement_id = ?1 LIMIT 1').bind(agreement.id).first();
	if (await has()) return;
	const terms = readStoredTerms(agreement.terms);
	if (!terms) return;
	await retryAppend(async () => {
		if (await has()) return;
		const counts = await deliverableCounts(db, agreement.id);
		const { statements, event } = planPayoutStatements(
			db,
			{ agreementId: agreement.id, brandId: agreement.brand_id, creatorId: agreement.creator_id, campaignId: agreement.campaign_id, version: agreement.version },
			terms,
			agreement.completed_at ?? now,
			counts
		);
		const [e] = await chainEvents(await readHead(db, agreement.id), agreement.id, { party: 'system', userId: null }, now, [event]);
		await db.batch([eventStatement(db, e), ...statements]);
	});
}

/** How far the agreement's deliverables are (approved and published count whatever came after: a withdrawn post was published). */
export async function deliverableCounts(db: D1Database, agreementId: string): Promise<DeliverableCounts> {
	const row = await db
		.prepare(
			`SELECT count(*) AS total, coalesce(sum(approved_at IS NOT NULL), 0) AS approved, coalesce(sum(published_at IS NOT NULL), 0) AS published
			 FROM deliverables WHERE agreement_id = ?1`
		)
		.bind(agreementId)
		.first<DeliverableCounts>();
	return row ?? { total: 0, approved: 0, published: 0 };
}
