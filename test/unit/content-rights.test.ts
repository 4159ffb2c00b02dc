/**
 * The content library's rights (worker/domain/content-rights.ts): the window from publication,
 * the status of an asset, the reuse refusal; and the SQL filter of the library service says
 * the same thing as the domain for every combination.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ASSET_STATUSES, type AssetRights, DAY_MS, assetStatus, reuseRefusal, rightsOver, rightsUntil } from '../../worker/domain/content-rights';
import { statusSql } from '../../worker/services/content-library';

const published = Date.parse('2027-01-12T18:00:00Z');
const base: AssetRights = { perpetual: false, rightsFrom: published, rightsUntil: published + 30 * DAY_MS, expiredAt: null, withdrawnAt: null };

describe('rights window', () => {
	it('runs from publication for the terms’ days; a perpetual right has no end', () => {
		expect(rightsUntil(published, { perpetual: false, days: 30 })).toBe(Date.parse('2027-02-11T18:00:00Z'));
		expect(rightsUntil(published, { perpetual: false, days: 1 })).toBe(published + DAY_MS);
		expect(rightsUntil(published, { perpetual: true, days: null })).toBeNull();
	});

	it('is over at its end instant, or once marked expired; a perpetual right never is', () => {
		const end = base.rightsUntil!;
		expect(rightsOver(base, end - 1)).toBe(false);
		expect(rightsOver(base, end)).toBe(true);
		expect(rightsOver({ ...base, expiredAt: end }, end - DAY_MS)).toBe(true);
		expect(rightsOver({ ...base, perpetual: true, rightsUntil: null }, Number.MAX_SAFE_INTEGER)).toBe(false);
	});
});

describe('asset status', () => {
	it('awaiting publication, active, expired, withdrawn — withdrawn first, then expired', () => {
		const end = base.rightsUntil!;
		expect(assetStatus({ ...base, rightsFrom: null, rightsUntil: null }, published)).toBe('awaiting_publication');
		expect(assetStatus(base, published)).toBe('active');
		expect(assetStatus(base, end)).toBe('expired');
		expect(assetStatus({ ...base, expiredAt: end }, published)).toBe('expired');
		expect(assetStatus({ ...base, withdrawnAt: published + DAY_MS }, published)).toBe('withdrawn');
		expect(assetStatus({ ...base, withdrawnAt: published + DAY_MS, expiredAt: end }, end + DAY_MS)).toBe('withdrawn');
		expect(assetStatus({ ...base, perpetual: true, rightsUntil: null }, end * 2)).toBe('active');
	});

	it('the reuse download is refused with the reason unless active', () => {
		const end = base.rightsUntil!;
		expect(reuseRefusal(base, published)).toBeNull();
		expect(reuseRefusal(base, end)).toBe('expired');
		expect(reuseRefusal({ ...base, withdrawnAt: published }, published)).toBe('withdrawn');
		expect(reuseRefusal({ ...base, rightsFrom: null, rightsUntil: null }, published)).toBe('awaiting_publication');
	});

	it('the library’s SQL filter puts every asset under exactly the status the domain gives it', async () => {
		const now = published + 10 * DAY_MS;
		const cases: AssetRights[] = [];
		for (const perpetual of [false, true])
			for (const rightsFrom of [null, published])
				for (const rightsUntil of perpetual || rightsFrom === null ? [null] : [now - 1, now, now + 1])
					for (const expiredAt of [null, now - DAY_MS]) for (const withdrawnAt of [null, now - 2 * DAY_MS]) cases.push({ perpetual, rightsFrom, rightsUntil, expiredAt, withdrawnAt });
		for (const a of cases) {
			const checks = ASSET_STATUSES.map((status) => `(${statusSql(status, '?6')}) AS ${status}`).join(', ');
			const row = await env.DB.prepare(`SELECT ${checks} FROM (SELECT ?1 AS withdrawn_at, ?2 AS expired_at, ?3 AS perpetual, ?4 AS rights_from, ?5 AS rights_until) a`)
				.bind(a.withdrawnAt, a.expiredAt, a.perpetual ? 1 : 0, a.rightsFrom, a.rightsUntil, now)
				.first<Record<string, number>>();
			const matched = ASSET_STATUSES.filter((s) => row![s] === 1);
			expect(matched, JSON.stringify(a)).toEqual([assetStatus(a, now)]);
		}
	});
});
