/**
 * Form actions of the deliverable page: the crisis part (issue 11, point 5). See actions.ts.
 * `withdrawal` asks for online content to be withdrawn (reason); `withdrawalConfirm` is the
 * other side's confirmation that it is removed. Both answer `{ crisis: … }`.
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import { type DeliverableAction, deliverablePath } from './actions';

export const crisisActions: Record<string, DeliverableAction> = {
	withdrawal: async (event) => {
		const data = await event.request.formData();
		const reason = formString(data, 'reason', 1200);
		const res = await apiJson(event.fetch, deliverablePath(event, '/withdrawal'), 'POST', { reason });
		if (!res.ok) return fail(res.status, { crisis: { values: { reason }, ...formProblem(res.problem) } });
		return { crisis: { done: 'requested' as const } };
	},
	withdrawalConfirm: async (event) => {
		const res = await apiJson(event.fetch, deliverablePath(event, '/withdrawal/confirm'), 'POST');
		if (!res.ok) return fail(res.status, { crisis: { values: { reason: '' }, ...formProblem(res.problem) } });
		return { crisis: { done: 'confirmed' as const } };
	}
};
