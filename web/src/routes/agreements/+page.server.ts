import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { AgreementListItem } from '$lib/agreements';
import type { PageServerLoad } from './$types';

interface List {
	agreements: AgreementListItem[];
	page: number;
	pageSize: number;
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const res = await apiJson<List>(fetch, `/agreements?page=${page}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	return { ...res.data, side: me.user.role === 'brand' ? ('brand' as const) : ('creator' as const) };
};
