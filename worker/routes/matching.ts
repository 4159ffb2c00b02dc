/**
 * Matching (issue 4): a campaign's match scores for its brand, the brand's weights per
 * campaign, and the creator's own risk flags with their explanations.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { campaignMatches, campaignWeights, explainRiskFlag, ownRiskFlags, saveWeights } from '../services/matching';
import { inviteCreator } from '../services/campaign-invitations';
import { ByRiskCode, ExplanationBody, InvitationBody, InvitationResponse, MatchesQuery, MatchesResponse, OwnRiskResponse, WeightsBody, WeightsOut } from './matching.types';
import { ById } from './params';
import { TRACK_RECORD_WEIGHT_UNSET } from '../domain/matching';
import * as v from 'valibot';

const brandOnly = { 401: { description: 'No session' }, 403: { description: 'Not a brand user' }, 404: { description: 'No such campaign, or another brand’s' } };

export function matchingRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/matches',
			summary: 'Creators that pass the campaign’s hard filters, scored on six criteria with reasons, best first',
			tags: ['matching'],
			auth: 'brand',
			replica: true,
			params: ById,
			query: MatchesQuery,
			responses: { 200: { description: 'Scored matches', schema: MatchesResponse }, 400: { description: 'Invalid query' }, ...brandOnly }
		},
		async (c, { ctx, params, query }) => {
			const out = await campaignMatches(ctx, { campaignId: params.id, limit: query.limit, offset: (query.page - 1) * query.limit, ids: query.ids, locale: query.lang ?? ctx.locale });
			return c.json(out);
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/invitations',
			summary: 'Invite a creator to apply to this open campaign: they see it first in their feed, in their inbox and by email',
			tags: ['matching'],
			auth: 'brand',
			params: ById,
			body: json(InvitationBody),
			responses: {
				201: { description: 'Invited', schema: InvitationResponse },
				200: { description: 'Already invited: the first invitation, unchanged', schema: InvitationResponse },
				400: { description: 'Invalid body' },
				401: { description: 'No session' },
				403: { description: 'Not a brand user' },
				404: { description: 'No such campaign (or another brand’s), or no such creator' },
				409: { description: 'The campaign is not open' },
				429: { description: 'The brand’s daily invitations are spent, with Retry-After' }
			}
		},
		async (c, { ctx, params, body }) => {
			const out = await inviteCreator(ctx, { campaignId: params.id, creatorId: body.creatorId });
			return c.json({ invitation: out.invitation }, out.created ? 201 : 200);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/match-weights',
			summary: 'The campaign’s match weights (the defaults until the brand changes them)',
			tags: ['matching'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'Weights', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, ...brandOnly }
		},
		async (c, { ctx, params }) => c.json(await campaignWeights(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'put',
			path: '/campaigns/:id/match-weights',
			summary: 'Tune the weights of the six criteria for this campaign (integers 0–100, not all zero; trackRecord 0 when left out)',
			tags: ['matching'],
			auth: 'brand',
			params: ById,
			body: json(WeightsBody),
			responses: { 200: { description: 'Saved', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, 400: { description: 'Invalid weights' }, ...brandOnly }
		},
		async (c, { ctx, params, body }) => c.json(await saveWeights(ctx, { campaignId: params.id, weights: { ...body, trackRecord: body.trackRecord ?? TRACK_RECORD_WEIGHT_UNSET } }))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/campaigns/:id/match-weights',
			summary: 'Back to the default weights',
			tags: ['matching'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'Defaults restored', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, ...brandOnly }
		},
		async (c, { ctx, params }) => c.json(await saveWeights(ctx, { campaignId: params.id, weights: null }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/creators/me/risk',
			summary: 'The caller’s risk flags, their reasons and the explanations attached to them',
			tags: ['matching'],
			auth: 'creator',
			responses: { 200: { description: 'Flags', schema: OwnRiskResponse }, 401: { description: 'No session' }, 403: { description: 'Not a creator' } }
		},
		async (c, { ctx }) => c.json(await ownRiskFlags(ctx))
	);

	route(
		r,
		{
			method: 'put',
			path: '/creators/me/risk/:code/explanation',
			summary: 'Attach an explanation to one of the caller’s raised flags (empty text removes it); brands see it next to the flag',
			tags: ['matching'],
			auth: 'creator',
			params: ByRiskCode,
			body: json(ExplanationBody),
			responses: {
				200: { description: 'Saved; the caller’s flags', schema: OwnRiskResponse },
				400: { description: 'Invalid input' },
				401: { description: 'No session' },
				403: { description: 'Not a creator' },
				404: { description: 'Unknown signal code' },
				409: { description: 'This signal is not raised on the caller’s profile' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await explainRiskFlag(ctx, { code: params.code, explanation: body.explanation }))
	);
}
