/**
 * What hooks.server.ts applies to every page request: the form-body guard for non-GET
 * requests (form actions and POST /lang) and the browser security headers on every answer.
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

/** Sent with every HTML page: not framed, not sniffed, no URL leaves the site in Referer. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// `same-origin`, not `no-referrer`: with no-referrer, Chromium sends `Origin: null` on a
	// form post without JavaScript, which the Origin check would refuse.
	'referrer-policy': 'same-origin',
	// For browsers without CSP frame-ancestors.
	'x-frame-options': 'DENY'
};

/**
 * For an HTML answer that SvelteKit did not render itself (the static error page): nothing
 * loads, no script runs, inline styles only.
 */
export const FALLBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Adds the security headers to a page answer (a copy when its headers are immutable).
 * Anything rendered for a signed-in user, any answer that sets a cookie and any answer to a
 * non-GET request is `private, no-store`: it never outlives the response, so the back button
 * after sign-out or a shared computer shows nothing. Guest GETs are `private, no-cache` unless
 * the route chose otherwise: they vary with the language cookie, so no shared cache may keep
 * them, but the browser may (back/forward stays instant).
 */
export function withPageHeaders(response: Response, opts: { signedIn: boolean; method: string }): Response {
	let res = response;
	try {
		res.headers.set('x-content-type-options', 'nosniff');
	} catch {
		res = new Response(response.body, response);
	}
	for (const [name, value] of Object.entries(PAGE_HEADERS)) res.headers.set(name, value);
	const setsCookie = res.headers.has('set-cookie');
	if (opts.signedIn || setsCookie || (opts.method !== 'GET' && opts.method !== 'HEAD')) {
		res.headers.set('cache-control', 'private, no-store');
	} else if (!res.headers.has('cache-control')) {
		res.headers.set('cache-control', 'private, no-cache');
	}
	if (/^text\/html\b/i.test(res.headers.get('content-type') ?? '') && !res.headers.has('content-security-policy')) {
		res.headers.set('content-security-policy', FALLBACK_CSP);
	}
	return res;
}
