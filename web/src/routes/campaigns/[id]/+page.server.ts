import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { campaignFormProblem } from '$lib/server/campaign-form';
import { loadWilayas } from '$lib/server/campaign-pages';
import type { Campaign, Task } from '$lib/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role === 'admin') error(404, 'not found');
	const res = await apiJson<{ campaign: Campaign; tasks?: Task[]; codes?: Record<string, string>; invitedAt?: string | null }>(fetch, `/campaigns/${encodeURIComponent(params.id)}`, 'GET');
	if (!res.ok) error(res.status === 404 ? 404 : res.status === 403 ? 403 : 500, res.problem.detail);
	const wilayas = await loadWilayas(fetch, locals.locale);
	return {
		view: me.user.role === 'brand' ? ('brand' as const) : ('creator' as const),
		campaign: res.data.campaign,
		tasks: res.data.tasks ?? [],
		/** A signed creator's own codes, already in the brief they read. */
		codes: res.data.codes ?? null,
		/** When the brand invited this creator to apply, or null. */
		invitedAt: res.data.invitedAt ?? null,
		wilayaNames: Object.fromEntries(wilayas.map((w) => [w.code, w.name])) as Record<string, string>,
		notice: {
			saved: url.searchParams.has('saved'),
			published: url.searchParams.has('published'),
			closed: url.searchParams.has('closed'),
			centimes: url.searchParams.get('warn') === 'centimes',
			redated: url.searchParams.has('redated')
		}
	};
};

const idOf = (params: { id: string }) => encodeURIComponent(params.id);

export const actions: Actions = {
	publish: async ({ fetch, params }) => {
		const res = await apiJson(fetch, `/campaigns/${idOf(params)}/publish`, 'POST');
		// A repeated click (or a retried request) finds it already published: that is success.
		if (res.ok || res.problem.code === 'already_published') redirect(303, `/campaigns/${params.id}?published=1`);
		if (res.status === 404) error(404, res.problem.detail);
		const { errors, detail } = campaignFormProblem(res.problem);
		return fail(res.status, { publish: { errors, detail: detail || res.problem.detail } });
	},
	close: async ({ fetch, params }) => {
		const res = await apiJson(fetch, `/campaigns/${idOf(params)}/close`, 'POST');
		if (res.ok || res.problem.code === 'already_closed') redirect(303, `/campaigns/${params.id}?closed=1`);
		if (res.status === 404) error(404, res.problem.detail);
		return fail(res.status, { close: { detail: res.problem.detail } });
	},
	/** One step of the plan, ticked or unticked in one submit: the form says which step and its new state. */
	task: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const taskId = data.get('taskId');
		const done = data.get('done');
		if (typeof taskId !== 'string' || taskId === '' || (done !== '1' && done !== '0')) return fail(400, { task: { detail: '', key: '', done: false } });
		const res = await apiJson<{ task: Task }>(fetch, `/campaigns/${idOf(params)}/tasks/${encodeURIComponent(taskId)}`, 'PATCH', { done: done === '1' });
		if (!res.ok) {
			if (res.status === 404) error(404, res.problem.detail);
			return fail(res.status, { task: { detail: res.problem.detail, key: '', done: false } });
		}
		return { task: { detail: '', key: res.data.task.key, done: res.data.task.done } };
	}
};
