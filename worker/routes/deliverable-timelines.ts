/**
 * Deliverables across agreements (issue 11, point 8): the brand's timeline of a campaign and
 * the caller's due list across their signed agreements. GETs: the only write is the lazy
 * planning of signed agreements that have no deliverables yet (as GET /agreements/:id/deliverables).
 */
import { type Router, route } from '../route';
import { ById } from './params';
import { campaignTimeline, myDeliverables } from '../services/deliverables';
import { CampaignTimelineResponse, DueListResponse, DueQuery } from './deliverable-timelines.types';

export function deliverableTimelineRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/timeline',
			summary: 'Every deliverable of the campaign’s signed agreements by date (next deadline, else publication), with how many are late and what comes next',
			tags: ['deliverables'],
			auth: 'brand',
			params: ById,
			responses: {
				200: { description: 'OK', schema: CampaignTimelineResponse },
				401: { description: 'No session' },
				403: { description: 'Not a brand user, or one without a brand' },
				404: { description: 'No such campaign, or another brand’s' }
			}
		},
		async (c, { ctx, params }) => c.json(await campaignTimeline(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/deliverables',
			summary: 'What is due across the caller’s signed agreements (a creator’s own, a brand member’s current brand’s): late first, then by next deadline; 20 a page',
			tags: ['deliverables'],
			auth: 'user',
			query: DueQuery,
			responses: {
				200: { description: 'OK', schema: DueListResponse },
				401: { description: 'No session' },
				403: { description: 'Neither a creator nor a member of a brand' }
			}
		},
		async (c, { ctx, query }) => c.json(await myDeliverables(ctx, { status: query.status, page: query.page }))
	);
}
