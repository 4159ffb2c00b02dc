/**
 * Deliverables across agreements (issue 11, point 8): a campaign's timeline for its brand
 * (GET /campaigns/:id/timeline) and the caller's due list across all their signed agreements
 * (GET /me/deliverables). Orders, late and next come from worker/domain/deliverable-timeline.ts.
 *
 * Both read every deliverable of their scope in one indexed query and order them in the
 * Worker: the order depends on each one's next step (nextStep), which stays written once,
 * in the domain. A campaign has tens of deliverables and a creator at most a few hundred.
 *
 * Signed agreements that have no deliverables yet (signed before deliverables existed) are
 * planned first, as GET /agreements/:id/deliverables does: the one write these GETs make.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { iso } from '../../domain/dates';
import { type DueFilter, type TimedDeliverable, compareDue, compareTimeline, isFinal, matchesFilter, timelineAt, timelineDay, upcoming } from '../../domain/deliverable-timeline';
import { noBrandError } from '../accounts';
import { ensureHistory } from '../agreements/history';
import { agreementRow } from '../agreements/load';
import { ownCampaign } from '../campaigns';
import { viewerOf } from '../viewer';
import { ensureDeliverables } from './plan';
import type { DeliverableRow } from './rows';
import { deliverableItem } from './view';

export const DUE_PAGE_SIZE = 20;

type TimelineRow = DeliverableRow & { creator_name: string; creator_handle: string; campaign_title: string | null; brand_name: string };

/** Deliverables of signed agreements with the names their rows show. `where` filters `d`. */
const SELECT = `SELECT d.*, cr.display_name AS creator_name, cr.handle AS creator_handle, c.title AS campaign_title, b.name AS brand_name
	FROM deliverables d
	JOIN agreements g ON g.id = d.agreement_id AND g.status = 'signed'
	JOIN creators cr ON cr.id = d.creator_id
	JOIN brands b ON b.id = d.brand_id
	LEFT JOIN campaigns c ON c.id = d.campaign_id`;

/** The signed agreements in scope (`where` filters `g`) that have no deliverables yet. */
const unplanned = (ctx: CallerContext, where: string, params: unknown[]) =>
	ctx.db.prepare(`SELECT g.id FROM agreements g WHERE ${where} AND g.status = 'signed' AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.agreement_id = g.id)`).bind(...params);

/** Plans the deliverables of those agreements (the documented lazy planning). */
async function plan(ctx: CallerContext, ids: readonly { id: string }[]) {
	for (const { id } of ids) {
		const row = await agreementRow(ctx.db, id);
		if (!row) continue;
		// Older rows may lack their first version and event: the chain must start before it grows.
		await ensureHistory(ctx.db, row);
		await ensureDeliverables(ctx.db, ctx.now, row);
	}
}

/** One row of a timeline or due list: the deliverable as everywhere, with who, where, and when it sits in time. */
function entry(r: TimelineRow, now: number) {
	const item = deliverableItem(r, now);
	const timed: TimedDeliverable = {
		status: item.status,
		nextDueAt: item.next?.dueAt ? Date.parse(item.next.dueAt) : null,
		hasNext: item.next !== null,
		late: item.next?.late ?? false,
		publishDueAt: r.publish_due_at,
		agreementId: r.agreement_id,
		seq: r.seq
	};
	const at = timelineAt(timed);
	return {
		timed,
		out: {
			...item,
			campaign: { id: r.campaign_id, title: r.campaign_title ?? '' },
			brand: { id: r.brand_id, name: r.brand_name },
			creator: { id: r.creator_id, displayName: r.creator_name, handle: r.creator_handle },
			/** The moment that places it in time: the next deadline, else the publication deadline. */
			at: iso(at),
			/** The Algiers day of `at`, for grouping. */
			day: timelineDay(at)
		}
	};
}

type Entry = ReturnType<typeof entry>;

const entriesQuery = (ctx: CallerContext, where: string, params: unknown[]) => ctx.db.prepare(`${SELECT} WHERE ${where}`).bind(...params);

/**
 * The deliverables in scope (`entryWhere` filters `d`), once every signed agreement in scope
 * (`planWhere` filters `g`) has its deliverables planned. Both reads go in one D1 batch; only
 * when something was unplanned (rare: agreements signed before deliverables existed) are the
 * missing ones planned and the deliverables read again.
 */
async function plannedEntries(ctx: CallerContext, planWhere: string, entryWhere: string, params: unknown[]): Promise<Entry[]> {
	const [missing, read] = await ctx.db.batch<unknown>([unplanned(ctx, planWhere, params), entriesQuery(ctx, entryWhere, params)]);
	let rows = read.results as TimelineRow[];
	if (missing.results.length > 0) {
		await plan(ctx, missing.results as { id: string }[]);
		rows = (await entriesQuery(ctx, entryWhere, params).all<TimelineRow>()).results;
	}
	return rows.map((r) => entry(r, ctx.now));
}

const lateCount = (list: readonly Entry[]) => list.filter((e) => e.timed.late).length;
const nextOf = (list: readonly Entry[]) => upcoming(list.map((e) => ({ ...e.timed, e }))).map((x) => x.e.out);

/** GET /campaigns/:id/timeline: every deliverable of the campaign's signed agreements, by date; for the campaign's brand only (404 otherwise). */
export async function campaignTimeline(ctx: CallerContext, input: { campaignId: string }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	const list = (await plannedEntries(ctx, 'g.brand_id = ?1 AND g.campaign_id = ?2', 'd.brand_id = ?1 AND d.campaign_id = ?2', [campaign.brand_id, campaign.id])).sort((a, b) =>
		compareTimeline(a.timed, b.timed)
	);
	return {
		campaign: { id: campaign.id, title: campaign.title, status: campaign.status },
		deliverables: list.map((e) => e.out),
		late: lateCount(list),
		next: nextOf(list)
	};
}

/**
 * GET /me/deliverables: what is due across the caller's signed agreements — a creator's own,
 * or a brand member's current brand's — late first, then by next deadline; paginated.
 * `late`, `open` and `next` describe the open deliverables whatever the filter and page.
 */
export async function myDeliverables(ctx: CallerContext, input: { status: DueFilter; page: number }) {
	const viewer = await viewerOf(ctx);
	if (!viewer) throw ctx.user.role === 'brand' ? noBrandError() : new AppError('forbidden');
	const [column, owner] = viewer.side === 'brand' ? (['brand_id', viewer.brandId] as const) : (['creator_id', viewer.creatorId] as const);
	const all = await plannedEntries(ctx, `g.${column} = ?1`, `d.${column} = ?1`, [owner]);
	const open = all.filter((e) => !isFinal(e.timed.status));
	const listed = all.filter((e) => matchesFilter(e.timed.status, input.status)).sort((a, b) => compareDue(a.timed, b.timed));
	const offset = (input.page - 1) * DUE_PAGE_SIZE;
	return {
		side: viewer.side,
		status: input.status,
		deliverables: listed.slice(offset, offset + DUE_PAGE_SIZE).map((e) => e.out),
		page: input.page,
		pageSize: DUE_PAGE_SIZE,
		total: listed.length,
		open: open.length,
		late: lateCount(open),
		next: nextOf(open)
	};
}
