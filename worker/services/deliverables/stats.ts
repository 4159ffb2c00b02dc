/**
 * The D+1 and D+7 stats of a deliverable (issue 11, point 4): the creator reports or
 * corrects a window's figures, the brand approves or queries them, the creator answers a
 * query. Rules in worker/domain/deliverable-stats.ts. Approved figures become the delivered
 * post in the creator's stats (posts, ref `wasla:<deliverableId>`, sponsored) in the batch
 * of the approval, and the creator's features are recomputed as after an import.
 */
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { t } from '../../i18n';
import type { DeliverableStatus, StatsWindow } from '../../domain/deliverables';
import { type Figures, type StatsDecision, type StatsStatus, canAnswer, deliveredFigures, deliveredPostRef, planReport, planReview, statsOpensAt } from '../../domain/deliverable-stats';
import { recomputeFeatures } from '../creator-stats';
import { type LoadedDeliverable, changeDeliverable, commit, guardDeliverable, loadDeliverable, requireParty, updateDeliverable } from './load';
import { getDeliverable } from './read';
import type { StatsRow } from './rows';
import { messageStatement, notifyOtherSide } from './thread';

const stateError = (detailKey = 'detail_deliverable_state') => new AppError('invalid_state', { detailKey });

async function windowsOf(db: D1Database, deliverableId: string): Promise<StatsRow[]> {
	const { results } = await db.prepare('SELECT * FROM deliverable_stats WHERE deliverable_id = ?1').bind(deliverableId).all<StatsRow>();
	return results;
}

const statusOf = (rows: StatsRow[], w: StatsWindow) => (rows.find((r) => r.window === w)?.status ?? null) as StatsStatus | null;

export interface ReportStatsInput {
	deliverableId: string;
	window: StatsWindow;
	figures: Figures;
	screenshotId: string | null;
}

/**
 * POST /deliverables/:id/stats (creator). The window must be open (D+1 a day after the post
 * went online, D+7 seven days after: 409 before). The first D+1 moves published → stats_d1,
 * the first D+7 stats_d1 → stats_d7 (D+7 before D+1: 409); a window already reported and not
 * approved is corrected (its status back to `submitted`, the deliverable's unchanged); an
 * approved window is final (409). Stories need a screenshot of the creator's own (their
 * numbers vanish after 24 hours) and may carry navigation and exits; other formats may not.
 */
export async function reportStats(ctx: CallerContext, input: ReportStatsInput) {
	await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		const { window, figures } = input;
		requireParty(loaded, 'creator');
		const status = d.status as DeliverableStatus;
		const plan = planReport(status, window, statusOf(await windowsOf(ctx.db, d.id), window));
		if (plan.kind === 'refused') throw stateError(plan.reason === 'approved' ? 'detail_stats_approved' : plan.reason === 'd1_first' ? 'detail_stats_d1_first' : 'detail_deliverable_state');
		const to = plan.kind === 'first' ? guardDeliverable(loaded, plan.action) : status;
		if (d.published_at === null || ctx.now < statsOpensAt(d.published_at, window)) throw stateError(window === 'D1' ? 'detail_stats_not_open_d1' : 'detail_stats_not_open_d7');

		// Every field problem at once, so a form shows them together.
		const story = d.format === 'story';
		const errors: { path: string; message: string }[] = [];
		if (!story) for (const f of ['navigation', 'exits'] as const) if (figures[f] != null) errors.push({ path: f, message: t(ctx.locale, 'stats_story_only') });
		if (story && !input.screenshotId) errors.push({ path: 'screenshotId', message: t(ctx.locale, 'stats_screenshot_required') });
		if (input.screenshotId) {
			const own = await ctx.db.prepare('SELECT 1 AS x FROM stats_screenshots WHERE id = ?1 AND creator_id = ?2').bind(input.screenshotId, d.creator_id).first();
			if (!own) errors.push({ path: 'screenshotId', message: t(ctx.locale, 'stats_screenshot_unknown') });
		}
		if (errors.length > 0) throw new AppError('invalid_request', { errors });

		const correction = plan.kind === 'correction';
		await commit(
			ctx,
			loaded,
			[{ action: 'stats_reported', data: { deliverableId: d.id, status: to, window, correction } }],
			[
				ctx.db
					.prepare(
						`INSERT INTO deliverable_stats (deliverable_id, "window", views, reach, likes, comments, saves, shares, replies, link_clicks, navigation, exits, screenshot_id, status, submitted_at, updated_at)
						 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'submitted', ?14, ?14)
						 ON CONFLICT (deliverable_id, "window") DO UPDATE SET views = excluded.views, reach = excluded.reach, likes = excluded.likes, comments = excluded.comments,
						   saves = excluded.saves, shares = excluded.shares, replies = excluded.replies, link_clicks = excluded.link_clicks, navigation = excluded.navigation,
						   exits = excluded.exits, screenshot_id = excluded.screenshot_id, status = 'submitted', updated_at = excluded.updated_at
						 WHERE deliverable_stats.status <> 'approved'`
					)
					.bind(
						d.id,
						window,
						figures.views,
						figures.reach,
						figures.likes,
						figures.comments,
						figures.saves,
						figures.shares,
						figures.replies,
						figures.linkClicks,
						story ? (figures.navigation ?? null) : null,
						story ? (figures.exits ?? null) : null,
						input.screenshotId,
						ctx.now
					),
				updateDeliverable(ctx.db, loaded, ctx.now, 'status = $1', [to]),
				notifyOtherSide(ctx.db, loaded, ctx.now, 'stats_reported')
			]
		);
	});
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}

