/**
 * Track record (issue 16, point 4): the sixth matching criterion, what a creator delivered
 * on Wasla. Pure: the service (worker/services/track-records.ts) loads the creator's
 * deliverables, own posts, payouts and attributed orders, `aggregateTrackRecord` reduces
 * them to the few numbers stored per creator (creator_track_records, so the matches query
 * reads one row per candidate), and `trackRecordScore` turns that row into a 0–100 score
 * and its reason when a campaign is matched.
 *
 * "Completed" is an agreement that was signed and whose deliverables are all final (done:
 * D+7 figures approved by the brand, or withdrawn under the crisis clause), with at least
 * one of them published. Nothing completed → no score at all (null, "no history yet"):
 * the criterion is then left out of the total (matching.ts totalScore), never a guessed 50.
 */
import type { Confidence, Reason } from './matching';
import { FINAL_STATUSES, type DeliverableStatus } from './deliverables';

/** One deliverable of one of the creator's signed agreements, as the service reads it. */
export interface TrackDeliverable {
	agreementId: string;
	format: string;
	status: DeliverableStatus;
	/** The agreed moment the post was due (end of its Algiers day). */
	publishDueAt: number;
	/** When the post went online (null: never published). */
	publishedAt: number | null;
	/** The brand's check of the disclosure (pending, confirmed, flagged) or null. */
	publicationReview: string | null;
	/** Views in the approved D+7 figures (null while not approved). */
	d7Views: number | null;
}

export interface TrackInput {
	deliverables: readonly TrackDeliverable[];
	/** Views of the creator's own posts (Wasla-delivered posts excluded) per format: their history. */
	ownViews: Readonly<Record<string, readonly number[]>>;
	/** What the brands pay per agreement (non-cancelled payouts), in dinars. */
	feesByAgreement: ReadonlyMap<string, number>;
	/** Delivered orders credited to the creator per agreement: count and amount in dinars. */
	ordersByAgreement: ReadonlyMap<string, { orders: number; amountDzd: number }>;
}

/** What creator_track_records stores: the creator's completed campaigns reduced to counts and sums. */
export interface TrackAggregate {
	/** Completed agreements (one per campaign). */
	campaigns: number;
	/** Published deliverables of those agreements. */
	published: number;
	/** …published at or before their agreed due moment. */
	onTime: number;
	/** …whose disclosure was not flagged by the brand. */
	disclosed: number;
	/** Mean of (D+7 views ÷ the creator's median views for that format), null when none could be compared. */
	viewsRatio: number | null;
	/** Deliverables in that mean. */
	viewsCompared: number;
	feesDzd: number;
	orders: number;
	ordersAmountDzd: number;
}

/** The median of a list (null when empty). */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The agreements whose deliverables are all final, at least one published. */
export function completedAgreements(deliverables: readonly TrackDeliverable[]): Set<string> {
	const byAgreement = new Map<string, TrackDeliverable[]>();
	for (const d of deliverables) byAgreement.set(d.agreementId, [...(byAgreement.get(d.agreementId) ?? []), d]);
	const done = new Set<string>();
	for (const [id, ds] of byAgreement) {
		if (ds.every((d) => FINAL_STATUSES.includes(d.status)) && ds.some((d) => d.publishedAt !== null)) done.add(id);
	}
	return done;
}

/** Reduces the creator's deliverables, history, fees and orders to the stored aggregate (null: nothing completed). */
export function aggregateTrackRecord(input: TrackInput): TrackAggregate | null {
	const completed = completedAgreements(input.deliverables);
	if (completed.size === 0) return null;
	const published = input.deliverables.filter((d) => completed.has(d.agreementId) && d.publishedAt !== null);
	const baseline = new Map(Object.entries(input.ownViews).map(([f, v]) => [f, median(v)]));
	const ratios = published.flatMap((d) => {
		const base = baseline.get(d.format);
		return d.d7Views !== null && base != null && base > 0 ? [d.d7Views / base] : [];
	});
	let feesDzd = 0;
	let orders = 0;
	let ordersAmountDzd = 0;
	for (const id of completed) {
		feesDzd += input.feesByAgreement.get(id) ?? 0;
		const o = input.ordersByAgreement.get(id);
		orders += o?.orders ?? 0;
		ordersAmountDzd += o?.amountDzd ?? 0;
	}
	return {
		campaigns: completed.size,
		published: published.length,
		onTime: published.filter((d) => d.publishedAt! <= d.publishDueAt).length,
		disclosed: published.filter((d) => d.publicationReview !== 'flagged').length,
		viewsRatio: ratios.length === 0 ? null : ratios.reduce((s, r) => s + r, 0) / ratios.length,
		viewsCompared: ratios.length,
		feesDzd,
		orders,
		ordersAmountDzd
	};
}

/**
 * Parts of the score, out of 100 when all can be measured: keeping the agreed dates and
 * the legal disclosure are what a brand cannot check before signing, so they weigh most;
 * the D+7 reach against the creator's own usual and the cost of each order follow. A part
 * that cannot be measured (no history to compare the views to, no fee and no order) is
 * left out and the others are scaled up to 100.
 */
