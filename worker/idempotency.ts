/**
 * Idempotency of money-moving requests (issue 13, point 4): ONE Hono middleware, put in front
 * of a route's handler by worker/route.ts when its spec says `idempotent: true` (and
 * documented there as a required `Idempotency-Key` header).
 *
 * - The key is the caller's (scope = user id) and names one request: its hash covers the
 *   method, the path and the body's bytes.
 * - Before any work, the key is claimed atomically (`INSERT … ON CONFLICT DO UPDATE … WHERE`
 *   the old claim expired, or died with the same request): of two concurrent requests with one
 *   key exactly one runs; the other answers 409 `idempotency_in_progress` with `Retry-After: 1`
 *   (a retry then gets the stored answer).
 * - A 2xx answer is stored (status, content type, body) and replayed for the same key and
 *   request with `Idempotent-Replayed: true`, for 24 hours; the cleanup cron deletes expired
 *   keys. Any other answer (a refusal: 400, 403, 404, 409…) releases the key, since nothing
 *   happened: the client may fix the cause and retry with it.
 * - The same key with another request: 422 `idempotency_key_reused`, nothing done.
 * - A missing or malformed key: 400 (`Idempotency-Key` in `errors`).
 *
 * The handler sees the key as `ctx.idempotencyKey` (`<user id>:<key>`): the services write it
 * on the ledger transactions of the effect (unique per key and kind), in the effect's own D1
 * batch. So even if this request dies between its batch and storing the answer, a retry with
 * the key cannot move money twice: the service finds the transaction carrying the key and
 * answers the payout as it stands.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { sha256Hex } from './domain/encoding';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a key and its answer are kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A claim whose request died (a Worker stopped mid-request) may be taken over after this. */
export const IDEMPOTENCY_LOCK_MS = 60_000;

/** 1 to 255 visible ASCII characters (a UUID, a ULID, a client's own counter…). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** What the middleware needs of the route (worker/route.ts passes its spec). */
export interface IdempotentRoute {
	/** The caller, after the route's role check (401/403 come before a missing key's 400). */
	caller: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => { id: string };
	/** The body's size limit: a body over it is left to the body kind, which refuses it (413) before the handler. */
	maxBytes: number;
}

/** The body's bytes from a copy of the request (the route reads the original), or null past `max`. */
async function bodyCopy(req: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
	const body = req.clone().body;
	if (!body) return new Uint8Array();
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel().catch(() => undefined);
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const ch of chunks) {
		out.set(ch, at);
		at += ch.byteLength;
	}
	return out;
}

/** SHA-256 of the request: method, path (with query) and body. */
async function requestHash(method: string, url: string, body: Uint8Array<ArrayBuffer>): Promise<string> {
	const u = new URL(url);
	const head = new TextEncoder().encode(`${method} ${u.pathname}${u.search}\n`);
	const all = new Uint8Array(head.byteLength + body.byteLength);
	all.set(head);
	all.set(body, head.byteLength);
	return sha256Hex(all);
}

interface KeyRow {
	request_hash: string;
	state: 'in_progress' | 'done';
	response_status: number | null;
	response_type: string | null;
	response_body: string | null;
}

export function idempotency(route: IdempotentRoute): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const user = route.caller(c);
		const key = c.req.header(IDEMPOTENCY_HEADER);
		if (!key || !IDEMPOTENCY_KEY.test(key)) {
			throw new AppError('invalid_request', { detailKey: 'detail_idempotency_key', fieldKeys: [{ path: IDEMPOTENCY_HEADER, key: 'idempotency_key_required' }] });
		}
		const bytes = await bodyCopy(c.req.raw, route.maxBytes);
		// Too large: the body kind answers 413 before the handler does anything.
		if (!bytes) return next();
		const hash = await requestHash(c.req.method, c.req.url, bytes);
		// The request's D1 session (a money-moving route starts on the primary: worker/d1-session.ts).
		const db = c.get('db');
		const now = c.get('now');
		const token = crypto.randomUUID();
		const claimed = await db
			.prepare(
				`INSERT INTO idempotency_keys (scope, key, request_hash, state, token, locked_until, created_at, expires_at)
				 VALUES (?1, ?2, ?3, 'in_progress', ?4, ?5, ?6, ?7)
				 ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, state = 'in_progress', token = excluded.token,
				   locked_until = excluded.locked_until, created_at = excluded.created_at, expires_at = excluded.expires_at,
				   response_status = NULL, response_type = NULL, response_body = NULL
				 WHERE idempotency_keys.expires_at <= excluded.created_at
				    OR (idempotency_keys.state = 'in_progress' AND idempotency_keys.locked_until <= excluded.created_at AND idempotency_keys.request_hash = excluded.request_hash)
				 RETURNING token`
			)
			.bind(user.id, key, hash, token, now + IDEMPOTENCY_LOCK_MS, now, now + IDEMPOTENCY_TTL_MS)
			.first<{ token: string }>();

		if (claimed?.token !== token) {
			const row = await db.prepare('SELECT request_hash, state, response_status, response_type, response_body FROM idempotency_keys WHERE scope = ?1 AND key = ?2').bind(user.id, key).first<KeyRow>();
			// Released meanwhile (the first request was refused): the client retries and claims it.
			if (!row) throw new AppError('idempotency_in_progress', { retryAfter: 1 });
			if (row.request_hash !== hash) throw new AppError('idempotency_key_reused');
			if (row.state !== 'done' || row.response_status === null) throw new AppError('idempotency_in_progress', { retryAfter: 1 });
			return new Response(row.response_body, {
				status: row.response_status,
				headers: { 'content-type': row.response_type ?? 'application/json', [REPLAYED_HEADER]: 'true', 'cache-control': 'private, no-store' }
			});
		}

		c.set('idempotencyKey', `${user.id}:${key}`);
		try {
			await next();
		} catch (err) {
			await release(db, user.id, key, token);
			throw err;
		}
		const res = c.res;
		if (res.status >= 200 && res.status < 300) {
			const text = await res.clone().text();
			await db
				.prepare("UPDATE idempotency_keys SET state = 'done', response_status = ?4, response_type = ?5, response_body = ?6 WHERE scope = ?1 AND key = ?2 AND token = ?3")
				.bind(user.id, key, token, res.status, res.headers.get('content-type'), text)
				.run();
		} else {
			await release(db, user.id, key, token);
		}
	};
}

/** Nothing happened: the key is free again (only the claimer's own claim is removed). */
function release(db: D1Database, scope: string, key: string, token: string) {
	return db.prepare('DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND token = ?3').bind(scope, key, token).run();
}

/** Cron (worker/jobs/cleanup.ts): keys past their 24 hours are deleted. */
export function expiredKeysStatement(db: D1Database, now: number) {
	return db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?1').bind(now);
}
