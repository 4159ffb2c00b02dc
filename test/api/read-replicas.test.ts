/**
 * Read replicas (issue 15, point 8; worker/d1-session.ts). Locally there is one D1 instance,
 * so "did the read see the write" alone would prove nothing: each request here also records
 * where its D1 session started (the argument of `env.DB.withSession`, the platform's API,
 * observed by wrapping the binding), and the tests check that a read after a write starts at
 * exactly the bookmark that write handed back in the `wasla_d1b` cookie.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp, routeSpecs } from '../../worker/app';
import { BOOKMARK_COOKIE, BOOKMARK_MAX_AGE_S, replicaRoutes } from '../../worker/d1-session';
import { creatorClient } from './creator-factories';
import { brandAccount } from './factories';
import { ORIGIN, freshIp } from './helpers';

const app = createApp();

/** Calls the API with `DB` wrapped so that each `withSession(start)` is recorded in `starts`. */
async function call(path: string, opts: { cookies?: Map<string, string>; method?: string; json?: unknown; origin?: string } = {}) {
	const starts: string[] = [];
	const db = new Proxy(env.DB, {
		get(target, prop) {
			if (prop === 'withSession') {
				return (start: string) => {
					starts.push(start);
					return target.withSession(start);
				};
			}
			const value = Reflect.get(target, prop) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		}
	});
	const headers: Record<string, string> = { 'cf-connecting-ip': freshIp() };
	if (opts.cookies?.size) headers.cookie = [...opts.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	const ctx = createExecutionContext();
	const res = await app.fetch(
		new Request(`${opts.origin ?? ORIGIN}/api/v1${path}`, {
			method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
			headers,
			body: opts.json === undefined ? undefined : JSON.stringify(opts.json)
		}),
		{ ...env, DB: db },
		ctx
	);
	await waitOnExecutionContext(ctx);
	const setCookie = res.headers.getSetCookie().find((line) => line.startsWith(`${BOOKMARK_COOKIE}=`)) ?? null;
	const value = setCookie ? setCookie.slice(BOOKMARK_COOKIE.length + 1).split(';')[0] : null;
	if (value && opts.cookies) opts.cookies.set(BOOKMARK_COOKIE, value);
	return { res, starts, setCookie, bookmark: value?.split('.')[0] ?? null };
}

/** The cookie jar of a signed-in client from the shared helpers, to carry on with here. */
function jar(cookies: Map<string, string>) {
	return new Map(cookies);
}

describe('D1 sessions and the bookmark cookie', () => {
	it('a write followed by a read: the read starts at the write’s bookmark and sees the write', async () => {
		const creator = await creatorClient();
		// Signing up wrote to D1: the helper's client already holds a bookmark cookie.
		expect(creator.client.cookies.get(BOOKMARK_COOKIE)).toMatch(/^[0-9a-f-]+\.[\w-]{22}$/);
		const cookies = jar(creator.client.cookies);
		const before = cookies.get(BOOKMARK_COOKIE)!.split('.')[0];

		const name = `Nour ${crypto.randomUUID().slice(0, 8)}`;
		const write = await call('/creators/me', {
			method: 'PUT',
			json: { displayName: name, wilaya: '16', niches: ['beauty'], accounts: [{ platform: 'instagram', handle: 'nour.dz', followers: 18_400 }] },
			cookies
		});
		expect(write.res.status).toBe(200);
		// A write route starts on the primary, whatever the cookie says.
		expect(write.starts).toEqual(['first-primary']);
		expect(write.bookmark).not.toBeNull();
		expect(write.bookmark! > before).toBe(true);

		// The media kit is a replica route: it starts at the write's bookmark, not anywhere.
		const read = await call(`/media-kits/${creator.handle}`, { cookies });
		expect(read.starts).toEqual([write.bookmark]);
		expect(read.res.status).toBe(200);
		expect(((await read.res.json()) as { creator: { displayName: string } }).creator.displayName).toBe(name);
	});

	it('the cookie: HttpOnly, SameSite=Lax, short-lived, Secure over HTTPS; sent back, it is where the feed starts', async () => {
		const brand = await brandAccount();
		const login = await call('/auth/login', { json: { email: brand.email, password: brand.password }, origin: 'https://wasla.test' });
		expect(login.res.status).toBe(200);
		expect(login.setCookie).not.toBeNull();
		const attrs = login.setCookie!.split(';').map((a) => a.trim().toLowerCase());
		expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', `max-age=${BOOKMARK_MAX_AGE_S}`, 'secure']));

		const plain = await call('/auth/login', { json: { email: brand.email, password: brand.password } });
		expect(plain.setCookie!.toLowerCase()).not.toContain('secure');

		const cookies = jar(brand.client.cookies);
		const created = await call('/campaigns', {
			cookies,
			json: {
				title: 'Sérum éclat Blida',
				objective: 'whatsapp_sales',
				offer: 'Pack découverte -20 %',
				formats: ['reel'],
				wilayas: ['09', '16'],
				niches: ['beauty'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 60000,
				startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
				endsAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
				applyBy: new Date(Date.now() + 5 * 86_400_000).toISOString()
			}
		});
		expect(created.res.status).toBe(201);
		const { campaign } = (await created.res.json()) as { campaign: { id: string } };

		const list = await call('/campaigns', { cookies });
		expect(list.starts).toEqual([created.bookmark]);
		expect(list.res.status).toBe(200);
		expect(((await list.res.json()) as { campaigns: { id: string }[] }).campaigns.map((c) => c.id)).toContain(campaign.id);
	});

	it('a replica route without a cookie still answers, from anywhere; an anonymous GET gets no cookie', async () => {
		const creator = await creatorClient();
		const guest = await call(`/media-kits/${creator.handle}`);
		expect(guest.starts).toEqual(['first-unconstrained']);
		expect(guest.res.status).toBe(200);
		expect(guest.setCookie).toBeNull();

		// Signed in but without a bookmark (a new browser, an expired cookie): the feed answers and hands one out.
		const cookies = jar(creator.client.cookies);
		cookies.delete(BOOKMARK_COOKIE);
		const feed = await call('/campaigns', { cookies });
		expect(feed.starts).toEqual(['first-unconstrained']);
		expect(feed.res.status).toBe(200);
		expect(feed.bookmark).not.toBeNull();
	});

	it('a bad or forged bookmark cookie is ignored: no 5xx, the request starts as without one and gets a real bookmark', async () => {
		const creator = await creatorClient();
		const real = creator.client.cookies.get(BOOKMARK_COOKIE)!;
		const [bookmark, signature] = real.split('.');
		const future = 'ffffffff-ffffffff-ffffffff-00000000000000000000000000000000';
		const bad = [
			'garbage',
			'',
			future,
			`${future}.${signature}`,
			`${bookmark}.AAAAAAAAAAAAAAAAAAAAAA`,
			`${bookmark}`,
			`${bookmark}.${signature}x`,
			`${'0'.repeat(200)}.${signature}`,
			`${bookmark};${signature}`,
			'%00%ff'
		];
		for (const value of bad) {
			const withBad = () => new Map([...creator.client.cookies, [BOOKMARK_COOKIE, value]]);
			const feed = await call('/campaigns', { cookies: withBad() });
			expect(feed.res.status, value).toBe(200);
			expect(feed.starts, value).toEqual(['first-unconstrained']);
			// The forged value never comes back: the session's own bookmark does, signed.
			expect(feed.bookmark, value).not.toBeNull();
			expect(feed.bookmark! < future, value).toBe(true);

			const kit = await call(`/media-kits/${creator.handle}`, { cookies: withBad() });
			expect(kit.res.status, value).toBe(200);
			expect(kit.starts, value).toEqual(['first-unconstrained']);

			const write = await call('/me/locale', { method: 'PUT', json: { locale: 'ar' }, cookies: withBad() });
			expect(write.res.status, value).toBe(204);
			expect(write.starts, value).toEqual(['first-primary']);
		}
		// The genuine cookie, for comparison, is used as it is.
		const cookies = jar(creator.client.cookies);
		const feed = await call('/campaigns', { cookies });
		expect(feed.starts).toEqual([bookmark]);
	});

	it('routes that are not read-heavy start on the primary even with a bookmark', async () => {
		const brand = await brandAccount();
		const me = await call('/me', { cookies: jar(brand.client.cookies) });
		expect(me.res.status).toBe(200);
		expect(me.starts).toEqual(['first-primary']);
	});
});

describe('which routes read from replicas', () => {
	const isReplica = replicaRoutes(routeSpecs(), '/api/v1');

	it('the feed, matches, look-alikes, media kit and reports, and only those GETs', () => {
		const declared = routeSpecs()
			.filter((s) => s.replica)
			.map((s) => `${s.method.toUpperCase()} ${s.path}`)
			.sort();
		expect(declared).toEqual([
			'GET /campaigns',
			'GET /campaigns/:id/matches',
			'GET /campaigns/:id/report',
			'GET /campaigns/:id/report.csv',
			'GET /campaigns/:id/report.pdf',
			'GET /creators/:id/similar',
			'GET /media-kits/:handle'
		]);
	});

	it('matches requests as the router does', () => {
		const id = crypto.randomUUID();
		expect(isReplica('GET', '/api/v1/campaigns')).toBe(true);
		expect(isReplica('HEAD', '/api/v1/campaigns')).toBe(true);
		expect(isReplica('POST', '/api/v1/campaigns')).toBe(false);
		expect(isReplica('GET', `/api/v1/campaigns/${id}`)).toBe(false);
		expect(isReplica('GET', `/api/v1/campaigns/${id}/matches`)).toBe(true);
		expect(isReplica('GET', `/api/v1/campaigns/${id}/match-weights`)).toBe(false);
		expect(isReplica('GET', `/api/v1/campaigns/${id}/report.pdf`)).toBe(true);
		expect(isReplica('GET', '/api/v1/media-kits/nour.dz')).toBe(true);
		expect(isReplica('GET', '/api/v1/me')).toBe(false);
		expect(isReplica('GET', '/api/v1/nowhere')).toBe(false);
	});
});
