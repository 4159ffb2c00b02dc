/**
 * Agreement PDFs (fr/ar/en; sealed once both parties signed) and the public verification
 * of a PDF's seal, stored hash and audit chain. POST /verify answers 413 beyond 10 MB
 * (counted while reading), 400 for an empty body and 422 for bytes that are not a PDF; a PDF
 * always gets a 200 verdict (issue 9).
 */
import * as v from 'valibot';
import { LIMITS } from '../domain/rate-limit-rules';
import { type Router, route } from '../route';
import { pdf } from '../body';
import { attachmentHeaders } from '../downloads';
import { ById } from './params';
import { agreementPdf, verifyPdf } from '../services/agreement-documents';

/** Largest PDF accepted for verification (a sealed agreement is ~150 KB). */
export const MAX_VERIFY_BYTES = 10 * 1024 * 1024;

const PdfQuery = v.object({ lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid')) });

const VerifyResponse = v.object({
	valid: v.boolean(),
	verdict: v.picklist(['valid', 'altered', 'unknown']),
	reason: v.pipe(v.string(), v.description('ok | altered | chain_broken | unknown_document | bad_signature | not_sealed_by_wasla')),
	agreementId: v.pipe(v.nullable(v.string()), v.description('Only when the verdict is valid')),
	version: v.pipe(v.nullable(v.number()), v.description('Only when the verdict is valid')),
	signers: v.pipe(v.array(v.object({ party: v.string(), name: v.string(), signedAt: v.string() })), v.description('Only when the verdict is valid; empty otherwise')),
	checks: v.object({ signature: v.boolean(), storedHash: v.boolean(), auditChain: v.boolean() }),
	signedAt: v.nullable(v.string())
});

export function agreementDocumentRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/pdf',
			summary: 'The agreement as a PDF in French, Arabic or English; once both parties signed, the sealed PDF with its certificate of completion',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			query: PdfQuery,
			responses: {
				200: { description: 'application/pdf; `X-Document-Sha256` is the SHA-256 of the bytes, `X-Wasla-Sealed` says whether it is the sealed copy' },
				400: { description: 'Unknown language' },
				401: { description: 'No session' },
				404: { description: 'No such agreement, or not a party to it' }
			}
		},
		async (c, { ctx, params, query }) => {
			const pdf = await agreementPdf(ctx, { agreementId: params.id, lang: query.lang ?? ctx.locale });
			return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
				headers: {
					...attachmentHeaders({ type: 'application/pdf', name: pdf.filename, size: pdf.bytes.byteLength }),
					'x-document-sha256': pdf.sha256,
					'x-wasla-sealed': pdf.sealed ? '1' : '0'
				}
			});
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/verify',
			summary: 'Check a PDF: the platform seal (read from the raw bytes, nothing inflated), the stored hash and the agreement’s audit chain (body: the PDF bytes)',
			tags: ['agreements'],
			auth: 'public',
			throttle: LIMITS.verifyIp,
			body: pdf({ maxBytes: MAX_VERIFY_BYTES, messages: { tooLarge: 'verify_too_large', empty: 'verify_empty', wrongContent: 'verify_not_a_pdf' } }),
			responses: {
				200: { description: 'The verdict: valid, altered or unknown, with the reason; the agreement and its signers only when valid', schema: VerifyResponse },
				400: { description: 'Empty body' },
				413: { description: 'Larger than 10 MB' },
				415: { description: 'Not application/pdf (or application/octet-stream)' },
				422: { description: 'Not a PDF: no %PDF- header in the first KiB or no %%EOF in the last KiB' },
				429: { description: 'Too many verifications from this address' }
			}
		},
		async (c, { ctx, body }) => c.json(await verifyPdf(ctx, { bytes: body }))
	);
}
