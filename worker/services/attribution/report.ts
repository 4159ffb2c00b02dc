/** GET /campaigns/:id/report (issue 12, point 6): reads what the report adds up (worker/domain/campaign-report.ts). */
import type { CallerContext } from '../../context';
import { iso } from '../../domain/dates';
import { type ReportInput, buildReport } from '../../domain/campaign-report';
import { type JournalInput, type JournalSeries, buildJournal } from '../../domain/campaign-journal';
import type { DeliveryStatus } from '../../domain/conversions';
import { ownCampaign } from './conversions';

export async function campaignReport(ctx: CallerContext, input: { campaignId: string }) {
	const { db } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const [creators, deliverables, clicks, intentions, orders, offers, hourly, published] = await db.batch([
		db
			.prepare(
				`SELECT g.creator_id, c.display_name, c.handle, coalesce(json_extract(g.terms, '$.fee.amountDzd'), 0) AS fee
				 FROM agreements g JOIN creators c ON c.id = g.creator_id WHERE g.campaign_id = ?1 AND g.status = 'signed' AND json_valid(g.terms) ORDER BY c.display_name`
			)
			.bind(campaign.id),
		db
			.prepare(
				`SELECT d.creator_id, d.format, s.views, s.reach, s.likes, s.comments, s.saves, s.shares, s.replies, s.link_clicks, s.exits
				 FROM deliverables d JOIN agreements g ON g.id = d.agreement_id AND g.status = 'signed'
				 LEFT JOIN deliverable_stats s ON s.deliverable_id = d.id
				   AND s.window = (SELECT max(window) FROM deliverable_stats WHERE deliverable_id = d.id)
				 WHERE d.campaign_id = ?1 ORDER BY d.agreement_id, d.seq`
			)
			.bind(campaign.id),
		db.prepare('SELECT creator_id, count(*) AS n FROM link_clicks WHERE campaign_id = ?1 GROUP BY creator_id').bind(campaign.id),
		db.prepare('SELECT creator_id, kind, count(*) AS n FROM intentions WHERE campaign_id = ?1 GROUP BY creator_id, kind').bind(campaign.id),
		db.prepare('SELECT creator_id, amount_dzd, delivery_status, attributed_by FROM conversions WHERE campaign_id = ?1').bind(campaign.id),
		db
			.prepare("SELECT g.creator_id, o.starts_at, o.ends_at, o.note FROM offer_windows o JOIN agreements g ON g.id = o.agreement_id WHERE g.campaign_id = ?1 AND g.status = 'signed'")
			.bind(campaign.id),
		// The journal: counts per UTC hour (integer division of epoch ms), one row per series and hour.
		db
			.prepare(
				`SELECT 'clicks' AS series, at / 3600000 AS hour, count(*) AS n FROM link_clicks WHERE campaign_id = ?1 GROUP BY hour
				 UNION ALL SELECT 'conversations', at / 3600000 AS hour, count(*) FROM intentions WHERE campaign_id = ?1 AND kind IN ('whatsapp', 'dm') GROUP BY hour
				 UNION ALL SELECT 'orders', at / 3600000 AS hour, count(*) FROM conversions WHERE campaign_id = ?1 AND delivery_status = 'delivered' GROUP BY hour`
			)
			.bind(campaign.id),
		db
			.prepare(
				`SELECT d.creator_id, d.format, d.published_at FROM deliverables d JOIN agreements g ON g.id = d.agreement_id AND g.status = 'signed'
				 WHERE d.campaign_id = ?1 AND d.published_at IS NOT NULL ORDER BY d.published_at`
			)
			.bind(campaign.id)
	]);
	type D = {
		creator_id: string;
		format: string;
		views: number | null;
		reach: number;
		likes: number;
		comments: number;
		saves: number;
		shares: number;
		replies: number;
		link_clicks: number;
		exits: number | null;
	};
	const reportInput: ReportInput = {
		creators: (creators.results as { creator_id: string; display_name: string; handle: string; fee: number }[]).map((c) => ({
			creatorId: c.creator_id,
			displayName: c.display_name,
			handle: c.handle,
			feeDzd: Number.isSafeInteger(c.fee) ? c.fee : 0
		})),
		deliverables: (deliverables.results as D[]).map((d) => ({
			creatorId: d.creator_id,
			format: d.format,
			stats:
				d.views === null
					? null
					: { views: d.views, reach: d.reach, likes: d.likes, comments: d.comments, saves: d.saves, shares: d.shares, replies: d.replies, linkClicks: d.link_clicks, exits: d.exits }
		})),
		clicks: (clicks.results as { creator_id: string; n: number }[]).map((c) => ({ creatorId: c.creator_id, count: c.n })),
		intentions: (intentions.results as { creator_id: string; kind: 'asked' | 'whatsapp' | 'dm'; n: number }[]).map((i) => ({ creatorId: i.creator_id, kind: i.kind, count: i.n })),
		orders: (orders.results as { creator_id: string | null; amount_dzd: number; delivery_status: DeliveryStatus; attributed_by: string | null }[]).map((o) => ({
			creatorId: o.creator_id,
			amountDzd: o.amount_dzd,
			deliveryStatus: o.delivery_status,
			attributedBy: o.attributed_by
		}))
	};
	const report = buildReport(reportInput);
	const journal = buildJournal({
		counts: (hourly.results as { series: JournalSeries; hour: number; n: number }[]).map((h) => ({ series: h.series, hour: h.hour, count: h.n })),
		publications: (published.results as { creator_id: string; format: string; published_at: number }[]).map((p) => ({ at: p.published_at, creatorId: p.creator_id, format: p.format }))
	} satisfies JournalInput);
	const offerOf = (creatorId: string) => {
		const o = (offers.results as { creator_id: string; starts_at: number; ends_at: number; note: string }[]).find((x) => x.creator_id === creatorId);
		return o ? { startsAt: iso(o.starts_at), endsAt: iso(o.ends_at), note: o.note } : null;
	};
	return {
		campaign: { id: campaign.id, title: campaign.title },
		...report,
		creators: report.creators.map((c) => ({ ...c, offerWindow: offerOf(c.creatorId) })),
		journal: {
			bucketHours: journal.bucketHours,
			buckets: journal.buckets.map((b) => ({ ...b, at: iso(b.at) })),
			publications: journal.publications.map((p) => ({ ...p, at: iso(p.at) })),
			dropped: journal.dropped
		}
	};
}
