import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { ApplicationOut, CampaignSummary } from '$lib/applications';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

interface Detail {
	application: ApplicationOut;
	campaign: CampaignSummary;
	creator: { id: string; displayName: string; handle: string; wilaya: { code: string; nameFr: string | null; nameAr: string | null } | null; followersTotal: number; niches: string[] } | null;
	agreement: { id: string; status: string; version: number } | null;
	viewer: { side: 'brand' | 'creator' };
}

interface Thread {
	messages: { id: string; body: string; createdAt: string; author: { name: string; side: 'brand' | 'creator' }; mine: boolean }[];
	page: number;
	pageSize: number;
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const id = encodeURIComponent(params.id);
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const [detail, thread] = await Promise.all([apiJson<Detail>(fetch, `/applications/${id}`, 'GET'), apiJson<Thread>(fetch, `/applications/${id}/messages?page=${page}`, 'GET')]);
	if (!detail.ok) error(404, detail.problem.detail);
	if (!thread.ok) error(404, thread.problem.detail);
	return { ...detail.data, thread: thread.data, applied: url.searchParams.get('applied') === '1' };
};

async function decide(event: RequestEvent, action: 'shortlist' | 'accept' | 'decline') {
	const data = await event.request.formData();
	const reason = formString(data, 'reason', 600);
	const res = await apiJson(event.fetch, `/applications/${encodeURIComponent(event.params.id)}/${action}`, 'POST', action === 'decline' ? { reason } : undefined);
	if (!res.ok) {
		return fail(res.status, { decision: { action, reason, ...formProblem(res.problem) } });
	}
	return { decision: { done: action } };
}

export const actions: Actions = {
	reply: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const body = formString(data, 'body', 4000);
		const res = await apiJson(fetch, `/applications/${encodeURIComponent(params.id)}/messages`, 'POST', { body });
		if (!res.ok) {
			return fail(res.status, { reply: { values: { body }, ...formProblem(res.problem) } });
		}
		return { reply: { sent: true } };
	},
	shortlist: (event) => decide(event, 'shortlist'),
	accept: (event) => decide(event, 'accept'),
	decline: (event) => decide(event, 'decline')
};
