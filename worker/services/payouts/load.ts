/**
 * Reading a payout for one of its agreement's parties (or an admin, for disputes), and the
 * guard and commit every step goes through. Access is the agreement's: its brand's members and
 * its creator; anyone else gets 404.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import type { AuditActor, ChainHead } from '../../domain/audit-chain';
import type { AuditEvent } from '../../domain/audit-events';
import { type PayoutAction, type PayoutActor, type PayoutStatus, checkPayoutAction } from '../../domain/payouts';
import { chainEvents, eventStatement, readHead, retryOnce } from '../agreements/history';
import { agreementRow, load } from '../agreements/load';
import type { AgreementRow } from '../agreements/rows';
import { notifyBrandStatement, notifyUserStatement } from '../notifications';
import type { PayoutRow } from './rows';

export interface LoadedPayout {
	p: PayoutRow;
	row: AgreementRow;
	head: ChainHead;
	/** The caller as the state machine knows them. */
	actor: Exclude<PayoutActor, 'system'>;
}

/** The payout if the caller is a party of its agreement, or an admin; 404 otherwise (unknown or another tenant's). */
export async function loadPayout(ctx: CallerContext, payoutId: string): Promise<LoadedPayout> {
	const p = await ctx.db.prepare('SELECT * FROM payouts WHERE id = ?1').bind(payoutId).first<PayoutRow>();
	if (!p) throw new AppError('not_found');
	if (ctx.user.role === 'admin') {
		const row = await agreementRow(ctx.db, p.agreement_id);
		if (!row) throw new AppError('not_found');
		return { p, row, head: await readHead(ctx.db, p.agreement_id), actor: 'admin' };
	}
	const loaded = await load(ctx, p.agreement_id);
	return { p, row: loaded.row, head: loaded.head, actor: loaded.party };
}

/** Throws the refusal of the state machine: 403 for the wrong side, 409 for the wrong status. */
export function guardPayout(loaded: LoadedPayout, action: PayoutAction): PayoutStatus {
	const check = checkPayoutAction(loaded.p.status as PayoutStatus, action, loaded.actor);
	if (check.ok) return check.to;
	if (check.code === 'forbidden') throw new AppError('forbidden');
	throw new AppError('invalid_state', { detailKey: 'detail_payout_state' });
}

/** Publications of the agreement flagged for a missing disclosure (each holds the unpaid payouts). */
export async function flaggedPublications(db: D1Database, agreementId: string): Promise<number> {
	const row = await db.prepare("SELECT count(*) AS n FROM deliverables WHERE agreement_id = ?1 AND publication_review = 'flagged' AND status <> 'withdrawn'").bind(agreementId).first<{ n: number }>();
	return row?.n ?? 0;
}

/** The caller as the audit trail names them (an admin acts for the platform, with their user id). */
export function auditActor(ctx: CallerContext, loaded: LoadedPayout): AuditActor {
	return { party: loaded.actor === 'admin' ? 'system' : loaded.actor, userId: ctx.user.id };
}

/**
 * Writes a step: its audit events (chained after the head read with the payout), then
 * `statements`, in one D1 batch. The chain head is the lock: a concurrent step on the same
 * agreement takes the seq first and this batch fails whole (its ledger entries with it).
 */
export async function commitPayout(ctx: CallerContext, loaded: LoadedPayout, events: AuditEvent[], statements: D1PreparedStatement[]) {
	const chained = await chainEvents(loaded.head, loaded.p.agreement_id, auditActor(ctx, loaded), ctx.now, events);
	await ctx.db.batch([...chained.map((e) => eventStatement(ctx.db, e)), ...statements]);
}

/** Loads the payout and runs a step on it, once more from fresh rows if a concurrent change won the race (then 409). */
export function changePayout<T>(ctx: CallerContext, payoutId: string, op: (loaded: LoadedPayout) => Promise<T>): Promise<T> {
	return retryOnce(async () => op(await loadPayout(ctx, payoutId)));
}

/** The UPDATE of the payout row, written only if it is still in the status it was read in; `set` uses $1, $2… for `params`. */
export function updatePayout(db: D1Database, loaded: LoadedPayout, now: number, set: string, params: unknown[] = []) {
	const marks = params.map((_, i) => `?${i + 4}`);
	const sql = set.replace(/\$(\d+)/g, (_, n: string) => marks[Number(n) - 1]);
	return db.prepare(`UPDATE payouts SET updated_at = ?3${sql ? `, ${sql}` : ''} WHERE id = ?1 AND status = ?2`).bind(loaded.p.id, loaded.p.status, now, ...params);
}

/**
 * Tells the other side what the caller just did (payout_update, in-app; the deliverables
 * category of their preferences applies): the creator when the brand acted, every member of
 * the brand when the creator did, both when an admin decided.
 */
export function notifyPayout(db: D1Database, loaded: LoadedPayout, now: number, event: string, amountDzd = loaded.p.amount_dzd): D1PreparedStatement[] {
	const { row, p, actor } = loaded;
	const payload = {
		payoutId: p.id,
		agreementId: row.id,
		campaignTitle: row.campaign_title ?? '',
		actorName: actor === 'brand' ? row.brand_name : actor === 'creator' ? row.creator_name : 'Wasla',
		event,
		milestone: p.milestone,
		amountDzd
	};
	const toCreator = notifyUserStatement(db, row.creator_user_id, 'payout_update', payload, now);
	const toBrand = notifyBrandStatement(db, row.brand_id, 'payout_update', payload, now);
	return actor === 'brand' ? [toCreator] : actor === 'creator' ? [toBrand] : [toCreator, toBrand];
}
