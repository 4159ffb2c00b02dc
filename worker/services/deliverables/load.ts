/**
 * Reading a deliverable for one of its agreement's parties, and the guard and commit every
 * change goes through. Access is the agreement's (worker/services/agreements/load.ts): the
 * members of its brand and its creator; anyone else gets 404.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { type AgreementTerms, readStoredTerms } from '../../domain/agreement-terms';
import type { AuditEvent } from '../../domain/audit-events';
import { type DeliverableAction, type DeliverableStatus, checkDeliverableAction } from '../../domain/deliverables';
import { chainEvents, eventStatement, retryOnce } from '../agreements/history';
import { type LoadedAgreement, actorOf, load } from '../agreements/load';
import type { DeliverableRow } from './rows';
import { refreshTrackRecord } from '../track-records';

/** A deliverable as read for one of its parties, with its agreement (and chain head) and the signed terms. */
export interface LoadedDeliverable {
	d: DeliverableRow;
	agreement: LoadedAgreement;
	terms: AgreementTerms;
}

/** The deliverable if the caller is a party of its agreement; 404 otherwise (unknown or another tenant's). */
export async function loadDeliverable(ctx: CallerContext, deliverableId: string): Promise<LoadedDeliverable> {
	const d = await ctx.db.prepare('SELECT * FROM deliverables WHERE id = ?1').bind(deliverableId).first<DeliverableRow>();
	if (!d) throw new AppError('not_found');
	const agreement = await load(ctx, d.agreement_id);
	const terms = readStoredTerms(agreement.row.terms);
	// Signed terms were validated when saved; damaged ones are a bug to see, not a 500 to serve.
	if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
	return { d, agreement, terms };
}

/** Throws the refusal of the state machine: 403 for the other side's action, 409 for the wrong status. */
export function guardDeliverable(loaded: LoadedDeliverable, action: DeliverableAction): DeliverableStatus {
	const check = checkDeliverableAction(loaded.d.status as DeliverableStatus, action, loaded.agreement.party);
	if (check.ok) return check.to;
	if (check.code === 'forbidden') throw new AppError('forbidden');
	throw new AppError('invalid_state', { detailKey: 'detail_deliverable_state' });
}

/** Only this party may do it (403 otherwise): for steps that are not transitions (a comment on a flag, a consent). */
export function requireParty(loaded: LoadedDeliverable, party: 'brand' | 'creator') {
	if (loaded.agreement.party !== party) throw new AppError('forbidden');
}

/**
 * The UPDATE of the deliverable row, written only if it is still in the status it was read
 * in; `set` uses $1, $2… for `params`. `updated_at` is always set to `now`.
 */
export function updateDeliverable(db: D1Database, loaded: LoadedDeliverable, now: number, set: string, params: unknown[] = []) {
	const marks = params.map((_, i) => `?${i + 4}`);
	const sql = set.replace(/\$(\d+)/g, (_, n: string) => marks[Number(n) - 1]);
	return db.prepare(`UPDATE deliverables SET updated_at = ?3${sql ? `, ${sql}` : ''} WHERE id = ?1 AND status = ?2`).bind(loaded.d.id, loaded.d.status, now, ...params);
}

/**
 * Writes a change: its audit events (chained after the head read with the agreement) then
 * `statements`, in one D1 batch. A concurrent change of the same agreement takes the seq
 * first and this batch fails whole; `changeDeliverable` re-runs it once from fresh rows.
 */
export async function commit(ctx: CallerContext, loaded: LoadedDeliverable, events: AuditEvent[], statements: D1PreparedStatement[]) {
	const { db, now } = ctx;
	const chained = await chainEvents(loaded.agreement.head, loaded.d.agreement_id, actorOf(loaded.agreement), now, events);
	await db.batch([...chained.map((e) => eventStatement(db, e)), ...statements]);
}

/**
 * Loads the deliverable and runs a change on it, once more from fresh rows if a concurrent
 * change won the race (then 409). Every change may move what the creator's track record
 * counts (a publication, its check, approved D+7 figures completing the agreement, a
 * withdrawal and the payouts it cuts), so it is refreshed after each one.
 */
export async function changeDeliverable<T>(ctx: CallerContext, deliverableId: string, op: (loaded: LoadedDeliverable) => Promise<T>): Promise<T> {
	let creatorId: string | null = null;
	const out = await retryOnce(async () => {
		const loaded = await loadDeliverable(ctx, deliverableId);
		creatorId = loaded.d.creator_id;
		return op(loaded);
	});
	if (creatorId !== null) await refreshTrackRecord(ctx, { creatorId });
	return out;
}
