/** The campaign report's numbers on a fixture computed by hand (worker/domain/campaign-report.ts). */
import { describe, expect, it } from 'vitest';
import { buildReport, recommend } from '../../worker/domain/campaign-report';

const stats = (views: number, replies = 0) => ({ views, reach: views / 2, likes: views / 10, comments: views / 100, saves: views / 50, shares: views / 100, replies, linkClicks: 0 });

describe('buildReport', () => {
	const report = buildReport({
		creators: [
			{ creatorId: 'nour', displayName: 'Nour', handle: 'nour', feeDzd: 20_000 },
			{ creatorId: 'sara', displayName: 'Sara', handle: 'sara', feeDzd: 10_000 }
		],
		deliverables: [
			{ creatorId: 'nour', format: 'reel', stats: stats(10_000) },
			// A story whose exits were reported: 2 000 views, 500 left before the end.
			{ creatorId: 'nour', format: 'story', stats: { ...stats(2_000, 40), exits: 500 } },
			{ creatorId: 'sara', format: 'reel', stats: stats(5_000) },
			{ creatorId: 'sara', format: 'reel', stats: null }
		],
		clicks: [
			{ creatorId: 'nour', count: 300 },
			{ creatorId: 'sara', count: 7 }
		],
		intentions: [
			{ creatorId: 'nour', kind: 'whatsapp', count: 12 },
			{ creatorId: 'nour', kind: 'dm', count: 3 },
			{ creatorId: 'nour', kind: 'asked', count: 5 },
			{ creatorId: 'sara', kind: 'dm', count: 1 }
		],
		orders: [
			{ creatorId: 'nour', amountDzd: 4_500, deliveryStatus: 'delivered', attributedBy: 'code' },
			{ creatorId: 'nour', amountDzd: 6_000, deliveryStatus: 'delivered', attributedBy: 'keyword' },
			{ creatorId: 'nour', amountDzd: 12_001, deliveryStatus: 'delivered', attributedBy: 'link' },
			{ creatorId: 'nour', amountDzd: 3_000, deliveryStatus: 'returned', attributedBy: 'code' },
			{ creatorId: 'nour', amountDzd: 2_000, deliveryStatus: 'pending', attributedBy: 'asked' },
			{ creatorId: 'sara', amountDzd: 3_000, deliveryStatus: 'returned', attributedBy: 'code' },
			{ creatorId: null, amountDzd: 1_000, deliveryStatus: 'delivered', attributedBy: null }
		]
	});

	it('adds up each creator’s three levels and costs', () => {
		const nour = report.creators.find((c) => c.creatorId === 'nour')!;
		// Completion is known for the story only: (2 000 − 500) ÷ 2 000.
		expect(nour.attention).toEqual({ views: 12_000, reach: 6_000, likes: 1_200, comments: 120, saves: 240, shares: 120, completion: 0.75, reported: 2, deliverables: 2 });
		expect(nour.intention).toEqual({ clicks: 300, storyReplies: 40, whatsapp: 12, dms: 3, asked: 5, conversations: 15 });
		// Delivered: 4 500 + 6 000 + 12 001 = 22 501 over 3 orders; one return out of 4 delivered-or-returned.
		expect(nour.conversion).toEqual({ orders: 3, revenueDzd: 22_501, averageBasketDzd: 7_500, codeUses: 3, returned: 1, pending: 1, returnRate: 0.25 });
		// 20 000 / 300 = 66.67 → 66; / 15 = 1 333; / 3 = 6 666; 22 501 / 20 000 = 1.125 → 1.13.
		expect(nour.costs).toEqual({ feeDzd: 20_000, costPerClickDzd: 66, costPerConversationDzd: 1_333, costPerOrderDzd: 6_666, revenueOverFee: 1.13 });
		expect(nour.recommendation.keep).toBe(true);

		const sara = report.creators.find((c) => c.creatorId === 'sara')!;
		expect(sara.attention.reported).toBe(1);
		expect(sara.attention.completion).toBeNull();
		expect(sara.conversion).toEqual({ orders: 0, revenueDzd: 0, averageBasketDzd: null, codeUses: 1, returned: 1, pending: 0, returnRate: 1 });
		expect(sara.costs).toEqual({ feeDzd: 10_000, costPerClickDzd: 1_428, costPerConversationDzd: 10_000, costPerOrderDzd: null, revenueOverFee: 0 });
		expect(sara.recommendation).toEqual({
			keep: false,
			reasons: [
				{ key: 'report_reason_few_orders', params: { orders: 0, min: 3 } },
				{ key: 'report_reason_not_paid_back', params: { ratio: 0 } },
				{ key: 'report_reason_returns_high', params: { percent: 100 } }
			]
		});
	});

	it('totals count unattributed sales too; formats add up attention', () => {
		expect(report.totals.conversion).toMatchObject({ orders: 4, revenueDzd: 23_501, returned: 2, pending: 1 });
		expect(report.totals.unattributedOrders).toBe(1);
		expect(report.totals.costs).toMatchObject({ feeDzd: 30_000, costPerOrderDzd: 7_500, revenueOverFee: 0.78 });
		expect(report.formats.map((f) => [f.format, f.attention.views, f.attention.reported, f.attention.deliverables])).toEqual([
			['reel', 15_000, 2, 3],
			['story', 2_000, 1, 1]
		]);
	});
});

describe('recommend', () => {
	it('needs three sales, the fee paid back and at most 30 % returns', () => {
		const base = { orders: 3, revenueDzd: 30_000, averageBasketDzd: 10_000, codeUses: 3, returned: 1, pending: 0, returnRate: 0.25 };
		const costs = { feeDzd: 30_000, costPerClickDzd: null, costPerConversationDzd: null, costPerOrderDzd: 10_000, revenueOverFee: 1 };
		expect(recommend(base, costs).keep).toBe(true);
		expect(recommend({ ...base, orders: 2 }, costs).keep).toBe(false);
		expect(recommend(base, { ...costs, revenueOverFee: 0.99 }).keep).toBe(false);
		expect(recommend({ ...base, returnRate: 0.31 }, costs).keep).toBe(false);
	});
});

describe('reportCsv', () => {
	it('one row per creator then the total, formulas neutralised', async () => {
		const { reportCsv, csvCell } = await import('../../worker/domain/campaign-report');
		const r = buildReport({
			creators: [{ creatorId: 'x', displayName: '=HYPERLINK("http://evil")', handle: 'x', feeDzd: 1_000 }],
			deliverables: [{ creatorId: 'x', format: 'reel', stats: stats(100) }],
			clicks: [{ creatorId: 'x', count: 3 }],
			intentions: [],
			orders: [{ creatorId: 'x', amountDzd: 2_000, deliveryStatus: 'delivered', attributedBy: 'code' }]
		});
		const lines = reportCsv(r).split('\r\n');
		expect(lines[0].split(',')).toHaveLength(25);
		expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",x,100,50,2,,1,1,3,0,0,0,1,2000,2000,1,0,0,0,1000,333,,1000,2,false`);
		expect(lines[2].startsWith('TOTAL,,100,')).toBe(true);
		expect(lines[3]).toBe('');
		expect(csvCell('-5')).toBe("'-5");
		expect(csvCell(-5)).toBe('-5');
	});
});
