/**
 * The crisis clause in practice (issue 11, point 5): asking to withdraw online content, and
 * the other side's confirmation that it is removed. Only the agreement's parties reach a
 * deliverable (404 for anyone else); the terms say which party may ask.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import { confirmWithdrawal, requestWithdrawal } from '../services/deliverables';
import { WithdrawalBody, WithdrawalResponse } from './deliverable-withdrawals.types';

export function deliverableWithdrawalRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/withdrawal',
			summary:
				'Ask for online content to be withdrawn under the crisis clause, with a reason: the deadline is now + the terms’ hours, the payment effect the terms name is recorded; the deliverable keeps its status until the other side confirms',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(WithdrawalBody),
			responses: {
				201: { description: 'Asked: the withdrawal with its deadline and payment effect, and the deliverable', schema: WithdrawalResponse },
				403: { description: 'The terms let only the brand ask (the creator asked); or the request’s Origin is another site' },
				404: { description: 'No such deliverable, or not one of its parties' },
				409: { description: 'The content is not online (published, stats_d1, stats_d7 or done), a withdrawal was already asked, or the agreement changed meanwhile' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await requestWithdrawal(ctx, { deliverableId: params.id, reason: body.reason }), 201)
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/withdrawal/confirm',
			summary: 'The other side than the requester confirms the content is removed: the deliverable is withdrawn (final), late if after the deadline; its library asset is withdrawn too',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			responses: {
				200: { description: 'Confirmed: the withdrawal (removed) and the withdrawn deliverable', schema: WithdrawalResponse },
				403: { description: 'The caller’s side asked for the withdrawal: the other side confirms; or the request’s Origin is another site' },
				404: { description: 'No such deliverable, or not one of its parties' },
				409: { description: 'No withdrawal is pending (none asked, or already confirmed), or the agreement changed meanwhile' }
			}
		},
		async (c, { ctx, params }) => c.json(await confirmWithdrawal(ctx, { deliverableId: params.id }))
	);
}
