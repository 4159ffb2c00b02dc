/**
 * Creating an agreement's deliverables from its signed terms: in the batch of the second
 * signature (sign.ts), and once for agreements signed before deliverables existed.
 */
import type { AgreementTerms } from '../../domain/agreement-terms';
import { readStoredTerms } from '../../domain/agreement-terms';
import { planDeliverables } from '../../domain/deliverables';
import type { AuditEvent } from '../../domain/audit-events';
import { chainEvents, eventStatement, readHead, retryAppend } from '../agreements/history';

export interface PlanTarget {
	agreementId: string;
	brandId: string;
	creatorId: string;
	campaignId: string;
	version: number;
}

/**
 * The deliverables of `terms` signed at `signedAt`: their INSERTs (ids fresh, order and due
 * moments from the domain) and the `deliverables_planned` event that lists them. `OR IGNORE`
 * on (agreement, seq) keeps a second planning of the same agreement from adding rows.
 */
export function planStatements(db: D1Database, target: PlanTarget, terms: Pick<AgreementTerms, 'deliverables' | 'publicationWindow' | 'validation'>, signedAt: number) {
	const planned = planDeliverables(terms, signedAt).map((p) => ({ ...p, id: crypto.randomUUID() }));
	const statements = planned.map((p) =>
		db
			.prepare(
				`INSERT OR IGNORE INTO deliverables (id, agreement_id, brand_id, creator_id, campaign_id, seq, platform, format, ordinal, status, publish_on,
				 draft_due_at, review_due_at, publish_due_at, story_highlight_hours, review_days, correction_rounds, created_at, updated_at)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'planned', ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)`
			)
			.bind(
				p.id,
				target.agreementId,
				target.brandId,
				target.creatorId,
				target.campaignId,
				p.seq,
				p.platform,
				p.format,
				p.ordinal,
				p.publishOn,
				p.draftDueAt,
				p.reviewDueAt,
				p.publishDueAt,
				p.storyHighlightHours,
				terms.validation.reviewDays,
				terms.validation.correctionRounds,
				signedAt
			)
	);
	const event: AuditEvent = {
		action: 'deliverables_planned',
		data: { version: target.version, deliverables: planned.map((p) => ({ id: p.id, seq: p.seq, platform: p.platform, format: p.format, publishOn: p.publishOn })) }
	};
	return { statements, event };
}

/**
 * Agreements signed before this feature have no deliverables: plan them on first access
 * from the time they were signed (the event is dated now). Idempotent: the rows are written only while the agreement
 * has none, and the event only with them (a concurrent first access loses on the chain's seq
 * and finds the rows on its re-run).
 */
export async function ensureDeliverables(
	db: D1Database,
	now: number,
	agreement: { id: string; brand_id: string; creator_id: string; campaign_id: string; version: number; terms: string; status: string; completed_at: number | null }
) {
	if (agreement.status !== 'signed') return;
	const has = await db.prepare('SELECT 1 AS x FROM deliverables WHERE agreement_id = ?1 LIMIT 1').bind(agreement.id).first();
	if (has) return;
	const terms = readStoredTerms(agreement.terms);
	if (!terms) return;
	const signedAt = agreement.completed_at ?? now;
	await retryAppend(async () => {
		if (await db.prepare('SELECT 1 AS x FROM deliverables WHERE agreement_id = ?1 LIMIT 1').bind(agreement.id).first()) return;
		const { statements, event } = planStatements(
			db,
			{ agreementId: agreement.id, brandId: agreement.brand_id, creatorId: agreement.creator_id, campaignId: agreement.campaign_id, version: agreement.version },
			terms,
			signedAt
		);
		const [e] = await chainEvents(await readHead(db, agreement.id), agreement.id, { party: 'system', userId: null }, now, [event]);
		await db.batch([eventStatement(db, e), ...statements]);
	});
}
