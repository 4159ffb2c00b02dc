/**
 * The D+1 and D+7 stats of a deliverable (issue 11, point 4): the creator reports or
 * corrects a window, the brand approves or queries it, the creator answers; the screenshot
 * of a window for both parties. Each change answers the deliverable's whole record.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import { answerStats, readStatsScreenshot, reportStats, reviewStats } from '../services/deliverables';
import { DeliverableResponse } from './deliverables.types';
import { ByWindow, StatsAnswerBody, StatsBody, StatsReviewBody } from './deliverable-stats.types';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' }, 403: { description: 'The other party’s step' } };

export function deliverableStatsRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/stats',
			summary:
				'The creator reports a window’s figures (D1 from 24 hours after publication, D7 from 7 days): the first D1 moves published → stats_d1, the first D7 stats_d1 → stats_d7; again to correct a window not yet approved. Stories need a screenshot',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(StatsBody),
			responses: {
				200: { description: 'Reported; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'A figure that is not a whole number from 0 to 2 000 000 000, navigation/exits on a non-story, a story without a screenshot, a screenshot that is not the creator’s' },
				...COMMON,
				409: { description: '`invalid_state`: the window is not open yet, D7 before D1, the window is approved (final), or the deliverable is not published or is withdrawn' }
			}
		},
		async (c, { ctx, params, body }) => {
			const { window, screenshotId, ...figures } = body;
			return c.json(await reportStats(ctx, { deliverableId: params.id, window, figures, screenshotId: screenshotId ?? null }));
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/stats/:window/review',
			summary:
				'The brand approves a window’s figures (final; they become the delivered post in the creator’s stats and features; approving D7, after D1, closes the deliverable) or queries one with a comment',
			tags: ['deliverables'],
			auth: 'user',
			params: ByWindow,
			body: json(StatsReviewBody),
			responses: {
				200: { description: 'Reviewed; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'Unknown decision, or a query without its comment' },
				...COMMON,
				409: { description: '`invalid_state`: nothing reported for the window, already approved, a query already waiting, or D7 before D1 is approved' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await reviewStats(ctx, { deliverableId: params.id, window: params.window, decision: body.decision, comment: body.comment }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/stats/:window/answer',
			summary: 'The creator answers the brand’s query on a window (the window goes back to the brand); figures are corrected with POST /deliverables/:id/stats',
			tags: ['deliverables'],
			auth: 'user',
			params: ByWindow,
			body: json(StatsAnswerBody),
			responses: {
				200: { description: 'Answered; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'Comment missing or too long' },
				...COMMON,
				409: { description: '`invalid_state`: the window is not queried' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await answerStats(ctx, { deliverableId: params.id, window: params.window, comment: body.comment }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/deliverables/:id/stats/:window/screenshot',
			summary: 'The screenshot attached to a window’s figures, for both parties',
			tags: ['deliverables'],
			auth: 'user',
			params: ByWindow,
			responses: { 200: { description: 'The image (PNG, JPEG or WebP)' }, 401: { description: 'No session' }, 404: { description: 'No screenshot, or not one of its parties' } }
		},
		async (c, { ctx, params }) => {
			const shot = await readStatsScreenshot(ctx, { deliverableId: params.id, window: params.window });
			return new Response(shot.body, {
				headers: {
					'content-type': shot.contentType,
					'content-length': String(shot.size),
					'x-content-type-options': 'nosniff',
					'cache-control': 'private, max-age=0',
					'content-disposition': 'inline'
				}
			});
		}
	);
}
