import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { DUE_FILTERS, type DueFilter, type DueList } from '$lib/workspace';
import type { PageServerLoad } from './$types';

/** What is due across the caller's signed agreements: the creator's to-do list (a brand member sees their brand's). */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role === 'admin') error(404, 'not found');
	const asked = url.searchParams.get('status');
	const status: DueFilter = (DUE_FILTERS as readonly string[]).includes(asked ?? '') ? (asked as DueFilter) : 'open';
	const page = Math.max(1, Math.min(999_999, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const res = await apiJson<DueList>(fetch, `/me/deliverables?status=${status}&page=${page}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	return res.data;
};
