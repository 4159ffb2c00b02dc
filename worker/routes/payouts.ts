/**
 * Payouts (issue 13): the schedule of a signed agreement, the brand's payment, the creator's
 * confirmation or dispute, its resolution, and the ledger both sides review. Wasla holds no
 * money. Only the agreement's parties (and an admin, on a dispute); anyone else gets 404.
 * Money-moving routes are `idempotent` (worker/idempotency.ts).
 */
import { type Router, route } from '../route';
import { json, upload } from '../body';
import { ById } from './params';
import { PROOF_TYPES, MAX_PROOF_BYTES } from '../domain/file-types';
import {
	addProof,
	adminDisputes,
	agreementLedger,
	agreementPayouts,
	confirmPayout,
	disputePayout,
	ledgerBalance,
	markPaid,
	partyPayouts,
	payoutDetail,
	payoutProof,
	payoutReceiptPdf,
	payoutStatement,
	payoutStatementJson,
	resolvePayout,
	verifyReceipt
} from '../services/payouts';
import * as v from 'valibot';
import { statementCsv } from '../domain/payout-statement';
import { attachmentHeaders } from '../downloads';
import {
	AdminDisputesQuery,
	AdminDisputesResponse,
	AgreementPayoutsResponse,
	BalanceResponse,
	DisputeBody,
	LedgerResponse,
	MarkPaidBody,
	PartyPayoutsQuery,
	PartyPayoutsResponse,
	PayoutResponse,
	ReceiptVerifyQuery,
	ReceiptVerifyResponse,
	ResolveBody,
	StatementResponse
} from './payouts.types';

