/**
 * Deliverables of signed agreements (issue 11): the list per agreement and one deliverable's
 * record. Only the agreement's brand members and creator see them; anyone else gets 404.
 */
import { type Router, route } from '../route';
import { ById } from './params';
import { getDeliverable, listDeliverables } from '../services/deliverables';
import { DeliverableListResponse, DeliverableResponse } from './deliverables.types';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' } };

export function deliverableRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/deliverables',
			summary: 'The deliverables of an agreement, in order (none until both parties signed); the first read of an agreement signed before deliverables existed plans them',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: DeliverableListResponse }, ...COMMON }
		},
		async (c, { ctx, params }) => c.json(await listDeliverables(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/deliverables/:id',
			summary: 'One deliverable with its drafts, thread, publication, stats and withdrawal, and what the terms fix for it',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: DeliverableResponse }, ...COMMON, 409: { description: 'The agreement’s stored terms are unreadable' } }
		},
		async (c, { ctx, params }) => c.json(await getDeliverable(ctx, { deliverableId: params.id }))
	);
}
