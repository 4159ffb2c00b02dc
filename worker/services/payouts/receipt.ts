/**
 * GET /payouts/:id/receipt.pdf (the agreement's parties, a confirmed payout) and
 * GET /payouts/:id/receipt/verify?sha256= (anyone holding a receipt): the receipt is drawn
 * from the confirmed payout by the agreements' renderer, deterministically; its hash is that
 * of the payout's facts (worker/domain/payout-receipt.ts), written on the agreement's audit
 * chain by the confirmation. Both change nothing.
 */
import type { CallerContext, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { DocLang } from '../../../contracts/document';
import { renderReportPdf } from '../../../contracts/pdf';
import { jsonObjectOr } from '../../domain/json';
import { type ReceiptFacts, buildReceiptDocument, receiptFacts, receiptSha256 } from '../../domain/payout-receipt';
import { loadPayout } from './load';
import type { PayoutRow } from './rows';

/** The hash the chain recorded for the payout's confirmation (null: confirmed before receipts existed). */
async function recordedHash(db: D1Database, p: PayoutRow): Promise<string | null> {
	const row = await db
		.prepare(
			`SELECT data FROM agreement_events WHERE agreement_id = ?1 AND action IN ('payout_confirmed', 'payout_resolved')
			 AND json_extract(data, '$.payoutId') = ?2 AND json_extract(data, '$.receiptSha256') IS NOT NULL ORDER BY seq DESC LIMIT 1`
		)
		.bind(p.agreement_id, p.id)
		.first<{ data: string }>();
	const hash = row ? jsonObjectOr<{ receiptSha256?: unknown }>(row.data, {}).receiptSha256 : null;
	return typeof hash === 'string' ? hash : null;
}

/** The facts of a confirmed payout as it is stored now. */
function storedFacts(p: PayoutRow): ReceiptFacts | null {
	return p.status === 'confirmed' && p.confirmed_at !== null ? receiptFacts(p, p.confirmed_at) : null;
}

async function names(db: D1Database, p: PayoutRow) {
	const row = await db
		.prepare(
			"SELECT b.name AS brand_name, cr.display_name AS creator_name, coalesce(c.title, '') AS campaign_title FROM brands b, creators cr LEFT JOIN campaigns c ON c.id = ?3 WHERE b.id = ?1 AND cr.id = ?2"
		)
		.bind(p.brand_id, p.creator_id, p.campaign_id)
		.first<{ brand_name: string; creator_name: string; campaign_title: string }>();
	return { brandName: row?.brand_name ?? '', creatorName: row?.creator_name ?? '', campaignTitle: row?.campaign_title ?? '' };
}

export const receiptVerifyUrl = (origin: string, payoutId: string) => `${origin}/api/v1/payouts/${payoutId}/receipt/verify`;

/** The receipt PDF in `lang`: the parties only (an admin 403, anyone else 404); 409 unless confirmed. */
export async function payoutReceiptPdf(ctx: CallerContext, input: { payoutId: string; lang: DocLang }) {
	const loaded = await loadPayout(ctx, input.payoutId);
	if (loaded.actor === 'admin') throw new AppError('forbidden');
	const { p } = loaded;
	const facts = storedFacts(p);
	if (!facts) throw new AppError('invalid_state', { detailKey: 'detail_receipt_unconfirmed' });
	const sha256 = (await recordedHash(ctx.db, p)) ?? (await receiptSha256(facts));
	const doc = buildReceiptDocument(facts, { lang: input.lang, sha256, ...(await names(ctx.db, p)), verifyUrl: receiptVerifyUrl(ctx.origin, p.id) });
	const bytes = await renderReportPdf(doc);
	return { bytes, sha256, filename: `wasla-recu-${p.id.slice(0, 8)}-${input.lang}.pdf` };
}

/**
 * Whether `sha256` is the receipt of payout `payoutId`: the payout is confirmed, its facts as
 * stored now hash to it, and the chain recorded that hash at the confirmation. Answers the
 * facts and the names only when valid; an unknown payout is simply not valid (404 would tell
 * which ids exist).
 */
export async function verifyReceipt(ctx: ServiceContext, input: { payoutId: string; sha256: string }) {
	const p = await ctx.db.prepare('SELECT * FROM payouts WHERE id = ?1').bind(input.payoutId).first<PayoutRow>();
	const facts = p ? storedFacts(p) : null;
	if (!p || !facts) return { valid: false as const, reason: 'unknown' as const };
	const [recomputed, recorded] = await Promise.all([receiptSha256(facts), recordedHash(ctx.db, p)]);
	if (recorded !== input.sha256 && recomputed !== input.sha256) return { valid: false as const, reason: 'unknown' as const };
	if (recorded === null) return { valid: false as const, reason: 'unrecorded' as const };
	if (recorded !== recomputed) return { valid: false as const, reason: 'altered' as const };
	return { valid: true as const, receipt: { ...facts, sha256: recorded, ...(await names(ctx.db, p)) } };
}
