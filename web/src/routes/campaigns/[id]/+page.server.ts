import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { formFieldErrors } from '$lib/server/campaign-form';
import { loadWilayas } from '$lib/server/campaign-pages';
import type { Campaign, Task } from '$lib/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role === 'admin') error(404, 'not found');
	const res = await apiJson<{ campaign: Campaign; tasks?: Task[] }>(fetch, `/campaigns/${encodeURIComponent(params.id)}`, 'GET');
	if (!res.ok) error(res.status === 404 ? 404 : res.status === 403 ? 403 : 500, res.problem.detail);
	const wilayas = await loadWilayas(fetch, locals.locale);
	return {
		view: me.user.role === 'brand' ? ('brand' as const) : ('creator' as const),
		campaign: res.data.campaign,
		tasks: res.data.tasks ?? [],
		wilayaNames: Object.fromEntries(wilayas.map((w) => [w.code, w.name])) as Record<string, string>,
		notice: {
			saved: url.searchParams.has('saved'),
			published: url.searchParams.has('published'),
			closed: url.searchParams.has('closed'),
			centimes: url.searchParams.get('warn') === 'centimes'
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
		const { errors, detail } = formProblem(res.problem);
		return fail(res.status, { publish: { errors: formFieldErrors(errors), detail: detail || res.problem.detail } });
	},
	close: async ({ fetch, params }) => {
		const res = await apiJson(fetch, `/campaigns/${idOf(params)}/close`, 'POST');
		if (res.ok || res.problem.code === 'already_closed') redirect(303, `/campaigns/${params.id}?closed=1`);
		if (res.status === 404) error(404, res.problem.detail);
		return fail(res.status, { close: { detail: res.problem.detail } });
	},
	/** The plan form: every task id with its state when the page was shown, and the boxes ticked now. */
	tasks: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const ticked = new Set(data.getAll('done').filter((v): v is string => typeof v === 'string'));
		const shown = data
			.getAll('task')
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 50);
		for (const entry of shown) {
			const [taskId, was] = entry.split(':');
			const now = ticked.has(taskId);
			if ((was === '1') === now) continue;
			const res = await apiJson(fetch, `/campaigns/${idOf(params)}/tasks/${encodeURIComponent(taskId)}`, 'PATCH', { done: now });
			if (!res.ok) {
				if (res.status === 404) error(404, res.problem.detail);
				return fail(res.status, { tasks: { detail: res.problem.detail } });
			}
		}
		return { tasks: { saved: true } };
	}
};
