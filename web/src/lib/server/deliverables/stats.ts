/**
 * Form actions of the deliverable page: the stats part (issue 11, point 4). See actions.ts.
 * `stats` reports or corrects a window (with an optional screenshot uploaded first to the
 * creator's screenshots), `statsReview` is the brand's approve or query, `statsAnswer` the
 * creator's answer. Each failure carries its window, so the page shows it on the right form.
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem, type Problem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import { type StatsWindow, figure, metricsOf } from '$lib/publication-stats';
import { type DeliverableAction, deliverablePath } from './actions';

const windowOf = (data: FormData): StatsWindow | null => {
	const w = data.get('window');
	return w === 'D1' || w === 'D7' ? w : null;
};

/** A window the form did not name: the page was tampered with or is stale. */
const noWindow = () => fail(400, { stats: { window: null, values: {}, errors: {}, detail: '' } });

export const statsActions: Record<string, DeliverableAction> = {
	stats: async (event) => {
		const data = await event.request.formData();
		const window = windowOf(data);
		if (!window) return noWindow();
		const values: Record<string, string> = {};
		// Every metric a story form has; a reel's form has no navigation or exits, read as empty and left out.
		for (const m of metricsOf('story')) values[m] = formString(data, m, 30);
		const body: Record<string, unknown> = { window };
		for (const [m, raw] of Object.entries(values)) {
			// Navigation and exits may stay empty on a story; every other figure is required (the API says so).
			if ((m === 'navigation' || m === 'exits') && raw.trim() === '') continue;
			body[m] = figure(raw);
		}
		let screenshotId: string | null = formString(data, 'screenshotId', 80) || null;
		const file = data.get('screenshot');
		if (file instanceof File && file.size > 0) {
			const upload = new FormData();
			upload.append('file', file, file.name);
			upload.append('note', `${window}`);
			const res = await event.fetch('/api/v1/creators/me/screenshots', { method: 'POST', body: upload });
			if (!res.ok) {
				const problem = (await res.json().catch(() => ({ detail: '' }))) as Problem;
				// Type and size refusals are about the file.
				return fail(res.status, { stats: { window, values, errors: { screenshotId: problem.detail }, detail: '' } });
			}
			screenshotId = ((await res.json()) as { screenshot: { id: string } }).screenshot.id;
		}
		if (screenshotId) body.screenshotId = screenshotId;
		const res = await apiJson(event.fetch, deliverablePath(event, '/stats'), 'POST', body);
		if (!res.ok) return fail(res.status, { stats: { window, values, ...formProblem(res.problem) } });
		return { stats: { window, done: true as const } };
	},

	statsReview: async (event) => {
		const data = await event.request.formData();
		const window = windowOf(data);
		if (!window) return noWindow();
		const decision = data.get('decision') === 'query' ? ('query' as const) : ('approve' as const);
		const values = { comment: formString(data, 'comment', 1200) };
		const res = await apiJson(event.fetch, deliverablePath(event, `/stats/${window}/review`), 'POST', { decision, comment: values.comment });
		if (!res.ok) return fail(res.status, { statsReview: { window, decision, values, ...formProblem(res.problem) } });
		return { statsReview: { window, done: decision } };
	},

	statsAnswer: async (event) => {
		const data = await event.request.formData();
		const window = windowOf(data);
		if (!window) return noWindow();
		const values = { comment: formString(data, 'comment', 1200) };
		const res = await apiJson(event.fetch, deliverablePath(event, `/stats/${window}/answer`), 'POST', { comment: values.comment });
		if (!res.ok) return fail(res.status, { statsAnswer: { window, values, ...formProblem(res.problem) } });
		return { statsAnswer: { window, done: true as const } };
	}
};
