/** Look-alike creators (issue 16, point 3): "creators like this one", for brands and admins. */
import { type Router, route } from '../route';
import { similarCreators } from '../services/look-alikes';
import { SimilarQuery, SimilarResponse } from './look-alikes.types';
import { ById } from './params';

export function lookAlikeRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/creators/:id/similar',
			summary:
				'The 10 creators most like this one (content terms, niches, follower tier, engagement by format, audience wilayas), each with its reason; with campaignId, only those passing that campaign’s hard filters',
			tags: ['matching'],
			auth: 'user',
			replica: true,
			params: ById,
			query: SimilarQuery,
			responses: {
				200: { description: 'Look-alikes, most similar first', schema: SimilarResponse },
				400: { description: 'Invalid query' },
				401: { description: 'No session' },
				403: { description: 'A creator account (brands and admins only)' },
				404: { description: 'Unknown creator, or a campaign that is not the caller’s' }
			}
		},
		async (c, { ctx, params, query }) => c.json(await similarCreators(ctx, { creatorId: params.id, campaignId: query.campaignId, locale: query.lang ?? ctx.locale }))
	);
}
