/**
 * One session lookup per page (issue 15, point 4). A server-rendered page calls the API
 * several times in-process — the hook's `GET /me`, then its loads' reads — and each call used
 * to hash the cookie and read the `sessions` row again. A page request now carries a
 * `PageSession` (created by web/src/hooks.server.ts for that one incoming request, never
 * module-wide): the GET calls it makes share the first call's lookup.
 *
 * - Only requests the page itself built are linked to it (`linkPageCall`, a WeakMap keyed by
 *   that Request object): a request from outside — a browser or client calling /api — is
 *   never linked, and nothing a client sends (header, cookie) can link one.
 * - Only GET/HEAD calls read or fill it. A call that may change something (any other method:
 *   a form action's POST, a login, a logout, a re-authentication) empties it first, so the
 *   reads after it look the session up again and see what it changed.
 * - It is tied to the cookie token: a call carrying another token (the cookie the page holds
 *   changed) looks up again.
 * - It keeps the session's times, and each call checks them against its own clock: a session
 *   that expired meanwhile goes through the full lookup (which deletes it and answers nobody).
 */
import { sessionState, type SessionTimes } from './domain/session-policy';
import type { SessionUser } from './env';

/** What the session lookup found (worker/services/sessions.ts `resolveSession`). */
export interface FoundSession {
	hash: string;
	user: SessionUser;
	reauthAt: number | null;
	times: SessionTimes;
}

/** The lookups of one page request. */
export class PageSession {
	#token: string | null = null;
	#found: Promise<FoundSession | null> | null = null;

	/** The session behind `token` as of `now`: the page's earlier lookup when it still holds, else `lookup()` (remembered). */
	async resolve(token: string, now: number, lookup: () => Promise<FoundSession | null>): Promise<FoundSession | null> {
		if (this.#found && this.#token === token) {
			const found = await this.#found.catch(() => undefined);
			// Nobody: the earlier lookup said so (an expired row was already deleted by it).
			if (found === null) return null;
			if (found && sessionState(found.times, now) !== 'expired') return found;
		}
		this.#token = token;
		const read = lookup();
		this.#found = read;
		// A failed lookup is not remembered.
		read.catch(() => {
			if (this.#found === read) this.forget();
		});
		return read;
	}

	/** Before a call that may change something: the next read looks the session up again. */
	forget() {
		this.#token = null;
		this.#found = null;
	}
}

const linked = new WeakMap<Request, PageSession>();
const READS = new Set(['GET', 'HEAD']);

/**
 * Links an API call built by a page to that page's lookups: a read shares them; any other
 * method empties them (and is not linked). Returns the request unchanged.
 */
export function linkPageCall(request: Request, page: PageSession): Request {
	if (READS.has(request.method)) linked.set(request, page);
	else page.forget();
	return request;
}

/** The page whose lookups a read may share; undefined for anything the page did not build as a read. */
export function pageSessionOf(request: Request): PageSession | undefined {
	return READS.has(request.method) ? linked.get(request) : undefined;
}
