/**
 * The campaign report (issue 12, point 6): the seed's three levels — attention, intention,
 * conversion — per creator, per format and in total, with what each cost. Pure: the service
 * reads the rows, this adds them up, so the numbers are checked by hand in the tests.
 *
 * - Attention: each deliverable's latest reported figures (D+7 over D+1). Completion is known
 *   for stories only, from the exits the creator reported: (views − exits) ÷ views over the
 *   stories that have both; null when none has.
 * - Intention: counted link clicks, story replies, DM and WhatsApp conversations and "where
 *   did you see us?" answers logged by the staff.
 * - Conversion (cash on delivery): delivered orders and their revenue; returned and pending
 *   orders are counted apart, never credited; code uses are the orders a code or keyword
 *   explained, whatever their status.
 * - Costs are whole dinars rounded down (fee ÷ count), null when the count is 0;
 *   revenue over fee has two decimals, null when the fee is 0.
 */
import { countsAsSale, type DeliveryStatus } from './conversions';

export interface ReportInput {
	creators: { creatorId: string; displayName: string; handle: string; feeDzd: number }[];
	/** Each deliverable's latest reported window, or null when none is reported yet. */
	deliverables: {
		creatorId: string;
		format: string;
		stats: {
			views: number;
			reach: number;
			likes: number;
			comments: number;
			saves: number;
			shares: number;
			replies: number;
			linkClicks: number;
			/** Stories: viewers who left (null when not reported, or not a story). */
			exits?: number | null;
		} | null;
	}[];
	clicks: { creatorId: string; count: number }[];
	intentions: { creatorId: string; kind: 'asked' | 'whatsapp' | 'dm'; count: number }[];
	orders: { creatorId: string | null; amountDzd: number; deliveryStatus: DeliveryStatus; attributedBy: string | null }[];
}

export interface Attention {
	views: number;
	reach: number;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	/** Stories watched to the end: (views − exits) ÷ views, two decimals; null when no story reported its exits. */
	completion: number | null;
	/** Deliverables with figures reported, of all. */
	reported: number;
	deliverables: number;
}

export interface Intention {
	clicks: number;
	storyReplies: number;
	whatsapp: number;
	dms: number;
	asked: number;
	/** WhatsApp and DM conversations together. */
	conversations: number;
}

export interface Conversion {
	/** Delivered orders: the sales. */
	orders: number;
	revenueDzd: number;
	averageBasketDzd: number | null;
	codeUses: number;
	returned: number;
	pending: number;
	/** Returned ÷ (delivered + returned), two decimals; null without any. */
	returnRate: number | null;
}

export interface Costs {
	feeDzd: number;
	costPerClickDzd: number | null;
	costPerConversationDzd: number | null;
	costPerOrderDzd: number | null;
	revenueOverFee: number | null;
}

const perUnit = (fee: number, n: number) => (n > 0 ? Math.floor(fee / n) : null);
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

function attentionOf(ds: ReportInput['deliverables']): Attention {
	const out: Attention = { views: 0, reach: 0, likes: 0, comments: 0, saves: 0, shares: 0, completion: null, reported: 0, deliverables: ds.length };
	let storyViews = 0;
	let storyExits = 0;
	for (const d of ds) {
		if (!d.stats) continue;
		if (typeof d.stats.exits === 'number' && d.stats.views > 0) {
			storyViews += d.stats.views;
			storyExits += Math.min(d.stats.exits, d.stats.views);
		}
		out.reported += 1;
		out.views += d.stats.views;
		out.reach += d.stats.reach;
		out.likes += d.stats.likes;
		out.comments += d.stats.comments;
		out.saves += d.stats.saves;
		out.shares += d.stats.shares;
	}
	out.completion = ratio(storyViews - storyExits, storyViews);
	return out;
}

function intentionOf(input: ReportInput, creatorIds: Set<string>, ds: ReportInput['deliverables']): Intention {
	const clicks = input.clicks.filter((c) => creatorIds.has(c.creatorId)).reduce((s, c) => s + c.count, 0);
	const count = (kind: 'asked' | 'whatsapp' | 'dm') => input.intentions.filter((i) => creatorIds.has(i.creatorId) && i.kind === kind).reduce((s, i) => s + i.count, 0);
	const whatsapp = count('whatsapp');
	const dms = count('dm');
	return { clicks, storyReplies: ds.reduce((s, d) => s + (d.stats?.replies ?? 0), 0), whatsapp, dms, asked: count('asked'), conversations: whatsapp + dms };
}

function conversionOf(orders: ReportInput['orders']): Conversion {
	const sales = orders.filter((o) => countsAsSale(o.deliveryStatus));
	const revenue = sales.reduce((s, o) => s + o.amountDzd, 0);
	const returned = orders.filter((o) => o.deliveryStatus === 'returned').length;
	return {
		orders: sales.length,
		revenueDzd: revenue,
		averageBasketDzd: sales.length > 0 ? Math.floor(revenue / sales.length) : null,
		codeUses: orders.filter((o) => o.attributedBy === 'code' || o.attributedBy === 'keyword').length,
		returned,
		pending: orders.filter((o) => o.deliveryStatus === 'pending').length,
		returnRate: ratio(returned, sales.length + returned)
	};
}

function costsOf(fee: number, intention: Intention, conversion: Conversion): Costs {
	return {
		feeDzd: fee,
		costPerClickDzd: perUnit(fee, intention.clicks),
		costPerConversationDzd: perUnit(fee, intention.conversations),
		costPerOrderDzd: perUnit(fee, conversion.orders),
		revenueOverFee: ratio(conversion.revenueDzd, fee)
	};
}

