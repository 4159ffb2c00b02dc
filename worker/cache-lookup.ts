/**
 * adapter-cloudflare's Worker looks every GET up in the Cache API before rendering (and stores
 * what comes back public). Almost nothing here is public: pages are `private`, API answers
 * carry the caller's data. So for every other request that lookup is a cache subrequest on
 * each page view and API read — Worker CPU and latency for a guaranteed miss (issue 15,
 * point 4: ~0.3 ms of the SSR dashboard, bench/workerd.mjs). worker/entry.ts asks the
 * adapter to skip it (its own rule: a request saying `Cache-Control: no-cache`) except on
 * the paths that may answer `public`. test/api/response-check.ts fails any API response
 * that is public on a path not listed here, so the list cannot fall behind the routes.
 */

/** The paths whose answers may be cached publicly (Cache-Control `public`): GET /api/v1/wilayas. */
export const PUBLIC_CACHE_PATHS: ReadonlySet<string> = new Set(['/api/v1/wilayas']);

/** Whether a response's Cache-Control lets a shared cache keep it (what the adapter stores). */
export function isPublicCacheControl(value: string | null): boolean {
	return value !== null && /\bpublic\b/i.test(value) && !/\b(private|no-store|no-cache)\b/i.test(value);
}

/** The request to hand to the adapter: unchanged where the Cache API may hold an answer, otherwise marked so the adapter does not look. */
export function withoutCacheLookup(request: Request, path: string): Request {
	if ((request.method !== 'GET' && request.method !== 'HEAD') || PUBLIC_CACHE_PATHS.has(path)) return request;
	const headers = new Headers(request.headers);
	headers.set('cache-control', 'no-cache');
	return new Request(request, { headers });
}
