/**
 * Track records on D1 (issue 16, point 4): a creator's completed campaigns reduced to the
 * creator_track_records row matching reads (worker/domain/track-record.ts). Refreshed by
 * every path that changes what it counts: each deliverable change (publication, its
 * check, the D+1/D+7 figures and their approval that completes an agreement, a crisis
 * withdrawal and the payouts it cuts — all through deliverables/load.ts changeDeliverable)
 * and each order recorded or imported (attribution/conversions.ts). A handful of indexed
 * reads per creator, never per match.
 */
import type { ServiceContext } from '../context';
import type { DeliverableStatus } from '../domain/deliverables';
import { deliveredPostRef } from '../domain/deliverable-stats';
import { aggregateTrackRecord, type TrackAggregate } from '../domain/track-record';

/** Own posts read per creator for the views baseline (the most recent; a median needs no more). */
export const TRACK_BASELINE_POSTS = 500;

interface DeliverableTrackRow {
	agreement_id: string;
	format: string;
	status: DeliverableStatus;
	publish_due_at: number;
	published_at: number | null;
	publication_review: string | null;
	d7_views: number | null;
}

/** Reads what the creator delivered and reduces it (null: no completed campaign). */
export async function computeTrackRecord(db: D1Database, creatorId: string): Promise<TrackAggregate | null> {
	const [deliverables, posts, fees, orders] = await db.batch([
		db
			.prepare(
				`SELECT d.agreement_id, d.format, d.status, d.publish_due_at, d.published_at, d.publication_review, s.views AS d7_views
				 FROM deliverables d JOIN agreements g ON g.id = d.agreement_id AND g.status = 'signed'
				 LEFT JOIN deliverable_stats s ON s.deliverable_id = d.id AND s."window" = 'D7' AND s.status = 'approved'
				 WHERE d.creator_id = ?1`
			)
			.bind(creatorId),
		// The creator's history without the posts Wasla wrote from delivered figures (ref wasla:<id>).
		db
			.prepare('SELECT format, views FROM posts WHERE creator_id = ?1 AND substr(ref, 1, ?2) <> ?3 ORDER BY posted_at DESC LIMIT ?4')
			.bind(creatorId, deliveredPostRef('').length, deliveredPostRef(''), TRACK_BASELINE_POSTS),
		db.prepare("SELECT agreement_id, sum(amount_dzd) AS fees FROM payouts WHERE creator_id = ?1 AND status <> 'cancelled' GROUP BY agreement_id").bind(creatorId),
		db
			.prepare(
				`SELECT g.id AS agreement_id, count(*) AS n, sum(v.amount_dzd) AS amount FROM conversions v
				 JOIN agreements g ON g.campaign_id = v.campaign_id AND g.creator_id = v.creator_id AND g.status = 'signed'
				 WHERE v.creator_id = ?1 AND v.delivery_status = 'delivered' GROUP BY g.id`
			)
			.bind(creatorId)
	]);
	const ownViews: Record<string, number[]> = {};
	for (const p of posts.results as { format: string; views: number }[]) (ownViews[p.format] ??= []).push(p.views);
	return aggregateTrackRecord({
		deliverables: (deliverables.results as DeliverableTrackRow[]).map((d) => ({
			agreementId: d.agreement_id,
			format: d.format,
			status: d.status,
			publishDueAt: d.publish_due_at,
			publishedAt: d.published_at,
			publicationReview: d.publication_review,
			d7Views: d.d7_views
		})),
		ownViews,
		feesByAgreement: new Map((fees.results as { agreement_id: string; fees: number }[]).map((f) => [f.agreement_id, f.fees])),
		ordersByAgreement: new Map((orders.results as { agreement_id: string; n: number; amount: number }[]).map((o) => [o.agreement_id, { orders: o.n, amountDzd: o.amount }]))
	});
}

/** Recomputes and stores the creator's track record (the row is removed when nothing is completed). */
export async function refreshTrackRecord(ctx: Pick<ServiceContext, 'db' | 'now'>, input: { creatorId: string }): Promise<TrackAggregate | null> {
	const { db, now } = ctx;
	const a = await computeTrackRecord(db, input.creatorId);
	if (a === null) {
		await db.prepare('DELETE FROM creator_track_records WHERE creator_id = ?1').bind(input.creatorId).run();
		return null;
	}
	await db
		.prepare(
			`INSERT INTO creator_track_records (creator_id, computed_at, campaigns, published, on_time, disclosed, views_ratio, views_compared, fees_dzd, orders, orders_amount_dzd)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
			 ON CONFLICT (creator_id) DO UPDATE SET computed_at = excluded.computed_at, campaigns = excluded.campaigns, published = excluded.published,
			   on_time = excluded.on_time, disclosed = excluded.disclosed, views_ratio = excluded.views_ratio, views_compared = excluded.views_compared,
			   fees_dzd = excluded.fees_dzd, orders = excluded.orders, orders_amount_dzd = excluded.orders_amount_dzd`
		)
		.bind(input.creatorId, now, a.campaigns, a.published, a.onTime, a.disclosed, a.viewsRatio, a.viewsCompared, a.feesDzd, a.orders, a.ordersAmountDzd)
		.run();
	return a;
}

/** After orders of a campaign were recorded or changed: refreshes each creator with a signed agreement on it. */
export async function refreshCampaignTrackRecords(ctx: Pick<ServiceContext, 'db' | 'now'>, input: { campaignId: string }) {
	const { results } = await ctx.db.prepare("SELECT DISTINCT creator_id FROM agreements WHERE campaign_id = ?1 AND status = 'signed'").bind(input.campaignId).all<{ creator_id: string }>();
	for (const r of results) await refreshTrackRecord(ctx, { creatorId: r.creator_id });
}