/** Why a creator is (or is not) worth keeping as an ambassador: message keys with their numbers. */
export interface Recommendation {
	keep: boolean;
	reasons: { key: string; params: Record<string, number> }[];
}

/** The thresholds of the "keep as ambassador" recommendation. */
export const AMBASSADOR = { minOrders: 3, minRevenueOverFee: 1, maxReturnRate: 0.3 } as const;

/**
 * Keep a creator whose delivered sales paid back their fee, with at least 3 sales and at most
 * 30 % returns; the reasons say which held and which did not, with the numbers.
 */
export function recommend(conversion: Conversion, costs: Costs): Recommendation {
	const reasons: Recommendation['reasons'] = [];
	const enoughOrders = conversion.orders >= AMBASSADOR.minOrders;
	reasons.push({ key: enoughOrders ? 'report_reason_orders' : 'report_reason_few_orders', params: { orders: conversion.orders, min: AMBASSADOR.minOrders } });
	const paid = costs.revenueOverFee !== null && costs.revenueOverFee >= AMBASSADOR.minRevenueOverFee;
	reasons.push({ key: paid ? 'report_reason_paid_back' : 'report_reason_not_paid_back', params: { ratio: costs.revenueOverFee ?? 0 } });
	const returnsOk = conversion.returnRate === null || conversion.returnRate <= AMBASSADOR.maxReturnRate;
	reasons.push({ key: returnsOk ? 'report_reason_returns_ok' : 'report_reason_returns_high', params: { percent: Math.round((conversion.returnRate ?? 0) * 100) } });
	return { keep: enoughOrders && paid && returnsOk, reasons };
}

/** The report: per creator (with the recommendation), per format (attention), and in total (unattributed orders included). */
export function buildReport(input: ReportInput) {
	const creators = input.creators.map((c) => {
		const ids = new Set([c.creatorId]);
		const ds = input.deliverables.filter((d) => d.creatorId === c.creatorId);
		const attention = attentionOf(ds);
		const intention = intentionOf(input, ids, ds);
		const conversion = conversionOf(input.orders.filter((o) => o.creatorId === c.creatorId));
		const costs = costsOf(c.feeDzd, intention, conversion);
		return {
			creatorId: c.creatorId,
			displayName: c.displayName,
			handle: c.handle,
			attention,
			intention,
			conversion,
			costs,
			costPerOrderDzd: costs.costPerOrderDzd,
			recommendation: recommend(conversion, costs)
		};
	});
	const formats = [...new Set(input.deliverables.map((d) => d.format))].sort().map((format) => ({ format, attention: attentionOf(input.deliverables.filter((d) => d.format === format)) }));
	const all = new Set(input.creators.map((c) => c.creatorId));
	const intention = intentionOf(input, all, input.deliverables);
	const conversion = conversionOf(input.orders);
	const fee = input.creators.reduce((s, c) => s + c.feeDzd, 0);
	return {
		totals: {
			attention: attentionOf(input.deliverables),
			intention,
			conversion,
			costs: costsOf(fee, intention, conversion),
			unattributedOrders: input.orders.filter((o) => o.creatorId === null && countsAsSale(o.deliveryStatus)).length
		},
		creators,
		formats
	};
}

// ---- CSV export ---------------------------------------------------------------------------------

/** Columns of the report's CSV export, one row per creator then a TOTAL row. */
export const REPORT_CSV_COLUMNS = [
	'creator',
	'handle',
	'views',
	'reach',
	'saves',
	'completion',
	'reported',
	'deliverables',
	'clicks',
	'storyReplies',
	'conversations',
	'asked',
	'orders',
	'revenueDzd',
	'averageBasketDzd',
	'codeUses',
	'returned',
	'pending',
	'returnRate',
	'feeDzd',
	'costPerClickDzd',
	'costPerConversationDzd',
	'costPerOrderDzd',
	'revenueOverFee',
	'keepAsAmbassador'
] as const;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a text starting with = + -
 * @ or a tab is prefixed with ' so a spreadsheet never runs it as a formula (a creator's name
 * is theirs to choose).
 */
export function csvCell(value: string | number | boolean | null): string {
	if (value === null) return '';
	if (typeof value !== 'string') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Row = { attention: Attention; intention: Intention; conversion: Conversion; costs: Costs };

function csvRow(name: string, handle: string, r: Row, keep: boolean | null): string {
	const { attention: a, intention: i, conversion: c, costs: k } = r;
	return [
		name,
		handle,
		a.views,
		a.reach,
		a.saves,
		a.completion,
		a.reported,
		a.deliverables,
		i.clicks,
		i.storyReplies,
		i.conversations,
		i.asked,
		c.orders,
		c.revenueDzd,
		c.averageBasketDzd,
		c.codeUses,
		c.returned,
		c.pending,
		c.returnRate,
		k.feeDzd,
		k.costPerClickDzd,
		k.costPerConversationDzd,
		k.costPerOrderDzd,
		k.revenueOverFee,
		keep
	]
		.map(csvCell)
		.join(',');
}

/** The report as CSV (UTF-8, CRLF line ends as spreadsheets expect). */
export function reportCsv(report: ReturnType<typeof buildReport>): string {
	const lines = [REPORT_CSV_COLUMNS.join(','), ...report.creators.map((c) => csvRow(c.displayName, c.handle, c, c.recommendation.keep)), csvRow('TOTAL', '', report.totals, null)];
	return `${lines.join('\r\n')}\r\n`;
}