/** The delivered post in the creator's stats, from the approved figures (D+7 over D+1): inserted, or updated in place. */
function deliveredPostStatement(db: D1Database, loaded: LoadedDeliverable, figures: StatsRow) {
	const { d } = loaded;
	return db
		.prepare(
			`INSERT INTO posts (id, creator_id, platform, ref, format, posted_at, caption, views, reach, likes, comments, saves, shares, sponsored)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?8, ?9, ?10, ?11, ?12, 1)
			 ON CONFLICT (creator_id, platform, ref) DO UPDATE SET format = excluded.format, posted_at = excluded.posted_at, views = excluded.views, reach = excluded.reach,
			   likes = excluded.likes, comments = excluded.comments, saves = excluded.saves, shares = excluded.shares, sponsored = 1`
		)
		.bind(
			crypto.randomUUID(),
			d.creator_id,
			d.platform,
			deliveredPostRef(d.id),
			d.format,
			d.published_at,
			figures.views,
			figures.reach,
			figures.likes,
			figures.comments,
			figures.saves,
			figures.shares
		);
}

/**
 * POST /deliverables/:id/stats/:window/review (brand). `query` (a comment naming the figure)
 * sets the window `queried` and writes a `stats_query` message; `approve` makes it final
 * (`approved_at`), writes the delivered post into the creator's stats and recomputes their
 * features; approving D+7 (after D+1) closes the deliverable (`close`: done). Audit
 * `stats_reviewed`.
 */
export async function reviewStats(ctx: CallerContext, input: { deliverableId: string; window: StatsWindow; decision: StatsDecision; comment: string }) {
	const approved = await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		const { window, decision } = input;
		requireParty(loaded, 'brand');
		const status = d.status as DeliverableStatus;
		const rows = await windowsOf(ctx.db, d.id);
		const current = statusOf(rows, window);
		const plan = planReview(status, window, decision, current, statusOf(rows, 'D1'));
		if (!plan.ok) throw stateError(plan.reason === 'd1_first' ? 'detail_stats_review_d1_first' : 'detail_stats_review_state');
		const to = plan.closes ? guardDeliverable(loaded, 'close') : status;
		const approve = decision === 'approve';
		const after = rows.map((r) => (r.window === window ? { ...r, status: approve ? 'approved' : 'queried' } : r));
		const delivered = approve ? deliveredFigures(after) : null;
		await commit(
			ctx,
			loaded,
			[{ action: 'stats_reviewed', data: { deliverableId: d.id, status: to, window, decision } }],
			[
				ctx.db
					.prepare(`UPDATE deliverable_stats SET status = ?3, approved_at = ?4, updated_at = ?5 WHERE deliverable_id = ?1 AND "window" = ?2 AND status = ?6`)
					.bind(d.id, window, approve ? 'approved' : 'queried', approve ? ctx.now : null, ctx.now, current),
				updateDeliverable(ctx.db, loaded, ctx.now, 'status = $1', [to]),
				messageStatement(ctx.db, loaded, ctx.now, { kind: approve ? 'stats_approved' : 'stats_query', body: input.comment, statsWindow: window }),
				notifyOtherSide(ctx.db, loaded, ctx.now, 'stats_reviewed'),
				...(delivered ? [deliveredPostStatement(ctx.db, loaded, delivered)] : [])
			]
		);
		return delivered ? d.creator_id : null;
	});
	// As after an import: the delivered post now counts in the creator's engagement, sponsored share and matching.
	if (approved) await recomputeFeatures(ctx, { creatorId: approved });
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}

/**
 * POST /deliverables/:id/stats/:window/answer (creator, while the window is queried): the
 * answer goes in the thread (`stats_answer`) and the window back to `submitted` for the
 * brand; figures are corrected with POST /deliverables/:id/stats. Audit `stats_reported`
 * with `answered` (the same figures, explained).
 */
export async function answerStats(ctx: CallerContext, input: { deliverableId: string; window: StatsWindow; comment: string }) {
	await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		const { window } = input;
		requireParty(loaded, 'creator');
		const status = d.status as DeliverableStatus;
		if (!canAnswer(status, window, statusOf(await windowsOf(ctx.db, d.id), window))) throw stateError('detail_stats_answer_state');
		await commit(
			ctx,
			loaded,
			[{ action: 'stats_reported', data: { deliverableId: d.id, status, window, correction: false, answered: true } }],
			[
				ctx.db.prepare(`UPDATE deliverable_stats SET status = 'submitted', updated_at = ?3 WHERE deliverable_id = ?1 AND "window" = ?2 AND status = 'queried'`).bind(d.id, window, ctx.now),
				updateDeliverable(ctx.db, loaded, ctx.now, ''),
				messageStatement(ctx.db, loaded, ctx.now, { kind: 'stats_answer', body: input.comment, statsWindow: window }),
				notifyOtherSide(ctx.db, loaded, ctx.now, 'stats_reported')
			]
		);
	});
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}

/**
 * GET /deliverables/:id/stats/:window/screenshot: the screenshot attached to a window, for
 * both parties (the brand checks a story's figures against it); 404 when there is none.
 */
export async function readStatsScreenshot(ctx: CallerContext, input: { deliverableId: string; window: StatsWindow }) {
	const { d } = await loadDeliverable(ctx, input.deliverableId);
	const row = await ctx.db
		.prepare('SELECT s.r2_key, s.content_type FROM deliverable_stats w JOIN stats_screenshots s ON s.id = w.screenshot_id AND s.creator_id = ?3 WHERE w.deliverable_id = ?1 AND w."window" = ?2')
		.bind(d.id, input.window, d.creator_id)
		.first<{ r2_key: string; content_type: string }>();
	if (!row) throw new AppError('not_found');
	const object = await ctx.files.get(row.r2_key);
	if (!object) throw new AppError('not_found');
	return { body: object.body, contentType: row.content_type, size: object.size };
}
