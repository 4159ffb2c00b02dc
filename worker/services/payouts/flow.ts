/**
 * The steps of a payout (issue 13, point 3): the brand marks it paid (method, reference, a
 * proof file), the creator confirms or disputes with a reason, the dispute is resolved — the
 * brand answers with proof (back to paid, awaiting confirmation) or an admin decides with a
 * note. Each step writes the payout, its ledger transactions, its audit event and the other
 * side's notice in one D1 batch.
 */
import type { CallerContext } from '../../context';
import type { UploadedFile } from '../../body';
import { AppError } from '../../errors';
import { t } from '../../i18n';
import { iso } from '../../domain/dates';
import { sha256Hex } from '../../domain/encoding';
import type { FileType } from '../../domain/file-types';
import { type LedgerKind, MAX_FEE_BPS, platformFee } from '../../domain/ledger';
import { type PayoutAction, type PayoutMethod, type PayoutStatus, payoutHeld, payoutTransactions } from '../../domain/payouts';
import { receiptFacts, receiptSha256 } from '../../domain/payout-receipt';
import { ledgerStatements, obligationId } from './ledger';
import { type LoadedPayout, changePayout, commitPayout, flaggedPublications, guardPayout, notifyPayout, updatePayout } from './load';
import { payoutDetail } from './read';

/** The receipt hash of a payout confirmed now, for its confirmation's event (worker/domain/payout-receipt.ts). */
async function receiptOf(p: Parameters<typeof receiptFacts>[0], confirmedAt: number): Promise<{ receiptSha256?: string }> {
	const facts = receiptFacts(p, confirmedAt);
	return facts ? { receiptSha256: await receiptSha256(facts) } : {};
}

/** A paid time may be a little ahead of the server's clock (the phone's), never more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The platform fee rate (basis points) from `PLATFORM_FEE_BPS`; 0 (no fee) when unset or invalid. */
export function feeBps(env: { PLATFORM_FEE_BPS?: string }): number {
	const n = Number(env.PLATFORM_FEE_BPS ?? '0');
	return Number.isInteger(n) && n >= 0 && n <= MAX_FEE_BPS ? n : 0;
}

/** The ledger statements of a step (an obligation keeps its one id; the others carry the request's idempotency key). */
function stepLedger(ctx: CallerContext, loaded: LoadedPayout, action: PayoutAction): { statements: D1PreparedStatement[]; kinds: LedgerKind[] } {
	const { p } = loaded;
	const txs = payoutTransactions(action, p.status as PayoutStatus, { brandId: p.brand_id, creatorId: p.creator_id }, p.amount_dzd, feeBps(ctx.env));
	return {
		kinds: txs.map((x) => x.kind),
		statements: txs.flatMap((x) =>
			ledgerStatements(
				ctx.db,
				{
					agreementId: p.agreement_id,
					payoutId: p.id,
					at: ctx.now,
					userId: ctx.user.id,
					...(x.kind === 'obligation' ? { id: obligationId(p.id) } : { idempotencyKey: ctx.idempotencyKey ?? null })
				},
				x
			)
		)
	};
}

/**
 * A retry whose first attempt committed but never answered (the Worker died before the
 * idempotency record stored the answer): the effect's transactions carry the key, so the
 * step is not taken twice; the payout is answered as it stands.
 */
async function alreadyDone(ctx: CallerContext, payoutId: string): Promise<boolean> {
	if (!ctx.idempotencyKey) return false;
	const row = await ctx.db.prepare('SELECT 1 AS x FROM ledger_transactions WHERE idempotency_key = ?1 AND payout_id = ?2 LIMIT 1').bind(ctx.idempotencyKey, payoutId).first();
	return row !== null;
}

export interface MarkPaidInput {
	payoutId: string;
	method: PayoutMethod;
	reference: string;
	/** When the money left (epoch ms); the request's time by default. */
	paidAt: number | null;
}

/**
 * POST /payouts/:id/mark-paid (brand; Idempotency-Key). From due, or early from scheduled
 * (its obligation is recognised first). 409 `payout_held` while a publication of the agreement
 * is flagged for its disclosure: the hold is the creator's to lift by fixing the post.
 */
