/**
 * Read replicas (issue 15, point 8): every API request runs its queries in one D1 session
 * (the Sessions API, `env.DB.withSession`), so read-heavy routes can be served by a read
 * replica near the user while everyone still reads their own writes.
 *
 * - Where a session starts: a route declared `replica: true` (worker/route.ts) starts at the
 *   bookmark the caller's `wasla_d1b` cookie carries — any replica at least that fresh will
 *   do — or, without a valid cookie, on whichever instance is nearest (`first-unconstrained`).
 *   Every other route starts on the primary (`first-primary`): writes and the reads that
 *   decide them see the latest state, not a replica's.
 * - After the request, the session's latest bookmark goes back into the cookie when it moved
 *   on, so the next request (a page after a form post, another tab) starts at least there.
 *   An anonymous GET that brought no cookie gets none: it wrote nothing to read back, and a
 *   public page stays cacheable.
 * - The cookie is signed (HMAC): a bookmark we did not hand out — forged, from another
 *   database, garbled — is ignored and the request starts as if it had none. A made-up
 *   bookmark "from the future" would otherwise stick (a session keeps the newest bookmark it
 *   has seen) and could leave the user waiting on a replica that never catches up.
 *
 * Services keep taking a D1Database: the session is wrapped by `sessionDatabase`.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { TrieRouter } from 'hono/router/trie-router';
import type { AppEnv, Env } from './env';
import type { AnyRouteSpec } from './route';
import { toBase64Url } from './domain/encoding';

/** The cookie that carries the caller's latest D1 bookmark. */
export const BOOKMARK_COOKIE = 'wasla_d1b';

/**
 * How long the cookie lives. A bookmark only has to outlast replica lag (well under a
 * second in normal operation); ten minutes also covers a replica that fell behind.
 */
export const BOOKMARK_MAX_AGE_S = 600;

/**
 * What a bookmark may look like to be kept in the cookie. D1 writes four hex groups
 * (`00000085-0000024c-00004c6d-8e61…`, ordered as strings); the signature, not this shape,
 * is what makes a cookie's bookmark trusted, so the check is only as strict as a cookie needs.
 */
const BOOKMARK = /^[0-9A-Za-z-]{1,100}$/;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Sessions API constraint or bookmark a request's session starts from. */
export function sessionStart(replica: boolean, bookmark: string | null): string {
	if (!replica) return 'first-primary';
	return bookmark ?? 'first-unconstrained';
}

/**
 * Whether the route that will answer `method path` is declared `replica: true`. Built once from
 * the router's specs with Hono's own path matching; the first matching route wins, as in Hono.
 */
export function replicaRoutes(specs: AnyRouteSpec[], prefix: string): (method: string, path: string) => boolean {
	const router = new TrieRouter<boolean>();
	for (const spec of specs) router.add(spec.method.toUpperCase(), `${prefix}${spec.path}`, spec.replica === true);
	return (method, path) => {
		const [matches] = router.match(method === 'HEAD' ? 'GET' : method, path);
		return matches[0]?.[0] === true;
	};
}

