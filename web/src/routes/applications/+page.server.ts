import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { ApplicationOut } from '$lib/applications';
import type { PageServerLoad } from './$types';

interface Mine {
	applications: (ApplicationOut & { campaign: { id: string; title: string; status: string; brandName: string }; agreement: { id: string } | null })[];
	page: number;
	pageSize: number;
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') error(403, 'creators only');
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const res = await apiJson<Mine>(fetch, `/me/applications?page=${page}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	return res.data;
};
