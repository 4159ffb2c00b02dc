/**
 * The one thread of a deliverable (comments, review decisions, consents, stats queries) and
 * the in-app notice to the other side of what just happened. Statements only: each change
 * writes them in its own batch.
 */
import type { AuditAction } from '../../domain/audit-chain';
import { notifyBrandStatement, notifyUserStatement } from '../notifications';
import type { LoadedDeliverable } from './load';

/** What a thread message records. */
export const MESSAGE_KINDS = [
	'comment',
	'draft_submitted',
	'changes_requested',
	'approved',
	'extra_round_asked',
	'extra_round_accepted',
	'extra_round_refused',
	'publication_confirmed',
	'publication_flagged',
	'stats_query',
	'stats_answer',
	'stats_approved',
	'withdrawal_requested',
	'withdrawal_confirmed'
] as const;
export type ThreadMessageKind = (typeof MESSAGE_KINDS)[number];

/** One message in the deliverable's thread, by the caller's party. */
export function messageStatement(
	db: D1Database,
	loaded: LoadedDeliverable,
	now: number,
	m: { kind: ThreadMessageKind; body?: string; draftVersion?: number | null; statsWindow?: 'D1' | 'D7' | null; id?: string }
) {
	return db
		.prepare(
			`INSERT INTO deliverable_messages (id, deliverable_id, author_party, author_user_id, kind, body, draft_version, stats_window, created_at)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`
		)
		.bind(m.id ?? crypto.randomUUID(), loaded.d.id, loaded.agreement.party, loaded.agreement.user.id, m.kind, m.body ?? '', m.draftVersion ?? null, m.statsWindow ?? null, now);
}

/**
 * Tells the other side what the caller just did (deliverable_update, in-app; the
 * deliverables category of their preferences applies): the creator when the brand acted,
 * every member of the brand when the creator did. `event` is the audit action of the step, or
 * `comment` for a message in the thread (not a transition, so not on the audit chain).
 */
export function notifyOtherSide(db: D1Database, loaded: LoadedDeliverable, now: number, event: AuditAction | 'comment') {
	const { row, party } = loaded.agreement;
	const payload = {
		deliverableId: loaded.d.id,
		agreementId: row.id,
		campaignTitle: row.campaign_title ?? '',
		actorName: party === 'brand' ? row.brand_name : row.creator_name,
		event,
		platform: loaded.d.platform,
		format: loaded.d.format,
		ordinal: loaded.d.ordinal
	};
	return party === 'brand' ? notifyUserStatement(db, row.creator_user_id, 'deliverable_update', payload, now) : notifyBrandStatement(db, row.brand_id, 'deliverable_update', payload, now);
}
