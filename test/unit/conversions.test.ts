/** The attribution rule and the orders CSV (worker/domain/conversions.ts). */
import { describe, expect, it } from 'vitest';
import { type AttributionIndex, CLICK_LOOKBACK_MS, attribute, countsAsSale, mergeOrder, parseOrdersCsv } from '../../worker/domain/conversions';
import { codeKey } from '../../worker/domain/attribution-codes';

const DAY = 86_400_000;
const T = Date.parse('2027-02-10T12:00:00Z');
const index: AttributionIndex = {
	codes: [
		{ kind: 'promo', key: 'N0UR10', creatorId: 'nour', activatedAt: T - 10 * DAY, deactivatedAt: T + 10 * DAY },
		{ kind: 'keyword', key: '1NSTAN0UR', creatorId: 'nour', activatedAt: T - 10 * DAY, deactivatedAt: null },
		{ kind: 'promo', key: 'SARA10', creatorId: 'sara', activatedAt: T - 10 * DAY, deactivatedAt: null },
		// Sara's keyword is Nour's promo code, typed the same: the code wins (rule 1 before rule 2).
		{ kind: 'keyword', key: 'N0UR10', creatorId: 'sara', activatedAt: T - 10 * DAY, deactivatedAt: null }
	],
	links: [{ slug: 'abcd2345', creatorId: 'amel', clicks: [T - 2 * DAY] }],
	creators: [
		{ creatorId: 'nour', handle: 'nour.beauty', displayName: 'Nour Beauty' },
		{ creatorId: 'sara', handle: 'sara_mode', displayName: 'Sara Mode' },
		{ creatorId: 'amel', handle: 'amel.soins', displayName: 'Amel Soins' }
	]
};

describe('attribute: code, then keyword, then a recent link click, then the answer to "where did you see us?"', () => {
	it('reads each rule, look-alikes included', () => {
		expect(attribute(index, { ref: 'nour10', at: T })).toEqual({ creatorId: 'nour', by: 'code' });
		expect(attribute(index, { ref: 'NOURIO', at: T })).toEqual({ creatorId: 'nour', by: 'code' });
		expect(attribute(index, { ref: 'insta nour', at: T })).toEqual({ creatorId: 'nour', by: 'keyword' });
		expect(attribute(index, { ref: 'https://wasla.dz/l/abcd2345', at: T })).toEqual({ creatorId: 'amel', by: 'link' });
		expect(attribute(index, { ref: '@Sara_Mode', at: T })).toEqual({ creatorId: 'sara', by: 'asked' });
		expect(attribute(index, { ref: 'Amel Soins', at: T })).toEqual({ creatorId: 'amel', by: 'asked' });
	});

	it('one order, one creator: the first rule that matches wins', () => {
		expect(attribute(index, { ref: 'NOUR10', at: T })).toEqual({ creatorId: 'nour', by: 'code' });
		// Told it was a keyword, only the keyword rule is read.
		expect(attribute(index, { ref: 'NOUR10', at: T, source: 'keyword' })).toEqual({ creatorId: 'sara', by: 'keyword' });
	});

	it('a code counts only while live; a click only within 30 days before the order', () => {
		expect(attribute(index, { ref: 'NOUR10', at: T + 11 * DAY, source: 'code' })).toEqual({ creatorId: null, by: null });
		expect(attribute(index, { ref: 'NOUR10', at: T - 11 * DAY, source: 'code' })).toEqual({ creatorId: null, by: null });
		expect(attribute(index, { ref: 'abcd2345', at: T - 2 * DAY + CLICK_LOOKBACK_MS - 1 })).toEqual({ creatorId: 'amel', by: 'link' });
		expect(attribute(index, { ref: 'abcd2345', at: T - 2 * DAY + CLICK_LOOKBACK_MS + 1 })).toEqual({ creatorId: null, by: null });
		// A click after the order explains nothing.
		expect(attribute(index, { ref: 'abcd2345', at: T - 3 * DAY })).toEqual({ creatorId: null, by: null });
	});

	it('an order dated by its day alone is matched against the whole day (the CSV gave no time)', () => {
		// Signed (codes live) at 15:30 in Algiers on 5 Dec; the shop's file says only "2026-12-05".
		const signedAt = Date.parse('2026-12-05T15:30:00+01:00');
		const live: AttributionIndex = {
			codes: [{ kind: 'promo', key: codeKey('AMEL10'), creatorId: 'amel', activatedAt: signedAt, deactivatedAt: null }],
			links: [{ slug: 'zzzz2345', creatorId: 'amel', clicks: [signedAt + 3_600_000] }],
			creators: []
		};
		const [row] = parseOrdersCsv('orderRef,ref,amountDzd,channel,at\nC-1,AMEL10,4500,whatsapp,2026-12-05\n', signedAt + 7_200_000).rows;
		expect(row).toMatchObject({ wholeDay: true, at: Date.parse('2026-12-05T12:00:00+01:00') });
		expect(attribute(live, { ref: 'AMEL10', at: row.at, wholeDay: row.wholeDay })).toEqual({ creatorId: 'amel', by: 'code' });
		expect(attribute(live, { ref: 'zzzz2345', at: row.at, wholeDay: true })).toEqual({ creatorId: 'amel', by: 'link' });
		// With a time, the instant counts: at noon the code was not live yet, nor was the link clicked.
		expect(attribute(live, { ref: 'AMEL10', at: row.at })).toEqual({ creatorId: null, by: null });
		expect(attribute(live, { ref: 'zzzz2345', at: row.at })).toEqual({ creatorId: null, by: null });
		// The day before is another day.
		expect(attribute(live, { ref: 'AMEL10', at: row.at - DAY, wholeDay: true })).toEqual({ creatorId: null, by: null });
		expect(parseOrdersCsv('orderRef,ref,amountDzd,channel,at\nC-2,AMEL10,4500,whatsapp,2026-12-05T16:00:00+01:00\n', signedAt + 7_200_000).rows[0].wholeDay).toBe(false);
	});

	it('nothing, or something unknown, credits nobody', () => {
		expect(attribute(index, { ref: '', at: T })).toEqual({ creatorId: null, by: null });
		expect(attribute(index, { ref: 'une amie', at: T })).toEqual({ creatorId: null, by: null });
	});
});

