/**
 * Reads issued together, sent together (worker/d1-batching.ts), on the real D1 binding: the
 * answers are D1's own, reads made in the same turn travel in one batch, writes never wait,
 * and GET /me/dashboard makes fewer round trips than its cards have services.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app';
import { batchingDatabase } from '../../worker/d1-batching';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { ORIGIN, type Client } from './helpers';

/** env.DB (and any session of it) with each round trip to D1 counted: a batch, or a statement's all/first/run/raw. */
function countedDb(db: D1Database = env.DB) {
	const seen = { trips: 0 };
	// D1's batch() wants its own statements: each wrapped one maps back to the real one.
	const real = new WeakMap<object, D1PreparedStatement>();
	const statement = (s: D1PreparedStatement): D1PreparedStatement => {
		const wrapped = new Proxy(s, {
			get(t, prop) {
				const value = Reflect.get(t, prop) as unknown;
				if (typeof value !== 'function') return value;
				if (prop === 'bind') return (...args: unknown[]) => statement((value as (...a: unknown[]) => D1PreparedStatement).apply(t, args));
				if (prop === 'all' || prop === 'first' || prop === 'run' || prop === 'raw')
					return (...args: unknown[]) => {
						seen.trips++;
						return (value as (...a: unknown[]) => unknown).apply(t, args);
					};
				return (value as (...a: unknown[]) => unknown).bind(t);
			}
		});
		real.set(wrapped, s);
		return wrapped;
	};
	const database = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(t, prop) {
				const value = Reflect.get(t, prop) as unknown;
				if (typeof value !== 'function') return value;
				if (prop === 'prepare') return (sql: string) => statement((value as (q: string) => D1PreparedStatement).call(t, sql));
				if (prop === 'batch')
					return (list: D1PreparedStatement[]) => {
						seen.trips++;
						return (value as (l: D1PreparedStatement[]) => unknown).call(
							t,
							list.map((s) => real.get(s) ?? s)
						);
					};
				if (prop === 'withSession') return (start?: string) => database((value as (s?: string) => object).call(t, start));
				return (value as (...a: unknown[]) => unknown).bind(t);
			}
		});
	return { db: database(db), seen };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('reads issued together, sent together', () => {
	it('answers exactly what D1 answers, and sends the reads of one turn in one batch', async () => {
		const brand = await brandAccount();
		await createCampaign(env, { brandId: brand.brandId, title: 'Lot A' });
		await createCampaign(env, { brandId: brand.brandId, title: 'Lot B' });
		const { db, seen } = countedDb();
		const batching = batchingDatabase(db);
		const titles = 'SELECT title FROM campaigns WHERE brand_id = ?1 ORDER BY title';
		const count = 'SELECT count(*) AS n FROM campaigns WHERE brand_id = ?1';
		const [all, first, firstN, none, pair] = await Promise.all([
			batching.prepare(titles).bind(brand.brandId).all<{ title: string }>(),
			batching.prepare(titles).bind(brand.brandId).first<{ title: string }>(),
			batching.prepare(count).bind(brand.brandId).first<number>('n'),
			batching.prepare(titles).bind('no-such-brand').first(),
			batching.batch([batching.prepare(count).bind(brand.brandId), batching.prepare(titles).bind(brand.brandId)])
		]);
		expect(seen.trips).toBe(1);
		expect(all.results).toEqual((await env.DB.prepare(titles).bind(brand.brandId).all()).results);
		expect(all.results.map((r) => r.title)).toEqual(['Lot A', 'Lot B']);
		expect(first).toEqual({ title: 'Lot A' });
		expect(firstN).toBe(2);
		expect(none).toBeNull();
		expect(pair.map((r) => r.results)).toEqual([[{ n: 2 }], [{ title: 'Lot A' }, { title: 'Lot B' }]]);
		// A later turn is another batch.
		await tick();
		expect((await batching.prepare(count).bind(brand.brandId).first<number>('n')) as number).toBe(2);
		expect(seen.trips).toBe(2);
	});

	it('refuses a column the row does not have, as D1 does', async () => {
		const brand = await brandAccount();
		const batching = batchingDatabase(env.DB);
		await expect(batching.prepare('SELECT id FROM brands WHERE id = ?1').bind(brand.brandId).first('name')).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
		await expect(env.DB.prepare('SELECT id FROM brands WHERE id = ?1').bind(brand.brandId).first('name')).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
	});

	it('never holds a write: run and a batch with a write go at once, and the reads after them see them', async () => {
		const brand = await brandAccount();
		const { db, seen } = countedDb();
		const batching = batchingDatabase(db);
		await batching.prepare('UPDATE brands SET name = ?2 WHERE id = ?1').bind(brand.brandId, 'Boutique Renommée').run();
		expect(seen.trips).toBe(1);
		expect(await batching.prepare('SELECT name FROM brands WHERE id = ?1').bind(brand.brandId).first('name')).toBe('Boutique Renommée');
		await batching.batch([
			batching.prepare('UPDATE brands SET name = ?2 WHERE id = ?1').bind(brand.brandId, 'Boutique Deux'),
			batching.prepare('SELECT name FROM brands WHERE id = ?1').bind(brand.brandId)
		]);
		expect(seen.trips).toBe(3);
		expect(await batching.prepare('SELECT name FROM brands WHERE id = ?1').bind(brand.brandId).first('name')).toBe('Boutique Deux');
	});

	it('fails every read of a batch whose statement fails, with D1’s error', async () => {
		const batching = batchingDatabase(env.DB);
		const good = batching.prepare('SELECT 1 AS one').all();
		const bad = batching.prepare('SELECT nope FROM no_such_table').all();
		await expect(bad).rejects.toThrow(/no_such_table/);
		await expect(good).rejects.toThrow(/no_such_table/);
	});
});

describe('GET /me/dashboard', () => {
	const app = createApp();
	async function dashboard(db: D1Database, who: Client) {
		const request = new Request(`${ORIGIN}/api/v1/me/dashboard`, { headers: { 'cf-connecting-ip': who.ip, cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
		const ctx = createExecutionContext();
		const res = await app.fetch(request, { ...env, DB: db }, ctx);
		await waitOnExecutionContext(ctx);
		expect(res.status).toBe(200);
		return res.json() as Promise<Record<string, unknown>>;
	}

	it('reads a brand’s four cards in three round trips (the session, then two steps), the same cards as before', async () => {
		const brand = await brandAccount();
		for (let i = 0; i < 3; i++) await createCampaign(env, { brandId: brand.brandId, title: `Campagne ${i}` });
		const { db, seen } = countedDb();
		const d = await dashboard(db, brand.client);
		expect(seen.trips).toBeLessThanOrEqual(3);
		expect((d.campaigns as { total: number }).total).toBe(3);
		expect((d.team as { members: unknown[] }).members).toHaveLength(1);
		expect(d).toEqual(await dashboard(env.DB, brand.client));
	});

	it('reads a creator’s three cards in three round trips', async () => {
		const creator = await creatorAccount(env);
		const { db, seen } = countedDb();
		const d = await dashboard(db, creator.client);
		expect(seen.trips).toBeLessThanOrEqual(3);
		expect(d.role).toBe('creator');
		expect(d.checklist).not.toBeNull();
	});
});
