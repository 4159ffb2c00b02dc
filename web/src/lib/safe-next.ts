/**
 * Where to send the user after login or a language change, and the login link that says
 * it. Only paths on this site are accepted, so `next` can never turn Wasla into an open
 * redirect to another origin.
 * Plain TypeScript (no SvelteKit imports) so unit tests can load it.
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
	if (!raw || raw.length > 2048) return fallback;
	// One leading slash only: "//evil.example" and "/\evil.example" are protocol-relative
	// URLs to browsers. Control characters and backslashes have no business in our paths.
	if (!raw.startsWith('/') || raw.startsWith('//')) return fallback;
	if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
	const base = 'https://wasla.invalid';
	let url: URL;
	try {
		url = new URL(raw, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	return url.pathname + url.search + url.hash;
}

/** The login page that brings the user back to `path` afterwards: /login?next=/dashboard. */
export function loginUrl(path: string): string {
	return `/login?next=${encodeURIComponent(path).replace(/%2F/gi, '/')}`;
}

/** The re-authentication page that brings the user back to `path` afterwards: /reauth?next=/settings. */
export function reauthUrl(path: string): string {
	return `/reauth?next=${encodeURIComponent(path).replace(/%2F/gi, '/')}`;
}

/**
 * The page to come back to after signing in: the path and query of `url`, without a form
 * action's `?/name` (after a form post, the user comes back to the page the form was on).
 */
export function returnPath(url: URL): string {
	const query = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
	return query.size > 0 ? `${url.pathname}?${query}` : url.pathname;
}
