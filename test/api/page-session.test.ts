/**
 * One session lookup per page (issue 15, point 4; worker/page-session.ts). The API calls a
 * page request makes in-process share the first one's session lookup — and nothing else does:
 * not another request, not another user's cookie, not a read after a write. Each call here
 * goes through the real API with `DB` wrapped so that every session lookup (the query that
 * reads `sessions` joined to `users`) is counted, as hooks.server.ts links the calls of a page.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app';
import { DEV_NOW_HEADER } from '../../worker/middleware';
import { linkPageCall, PageSession } from '../../worker/page-session';
import { SESSION_IDLE_MS } from '../../worker/domain/session-policy';
import { brandAccount, creatorAccount } from './factories';
import { ORIGIN, type Client } from './helpers';

const app = createApp();
const LOOKUP = /FROM sessions s JOIN users u/;

/** Counts the session lookups run through any D1 session of the wrapped binding. */
function countingDb() {
	const seen = { lookups: 0 };
	const counted = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(t, prop) {
				const value = Reflect.get(t, prop) as unknown;
				if (typeof value !== 'function') return value;
				if (prop === 'prepare') {
					return (sql: string) => {
						if (LOOKUP.test(sql)) seen.lookups++;
						return (value as (q: string) => unknown).call(t, sql);
					};
				}
				if (prop === 'withSession') return (start?: string) => counted((value as (s?: string) => object).call(t, start));
				return (value as (...a: unknown[]) => unknown).bind(t);
			}
		});
	return { db: counted(env.DB), seen };
}

/** One API call as a page makes it: linked to `page` when given (what hooks.server.ts does), else a plain outside request. */
async function call(db: D1Database, who: Client | null, path: string, opts: { page?: PageSession; method?: string; json?: unknown; at?: number } = {}) {
	const headers: Record<string, string> = { 'cf-connecting-ip': who?.ip ?? '10.112.250.1' };
	if (who?.cookies.size) headers.cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	if (opts.at !== undefined) headers[DEV_NOW_HEADER] = new Date(opts.at).toISOString();
	const request = new Request(`${ORIGIN}/api/v1${path}`, {
		method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
		headers,
		body: opts.json === undefined ? undefined : JSON.stringify(opts.json)
	});
	if (opts.page) linkPageCall(request, opts.page);
	const ctx = createExecutionContext();
	const res = await app.fetch(request, { ...env, DB: db }, ctx);
	await waitOnExecutionContext(ctx);
	return res;
}

const emailOf = async (res: Response) => {
	expect(res.status).toBe(200);
	return ((await res.json()) as { user: { email: string } }).user.email;
};

describe('one session lookup per page', () => {
	it('the reads of one page share its first lookup; an outside request never does', async () => {
		const brand = await brandAccount();
		const { db, seen } = countingDb();
		const page = new PageSession();
		expect(await emailOf(await call(db, brand.client, '/me', { page }))).toBe(brand.email);
		expect(seen.lookups).toBe(1);
		const dash = await call(db, brand.client, '/me/dashboard', { page });
		expect(dash.status).toBe(200);
		expect(((await dash.json()) as { role: string }).role).toBe('brand');
		expect(seen.lookups).toBe(1);
		// The same cookie from outside the page (a browser calling /api): its own lookup.
		expect(await emailOf(await call(db, brand.client, '/me'))).toBe(brand.email);
		expect(seen.lookups).toBe(2);
		// Another page request of the same user: its own lookup too.
		expect(await emailOf(await call(db, brand.client, '/me', { page: new PageSession() }))).toBe(brand.email);
		expect(seen.lookups).toBe(3);
	});

	it('never answers with another user’s identity, whatever is linked to what', async () => {
		const brand = await brandAccount();
		const creator = await creatorAccount(env);
		const { db, seen } = countingDb();
		const pageA = new PageSession();
		const pageB = new PageSession();
		expect(await emailOf(await call(db, brand.client, '/me', { page: pageA }))).toBe(brand.email);
		// Another user's page, interleaved: its own lookup, its own user.
		expect(await emailOf(await call(db, creator.client, '/me', { page: pageB }))).toBe(creator.email);
		expect(seen.lookups).toBe(2);
		// A call carrying another cookie, even linked to A's page, is looked up and answered as that cookie's user.
		expect(await emailOf(await call(db, creator.client, '/me', { page: pageA }))).toBe(creator.email);
		expect(seen.lookups).toBe(3);
		// No cookie at all: nobody, never the page's user.
		const anonymous = await call(db, null, '/me', { page: pageA });
		expect(anonymous.status).toBe(401);
		// An outside request with no link, made while both pages hold their lookups: nobody either.
		expect((await call(db, null, '/me')).status).toBe(401);
		expect(await emailOf(await call(db, brand.client, '/me', { page: pageB }))).toBe(brand.email);
	});

	it('a write in between empties it: the reads after see what it changed', async () => {
		const brand = await brandAccount();
		const { db, seen } = countingDb();
		const page = new PageSession();
		const before = await call(db, brand.client, '/me', { page });
		expect(((await before.json()) as { user: { locale: string } }).user.locale).toBe('fr');
		// The user row is part of the lookup: a remembered one would still say 'fr'.
		expect((await call(db, brand.client, '/me/locale', { page, method: 'PUT', json: { locale: 'ar' } })).status).toBe(204);
		const after = await call(db, brand.client, '/me', { page });
		expect(((await after.json()) as { user: { locale: string } }).user.locale).toBe('ar');
		expect(seen.lookups).toBe(3);

		// Signing out within the page: the page's next read finds nobody.
		expect((await call(db, brand.client, '/auth/logout', { page, method: 'POST' })).status).toBe(204);
		expect((await call(db, brand.client, '/me', { page })).status).toBe(401);
		expect((await call(db, brand.client, '/me/dashboard', { page })).status).toBe(401);
	});

	it('a session that expires between two reads of a page is refused at the second', async () => {
		const brand = await brandAccount();
		const { db } = countingDb();
		const page = new PageSession();
		const now = Date.now();
		expect(await emailOf(await call(db, brand.client, '/me', { page, at: now }))).toBe(brand.email);
		// The same page's next call, on a clock past the idle expiry: refused, and the row is gone for everyone.
		expect((await call(db, brand.client, '/me', { page, at: now + SESSION_IDLE_MS + 1000 })).status).toBe(401);
		expect((await call(db, brand.client, '/me', { at: now })).status).toBe(401);
	});
});