describe('orders', () => {
	it('a known reference: a new status updates, the same is a duplicate', () => {
		expect(mergeOrder(null, { deliveryStatus: 'pending' })).toBe('insert');
		expect(mergeOrder({ deliveryStatus: 'pending' }, { deliveryStatus: 'delivered' })).toBe('update');
		expect(mergeOrder({ deliveryStatus: 'delivered' }, { deliveryStatus: 'delivered' })).toBe('duplicate');
	});

	it('only delivered orders are sales (cash on delivery)', () => {
		expect(countsAsSale('delivered')).toBe(true);
		expect(countsAsSale('returned')).toBe(false);
		expect(countsAsSale('pending')).toBe(false);
	});

	it('reads the CSV, with each bad cell on its line and column', () => {
		const csv = [
			'orderRef,ref,amountDzd,channel,at,deliveryStatus',
			'A-1001,NOUR10,4 500,whatsapp,2027-02-10,delivered',
			'A-1002,,3200,shop,2027-02-10T15:30:00+01:00,',
			'A-1003,SARA10,douze,dm,2027-02-10,returned',
			',SARA10,1000,fax,hier,perdu',
			'A-1001,NOUR10,4500,whatsapp,2027-02-10,returned'
		].join('\n');
		const parsed = parseOrdersCsv(csv, T + DAY);
		expect(parsed.rows.map((r) => [r.line, r.orderRef, r.amountDzd, r.channel, r.deliveryStatus])).toEqual([
			[2, 'A-1001', 4500, 'whatsapp', 'delivered'],
			[3, 'A-1002', 3200, 'shop', 'delivered'],
			[6, 'A-1001', 4500, 'whatsapp', 'returned']
		]);
		expect(parsed.errors).toEqual([
			{ line: 4, column: 'amountDzd', key: 'order_amount_invalid' },
			{ line: 5, column: 'orderRef', key: 'required' },
			{ line: 5, column: 'channel', key: 'order_channel_invalid' },
			{ line: 5, column: 'at', key: 'stats_date_invalid' },
			{ line: 5, column: 'deliveryStatus', key: 'order_status_invalid' }
		]);
		expect(parseOrdersCsv('orderRef,amountDzd,channel\nA,1,shop', T).errors).toEqual([{ line: 1, column: 'at', key: 'stats_csv_column_missing' }]);
	});
});
