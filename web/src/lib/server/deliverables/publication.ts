/**
 * Form actions of the deliverable page: the publication part (issue 11, point 3). See
 * actions.ts. `publication` records the post (or records it again to fix it),
 * `publicationReview` is the brand's confirm or flag, `highlight` a story's hours.
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import { fromAlgiersLocal } from '$lib/publication-stats';
import { type DeliverableAction, deliverablePath } from './actions';

/** Field errors with every `disclosure.hashtags.N` under one key, as the form has one group of boxes. */
function placed(problem: Parameters<typeof formProblem>[0]) {
	const { errors, detail } = formProblem(problem);
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) out[path.startsWith('disclosure.hashtags') ? 'disclosure.hashtags' : path] ??= message;
	return { errors: out, detail };
}

export const publicationActions: Record<string, DeliverableAction> = {
	publication: async (event) => {
		const data = await event.request.formData();
		const values = {
			url: formString(data, 'url', 600),
			publishedAt: formString(data, 'publishedAt', 40),
			label: data.get('label') === 'on',
			hashtags: data
				.getAll('hashtags')
				.filter((h): h is string => typeof h === 'string')
				.slice(0, 10)
				.map((h) => h.slice(0, 60))
		};
		const res = await apiJson(event.fetch, deliverablePath(event, '/publication'), 'POST', {
			url: values.url,
			publishedAt: fromAlgiersLocal(values.publishedAt),
			disclosure: { label: values.label, hashtags: values.hashtags }
		});
		if (!res.ok) return fail(res.status, { publication: { values, ...placed(res.problem) } });
		return { publication: { done: 'recorded' as const } };
	},

	publicationReview: async (event) => {
		const data = await event.request.formData();
		const decision = data.get('decision') === 'flag' ? ('flag' as const) : ('confirm' as const);
		const values = { reason: formString(data, 'reason', 600) };
		const res = await apiJson(event.fetch, deliverablePath(event, '/publication/review'), 'POST', decision === 'flag' ? { decision, reason: values.reason } : { decision });
		if (!res.ok) return fail(res.status, { publicationReview: { decision, values, ...formProblem(res.problem) } });
		return { publicationReview: { done: decision } };
	},

	highlight: async (event) => {
		const data = await event.request.formData();
		const values = { hours: formString(data, 'hours', 20) };
		const raw = values.hours.trim();
		const res = await apiJson(event.fetch, deliverablePath(event, '/highlight'), 'POST', { hours: /^\d{1,6}$/.test(raw) ? Number(raw) : raw });
		if (!res.ok) return fail(res.status, { highlight: { values, ...formProblem(res.problem) } });
		return { highlight: { done: true as const } };
	}
};
