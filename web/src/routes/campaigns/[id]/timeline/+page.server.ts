import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { type CampaignTimeline, algiersDay } from '$lib/workspace';
import type { PageServerLoad } from './$types';

/** The brand's timeline of a campaign: every deliverable by day, `?show=late` for the late ones only. */
export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(404, 'not found');
	const res = await apiJson<CampaignTimeline>(fetch, `/campaigns/${encodeURIComponent(params.id)}/timeline`, 'GET');
	if (!res.ok) error(res.status === 403 || res.status === 404 ? 404 : res.status, res.problem.detail);
	return { ...res.data, show: url.searchParams.get('show') === 'late' ? ('late' as const) : ('all' as const), today: algiersDay(Date.now()) };
};