const ReceiptQuery = v.object({ lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid')) });

const NOT_FOUND = { 404: { description: 'Not found, or not one of its parties' } };
const WRONG_STATE = 'The payout is not at a step that allows this (`detail_payout_state`)';

export function payoutRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/payouts',
			summary: 'The payouts of a signed agreement, in schedule order: status, amount, deadline, whether held or overdue (both parties see the same)',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: AgreementPayoutsResponse }, ...NOT_FOUND }
		},
		async (c, { ctx, params }) => c.json(await agreementPayouts(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/admin/payouts/disputes',
			summary: 'The admins’ queue: every payout still disputed, the oldest dispute first, 20 a page; an admin decides with POST /payouts/:id/resolve (paid or unpaid, with a note)',
			tags: ['payouts'],
			auth: 'admin',
			query: AdminDisputesQuery,
			responses: { 200: { description: 'OK', schema: AdminDisputesResponse }, 400: { description: 'A bad page' }, 401: { description: 'No session' }, 403: { description: 'Not an admin' } }
		},
		async (c, { ctx, query }) => c.json(await adminDisputes(ctx, { page: Number(query.page) }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/payouts',
			summary: 'The caller’s payouts across agreements (a creator’s own, or the acting brand’s), oldest deadline first; `open` (default) or `all`',
			tags: ['payouts'],
			auth: 'user',
			query: PartyPayoutsQuery,
			responses: { 200: { description: 'OK', schema: PartyPayoutsResponse }, 403: { description: 'A brand account without a brand' }, 404: { description: 'Neither a creator nor a brand member' } }
		},
		async (c, { ctx, query }) => c.json(await partyPayouts(ctx, { status: query.status }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/payouts/statement',
			summary:
				'The caller’s payout statement (a creator’s, or the acting brand’s): each payout once, in the column of its status and the Algiers month it reached it; totals by month, by agreement and counterparty, and overall; the lines',
			tags: ['payouts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: StatementResponse }, 403: { description: 'A brand account without a brand' }, 404: { description: 'Neither a creator nor a brand member' } }
		},
		async (c, { ctx }) => c.json(await payoutStatementJson(ctx))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/payouts/statement.csv',
			summary: 'The same statement’s lines as CSV (UTF-8 with a BOM, one payout a line, whole dinars, formula-safe cells), as a download',
			tags: ['payouts'],
			auth: 'user',
			responses: { 200: { description: 'text/csv attachment' }, 403: { description: 'A brand account without a brand' }, 404: { description: 'Neither a creator nor a brand member' } }
		},
		async (_c, { ctx }) => {
			const { side, statement } = await payoutStatement(ctx);
			const body = new TextEncoder().encode(`\ufeff${statementCsv(statement)}`);
			const day = new Date(ctx.now + 3_600_000).toISOString().slice(0, 10);
			return new Response(body, { headers: attachmentHeaders({ type: 'text/csv; charset=utf-8', name: `wasla-releve-paiements-${side}-${day}.csv`, size: body.byteLength }) });
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/payouts/:id',
			summary: 'One payout and its history from the agreement’s audit chain (the same for both sides)',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: PayoutResponse }, ...NOT_FOUND }
		},
		async (c, { ctx, params }) => c.json(await payoutDetail(ctx, params.id))
	);

	route(
		r,
		{
			method: 'post',
			path: '/payouts/:id/mark-paid',
			summary: 'The brand says it paid (method, reference, optional time): due, or scheduled (early). Refused while held (409 `payout_held`). Requires Idempotency-Key.',
			tags: ['payouts'],
			auth: 'brand',
			params: ById,
			body: json(MarkPaidBody),
			idempotent: true,
			responses: {
				200: { description: 'The payout, now paid (awaiting the creator’s confirmation)', schema: PayoutResponse },
				403: { description: 'Not the agreement’s brand side' },
				...NOT_FOUND,
				409: { description: `${WRONG_STATE}; or held: a publication lacks its disclosure (\`payout_held\`)` }
			}
		},
		async (c, { ctx, params, body }) => c.json(await markPaid(ctx, { payoutId: params.id, method: body.method, reference: body.reference, paidAt: body.at ? Date.parse(body.at) : null }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/payouts/:id/proof',
			summary: 'The brand attaches a proof of payment (image or PDF, detected from its bytes, at most 10 MB) to a payout marked paid or disputed',
			tags: ['payouts'],
			auth: 'brand',
			params: ById,
			body: upload({
				maxBytes: MAX_PROOF_BYTES,
				types: PROOF_TYPES,
				messages: { tooLarge: 'detail_payout_proof_too_large', wrongContent: 'detail_payout_proof_type' },
				description: 'A screenshot or receipt of the payment'
			}),
			responses: { 200: { description: 'The payout with its proof', schema: PayoutResponse }, 403: { description: 'Not the agreement’s brand side' }, ...NOT_FOUND, 409: { description: WRONG_STATE } }
		},
		async (c, { ctx, params, body }) => c.json(await addProof(ctx, { payoutId: params.id, file: body.file }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/payouts/:id/proof',
			summary: 'The proof of payment, as a download (both parties)',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'The file, with the type detected when it was received' }, 404: { description: 'No such payout, not one of its parties, or no proof' } }
		},
		async (_c, { ctx, params }) => payoutProof(ctx, params.id)
	);

	route(
		r,
		{
			method: 'post',
			path: '/payouts/:id/confirm',
			summary: 'The creator confirms the money arrived (the platform fee, if any, is charged). Requires Idempotency-Key.',
			tags: ['payouts'],
			auth: 'creator',
			params: ById,
			idempotent: true,
			responses: { 200: { description: 'The payout, confirmed', schema: PayoutResponse }, 403: { description: 'Not a creator' }, ...NOT_FOUND, 409: { description: WRONG_STATE } }
		},
		async (c, { ctx, params }) => c.json(await confirmPayout(ctx, { payoutId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/payouts/:id/dispute',
			summary: 'The creator says the money did not arrive, with a reason. Requires Idempotency-Key.',
			tags: ['payouts'],
			auth: 'creator',
			params: ById,
			body: json(DisputeBody),
			idempotent: true,
			responses: { 200: { description: 'The payout, disputed', schema: PayoutResponse }, 403: { description: 'Not a creator' }, ...NOT_FOUND, 409: { description: WRONG_STATE } }
		},
		async (c, { ctx, params, body }) => c.json(await disputePayout(ctx, { payoutId: params.id, reason: body.reason }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/payouts/:id/resolve',
			summary:
				'Resolves a dispute with a note: the brand answers with the proof it added since (`proof`: paid again, awaiting confirmation), or an admin decides (`paid`: confirmed; `unpaid`: the marking is reversed, due again). Requires Idempotency-Key.',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			body: json(ResolveBody),
			idempotent: true,
			responses: {
				200: { description: 'The payout after the resolution', schema: PayoutResponse },
				403: { description: 'The creator; or an outcome that is not the caller’s to give (`detail_payout_outcome`)' },
				...NOT_FOUND,
				409: { description: `${WRONG_STATE}; or the brand added no proof since the dispute (\`detail_payout_proof_missing\`)` }
			}
		},
		async (c, { ctx, params, body }) => c.json(await resolvePayout(ctx, { payoutId: params.id, outcome: body.outcome, note: body.note }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/payouts/:id/receipt.pdf',
			summary:
				'The receipt of a confirmed payout as an A4 PDF in French, Arabic (right to left) or English (`?lang`, default: the caller’s language): payer, payee, amount, method, reference, paid and confirmed dates, the agreement and its instalment, and on every page the receipt hash (`X-Receipt-Sha256`) recorded on the agreement’s audit chain at the confirmation',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			query: ReceiptQuery,
			responses: {
				200: { description: 'application/pdf attachment `wasla-recu-<id>-<lang>.pdf`' },
				400: { description: 'Unknown language (`lang` other than fr, ar, en)' },
				403: { description: 'An admin: receipts are the parties’' },
				...NOT_FOUND,
				409: { description: 'Not confirmed (`detail_receipt_unconfirmed`)' }
			}
		},
		async (_c, { ctx, params, query }) => {
			const pdf = await payoutReceiptPdf(ctx, { payoutId: params.id, lang: query.lang ?? ctx.locale });
			return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
				headers: { ...attachmentHeaders({ type: 'application/pdf', name: pdf.filename, size: pdf.bytes.byteLength }), 'x-receipt-sha256': pdf.sha256 }
			});
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/payouts/:id/receipt/verify',
			summary:
				'Checks a receipt’s hash (printed in its footer) for the payout it names: valid when the payout is confirmed, its stored facts hash to it and the agreement’s audit chain recorded it at the confirmation; the facts and names only then. Anyone holding a receipt may ask.',
			tags: ['payouts'],
			auth: 'public',
			params: ById,
			query: ReceiptVerifyQuery,
			responses: { 200: { description: 'The verdict', schema: ReceiptVerifyResponse }, 400: { description: '`sha256` is not 64 lowercase hex digits' }, 404: { description: 'Not a payout id' } }
		},
		async (c, { ctx, params, query }) => c.json(await verifyReceipt(ctx, { payoutId: params.id, sha256: query.sha256 }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/ledger',
			summary: 'The agreement’s ledger: every transaction with its entries (integer dinars, positive = debit; each transaction sums to zero) and the balances they make',
			tags: ['payouts'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: LedgerResponse }, ...NOT_FOUND }
		},
		async (c, { ctx, params }) => c.json(await agreementLedger(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/ledger/balance',
			summary: 'The caller’s side of the ledger: each account of the creator, or of the brand they act for, with its balance (sum of its entries; positive = debit)',
			tags: ['payouts'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: BalanceResponse }, 403: { description: 'A brand account without a brand' }, 404: { description: 'Neither a creator nor a brand member' } }
		},
		async (c, { ctx }) => c.json(await ledgerBalance(ctx))
	);
}
