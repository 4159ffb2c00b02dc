/**
 * Conversions (issue 12, point 4): orders recorded by shop staff or imported as CSV, and the
 * rule that credits one order to one creator. Pure: no D1.
 *
 * Cash on delivery: an order is a sale once delivered; returned orders are kept and shown,
 * never credited; pending ones wait. An order reference counts once per brand: importing it
 * again with a new delivery status updates it, with the same status it is a duplicate.
 *
 * The attribution rule, in this order (the first that matches wins, one creator per order):
 *   1. a promo code of the campaign, live when the order was placed;
 *   2. a WhatsApp keyword of the campaign, live when the order was placed;
 *   3. a tracked link of the campaign clicked in the 30 days before the order;
 *   4. the answer to "where did you see us?": a creator's handle or name.
 * An order none of them explains is recorded unattributed.
 *
 * An order dated by its day alone (a CSV `at` without a time) is stored at noon in Algiers but
 * matched against the whole day: a code live at any moment of that day, or a click before the
 * day ended, explains it — the time is unknown, so the rule cannot say the code was not live yet.
 */
import { type CsvShape, type ParsedRows, type RowError, parseCount, parseCsv, parsePostedAt } from './stats-import';
import { codeKey } from './attribution-codes';
import { isSingleLine } from './text';

export const CONVERSION_SOURCES = ['code', 'keyword', 'link', 'asked'] as const;
export type ConversionSource = (typeof CONVERSION_SOURCES)[number];
export const CONVERSION_CHANNELS = ['whatsapp', 'dm', 'shop', 'store'] as const;
export type ConversionChannel = (typeof CONVERSION_CHANNELS)[number];
export const DELIVERY_STATUSES = ['delivered', 'pending', 'returned'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How far back a link click explains an order. */
export const CLICK_LOOKBACK_MS = 30 * 86_400_000;
/** Largest order amount accepted, in dinars. */
export const MAX_ORDER_DZD = 100_000_000;
export const ORDER_REF_MAX = 64;
export const REF_MAX = 60;

/** What the campaign offers to explain an order: its codes, keywords, links (with their clicks) and creators. */
export interface AttributionIndex {
	codes: { kind: 'promo' | 'keyword'; key: string; creatorId: string; activatedAt: number; deactivatedAt: number | null }[];
	links: { slug: string; creatorId: string; clicks: number[] }[];
	creators: { creatorId: string; handle: string; displayName: string }[];
}

export interface Attribution {
	creatorId: string | null;
	/** Which rule credited it (null: none did). */
	by: ConversionSource | null;
}

/** Half a day: an order dated by its day alone spans its noon ± this. */
export const HALF_DAY_MS = 12 * 3_600_000;

/** The span an order's time stands for: an instant, or the whole day of a date without a time. */
export function orderSpan(order: { at: number; wholeDay?: boolean }): { from: number; to: number } {
	return order.wholeDay ? { from: order.at - HALF_DAY_MS, to: order.at + HALF_DAY_MS - 1 } : { from: order.at, to: order.at };
}

/** A code was live at some instant of [from, to]. */
const liveDuring = (c: { activatedAt: number; deactivatedAt: number | null }, from: number, to: number) => c.activatedAt <= to && (c.deactivatedAt === null || from < c.deactivatedAt);
const nameKey = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/^@/, '')
		.replace(/[\s._-]+/g, '');

/**
 * Credits an order by the rule above. `source` narrows the search to one rule when the staff
 * said how the customer came (a code typed, a keyword sent…); without it every rule is tried
 * in order, which is how a CSV's free `ref` column is read.
 */