export async function markPaid(ctx: CallerContext, input: MarkPaidInput) {
	await changePayout(ctx, input.payoutId, async (loaded) => {
		if (await alreadyDone(ctx, loaded.p.id)) return;
		const { p, row } = loaded;
		const to = guardPayout(loaded, 'mark_paid');
		if (payoutHeld(p, await flaggedPublications(ctx.db, p.agreement_id))) throw new AppError('payout_held');
		const paidAt = input.paidAt ?? ctx.now;
		if (paidAt > ctx.now + CLOCK_SKEW_MS || (row.completed_at !== null && paidAt < row.completed_at)) {
			throw new AppError('invalid_request', { errors: [{ path: 'at', message: t(ctx.locale, 'payout_paid_at_invalid') }] });
		}
		const ledger = stepLedger(ctx, loaded, 'mark_paid');
		await commitPayout(
			ctx,
			loaded,
			[
				{
					action: 'payout_marked_paid',
					data: { payoutId: p.id, status: to, amountDzd: p.amount_dzd, method: input.method, reference: input.reference, paidAt: iso(paidAt), early: p.status === 'scheduled' }
				}
			],
			[
				updatePayout(ctx.db, loaded, ctx.now, 'status = $1, paid_at = $2, paid_by_user_id = $3, method = $4, reference = $5', [to, paidAt, ctx.user.id, input.method, input.reference]),
				...ledger.statements,
				...notifyPayout(ctx.db, loaded, ctx.now, 'payout_marked_paid')
			]
		);
	});
	return payoutDetail(ctx, input.payoutId);
}

/** POST /payouts/:id/confirm (creator; Idempotency-Key): the money arrived. The platform fee, if any, is charged here. */
export async function confirmPayout(ctx: CallerContext, input: { payoutId: string }) {
	await changePayout(ctx, input.payoutId, async (loaded) => {
		if (await alreadyDone(ctx, loaded.p.id)) return;
		const { p } = loaded;
		const to = guardPayout(loaded, 'confirm');
		const ledger = stepLedger(ctx, loaded, 'confirm');
		const receipt = await receiptOf(p, ctx.now);
		await commitPayout(
			ctx,
			loaded,
			[{ action: 'payout_confirmed', data: { payoutId: p.id, status: to, amountDzd: p.amount_dzd, feeDzd: platformFee(p.amount_dzd, feeBps(ctx.env)), ...receipt } }],
			[updatePayout(ctx.db, loaded, ctx.now, 'status = $1, confirmed_at = $2', [to, ctx.now]), ...ledger.statements, ...notifyPayout(ctx.db, loaded, ctx.now, 'payout_confirmed')]
		);
	});
	return payoutDetail(ctx, input.payoutId);
}

/** POST /payouts/:id/dispute (creator): the money did not arrive, with a reason. */
export async function disputePayout(ctx: CallerContext, input: { payoutId: string; reason: string }) {
	await changePayout(ctx, input.payoutId, async (loaded) => {
		if (await alreadyDone(ctx, loaded.p.id)) return;
		const { p } = loaded;
		const to = guardPayout(loaded, 'dispute');
		const ledger = stepLedger(ctx, loaded, 'dispute');
		await commitPayout(
			ctx,
			loaded,
			[{ action: 'payout_disputed', data: { payoutId: p.id, status: to, amountDzd: p.amount_dzd, reason: input.reason } }],
			[
				updatePayout(ctx.db, loaded, ctx.now, 'status = $1, disputed_at = $2, dispute_reason = $3', [to, ctx.now, input.reason]),
				...ledger.statements,
				...notifyPayout(ctx.db, loaded, ctx.now, 'payout_disputed')
			]
		);
	});
	return payoutDetail(ctx, input.payoutId);
}

export type ResolveOutcome = 'proof' | 'paid' | 'unpaid';
const RESOLVE_ACTION: Record<ResolveOutcome, PayoutAction> = { proof: 'resolve_proof', paid: 'resolve_paid', unpaid: 'resolve_unpaid' };

/**
 * POST /payouts/:id/resolve (a disputed payout). The brand answers with `proof` — a proof file
 * added since the dispute (409 `detail_payout_proof_missing` otherwise) — and the payout is
 * paid again, awaiting the creator's confirmation. An admin decides `paid` (confirmed) or
 * `unpaid` (the marking is reversed: due again). Either way with a note. The creator, or the
 * brand asking for an admin's outcome, gets 403.
 */
