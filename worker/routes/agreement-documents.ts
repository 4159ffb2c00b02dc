/**
 * Agreement PDFs (fr/ar/en; sealed once both parties signed) and the public verification
 * of a PDF's seal, stored hash and audit chain.
 */
import * as v from 'valibot';
import { AppError } from '../errors';
import { LIMITS } from '../domain/rate-limit-rules';
import { type Router, route } from '../route';
import { agreementPdf, verifyPdf } from '../services/agreement-documents';
import { consume } from '../services/rate-limit';

/** Largest PDF accepted for verification (a sealed agreement is ~150 KB). */
export const MAX_VERIFY_BYTES = 10 * 1024 * 1024;

const PdfQuery = v.object({ lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid')) });

const VerifyResponse = v.object({
	valid: v.boolean(),
	verdict: v.picklist(['valid', 'altered', 'unknown']),
	reason: v.pipe(v.string(), v.description('ok | altered | bad_signature | not_sealed_by_wasla | unknown_document | chain_broken | not_a_pdf')),
	agreementId: v.nullable(v.string()),
	version: v.nullable(v.number()),
	signers: v.array(v.object({ party: v.string(), name: v.string(), signedAt: v.string() })),
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
			query: PdfQuery,
			responses: {
				200: { description: 'application/pdf; `X-Document-Sha256` is the SHA-256 of the bytes, `X-Wasla-Sealed` says whether it is the sealed copy' },
				400: { description: 'Unknown language' },
				401: { description: 'No session' },
				404: { description: 'No such agreement, or not a party to it' }
			}
		},
		async (c, { query }) => {
			const lang = query.lang ?? c.get('locale');
			const origin = new URL(c.req.url).origin;
			const pdf = await agreementPdf(c.env, c.get('user')!, c.req.param('id')!, lang, origin, Date.now());
			return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
				headers: {
					'content-type': 'application/pdf',
					'content-disposition': `attachment; filename="${pdf.filename}"`,
					'cache-control': 'private, no-store',
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
			summary: 'Check a PDF: the platform seal, the stored hash and the agreement’s audit chain (body: the PDF bytes)',
			tags: ['agreements'],
			auth: 'public',
			responses: {
				200: { description: 'The verdict: valid, altered or unknown, with the reason and the signers', schema: VerifyResponse },
				413: { description: 'Larger than 10 MB' },
				415: { description: 'Not application/pdf (or application/octet-stream)' },
				429: { description: 'Too many verifications from this address' }
			}
		},
		async (c) => {
			const type = (c.req.header('content-type') ?? '').toLowerCase();
			if (!/^application\/(pdf|octet-stream)\b/.test(type)) throw new AppError('unsupported_media_type');
			if (Number(c.req.header('content-length') ?? '0') > MAX_VERIFY_BYTES) throw new AppError('payload_too_large');
			await consume(c.env.DB, LIMITS.verifyIp, c.req.header('cf-connecting-ip') ?? 'unknown', Date.now());
			const buf = await c.req.arrayBuffer();
			if (buf.byteLength > MAX_VERIFY_BYTES) throw new AppError('payload_too_large');
			return c.json(await verifyPdf(c.env, new Uint8Array(buf)));
		}
	);
}