export function attribute(index: AttributionIndex, order: { ref: string; at: number; wholeDay?: boolean; source?: ConversionSource | null }): Attribution {
	const ref = order.ref.trim();
	const { from, to } = orderSpan(order);
	if (ref === '') return { creatorId: null, by: null };
	const tries: ConversionSource[] = order.source ? [order.source] : [...CONVERSION_SOURCES];
	for (const rule of tries) {
		if (rule === 'code' || rule === 'keyword') {
			const kind = rule === 'code' ? 'promo' : 'keyword';
			const key = codeKey(ref);
			const hit = index.codes.find((c) => c.kind === kind && c.key === key && liveDuring(c, from, to));
			if (hit) return { creatorId: hit.creatorId, by: rule };
		} else if (rule === 'link') {
			const slug = ref.replace(/^.*\/l\//, '').toLowerCase();
			const hit = index.links.find((l) => l.slug === slug && l.clicks.some((t) => t <= to && t > from - CLICK_LOOKBACK_MS));
			if (hit) return { creatorId: hit.creatorId, by: 'link' };
		} else {
			const key = nameKey(ref);
			const hit = index.creators.find((c) => nameKey(c.handle) === key || nameKey(c.displayName) === key);
			if (hit) return { creatorId: hit.creatorId, by: 'asked' };
		}
	}
	return { creatorId: null, by: null };
}

/** What happens to an order reference the brand already has. */
export function mergeOrder(existing: { deliveryStatus: DeliveryStatus } | null, incoming: { deliveryStatus: DeliveryStatus }): 'insert' | 'update' | 'duplicate' {
	if (!existing) return 'insert';
	return existing.deliveryStatus === incoming.deliveryStatus ? 'duplicate' : 'update';
}

/** Whether an order counts as a sale: delivered only (cash on delivery; returns are common). */
export const countsAsSale = (status: DeliveryStatus) => status === 'delivered';

// ---- the orders CSV ---------------------------------------------------------------------------------

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const ORDER_CSV_COLUMNS = ['orderRef', 'ref', 'amountDzd', 'channel', 'at', 'deliveryStatus'] as const;

export interface OrderRow {
	orderRef: string;
	ref: string;
	amountDzd: number;
	channel: ConversionChannel;
	at: number;
	/** The `at` cell held a date without a time: matched against the whole day (see above). */
	wholeDay: boolean;
	deliveryStatus: DeliveryStatus;
}

/** Reads one order: the reference and amount are required; the status defaults to delivered. */
function readOrder(cells: Record<string, string>, line: number, now: number): { row?: OrderRow; errors: RowError[] } {
	const errors: RowError[] = [];
	const err = (column: string, key: string) => errors.push({ line, column, key });
	const orderRef = (cells.orderRef ?? '').trim();
	if (orderRef === '') err('orderRef', 'required');
	else if (!isSingleLine(orderRef)) err('orderRef', 'single_line');
	else if (orderRef.length > ORDER_REF_MAX) err('orderRef', 'too_long');
	const ref = (cells.ref ?? '').trim();
	if (!isSingleLine(ref)) err('ref', 'single_line');
	else if (ref.length > REF_MAX) err('ref', 'too_long');
	const amount = parseCount(cells.amountDzd ?? '', true);
	if (amount !== null && typeof amount === 'object') err('amountDzd', amount.error === 'stats_not_a_count' ? 'order_amount_invalid' : amount.error);
	else if (amount !== null && amount > MAX_ORDER_DZD) err('amountDzd', 'order_amount_invalid');
	const channel = (cells.channel ?? '').trim().toLowerCase();
	if (!(CONVERSION_CHANNELS as readonly string[]).includes(channel)) err('channel', 'order_channel_invalid');
	const at = parsePostedAt(cells.at ?? '', now);
	if (typeof at !== 'number') err('at', at.error);
	const status = ((cells.deliveryStatus ?? '').trim().toLowerCase() || 'delivered') as DeliveryStatus;
	if (!(DELIVERY_STATUSES as readonly string[]).includes(status)) err('deliveryStatus', 'order_status_invalid');
	if (errors.length > 0) return { errors };
	return {
		errors,
		row: { orderRef, ref, amountDzd: amount as number, channel: channel as ConversionChannel, at: at as number, wholeDay: DATE_ONLY.test((cells.at ?? '').trim()), deliveryStatus: status }
	};
}

/** Reads an orders CSV (ORDER_CSV_COLUMNS; deliveryStatus may be empty). A reference repeated in the file is handled like one already stored. */
export function parseOrdersCsv(text: string, now: number): ParsedRows<OrderRow> {
	// Every line is its own row: a reference seen twice is merged by the import (an update or a duplicate), not refused.
	let n = 0;
	const shape: CsvShape<OrderRow> = {
		required: ['orderRef', 'amountDzd', 'channel', 'at'],
		optional: ['ref', 'deliveryStatus'],
		readRow: (cells, line) => readOrder(cells, line, now),
		keyOf: () => String((n += 1)),
		keyColumn: 'orderRef',
		duplicateKey: 'order_ref_duplicate'
	};
	return parseCsv(text, shape);
}