export async function resolvePayout(ctx: CallerContext, input: { payoutId: string; outcome: ResolveOutcome; note: string }) {
	await changePayout(ctx, input.payoutId, async (loaded) => {
		if (await alreadyDone(ctx, loaded.p.id)) return;
		const { p } = loaded;
		if (loaded.actor === 'brand' && input.outcome !== 'proof') throw new AppError('forbidden', { detailKey: 'detail_payout_outcome' });
		if (loaded.actor === 'admin' && input.outcome === 'proof') throw new AppError('forbidden', { detailKey: 'detail_payout_outcome' });
		const action = RESOLVE_ACTION[input.outcome];
		const to = guardPayout(loaded, action);
		if (input.outcome === 'proof') {
			const proof = await ctx.db
				.prepare("SELECT 1 AS x FROM agreement_events WHERE agreement_id = ?1 AND action = 'payout_proof_added' AND json_extract(data, '$.payoutId') = ?2 AND at >= ?3 LIMIT 1")
				.bind(p.agreement_id, p.id, p.disputed_at ?? 0)
				.first();
			if (!proof) throw new AppError('invalid_state', { detailKey: 'detail_payout_proof_missing' });
		}
		const ledger = stepLedger(ctx, loaded, action);
		const set =
			input.outcome === 'unpaid'
				? 'status = $1, resolved_at = $2, resolution = $3, resolution_note = $4, paid_at = NULL, paid_by_user_id = NULL, method = NULL, reference = NULL'
				: input.outcome === 'paid'
					? 'status = $1, resolved_at = $2, resolution = $3, resolution_note = $4, confirmed_at = $2'
					: 'status = $1, resolved_at = $2, resolution = $3, resolution_note = $4';
		const receipt = input.outcome === 'paid' ? await receiptOf(p, ctx.now) : {};
		await commitPayout(
			ctx,
			loaded,
			[{ action: 'payout_resolved', data: { payoutId: p.id, status: to, outcome: input.outcome, note: input.note, by: loaded.actor === 'admin' ? 'admin' : 'brand', ...receipt } }],
			[updatePayout(ctx.db, loaded, ctx.now, set, [to, ctx.now, input.outcome, input.note]), ...ledger.statements, ...notifyPayout(ctx.db, loaded, ctx.now, 'payout_resolved')]
		);
	});
	return payoutDetail(ctx, input.payoutId);
}

/** Where a payout's proof is kept in R2. */
export const proofKey = (agreementId: string, payoutId: string) => `payouts/${agreementId}/${payoutId}/proof-${crypto.randomUUID()}`;

/**
 * POST /payouts/:id/proof (brand): a proof of payment (image or PDF, type detected from its
 * bytes) for a payout marked paid or disputed (409 otherwise). The file goes to R2, then the
 * row and the `payout_proof_added` event (with its SHA-256) in one batch; if that batch fails,
 * the stored file is deleted. A new proof replaces the shown one; the chain keeps every hash.
 */
export async function addProof(ctx: CallerContext, input: { payoutId: string; file: UploadedFile<FileType> }) {
	await changePayout(ctx, input.payoutId, async (loaded) => {
		const { p } = loaded;
		if (loaded.actor !== 'brand') throw new AppError('forbidden');
		if (p.status !== 'paid' && p.status !== 'disputed') throw new AppError('invalid_state', { detailKey: 'detail_payout_state' });
		const sha = await sha256Hex(input.file.bytes);
		const key = proofKey(p.agreement_id, p.id);
		await ctx.files.put(key, input.file.bytes, { httpMetadata: { contentType: input.file.type }, sha256: sha });
		try {
			await commitPayout(
				ctx,
				loaded,
				[{ action: 'payout_proof_added', data: { payoutId: p.id, status: p.status as PayoutStatus, proofSha256: sha, type: input.file.type } }],
				[updatePayout(ctx.db, loaded, ctx.now, 'proof_key = $1, proof_type = $2, proof_sha256 = $3', [key, input.file.type, sha]), ...notifyPayout(ctx.db, loaded, ctx.now, 'payout_proof_added')]
			);
		} catch (err) {
			await ctx.files.delete(key).catch(() => undefined);
			throw err;
		}
	});
	return payoutDetail(ctx, input.payoutId);
}
