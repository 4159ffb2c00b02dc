/**
 * Reading payouts and the ledger: an agreement's payouts (both sides see the same), one payout
 * with its history from the audit chain, the agreement's ledger, the caller's balances, and a
 * party's payouts across agreements (the seam for the reminders, statements and pages that
 * later parts add). A GET changes nothing but planning the payouts of agreements signed before
 * payouts existed (`ensurePayouts`), as the deliverables do.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { PAYOUT_AUDIT_ACTIONS } from '../../domain/audit-chain';
import { iso, isoOrNull } from '../../domain/dates';
import { type FileType, FILE_TYPES } from '../../domain/file-types';
import { jsonObjectOr } from '../../domain/json';
import { type LedgerKind, accountOwner } from '../../domain/ledger';
import { type PayoutActor, type PayoutStatus, OPEN_STATUSES, payoutHeld, payoutOverdue, ripShown } from '../../domain/payouts';
import { downloadName, downloadObject } from '../../downloads';
import { load } from '../agreements/load';
import { viewerOf } from '../viewer';
import { flaggedPublications, loadPayout } from './load';
import { ensurePayouts } from './plan';
import type { PayoutRow } from './rows';

/** A payout as the API answers it to `viewer`; `rip` is the creator's stored RIP (shown to the brand only while due, `ripShown`). */
export function payoutItem(p: PayoutRow, flagged: number, now: number, viewer: PayoutActor = 'creator', rip: string | null = null) {
	const held = payoutHeld(p, flagged);
	return {
		id: p.id,
		agreementId: p.agreement_id,
		seq: p.seq,
		milestone: p.milestone as 'signature' | 'approval' | 'publication',
		amountDzd: p.amount_dzd,
		scheduledDzd: p.scheduled_dzd,
		dueDays: p.due_days,
		status: p.status as PayoutStatus,
		held,
		overdue: payoutOverdue({ status: p.status, deadlineAt: p.deadline_at }, held, now),
		fallsDueAt: isoOrNull(p.falls_due_at),
		deadlineAt: isoOrNull(p.deadline_at),
		paidAt: isoOrNull(p.paid_at),
		method: p.method,
		reference: p.reference,
		proof: p.proof_key && p.proof_type ? { type: p.proof_type, sha256: p.proof_sha256 ?? '' } : null,
		confirmedAt: isoOrNull(p.confirmed_at),
		disputedAt: isoOrNull(p.disputed_at),
		disputeReason: p.dispute_reason,
		resolvedAt: isoOrNull(p.resolved_at),
		resolution: p.resolution as 'proof' | 'paid' | 'unpaid' | null,
		resolutionNote: p.resolution_note,
		cancelledAt: isoOrNull(p.cancelled_at),
		creatorRip: ripShown(p, held, viewer, rip)
	};
}

/** The creator's stored RIP, read only for the brand side (the only one it may be shown to). */
async function creatorRipFor(db: D1Database, viewer: PayoutActor, creatorId: string): Promise<string | null> {
	if (viewer !== 'brand') return null;
	const row = await db.prepare('SELECT payout_rip FROM creators WHERE id = ?1').bind(creatorId).first<{ payout_rip: string | null }>();
	return row?.payout_rip ?? null;
}

/** GET /agreements/:id/payouts: the schedule as it stands, in order (the parties only). */
export async function agreementPayouts(ctx: CallerContext, input: { agreementId: string }) {
	const { row, party } = await load(ctx, input.agreementId);
	await ensurePayouts(ctx.db, ctx.now, row);
	const { results } = await ctx.db.prepare('SELECT * FROM payouts WHERE agreement_id = ?1 ORDER BY seq').bind(row.id).all<PayoutRow>();
	const flagged = await flaggedPublications(ctx.db, row.id);
	const rip = await creatorRipFor(ctx.db, party, row.creator_id);
	const items = results.map((p) => payoutItem(p, flagged, ctx.now, party, rip));
	return {
		party,
		held: flagged > 0,
		feeDzd: results.reduce((s, p) => s + p.scheduled_dzd, 0),
		payouts: items
	};
}

/** Whether a stored event is about `payoutId`. */
function concerns(action: string, data: Record<string, unknown>, payoutId: string): boolean {
	if (data.payoutId === payoutId) return true;
	const list = action === 'payouts_adjusted' ? data.changes : data.payouts;
	return Array.isArray(list) && list.some((x) => (x as { id?: string; payoutId?: string }).id === payoutId || (x as { payoutId?: string }).payoutId === payoutId);
}

/** GET /payouts/:id: the payout and its history from the audit chain, the same for both sides. */
export async function payoutDetail(ctx: CallerContext, payoutId: string) {
	const loaded = await loadPayout(ctx, payoutId);
	const { p } = loaded;
	const marks = PAYOUT_AUDIT_ACTIONS.map((_, i) => `?${i + 2}`).join(', ');
	const [events, flagged, rip] = await Promise.all([
		ctx.db
			.prepare(`SELECT seq, at, actor_party, action, data FROM agreement_events WHERE agreement_id = ?1 AND action IN (${marks}) ORDER BY seq`)
			.bind(p.agreement_id, ...PAYOUT_AUDIT_ACTIONS)
			.all<{ seq: number; at: number; actor_party: string; action: string; data: string }>(),
		flaggedPublications(ctx.db, p.agreement_id),
		creatorRipFor(ctx.db, loaded.actor, p.creator_id)
	]);
	const history = events.results
		.map((e) => ({ e, data: jsonObjectOr<Record<string, unknown>>(e.data, {}) }))
		.filter(({ e, data }) => concerns(e.action, data, p.id))
		.map(({ e, data }) => ({ seq: e.seq, at: iso(e.at), actor: e.actor_party, action: e.action, data }));
	return { party: loaded.actor, payout: payoutItem(p, flagged, ctx.now, loaded.actor, rip), history };
}

