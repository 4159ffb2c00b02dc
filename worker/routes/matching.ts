/**
 * Matching (issue 4): a campaign's match scores for its brand, the brand's weights per
 * campaign, and the creator's own risk flags with their explanations.
 */
import { type Router, route } from '../route';
import { ownCreatorId } from '../services/viewer';
import { campaignMatches, explainRiskFlag, ownRiskFlags, readWeights, saveWeights } from '../services/matching';
import { ownCampaign } from '../services/campaigns';
import { ExplanationBody, MatchesQuery, MatchesResponse, OwnRiskResponse, RiskCodeParam, WeightsBody, WeightsOut } from './matching.types';
import * as v from 'valibot';
import { AppError } from '../errors';

const brandOnly = { 401: { description: 'No session' }, 403: { description: 'Not a brand user' }, 404: { description: 'No such campaign, or another brand’s' } };

export function matchingRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/matches',
			summary: 'Creators that pass the campaign’s hard filters, scored on five criteria with reasons, best first',
			tags: ['matching'],
			auth: 'brand',
			query: MatchesQuery,
			responses: { 200: { description: 'Scored matches', schema: MatchesResponse }, 400: { description: 'Invalid query' }, ...brandOnly }
		},
		async (c, { query }) => {
			const locale = query.lang ?? c.get('locale');
			const out = await campaignMatches(c.env.DB, c.get('user')!, c.req.param('id')!, { limit: query.limit, offset: (query.page - 1) * query.limit, ids: query.ids, locale });
			return c.json(out);
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
			responses: { 200: { description: 'Weights', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, ...brandOnly }
		},
		async (c) => {
			await ownCampaign(c.env.DB, c.get('user')!, c.req.param('id')!);
			return c.json(await readWeights(c.env.DB, c.req.param('id')!));
		}
	);

	route(
		r,
		{
			method: 'put',
			path: '/campaigns/:id/match-weights',
			summary: 'Tune the weights of the five criteria for this campaign (integers 0–100, not all zero)',
			tags: ['matching'],
			auth: 'brand',
			body: WeightsBody,
			responses: { 200: { description: 'Saved', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, 400: { description: 'Invalid weights' }, ...brandOnly }
		},
		async (c, { body }) => c.json(await saveWeights(c.env.DB, c.get('user')!, c.req.param('id')!, body, Date.now()))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/campaigns/:id/match-weights',
			summary: 'Back to the default weights',
			tags: ['matching'],
			auth: 'brand',
			responses: { 200: { description: 'Defaults restored', schema: v.object({ weights: WeightsOut, custom: v.boolean() }) }, ...brandOnly }
		},
		async (c) => c.json(await saveWeights(c.env.DB, c.get('user')!, c.req.param('id')!, null, Date.now()))
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
		async (c) => c.json(await ownRiskFlags(c.env.DB, await ownCreatorId(c.env.DB, c.get('user')!.id), c.get('locale')))
	);

	route(
		r,
		{
			method: 'put',
			path: '/creators/me/risk/:code/explanation',
			summary: 'Attach an explanation to one of the caller’s raised flags (empty text removes it); brands see it next to the flag',
			tags: ['matching'],
			auth: 'creator',
			body: ExplanationBody,
			responses: {
				200: { description: 'Saved; the caller’s flags', schema: OwnRiskResponse },
				400: { description: 'Invalid input' },
				401: { description: 'No session' },
				403: { description: 'Not a creator' },
				404: { description: 'Unknown signal code' },
				409: { description: 'This signal is not raised on the caller’s profile' }
			}
		},
		async (c, { body }) => {
			const code = c.req.param('code')!;
			if (!v.is(RiskCodeParam, code)) throw new AppError('not_found');
			const creatorId = await ownCreatorId(c.env.DB, c.get('user')!.id);
			await explainRiskFlag(c.env.DB, creatorId, code, body.explanation, Date.now());
			return c.json(await ownRiskFlags(c.env.DB, creatorId, c.get('locale')));
		}
	);
}
