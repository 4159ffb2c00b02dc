/** Campaign offers: create, edit, publish with the 14-day plan, close; the creator feed; brief templates. */
import * as v from 'valibot';
import type { Locale } from '../env';
import { AppError } from '../errors';
import { t } from '../i18n';
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import type { TemplateLang } from '../domain/brief-templates';
import type { CampaignWarning } from '../domain/campaign-rules';
import { OBJECTIVES } from '../domain/taxonomy';
import { listBriefTemplates } from '../services/brief-templates';
import { closeCampaign, createCampaign, creatorFeed, listBrandCampaigns, listTasks, publishCampaign, readCampaign, setTaskDone, updateCampaign } from '../services/campaigns';
import {
	CampaignCreateBody,
	CampaignListQuery,
	CampaignListResponse,
	CampaignPatchBody,
	CampaignResponse,
	TaskOut,
	TaskParams,
	TaskPatchBody,
	TemplatesQuery,
	TemplatesResponse
} from './campaigns.types';

/** Warnings do not refuse the request: they come back translated, next to the result. */
function warnings(locale: Locale, list: CampaignWarning[]) {
	return list.map((w) => ({ path: w.path, code: w.code, message: t(locale, w.key), asDinars: w.asDinars }));
}

const notYours = { 404: { description: 'No such campaign, or another brand’s' } };
const brandOnly = { 401: { description: 'No session' }, 403: { description: 'Not a brand user' }, ...notYours };

export function campaignRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/campaigns',
			summary: 'Create a draft campaign offer for the caller’s brand',
			tags: ['campaigns'],
			auth: 'brand',
			body: json(CampaignCreateBody),
			responses: {
				201: { description: 'Created as a draft; `warnings` flags a budget that looks like centimes', schema: CampaignResponse },
				400: { description: 'Invalid input' },
				403: { description: 'Not a brand user' }
			}
		},
		async (c, { ctx, body }) => {
			const out = await createCampaign(ctx, body);
			return c.json({ campaign: out.campaign, warnings: warnings(ctx.locale, out.warnings) }, 201);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns',
			summary: 'A brand’s own campaigns (newest first), or a creator’s feed of fitting open campaigns (best fit first)',
			tags: ['campaigns'],
			auth: 'user',
			replica: true,
			query: CampaignListQuery,
			responses: { 200: { description: 'One page, with the total', schema: CampaignListResponse }, 400: { description: 'Invalid query' }, 403: { description: 'Admin accounts have no feed' } }
		},
		async (c, { ctx, query }) => {
			const paging = { page: query.page, limit: query.limit };
			if (ctx.user.role === 'brand') return c.json(await listBrandCampaigns(ctx, { ...paging, status: query.status }));
			if (ctx.user.role === 'creator') {
				return c.json(await creatorFeed(ctx, { ...paging, niche: query.niche, wilaya: query.wilaya, format: query.format, minBudget: query.minBudget }));
			}
			throw new AppError('forbidden');
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/brief-templates',
			summary:
				'Starting briefs per objective (key messages, do/don’t, angle) in French, Arabic or English, with the brand’s name and the number of wilayas filled in; `{…}` creator tokens stay for each signed creator’s own codes, `[…]` blanks are for the brand to replace before publishing',
			tags: ['campaigns'],
			auth: 'user',
			query: TemplatesQuery,
			responses: { 200: { description: 'Templates', schema: TemplatesResponse } }
		},
		async (c, { ctx, query }) => {
			const lang: TemplateLang = query.lang ?? ctx.locale;
			return c.json(await listBriefTemplates(ctx, { objectives: query.objective ? [query.objective] : OBJECTIVES, lang }));
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id',
			summary:
				'A campaign: everything with its plan for the owning brand; the public offer of an open campaign for creators, with their own keyword, promo code and link in place of the creator tokens once their agreement is signed',
			tags: ['campaigns'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: CampaignResponse }, 403: { description: 'A brand account that belongs to no brand' }, ...notYours }
		},
		async (c, { ctx, params }) => c.json(await readCampaign(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'patch',
			path: '/campaigns/:id',
			summary: 'Edit a draft or open campaign (any subset of fields; the result is validated as a whole); moving the dates of a published one re-dates its unticked plan tasks',
			tags: ['campaigns'],
			auth: 'brand',
			params: ById,
			body: json(CampaignPatchBody),
			responses: {
				200: { description: 'Saved', schema: CampaignResponse },
				400: { description: 'Invalid input' },
				...brandOnly,
				409: { description: 'Not editable in its status' },
				422: { description: 'An open campaign would keep `[…]` blanks: `errors` names each one (`placeholder`) and its field (`path`); nothing changed' }
			}
		},
		async (c, { ctx, params, body }) => {
			const out = await updateCampaign(ctx, { campaignId: params.id, changes: body });
			return c.json({ campaign: out.campaign, warnings: warnings(ctx.locale, out.warnings), redated: out.redated });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/publish',
			summary: 'Publish a draft (draft → open) and generate its 14-step plan, dated on the campaign’s deadline, start and end',
			tags: ['campaigns'],
			auth: 'brand',
			params: ById,
			responses: {
				200: { description: 'Open, with its plan', schema: CampaignResponse },
				400: { description: 'Missing what creators need; `errors` lists the fields' },
				...brandOnly,
				409: { description: '`already_published`: a retry can be treated as success' },
				422: { description: '`[…]` blanks are left: `errors` names each one (`placeholder`) and its field (`path`); still a draft' }
			}
		},
		async (c, { ctx, params }) => c.json(await publishCampaign(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/close',
			summary: 'Close an open or active campaign',
			tags: ['campaigns'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'Closed', schema: CampaignResponse }, ...brandOnly, 409: { description: '`already_closed`, or not open/active' } }
		},
		async (c, { ctx, params }) => c.json(await closeCampaign(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/tasks',
			summary: 'The campaign’s dated 14-day plan',
			tags: ['campaigns'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'Tasks by day', schema: v.object({ tasks: v.array(TaskOut) }) }, ...brandOnly }
		},
		async (c, { ctx, params }) => c.json(await listTasks(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'patch',
			path: '/campaigns/:id/tasks/:taskId',
			summary: 'Mark a plan task done or not done',
			tags: ['campaigns'],
			auth: 'brand',
			params: TaskParams,
			body: json(TaskPatchBody),
			responses: { 200: { description: 'Saved', schema: v.object({ task: TaskOut }) }, 400: { description: 'Invalid input' }, ...brandOnly }
		},
		async (c, { ctx, params, body }) => c.json(await setTaskDone(ctx, { campaignId: params.id, taskId: params.taskId, done: body.done }))
	);
}