/** GET /payouts/:id/proof: the proof file, for both parties (and an admin). 404 when there is none. */
export async function payoutProof(ctx: CallerContext, payoutId: string): Promise<Response> {
	const { p } = await loadPayout(ctx, payoutId);
	if (!p.proof_key || !p.proof_type || !(FILE_TYPES as readonly string[]).includes(p.proof_type)) throw new AppError('not_found');
	return downloadObject(ctx.files, p.proof_key, { type: p.proof_type, name: downloadName(`preuve-paiement-${p.seq}`, p.proof_type as FileType, 'proof') });
}

/** GET /agreements/:id/ledger: every transaction of the agreement with its entries, oldest first (the parties only). */
export async function agreementLedger(ctx: CallerContext, input: { agreementId: string }) {
	const { row } = await load(ctx, input.agreementId);
	await ensurePayouts(ctx.db, ctx.now, row);
	const { results } = await ctx.db
		.prepare(
			`SELECT t.id, t.kind, t.at, t.payout_id, e.account, e.amount_dzd FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
			 WHERE t.agreement_id = ?1 ORDER BY t.at, t.rowid, e.seq`
		)
		.bind(row.id)
		.all<{ id: string; kind: LedgerKind; at: number; payout_id: string | null; account: string; amount_dzd: number }>();
	const byId = new Map<string, { id: string; kind: LedgerKind; at: string; payoutId: string | null; entries: { account: string; amountDzd: number }[] }>();
	const balances = new Map<string, number>();
	for (const r of results) {
		let tx = byId.get(r.id);
		if (!tx) {
			tx = { id: r.id, kind: r.kind, at: iso(r.at), payoutId: r.payout_id, entries: [] };
			byId.set(r.id, tx);
		}
		tx.entries.push({ account: r.account, amountDzd: r.amount_dzd });
		balances.set(r.account, (balances.get(r.account) ?? 0) + r.amount_dzd);
	}
	return {
		transactions: [...byId.values()],
		balances: [...balances].map(([account, balanceDzd]) => ({ account, balanceDzd }))
	};
}

/**
 * GET /ledger/balance: the caller's side — a creator's accounts, or the accounts of the brand
 * they act for — each the sum of its entries (positive = debit). One indexed range per side.
 */
export async function ledgerBalance(ctx: CallerContext) {
	const viewer = await viewerOf(ctx);
	if (!viewer) throw new AppError('not_found');
	const prefix = viewer.side === 'brand' ? `brand:${viewer.brandId}:` : `creator:${viewer.creatorId}:`;
	// Accounts of the side sort between `<prefix>` and `<prefix>` with its last ':' raised to ';'.
	const upper = `${prefix.slice(0, -1)};`;
	const { results } = await ctx.db
		.prepare('SELECT account, sum(amount_dzd) AS balance FROM ledger_entries WHERE account >= ?1 AND account < ?2 GROUP BY account ORDER BY account')
		.bind(prefix, upper)
		.all<{ account: string; balance: number }>();
	return {
		side: viewer.side,
		accounts: results.filter((r) => accountOwner(r.account) !== null).map((r) => ({ account: r.account, balanceDzd: r.balance }))
	};
}

/**
 * A party's payouts across its agreements (a creator's own, or the acting brand's), oldest
 * deadline first: `open` = scheduled, due, paid or disputed. The seam for the payout
 * reminders, statements and the payouts page.
 */
export async function partyPayouts(ctx: CallerContext, input: { status: 'open' | 'all' }) {
	const viewer = await viewerOf(ctx);
	if (!viewer) throw new AppError('not_found');
	const column = viewer.side === 'brand' ? 'brand_id' : 'creator_id';
	const id = viewer.side === 'brand' ? viewer.brandId : viewer.creatorId;
	const statuses = input.status === 'open' ? [...OPEN_STATUSES, 'paid', 'disputed'] : null;
	const { results } = await ctx.db
		.prepare(
			`SELECT p.*, ${viewer.side === 'brand' ? '(SELECT cr.payout_rip FROM creators cr WHERE cr.id = p.creator_id)' : 'NULL'} AS creator_rip,
			        (SELECT count(*) FROM deliverables d WHERE d.agreement_id = p.agreement_id AND d.publication_review = 'flagged' AND d.status <> 'withdrawn') AS flagged
			 FROM payouts p WHERE p.${column} = ?1${statuses ? ` AND p.status IN (${statuses.map((s) => `'${s}'`).join(', ')})` : ''}
			 ORDER BY p.deadline_at IS NULL, p.deadline_at, p.created_at, p.seq LIMIT 200`
		)
		.bind(id)
		.all<PayoutRow & { flagged: number; creator_rip: string | null }>();
	return { side: viewer.side, payouts: results.map((p) => payoutItem(p, p.flagged, ctx.now, viewer.side, p.creator_rip)) };
}
