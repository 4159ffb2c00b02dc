/**
 * What hooks.server.ts applies to every page request: the form-body guard for non-GET
 * requests (form actions).
 * Plain TypeScript (no SvelteKit imports) so the unit tests run it inside workerd.
 */
import type { ErrorCode } from '../../../../worker/errors';

/**
 * The largest form post a page accepts. The biggest legitimate one is /verify (a PDF of up to
 * 10 MB, which the page refuses itself with its own message), then screenshots (5 MB).
 */
export const MAX_FORM_BYTES = 16 * 1024 * 1024;

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Checks a form post before any action runs: it must be a form (415), not too large (413),
 * and parse (400). Reads a copy of the body, so the action still reads the original.
 * Returns the problem's code, or null when the body is fine.
 */
export async function formBodyProblem(request: Request): Promise<ErrorCode | null> {
	const contentType = request.headers.get('content-type') ?? '';
	const mediaType = contentType.split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.has(mediaType)) return 'unsupported_media_type';
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_FORM_BYTES) return 'payload_too_large';

	// Counted as it arrives: a chunked body has no Content-Length to trust.
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.clone().body!.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > MAX_FORM_BYTES) {
				await reader.cancel();
				return 'payload_too_large';
			}
			chunks.push(value);
		}
	}
	const body = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.byteLength;
	}
	try {
		await new Response(body, { headers: { 'content-type': contentType } }).formData();
		return null;
	} catch {
		return 'malformed_form';
	}
}