/** The key that signs bookmark cookies: derived from the app's link secret (or the sealing key), with its own label. */
async function cookieKey(env: Pick<Env, 'LINK_SALT_SECRET' | 'SEAL_PRIVATE_KEY'>): Promise<CryptoKey> {
	const secret = env.LINK_SALT_SECRET || env.SEAL_PRIVATE_KEY || 'wasla-development-link-salt';
	// Imported once per isolate and secret (every API request needs it; it holds nothing of any request).
	let key = cookieKeys.get(secret);
	if (!key) {
		key = crypto.subtle.importKey('raw', new TextEncoder().encode(`wasla-d1-bookmark\n${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
		cookieKeys.set(secret, key);
		key.catch(() => cookieKeys.delete(secret));
	}
	return key;
}
const cookieKeys = new Map<string, Promise<CryptoKey>>();

/**
 * Cookie values this isolate has already checked or signed, with their bookmark, per key: the API
 * calls a page makes carry the same cookie (or the one the call before them set), so each value's
 * HMAC is computed once per isolate instead of once per call (Worker CPU on every page, issue 15,
 * point 4). Keyed by the whole signed value, so a forged or altered one is another entry and is
 * checked in full; cleared when it reaches KNOWN_MAX values.
 */
const knownCookies = new WeakMap<CryptoKey, Map<string, string>>();
const KNOWN_MAX = 1000;

function known(key: CryptoKey): Map<string, string> {
	let values = knownCookies.get(key);
	if (!values) knownCookies.set(key, (values = new Map()));
	if (values.size >= KNOWN_MAX) values.clear();
	return values;
}

async function mac(key: CryptoKey, bookmark: string): Promise<string> {
	const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(bookmark));
	return toBase64Url(new Uint8Array(sig).slice(0, 16));
}

/** The cookie's value for a bookmark: `<bookmark>.<signature>`. */
export async function signBookmark(key: CryptoKey, bookmark: string): Promise<string> {
	const value = `${bookmark}.${await mac(key, bookmark)}`;
	known(key).set(value, bookmark);
	return value;
}

/** The bookmark a cookie carries, or null when it is missing, malformed or not signed by us. */
export async function verifiedBookmark(key: CryptoKey, value: string | undefined): Promise<string | null> {
	if (!value || value.length > 128) return null;
	const dot = value.indexOf('.');
	const bookmark = value.slice(0, dot);
	if (dot < 0 || !BOOKMARK.test(bookmark)) return null;
	const values = known(key);
	if (values.get(value) === bookmark) return bookmark;
	const expected = await mac(key, bookmark);
	const given = value.slice(dot + 1);
	// Both are 22 base64url characters: compare all of them, whatever differs first.
	let diff = expected.length ^ given.length;
	for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
	if (diff !== 0) return null;
	values.set(value, bookmark);
	return bookmark;
}

/**
 * A D1 session seen as the D1Database every service takes: its queries and batches run in the
 * session, opened by `open` on the first one (a request that never reads D1 opens none).
 * `exec` and `dump` have no session form; nothing on a request's path uses them.
 */
export function sessionDatabase(open: () => D1DatabaseSession): D1Database {
	return {
		prepare: (query) => open().prepare(query),
		batch: (statements) => open().batch(statements),
		exec: () => Promise.reject(new Error('exec() is not available in a D1 session')),
		withSession: () => open(),
		dump: () => Promise.reject(new Error('dump() is not available in a D1 session'))
	};
}

/**
 * The middleware: starts the request's D1 session (see the header), hands it on as `db`, and
 * after the request sets the cookie to the session's latest bookmark when it moved on.
 * `isReplica` says whether the route answering the request is declared `replica: true`.
 */
export function d1Session(isReplica: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const key = await cookieKey(c.env);
		const cookie = getCookie(c, BOOKMARK_COOKIE);
		const bookmark = await verifiedBookmark(key, cookie);
		const start = sessionStart(isReplica(c.req.method, c.req.path), bookmark);
		let session: D1DatabaseSession | null = null;
		c.set(
			'db',
			sessionDatabase(() => (session ??= c.env.DB.withSession(start)))
		);
		await next();
		const latest = (session as D1DatabaseSession | null)?.getBookmark() ?? null;
		if (!latest || !BOOKMARK.test(latest) || (bookmark !== null && latest <= bookmark)) return;
		// An anonymous GET without a cookie wrote nothing to read back: no cookie, the answer stays cacheable.
		if (SAFE_METHODS.has(c.req.method) && cookie === undefined && !c.get('user')) return;
		setCookie(c, BOOKMARK_COOKIE, await signBookmark(key, latest), {
			httpOnly: true,
			sameSite: 'Lax',
			secure: new URL(c.req.url).protocol === 'https:' || c.env.APP_ENV === 'production',
			path: '/',
			maxAge: BOOKMARK_MAX_AGE_S
		});
	};
}
