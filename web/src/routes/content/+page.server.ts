import { error, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { type ContentList, apiQuery, readFilters } from '$lib/library';
import type { PageServerLoad } from './$types';

/** /content: the brand's content library (GET /content), filtered by a GET form. Brand accounts only. */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') redirect(303, '/dashboard');
	const { filters, page } = readFilters(url);
	const res = await apiJson<ContentList>(fetch, `/content${apiQuery(filters, page)}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	return { filters, filtered: Object.values(filters).some(Boolean), list: res.data };
};