export const TRACK_PARTS = { onTime: 35, disclosure: 25, views: 20, cost: 20 } as const;
/** D+7 views at this multiple of the creator's median earn the whole views part; 1× earns half, ½× nothing. */
export const TRACK_VIEWS_FULL_RATIO = 2;
/** Cost per order at or under this share of the average order's amount earns the whole cost part… */
export const TRACK_COST_FULL_SHARE = 0.25;
/** …and at or above the order's whole amount nothing (the brand pays more per order than the order brings). */
export const TRACK_COST_ZERO_SHARE = 1;
/** From this many completed campaigns the evidence is good (confidence high); one is medium. */
export const TRACK_CONFIDENT_CAMPAIGNS = 2;

export interface TrackScore {
	/** 0–100, or null when the creator has no completed campaign on Wasla. */
	score: number | null;
	reason: Reason;
	confidence: Confidence;
	estimated: boolean;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The views part, 0–1: ½ + ½ × log2(ratio), clamped (1× → ½, 2× → 1, ½× → 0). */
export function viewsPart(ratio: number): number {
	return ratio <= 0 ? 0 : clamp01(0.5 + (0.5 * Math.log(ratio)) / Math.log(TRACK_VIEWS_FULL_RATIO));
}

/** The cost part, 0–1, from the fees and the orders; null when there was neither a fee nor an order. */
export function costPart(a: Pick<TrackAggregate, 'feesDzd' | 'orders' | 'ordersAmountDzd'>): number | null {
	if (a.orders === 0) return a.feesDzd > 0 ? 0 : null;
	const basket = a.ordersAmountDzd / a.orders;
	if (basket <= 0) return a.feesDzd > 0 ? 0 : 1;
	const share = a.feesDzd / a.orders / basket;
	return clamp01((TRACK_COST_ZERO_SHARE - share) / (TRACK_COST_ZERO_SHARE - TRACK_COST_FULL_SHARE));
}

/**
 * The track-record criterion from the stored aggregate: the weighted mean of the parts that
 * can be measured, and a reason citing each number ("3 campagnes : 5/5 livrables à l'heure,
 * mention respectée 5/5, vues J+7 1,4× sa médiane, 420 DA par commande"). No aggregate →
 * score null, reason "no history yet".
 */
export function trackRecordScore(a: TrackAggregate | null): TrackScore {
	if (a === null || a.campaigns === 0 || a.published === 0) {
		return { score: null, confidence: 'low', estimated: false, reason: { key: 'match_track_none', params: {} } };
	}
	const parts: { weight: number; value: number }[] = [
		{ weight: TRACK_PARTS.onTime, value: a.onTime / a.published },
		{ weight: TRACK_PARTS.disclosure, value: a.disclosed / a.published }
	];
	const said: Reason[] = [
		{ key: 'match_track_on_time', params: { onTime: a.onTime, total: a.published } },
		{ key: 'match_track_disclosure', params: { disclosed: a.disclosed, total: a.published } }
	];
	if (a.viewsRatio !== null) {
		parts.push({ weight: TRACK_PARTS.views, value: viewsPart(a.viewsRatio) });
		said.push({ key: 'match_track_views', params: { times: round1(a.viewsRatio) } });
	}
	const cost = costPart(a);
	if (cost !== null) {
		parts.push({ weight: TRACK_PARTS.cost, value: cost });
		said.push(a.orders === 0 ? { key: 'match_track_no_orders', params: {} } : { key: 'match_track_cost', params: { cost: Math.round(a.feesDzd / a.orders) } });
	}
	const weight = parts.reduce((s, p) => s + p.weight, 0);
	const score = Math.round((100 * parts.reduce((s, p) => s + p.weight * p.value, 0)) / weight);
	return {
		score,
		confidence: a.campaigns >= TRACK_CONFIDENT_CAMPAIGNS ? 'high' : 'medium',
		estimated: false,
		reason: { key: 'match_track', params: { campaigns: a.campaigns }, parts: said }
	};
}

/** The matches query's LEFT JOIN of creator_track_records (columns prefixed `track_`) as the aggregate; null when the creator has no row. */
/** The columns of creator_track_records as the matches query names them. */
export type TrackColumns = Partial<
	Record<
		'track_campaigns' | 'track_published' | 'track_on_time' | 'track_disclosed' | 'track_views_ratio' | 'track_views_compared' | 'track_fees_dzd' | 'track_orders' | 'track_orders_amount_dzd',
		number | null
	>
>;

export function trackAggregateOf(row: TrackColumns): TrackAggregate | null {
	if (row.track_campaigns == null) return null;
	return {
		campaigns: row.track_campaigns,
		published: row.track_published ?? 0,
		onTime: row.track_on_time ?? 0,
		disclosed: row.track_disclosed ?? 0,
		viewsRatio: row.track_views_ratio ?? null,
		viewsCompared: row.track_views_compared ?? 0,
		feesDzd: row.track_fees_dzd ?? 0,
		orders: row.track_orders ?? 0,
		ordersAmountDzd: row.track_orders_amount_dzd ?? 0
	};
}
