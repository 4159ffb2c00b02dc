/** Applications to campaigns, their message threads, and the agreement draft an acceptance creates. */
import { t } from '../i18n';
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import {
	acceptApplication,
	applyToCampaign,
	campaignForApplicant,
	declineApplication,
	getApplication,
	listApplicants,
	listMessages,
	listMyApplications,
	postMessage,
	shortlistApplication
} from '../services/applications';
import { AcceptResponse, ApplicantsQuery, ApplicationResponse, ApplyBody, DeclineBody, MessageBody, PageQuery } from './applications.types';

const ONE = { 401: { description: 'No session' }, 404: { description: 'Not found, or not yours' } };

export function applicationRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/applications',
			summary: 'Apply to an open campaign (creator); one application per campaign',
			tags: ['applications'],
			auth: 'creator',
			params: ById,
			body: json(ApplyBody),
			responses: {
				...ONE,
				201: { description: 'Created; `warnings` flags a fee that looks like centimes', schema: ApplicationResponse },
				400: { description: 'Invalid input (formats outside the campaign, days outside its period…)' },
				403: { description: 'Not a creator' },
				404: { description: 'No such open campaign' },
				409: { description: 'Already applied' }
			}
		},
		async (c, { ctx, params, body }) => {
			const out = await applyToCampaign(ctx, { campaignId: params.id, ...body });
			return c.json({ application: out.application, warnings: out.warnings.map((w) => ({ ...w, message: t(ctx.locale, w.code) })) }, 201);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/application',
			summary: 'The campaign as an applicant sees it, with the caller’s application if any (creator)',
			tags: ['applications'],
			auth: 'creator',
			params: ById,
			responses: { 200: { description: 'OK' }, 403: { description: 'Not a creator' }, ...ONE }
		},
		async (c, { ctx, params }) => c.json(await campaignForApplicant(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/applications',
			summary: 'Applicants of one of the brand’s campaigns with their key numbers, by status, paginated',
			tags: ['applications'],
			auth: 'brand',
			params: ById,
			query: ApplicantsQuery,
			responses: { 200: { description: 'OK' }, 403: { description: 'Not a brand' }, ...ONE }
		},
		async (c, { ctx, params, query }) => c.json(await listApplicants(ctx, { campaignId: params.id, ...query }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/applications',
			summary: 'The creator’s own applications, newest first',
			tags: ['applications'],
			auth: 'creator',
			query: PageQuery,
			responses: { 200: { description: 'OK' }, 403: { description: 'Not a creator' }, 401: { description: 'No session' } }
		},
		async (c, { ctx, query }) => c.json(await listMyApplications(ctx, { page: query.page }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/applications/:id',
			summary: 'One application, for its creator or the owning brand',
			tags: ['applications'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK' }, ...ONE }
		},
		async (c, { ctx, params }) => c.json(await getApplication(ctx, { applicationId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/applications/:id/shortlist',
			summary: 'Shortlist a pending application (brand)',
			tags: ['applications'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'Shortlisted', schema: ApplicationResponse }, 403: { description: 'Not a brand' }, 409: { description: 'Not pending' }, ...ONE }
		},
		async (c, { ctx, params }) => c.json(await shortlistApplication(ctx, { applicationId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/applications/:id/accept',
			summary: 'Accept an application (brand): creates the agreement draft and notifies the creator',
			tags: ['applications'],
			auth: 'brand',
			params: ById,
			responses: {
				200: { description: 'Accepted; the agreement draft exists', schema: AcceptResponse },
				403: { description: 'Not a brand' },
				409: { description: '`already_accepted`, or declined/withdrawn' },
				...ONE
			}
		},
		async (c, { ctx, params }) => c.json(await acceptApplication(ctx, { applicationId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/applications/:id/decline',
			summary: 'Decline an application with a reason shown to the creator (brand)',
			tags: ['applications'],
			auth: 'brand',
			params: ById,
			body: json(DeclineBody),
			responses: {
				200: { description: 'Declined', schema: ApplicationResponse },
				400: { description: 'Reason missing' },
				403: { description: 'Not a brand' },
				409: { description: 'Already decided' },
				...ONE
			}
		},
		async (c, { ctx, params, body }) => c.json(await declineApplication(ctx, { applicationId: params.id, reason: body.reason }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/applications/:id/messages',
			summary: 'The message thread of an application (either party)',
			tags: ['applications'],
			auth: 'user',
			params: ById,
			query: PageQuery,
			responses: { 200: { description: 'OK' }, ...ONE }
		},
		async (c, { ctx, params, query }) => c.json(await listMessages(ctx, { applicationId: params.id, page: query.page }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/applications/:id/messages',
			summary: 'Write in the thread; the other side is notified',
			tags: ['applications'],
			auth: 'user',
			params: ById,
			body: json(MessageBody),
			responses: { 201: { description: 'Sent' }, 400: { description: 'Empty or too long' }, ...ONE }
		},
		async (c, { ctx, params, body }) => c.json(await postMessage(ctx, { applicationId: params.id, body: body.body }), 201)
	);

	// GET /agreements/:id lives in worker/routes/agreements.ts.
}
